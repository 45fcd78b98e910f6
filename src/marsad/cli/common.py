"""Options and output helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console

from marsad.store import Store, default_db_path, open_store

DB_OPTION = typer.Option(
    None, "--db", help="Store file (default: $MARSAD_DB or ./marsad.db).", envvar="MARSAD_DB"
)
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


def console() -> Console:
    return Console(soft_wrap=True)


def store(db: str | None) -> Store:
    return open_store(db if db else default_db_path())


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
