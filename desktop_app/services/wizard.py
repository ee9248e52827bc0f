"""Which intake-wizard page comes next: a pure function of the draft, tested without Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from desktop_app.catalog import Catalog


class Page(IntEnum):
    INDUSTRY = 0
    SITUATION = 1
    NOTICE = 2
    FORM = 3
    MATERIALS = 4
    REVIEW = 5


@dataclass
class IntakeDraft:
    """What the wizard has gathered so far (saved as a draft as the clerk types)."""

    industry: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    form: dict[str, Any] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)
    commitments: set[str] = field(default_factory=set)
    # The 委托代理人 (name, id_number, phone) when not the legal representative applies.
    agent: dict[str, str] | None = None
    draft_id: int | None = None
    # Files scanned for a material before 受理 (already in the store): material key → list of
    # {"sha256", "name", "source"}; tied to the case when it is accepted.
    scans: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    # Fields filled from records (earlier cases, the licence, the ID card): key → the value as
    # filled. One the clerk then changed counts as typed (prefilled_keys).
    prefilled: dict[str, Any] = field(default_factory=dict)
    # Government-issued materials the window checked: key → {"source", "document_no"}.
    checks: dict[str, dict[str, str]] = field(default_factory=dict)

    def prefilled_keys(self) -> frozenset[str]:
        """The fields still holding the value they were filled with."""
        return frozenset(k for k, v in self.prefilled.items() if self.form.get(k) == v)

    def clear(self) -> None:
        """Starts over in place (the wizard's pages hold this very object)."""
        self.industry = None
        self.answers.clear()
        self.form.clear()
        self.materials.clear()
        self.commitments.clear()
        self.agent = None
        self.draft_id = None
        self.scans.clear()
        self.prefilled.clear()
        self.checks.clear()

    def check_pairs(self) -> dict[str, tuple[str, str]]:
        """The window checks as the acceptance service takes them."""
        return {k: (c.get("source", ""), c.get("document_no", "")) for k, c in self.checks.items()}


def next_page(catalog: Catalog, draft: IntakeDraft, current: Page) -> Page | None:
    """The page after ``current`` for this draft; None after the last page.

    An industry without situation questions skips the situation page. Whether the current page
    may be left (an industry chosen, answers that make a valid application) is the page's own
    ``isComplete``; QWizard fixes its Next/Finish buttons when a page opens, so the order must not
    depend on answers still being typed.
    """
    if current == Page.INDUSTRY:
        industry = catalog.find_industry(draft.industry or "")
        return Page.NOTICE if industry is not None and not industry.questions else Page.SITUATION
    if current == Page.REVIEW:
        return None
    return Page(current + 1)


def check_refs(data: object) -> dict[str, dict[str, str]]:
    """The window checks a saved draft lists, keeping only well-formed entries."""
    if not isinstance(data, dict):
        return {}
    return {
        str(key): {k: str(entry.get(k, "")) for k in ("source", "document_no")}
        for key, entry in data.items()
        if isinstance(entry, dict)
    }


def scan_refs(data: object) -> dict[str, list[dict[str, str]]]:
    """The scans a saved draft lists, keeping only well-formed entries (a draft may be old)."""
    if not isinstance(data, dict):
        return {}
    refs: dict[str, list[dict[str, str]]] = {}
    for key, entries in data.items():
        if isinstance(entries, list):
            good = [
                {k: str(e[k]) for k in ("sha256", "name", "source")}
                for e in entries
                if isinstance(e, dict)
                and all(isinstance(e.get(k), str) for k in ("sha256", "name", "source"))
            ]
            if good:
                refs[str(key)] = good
    return refs
