"""Typed, coded errors.

Every error marsad raises on purpose is a :class:`MarsadError` with a stable
``code`` (for the JSON error shape of the API and the CLI exit message) and a
message that names the input and the reason.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base class: ``code`` is stable and machine-readable, ``str(err)`` is for people."""

    code = "marsad_error"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)
        self.reason = message


class InputError(MarsadError):
    """An input (file, URL, line, argument) cannot be used; the rest of a batch goes on."""

    code = "bad_input"
    exit_code = 2


class DataFileError(MarsadError):
    """A language-data file failed its schema check when it was loaded."""

    code = "bad_data_file"
    exit_code = 3


class GoldFormatError(MarsadError):
    """A gold or predictions file does not follow spec/gold-format."""

    code = "bad_gold_file"
    exit_code = 2


class StoreError(MarsadError):
    """The store cannot be opened, migrated or written."""

    code = "store_error"
    exit_code = 4


class NotFoundError(MarsadError):
    """A requested record (document, actor, event) does not exist."""

    code = "not_found"
    exit_code = 2


class StageError(MarsadError):
    """A pipeline stage failed; the message names the stage."""

    code = "stage_failed"
    exit_code = 5

    def __init__(self, stage: str, message: str, *, source: str | None = None) -> None:
        self.stage = stage
        super().__init__(f"stage '{stage}' failed: {message}", source=source)
