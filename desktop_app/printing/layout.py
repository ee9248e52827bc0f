"""Shared page set-up and text helpers of the printed documents (GB/T 9704 where it applies)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from desktop_app.printing import fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
# GB/T 9704-2012 版心: top margin 37 mm, left 28 mm, type area 156 x 225 mm.
MARGIN_TOP = 37 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MARGIN_BOTTOM = 35 * mm
# 号 sizes: 二号 22 pt (titles), 三号 16 pt (body), 四号 14 pt, 小四 12 pt, 五号 10.5 pt.
SIZE_TITLE = 22.0
SIZE_BODY = 14.0
SIZE_TABLE = 10.5
SIZE_SMALL = 9.0


def date_cn(day: dt.date | None) -> str:
    """2025年10月09日; an open end (a filing without expiry) reads 长期."""
    return "长期" if day is None else f"{day.year}年{day.month:02d}月{day.day:02d}日"


def style(
    size: float = SIZE_BODY,
    font: str = fonts.SERIF,
    align: int = TA_JUSTIFY,
    leading: float = 1.5,
    indent: bool = False,
) -> ParagraphStyle:
    fonts.register(font)
    return ParagraphStyle(
        name=f"{font}-{size}-{align}-{indent}",
        # Chinese paragraphs open with two characters of indent (首行缩进两字).
        firstLineIndent=2 * size if indent else 0,
        fontName=font,
        fontSize=size,
        leading=size * leading,
        alignment=align,
        wordWrap="CJK",  # Chinese breaks between any two characters
    )


def para(
    text: str,
    size: float = SIZE_BODY,
    font: str = fonts.SERIF,
    align: int = TA_LEFT,
    indent: bool = False,
) -> Paragraph:
    """A paragraph of plain text (escaped, with glyph fallback)."""
    return Paragraph(fonts.markup(text, font), style(size, font, align, indent=indent))


def title(text: str, size: float = SIZE_TITLE) -> Paragraph:
    return Paragraph(fonts.markup(text, fonts.SERIF), style(size, fonts.SERIF, TA_CENTER, 1.3))


def table(
    rows: list[list[Paragraph]],
    widths_mm: tuple[float, ...],
    grid: bool = True,
    header: bool = True,
) -> Table:
    """A table of paragraphs; the FONT command keeps reportlab from declaring Helvetica."""
    fonts.register(fonts.SANS)
    result = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, (0.3, 0.3, 0.3)))
    if grid and header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.9, 0.86)))
    result.setStyle(TableStyle(commands))
    return result


def build_pdf(
    story: Sequence[Flowable],
    title: str,
    author: str = "同心县审批服务管理局",
    top: float = 20 * mm,
    bottom: float = 18 * mm,
) -> bytes:
    """Lays ``story`` out on A4 with the type area's left and right margins; returns the PDF."""
    for name in (fonts.SERIF, fonts.SANS):
        fonts.register(name)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        # Else reportlab declares an unembedded Helvetica on every page.
        initialFontName=fonts.SANS,
    )
    document.build(list(story))
    return buffer.getvalue()
