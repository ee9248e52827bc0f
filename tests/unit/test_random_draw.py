"""The 双随机 draw: reproducible from its inputs, fair, and never a conflicted inspector."""

from __future__ import annotations

import hashlib
import math
import random

import pytest

from desktop_app.domain.random_draw import (
    DrawError,
    Inspector,
    Target,
    assign_inspectors,
    draw,
    draw_targets,
    seed_of,
)
from tests import factories

SEED = "2026-12-01 同心县市场监管局抽查公告〔2026〕12号"
RATIOS = {"A": 0.05, "B": 0.1, "C": 0.2, "D": 0.5}


def registry(count: int, classes: str = "ABCD") -> list[Target]:
    return [Target(factories.credit_code(n), classes[n % len(classes)]) for n in range(count)]


def roster(departments: dict[str, int]) -> list[Inspector]:
    return [
        Inspector(f"{department}_{n}", department)
        for department, count in departments.items()
        for n in range(count)
    ]


def reference_targets(seed_text: str, targets: list[Target], ratios: dict[str, float]) -> list[str]:
    """The documented step 2, written again from the text, independently of the module."""
    seed = hashlib.sha256(seed_text.strip().encode()).digest()

    def key(code: str) -> bytes:
        return hashlib.sha256(seed + b"\x1ftarget\x1f" + code.encode()).digest()

    chosen = []
    for credit_class in "ABCD":
        codes = [t.credit_code for t in targets if t.credit_class == credit_class]
        chosen += sorted(codes, key=key)[: math.ceil(ratios.get(credit_class, 0) * len(codes))]
    return sorted(chosen, key=key)


def test_the_draw_follows_the_documented_algorithm() -> None:
    targets = registry(400)
    drawn = draw_targets(seed_of(SEED), targets, RATIOS)
    assert [t.credit_code for t in drawn] == reference_targets(SEED, targets, RATIOS)


def test_the_same_inputs_give_the_same_draw_in_any_order() -> None:
    targets, inspectors = registry(500), roster({"market": 6, "health": 4})
    first = draw(SEED, targets, RATIOS, ["market", "health"], inspectors, 2)
    shuffled_targets, shuffled_inspectors = targets[:], inspectors[:]
    random.Random(7).shuffle(shuffled_targets)
    random.Random(8).shuffle(shuffled_inspectors)
    again = draw(SEED, shuffled_targets, RATIOS, ["market", "health"], shuffled_inspectors, 2)
    assert again == first
    assert draw(SEED + "\n", targets, RATIOS, ["market", "health"], inspectors, 2) == first


def test_another_seed_or_registry_changes_the_draw() -> None:
    targets = registry(500)
    codes = [t.credit_code for t in draw_targets(seed_of(SEED), targets, RATIOS)]
    other_seed = [t.credit_code for t in draw_targets(seed_of(SEED + "1"), targets, RATIOS)]
    other_registry = [
        t.credit_code for t in draw_targets(seed_of(SEED), targets + registry(600)[500:], RATIOS)
    ]
    assert codes != other_seed
    assert codes != other_registry


def test_each_class_is_drawn_at_its_ratio_and_fairly() -> None:
    targets = registry(40_000)
    drawn = draw_targets(seed_of(SEED), targets, RATIOS)
    per_class = {c: sum(1 for t in drawn if t.credit_class == c) for c in "ABCD"}
    assert per_class == {c: math.ceil(RATIOS[c] * 10_000) for c in "ABCD"}
    # Fair: within class D (serials 3, 7, 11 …), 5,000 of 10,000 are drawn; the half of the class
    # with serials 3, 11, 19 … should hold about half of them. Hypergeometric σ ≈ 25: a bound of
    # ±5σ fails by chance about once in 1.7 million seeds, and the test checks 20 seeds.
    even = {factories.credit_code(n) for n in range(3, 40_000, 8)}
    class_d = [t for t in targets if t.credit_class == "D"]
    for run in range(20):
        chosen = draw_targets(seed_of(f"{SEED}-{run}"), class_d, {"D": 0.5})
        share = sum(1 for t in chosen if t.credit_code in even)
        assert abs(share - 2_500) <= 125, (run, share)


def test_a_conflicted_inspector_is_never_drawn_and_work_is_spread() -> None:
    targets = registry(300)
    inspectors = roster({"market": 5, "police": 3})
    rng = random.Random(3)
    conflicts = {(rng.choice(inspectors).name, t.credit_code) for t in targets}
    result = draw(
        SEED, targets, dict.fromkeys("ABCD", 1.0), ["market", "police"], inspectors, 1, conflicts
    )
    assert len(result) == 300
    counts: dict[str, int] = {}
    for drawn in result:
        assert [d for d, _ in drawn.inspectors] == ["market", "police"]
        for _, name in drawn.inspectors:
            assert (name, drawn.credit_code) not in conflicts
            counts[name] = counts.get(name, 0) + 1
    market = [counts[f"market_{n}"] for n in range(5)]
    assert max(market) - min(market) <= 2  # 300 ÷ 5 each, give or take the conflicts


def test_inputs_that_make_no_draw_are_refused() -> None:
    targets = registry(10)
    with pytest.raises(DrawError, match="随机种子不能为空"):
        draw(" ", targets, RATIOS, ["market"], roster({"market": 2}), 1)
    with pytest.raises(DrawError, match="0 到 1"):
        draw(SEED, targets, {"A": 1.5}, ["market"], roster({"market": 2}), 1)
    with pytest.raises(DrawError, match="未知的信用等级"):
        draw(SEED, targets, {"E": 0.1}, ["market"], roster({"market": 2}), 1)
    with pytest.raises(DrawError, match="出现两次"):
        draw(SEED, targets + targets[:1], RATIOS, ["market"], roster({"market": 2}), 1)
    everyone = dict.fromkeys("ABCD", 1.0)
    only = roster({"market": 1})
    with pytest.raises(DrawError, match="检查人员不足 2 名"):
        draw(SEED, targets, everyone, ["market"], only, 2)
    conflicted = {("market_0", targets[3].credit_code)}
    with pytest.raises(DrawError, match=targets[3].credit_code):
        assign_inspectors(seed_of(SEED), targets, ["market"], only, 1, conflicted)


def test_inspectors_take_turns_in_the_seeded_queue_order() -> None:
    """Documented step 3 without conflicts: the queue repeats, each inspector in turn."""
    seed = hashlib.sha256(SEED.encode()).digest()
    names = [f"market_{n}" for n in range(4)]
    queue = sorted(
        names, key=lambda n: hashlib.sha256(seed + b"\x1finspector\x1f" + n.encode()).digest()
    )
    drawn = registry(8)
    teams = assign_inspectors(seed_of(SEED), drawn, ["market"], roster({"market": 4}), 1)
    assert [t.inspectors[0][1] for t in teams] == queue * 2
