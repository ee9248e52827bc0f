"""What the signed-in user's screens call: services wrapped in one transaction per action.

Widgets get these plain callables (STYLE.md); nothing here builds a query or holds an ORM object.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog import Bundle, Catalog
from desktop_app.db import Store
from desktop_app.printing import letters, notice_sheet
from desktop_app.services import cases, intake, prints, workflow
from desktop_app.services.auth import Actor
from desktop_app.services.intake import Receipt, Submission
from desktop_app.services.wizard import IntakeDraft
from desktop_app.settings import load as load_settings
from desktop_app.ui import printer_dialogs


@dataclass
class Counter:
    """The services as the signed-in user sees them."""

    store: Store
    catalog: Catalog
    actor: Actor

    def submit(self, draft: IntakeDraft) -> Receipt:
        """受理, then 并联: the items go to every department in the same transaction."""
        submission = Submission(
            industry=draft.industry or "",
            answers=draft.answers,
            form=draft.form,
            materials=draft.materials,
            commitments=tuple(sorted(draft.commitments)),
            draft_id=draft.draft_id,
        )
        with self.store.write() as session:
            receipt = intake.accept(session, self.actor, self.catalog, submission)
            workflow.dispatch(session, self.actor, receipt.number)
        return receipt

    def save_draft(self, draft: IntakeDraft) -> int:
        with self.store.write() as session:
            return intake.save_draft(
                session,
                self.actor,
                draft.draft_id,
                draft.industry,
                draft.answers,
                draft.form,
                draft.materials,
                tuple(sorted(draft.commitments)),
            )

    def _print(self, pdf: bytes, document: str, subject: str) -> None:
        printer = printer_dialogs.print_pdf(pdf, load_settings().printer)
        with self.store.write() as session:
            prints.record_document_print(session, self.actor, document, subject, printer)

    def print_receipt(self, receipt: Receipt) -> None:
        with self.store.read() as session:
            view = cases.get_application(session, receipt.number)
        pdf = letters.acceptance_notice(
            receipt.number,
            letters.Addressee(receipt.enterprise_name, view.agent.name if view.agent else ""),
            receipt.industry_name,
            [
                letters.ReceiptItemLine(
                    i.name, i.department, i.mode, i.promised_due, i.statutory_due
                )
                for i in receipt.items
            ],
            receipt.received,
            receipt.accepted_on,
        )
        self._print(pdf, "receipt", receipt.number)

    def print_notice(self, bundle: Bundle) -> None:
        names = {code: p.name for code, p in self.catalog.permits.items()}
        self._print(notice_sheet.render(bundle, names), "notice", bundle.industry)
