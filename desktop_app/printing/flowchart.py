"""The 一次告知 flowchart drawn from a bundle's steps: counter → departments in parallel → issue."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from desktop_app.catalog import Step
from desktop_app.printing import fonts

BOX_HEIGHT = 20 * mm
ROW_GAP = 12 * mm
GAP = 3 * mm
FONT_SIZE = 8.5
FILL = {"counter": (0.87, 0.92, 0.98), "department": (0.95, 0.95, 0.9), "issue": (0.95, 0.88, 0.86)}


def _wrap(text: str, width: float) -> list[str]:
    """Breaks Chinese text into lines that fit ``width`` (any character may end a line)."""
    lines, line = [], ""
    for ch in text:
        if line and fonts.string_width(line + ch, fonts.SANS, FONT_SIZE) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _box(
    drawing: Drawing, x: float, y: float, width: float, lines: Sequence[str], stage: str
) -> None:
    r, g, b = FILL[stage]
    drawing.add(
        Rect(
            x, y, width, BOX_HEIGHT, rx=2 * mm, ry=2 * mm, fillColor=Color(r, g, b), strokeWidth=0.6
        )
    )
    leading = FONT_SIZE * 1.25
    top = y + BOX_HEIGHT / 2 + (len(lines) - 1) * leading / 2 - FONT_SIZE / 3
    for row, text in enumerate(lines[:4]):
        drawing.add(
            String(
                x + width / 2,
                top - row * leading,
                text,
                fontName=fonts.SANS,
                fontSize=FONT_SIZE,
                textAnchor="middle",
            )
        )


def _arrow(drawing: Drawing, x1: float, y1: float, x2: float, y2: float) -> None:
    drawing.add(Line(x1, y1, x2, y2, strokeWidth=0.7))
    # A small head pointing down the line's direction (all our arrows point down).
    size = 1.6 * mm
    drawing.add(
        Polygon(
            [x2, y2, x2 - size / 2, y2 + size, x2 + size / 2, y2 + size],
            fillColor=Color(0, 0, 0),
            strokeWidth=0,
        )
    )


def flowchart(steps: Sequence[Step], width: float = 156 * mm) -> Drawing:
    """A drawing ``width`` wide: one box per step, departments side by side (并联)."""
    fonts.register(fonts.SANS)
    # A drawing starts its text state in Helvetica, which is then declared (unembedded) in the
    # PDF even if never used; start it in our embedded font instead.
    STATE_DEFAULTS["fontName"] = fonts.SANS
    counter = [s for s in steps if s.stage == "counter"]
    departments = [s for s in steps if s.stage == "department"]
    issue = [s for s in steps if s.stage == "issue"]
    height = 3 * BOX_HEIGHT + 2 * ROW_GAP
    drawing = Drawing(width, height)
    middle_width = 90 * mm
    rows_y = (height - BOX_HEIGHT, height - 2 * BOX_HEIGHT - ROW_GAP, 0)
    for step in counter:
        x = (width - middle_width) / 2
        _box(
            drawing,
            x,
            rows_y[0],
            middle_width,
            _wrap(f"{step.department_name}：{step.title}", middle_width - 4 * mm),
            "counter",
        )
    count = max(len(departments), 1)
    box_width = (width - (count - 1) * GAP) / count
    for index, step in enumerate(departments):
        x = index * (box_width + GAP)
        label = (
            f"{step.department_name}（承诺{step.promised_days}个工作日）"
            if step.promised_days
            else f"{step.department_name}（即时办结）"
        )
        text = _wrap(label, box_width - 3 * mm) + _wrap(
            step.title.removeprefix("并联审批："), box_width - 3 * mm
        )
        _box(drawing, x, rows_y[1], box_width, text, "department")
        centre = x + box_width / 2
        _arrow(drawing, width / 2, rows_y[0], centre, rows_y[1] + BOX_HEIGHT)
        _arrow(drawing, centre, rows_y[1], width / 2, rows_y[2] + BOX_HEIGHT)
    for step in issue:
        x = (width - middle_width) / 2
        _box(
            drawing,
            x,
            rows_y[2],
            middle_width,
            _wrap(f"{step.department_name}：{step.title}", middle_width - 4 * mm),
            "issue",
        )
    return drawing
