"""抽查结果公示表: a 双随机 draw's targets and results as a printable list for 公示."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop_app.printing import fonts
from desktop_app.printing.layout import (
    SIZE_BODY,
    SIZE_SMALL,
    SIZE_TABLE,
    build_pdf,
    date_cn,
    para,
    table,
    title,
)


@dataclass(frozen=True)
class PublishedRow:
    position: int
    name: str
    credit_code: str
    inspectors: str
    result: str
    findings: str


def results_list(
    draw_id: int,
    seed_text: str,
    departments: str,
    registry_size: int,
    rows: Sequence[PublishedRow],
    day: dt.date,
    issuer: str,
) -> bytes:
    """The list as published: who was drawn, by whom inspected, and what was found."""
    story: list[Flowable] = [
        title("双随机抽查结果公示"),
        Spacer(0, 3 * mm),
        para(
            f"抽查部门：{departments}。检查对象名录 {registry_size} 户，随机抽取 {len(rows)} 户"
            f"（抽取编号 {draw_id}；随机种子：{seed_text}；任何人可按公开的算法复核）。",
            SIZE_BODY,
            indent=True,
        ),
        Spacer(0, 3 * mm),
    ]
    header = ["序号", "主体名称", "统一社会信用代码", "检查人员", "检查结果", "发现的问题"]
    cells = [[para(h, SIZE_TABLE, fonts.SANS) for h in header]]
    cells += [
        [
            para(str(r.position), SIZE_TABLE),
            para(r.name, SIZE_TABLE),
            para(r.credit_code, SIZE_SMALL),
            para(r.inspectors, SIZE_TABLE),
            para(r.result, SIZE_TABLE),
            para(r.findings, SIZE_TABLE),
        ]
        for r in rows
    ]
    story += [
        table(cells, (12, 30, 38, 20, 22, 34)),
        Spacer(0, 6 * mm),
        para(f"{issuer}（印章）", SIZE_BODY, align=TA_RIGHT),
        para(date_cn(day), SIZE_BODY, align=TA_RIGHT),
        Spacer(0, 3 * mm),
        para("公示期内对抽查结果有异议的，可向抽查部门提出。", SIZE_SMALL, fonts.SANS, TA_CENTER),
    ]
    return build_pdf(story, f"双随机抽查结果公示 {draw_id}", issuer)
