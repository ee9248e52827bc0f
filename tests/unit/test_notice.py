import re
import subprocess

from desktop_app.catalog import Catalog, load_catalog_texts, read_texts, resolve
from desktop_app.catalog.notice import FOOTNOTE, MARK, build_notice
from desktop_app.printing import notice_sheet


def test_notice_lists_every_permit_material_and_step(catalog: Catalog) -> None:
    bundle = resolve(catalog, "hotel", {"catering": True, "halal": True})
    notice = build_notice(bundle)
    assert notice.title == "宾馆/旅馆/酒店“一业一证”申报告知单"
    assert [i.permit for i in notice.items] == [p.name for p in bundle.permits]
    assert notice.items[0].commitment == "可适用告知承诺制"
    assert all(i.fee == "不收费" for i in notice.items)
    assert notice.materials == bundle.materials
    assert notice.steps[0].startswith("1. 一窗受理")
    assert notice.steps[-1].startswith("6. 统一出件")
    assert "承诺10个工作日※内办结" in notice.time_summary  # the longest promise is unconfirmed
    assert "逐项办理合计35个工作日" in notice.time_summary
    assert "行业综合许可证" in notice.outcome


def test_single_permit_notice_says_it_is_issued_alone(catalog: Catalog) -> None:
    notice = build_notice(resolve(catalog, "restaurant", {}))
    assert "单独核发" in notice.outcome
    assert notice.steps[-1] == "3. 统一出件：核发许可证（县市场监督管理局）"


def test_filing_decided_on_submission_reads_as_immediate(catalog: Catalog) -> None:
    notice = build_notice(resolve(catalog, "device_sales", {"device_class2": True}))
    assert notice.items[0].promised == "即时办结"


def test_values_not_confirmed_are_marked_with_a_footnote(catalog: Catalog) -> None:
    """食品经营许可证's time limits and 告知承诺 wait for 县市场监管局 to confirm them."""
    notice = build_notice(resolve(catalog, "restaurant", {}))
    (food,) = notice.items
    assert food.promised.endswith(MARK)
    assert food.statutory.endswith(MARK)
    assert food.commitment == f"—{MARK}"
    assert notice.footnote == FOOTNOTE
    assert f"食品经营许可证{MARK}需现场核查" in notice.time_summary
    assert notice.steps[1].endswith(f"承诺5个工作日{MARK}）")  # the flowchart's box too
    assert MARK not in notice.steps[0]


def test_a_catalog_with_every_value_confirmed_has_no_mark() -> None:
    texts = read_texts()
    texts["permits"] = re.sub(r"(?m)^unverified = .*$", "", texts["permits"])
    confirmed = load_catalog_texts(texts)
    notice = build_notice(resolve(confirmed, "hotel", {"catering": True, "halal": True}))
    assert notice.footnote == ""
    assert not any(MARK in f"{i.promised}{i.statutory}{i.commitment}" for i in notice.items)
    assert MARK not in notice.time_summary
    assert not any(MARK in step for step in notice.steps)


def test_the_printed_sheet_carries_the_marks_and_the_footnote(catalog: Catalog) -> None:
    pdf = notice_sheet.render(resolve(catalog, "restaurant", {}), {})
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert FOOTNOTE.replace(" ", "") in text.replace(" ", "").replace("\n", "")
    assert text.count(MARK) >= 4  # three values and the footnote
