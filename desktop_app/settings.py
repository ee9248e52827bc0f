"""Per-workstation settings kept in the user data folder (printer, 套打 offsets)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from desktop_app.paths import user_data_dir

SETTINGS_FILE = "settings.json"
MAX_OFFSET_MM = 20.0


class SettingsError(ValueError):
    """A setting out of range; the message says which and why."""


@dataclass(frozen=True)
class WorkstationSettings:
    printer: str = ""
    overlay_dx_mm: float = 0.0
    overlay_dy_mm: float = 0.0
    # Empty: the embedded SQLite; a hall's PostgreSQL URL otherwise (used at the next start).
    database_url: str = ""
    # The UI language (zh_CN or en), used at the next start; YIYE_LANGUAGE overrides it.
    language: str = "zh_CN"
    # The regional 一业一证 platform (sync/config.py): its base URL, bearer token, and the
    # departments that decide there ("all", or comma-separated codes; empty: none).
    platform_url: str = ""
    platform_token: str = ""
    platform_departments: str = ""
    # The ID card reader (id_cards.py): sdtapi[:PORT], termb[:PORT], wedge, simulator:PATH; empty:
    # none. YIYE_ID_READER overrides it.
    id_reader: str = ""
    # The folder the document camera's (高拍仪) capture software saves pages into; empty: none.
    document_camera_folder: str = ""

    def with_offsets(self, dx_mm: float, dy_mm: float) -> WorkstationSettings:
        for name, value in (("X", dx_mm), ("Y", dy_mm)):
            if not math.isfinite(value) or abs(value) > MAX_OFFSET_MM:
                raise SettingsError(f"套打{name}偏移应在 ±{MAX_OFFSET_MM:g} 毫米以内")
        return replace(self, overlay_dx_mm=round(dx_mm, 1), overlay_dy_mm=round(dy_mm, 1))


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def load(path: Path | None = None) -> WorkstationSettings:
    """The saved settings; defaults when there are none or the file is unreadable."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        settings = WorkstationSettings(
            printer=str(data.get("printer", "")),
            overlay_dx_mm=float(data.get("overlay_dx_mm", 0.0)),
            overlay_dy_mm=float(data.get("overlay_dy_mm", 0.0)),
            database_url=str(data.get("database_url", "")),
            language=str(data.get("language", "zh_CN")),
            platform_url=str(data.get("platform_url", "")),
            platform_token=str(data.get("platform_token", "")),
            platform_departments=str(data.get("platform_departments", "")),
            id_reader=str(data.get("id_reader", "")),
            document_camera_folder=str(data.get("document_camera_folder", "")),
        )
        return settings.with_offsets(settings.overlay_dx_mm, settings.overlay_dy_mm)
    except (OSError, ValueError, TypeError, AttributeError):
        return WorkstationSettings()


def save(settings: WorkstationSettings, path: Path | None = None) -> None:
    path = path or settings_path()
    # Write then rename: a power cut never leaves half a settings file.
    temporary = path.with_suffix(".tmp")
    temporary.write_text(
        json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    temporary.replace(path)
