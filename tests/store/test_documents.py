"""Every printed document: rendered, its text extracted, its fonts embedded, its QR decoded."""

import datetime as dt
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from desktop_app import clock
from desktop_app.catalog import Catalog, resolve
from desktop_app.catalog.guide import build_guide
from desktop_app.db import Store
from desktop_app.domain import certificate_code, keys
from desktop_app.domain.cose import PrivateKey, kid_for
from desktop_app.printing import certificate, guide, letters, notice_sheet
from desktop_app.services import cases, issuance
from tests.store.conftest import actor
from tests.store.test_issuance import ready_application

RARE_NAME = "同心县𠀀·清真超市有限公司"
DAY = dt.date(2025, 9, 26)


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def fonts_of(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return lines[2:]


def assert_all_fonts_embedded(pdf: bytes, tmp_path: Path) -> None:
    rows = fonts_of(pdf, tmp_path)
    assert rows
    for row in rows:
        # Columns: name type encoding emb sub uni object ID; "emb" must be yes for every font.
        assert row.split()[-5] == "yes", row


def decode_qr(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "qr.pdf"
    path.write_bytes(pdf)
    root = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(path), str(root)], check=True
    )
    with Image.open(root.with_suffix(".png")) as image:
        return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def _issued(store: Store, catalog: Catalog, key: PrivateKey) -> issuance.CertificateView:
    number = ready_application(store, catalog)
    with store.write() as session:
        application = cases.get_application(session, number)
        assert application.state == "ready_to_issue"
    from sqlalchemy import select

    from desktop_app.models import Enterprise

    with store.write() as session:
        enterprise = session.scalars(select(Enterprise)).one()
        enterprise.name = RARE_NAME
        return issuance.issue(session, actor(store, "clerk"), catalog, number, key, DAY)


def test_certificate_pdf_text_fonts_and_qr(
    sqlite_store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    view = _issued(sqlite_store, catalog, key)
    pdf = certificate.render(view)
    text = text_of(pdf, tmp_path)
    assert RARE_NAME in text
    assert view.number in text
    flat = "".join(text.split())  # table cells wrap long numbers
    for permit in view.permits:
        assert permit.permit_no in flat
    assert_all_fonts_embedded(pdf, tmp_path)
    assert any("HanaMinB" in row for row in fonts_of(pdf, tmp_path))  # the Extension B fallback
    decoded = decode_qr(pdf, tmp_path)
    assert decoded == [view.qr_text]
    now = clock.now()
    verdict = certificate_code.verify(
        decoded[0], {kid_for(key.public_key()): [key.public_key()]}, now
    )
    assert verdict.valid
    assert verdict.claims is not None
    assert verdict.claims.holder_name == RARE_NAME


def test_overlay_prints_the_data_only(
    sqlite_store: Store, catalog: Catalog, key: PrivateKey, tmp_path: Path
) -> None:
    view = _issued(sqlite_store, catalog, key)
    text = text_of(certificate.render(view, certificate.Overlay(2.0, -1.5)), tmp_path)
    assert RARE_NAME in text
    assert "行业综合许可证" not in text  # the title is on the pre-printed stock
    assert "主体名称" not in text
    calibration = certificate.calibration_page(certificate.Overlay(2.0, -1.5))
    assert "X +2.0 mm" in text_of(calibration, tmp_path)


ADDRESSEE = letters.Addressee(RARE_NAME, "马·阿卜杜拉")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: letters.acceptance_notice(
                "SL2025640324010000001",
                ADDRESSEE,
                "超市",
                [
                    letters.ReceiptItemLine(
                        "食品经营许可证", "县市场监督管理局", "normal", DAY, DAY, 10, 20
                    )
                ],
                [("一业一证行业综合许可申请表", "paper")],
                DAY,
            ),
            "决定予以受理",
        ),
        (
            lambda: letters.correction_notice("BZ1", ADDRESSEE, "超市", ["经营场所平面图"], DAY),
            "一次性告知",
        ),
        (
            lambda: letters.acceptance_notice(
                "SL1", ADDRESSEE, "超市", [], [], DAY, deferred=[("健康证明", DAY)]
            ),
            "容缺受理",
        ),
        (
            lambda: letters.commitment_letter(
                "SL1", ADDRESSEE, "公共场所卫生许可证", "县卫生健康局", "条例", DAY
            ),
            "承诺",
        ),
        (
            lambda: letters.refusal_decision("BY1", ADDRESSEE, "超市", "不属于本机关职权范围", DAY),
            "不予受理",
        ),
        (
            lambda: letters.rejection_decision(
                "SL1", ADDRESSEE, "清真食品准营证", "县委统战部", "条件不符", DAY
            ),
            "不予行政许可",
        ),
        (
            lambda: letters.delivery_receipt(
                "SL1", ADDRESSEE, [("行业综合许可证", "640324-2025-000001")], DAY
            ),
            "送达",
        ),
    ],
)
def test_each_letter_renders_with_the_rare_name(
    make: object, expected: str, tmp_path: Path
) -> None:
    pdf = make()  # type: ignore[operator]
    text = text_of(pdf, tmp_path)
    assert RARE_NAME in text
    assert expected in text
    assert_all_fonts_embedded(pdf, tmp_path)


def test_acceptance_notice_carries_the_number_as_qr(tmp_path: Path) -> None:
    pdf = letters.acceptance_notice("SL2025640324010000009", ADDRESSEE, "超市", [], [], DAY)
    assert decode_qr(pdf, tmp_path) == ["SL2025640324010000009"]


def test_notice_sheet_and_guide(catalog: Catalog, tmp_path: Path) -> None:
    names = {code: p.name for code, p in catalog.permits.items()}
    bundle = resolve(catalog, "hotel", {"catering": True, "halal": True})
    pdf = notice_sheet.render(bundle, names)
    text = text_of(pdf, tmp_path)
    for permit in bundle.permits:
        assert permit.name in text
    assert "统一出件" in text  # the flowchart's last box
    assert_all_fonts_embedded(pdf, tmp_path)
    industry = catalog.find_industry("convenience_store")
    assert industry is not None
    guide_pdf = guide.render(build_guide(catalog, industry), names)
    guide_text = text_of(guide_pdf, tmp_path)
    assert "营业面积不超过30平方米时办理" in guide_text.replace("\n", "")
    assert_all_fonts_embedded(guide_pdf, tmp_path)
