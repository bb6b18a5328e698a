"""Saved snapshots: a view state plus a frozen copy of the data it showed, under an unguessable id.

A live link (``?actor=Hezbollah``) shows whatever the store holds when it is opened; a snapshot
(``?snapshot=ID``) shows what was on screen when it was saved, however many articles arrive later.
The frozen data has the export shape of :func:`geo.views.state.view_data` (places with their counts, events,
actors, articles with titles), so the map, the panels and every export read a snapshot exactly as they
read a live view. All SQL is in :mod:`geo.store.snapshots`.

>>> from geo.store import Store
>>> store = Store.open("sqlite://")
>>> snap = create_snapshot(store, ViewState(actors=("Hezbollah",)), title="Hezbollah, February")
>>> get_snapshot(store, snap.id).description
'0 events in 0 places involving Hezbollah'
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geo.errors import SnapshotError
from geo.store import Store
from geo.views.state import ViewState, summary, view_data

ID_BYTES = 12  # 96 random bits: 16 URL-safe characters
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{16}")
MAX_TITLE = 200


@dataclass(frozen=True)
class Snapshot:
    """A saved view: its state, the data it showed (export shape) and words about it."""

    id: str
    title: str
    note: str
    description: str
    created_at: dt.datetime
    state: ViewState
    data: Mapping[str, Any]

    @property
    def created_label(self) -> str:
        """The creation time as people read it: ``2024-03-15 14:02 UTC``."""
        return self.created_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def caption(self) -> str:
        """What exports of the snapshot say under its title: the view, when it was frozen, the note."""
        return f"{self.description} (snapshot of {self.created_label})" + (f". {self.note}" if self.note else "")

    def url(self, base: str = "") -> str:
        """The dashboard link that opens this snapshot: ``?snapshot=ID``."""
        return f"{base}?snapshot={self.id}"


def new_id() -> str:
    """A fresh snapshot id: random, URL-safe, not sequential, so one link does not reveal the others.

    It never starts with ``-``: the command line would read such an id as an option
    (``newsmap snapshot show -Ab...``), so those draws are thrown away (1 in 64; 95.9 random bits remain).
    """
    while True:
        candidate = secrets.token_urlsafe(ID_BYTES)
        if not candidate.startswith("-"):
            return candidate


def check_id(snapshot_id: str) -> str:
    """The id, stripped, or :class:`SnapshotError` naming the bad value and the fix."""
    cleaned = (snapshot_id or "").strip()
    if not ID_PATTERN.fullmatch(cleaned):
        raise SnapshotError(f"snapshot id {snapshot_id!r} is malformed: an id is 16 letters, digits, - or _ "
                            "(copy the whole ?snapshot=... link, or list the ids with `newsmap snapshot list`)")
    return cleaned


def create_snapshot(store: Store, state: ViewState, *, title: str, note: str = "",
                    data: Mapping[str, Any] | None = None,
                    now: dt.datetime | None = None) -> Snapshot:
    """Freeze ``state`` and its data (``view_data(store, state)`` unless given) under a new id."""
    title = _check_title(title)
    frozen = json.loads(json.dumps(data if data is not None else view_data(store, state.filters_only()),
                                   default=str))
    # NUL removed as the article readers do: PostgreSQL's text cannot hold it, and both databases must agree
    description = state.describe(summary(state, frozen)).replace("\x00", "")
    snap = Snapshot(id=new_id(), title=title, note=note.replace("\x00", "").strip(), description=description,
                    created_at=now or dt.datetime.now(dt.timezone.utc), state=state, data=frozen)
    store.insert_snapshot({"id": snap.id, "title": snap.title, "note": snap.note, "description": snap.description,
                           "created_at": snap.created_at, "state": json.dumps(state.to_query_params()),
                           "data": json.dumps(frozen, ensure_ascii=False)})
    return snap


def get_snapshot(store: Store, snapshot_id: str) -> Snapshot:
    """The snapshot with this id; :class:`SnapshotError` when the id is malformed or unknown."""
    sid = check_id(snapshot_id)
    row = store.snapshot_row(sid)
    if row is None:
        raise SnapshotError(f"no snapshot with id {sid!r}: it may have been deleted; "
                            "list the saved ones with `newsmap snapshot list`")
    return _snapshot(row, json.loads(row["data"]))


def list_snapshots(store: Store) -> list[Snapshot]:
    """Every snapshot, newest first, without its data (``data`` is empty)."""
    return [_snapshot(row, {}) for row in store.snapshot_rows()]


def rename_snapshot(store: Store, snapshot_id: str, title: str) -> None:
    """Give a snapshot a new title (its data and description do not change)."""
    sid = check_id(snapshot_id)
    if not store.rename_snapshot(sid, _check_title(title)):
        raise SnapshotError(f"no snapshot with id {sid!r}; list the saved ones with `newsmap snapshot list`")


def delete_snapshot(store: Store, snapshot_id: str) -> None:
    """Delete a snapshot; its links then open a "no snapshot" message."""
    sid = check_id(snapshot_id)
    if not store.delete_snapshot(sid):
        raise SnapshotError(f"no snapshot with id {sid!r}; list the saved ones with `newsmap snapshot list`")


def _check_title(title: str) -> str:
    cleaned = " ".join((title or "").replace("\x00", "").split())
    if not cleaned:
        raise SnapshotError("a snapshot needs a title: give one, e.g. --title \"Hezbollah, February 2024\"")
    if len(cleaned) > MAX_TITLE:
        raise SnapshotError(f"the snapshot title has {len(cleaned)} characters: keep it under {MAX_TITLE}")
    return cleaned


def _snapshot(row: Mapping[str, Any], data: Mapping[str, Any]) -> Snapshot:
    return Snapshot(id=row["id"], title=row["title"], note=row["note"] or "", description=row["description"] or "",
                    created_at=row["created_at"], state=ViewState.from_query_params(json.loads(row["state"])),
                    data=data)
