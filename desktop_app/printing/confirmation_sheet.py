"""目录核对表: the values a department is asked to confirm, one row each, with room to answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.catalog.confirmation import Unconfirmed
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


def confirmation_sheet(
    department_name: str,
    catalog_version: str,
    rows: Sequence[Unconfirmed],
    day: dt.date,
    issuer: str,
) -> bytes:
    """One department's 核对表: each value as the catalog has it, a column to confirm or correct."""
    story: list[Flowable] = [
        title("“一业一证”行业目录核对表"),
        Spacer(0, 3 * mm),
        para(f"致：{department_name}", SIZE_BODY),
        para(
            f"以下 {len(rows)} 项内容尚未经贵单位确认（目录版本 {catalog_version}），在确认前"
            "一次告知单上标注“待主管部门确认”。请逐项核对：无误的在“核对意见”栏填"
            "“确认”，有误的填写正确内容及依据（文件名称和条款），签章后交回综合窗口。",
            SIZE_BODY,
            indent=True,
        ),
        Spacer(0, 3 * mm),
    ]
    header = ["序号", "许可事项", "项目", "目录中的内容", "目录所据", "核对意见"]
    cells = [[para(h, SIZE_TABLE, fonts.SANS) for h in header]]
    cells += [
        [
            para(str(number), SIZE_TABLE),
            para(r.subject, SIZE_TABLE),
            para(r.label, SIZE_TABLE),
            para(r.value, SIZE_SMALL),
            para(r.source, SIZE_SMALL),
            para("", SIZE_TABLE),
        ]
        for number, r in enumerate(rows, start=1)
    ]
    signature = [
        Spacer(0, 8 * mm),
        para("核对人：____________　　联系电话：____________", SIZE_BODY),
        Spacer(0, 4 * mm),
        para(f"{department_name}（签章）　　　　年　　月　　日", SIZE_BODY, align=TA_RIGHT),
        Spacer(0, 6 * mm),
        para(f"{issuer}　{date_cn(day)}制表", SIZE_SMALL, align=TA_RIGHT),
    ]
    story += [table(cells, (10, 28, 16, 46, 32, 34)), KeepTogether(signature)]
    return build_pdf(story, f"目录核对表 {department_name}", issuer)
