"""yiye.exe's entry point: a GUI program (like pythonw.exe), so it has no console.

Without a console ``sys.stdout`` and ``sys.stderr`` are None, so a print would raise. What the
program says before its window exists (a refused ``--database``, ``--version``) is collected and
shown in one message box instead of vanishing; ``--smoke`` never opens a box (it runs unattended).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence

from desktop_app import cli

MessageBox = Callable[[str, str], None]


def _windows_message_box(title: str, text: str) -> None:
    import ctypes  # Windows only; the caller checks the platform.

    ctypes.windll.user32.MessageBoxW(None, text, title, 0x40)  # type: ignore[attr-defined]


def gui_main(argv: Sequence[str] | None = None, show: MessageBox | None = None) -> int:
    """Runs ``yiye`` with the streams caught when there is no console; returns its exit code."""
    if sys.stdout is not None and sys.stderr is not None:
        return cli.main(argv)
    arguments = list(sys.argv[1:] if argv is None else argv)
    caught = io.StringIO()
    sys.stdout = sys.stderr = caught
    ended_early = False
    try:
        code = cli.main(arguments)
    except SystemExit as exc:  # argparse (--version, --help, errors) and fail() leave this way
        code, ended_early = (exc.code if isinstance(exc.code, int) else 1), True
    said = caught.getvalue().strip()
    # A window that ran and closed has said what it had to; stray output then is no news.
    if said and (ended_early or code) and "--smoke" not in arguments:
        if show is None and sys.platform == "win32":
            show = _windows_message_box
        if show is not None:
            show("同心县一业一证", said)
    return code
