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
from desktop_app.printing import certificate, guide, notice_sheet
from desktop_app.printing import documents as rendering
from desktop_app.services import auth, cases, intake, issuance, workflow
from tests import factories
from tests.sample_documents import CHANGE_RECEIPT, SAMPLES

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


# Each issued document, from the content the services freeze (tests/sample_documents.py).
FILES = {
    "receipt": "deferred-notice",
    "application_form": "application-form",
    "commitment": "commitment-letter",
    "correction": "correction-notice",
    "refusal": "refusal-decision",
    "rejection": "rejection-decision",
    "termination": "termination-notice",
    "revocation": "revocation-decision",
    "delivery": "delivery-receipt",
    "cancellation": "cancellation-notice",
    "renewal_reminder": "renewal-reminder",
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    catalog = load_catalog()
    names = {code: p.name for code, p in catalog.permits.items()}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        view = _certificate(folder)
        number, receipt = SAMPLES["receipt"]
        complete = {**receipt, "deferred": [], "items": [receipt["items"][0]]}
        documents = {
            "certificate": certificate.render(view),
            "certificate-overlay": certificate.render(view, certificate.Overlay(1.5, -2.0)),
            "calibration": certificate.calibration_page(certificate.Overlay(1.5, -2.0)),
            "notice-sheet": notice_sheet.render(
                resolve(catalog, "hotel", {"catering": True, "halal": True}), names
            ),
            "acceptance-notice": rendering.render("receipt", number, complete),
            **{FILES[kind]: rendering.render(kind, *SAMPLES[kind]) for kind in sorted(SAMPLES)},
            "change-receipt": rendering.render("receipt", *CHANGE_RECEIPT),
            "guide-convenience-store": guide.render(
                build_guide(catalog, catalog.industries[1]), names
            ),
        }
        for name, pdf in documents.items():
            _png(pdf, name, folder)
            print(OUT / f"{name}.png")


if __name__ == "__main__":
    main()
