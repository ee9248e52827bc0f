import datetime as dt
from pathlib import Path

from desktop_app.services import draft_file
from desktop_app.services.wizard import IntakeDraft


def test_a_draft_survives_on_this_pc(isolated_data_dir: Path) -> None:
    draft = IntakeDraft(
        industry="convenience_store",
        answers={"area_m2": 25, "sells_drugs": True},
        form={"enterprise_name": "同心县𠀀便利店", "staff": 3, "scope": ["食品", "药品"]},
        materials={"business_licence": "paper"},
        commitments={"food_registration"},
        agent={"name": "马小军", "id_number": "640324199001010012", "phone": "13800000000"},
        draft_id=7,
        scans={"site_plan": [{"sha256": "ab" * 32, "name": "平面图.png", "source": "file"}]},
        prefilled={"enterprise_name": "同心县𠀀便利店", "staff": 3},
    )
    assert draft_file.load("zhang") is None
    draft_file.save("zhang", draft, dt.datetime(2026, 11, 26, 9, 30))
    saved = draft_file.load("zhang")
    assert saved is not None
    assert saved.draft == draft
    assert saved.saved_at == dt.datetime(2026, 11, 26, 9, 30)
    assert draft_file.load("li") is None  # another user's draft is not offered
    assert draft_file.path_for("zhang").parent == isolated_data_dir / "drafts"
    draft_file.discard("zhang")
    assert draft_file.load("zhang") is None
    draft_file.discard("zhang")  # nothing there: no error


def test_an_unreadable_or_empty_draft_is_not_offered(isolated_data_dir: Path) -> None:
    path = draft_file.path_for("zhang")
    path.parent.mkdir(parents=True)
    path.write_text("{ half a file", encoding="utf-8")
    assert draft_file.load("zhang") is None
    draft_file.save("zhang", IntakeDraft())  # nothing chosen yet
    assert draft_file.load("zhang") is None


def test_a_malformed_scan_entry_is_left_out_of_a_restored_draft(isolated_data_dir: Path) -> None:
    draft = IntakeDraft(industry="convenience_store")
    draft_file.save("zhang", draft)
    path = draft_file.path_for("zhang")
    text = path.read_text(encoding="utf-8").replace(
        '"scans": {}',
        '"scans": {"site_plan": [{"sha256": "x", "name": 3, "source": "file"}, "junk"],'
        ' "plan": [{"sha256": "y", "name": "p.pdf", "source": "file"}]}',
    )
    path.write_text(text, encoding="utf-8")
    saved = draft_file.load("zhang")
    assert saved is not None
    assert saved.draft.scans == {"plan": [{"sha256": "y", "name": "p.pdf", "source": "file"}]}
