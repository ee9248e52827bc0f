"""The 办事指南 of one industry as a PDF for the public (published per industry)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.catalog.guide import Guide
from desktop_app.catalog.notice import handing
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


def render(guide: Guide, names: dict[str, str]) -> bytes:
    industry = guide.industry
    heading = f"{industry.name}行业综合许可办事指南"
    items = [["许可事项", "何时办理", "审批部门", "承诺/法定时限", "告知承诺/现场核查", "有效期"]]
    items += [
        [
            i.permit,
            i.when,
            i.department,
            f"{i.promised}/{i.statutory}",
            f"{i.commitment}/{i.site_check}",
            i.validity,
        ]
        for i in guide.items
    ]
    materials = [["申请材料", "涉及许可", "说明"]]
    for m in guide.bundle.materials:
        remark = handing(m)[1]
        materials.append([m.name, "、".join(names.get(p, p) for p in m.permits), remark])
    bases = sorted({i.basis for i in guide.items})
    fees = sorted({i.fee for i in guide.items})
    fee_lines = (
        [f"各事项均{fees[0]}。"]
        if len(fees) == 1
        else [f"{i.permit}：{i.fee}" for i in guide.items]
    )
    place = [
        para("八、办理地点", 12, fonts.SANS),
        para(
            "同心县政务服务中心“一业一证”综合窗口；可由窗口工作人员全程帮办代办。",
            SIZE_TABLE,
            indent=True,
        ),
    ]
    if guide.footnote:
        place.append(para(guide.footnote, SIZE_SMALL, indent=True))
    story: list[Flowable] = [
        title(heading, 18),
        Spacer(0, 3 * mm),
        para("一、适用范围", 12, fonts.SANS),
        para(
            f"在同心县开办{industry.name}（{'、'.join(industry.aliases)}）的市场主体。",
            SIZE_TABLE,
            indent=True,
        ),
        para("二、办理事项（一次申请、并联审批、统一发证）", 12, fonts.SANS),
        table([[para(c, SIZE_SMALL) for c in row] for row in items], (32, 34, 24, 28, 24, 14)),
        para("三、申请时需说明的情形", 12, fonts.SANS),
        para("、".join(guide.questions) or "无", SIZE_TABLE, indent=True),
        para("四、申请材料（各事项均需要时的完整清单；同一材料只提交一份）", 12, fonts.SANS),
        table([[para(c, SIZE_SMALL) for c in row] for row in materials], (70, 60, 26)),
        KeepTogether([para("五、办理流程", 12, fonts.SANS), flowchart(guide.bundle.steps)]),
        # A heading never ends a page without what it heads.
        KeepTogether(
            [
                para("六、收费标准", 12, fonts.SANS),
                *[para(line, SIZE_TABLE, indent=True) for line in fee_lines],
            ]
        ),
        KeepTogether(
            [
                para("七、设定依据", 12, fonts.SANS),
                *[para(b, SIZE_SMALL, indent=True) for b in bases],
            ]
        ),
        KeepTogether(place),
    ]
    return build_pdf(story, heading)
