"""``marsad serve``: the REST API and the web explorer."""

from __future__ import annotations

import typer

from marsad.cli.common import DB_OPTION


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (loopback by default)."
    ),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="MARSAD_API_TOKEN",
        help="Bearer token that allows POST /api/documents.",
    ),
) -> None:
    """Serve the JSON API (OpenAPI schema at /openapi.json) and the explorer at http://HOST:PORT/."""
    import uvicorn

    from marsad.api import create_app

    typer.echo(
        f"marsad explorer on http://{host}:{port}/  (API under /api, schema at /openapi.json)"
    )
    uvicorn.run(create_app(db, token), host=host, port=port, log_level="warning")
