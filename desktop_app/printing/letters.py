"""The official letters the counter prints, as PDF bytes, on one GB/T 9704-style template.

受理通知书 (or 容缺受理通知书), 一次性补正告知书, 告知承诺书, 不予受理决定书, 不予许可决定书,
终止办理告知书, 撤销行政许可决定书 and 送达回执 differ only in their title, numbers, body and
tables; each function below states what its document says and leaves the page to ``_letter``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer

from desktop_app.domain.states import ITEM_MODE_NAMES, MATERIAL_WAY_NAMES
from desktop_app.printing import fonts
from desktop_app.printing.layout import (
    MARGIN_BOTTOM,
    SIZE_BODY,
    SIZE_SMALL,
    SIZE_TABLE,
    build_pdf,
    date_cn,
    para,
    table,
    title,
)
from desktop_app.printing.qr import QrFlowable

COUNTER_NAME = "同心县审批服务管理局“一业一证”综合窗口"
SIGNED_FOR = "申请人（代理人）签收：＿＿＿＿＿＿　　签收时间：＿＿＿＿年＿＿月＿＿日"
CN_NUMBERS = "一二三四五六七八九十"
REMEDY = (
    "如不服本决定，可以自收到本决定书之日起六十日内向同心县人民政府申请行政复议，"
    "或者在六个月内向人民法院提起行政诉讼。"
)


@dataclass(frozen=True)
class Addressee:
    """Who the letter is to: the enterprise, and the person who applied for it (with their role)."""

    enterprise: str
    contact: str = ""
    role: str = "经办人"  # 法定代表人, or the 委托代理人 who came with the authorisation


@dataclass(frozen=True)
class Table:
    """A table of a letter: header, rows of text, column widths in mm (156 mm in all)."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths_mm: Sequence[float]


@dataclass(frozen=True)
class Letter:
    title: str
    number: str  # the document's own number
    addressee: Addressee
    paragraphs: Sequence[str]
    day: dt.date
    case_number: str | None = None  # 受理编号, when the document belongs to a case
    tables: Sequence[Table] = ()
    closing: Sequence[str] = ()
    issuer: str = COUNTER_NAME
    barcode: str | None = None
    signature_lines: Sequence[str] = ()

    def number_line(self) -> str:
        if self.case_number is None:
            return f"编号：{self.number}"
        if self.case_number == self.number:
            return f"受理编号：{self.number}"
        return f"受理编号：{self.case_number}　文书编号：{self.number}"


def _letter(letter: Letter) -> bytes:
    story: list[Flowable] = [title(letter.title), Spacer(0, 3 * mm)]
    number_line = para(letter.number_line(), SIZE_TABLE, fonts.SERIF, TA_RIGHT)
    if letter.barcode:
        story.append(
            table([[number_line, QrFlowable(letter.barcode)]], (126, 30), grid=False, header=False)
        )
    else:
        story.append(number_line)
    story += [Spacer(0, 4 * mm), para(f"{letter.addressee.enterprise}：", SIZE_BODY)]
    if letter.addressee.contact:
        story.append(para(f"（{letter.addressee.role}：{letter.addressee.contact}）", SIZE_TABLE))
    story += [para(text, SIZE_BODY, indent=True) for text in letter.paragraphs]
    for part in letter.tables:
        rows = [[para(h, SIZE_TABLE, fonts.SANS) for h in part.header]]
        rows += [[para(cell, SIZE_TABLE) for cell in row] for row in part.rows]
        story += [Spacer(0, 3 * mm), table(rows, tuple(part.widths_mm)), Spacer(0, 3 * mm)]
    story += [para(text, SIZE_BODY, indent=True) for text in letter.closing]
    # The seal, the date and what the applicant signs stay on one page: a signature line alone
    # on a second sheet would be signed without the letter it belongs to.
    ending: list[Flowable] = [
        Spacer(0, 6 * mm),
        para(f"{letter.issuer}（印章）", SIZE_BODY, align=TA_RIGHT),
        para(date_cn(letter.day), SIZE_BODY, align=TA_RIGHT),
    ]
    if letter.signature_lines:
        ending += [Spacer(0, 5 * mm), HRFlowable(width="100%", dash=(3, 3))]
        ending += [para(line, SIZE_TABLE) for line in letter.signature_lines]
    ending += [
        Spacer(0, 3 * mm),
        para("本文书一式两份，一份交申请人，一份存档。", SIZE_SMALL, fonts.SANS, TA_CENTER),
    ]
    story.append(KeepTogether(ending))
    return build_pdf(
        story, f"{letter.title} {letter.number}", letter.issuer, 25 * mm, MARGIN_BOTTOM - 10 * mm
    )


@dataclass(frozen=True)
class AfterIssue:
    """What a receipt after issue says besides the items: the kind, the certificate, changes."""

    kind_name: str  # 变更, 延续, 增项, 减项, 补证, 注销
    certificate: str
    changes: Sequence[tuple[str, str, str]] = ()  # (field, before, after)
    reason: str | None = None


ITEM_KIND_WORDS = {"new": "新办", "change": "变更", "renewal": "延续", "cancellation": "注销"}


@dataclass(frozen=True)
class ReceiptItemLine:
    permit: str
    department: str
    mode: str
    promised_due: dt.date
    statutory_due: dt.date
    promised_days: int | None  # None: a receipt kept before the limits were stored in days
    statutory_days: int | None
    provisional: bool = False
    kind: str = "new"


PROVISIONAL_NOTE = (
    "＊该期限跨入国务院办公厅尚未公布法定节假日安排的年度，具体截止日期待公布后确定，"
    "可凭受理编号查询；办理时限以工作日计算为准。"
)


def _sentence(text: str) -> str:
    """A reason typed by a person, closed with one full stop whether they typed one or not."""
    return text.strip().rstrip("。.；;，,") + "。"


def _period(days: int | None, due: dt.date, provisional: bool) -> str:
    """自受理之日起N个工作日: a date only where it is certain (DOMAIN.md)."""
    if days is None:
        return f"{date_cn(due)}前"
    if days == 0:
        return "当场办结"
    if provisional:
        return f"{days}个工作日＊"
    return f"{days}个工作日（{date_cn(due)}前）"


def acceptance_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    items: Sequence[ReceiptItemLine],
    received: Sequence[tuple[str, str]],
    day: dt.date,
    deferred: Sequence[tuple[str, dt.date]] = (),
    after_issue: AfterIssue | None = None,
) -> bytes:
    """受理通知书, or with 容缺 materials the 容缺受理通知书: it names each one and its due date.

    Periods are stated in working days from acceptance, never as a date that is not yet certain.
    After issue the title names the kind (变更受理通知书 …) and the letter lists what changes.
    """
    longest = max((i.promised_days or 0 for i in items), default=0)
    if after_issue is not None:
        return _after_issue_notice(number, addressee, industry, items, received, day, after_issue)
    if deferred:
        opening = (
            f"你（单位）于{date_cn(day)}提出的“{industry}”行业综合许可申请，"
            "核心申请材料符合法定形式，下列非核心材料暂缺，依照容缺受理规定先行受理。"
            "请于补交期限前提交；材料补齐前相关事项不作出许可决定，逾期未补交的，将终止办理。"
        )
    else:
        opening = (
            f"你（单位）于{date_cn(day)}提出的“{industry}”行业综合许可申请，申请材料齐全、"
            "符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。"
        )
    provisional = any(i.provisional for i in items)
    closing = []
    if received:
        closing.append(
            "已收取材料："
            + "；".join(f"{name}（{MATERIAL_WAY_NAMES.get(way, way)}）" for name, way in received)
            + "。"
        )
    closing.append(
        f"办理进度可凭受理编号到{COUNTER_NAME}查询；审批通过后统一核发行业综合许可证及关联许可证。"
    )
    if provisional:
        closing.append(PROVISIONAL_NOTE)
    tables = [
        Table(
            ("许可事项", "审批部门", "办理方式", "承诺时限", "法定时限"),
            [
                (
                    i.permit,
                    i.department,
                    ITEM_MODE_NAMES.get(i.mode, i.mode),
                    _period(i.promised_days, i.promised_due, i.provisional),
                    _period(i.statutory_days, i.statutory_due, i.provisional),
                )
                for i in items
            ],
            (38, 34, 18, 33, 33),
        )
    ]
    if deferred:
        tables.append(
            Table(
                ("暂缺材料（容缺）", "补交期限"),
                [(name, date_cn(due)) for name, due in deferred],
                (110, 46),
            )
        )
    return _letter(
        Letter(
            title="容缺受理通知书" if deferred else "受理通知书",
            number=number,
            case_number=number,
            addressee=addressee,
            paragraphs=[
                opening,
                f"本申请由下列部门并联审批，承诺自受理之日起{longest}个工作日内全部办结"
                "（补正、听证、检验、检测、专家评审和现场核查整改时间不计入）：",
            ],
            tables=tables,
            closing=closing,
            day=day,
            barcode=number,
            signature_lines=(
                "申请人承诺按期补交容缺材料并签收：＿＿＿＿＿＿　　签收时间：＿＿＿＿年＿＿月＿＿日"
                if deferred
                else "申请人（经办人）签收：＿＿＿＿＿＿　　签收时间：＿＿＿＿年＿＿月＿＿日＿＿时",
            ),
        )
    )


def _after_issue_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    items: Sequence[ReceiptItemLine],
    received: Sequence[tuple[str, str]],
    day: dt.date,
    after: AfterIssue,
) -> bytes:
    """变更 (延续, 增项, 减项, 补证, 注销) 受理通知书."""
    opening = (
        f"你（单位）于{date_cn(day)}提出的行业综合许可证（编号：{after.certificate}）"
        f"“{industry}”{after.kind_name}申请，申请材料齐全、符合法定形式，"
        "根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。"
    )
    paragraphs = [opening]
    tables = []
    if after.changes:
        tables.append(Table(("变更事项", "变更前", "变更后"), after.changes, (68, 44, 44)))
    if after.reason:
        paragraphs.append(f"申请理由：{_sentence(after.reason)}")
    longest = max((i.promised_days or 0 for i in items), default=0)
    if items:
        paragraphs.append(
            f"本申请由下列部门并联办理，承诺自受理之日起{longest}个工作日内全部办结"
            "（补正、听证、检验、检测、专家评审和现场核查整改时间不计入）："
        )
        tables.append(
            Table(
                ("许可事项", "办理类型", "审批部门", "承诺时限", "法定时限"),
                [
                    (
                        i.permit,
                        ITEM_KIND_WORDS.get(i.kind, i.kind),
                        i.department,
                        _period(i.promised_days, i.promised_due, i.provisional),
                        _period(i.statutory_days, i.statutory_due, i.provisional),
                    )
                    for i in items
                ],
                (36, 14, 30, 38, 38),
            )
        )
    elif after.kind_name == "补证":
        paragraphs.append("补证无需部门审批，由综合窗口当场补发；原证书印制件自补发之日起作废。")
    else:
        paragraphs.append("所改事项不涉及任何许可证，无需部门审批，已当场办结并记录。")
    closing = []
    if received:
        closing.append(
            "已收取材料："
            + "；".join(f"{name}（{MATERIAL_WAY_NAMES.get(way, way)}）" for name, way in received)
            + "。"
        )
    closing.append(f"办理进度可凭受理编号到{COUNTER_NAME}查询。")
    if any(i.provisional for i in items):
        closing.append(PROVISIONAL_NOTE)
    return _letter(
        Letter(
            title=f"{after.kind_name}受理通知书",
            number=number,
            case_number=number,
            addressee=addressee,
            paragraphs=paragraphs,
            tables=tables,
            closing=closing,
            day=day,
            barcode=number,
            signature_lines=(
                "申请人（经办人）签收：＿＿＿＿＿＿　　签收时间：＿＿＿＿年＿＿月＿＿日＿＿时",
            ),
        )
    )


def cancellation_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    certificate: str,
    kind_name: str,
    cancelled: Sequence[tuple[str, str, str]],
    kept: Sequence[tuple[str, str, str]],
    reason: str | None,
    day: dt.date,
    case_number: str,
) -> bytes:
    """行业综合许可证注销通知书: after 注销, or a 减项 that left fewer than two permits."""
    because = f"申请理由：{_sentence(reason)}" if reason else ""
    paragraphs = [
        f"你（单位）申请{kind_name}的“{industry}”行业综合许可证（编号：{certificate}），"
        f"经各审批部门办理，下列许可证已依法注销。{because}",
        f"根据《中华人民共和国行政许可法》第七十条的规定，行业综合许可证（编号：{certificate}）"
        "自本通知书送达之日起注销，其二维码经核验显示为“已注销”。请将证书正、副本原件交回综合窗口。",
    ]
    tables = [Table(("已注销的许可证", "许可证编号", "审批部门"), cancelled, (60, 50, 46))]
    if kept:
        paragraphs.append(
            "减项后剩余的许可证不足两项，不再核发行业综合许可证；下列许可证继续有效，单独持有："
        )
        tables.append(Table(("继续有效的许可证", "许可证编号", "审批部门"), kept, (60, 50, 46)))
    return _letter(
        Letter(
            title="行业综合许可证注销通知书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=paragraphs,
            tables=tables,
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def renewal_reminder(
    number: str,
    addressee: Addressee,
    industry: str,
    certificate: str,
    permits: Sequence[tuple[str, str, str, dt.date]],
    day: dt.date,
) -> bytes:
    """延续提醒告知书: which permits of the certificate end soon, and what to do in time."""
    return _letter(
        Letter(
            title="延续提醒告知书",
            number=number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）持有的“{industry}”行业综合许可证（编号：{certificate}）中，"
                "下列许可证即将到期：",
            ],
            tables=[
                Table(
                    ("许可证", "许可证编号", "审批部门", "有效期至"),
                    [(name, no, dept, date_cn(until)) for name, no, dept, until in permits],
                    (46, 40, 40, 30),
                )
            ],
            closing=[
                "根据《中华人民共和国行政许可法》第五十条的规定，需要延续的，应当在有效期届满"
                "三十日前提出延续申请。请携带行业综合许可证正、副本原件到"
                f"{COUNTER_NAME}办理延续，一次申请即可延续上列各项许可。",
                "逾期未申请延续的，许可证有效期届满后自行失效，行业综合许可证随之变更或注销。",
            ],
            day=day,
        )
    )


def correction_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    missing: Sequence[str],
    day: dt.date,
    case_number: str | None = None,
    department: str | None = None,
) -> bytes:
    """一次性补正告知书: everything to correct, at once; the clock waits for it.

    At the counter (no case yet) the application is kept and found again by this number; during
    review (``department``) the item's time limit stops until the corrections are in.
    """
    if department is None:
        opening = (
            f"你（单位）提出的“{industry}”行业综合许可申请，经审查，申请材料不齐全或者不符合法定形式。"
            "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，"
            "现一次性告知需要补正的全部内容如下："
        )
        closing = (
            f"请补正全部内容后，持本告知书到{COUNTER_NAME}提交，窗口凭编号{number}调出原申请继续办理，"
            "已填写的内容无需重新填写。补正齐全之日为受理之日。"
        )
    else:
        opening = (
            f"你（单位）的“{industry}”行业综合许可申请，经{department}审查，"
            "申请材料需要补正。现一次性告知需要补正的全部内容如下："
        )
        closing = (
            f"请补正全部内容后到{COUNTER_NAME}提交。补正期间审批时限暂停计算，"
            "自收到全部补正材料之日起继续计算。"
        )
    return _letter(
        Letter(
            title="一次性补正告知书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[opening],
            tables=[
                Table(
                    ("序号", "需要补正的内容"),
                    [(str(n), text) for n, text in enumerate(missing, start=1)],
                    (14, 142),
                )
            ],
            closing=[closing],
            issuer=department or COUNTER_NAME,
            day=day,
            barcode=number if department is None else None,
            signature_lines=(SIGNED_FOR,),
        )
    )


@dataclass(frozen=True)
class CommitmentLine:
    permit: str
    department: str
    basis: str


def commitment_letter(
    number: str,
    addressee: Addressee,
    permits: Sequence[CommitmentLine],
    day: dt.date,
    case_number: str,
) -> bytes:
    """告知承诺书: what the departments told, and what the applicant commits to, for each permit."""
    paragraphs = [
        "审批部门已告知申请人取得下列许可应当具备的条件、应当提交的材料和违反承诺的法律后果。"
        "申请人作出承诺后，审批部门可当场或在承诺时限内作出许可决定，"
        "并在作出许可决定之日起六十日内对承诺内容进行核查。",
    ]
    for n, line in enumerate(permits, start=1):
        paragraphs.append(
            f"{CN_NUMBERS[n - 1] if n <= len(CN_NUMBERS) else n}、{line.permit}"
            f"（审批部门：{line.department}；设立依据：{line.basis}）。"
        )
    paragraphs.append(
        "申请人承诺：已经知晓上述告知内容，所填写的信息真实、准确，已经符合（或将在承诺期限内符合）"
        "许可条件；愿意接受核查，如核查发现与承诺不符，自愿承担撤销许可等法律责任，"
        "并记入信用记录。"
    )
    return _letter(
        Letter(
            title="行政许可告知承诺书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=paragraphs,
            day=day,
            signature_lines=(
                "申请人（法定代表人）签字：＿＿＿＿＿＿　（盖章）　日期：＿＿＿＿年＿＿月＿＿日",
            ),
        )
    )


def refusal_decision(
    number: str, addressee: Addressee, industry: str, reason: str, day: dt.date
) -> bytes:
    """不予受理决定书 at the counter."""
    return _letter(
        Letter(
            title="不予受理决定书",
            number=number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）于{date_cn(day)}提出的“{industry}”行业综合许可申请，经审查，"
                f"{_sentence(reason)}根据《中华人民共和国行政许可法》第三十二条的规定，决定不予受理。",
                REMEDY,
            ],
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def rejection_decision(
    number: str,
    addressee: Addressee,
    permit: str,
    department: str,
    reason: str,
    day: dt.date,
    case_number: str,
) -> bytes:
    """不予行政许可决定书 (the department decides; the counter hands it over)."""
    return _letter(
        Letter(
            title="不予行政许可决定书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）申请的{permit}，经{department}审查，{_sentence(reason)}"
                "根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。",
                REMEDY,
            ],
            issuer=department,
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def termination_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    reason: str,
    overdue: Sequence[tuple[str, dt.date]],
    day: dt.date,
    case_number: str,
) -> bytes:
    """终止办理告知书: a case ended without a decision (容缺 materials never brought, …)."""
    tables = (
        [Table(("逾期未补交的材料", "补交期限"), [(n, date_cn(d)) for n, d in overdue], (110, 46))]
        if overdue
        else []
    )
    return _letter(
        Letter(
            title="终止办理告知书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）的“{industry}”行业综合许可申请，{_sentence(reason)}"
                "现决定终止办理。申请人可在具备条件后重新提出申请，已提交的材料可凭本告知书领回。",
            ],
            tables=tables,
            closing=[REMEDY],
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def revocation_decision(
    number: str,
    addressee: Addressee,
    permit: str,
    permit_no: str,
    department: str,
    findings: str,
    day: dt.date,
    case_number: str,
    basis: str = "",
) -> bytes:
    """撤销行政许可决定书: a 告知承诺 check found the commitment not kept.

    With ``basis``: a supervision inspection found the holder short of the permit's conditions.
    """
    if basis:
        grounds = (
            f"你（单位）取得的{permit}（许可证编号：{permit_no}），"
            f"经{department}监督检查发现：{_sentence(findings)}"
            f"依据{basis.strip().rstrip('。.；;，,')}，决定撤销该行政许可。"
        )
    else:
        grounds = (
            f"你（单位）以告知承诺方式取得的{permit}（许可证编号：{permit_no}），"
            f"经{department}核查发现：{_sentence(findings)}申请人未履行承诺。"
            "根据《中华人民共和国行政许可法》第六十九条及告知承诺制的有关规定，决定撤销该行政许可。"
        )
    return _letter(
        Letter(
            title="撤销行政许可决定书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[
                grounds + "该许可证自本决定送达之日起失效，行业综合许可证中的该项许可一并失效，"
                "请到综合窗口办理变更或注销。",
                REMEDY,
            ],
            issuer=department,
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def delivery_receipt(
    number: str,
    addressee: Addressee,
    documents: Sequence[tuple[str, str]],
    day: dt.date,
    case_number: str | None = None,
) -> bytes:
    """送达回执: what was handed over, signed for by the recipient."""
    return _letter(
        Letter(
            title="送达回执",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=["下列文书已送达受送达人："],
            tables=[
                Table(
                    ("文书名称", "文书编号", "份数"),
                    [(name, doc_no, "1") for name, doc_no in documents],
                    (70, 66, 20),
                )
            ],
            day=day,
            signature_lines=(
                "受送达人签收：＿＿＿＿＿＿　　送达方式：□自取　□邮寄　□电子送达",
                "送达人：＿＿＿＿＿＿　　送达时间：＿＿＿＿年＿＿月＿＿日＿＿时",
            ),
        )
    )


def inspection_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    title: str,
    at: str,
    site: str,
    checks: Sequence[tuple[str, str]],
    inspectors: Sequence[tuple[str, str]],
    day: dt.date,
    case_number: str,
) -> bytes:
    """现场核查（复查）通知书: one visit for every department, said to the applicant once."""
    return _letter(
        Letter(
            title=f"{title}通知书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）的“{industry}”行业综合许可申请，下列事项需要现场核查。"
                f"各部门定于{at}到{site}联合进行{title}，一次到场、一次核查。"
                "届时请法定代表人（负责人）或其委托的人员在场，并备齐申请材料原件以便核对。",
            ],
            tables=[
                Table(
                    ("序号", "核查事项", "核查部门"),
                    [(str(n), permit, dept) for n, (permit, dept) in enumerate(checks, start=1)],
                    (14, 86, 56),
                ),
                Table(("部门", "检查人员"), [tuple(row) for row in inspectors], (56, 100)),
            ],
            closing=[
                "如需改期，请在核查日前与窗口联系。现场核查所用时间计入审批时限；"
                "需要整改的，整改期间不计入。"
            ],
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )


def inspection_record(
    number: str,
    addressee: Addressee,
    industry: str,
    title: str,
    at: str,
    site: str,
    sections: Sequence[tuple[str, Sequence[str], Sequence[str]]],
    day: dt.date,
    case_number: str,
) -> bytes:
    """现场核查记录表: one sheet, a section per department (its items, result, findings, names)."""
    tables = [
        Table(
            (f"{department}：核查事项", "核查结论", "核查意见"),
            [(permit, "□合格 □需整改 □不合格", "") for permit in permits]
            + [("检查人员签名：" + "、".join(names), "", "")],
            (52, 56, 48),
        )
        for department, permits, names in sections
    ]
    return _letter(
        Letter(
            title=f"{title}记录表",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[f"“{industry}”行业综合许可{title}，时间：{at}，地点：{site}。"],
            tables=tables,
            closing=[
                "各部门在本表所属部分记录结论和意见；需整改的意见由窗口汇总，一次告知申请人。"
            ],
            day=day,
            signature_lines=("被核查单位在场人员签名：＿＿＿＿＿＿＿＿",),
        )
    )


def rectification_notice(
    number: str,
    addressee: Addressee,
    industry: str,
    title: str,
    findings: Sequence[tuple[str, str, str]],
    day: dt.date,
    case_number: str,
) -> bytes:
    """整改意见书: every department's changes from one inspection, told at once."""
    return _letter(
        Letter(
            title="现场核查整改意见书",
            number=number,
            case_number=case_number,
            addressee=addressee,
            paragraphs=[
                f"你（单位）的“{industry}”行业综合许可申请，经{title}，下列事项需要整改。"
                "现将各部门的整改意见一次告知如下：",
            ],
            tables=[
                Table(
                    ("部门", "事项", "整改意见"),
                    [tuple(row) for row in findings],
                    (40, 40, 76),
                )
            ],
            closing=[
                f"请整改完毕后到{COUNTER_NAME}报告，各部门将一次联合复查。"
                "整改期间相关事项的审批时限暂停计算，自报告整改完成之日起继续计算。"
            ],
            day=day,
            signature_lines=(SIGNED_FOR,),
        )
    )
