"""The 一次告知 申报告知单: one sheet with every permit, material, limit and the flowchart."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.catalog import Bundle
from desktop_app.catalog.notice import build_notice, handing
from desktop_app.printing import fonts
from desktop_app.printing.flowchart import flowchart
from desktop_app.printing.layout import (
    SIZE_SMALL,
    SIZE_TABLE,
    build_pdf,
    para,
    table,
    title,
)

HEADING = 12.0


def _heading(text: str) -> Flowable:
    return para(text, HEADING, fonts.SANS)


def render(bundle: Bundle, names: dict[str, str]) -> bytes:
    """The sheet for ``bundle``; ``names`` maps permit codes to names for the materials table."""
    notice = build_notice(bundle)
    permits = [["许可事项", "审批部门", "承诺时限", "法定时限", "收费", "告知承诺"]]
    permits += [
        [i.permit, i.department, i.promised, i.statutory, i.fee, i.commitment] for i in notice.items
    ]
    materials = [["申请材料", "份数", "涉及许可", "说明"]]
    for m in notice.materials:
        count, remark = handing(m)
        materials.append([m.name, count, "、".join(names.get(p, p) for p in m.permits), remark])
    story: list[Flowable] = [
        title(notice.title, 18),
        para(
            f"目录版本 {notice.catalog_version}　一次告知、一次填报、一口受理、一网联动、一证准营",
            SIZE_SMALL,
            fonts.SANS,
        ),
        Spacer(0, 4 * mm),
        _heading("一、办理事项"),
        table([[para(c, SIZE_TABLE) for c in row] for row in permits], (44, 36, 20, 20, 16, 20)),
        Spacer(0, 4 * mm),
        _heading("二、申请材料（同一材料只需提交一份）"),
        table([[para(c, SIZE_SMALL) for c in row] for row in materials], (62, 24, 46, 24)),
        Spacer(0, 4 * mm),
        KeepTogether([_heading("三、办理流程"), Spacer(0, 2 * mm), flowchart(bundle.steps)]),
        Spacer(0, 4 * mm),
    ]
    # The short closing sections and the footnote go together: none stands alone on a page.
    place: list[Flowable] = [
        _heading("四、办理时限"),
        para(notice.time_summary, SIZE_TABLE, indent=True),
        _heading("五、办理结果"),
        para(notice.outcome, SIZE_TABLE, indent=True),
        _heading("六、办理地点"),
        para(
            "同心县政务服务中心“一业一证”综合窗口（一窗受理、统一出件）。", SIZE_TABLE, indent=True
        ),
    ]
    if notice.footnote:
        place += [Spacer(0, 4 * mm), para(notice.footnote, SIZE_SMALL)]
    story.append(KeepTogether(place))
    return build_pdf(story, notice.title)
