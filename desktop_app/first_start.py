"""Whether this start is the first on a PC nobody has set up (the GUI then asks, once).

A counter installed for a hall's roll-out has machine.ini from the installer; a PC already in use
has its user settings or its SQLite file. Only a PC with none of them, started without a database
named on the command line or in the environment, gets the first-start dialog.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from desktop_app import machine_settings, settings
from desktop_app.paths import DATABASE_URL_ENV, DEFAULT_DATABASE_FILE, user_data_dir


def needs_setup(explicit_database: str | None, environ: Mapping[str, str] = os.environ) -> bool:
    if explicit_database or environ.get(DATABASE_URL_ENV):
        return False
    if machine_settings.machine_settings_path().exists() or settings.settings_path().exists():
        return False
    return not (user_data_dir() / DEFAULT_DATABASE_FILE).exists()


def choose_stand_alone() -> None:
    """Stand-alone on SQLite, as without an installer: remembered so the dialog does not return."""
    settings.save(settings.load())
