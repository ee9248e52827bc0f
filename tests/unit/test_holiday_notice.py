import datetime as dt

import pytest

from desktop_app.domain.holiday_notice import NoticeFormatError, decode, parse

GOOD = """# 国务院办公厅关于2027年部分节假日安排的通知
年份 2027
来源 国办发明电〔2026〕12号
放假 2027-01-01 至 2027-01-03   元旦
放假 2027-02-06..2027-02-12     春节
上班 2027-02-14                 春节调休
holiday\t2027-10-01 ~ 2027-10-07
"""


def test_a_notice_gives_its_days() -> None:
    notice = parse(GOOD)
    assert notice.year == 2027
    assert notice.source == "国办发明电〔2026〕12号"
    assert len(notice.holidays) == 3 + 7 + 7
    assert notice.workdays == (dt.date(2027, 2, 14),)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("放假 2027-13-01", "第 8 行：日期“2027-13-01”无效"),
        ("放假 2027-05-05 至 2027-05-01", "第 8 行：结束日 2027-05-01 早于开始日"),
        ("上班 2027-03-03", "第 8 行：2027-03-03 是星期三，本来就是工作日"),
        ("放假 2028-01-01", "第 8 行：2028-01-01 不在 2027 年内"),
        ("放假 2027-01-02", "第 8 行：2027-01-02 已在第 4 行列出"),
        ("休息 2027-05-01", "第 8 行：不认识“休息”"),
        ("年份 2028", "第 8 行：“年份”只能写一次"),
        ("放假", "第 8 行：缺少日期"),
        ("放假 2027-01-01 至 2027-12-31", "第 8 行：一段假期不会超过一个月"),
    ],
)
def test_a_wrong_line_is_named_with_its_reason(line: str, reason: str) -> None:
    with pytest.raises(NoticeFormatError, match=reason):
        parse(GOOD + line + "\n")


def test_a_file_without_a_year_or_holidays_is_refused() -> None:
    with pytest.raises(NoticeFormatError, match="缺少“年份”行"):
        parse("放假 2027-01-01\n")
    with pytest.raises(NoticeFormatError, match="没有任何“放假”行"):
        parse("年份 2027\n")
    with pytest.raises(NoticeFormatError, match="年份“27”无效"):
        parse("年份 27\n")


def test_files_from_older_notepads_and_hostile_files() -> None:
    assert parse(decode(GOOD.encode("gb18030"))).year == 2027
    assert parse(decode(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))).year == 2027
    with pytest.raises(NoticeFormatError, match="文件过大"):
        decode(b"#" * 70_000)
