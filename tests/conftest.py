"""Shared fixtures; Qt runs offscreen, set before any QApplication exists."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from desktop_app.catalog import Catalog, load_catalog
from desktop_app.paths import CATALOG_DIR


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


EditCatalog = Callable[[str, str, str], Path]


@pytest.fixture
def edited_catalog(tmp_path: Path) -> EditCatalog:
    """Copies the real catalog and replaces ``old`` with ``new`` in one file; returns the folder."""
    directory = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, directory)

    def edit(file: str, old: str, new: str) -> Path:
        path = directory / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return directory

    return edit


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the real user data folder (database, keys, settings)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("YIYE_DATA_DIR", str(folder))
    for name in ("YIYE_DATABASE_URL", "YIYE_SIGNING_KEY", "YIYE_TRUSTED_KEYS"):
        monkeypatch.delenv(name, raising=False)
    return folder
