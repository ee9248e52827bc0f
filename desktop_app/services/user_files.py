"""One JSON file per user in the user data folder, for what must survive this PC's restarts.

Written whole and renamed, so a power cut leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desktop_app.paths import user_data_dir


def path_for(folder: str, username: str) -> Path:
    # Hashed: a user name is free text, a file name is not.
    name = hashlib.sha256(username.encode("utf-8")).hexdigest()[:16]
    return user_data_dir() / folder / f"{name}.json"


def write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)


def read(path: Path, username: str) -> dict[str, Any] | None:
    """The file's data if it is a readable mapping written for ``username``; otherwise None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("username") != username:
        return None
    return data
