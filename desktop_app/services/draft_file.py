"""The wizard's draft kept on this PC too: it survives a crash, and a database server that is gone.

The database copy lets the draft be found from the case list; this copy is the one that is there
when the database is not. One file per user in the user data folder, written whole and renamed,
so a power cut leaves the old draft or the new one, never half of one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock
from desktop_app.services import user_files
from desktop_app.services.wizard import IntakeDraft, check_refs, scan_refs

FOLDER = "drafts"


@dataclass(frozen=True)
class SavedDraft:
    draft: IntakeDraft
    saved_at: dt.datetime  # local time of this PC


def path_for(username: str) -> Path:
    return user_files.path_for(FOLDER, username)


def save(username: str, draft: IntakeDraft, now: dt.datetime | None = None) -> None:
    data = {
        "username": username,
        "saved_at": (now or clock.wall_time()).isoformat(timespec="seconds"),
        "industry": draft.industry,
        "answers": draft.answers,
        "form": draft.form,
        "materials": draft.materials,
        "commitments": sorted(draft.commitments),
        "agent": draft.agent,
        "scans": draft.scans,
        "prefilled": draft.prefilled,
        "checks": draft.checks,
        "draft_id": draft.draft_id,
    }
    user_files.write(path_for(username), data)


def load(username: str) -> SavedDraft | None:
    """The user's unfinished draft on this PC; None when there is none (or it is unreadable)."""
    data = user_files.read(path_for(username), username)
    if data is None or not data.get("industry"):
        return None
    try:
        draft = IntakeDraft(
            industry=str(data["industry"]),
            answers=dict(data.get("answers") or {}),
            form=dict(data.get("form") or {}),
            materials={str(k): str(v) for k, v in (data.get("materials") or {}).items()},
            commitments={str(c) for c in data.get("commitments") or []},
            agent={str(k): str(v) for k, v in data["agent"].items()} if data.get("agent") else None,
            scans=scan_refs(data.get("scans")),
            prefilled=data["prefilled"] if isinstance(data.get("prefilled"), dict) else {},
            checks=check_refs(data.get("checks")),
            draft_id=int(data["draft_id"]) if data.get("draft_id") is not None else None,
        )
        return SavedDraft(draft, dt.datetime.fromisoformat(str(data["saved_at"])))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def discard(username: str) -> None:
    path_for(username).unlink(missing_ok=True)
