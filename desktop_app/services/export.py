"""The electronic-licence hand-off: PDF, metadata JSON and QR text for the 电子证照库 loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop_app.config import ISSUER_NAME, LICENCE_TYPE_CODE
from desktop_app.domain.states import CERTIFICATE_STATE_NAMES
from desktop_app.services.issuance import CertificateView


def metadata(view: CertificateView) -> dict[str, Any]:
    """GB/T 36903-style metadata: identifier, type, holder, issuer, dates, version, the permits."""
    return {
        "identifier": view.license_id,
        "type": {"name": "行业综合许可证", "code": LICENCE_TYPE_CODE},
        "number": view.number,
        "version": view.revision,
        "status": {"code": view.state, "name": CERTIFICATE_STATE_NAMES.get(view.state, view.state)},
        "holder": {
            "name": view.holder_name,
            "id_type": "统一社会信用代码",
            "id": view.holder_uscc,
            "legal_representative": view.legal_rep_name,
            "address": view.address,
        },
        "issuer": {"name": ISSUER_NAME, "id": view.issuer_uscc},
        "industry": {"code": view.industry, "name": view.industry_name},
        "issued_on": view.issued_on.isoformat(),
        "valid_from": view.valid_from.isoformat(),
        "valid_until": view.valid_until.isoformat() if view.valid_until else None,
        "permits": [
            {
                "code": p.code,
                "name": p.name,
                "number": p.permit_no,
                "department": {"code": p.department, "name": p.department_name},
                "valid_from": p.valid_from.isoformat(),
                "valid_to": p.valid_to.isoformat() if p.valid_to else None,
            }
            for p in view.permits
        ],
        "qr_text": view.qr_text,
    }


def export(view: CertificateView, pdf: bytes, folder: Path) -> list[Path]:
    """Writes ``<number>.pdf``, ``<number>.json`` and ``<number>.qr.txt``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{view.number}{suffix}" for suffix in (".pdf", ".json", ".qr.txt")]
    paths[0].write_bytes(pdf)
    paths[1].write_text(json.dumps(metadata(view), ensure_ascii=False, indent=2), encoding="utf-8")
    paths[2].write_text(view.qr_text + "\n", encoding="ascii")
    return paths
