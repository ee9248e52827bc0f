"""Where the app finds its bundled resources and keeps its user data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "yiye"
APP_AUTHOR = "TongxinApprovalService"

# resources/ sits beside the package in a checkout and in the Windows bundle alike.
RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
CATALOG_DIR = RESOURCES_DIR / "catalog"
FONTS_DIR = RESOURCES_DIR / "fonts"
I18N_DIR = RESOURCES_DIR / "i18n"
CJK_FONT_FILE = FONTS_DIR / "wqy-microhei.ttc"


DATA_DIR_ENV = "YIYE_DATA_DIR"
# Names the database instead of the settings (desktop_app.db reads it; here so that checks on the
# way to the first paint need not load SQLAlchemy).
DATABASE_URL_ENV = "YIYE_DATABASE_URL"


def user_data_dir() -> Path:
    """The per-user folder for the database, keys and settings (created on first use).

    ``YIYE_DATA_DIR`` moves it (a portable install on a USB stick, the test suite).
    """
    configured = os.environ.get(DATA_DIR_ENV)
    default = platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)
    path = Path(configured or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


DEFAULT_DATABASE_FILE = "yiye.sqlite3"


def default_database_url() -> str:
    """SQLite in the user data folder: the embedded default that needs no set-up."""
    return f"sqlite:///{user_data_dir() / DEFAULT_DATABASE_FILE}"
