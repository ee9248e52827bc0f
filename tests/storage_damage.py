"""Damage as a failing disk leaves it, for the tests of what the counter then says."""

import sqlite3
from pathlib import Path

PAGE = 4096  # SQLite's default page size, which the store keeps


def damage(path: Path, table: str) -> int:
    """Garbage over ``table``'s root page; returns the page number."""
    connection = sqlite3.connect(path)
    try:
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
    finally:
        connection.close()
    with path.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(bytes(range(256)) * (PAGE // 256))
    return int(page)
