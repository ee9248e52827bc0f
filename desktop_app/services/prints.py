"""The print log of the counter's documents (the certificate's own log is in issuance)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role

DOCUMENTS = {"receipt": "受理通知书", "notice": "一次告知单"}


def record_document_print(
    session: Session, actor: Actor, document: str, subject: str, printer: str
) -> None:
    """Audits one printed document (who, when, which printer)."""
    require_role(actor, "clerk", "supervisor", "reviewer", action="打印文书")
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}")
    audit.record(session, actor.username, f"print_{document}", subject, {"printer": printer})
