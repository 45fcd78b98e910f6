"""What every request needs: a store connection (opened per request) and the app's settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from marsad.store import Store, open_store


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the store is and the token that allows ingesting (``None``: ingesting is off)."""

    db: str
    token: str | None


def settings(request: Request) -> Settings:
    value = request.app.state.marsad
    assert isinstance(value, Settings)
    return value


def get_store(request: Request) -> Iterator[Store]:
    """A connection for this request only: SQLite connections are cheap and not shared."""
    st = open_store(settings(request).db)
    try:
        yield st
    finally:
        st.close()


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(settings)]
