"""A document issued by the services (services/documents.py), rendered from its frozen content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from desktop_app.printing import application_form, letters


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _addressee(content: Mapping[str, Any]) -> letters.Addressee:
    who = content.get("addressee") or {"enterprise": content.get("enterprise", "")}
    return letters.Addressee(who["enterprise"], who.get("contact", ""), who.get("role", "经办人"))


def _receipt(number: str, content: Mapping[str, Any]) -> bytes:
    # Receipts issued before the limits were kept in working days have dates only.
    items = [
        letters.ReceiptItemLine(
            i["name"],
            i["department"],
            i["mode"],
            _day(i["promised_due"]),
            _day(i["statutory_due"]),
            i.get("promised_days"),
            i.get("statutory_days"),
            bool(i.get("provisional")),
            i.get("kind", "new"),
        )
        for i in content["items"]
    ]
    after_issue = (
        letters.AfterIssue(
            content["kind_name"],
            content["certificate"],
            [tuple(row) for row in content.get("changes", [])],
            content.get("reason"),
        )
        if content.get("certificate")
        else None
    )
    return letters.acceptance_notice(
        number,
        _addressee(content),
        content["industry"],
        items,
        [(name, how) for name, how in content.get("received", [])],
        _day(content.get("day") or content["accepted_on"]),
        [(name, _day(due)) for name, due in content.get("deferred", [])],
        after_issue,
    )


def render(kind: str, number: str, content: Mapping[str, Any]) -> bytes:
    """The PDF of one document; ``content`` is what it said when it was issued."""
    if kind == "receipt":
        return _receipt(number, content)
    if kind == "application_form":
        return application_form.render(content["case"], content)
    who, day, case = _addressee(content), _day(content["day"]), content.get("case")
    if kind == "correction":
        return letters.correction_notice(
            number, who, content["industry"], content["missing"], day, case, content.get("by")
        )
    if kind == "commitment":
        lines = [
            letters.CommitmentLine(p["name"], p["department"], p["basis"])
            for p in content["permits"]
        ]
        return letters.commitment_letter(number, who, lines, day, content["case"])
    if kind == "refusal":
        return letters.refusal_decision(number, who, content["industry"], content["reason"], day)
    if kind == "rejection":
        return letters.rejection_decision(
            number,
            who,
            content["permit"],
            content["department"],
            content["reason"],
            day,
            case or "",
        )
    if kind == "termination":
        overdue = [(name, _day(due)) for name, due in content.get("overdue", [])]
        return letters.termination_notice(
            number, who, content["industry"], content["reason"], overdue, day, case or ""
        )
    if kind == "revocation":
        return letters.revocation_decision(
            number,
            who,
            content["permit"],
            content["permit_no"],
            content["department"],
            content["findings"],
            day,
            case or "",
            str(content.get("basis") or ""),
        )
    if kind == "cancellation":
        return letters.cancellation_notice(
            number,
            who,
            content["industry"],
            content["certificate"],
            content["kind_name"],
            [tuple(row) for row in content["cancelled"]],
            [tuple(row) for row in content.get("kept", [])],
            content.get("reason"),
            day,
            case or "",
        )
    if kind == "renewal_reminder":
        ending = [(n, no, dept, _day(until)) for n, no, dept, until in content["permits"]]
        return letters.renewal_reminder(
            number, who, content["industry"], content["certificate"], ending, day
        )
    if kind == "delivery":
        handed = [(title, doc_number) for title, doc_number in content["documents"]]
        return letters.delivery_receipt(number, who, handed, day, case)
    if kind in ("inspection_notice", "inspection_record", "rectification"):
        return _inspection(kind, number, content)
    raise ValueError(f"unknown document kind {kind!r}")


def _inspection(kind: str, number: str, content: Mapping[str, Any]) -> bytes:
    who, day, case = _addressee(content), _day(content["day"]), content.get("case") or ""
    industry, title = content["industry"], content["title"]
    if kind == "inspection_notice":
        return letters.inspection_notice(
            number,
            who,
            industry,
            title,
            content["at"],
            content["site"],
            [(permit, department) for permit, department in content["checks"]],
            [(department, name) for department, name in content["inspectors"]],
            day,
            case,
        )
    if kind == "inspection_record":
        sections = [
            (department, list(permits), list(names))
            for department, permits, names in content["sections"]
        ]
        return letters.inspection_record(
            number, who, industry, title, content["at"], content["site"], sections, day, case
        )
    findings = [(department, permit, text) for department, permit, text in content["findings"]]
    return letters.rectification_notice(number, who, industry, title, findings, day, case)
