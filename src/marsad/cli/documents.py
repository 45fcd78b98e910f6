"""``marsad show``, ``marsad search`` and ``marsad docs``: reading the store."""

from __future__ import annotations

import typer
from rich.table import Table
from rich.text import Text

from marsad.cli.common import DB_OPTION, JSON_OPTION, console, print_json, store


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("search")(search)
    app.command("docs")(docs)


def show(
    doc: str = typer.Argument(
        ..., help="Document id, key (or its first characters) or source file name."
    ),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
    raw: bool = typer.Option(
        False, "--raw", help="Also print the raw text and the lines removed from it."
    ),
) -> None:
    """Print a document's metadata and its clean text with sentence numbers."""
    with store(db) as st:
        stored = st.get_document(doc)
        analysis = st.load_analysis(stored.id)
    d = stored.document
    from marsad.text.segment import segment

    sentences = segment(d.text).sentences
    if as_json:
        print_json(
            {
                "id": stored.id,
                "key": stored.key,
                "version": stored.version,
                "ingested_at": stored.ingested_at,
                **{k: getattr(d.meta, k) for k in d.meta.__slots__},
                "text": d.text,
                "sentences": [
                    {"n": i + 1, "start": s, "end": e} for i, (s, e) in enumerate(sentences)
                ],
                "removed": [
                    {"start": r.start, "end": r.end, "rule": r.rule, "text": d.raw[r.start : r.end]}
                    for r in d.removed
                ],
                "counts": {
                    "mentions": len(analysis.mentions),
                    "events": len(analysis.events),
                    "quotes": len(analysis.quotes),
                    "dates": len(analysis.timexes),
                },
                "warnings": d.warnings,
            }
        )
        return
    c = console()
    m = d.meta
    table = Table(show_header=False, box=None)
    for label, value in (
        ("key", f"{stored.key} (id {stored.id}, version {stored.version})"),
        ("title", m.title),
        ("outlet", m.outlet),
        ("author", m.author),
        (
            "published",
            f"{m.published} ({m.published_basis}, {m.published_precision})"
            if m.published
            else None,
        ),
        ("language", m.language),
        ("source", m.source),
        ("url", m.url),
    ):
        table.add_row(Text(label, style="bold"), value or "—")
    c.print(table)
    for w in d.warnings:
        c.print(f"[yellow]warning:[/] {w}")
    c.print()
    for i, (s, e) in enumerate(sentences, 1):
        c.print(Text(f"[{i}] ", style="dim") + Text(d.text[s:e]))
    if raw:
        c.print("\n[bold]removed lines[/]")
        for r in d.removed:
            c.print(f"  {r.rule:<24} {d.raw[r.start : r.end]!r}")


def search(
    query: str = typer.Argument(
        ..., help="Words to find (normalized: hamza forms, diacritics, clitics)."
    ),
    db: str | None = DB_OPTION,
    limit: int = typer.Option(20, "--limit", min=1, max=1000, help="Most documents to list."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Full-text search over stored documents, with highlighted snippets."""
    with store(db) as st:
        hits = st.search(query, limit=limit)
    if as_json:
        print_json(
            [
                {
                    "key": h.doc_key,
                    "title": h.title,
                    "published": h.published,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                    "highlights": h.highlights,
                }
                for h in hits
            ]
        )
        return
    c = console()
    if not hits:
        c.print(f"no document matches {query!r}")
        raise typer.Exit(1)
    for h in hits:
        snippet = Text(h.snippet)
        for s, e in h.highlights:
            snippet.stylize("bold reverse", s, e)
        c.print(
            Text(f"{h.doc_key}  {h.published or '':<10}  ", style="cyan")
            + Text(h.title or "", style="bold")
        )
        c.print(Text("    ") + snippet)


def docs(
    db: str | None = DB_OPTION,
    limit: int = typer.Option(50, "--limit", min=1, max=100000),
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored documents."""
    with store(db) as st:
        rows = list(st.iter_documents())[:limit]
    if as_json:
        print_json(
            [
                {
                    "id": r.id,
                    "key": r.key,
                    "version": r.version,
                    "title": r.document.meta.title,
                    "outlet": r.document.meta.outlet,
                    "published": r.document.meta.published,
                    "source": r.document.meta.source,
                }
                for r in rows
            ]
        )
        return
    table = Table("id", "key", "published", "outlet", "title")
    for r in rows:
        m = r.document.meta
        table.add_row(str(r.id), r.key, m.published or "—", m.outlet or "—", m.title or "—")
    console().print(table)
