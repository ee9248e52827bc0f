"""The print log of sheets that are not issued documents: the 一次告知单, the form to check.

Issued documents have theirs in services/documents.py, the certificate in issuance.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role

# Prints of what is not an issued document (those are logged in services/documents.py).
DOCUMENTS = {
    "notice": "一次告知单",
    "form": "综合申请表（受理前核对稿）",
    "catalog_sheet": "目录核对表",
}


def record_document_print(
    session: Session, actor: Actor, document: str, subject: str, printer: str
) -> None:
    """Audits one printed document (who, when, which printer)."""
    require_role(actor, "clerk", "supervisor", "reviewer", "admin", action="打印文书")
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}")
    audit.record(session, actor.username, f"print_{document}", subject, {"printer": printer})
