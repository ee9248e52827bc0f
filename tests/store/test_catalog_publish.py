"""``yiye catalog publish``: one folder for the portal, every link inside it, the marks shown."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from desktop_app.catalog import Catalog, resolve
from desktop_app.catalog.notice import FOOTNOTE, MARK
from desktop_app.catalog.report import broadest_bundle
from desktop_app.printing.flowchart import flowchart
from tests.store.conftest import run_cli


def _links(page: Path) -> list[str]:
    return re.findall(r'(?:href|src)="([^"#]+)"', page.read_text(encoding="utf-8"))


def test_the_published_folder_holds_every_guide_and_links_only_inside(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path, catalog: Catalog
) -> None:
    out = tmp_path / "portal"
    code, printed, err = run_cli(
        capsys, "--database", cli_db, "catalog", "publish", "--out", str(out)
    )
    assert (code, err) == (0, ""), err
    assert "16 个网页、28 份 PDF" in printed
    assert "※" in printed  # the administrator is told values still wait for confirmation
    pages = sorted(out.rglob("*.html"))
    assert len(pages) == 2 + len(catalog.industries)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>")
        assert '<html lang="zh-CN">' in text
        for link in _links(page):
            assert not link.startswith(("http:", "https:", "/")), link  # works offline
            assert (page.parent / link).resolve().is_file(), (page, link)
    css = (out / "style.css").read_text(encoding="utf-8")
    for link in re.findall(r'url\("([^"]+)"\)', css):
        assert (out / link).is_file()
    hotel = (out / "industries" / "hotel.html").read_text(encoding="utf-8")
    assert "宾馆/旅馆/酒店行业综合许可办事指南" in hotel
    assert "特种行业许可证（旅馆业）" in hotel
    assert f"承诺10个工作日{MARK}" in hotel  # the flowchart box of an unconfirmed promise
    assert FOOTNOTE in hotel
    for industry in catalog.industries:
        for kind in ("guide", "notice"):
            pdf = out / "pdf" / f"{industry.code}-{kind}.pdf"
            assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(out / "pdf" / "hotel-guide.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.replace("\n", "")
    assert "宾馆/旅馆/酒店行业综合许可办事指南" in text
    assert FOOTNOTE.replace(" ", "") in text.replace(" ", "")
    assert "收费标准各事项均不收费" in text.replace(" ", "")


def test_publishing_replaces_its_own_folder_and_nobody_else_s(
    capsys: pytest.CaptureFixture[str], cli_db: str, tmp_path: Path
) -> None:
    base = ("--database", cli_db, "catalog", "publish", "--out")
    out = tmp_path / "portal"
    assert run_cli(capsys, *base, str(out))[0] == 0
    stale = out / "industries" / "removed_industry.html"
    stale.write_text("old", encoding="utf-8")
    assert run_cli(capsys, *base, str(out))[0] == 0
    assert not stale.exists()  # an industry since removed does not stay online
    foreign = tmp_path / "documents"
    foreign.mkdir()
    (foreign / "report.docx").write_bytes(b"someone's work")
    code, _, err = run_cli(capsys, *base, str(foreign))
    assert (code, err.count("\n")) == (2, 1)
    assert "已有其他文件" in err
    assert (foreign / "report.docx").read_bytes() == b"someone's work"


def test_a_department_with_many_permits_gets_a_box_tall_enough(catalog: Catalog) -> None:
    """超市: 县市场监管局 decides four permits; every name is drawn inside its box."""
    industry = catalog.find_industry("超市")
    assert industry is not None
    steps = resolve(catalog, industry, broadest_bundle(catalog, industry).answers).steps
    drawing = flowchart(steps)
    drawn = "".join(getattr(item, "text", "") for item in drawing.contents)
    assert "第二类医疗器械经营备案凭证" in drawn
    boxes = [item for item in drawing.contents if hasattr(item, "width") and hasattr(item, "y")]
    strings = [item for item in drawing.contents if hasattr(item, "text")]
    for string in strings:
        assert any(b.y <= string.y <= b.y + b.height for b in boxes), string.text
