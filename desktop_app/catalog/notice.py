"""The 一次告知 sheet's content: everything an applicant learns at once, as plain text rows.

Pure data for the wizard's notice page and the printed 申报告知单 alike, so both say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.catalog.bundle import Bundle, BundleMaterial, Step


@dataclass(frozen=True)
class NoticeItem:
    """One permit's line: what, who decides, on what basis, how long, what it costs."""

    permit: str
    department: str
    basis: str
    promised: str
    statutory: str
    fee: str
    commitment: str


@dataclass(frozen=True)
class Notice:
    title: str
    industry_name: str
    catalog_version: str
    items: tuple[NoticeItem, ...]
    materials: tuple[BundleMaterial, ...]
    steps: tuple[str, ...]
    time_summary: str
    outcome: str
    # Said under the sheet when a value shown is not confirmed by its department yet.
    footnote: str = ""


MARK = "※"  # beside a value the department has not confirmed (catalog ``unverified``)
FOOTNOTE = f"{MARK} 标注的内容待主管部门确认，以部门最终答复为准。"


def _marked(text: str, key: str, unverified: frozenset[str]) -> str:
    return f"{text}{MARK}" if key in unverified else text


def handing(material: BundleMaterial) -> tuple[str, str]:
    """How a material is handed in: its copies, and a remark (checked at the window, later …)."""
    if material.government_issued:
        return "—", "窗口核验，无需提交"
    remark = "可容缺后补" if material.deferrable else ""
    if material.only_with_agent:
        remark = "委托他人办理时提供" + (f"；{remark}" if remark else "")
    return f"原件{material.originals}份、复印件{material.copies}份", remark


def working_days(days: int) -> str:
    return "即时办结" if days == 0 else f"{days}个工作日"


def build_notice(bundle: Bundle) -> Notice:
    """Turns a bundle into the notice's rows; nothing here is invented beyond the catalog."""
    items = tuple(
        NoticeItem(
            permit=p.name,
            department=p.department_name,
            basis=p.basis,
            promised=_marked(working_days(p.promised_days), "promised_days", p.unverified),
            statutory=_marked(working_days(p.statutory_days), "statutory_days", p.unverified),
            fee=p.fee,
            commitment=_marked(
                "可适用告知承诺制" if p.commitment_allowed else "—",
                "commitment_allowed",
                p.unverified,
            ),
        )
        for p in bundle.permits
    )
    steps = tuple(
        f"{number}. {step.title}（{step.department_name}"
        + (f"，承诺{step_days(step)}）" if step.stage == "department" else "）")
        for number, step in enumerate(bundle.steps, start=1)
    )
    promised = working_days(bundle.promised_days)
    if any(s.unconfirmed_days for s in bundle.steps if s.promised_days == bundle.promised_days):
        promised += MARK
    outcome = (
        f"审批通过后统一核发行业综合许可证，载明全部{len(bundle.permits)}项许可信息，并一并发放关联许可证。"
        if bundle.certificate_eligible
        else "仅涉及一项许可，审批通过后单独核发该许可证。"
    )
    checked = [_marked(p.name, "site_check", p.unverified) for p in bundle.permits if p.site_check]
    site_check = (
        f"{'、'.join(checked)}需现场核查：各部门一次联合核查，整改意见一次告知，整改后一次复查。"
        if checked
        else ""
    )
    return Notice(
        title=f"{bundle.industry_name}“一业一证”申报告知单",
        industry_name=bundle.industry_name,
        catalog_version=bundle.catalog_version,
        items=items,
        materials=bundle.materials,
        steps=steps,
        time_summary=(
            f"各部门并联审批，承诺{promised}内办结"
            f"（逐项办理合计{working_days(bundle.serial_promised_days)}）；"
            "受理当场决定，材料不全的一次性告知需补正的全部内容。" + site_check
        ),
        outcome=outcome,
        footnote=FOOTNOTE if any(MARK in line for line in _shown(items, checked, steps)) else "",
    )


def step_days(step: Step) -> str:
    """A department's promised days in the flowchart, marked while unconfirmed."""
    return working_days(step.promised_days) + (MARK if step.unconfirmed_days else "")


def _shown(items: tuple[NoticeItem, ...], *lines: Sequence[str]) -> list[str]:
    shown = [f"{i.promised}{i.statutory}{i.commitment}" for i in items]
    return shown + [line for group in lines for line in group]
