"""Which permits an industry's rules select for a complete set of answers."""

from __future__ import annotations

from desktop_app.catalog.conditions import Answers
from desktop_app.catalog.model import Industry


def select_permits(industry: Industry, answers: Answers) -> list[tuple[str, str | None]]:
    """Returns (permit code, variant) in catalog order: the ``always`` permits, then the rules'.

    ``answers`` must hold every question the industry asks; checking that is the caller's job.
    """
    selected: list[tuple[str, str | None]] = [(code, None) for code in industry.always]
    selected += [(r.permit, r.variant) for r in industry.rules if r.condition.evaluate(answers)]
    return selected
