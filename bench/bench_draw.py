"""Prints how long a 双随机 draw over 100,000 registered enterprises takes (issue 16, goal ≤ 1 s).

The pure draw (desktop_app/domain/random_draw.py): 100,000 targets over the four credit classes,
ratios A=5 %, B=10 %, C=20 %, D=50 %, two departments with 40 inspectors each, two inspectors per
department for each target, one recorded conflict per hundred targets. Median of five runs.
Run: ``.venv/bin/python bench/bench_draw.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.domain.random_draw import Inspector, Target, draw  # noqa: E402
from tests import factories  # noqa: E402

COUNT = 100_000
RATIOS = {"A": 0.05, "B": 0.1, "C": 0.2, "D": 0.5}


def main() -> None:
    targets = [Target(factories.credit_code(n), "ABCD"[n % 4]) for n in range(COUNT)]
    inspectors = [Inspector(f"{d}_{n}", d) for d in ("market", "health") for n in range(40)]
    conflicts = [(f"market_{n % 40}", targets[n].credit_code) for n in range(0, COUNT, 100)]
    runs = []
    drawn = []
    for run in range(5):
        start = time.perf_counter()
        drawn = draw(
            f"2026-12-01 公告{run}", targets, RATIOS, ["market", "health"], inspectors, 2, conflicts
        )
        runs.append(time.perf_counter() - start)
    print(
        f"draw over {COUNT:,} registered enterprises: {len(drawn):,} targets drawn, "
        f"{4 * len(drawn):,} inspectors assigned; median {statistics.median(runs):.2f} s, "
        f"best {min(runs):.2f} s (goal <= 1 s)"
    )


if __name__ == "__main__":
    main()
