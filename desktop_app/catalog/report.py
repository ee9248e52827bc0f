"""The reform's reduction figures: separate forms and materials against the combined ones."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.catalog.bundle import Bundle
from desktop_app.catalog.enumerate import answer_space
from desktop_app.catalog.errors import ResolveError
from desktop_app.catalog.model import Catalog, Industry
from desktop_app.catalog.resolve import resolve


@dataclass(frozen=True)
class Reduction:
    """Counts for one industry (or the batch); reductions are negative percentages."""

    code: str
    name: str
    permits: tuple[str, ...]
    separate_fields: int
    combined_fields: int
    separate_materials: int
    combined_materials: int
    # Of the combined ones, issued by a government body: the window may check them instead of
    # taking a copy, which saves them only in a case where the check is recorded.
    fetched_materials: int

    @property
    def fields_reduction_pct(self) -> float:
        return _pct(self.separate_fields, self.combined_fields)

    @property
    def materials_reduction_pct(self) -> float:
        return _pct(self.separate_materials, self.combined_materials)


def _pct(before: int, after: int) -> float:
    return round((after - before) / before * 100, 1) if before else 0.0


def broadest_bundle(catalog: Catalog, industry: Industry) -> Bundle:
    """The bundle with every optional permit switched on.

    Where the rules make permits exclusive (便利店: 登记证 up to 30 m², 许可证 above), the one
    with the most permits wins and, among those, the first in answer order (smallest area), so
    the figure does not pick the variant that flatters the reform.
    """
    best: Bundle | None = None
    for answers in answer_space(industry, catalog):
        try:
            bundle = resolve(catalog, industry, answers)
        except ResolveError:
            continue
        if best is None or len(bundle.permits) > len(best.permits):
            best = bundle
    if best is None:
        raise ValueError(f"industry {industry.code} has no valid answers")
    return best


def industry_reduction(catalog: Catalog, bundle: Bundle) -> Reduction:
    """Separate: each permit's own form and materials added up. Combined: what is asked once.

    A government-issued material counts as asked: what the window checks is a saving of the case
    that records the check (intake.handed_over), not of the catalog.
    """
    codes = [p.code for p in bundle.permits]
    return Reduction(
        code=bundle.industry,
        name=bundle.industry_name,
        permits=tuple(codes),
        separate_fields=sum(len(catalog.permits[c].form) for c in codes),
        combined_fields=len(bundle.fields),
        separate_materials=sum(len(catalog.permits[c].materials) for c in codes),
        combined_materials=len(bundle.materials),
        fetched_materials=len(bundle.materials) - len(bundle.materials_to_hand_in()),
    )


_batch_reports: dict[int, tuple[Catalog, list[Reduction], Reduction]] = {}


def batch_report(catalog: Catalog) -> tuple[list[Reduction], Reduction]:
    """Per-industry reductions and their total over the batch (computed once per catalog)."""
    cached = _batch_reports.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return list(cached[1]), cached[2]
    rows, total = _batch_report(catalog)
    _batch_reports.clear()  # the app holds one catalog at a time
    _batch_reports[id(catalog)] = (catalog, rows, total)
    return list(rows), total


def _batch_report(catalog: Catalog) -> tuple[list[Reduction], Reduction]:
    rows = [industry_reduction(catalog, broadest_bundle(catalog, i)) for i in catalog.industries]
    total = Reduction(
        code="total",
        name=f"合计（{catalog.batch}）",
        permits=(),
        separate_fields=sum(r.separate_fields for r in rows),
        combined_fields=sum(r.combined_fields for r in rows),
        separate_materials=sum(r.separate_materials for r in rows),
        combined_materials=sum(r.combined_materials for r in rows),
        fetched_materials=sum(r.fetched_materials for r in rows),
    )
    return rows, total
