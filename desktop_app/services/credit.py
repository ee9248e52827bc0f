"""信用分类: each enterprise's credit class from what the county recorded, or set by hand.

The rules are data (resources/supervision/credit_rules.toml, documented there): the worst class
of the rules whose events happened often enough in their period wins; a ``better`` rule (A)
only when no other applies; a class a supervisor set with a reason wins over the rules.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.domain.random_draw import CLASSES
from desktop_app.models import (
    Application,
    CreditOverride,
    DrawTarget,
    Enterprise,
    Item,
    StateChange,
    VerificationTask,
)
from desktop_app.paths import RESOURCES_DIR
from desktop_app.services import audit
from desktop_app.services.auth import Actor, require_role
from desktop_app.services.errors import ServiceError
from desktop_app.services.material_reuse import add_months

RULES_FILE = RESOURCES_DIR / "supervision" / "credit_rules.toml"
EVENTS = ("revocation", "commitment_failed", "supervision_problem", "not_found", "clean_inspection")
CLASS_NAMES = {
    "A": "A 类（守信）",
    "B": "B 类（一般）",
    "C": "C 类（失信风险较高）",
    "D": "D 类（严重失信）",
}


class CreditRulesError(ValueError):
    """The rules file is wrong; says where."""


@dataclass(frozen=True)
class Rule:
    event: str
    months: int
    credit_class: str
    count: int = 1
    better: bool = False


@dataclass(frozen=True)
class CreditRules:
    default: str
    rules: tuple[Rule, ...]


def parse_rules(text: str) -> CreditRules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CreditRulesError(f"信用分类规则格式错误：{exc}") from None
    default = data.get("default")
    if default not in CLASSES:
        raise CreditRulesError("default 应为 A、B、C 或 D")
    rules = []
    for index, raw in enumerate(data.get("rule", [])):
        place = f"rule[{index}]"
        if not isinstance(raw, dict) or set(raw) - {"event", "months", "class", "count", "better"}:
            raise CreditRulesError(f"{place}：只能有 event、months、class、count、better")
        event, months, credit_class = raw.get("event"), raw.get("months"), raw.get("class")
        count, better = raw.get("count", 1), raw.get("better", False)
        if event not in EVENTS:
            raise CreditRulesError(f"{place}.event：未知的事件 {event!r}")
        if not isinstance(months, int) or not 1 <= months <= 120:
            raise CreditRulesError(f"{place}.months：应为 1 到 120 的月数")
        if credit_class not in CLASSES or not isinstance(count, int) or count < 1:
            raise CreditRulesError(f"{place}：class 应为 A–D，count 应为正整数")
        if better != (credit_class == "A"):
            raise CreditRulesError(f"{place}：只有 A 类规则是 better 规则")
        rules.append(Rule(event, months, credit_class, count, bool(better)))
    return CreditRules(default, tuple(rules))


@cache
def rules() -> CreditRules:
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"))


def evaluate(
    credit_rules: CreditRules, events: Collection[tuple[str, dt.date]], today: dt.date
) -> str:
    """The class the rules give for these (event, day) pairs."""
    applying = []
    for rule in credit_rules.rules:
        since = add_months(today, -rule.months)
        if sum(1 for event, day in events if event == rule.event and day > since) >= rule.count:
            applying.append(rule)
    worse = [r.credit_class for r in applying if not r.better]
    if worse:
        return max(worse)  # "D" > "C" > "B": the worst wins
    if any(r.better for r in applying):
        return "A"
    return credit_rules.default


# Up to this many credit codes go into an IN list; a draw's whole registry (100,000 holders) would
# pass SQLite's limit of 32,766 parameters, and the events are few: then all are read and sorted.
IN_LIST_LIMIT = 1000


def _among(column: Any, codes: Collection[str]) -> Any:
    return column.in_(codes) if len(codes) <= IN_LIST_LIMIT else true()


def events_of(session: Session, codes: Collection[str]) -> dict[str, list[tuple[str, dt.date]]]:
    """Per credit code, what the rules look at, each with its day (China time)."""
    found: dict[str, list[tuple[str, dt.date]]] = {code: [] for code in codes}
    if not codes:
        return found
    by_item = (
        select(Enterprise.credit_code, StateChange.at)
        .join(Application, Application.enterprise_id == Enterprise.id)
        .join(Item, Item.application_id == Application.id)
        .join(StateChange, StateChange.item_id == Item.id)
        .where(_among(Enterprise.credit_code, codes), StateChange.to_state == "revoked")
    )
    for code, at in session.execute(by_item):
        if code in found:
            found[code].append(("revocation", clock.local(at).date()))
    failed = (
        select(Enterprise.credit_code, VerificationTask.closed_at)
        .join(Application, Application.enterprise_id == Enterprise.id)
        .join(Item, Item.application_id == Application.id)
        .join(VerificationTask, VerificationTask.item_id == Item.id)
        .where(_among(Enterprise.credit_code, codes), VerificationTask.state == "failed")
    )
    for code, closed in session.execute(failed):
        if closed is not None and code in found:
            found[code].append(("commitment_failed", clock.local(closed).date()))
    results = select(DrawTarget.credit_code, DrawTarget.result, DrawTarget.recorded_at).where(
        _among(DrawTarget.credit_code, codes), DrawTarget.result.is_not(None)
    )
    names = {"ok": "clean_inspection", "problem": "supervision_problem", "not_found": "not_found"}
    for code, result, recorded in session.execute(results):
        if recorded is not None and result in names and code in found:
            found[code].append((names[result], clock.local(recorded).date()))
    return found


def classes_of(
    session: Session, codes: Collection[str], today: dt.date | None = None
) -> dict[str, str]:
    """Each enterprise's class now: set by hand, or from the rules."""
    today = today or clock.today()
    codes = set(codes)
    manual: dict[str, str] = {}
    for row in session.scalars(
        select(CreditOverride)
        .where(_among(CreditOverride.credit_code, codes))
        .order_by(CreditOverride.set_at, CreditOverride.id)
    ):
        if row.credit_code in codes:
            manual[row.credit_code] = row.credit_class  # the newest stays
    events = events_of(session, codes - set(manual))
    credit_rules = rules()
    clean = evaluate(credit_rules, [], today)  # most of a registry has nothing recorded
    return {
        code: manual.get(code)
        or (evaluate(credit_rules, found, today) if (found := events.get(code)) else clean)
        for code in codes
    }


def set_class(
    session: Session, actor: Actor, credit_code: str, credit_class: str, reason: str
) -> None:
    """A supervisor sets an enterprise's class by hand, with the reason (audited)."""
    require_role(actor, "supervisor", action="调整信用等级")
    if credit_class not in CLASSES:
        raise ServiceError(f"信用等级应为 A、B、C 或 D，收到：{credit_class}")
    reason = reason.strip()
    if not reason or len(reason) > 500:
        raise ServiceError("须写明调整理由（不超过 500 字）")
    if session.scalar(select(Enterprise.id).where(Enterprise.credit_code == credit_code)) is None:
        raise ServiceError(f"本县没有统一社会信用代码为 {credit_code} 的主体")
    session.add(
        CreditOverride(
            credit_code=credit_code, credit_class=credit_class, reason=reason, set_by=actor.id
        )
    )
    session.flush()
    audit.record(
        session,
        actor.username,
        "credit.set",
        credit_code,
        {"class": credit_class, "reason": reason},
    )
