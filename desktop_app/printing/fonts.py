"""Fonts for the printed documents, registered once per process, with per-character fallback.

Names are printed as written (GB 18030-2022): where the body font has no glyph for a character
(a CJK Extension B character such as 𠀀 in a name), that run of characters switches to a font that
has it, so no document ever shows an empty box.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop_app.paths import FONTS_DIR

SANS = "YZSans"  # WenQuanYi Micro Hei
SERIF = "YZSerif"  # SimSun on Windows, else AR PL SungtiL GB
EXT_B = "YZExtB"  # HanaMinB


@dataclass(frozen=True)
class _FontFile:
    path: Path
    subfont: int = 0


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def _serif_file() -> _FontFile:
    # The official-document look: Windows' own SimSun where the counter PC has it.
    simsun = _windows_fonts() / "simsun.ttc"
    if simsun.exists():
        return _FontFile(simsun)
    return _FontFile(FONTS_DIR / "gbsn00lp.ttf")


_FILES: dict[str, Callable[[], _FontFile]] = {
    SANS: lambda: _FontFile(FONTS_DIR / "wqy-microhei.ttc"),
    SERIF: _serif_file,
    EXT_B: lambda: _FontFile(FONTS_DIR / "HanaMinB.ttf"),
}
# Which fonts a run may fall back to, in order, after the font asked for.
_FALLBACK = (SANS, EXT_B)


def _utf16_hex(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of reportlab, with characters beyond the BMP as UTF-16 surrogate pairs.

    reportlab 4/5 writes ``<01> <20000>`` for 𠀀, which PDF readers reject, so text extraction
    (``pdftotext``, search, copy-paste, screen readers) silently loses Extension B characters.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@functools.cache
def register(name: str) -> TTFont:
    """Registers one bundled font with reportlab (once per process) and returns it."""
    file = _FILES[name]()
    font = TTFont(name, str(file.path), subfontIndex=file.subfont)
    pdfmetrics.registerFont(font)
    return font


def has_glyph(name: str, ch: str) -> bool:
    return ord(ch) in register(name).face.charToGlyph


def font_for(ch: str, preferred: str) -> str:
    """The first font of ``preferred`` and the fallbacks that has ``ch`` (else ``preferred``)."""
    if ch.isspace() or has_glyph(preferred, ch):
        return preferred
    for name in _FALLBACK:
        if name != preferred and has_glyph(name, ch):
            return name
    return preferred


def undrawable(text: str, preferred: str = SERIF) -> list[str]:
    """The characters of ``text`` that no bundled font can draw (an emoji, say).

    Such a character would be signed into a certificate's QR code and print as nothing.
    """
    return [
        ch
        for ch in dict.fromkeys(text)
        if not ch.isspace() and not has_glyph(font_for(ch, preferred), ch)
    ]


def runs(text: str, preferred: str) -> list[tuple[str, str]]:
    """Splits ``text`` into (font, text) runs so that every character has a glyph."""
    result: list[tuple[str, str]] = []
    for ch in text:
        name = font_for(ch, preferred)
        if result and result[-1][0] == name:
            result[-1] = (name, result[-1][1] + ch)
        else:
            result.append((name, ch))
    return result


def markup(text: str, preferred: str) -> str:
    """Paragraph markup for ``text``: escaped, with a font switch around every fallback run."""
    parts = []
    for name, chunk in runs(text, preferred):
        escaped = escape(chunk)
        parts.append(escaped if name == preferred else f'<font name="{name}">{escaped}</font>')
    return "".join(parts)


def draw_string(
    canvas: Canvas, x: float, y: float, text: str, preferred: str, size: float
) -> float:
    """Draws ``text`` on a reportlab canvas with fallback runs; returns the width drawn."""
    start = x
    for name, chunk in runs(text, preferred):
        canvas.setFont(name, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name, size)
    return x - start


def string_width(text: str, preferred: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(c, n, size) for n, c in runs(text, preferred)))
