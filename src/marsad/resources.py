"""Where the package's data files live, and a cached YAML loader with a schema check."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from marsad.errors import DataFileError

DATA_ROOT = Path(str(resources.files("marsad"))) / "data"


def data_path(*parts: str) -> Path:
    """Path of a data file shipped in the package."""
    return DATA_ROOT.joinpath(*parts)


@cache
def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError as exc:
        raise DataFileError("file not found", source=str(path)) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"not valid YAML: {exc}", source=str(path)) from exc


def read_yaml(path: Path) -> Any:
    """Parse a YAML data file once per process (C loader when available), naming the file on error."""
    return _read_yaml(path)


M = TypeVar("M", bound=BaseModel)


def load_entries(path: Path, schema: str, model: type[M]) -> list[M]:
    """The ``entries`` of a versioned data file, each checked against ``model``.

    A bad entry fails the load with the file, the entry's index (and its id, code, title or head
    when it has one), the field and the reason.
    """
    doc = load_yaml(path, schema)
    raw = doc.get("entries")
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataFileError("'entries' must be a list", source=str(path))
    out = []
    for i, item in enumerate(raw):
        try:
            out.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            label = next(
                (
                    item[k]
                    for k in ("id", "code", "title", "head")
                    if isinstance(item, dict) and item.get(k)
                ),
                None,
            )
            name = f"entries[{i}]" + (f" ({label})" if label else "")
            raise DataFileError(f"{name}: {where}: {first['msg']}", source=str(path)) from exc
    return out


def load_yaml(path: Path, schema: str, versions: tuple[int, ...] = (1,)) -> dict[str, Any]:
    """Load a versioned YAML data file and check its ``schema`` and ``version`` header.

    The schema of the entries themselves is checked by the loader of each stage
    (pydantic models), so that a bad file fails when it is loaded, naming the file.
    """
    doc = _read_yaml(path)
    if not isinstance(doc, dict):
        raise DataFileError("expected a mapping at the top level", source=str(path))
    if doc.get("schema") != schema:
        raise DataFileError(
            f"schema is {doc.get('schema')!r}, expected {schema!r}", source=str(path)
        )
    if doc.get("version") not in versions:
        raise DataFileError(
            f"version {doc.get('version')!r} is not supported (expected one of {versions})",
            source=str(path),
        )
    return doc
