"""The cyclic garbage collector waits while the GUI starts.

Start-up allocates hundreds of thousands of objects that live as long as the process (modules,
classes, SQLAlchemy's tables, the catalog); collecting among them on the way to the login dialog
cost a tenth of ``yiye --smoke``. Once the store and catalog are loaded they are frozen (later
collections skip them, so the counter's screens do not pay for them either) and collection resumes.
"""

from __future__ import annotations

import gc

_paused = False


def pause_during_start() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_after_start() -> None:
    """Freezes what start-up built and resumes collection; nothing to do unless paused."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
