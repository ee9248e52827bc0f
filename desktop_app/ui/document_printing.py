"""A document of a case to the counter printer, logged in the same transaction.

A printer failure rolls the log entry back, so the print log lists only sheets that came out.
"""

from __future__ import annotations

from desktop_app.db import Store
from desktop_app.printing import documents as rendering
from desktop_app.services import documents
from desktop_app.services.auth import Actor
from desktop_app.settings import load as load_settings
from desktop_app.ui import printer_dialogs
from desktop_app.ui.i18n import tr


def print_issued(store: Store, actor: Actor, document: documents.Document) -> str:
    """Prints ``document`` as it was issued; returns the printer's name."""
    pdf = rendering.render(document.kind, document.number, document.content)
    printer = load_settings().printer
    with store.write() as session:
        documents.record_print(session, actor, document.id, printer or tr("默认打印机"))
        return printer_dialogs.print_pdf(pdf, printer)


def print_latest(store: Store, actor: Actor, number: str, kind: str) -> str:
    """Prints the newest document of ``kind`` of case (or notice) ``number``."""
    with store.read() as session:
        document = documents.find(session, number, kind)
    return print_issued(store, actor, document)
