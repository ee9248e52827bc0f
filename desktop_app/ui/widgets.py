"""Small helpers shared by the widgets."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

ObjectT = TypeVar("ObjectT", bound=QObject)


def named(obj: ObjectT, name: str) -> ObjectT:
    """Sets the object name that acceptance scripts and accessibility tools find a widget by."""
    obj.setObjectName(name)
    return obj
