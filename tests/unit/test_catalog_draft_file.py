import datetime as dt
from pathlib import Path

from desktop_app.services import catalog_draft_file


def test_an_unpublished_catalog_draft_survives_on_this_pc(isolated_data_dir: Path) -> None:
    changed = {"permits": 'name = "食品经营许可证"\npromised_days = 3\n'}
    typed = {"catalog": "# 尚未应用的批注 𠀀\n"}
    assert catalog_draft_file.load("root") is None
    catalog_draft_file.save(
        "root", "2023.1.0", "ab" * 32, changed, typed, dt.datetime(2026, 12, 1, 9, 5)
    )
    saved = catalog_draft_file.load("root")
    assert saved is not None
    assert (saved.base_label, saved.base_digest) == ("2023.1.0", "ab" * 32)
    assert (saved.changed, saved.typed) == (changed, typed)
    assert saved.saved_at == dt.datetime(2026, 12, 1, 9, 5)
    assert catalog_draft_file.load("admin2") is None  # another administrator's is not offered
    assert catalog_draft_file.path_for("root").parent == isolated_data_dir / "catalog-drafts"
    catalog_draft_file.discard("root")
    assert catalog_draft_file.load("root") is None
    catalog_draft_file.discard("root")  # nothing there: no error


def test_an_unreadable_catalog_draft_is_not_offered(isolated_data_dir: Path) -> None:
    path = catalog_draft_file.path_for("root")
    path.parent.mkdir(parents=True)
    for text in (
        "{ half a file",
        "[1, 2]",
        '{"username": "root", "base_label": "2023.1.0", "changed": [], "saved_at": "x"}',
        '{"username": "root", "base_label": "", "changed": {}, "saved_at": "2026-12-01T09:05"}',
        '{"username": "li", "base_label": "2023.1.0", "saved_at": "2026-12-01T09:05"}',
    ):
        path.write_text(text, encoding="utf-8")
        assert catalog_draft_file.load("root") is None, text
