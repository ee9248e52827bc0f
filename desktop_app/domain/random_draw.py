"""双随机、一公开: which enterprises are inspected and by whom, random yet verifiable by anyone.

The draw is a pure function of inputs that are written down and published: a seed text fixed
before the draw (for example the date and a public reference number), the registry of inspection
targets with their credit classes, the sampling ratio per class, the inspectors per department
and their recorded conflicts. Anyone with the same inputs gets the same draw, on any machine and
any database, because nothing depends on the order rows come in, on a random generator's state
or on the clock.

The algorithm (version 1), with ``H`` = SHA-256 and ``‖`` concatenation of UTF-8 bytes:

1. ``seed = H(NFC(seed text))``.
2. Targets: each credit class ``c`` with ``n`` targets draws ``k = ⌈ratio(c) · n⌉`` of them (at
   most ``n``): the ``k`` whose ``H(seed ‖ "target" ‖ credit code)`` are smallest. The drawn
   targets, all classes together, are listed in the order of that value.
3. Inspectors: each department's inspectors stand in a queue in the order of
   ``H(seed ‖ "inspector" ‖ name)``. For each drawn target in draw order and each department of
   the draw, the first ``per_target`` inspectors of the queue without a recorded conflict with
   the target are given it and go to the back of the queue in the order taken (the others keep
   their places). Who meets which enterprise follows from the seed, and the work is spread
   evenly (the same count each, give or take one, unless conflicts intervene). A department with
   too few inspectors free of conflicts stops the draw with a message: never a partial team.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

ALGORITHM = "yiye-draw-1"
CLASSES = ("A", "B", "C", "D")


class DrawError(ValueError):
    """The inputs make no draw (a ratio out of range, too few inspectors …); said in Chinese."""


@dataclass(frozen=True)
class Target:
    credit_code: str
    credit_class: str


@dataclass(frozen=True)
class Inspector:
    name: str  # the username: unique and stable
    department: str


@dataclass(frozen=True)
class DrawnTarget:
    credit_code: str
    credit_class: str
    inspectors: tuple[tuple[str, str], ...]  # (department, inspector name)


def seed_of(text: str) -> bytes:
    normalized = unicodedata.normalize("NFC", text.strip())
    if not normalized:
        raise DrawError("随机种子不能为空（须在抽取前确定并记录，如日期和公告文号）")
    return hashlib.sha256(normalized.encode("utf-8")).digest()


def _rank(seed: bytes, *parts: str) -> bytes:
    digest = hashlib.sha256(seed)
    for part in parts:
        digest.update(b"\x1f")  # a separator no credit code or name contains
        digest.update(part.encode("utf-8"))
    return digest.digest()


def check_ratios(ratios: Mapping[str, float]) -> dict[str, float]:
    checked = {}
    for credit_class, ratio in ratios.items():
        if credit_class not in CLASSES:
            raise DrawError(f"未知的信用等级“{credit_class}”（可用 A、B、C、D）")
        if not isinstance(ratio, int | float) or not 0 <= ratio <= 1 or math.isnan(ratio):
            raise DrawError(f"{credit_class} 类抽查比例应在 0 到 1 之间：{ratio}")
        checked[credit_class] = float(ratio)
    return checked


def draw_targets(
    seed: bytes, targets: Iterable[Target], ratios: Mapping[str, float]
) -> list[Target]:
    """Step 2: the drawn targets, in draw order."""
    ratios = check_ratios(ratios)
    by_class: dict[str, list[tuple[bytes, Target]]] = {}
    seen: set[str] = set()
    for target in targets:
        if target.credit_code in seen:
            raise DrawError(f"检查对象名录中 {target.credit_code} 出现两次")
        seen.add(target.credit_code)
        if target.credit_class not in CLASSES:
            raise DrawError(f"{target.credit_code} 的信用等级“{target.credit_class}”无效")
        key = _rank(seed, "target", target.credit_code)
        by_class.setdefault(target.credit_class, []).append((key, target))
    drawn: list[tuple[bytes, Target]] = []
    for credit_class, ranked in by_class.items():
        count = min(len(ranked), math.ceil(ratios.get(credit_class, 0.0) * len(ranked)))
        drawn.extend(sorted(ranked, key=lambda pair: pair[0])[:count])
    return [target for _, target in sorted(drawn, key=lambda pair: pair[0])]


def assign_inspectors(
    seed: bytes,
    drawn: Sequence[Target],
    departments: Sequence[str],
    inspectors: Iterable[Inspector],
    per_target: int,
    conflicts: Iterable[tuple[str, str]] = (),
) -> list[DrawnTarget]:
    """Step 3: each drawn target's team, ``per_target`` inspectors from each department."""
    if per_target < 1:
        raise DrawError("每个检查对象至少抽取 1 名检查人员")
    if not departments or len(set(departments)) != len(departments):
        raise DrawError("须列出参加抽查的部门，且不重复")
    queues: dict[str, list[str]] = {d: [] for d in departments}
    for inspector in inspectors:
        if inspector.department in queues:
            queues[inspector.department].append(inspector.name)
    for queue in queues.values():
        queue.sort(key=lambda name: _rank(seed, "inspector", name))
    barred = set(conflicts)
    result = []
    for target in drawn:
        team: list[tuple[str, str]] = []
        for department in departments:
            queue = queues[department]
            taken = [n for n in queue if (n, target.credit_code) not in barred][:per_target]
            if len(taken) < per_target:
                raise DrawError(
                    f"部门 {department} 可为 {target.credit_code} 抽取的检查人员不足"
                    f" {per_target} 名（名录 {len(queue)} 名，有回避关系的已除去）"
                )
            for name in taken:
                queue.remove(name)
                queue.append(name)
                team.append((department, name))
        result.append(DrawnTarget(target.credit_code, target.credit_class, tuple(team)))
    return result


def draw(
    seed_text: str,
    targets: Iterable[Target],
    ratios: Mapping[str, float],
    departments: Sequence[str],
    inspectors: Iterable[Inspector],
    per_target: int,
    conflicts: Iterable[tuple[str, str]] = (),
) -> list[DrawnTarget]:
    """The whole draw (steps 1–3) from its published inputs."""
    seed = seed_of(seed_text)
    chosen = draw_targets(seed, targets, ratios)
    return assign_inspectors(seed, chosen, departments, inspectors, per_target, conflicts)
