"""``marsad actors``, ``marsad explain`` and ``marsad tag``."""

from __future__ import annotations

import re
import sys
from dataclasses import asdict
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from marsad import query
from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json, store
from marsad.errors import InputError
from marsad.text.segment import segment


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
    app.command("explain")(explain)
    app.command("tag")(tag)
    app.command("merges")(merges)


def actors(
    doc: str | None = typer.Argument(
        None, help="Only this document (id, key or source file name)."
    ),
    code: str | None = typer.Option(
        None, "--code", help="Only actors with this code or country part."
    ),
    limit: int = typer.Option(500, "--limit", help="Most actors to list."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """List actors with their CAMEO-style codes, mention counts and surface forms."""
    with store(db) as st:
        rows = query.actors(st, doc=doc, code=code, limit=limit)
    if as_json:
        print_json([asdict(r) for r in rows])
        return
    table = Table("code", "actor", "kind", "mentions", "docs", "forms")
    for r in rows:
        table.add_row(
            r.code,
            f"{r.name}" + (f" ({r.name_en})" if r.name_en else ""),
            r.kind,
            str(r.mentions),
            str(r.documents),
            "، ".join(r.forms[:5]),
        )
    console().print(table)


def explain(
    doc: str = typer.Argument(..., help="Document id, key or source file name."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Show why marsad believes each record: every mention, date, event and quote with its rule."""
    with store(db) as st:
        a = st.load_analysis(doc)
    text = a.text

    def actor(aid: str | None) -> str:
        if not aid:
            return "—"
        x = a.actors.get(aid)
        return f"{x.name} [{x.code}]" if x else aid

    seg = a.segmentation or segment(text)

    def sent_no(offset: int) -> int:
        return seg.sentence_at(offset) + 1

    if as_json:
        print_json(
            {
                "mentions": [
                    {
                        "text": text[m.start : m.end],
                        "start": m.start,
                        "end": m.end,
                        "actor": m.actor,
                        "code": a.actors[m.actor].code if m.actor in a.actors else None,
                        "rule": m.rule,
                    }
                    for m in a.mentions
                ],
                "dates": [
                    {
                        "text": text[t.start : t.end],
                        "start": t.start,
                        "end": t.end,
                        "from": t.date_from.isoformat(),
                        "to": t.date_to.isoformat(),
                        "granularity": t.granularity,
                        "rule": t.rule,
                    }
                    for t in a.timexes
                ],
                "events": [
                    {
                        "trigger": text[e.trigger[0] : e.trigger[1]],
                        "sentence": text[e.sentence[0] : e.sentence[1]],
                        "source": e.source,
                        "target": e.target,
                        "cameo": e.cameo,
                        "plover": e.plover,
                        "status": e.status,
                        "date": e.date,
                        "date_basis": e.date_basis,
                        "rule": e.rule,
                    }
                    for e in a.events
                ],
                "quotes": [
                    {
                        "speaker": q.speaker,
                        "cue": text[q.cue[0] : q.cue[1]],
                        "text": text[q.content[0] : q.content[1]],
                        "direct": q.direct,
                        "rule": q.rule,
                    }
                    for q in a.quotes
                ],
            }
        )
        return
    c = console()
    c.rule("mentions")
    for m in a.mentions:
        c.print(
            Text(f"{text[m.start : m.end]}", style="bold")
            + Text(f"  → {actor(m.actor)}  ({m.rule})", style="dim")
        )
    c.rule("dates")
    for t in a.timexes:
        c.print(
            Text(text[t.start : t.end], style="bold")
            + Text(f"  → {t.date_from}..{t.date_to} {t.granularity}  ({t.rule})", style="dim")
        )
    c.rule("events")
    for e in a.events:
        c.print(
            Text(f"[{sent_no(e.trigger[0])}] ", style="dim")
            + Text(text[e.trigger[0] : e.trigger[1]], style="bold")
            + Text(
                f"  {', '.join(map(actor, e.source))} → {', '.join(map(actor, e.target)) or '—'}  {e.cameo} {e.plover} {e.status} {e.date or ''}"
            )
            + Text(f"  ({e.rule})", style="dim")
        )
    c.rule("quotes")
    for q in a.quotes:
        c.print(
            Text(f"{actor(q.speaker)} ", style="bold")
            + Text(f"{text[q.cue[0] : q.cue[1]]}: ")
            + Text(text[q.content[0] : q.content[1]][:200])
            + Text(f"  ({q.rule})", style="dim")
        )


def tag(
    file: Path = typer.Argument(
        ..., help="Plain Arabic text, or one token per line (CoNLL style; extra columns ignored)."
    ),
    published: str | None = typer.Option(
        None, "--published", help="Publication date for resolving titles (YYYY-MM-DD)."
    ),
) -> None:
    """Write BIO tags (PER, LOC, ORG) for each token: token<TAB>tag, a blank line between sentences."""
    from marsad.actors.bio import looks_like_conll, read_conll, tag_sentences
    from marsad.text.segment import segment

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(file)) from exc
    if looks_like_conll(text):
        sentences = read_conll(text)
    else:
        words = re.compile(r"[^\W_]+(?:[\u064b-\u065f\u0640]+[^\W_]*)*|\S")
        sentences = [words.findall(text[s:e]) for s, e in segment(text).sentences]
        sentences = [s for s in sentences if s]
    out = sys.stdout
    for tokens, tags in zip(sentences, tag_sentences(sentences, published), strict=True):
        for tok, t in zip(tokens, tags, strict=True):
            out.write(f"{tok}\t{t}\n")
        out.write("\n")


def merges(
    apply_: bool = typer.Option(False, "--apply", help="Record the proposed merges."),
    undo_id: int | None = typer.Option(
        None, "--undo", help="Undo the recorded merge with this id."
    ),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Identities merged across documents: propose, record (--apply) or undo (--undo ID) merges of
    spelling variants of the same person; every merge is recorded and reversible."""
    from marsad.actors import identity

    with store(db) as st:
        if undo_id is not None and not identity.undo(st, undo_id):
            raise InputError(f"no active merge with id {undo_id}")
        proposed = identity.propose(st)
        applied = identity.apply(st, proposed) if apply_ else 0
        recorded = identity.history(st)
    if as_json:
        print_json(
            {"proposed": [asdict(m) for m in proposed], "applied": applied, "recorded": recorded}
        )
        return
    c = console()
    table = Table("alias", "→ identity", "score", "reason", title="proposed merges")
    for m in proposed:
        table.add_row(m.alias_id, m.canonical_id, f"{m.score:.2f}", m.reason)
    c.print(table)
    if apply_:
        c.print(f"{applied} merges recorded")
    done = Table("id", "alias", "→ identity", "score", "created", "undone", title="recorded merges")
    for r in recorded:
        done.add_row(
            str(r["id"]),
            str(r["alias_id"]),
            str(r["canonical_id"]),
            f"{r['score']:.2f}",
            str(r["created_at"]),
            str(r["undone_at"] or "—"),
        )
    c.print(done)
