"""Prints catalog load time and resolve time over every industry x answer combination.

Goals (issue 2): load <= 50 ms; resolve <= 1 ms each.
Run: ``.venv/bin/python bench/bench_catalog.py``.
"""

from __future__ import annotations

import contextlib
import statistics
import time

from desktop_app.catalog import load_catalog, resolve
from desktop_app.catalog.enumerate import answer_space
from desktop_app.catalog.errors import ResolveError

LOAD_RUNS = 20
RESOLVE_ROUNDS = 20


def main() -> None:
    loads = []
    for _ in range(LOAD_RUNS):
        start = time.perf_counter()
        catalog = load_catalog()
        loads.append(time.perf_counter() - start)
    cases = [(i, a) for i in catalog.industries for a in answer_space(i, catalog)]
    per_case: list[float] = []
    for _ in range(RESOLVE_ROUNDS):
        for industry, answers in cases:
            start = time.perf_counter()
            with contextlib.suppress(ResolveError):  # device_sales with no class is a case too
                resolve(catalog, industry, answers)
            per_case.append(time.perf_counter() - start)
    print(
        f"catalog load: median {statistics.median(loads) * 1e3:.1f} ms, "
        f"min {min(loads) * 1e3:.1f} ms over {LOAD_RUNS} runs (goal <= 50 ms)"
    )
    print(
        f"resolve: {len(cases)} industry x answer combinations x {RESOLVE_ROUNDS} rounds; "
        f"mean {statistics.mean(per_case) * 1e6:.0f} us, "
        f"p99 {sorted(per_case)[int(len(per_case) * 0.99)] * 1e6:.0f} us, "
        f"max {max(per_case) * 1e6:.0f} us (goal <= 1 ms each)"
    )


if __name__ == "__main__":
    main()
