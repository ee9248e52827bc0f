"""The 一次告知 flowchart drawn from a bundle's steps: counter → departments in parallel → issue."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from desktop_app.catalog import Step
from desktop_app.catalog.notice import step_days
from desktop_app.printing import fonts

BOX_HEIGHT = 20 * mm
ROW_GAP = 12 * mm
GAP = 3 * mm
FONT_SIZE = 8.5
LEADING = FONT_SIZE * 1.25
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


def _height(lines: Sequence[str]) -> float:
    """A box tall enough for every line (a department with many permits gets a taller row)."""
    return float(max(BOX_HEIGHT, len(lines) * LEADING + 4 * mm))


def _box(
    drawing: Drawing,
    x: float,
    y: float,
    size: tuple[float, float],
    lines: Sequence[str],
    stage: str,
) -> None:
    width, height = size
    r, g, b = FILL[stage]
    drawing.add(
        Rect(x, y, width, height, rx=2 * mm, ry=2 * mm, fillColor=Color(r, g, b), strokeWidth=0.6)
    )
    top = y + height / 2 + (len(lines) - 1) * LEADING / 2 - FONT_SIZE / 3
    for row, text in enumerate(lines):
        drawing.add(
            String(
                x + width / 2,
                top - row * LEADING,
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
    middle_width = 90 * mm
    count = max(len(departments), 1)
    box_width = (width - (count - 1) * GAP) / count

    def ends(step: Step) -> list[str]:
        return _wrap(f"{step.department_name}：{step.title}", middle_width - 4 * mm)

    def parallel(step: Step) -> list[str]:
        promise = "承诺" if step.promised_days else ""
        label = f"{step.department_name}（{promise}{step_days(step)}）"
        title = step.title.removeprefix("并联审批：")
        return _wrap(label, box_width - 3 * mm) + _wrap(title, box_width - 3 * mm)

    texts = (
        [ends(s) for s in counter],
        [parallel(s) for s in departments],
        [ends(s) for s in issue],
    )
    heights = [max((_height(t) for t in row), default=BOX_HEIGHT) for row in texts]
    height = sum(heights) + 2 * ROW_GAP
    drawing = Drawing(width, height)
    rows_y = (height - heights[0], heights[2] + ROW_GAP, 0.0)
    for lines in texts[0]:
        x = (width - middle_width) / 2
        _box(drawing, x, rows_y[0], (middle_width, heights[0]), lines, "counter")
    for index, lines in enumerate(texts[1]):
        x = index * (box_width + GAP)
        _box(drawing, x, rows_y[1], (box_width, heights[1]), lines, "department")
        centre = x + box_width / 2
        _arrow(drawing, width / 2, rows_y[0], centre, rows_y[1] + heights[1])
        _arrow(drawing, centre, rows_y[1], width / 2, rows_y[2] + heights[2])
    for lines in texts[2]:
        x = (width - middle_width) / 2
        _box(drawing, x, rows_y[2], (middle_width, heights[2]), lines, "issue")
    return drawing
