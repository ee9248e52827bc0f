"""The holiday file an administrator imports: one year of the State Council's notice, a fact a line.

The notice says, per festival, "1月1日至3日放假调休，共3天。2月7日（星期日）上班"; the file says
the same in dates, so that it can be typed from the notice and checked line by line::

    # 国务院办公厅关于2027年部分节假日安排的通知
    年份 2027
    来源 国办发明电〔2026〕12号
    放假 2027-01-01 至 2027-01-03   元旦
    上班 2027-02-07                 春节调休

Weekends are rest days and Monday to Friday working days unless a line says otherwise. Anything
after the dates is a note. English keywords (year, source, holiday, workday) work too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MAX_BYTES = 64 * 1024  # a year's notice is a few hundred bytes
KEYWORDS = {
    "年份": "year",
    "year": "year",
    "来源": "source",
    "source": "source",
    "放假": "holiday",
    "holiday": "holiday",
    "上班": "workday",
    "workday": "workday",
}
_DAY = r"([0-9-]+|\S+?)"  # a date, or whatever stands there (named in the error)
_RANGE = re.compile(_DAY + r"(?:\s*(?:至|到|~|～|\.\.)\s*" + _DAY + r")?(?:\s+(.*))?")
WEEKDAYS = "一二三四五六日"


class NoticeFormatError(ValueError):
    """A line of the file cannot be taken; the message names the line and the reason."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(f"第 {line} 行：{reason}" if line else reason)
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    source: str
    holidays: tuple[dt.date, ...]
    workdays: tuple[dt.date, ...]


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), or GB18030 as older Notepad saves it."""
    if len(data) > MAX_BYTES:
        raise NoticeFormatError(None, "文件过大：节假日文件不超过 64 KB，请确认选对了文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoticeFormatError(None, "文件不是文本文件（应为 UTF-8 编码）")


def _date(text: str, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise NoticeFormatError(
            line, f"日期“{text}”无效（应为 YYYY-MM-DD，如 2027-01-01）"
        ) from None


def _days(rest: str, line: int) -> list[dt.date]:
    match = _RANGE.fullmatch(rest)
    if match is None:
        raise NoticeFormatError(line, "缺少日期")
    first = _date(match.group(1), line)
    last = _date(match.group(2), line) if match.group(2) else first
    if last < first:
        raise NoticeFormatError(line, f"结束日 {last.isoformat()} 早于开始日 {first.isoformat()}")
    if (last - first).days > 31:
        raise NoticeFormatError(line, "一段假期不会超过一个月，请检查日期")
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def parse(text: str) -> HolidayNotice:
    """Reads the file's text; raises NoticeFormatError with the line and the reason."""
    year: int | None = None
    source = ""
    seen: dict[dt.date, tuple[str, int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, *tail = re.split(r"\s+", line, maxsplit=1)
        kind = KEYWORDS.get(word.lower())
        rest = tail[0] if tail else ""
        if kind is None:
            raise NoticeFormatError(
                number, f"不认识“{word[:20]}”：每行应以 年份、来源、放假 或 上班 开头"
            )
        if kind == "year":
            if year is not None:
                raise NoticeFormatError(number, "“年份”只能写一次（一个文件导入一年）")
            if not re.fullmatch(r"\d{4}", rest) or not 2000 <= int(rest) <= 2100:
                raise NoticeFormatError(number, f"年份“{rest[:20]}”无效（应为四位数，如 2027）")
            year = int(rest)
            continue
        if kind == "source":
            source = rest[:200]
            continue
        for day in _days(rest, number):
            if day in seen:
                raise NoticeFormatError(number, f"{day.isoformat()} 已在第 {seen[day][1]} 行列出")
            if kind == "workday" and day.weekday() < 5:
                raise NoticeFormatError(
                    number,
                    f"{day.isoformat()} 是星期{WEEKDAYS[day.weekday()]}，本来就是工作日；"
                    "“上班”只用于调休的周末",
                )
            seen[day] = (kind, number)
    if year is None:
        raise NoticeFormatError(None, "缺少“年份”行（如：年份 2027）")
    for day, (_, number) in seen.items():
        if day.year != year:
            raise NoticeFormatError(number, f"{day.isoformat()} 不在 {year} 年内")
    holidays = tuple(sorted(d for d, (k, _) in seen.items() if k == "holiday"))
    if not holidays:
        raise NoticeFormatError(None, "文件中没有任何“放假”行")
    workdays = tuple(sorted(d for d, (k, _) in seen.items() if k == "workday"))
    return HolidayNotice(year, source, holidays, workdays)
