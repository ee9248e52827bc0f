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
from desktop_app.printing import documents as rendering
from desktop_app.services import cases, issuance
from tests.sample_documents import CHANGE_RECEIPT, EXPECTED, RARE_NAME, SAMPLES
from tests.store.conftest import actor
from tests.store.test_issuance import ready_application

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

    from desktop_app.models import Application

    with store.write() as session:
        # The certificate prints the name as filed: put the rare character into the filed form.
        filed = session.scalars(select(Application)).one()
        filed.form = {**filed.form, "enterprise_name": RARE_NAME}
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


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_document_renders_from_its_frozen_content(kind: str, tmp_path: Path) -> None:
    number, content = SAMPLES[kind]
    pdf = rendering.render(kind, number, content)
    text = text_of(pdf, tmp_path)
    flat = text.replace("\n", "").replace(" ", "")
    assert RARE_NAME in flat
    for expected in EXPECTED[kind]:
        assert expected.replace(" ", "") in flat, expected
    assert_all_fonts_embedded(pdf, tmp_path)


def test_a_receipt_after_issue_names_the_kind_and_what_changes(tmp_path: Path) -> None:
    number, content = CHANGE_RECEIPT
    text = text_of(rendering.render("receipt", number, content), tmp_path).replace("\n", "")
    flat = text.replace(" ", "")
    for expected in ("变更受理通知书", "640324-2025-000001", "变更前", "马文军", "办理类型"):
        assert expected in flat, expected
    assert "6403**********4567" in flat  # an ID number is masked on the receipt
    assert "容缺" not in flat
    # A legal representative's change (name and ID) is one sheet, signed where it is read.
    assert text_of(rendering.render("receipt", number, content), tmp_path).count("\f") == 1


def test_a_receipt_without_deferred_materials_says_they_are_complete(tmp_path: Path) -> None:
    number, content = SAMPLES["receipt"]
    complete = {**content, "deferred": []}
    text = text_of(rendering.render("receipt", number, complete), tmp_path).replace("\n", "")
    assert "申请材料齐全" in text
    assert "容缺受理通知书" not in text
    assert "暂缺" not in text
    deferred = text_of(rendering.render("receipt", number, content), tmp_path).replace("\n", "")
    assert "申请材料齐全" not in deferred  # a 容缺 case is not complete (issue 11)
    assert "2025年10月17日前" in deferred  # a certain date is given …
    assert "2026年01月12日" not in deferred  # … a provisional one is not


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
