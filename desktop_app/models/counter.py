"""Number counters: gap-free sequences allocated inside the transaction that uses them.

``last_value`` is the last number handed out; the row lock taken by the increment serialises
concurrent allocations, and a rolled-back transaction gives its number back.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base


class NumberCounter(Base):
    __tablename__ = "number_counter"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    last_value: Mapped[int]
