"""Every distinct situation an industry's questions can describe, for checks and benchmarks."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from desktop_app.catalog.conditions import numeric_thresholds
from desktop_app.catalog.model import Catalog, Industry


def answer_space(industry: Industry, catalog: Catalog) -> Iterator[dict[str, bool | float]]:
    """Yields one answer set per combination of yes/no answers and numeric region.

    A numeric answer is sampled at 0 and at, just below and just above every constant the rules
    compare it with: that visits every region the comparisons split the number line into.
    """
    samples: dict[str, list[bool | float]] = {}
    for key in industry.questions:
        if catalog.questions[key].type == "bool":
            samples[key] = [False, True]
            continue
        points = {0.0}
        conditions = [r.condition for r in industry.rules]
        conditions += [c.condition for c in industry.constraints]
        for condition in conditions:
            for threshold_key, value in numeric_thresholds(condition):
                if threshold_key == key:
                    points |= {value, value + 0.5, max(value - 0.5, 0.0)}
        samples[key] = sorted(points)
    keys = list(samples)
    for values in itertools.product(*(samples[k] for k in keys)):
        yield dict(zip(keys, values, strict=True))
