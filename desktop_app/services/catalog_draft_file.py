"""The unpublished catalog draft of an administrator, kept on this PC across restarts.

Only what differs from the version it started from is kept (the changed files, and file text typed
but not applied yet); the version itself is in the store and never changes. One file per user,
as the wizard's drafts are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import clock
from desktop_app.services import user_files

FOLDER = "catalog-drafts"


@dataclass(frozen=True)
class SavedCatalogDraft:
    base_label: str
    base_digest: str  # of the base's files: the same label in another database is another base
    changed: dict[str, str]  # file name → text, for the files that differ from the base
    typed: dict[str, str]  # file name → text typed in the editor, not applied yet
    saved_at: dt.datetime  # local time of this PC


def path_for(username: str) -> Path:
    return user_files.path_for(FOLDER, username)


def save(
    username: str,
    base_label: str,
    base_digest: str,
    changed: Mapping[str, str],
    typed: Mapping[str, str],
    now: dt.datetime | None = None,
) -> None:
    data = {
        "username": username,
        "saved_at": (now or clock.wall_time()).isoformat(timespec="seconds"),
        "base_label": base_label,
        "base_digest": base_digest,
        "changed": dict(changed),
        "typed": dict(typed),
    }
    user_files.write(path_for(username), data)


def _texts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TypeError("not a mapping")
    return {str(k): str(v) for k, v in value.items()}


def load(username: str) -> SavedCatalogDraft | None:
    """The user's unpublished draft on this PC; None when there is none (or it is unreadable)."""
    data = user_files.read(path_for(username), username)
    if data is None or not data.get("base_label"):
        return None
    try:
        return SavedCatalogDraft(
            str(data["base_label"]),
            str(data["base_digest"]),
            _texts(data.get("changed") or {}),
            _texts(data.get("typed") or {}),
            dt.datetime.fromisoformat(str(data["saved_at"])),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def discard(username: str) -> None:
    path_for(username).unlink(missing_ok=True)
