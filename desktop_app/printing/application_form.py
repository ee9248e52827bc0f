"""The 一业一证综合申请表: the combined form as filed, for the applicant to check and sign.

One form replaces the separate ones (一次填报): the shared fields once, then each permit's own,
the situation answers that decided the permits, the merged material list, and the declaration.
It is rendered from the content frozen at acceptance, never from live rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from desktop_app.printing import fonts
from desktop_app.printing.layout import SIZE_BODY, SIZE_SMALL, SIZE_TABLE, build_pdf, para, table
from desktop_app.printing.layout import title as title_para

TITLE = "“一业一证”行业综合许可申请表"
LONG = 18  # characters: a longer value gets a line of its own
DECLARATION = (
    "申请人声明：本表所填内容及所附材料真实、准确、完整，复印件与原件一致；已知晓相关许可条件、"
    "办理流程和违反承诺的法律后果。如有虚假，愿意承担相应法律责任。"
)


def _cell(text: object, font: str = fonts.SERIF) -> Paragraph:
    return para(str(text), SIZE_TABLE, font)


def _section(heading: str, rows: Sequence[Sequence[str]]) -> list[Flowable]:
    """A heading line, then label/value pairs two to a line; a long value takes a whole line."""
    if not rows:
        return []
    blank = _cell("")
    lines: list[list[Paragraph]] = [[_cell(heading, fonts.SANS), blank, blank, blank]]
    spans: list[tuple[object, ...]] = [("SPAN", (0, 0), (-1, 0))]
    half: list[Paragraph] = []
    for label, value in rows:
        pair = [_cell(label, fonts.SANS), _cell(value)]
        if len(value) > LONG:
            if half:
                lines.append([*half, blank, blank])
                half = []
            lines.append([*pair, blank, blank])
            spans.append(("SPAN", (1, len(lines) - 1), (3, len(lines) - 1)))
        elif half:
            lines.append([*half, *pair])
            half = []
        else:
            half = pair
    if half:
        lines.append([*half, blank, blank])
    grid = table(lines, (30, 48, 30, 48))
    grid.setStyle(spans)
    return [grid, Spacer(0, 3 * mm)]


def _listing(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: tuple[float, ...]
) -> list[Flowable]:
    if not rows:
        return []
    cells = [[_cell(h, fonts.SANS) for h in header]]
    cells += [[_cell(v) for v in row] for row in rows]
    return [table(cells, widths), Spacer(0, 3 * mm)]


def render(number: str, content: Mapping[str, Any]) -> bytes:
    """The form of case ``number`` from its frozen ``content`` (services/documents.py)."""
    story: list[Flowable] = [
        title_para(TITLE, 18.0),
        Spacer(0, 2 * mm),
        para(
            f"受理编号：{number}　　行业：{content['industry']}　　申请类型：{content['kind']}",
            SIZE_TABLE,
            align=TA_RIGHT,
        ),
        Spacer(0, 3 * mm),
    ]
    after_issue = bool(content.get("certificate"))
    if after_issue:  # 变更, 延续 …: which certificate, and what changes, before the form as filed
        reason = f"　　理由：{content['reason']}" if content.get("reason") else ""
        story.append(para(f"行业综合许可证编号：{content['certificate']}{reason}", SIZE_TABLE))
        story.append(Spacer(0, 2 * mm))
        story += _listing(
            ("变更事项", "变更前", "变更后"), content.get("changes", []), (60, 48, 48)
        )
    for section in content["sections"]:
        story += _section(section["title"], section["rows"])
    story += _section("申请情形", content.get("situation", []))
    agent = content.get("agent")
    if agent:
        rows = [["姓名", agent["name"]], ["身份证件号码", agent["id_number"]]]
        if agent.get("phone"):
            rows.append(["联系电话", agent["phone"]])
        story += _section("委托代理人", rows)
    permits_header = (
        ("办理事项", "审批部门", "办理类型")
        if after_issue
        else (
            "申请许可事项",
            "审批部门",
            "办理方式",
        )
    )
    story += _listing(permits_header, content["permits"], (70, 50, 36))
    story += _listing(("合并材料清单", "提交方式", "备注"), content["materials"], (86, 30, 40))
    signatures = [
        para(DECLARATION, SIZE_TABLE, indent=True),
        Spacer(0, 6 * mm),
        para("法定代表人（负责人）签字：＿＿＿＿＿＿　　（盖章）", SIZE_BODY),
    ]
    if agent:
        signatures.append(para("委托代理人签字：＿＿＿＿＿＿", SIZE_BODY))
    signatures += [
        para("日期：＿＿＿＿年＿＿月＿＿日", SIZE_BODY),
        Spacer(0, 4 * mm),
        para(
            "本表由综合窗口依申请人提供的信息填写打印，请申请人核对无误后签字。",
            SIZE_SMALL,
            fonts.SANS,
        ),
    ]
    story.append(KeepTogether(signatures))
    return build_pdf(story, f"{TITLE} {number}", top=18 * mm, bottom=18 * mm)
