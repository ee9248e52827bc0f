"""The 行业综合许可证 as a PDF: the full sheet, or only the data for 套打 on pre-printed stock.

The field labels follow shared/reference/certificate-style.md (the 医疗器械/食品经营许可证
analogues); positions are fixed, so the data lands in the same place on plain paper and on stock.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from desktop_app.config import ISSUER_NAME
from desktop_app.printing import fonts, qr
from desktop_app.printing.layout import (
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIZE_SMALL,
    SIZE_TABLE,
    date_cn,
    para,
    table,
)
from desktop_app.services.issuance import CertificateView

LABEL_X = 30 * mm
VALUE_X = 80 * mm
FIELD_TOP = PAGE_HEIGHT - 78 * mm
FIELD_STEP = 9 * mm
TABLE_TOP = PAGE_HEIGHT - 140 * mm
TABLE_X = 28 * mm
TABLE_WIDTH = PAGE_WIDTH - 2 * TABLE_X
QR_X = 26 * mm
QR_Y = 28 * mm
# The table must end above the QR code and the issuing authority's lines.
TABLE_FLOOR = 70 * mm
COLUMNS_MM = (9, 48, 36, 32, 29)


@dataclass(frozen=True)
class Overlay:
    """套打: print the data only, shifted by this workstation's calibrated offsets."""

    dx_mm: float = 0.0
    dy_mm: float = 0.0


ISSUER_X = PAGE_WIDTH - 112 * mm


def _seal_outline(canvas: Canvas) -> None:
    """A dashed circle where the issuing office stamps its seal (盖章处)."""
    canvas.saveState()
    canvas.setStrokeColorRGB(0.75, 0.55, 0.55)
    canvas.setDash(2, 2)
    canvas.circle(PAGE_WIDTH - 50 * mm, 50 * mm, 20 * mm)
    canvas.restoreState()


def _fields(view: CertificateView) -> list[tuple[str, str]]:
    return [
        ("主体名称", view.holder_name),
        ("统一社会信用代码", view.holder_uscc),
        ("法定代表人（负责人）", view.legal_rep_name),
        ("经营场所", view.address),
        ("行业类别", view.industry_name),
        ("有效期限", f"{date_cn(view.valid_from)} 至 {date_cn(view.valid_until)}"),
    ]


def _frame(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(0.55, 0.1, 0.1)
    canvas.setLineWidth(2.2)
    canvas.rect(14 * mm, 14 * mm, PAGE_WIDTH - 28 * mm, PAGE_HEIGHT - 28 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(17 * mm, 17 * mm, PAGE_WIDTH - 34 * mm, PAGE_HEIGHT - 34 * mm)
    canvas.restoreState()


def _title(canvas: Canvas) -> None:
    text = "行业综合许可证"
    size = 30.0
    canvas.saveState()
    canvas.setFillColorRGB(0.55, 0.1, 0.1)
    canvas.setStrokeColorRGB(0.55, 0.1, 0.1)
    canvas.setLineWidth(0.5)
    # Fill and stroke: a bolder title without a bold font file.
    text_object = canvas.beginText()
    text_object.setTextRenderMode(2)
    text_object.setFont(fonts.SERIF, size)
    text_object.setCharSpace(6)
    width = fonts.string_width(text, fonts.SERIF, size) + 6 * (len(text) - 1)
    text_object.setTextOrigin((PAGE_WIDTH - width) / 2, PAGE_HEIGHT - 48 * mm)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()


def _permit_table(view: CertificateView, overlay: bool, size: float) -> Table:
    header = ["序号", "许可证名称", "许可证编号", "发证部门", "有效期至"]
    rows = [[para(h, size, fonts.SANS) for h in header]] if not overlay else []
    for index, p in enumerate(view.permits, start=1):
        rows.append(
            [
                para(str(index), size),
                para(p.name, size),
                para(p.permit_no, size),
                para(p.department_name, size),
                para(date_cn(p.valid_to), size),
            ]
        )
    return table(rows, COLUMNS_MM, grid=not overlay, header=not overlay)


def render(view: CertificateView, overlay: Overlay | None = None) -> bytes:
    """The certificate as PDF bytes (A4 portrait); with ``overlay``, only the data, shifted.

    ReportLab's C accelerator (rl-accel) halves the time; it is a declared dependency.
    """
    for name in (fonts.SERIF, fonts.SANS):
        fonts.register(name)
    buffer = io.BytesIO()
    # initialFontName: else reportlab declares an unembedded Helvetica on every page.
    canvas = Canvas(
        buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=fonts.SANS
    )
    canvas.setTitle(f"行业综合许可证 {view.number}")
    canvas.setAuthor(ISSUER_NAME)
    canvas.setSubject(view.license_id)
    if overlay is not None:
        canvas.translate(overlay.dx_mm * mm, overlay.dy_mm * mm)
    else:
        _frame(canvas)
        _title(canvas)
    fonts.draw_string(
        canvas, PAGE_WIDTH - 95 * mm, PAGE_HEIGHT - 60 * mm, f"编号：{view.number}", fonts.SERIF, 11
    )
    fonts.draw_string(
        canvas,
        PAGE_WIDTH - 95 * mm,
        PAGE_HEIGHT - 66 * mm,
        f"版本：第{view.revision}版",
        fonts.SERIF,
        11,
    )
    for row, (label, value) in enumerate(_fields(view)):
        y = FIELD_TOP - row * FIELD_STEP
        if overlay is None:
            fonts.draw_string(canvas, LABEL_X, y, f"{label}：", fonts.SANS, 12)
        value_para = para(value, 13)
        _, height = value_para.wrap(PAGE_WIDTH - VALUE_X - 30 * mm, FIELD_STEP * 2)
        value_para.drawOn(canvas, VALUE_X, y - height + 13)
    if overlay is None:
        fonts.draw_string(canvas, LABEL_X, TABLE_TOP + 8 * mm, "许可事项：", fonts.SANS, 12)
    # Six permits with long names fit at 五号; more (a future batch) step down to fit the sheet.
    for size in (SIZE_TABLE, 9.0, 8.0, 7.0):
        permits = _permit_table(view, overlay is not None, size)
        _, height = permits.wrap(TABLE_WIDTH, PAGE_HEIGHT)
        if TABLE_TOP - height >= TABLE_FLOOR:
            break
    permits.drawOn(canvas, TABLE_X, TABLE_TOP - height)
    side = qr.draw(canvas, view.qr_text, QR_X, QR_Y)
    if overlay is None:
        caption = "扫码核验全部许可信息"
        width = fonts.string_width(caption, fonts.SANS, SIZE_SMALL)
        fonts.draw_string(
            canvas, QR_X + (side - width) / 2, QR_Y - 1 * mm, caption, fonts.SANS, SIZE_SMALL
        )
        fonts.draw_string(canvas, ISSUER_X, 52 * mm, f"发证机关：{ISSUER_NAME}", fonts.SERIF, 13)
        _seal_outline(canvas)
        note = "本证集成上列全部行政许可，许可信息以二维码加载内容为准；关联许可证一并发放。"
        fonts.draw_string(canvas, ISSUER_X, 30 * mm, note, fonts.SANS, 6.5)
    fonts.draw_string(
        canvas, ISSUER_X, 43 * mm, f"发证日期：{date_cn(view.issued_on)}", fonts.SERIF, 13
    )
    fonts.draw_string(
        canvas, QR_X + 4 * mm, 21 * mm, f"电子证照标识：{view.license_id}", fonts.SANS, 7
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def calibration_page(overlay: Overlay) -> bytes:
    """Crosses at the certificate's anchor points, shifted like a 套打 print, to measure offsets."""
    buffer = io.BytesIO()
    fonts.register(fonts.SANS)
    canvas = Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), initialFontName=fonts.SANS)
    canvas.setTitle("套打校准页")
    fonts.draw_string(
        canvas,
        30 * mm,
        PAGE_HEIGHT - 25 * mm,
        "套打校准页：将本页与证书纸叠放对光，量出十字与证书纸标记的偏差（毫米）后在设置中调整。",
        fonts.SANS,
        9,
    )
    fonts.draw_string(
        canvas,
        30 * mm,
        PAGE_HEIGHT - 31 * mm,
        f"当前偏移：X {overlay.dx_mm:+.1f} mm，Y {overlay.dy_mm:+.1f} mm",
        fonts.SANS,
        9,
    )
    canvas.translate(overlay.dx_mm * mm, overlay.dy_mm * mm)
    for x, y in (
        (VALUE_X, FIELD_TOP),
        (28 * mm, TABLE_TOP),
        (QR_X, QR_Y),
        (PAGE_WIDTH - 110 * mm, 52 * mm),
    ):
        canvas.line(x - 6 * mm, y, x + 6 * mm, y)
        canvas.line(x, y - 6 * mm, x, y + 6 * mm)
        canvas.circle(x, y, 2 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
