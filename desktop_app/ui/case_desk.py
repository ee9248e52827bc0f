"""What the 办件 screen calls: a case's later steps, each one transaction, and its documents."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.services import cases, commitments, deferred, documents, inspections, workflow
from desktop_app.services.auth import Actor
from desktop_app.services.cases import CaseRow, ItemView
from desktop_app.services.documents import DocumentRow
from desktop_app.ui.cases_tab import CaseActions, CaseDetail
from desktop_app.ui.document_printing import print_issued, print_latest


@dataclass
class CaseDesk:
    """The services behind 办件 as the signed-in user sees them."""

    store: Store
    catalog: Catalog
    actor: Actor

    def actions(self) -> CaseActions:
        return CaseActions(
            search=self.search,
            detail=self.detail,
            corrections_received=self.corrections_received,
            drop=self.drop_item,
            withdraw=self.withdraw,
            reveal=self.reveal,
            receive=self.receive,
            terminate=self.terminate,
            print_document=self.print_document,
            deliver=self.deliver,
            issue_rejection=self.issue_rejection,
            may_terminate=self.actor.role == "supervisor",
        )

    def search(
        self,
        text: str,
        state: str | None,
        industry: str | None,
        overdue: bool,
        late: bool,
        kind: str | None = None,
    ) -> list[CaseRow]:
        with self.store.read() as session:
            return cases.search_applications(
                session, text, state, industry, overdue, deferred_only=late, kind=kind
            )

    def detail(self, number: str) -> CaseDetail:
        with self.store.read() as session:
            view = cases.get_application(session, number)
            return CaseDetail(
                view,
                cases.working_days_left(session, view),
                cases.history(session, number),
                deferred.of_case(session, self.catalog, number),
                documents.for_case(session, number),
                commitments.of_case(session, number),
                {
                    i.permit: i.status
                    for i in inspections.status(session, self.catalog, number).items
                },
            )

    def corrections_received(self, number: str, item: ItemView) -> None:
        with self.store.write() as session:
            workflow.corrections_received(
                session, self.actor, number, item.permit, expected_version=item.version
            )

    def drop_item(self, number: str, item: ItemView) -> None:
        with self.store.write() as session:
            workflow.drop_item(session, self.actor, number, item.permit)

    def reveal(self, number: str, what: str, reason: str) -> str:
        with self.store.write() as session:
            return cases.reveal(session, self.actor, number, what, reason)

    def withdraw(self, number: str, reason: str, version: int) -> None:
        with self.store.write() as session:
            workflow.withdraw(session, self.actor, number, reason, expected_version=version)

    def receive(self, number: str, key: str, how: str) -> None:
        with self.store.write() as session:
            deferred.receive(session, self.actor, number, key, how)

    def terminate(self, number: str, reason: str, version: int) -> str:
        """终止办理, then its notice to the printer; returns the notice's number."""
        with self.store.write() as session:
            notice = deferred.terminate(
                session, self.actor, self.catalog, number, reason, expected_version=version
            )
        print_latest(self.store, self.actor, number, "termination")
        return notice

    def print_document(self, row: DocumentRow) -> str:
        with self.store.read() as session:
            document = documents.get(session, row.id)
        return print_issued(self.store, self.actor, document)

    def deliver(self, number: str, handed: list[DocumentRow]) -> str:
        """A 送达回执 for the documents handed over, printed for the recipient to sign."""
        with self.store.write() as session:
            notice = documents.issue_delivery(session, self.actor, number, [d.id for d in handed])
        print_latest(self.store, self.actor, number, "delivery")
        return notice

    def issue_rejection(self, number: str, item: ItemView) -> str:
        """The 不予许可决定书 of an item refused on the platform (a reviewer's has one already)."""
        with self.store.write() as session:
            notice = workflow.rejection_notice(session, self.actor, number, item.permit)
        print_latest(self.store, self.actor, number, "rejection")
        return notice
