"""Renders every printed document with realistic data to docs/documents/*.png (run by hand).

Run: ``.venv/bin/python docs/render_documents.py`` (needs pdftoppm from poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.bootstrap import open_store
from desktop_app.catalog import load_catalog, resolve
from desktop_app.catalog.guide import build_guide
from desktop_app.domain import keys
from desktop_app.printing import certificate, guide, letters, notice_sheet
from desktop_app.services import auth, cases, intake, issuance, workflow
from tests import factories

OUT = Path(__file__).resolve().parent / "documents"
DAY = dt.date(2025, 9, 26)
NAME = "同心县𠀀·清真超市有限公司"


def _certificate(folder: Path) -> issuance.CertificateView:
    catalog = load_catalog()
    store = open_store(f"sqlite:///{folder / 'docs.sqlite3'}")
    with store.write() as session:
        clerk = auth.add_user(session, auth.SYSTEM, "clerk", "Docs2026x", "clerk")
        reviewers = {
            d: auth.add_user(session, auth.SYSTEM, f"r_{d}", "Docs2026x", "reviewer", d)
            for d in ("market", "united_front", "health")
        }
    answers = {
        "area_m2": 400,
        "halal": True,
        "sells_drugs": True,
        "device_class2": True,
        "onsite_production": True,
    }
    sub = factories.submission(
        catalog,
        "supermarket",
        answers,
        enterprise_name=NAME,
        legal_rep_name="马·阿卜杜拉",
        address="宁夏吴忠市同心县豫海镇清真大街88号",
    )
    with store.write() as session:
        number = intake.accept(session, clerk, catalog, sub, DAY).number
        workflow.dispatch(session, clerk, number)
    with store.write() as session:
        for index, item in enumerate(cases.get_application(session, number).items):
            reviewer = reviewers[item.department]
            workflow.take_up(session, reviewer, number, item.permit)
            until = None if item.permit == "device2_filing" else dt.date(2030, 9, 30)
            workflow.approve(
                session,
                reviewer,
                number,
                item.permit,
                f"{item.permit[:4].upper()}6403242025{index:04d}",
                dt.date(2025, 10, 8),
                until,
            )
    with store.write() as session:
        view = issuance.issue(
            session, clerk, catalog, number, keys.generate(), dt.date(2025, 10, 9)
        )
    store.dispose()
    return view


def _png(pdf: bytes, name: str, folder: Path) -> None:
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-singlefile", str(source), str(OUT / name)],
        check=True,
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    catalog = load_catalog()
    names = {code: p.name for code, p in catalog.permits.items()}
    addressee = letters.Addressee(NAME, "马·阿卜杜拉")
    items = [
        letters.ReceiptItemLine(
            "食品经营许可证",
            "县市场监督管理局",
            "normal",
            dt.date(2025, 10, 10),
            dt.date(2025, 10, 17),
        ),
        letters.ReceiptItemLine(
            "公共场所卫生许可证",
            "县卫生健康局",
            "commitment",
            dt.date(2025, 10, 17),
            dt.date(2025, 10, 30),
        ),
    ]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        view = _certificate(folder)
        documents = {
            "certificate": certificate.render(view),
            "certificate-overlay": certificate.render(view, certificate.Overlay(1.5, -2.0)),
            "calibration": certificate.calibration_page(certificate.Overlay(1.5, -2.0)),
            "notice-sheet": notice_sheet.render(
                resolve(catalog, "hotel", {"catering": True, "halal": True}), names
            ),
            "acceptance-notice": letters.acceptance_notice(
                "SL2025640324010000001",
                addressee,
                "超市",
                items,
                [("一业一证行业综合许可申请表", "paper"), ("经营场所使用证明", "scan")],
                DAY,
            ),
            "correction-notice": letters.correction_notice(
                "BZ2025640324010000001",
                addressee,
                "超市",
                ["经营场所平面图未标明面积", "从业人员健康证明缺2人"],
                DAY,
            ),
            "deferred-notice": letters.deferred_notice(
                "SL2025640324010000001",
                addressee,
                [("从业人员健康证明", dt.date(2025, 10, 20))],
                DAY,
            ),
            "commitment-letter": letters.commitment_letter(
                "SL2025640324010000001",
                addressee,
                "公共场所卫生许可证",
                "县卫生健康局",
                "《公共场所卫生管理条例》第四条",
                DAY,
            ),
            "refusal-decision": letters.refusal_decision(
                "BY2025640324010000001", addressee, "超市", "申请事项不属于本机关职权范围", DAY
            ),
            "rejection-decision": letters.rejection_decision(
                "SL2025640324010000001",
                addressee,
                "清真食品准营证",
                "县委统战部（民族宗教事务局）",
                "清真食品原料采购渠道不符合要求",
                DAY,
            ),
            "delivery-receipt": letters.delivery_receipt(
                "SL2025640324010000001",
                addressee,
                [("行业综合许可证", view.number), ("食品经营许可证", "FOOD64032420250000")],
                DAY,
            ),
            "guide-convenience-store": guide.render(
                build_guide(catalog, catalog.industries[1]), names
            ),
        }
        for name, pdf in documents.items():
            _png(pdf, name, folder)
            print(OUT / f"{name}.png")


if __name__ == "__main__":
    main()
