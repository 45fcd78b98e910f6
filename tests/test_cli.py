"""Every command has help; errors are mapped to a message and an exit code in one place."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from marsad.cli import build_app

runner = CliRunner()


def _commands() -> list[str]:
    group = get_command(build_app())
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


def test_core_commands_exist() -> None:
    assert {"show", "search", "docs"} <= set(_commands())


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help(name: str) -> None:
    result = runner.invoke(build_app(), [name, "--help"])
    assert result.exit_code == 0, result.output
    cmd = get_command(build_app()).commands[name]  # type: ignore[attr-defined]
    assert cmd.help and len(cmd.help.strip()) > 10, f"{name} has no help text"


def test_show_missing_document_names_it(tmp_path: object) -> None:
    db = f"{tmp_path}/x.db"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from marsad.cli import main; main()",
            "show",
            "nosuchdoc",
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "nosuchdoc" in proc.stderr and "not_found" in proc.stderr


def test_version() -> None:
    result = runner.invoke(build_app(), ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("marsad ")
