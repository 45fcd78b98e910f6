"""The ``marsad`` command line: a thin layer over the library.

Each command group lives in its own module with a ``register(app)`` function;
this module builds the app, maps :class:`~marsad.errors.MarsadError` to a clear
message and exit code in one place, and runs it.
"""

from __future__ import annotations

import importlib
import sys

import typer

from marsad import __version__
from marsad.errors import MarsadError

COMMAND_MODULES = (
    "marsad.cli.documents",
    "marsad.cli.demo",
    "marsad.cli.ingest",
    "marsad.cli.dates",
    "marsad.cli.evaluate",
    "marsad.cli.actors",
    "marsad.cli.events",
    "marsad.cli.quotes",
    "marsad.cli.relations",
    "marsad.cli.serve",
    "marsad.cli.bench",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"marsad {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="marsad",
        help="marsad (مرصد): read Arabic news on politics between states and turn it into checkable records.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Print the version."
        ),
    ) -> None:
        """marsad: documents, actors, events, quotes and dates from Arabic news, each traceable to its sentence."""

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command group not built yet
                continue
            raise
        module.register(app)
    return app


def main() -> None:
    """Console entry point: run the app, turning marsad errors into a message and an exit code."""
    app = build_app()
    try:
        app(standalone_mode=False)
    except MarsadError as exc:
        typer.secho(f"marsad: error [{exc.code}]: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.secho("marsad: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.secho("marsad: interrupted", err=True)
        sys.exit(130)
    except typer.BadParameter as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception as exc:  # click usage errors (typer re-exports click's base class)
        show = getattr(exc, "show", None)
        code = getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        raise
