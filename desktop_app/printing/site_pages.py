"""The published catalog as static HTML: an index, the permits at a glance, one guide per industry.

Plain HTML and one stylesheet, no script: the county's portal serves the folder as it is, a
visitor can save or print any page, and it reads the same from a USB stick (every link relative).
Values a department has not confirmed carry the same mark and footnote as the printed sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from desktop_app.catalog.bundle import Bundle, Step
from desktop_app.catalog.confirmation import LABELS
from desktop_app.catalog.guide import Guide
from desktop_app.catalog.model import Catalog, Industry, Permit
from desktop_app.catalog.notice import FOOTNOTE, MARK, handing, step_days, working_days

STYLESHEET = "style.css"
FONT_FILE = "fonts/gbsn00lp.ttf"  # a free Song face, used only where the visitor has no CJK font


def guide_page(industry: Industry) -> str:
    return f"industries/{industry.code}.html"


def guide_pdf(industry: Industry) -> str:
    return f"pdf/{industry.code}-guide.pdf"


def notice_pdf(industry: Industry) -> str:
    return f"pdf/{industry.code}-notice.pdf"


def _page(title: str, body: str, depth: int = 0) -> str:
    up = "../" * depth
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{up}{STYLESHEET}">\n'
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], classes: str = "") -> str:
    """A table of already escaped cells."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows)
    return (
        f'<table class="{classes}">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}</tbody>\n</table>"
    )


def _footnote(shown: str) -> str:
    return f'<p class="footnote">{escape(FOOTNOTE)}</p>' if MARK in shown else ""


def index_page(
    catalog: Catalog,
    guides: Sequence[Guide],
    effective_from: dt.date | None,  # None: the version shipped with the program
    published: dt.date,
) -> str:
    rows = []
    for guide in guides:
        industry = guide.industry
        rows.append(
            (
                str(industry.number),
                f'<a href="{guide_page(industry)}">{escape(industry.name)}</a>',
                escape("、".join(industry.aliases)),
                "<br>".join(escape(f"{i.permit}（{i.when}）") for i in guide.items),
                escape(working_days(guide.bundle.promised_days))
                + (MARK if any(s.unconfirmed_days for s in guide.bundle.steps) else ""),
                f'<a href="{guide_pdf(industry)}">办事指南</a><br>'
                f'<a href="{notice_pdf(industry)}">一次告知单</a>',
            )
        )
    table = _table(
        ("序号", "行业", "又称", "涉及的许可事项（何时办理）", "承诺时限", "下载（PDF）"),
        rows,
        "industries",
    )
    since = f"，自 {effective_from.isoformat()} 起执行" if effective_from else ""
    body = (
        f"<h1>{escape(catalog.title)}</h1>\n"
        f'<p class="meta">目录版本 {escape(catalog.version)}{since}；'
        f"发布日期 {published.isoformat()}。依据：{escape(catalog.source)}</p>\n"
        "<p>“一业一证”：一个行业的多项许可，一次告知、一表申请、一窗受理、并联审批、"
        "核发一张载明全部许可信息的行业综合许可证。点击行业名称查看办事指南、办理流程和材料清单。</p>\n"
        f"{table}\n"
        '<p><a href="permits.html">全部许可事项一览（审批部门、时限、依据、确认情况）</a></p>\n'
        f"{_footnote(table)}"
    )
    return _page(catalog.title, body)


def _confirmation(permit: Permit) -> str:
    pending = permit.unverified
    if not pending:
        return "已全部确认"
    ordered = [LABELS.get(k, k) for k in LABELS if k in pending]
    return "待确认：" + "、".join(ordered) + MARK


def permits_page(catalog: Catalog) -> str:
    rows = []
    for permit in catalog.permits.values():
        pending = permit.unverified

        def marked(text: str, key: str, pending: frozenset[str] = pending) -> str:
            return escape(text) + (MARK if key in pending else "")

        rows.append(
            (
                escape(permit.name),
                escape(catalog.department_name(permit.department)),
                marked(permit.basis, "basis"),
                marked(working_days(permit.promised_days), "promised_days")
                + " / "
                + marked(working_days(permit.statutory_days), "statutory_days"),
                marked("可以" if permit.commitment_allowed else "不可以", "commitment_allowed"),
                marked(
                    f"{permit.validity_years}年" if permit.validity_years else "长期有效",
                    "validity_years",
                ),
                marked(permit.fee, "fee"),
                escape(_confirmation(permit)),
            )
        )
    table = _table(
        (
            "许可事项",
            "审批部门",
            "设定依据",
            "承诺/法定时限",
            "告知承诺",
            "有效期",
            "收费",
            "确认情况",
        ),
        rows,
        "permits",
    )
    body = (
        '<p class="nav"><a href="index.html">← 行业目录</a></p>\n'
        f"<h1>全部许可事项一览</h1>\n"
        f'<p class="meta">目录版本 {escape(catalog.version)}</p>\n{table}\n{_footnote(table)}'
    )
    return _page("全部许可事项一览", body)


def _flowchart(steps: Sequence[Step]) -> str:
    """The 办理流程 as boxes: the counter, the departments side by side, the one issue."""
    counter = [s for s in steps if s.stage == "counter"]
    departments = [s for s in steps if s.stage == "department"]
    issue = [s for s in steps if s.stage == "issue"]

    def box(step: Step, detail: str = "") -> str:
        extra = f'<span class="detail">{escape(detail)}</span>' if detail else ""
        return (
            f'<div class="box {step.stage}"><strong>{escape(step.department_name)}</strong>'
            f"{extra}<span>{escape(step.title)}</span></div>"
        )

    parallel = "".join(
        box(s, ("承诺" if s.promised_days else "") + step_days(s)) for s in departments
    )
    return (
        '<div class="flow">'
        + "".join(box(s) for s in counter)
        + '<div class="arrow">↓</div>'
        + f'<div class="parallel">{parallel}</div>'
        + '<div class="arrow">↓</div>'
        + "".join(box(s) for s in issue)
        + "</div>"
    )


def _materials(bundle: Bundle, catalog: Catalog) -> str:
    rows = []
    for m in bundle.materials:
        count, remark = handing(m)
        permits = "、".join(catalog.permits[p].name for p in m.permits if p in catalog.permits)
        rows.append((escape(m.name), escape(count), escape(permits), escape(remark)))
    return _table(("申请材料", "份数", "涉及许可", "说明"), rows, "materials")


def guide_html(catalog: Catalog, guide: Guide) -> str:
    industry = guide.industry
    heading = f"{industry.name}行业综合许可办事指南"
    items = _table(
        ("许可事项", "何时办理", "审批部门", "承诺/法定时限", "告知承诺/现场核查", "有效期"),
        (
            (
                escape(i.permit),
                escape(i.when),
                escape(i.department),
                escape(f"{i.promised} / {i.statutory}"),
                escape(f"{i.commitment} / {i.site_check}"),
                escape(i.validity),
            )
            for i in guide.items
        ),
        "items",
    )
    fees = sorted({i.fee for i in guide.items})
    fee = (
        f"<p>各事项均{escape(fees[0])}。</p>"
        if len(fees) == 1
        else "".join(f"<p>{escape(i.permit)}：{escape(i.fee)}</p>" for i in guide.items)
    )
    bases = "".join(f"<li>{escape(b)}</li>" for b in sorted({i.basis for i in guide.items}))
    questions = escape("、".join(guide.questions) or "无")
    body = (
        '<p class="nav"><a href="../index.html">← 行业目录</a></p>\n'
        f"<h1>{escape(heading)}</h1>\n"
        f'<p class="meta">目录版本 {escape(catalog.version)}　'
        f'<a href="../{guide_pdf(industry)}">办事指南（PDF）</a>　'
        f'<a href="../{notice_pdf(industry)}">一次告知单（PDF）</a></p>\n'
        "<h2>一、适用范围</h2>\n"
        f"<p>在同心县开办{escape(industry.name)}（{escape('、'.join(industry.aliases))}）的市场主体。</p>\n"
        "<h2>二、办理事项（一次申请、并联审批、统一发证）</h2>\n"
        f"{items}\n"
        f"<h2>三、申请时需说明的情形</h2>\n<p>{questions}</p>\n"
        "<h2>四、申请材料（各事项均需要时的完整清单；同一材料只提交一份）</h2>\n"
        f"{_materials(guide.bundle, catalog)}\n"
        f"<h2>五、办理流程</h2>\n{_flowchart(guide.bundle.steps)}\n"
        f"<h2>六、收费标准</h2>\n{fee}\n"
        f"<h2>七、设定依据</h2>\n<ul>{bases}</ul>\n"
        "<h2>八、办理地点</h2>\n"
        "<p>同心县政务服务中心“一业一证”综合窗口；可由窗口工作人员全程帮办代办。</p>\n"
        + (f'<p class="footnote">{escape(guide.footnote)}</p>' if guide.footnote else "")
    )
    return _page(heading, body, depth=1)


def stylesheet() -> str:
    return f"""@font-face {{
  font-family: "YiyeSong";
  src: url("{FONT_FILE}") format("truetype");
}}
body {{
  font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "YiyeSong", sans-serif;
  color: #1a1a1a;
  background: #f6f6f3;
  margin: 0;
  line-height: 1.6;
}}
main {{ max-width: 1080px; margin: 0 auto; padding: 24px; background: #fff; }}
h1 {{ color: #9b1b1b; font-size: 1.6em; border-bottom: 2px solid #9b1b1b; padding-bottom: 6px; }}
h2 {{ font-size: 1.15em; margin-top: 1.4em; }}
.meta, .nav {{ color: #555; font-size: 0.92em; }}
table {{ border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 0.93em; }}
th, td {{ border: 1px solid #bbb; padding: 5px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f1e4e4; }}
a {{ color: #0b4f9c; }}
.industries th:first-child, .industries td:nth-child(-n+2), .industries td:nth-child(n+5),
.materials td:nth-child(2),
.permits th:nth-child(n+4):nth-child(-n+7), .permits td:nth-child(n+5):nth-child(-n+7) {{
  white-space: nowrap;
}}
.footnote {{ font-size: 0.88em; color: #7a3b00; }}
.flow {{ display: flex; flex-direction: column; align-items: center; gap: 4px; }}
.parallel {{ display: flex; flex-wrap: wrap; gap: 10px; justify-content: center; }}
.box {{ border: 1.5px solid #9b1b1b; border-radius: 6px; padding: 6px 12px; min-width: 180px;
  max-width: 320px; text-align: center; background: #fff8f5; }}
.box span {{ display: block; font-size: 0.9em; }}
.box .detail {{ color: #9b1b1b; }}
.box.department {{ border-color: #0b4f9c; background: #f3f7fc; }}
.arrow {{ font-size: 1.4em; color: #777; line-height: 1; }}
@media print {{
  body {{ background: #fff; }}
  main {{ max-width: none; padding: 0; }}
  .nav {{ display: none; }}
  a {{ color: inherit; text-decoration: none; }}
  tr, .box {{ break-inside: avoid; }}
}}
"""
