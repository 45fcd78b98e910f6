"""``marsad demo``: ingest the bundled sample corpus and print what marsad found in it."""

from __future__ import annotations

import typer
from rich.table import Table

from marsad import query
from marsad.cli.common import DB_OPTION, console, store


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(db: str | None = DB_OPTION) -> None:
    """Ingest the sample articles bundled with marsad and summarize the documents, actors, events and quotes."""
    from marsad.ingest import SAMPLE_DIR, ingest

    c = console()
    with store(db) as st:
        report = ingest([SAMPLE_DIR], st)
        c.print(
            f"[bold]marsad demo[/]: {report.added} documents ingested, {report.present} already present, "
            f"{len(report.rejected)} rejected, into {st.path}"
        )
        docs = Table("key", "published", "outlet", "title", title="documents")
        for r in st.iter_documents():
            m = r.document.meta
            docs.add_row(r.key, m.published or "—", m.outlet or "—", m.title or "—")
        c.print(docs)
        actors = Table("code", "actor", "mentions", title="top actors")
        for a in query.actors(st, limit=10):
            actors.add_row(a.code, a.name, str(a.mentions))
        c.print(actors)
        events = Table("date", "source", "code", "target", "status", "trigger", title="events")
        for e in query.events(st, limit=15):
            events.add_row(
                e.date or "—",
                ", ".join(x["name"] for x in e.source),
                f"{e.cameo} {e.plover}",
                ", ".join(x["name"] for x in e.target) or "—",
                e.status,
                e.trigger,
            )
        c.print(events)
        quotes = query.quotes(st, limit=1000)
        c.print(
            f"{len(quotes)} quotes; try: marsad quotes --db {st.path}, marsad explain <key> --db {st.path}"
        )
