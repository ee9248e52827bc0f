"""What one industry and one set of answers require: the Bundle and its parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

SHARED_GROUP = "shared"
StepStage = Literal["counter", "department", "issue"]


@dataclass(frozen=True)
class SelectedPermit:
    code: str
    name: str
    variant: str | None
    department: str
    department_name: str
    kind: str
    statutory_days: int
    promised_days: int
    commitment_allowed: bool
    fee: str
    basis: str
    validity_years: int | None
    unverified: frozenset[str]
    site_check: bool = False  # a 现场核查 comes before the decision (catalog data)


@dataclass(frozen=True)
class BundleField:
    """A field of the combined form; ``group`` is ``shared`` or the one permit that asks it."""

    key: str
    label: str
    type: str
    required: bool
    group: str
    permits: tuple[str, ...]
    check: str | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    multiple: bool = False
    answer: str | None = None
    personal: bool = False
    default_from: str | None = None  # a field of this form whose value is offered here


@dataclass(frozen=True)
class BundleMaterial:
    """A material of the merged list, handed in once for all ``permits`` that need it."""

    key: str
    name: str
    permits: tuple[str, ...]
    originals: int
    copies: int
    deferrable: bool
    government_issued: bool
    note: str = ""
    only_with_agent: bool = False  # 委托书: asked only when an agent applies


@dataclass(frozen=True)
class Step:
    """One box of the flowchart: the counter, one department's parallel review, or issuing."""

    stage: StepStage
    title: str
    department: str
    department_name: str
    permits: tuple[str, ...]
    promised_days: int
    # The promised days rest on a value the department has not confirmed yet (marked ※).
    unconfirmed_days: bool = False


@dataclass(frozen=True)
class Bundle:
    catalog_version: str
    industry: str
    industry_name: str
    answers: Mapping[str, bool | float]
    permits: tuple[SelectedPermit, ...]
    fields: tuple[BundleField, ...]
    materials: tuple[BundleMaterial, ...]
    steps: tuple[Step, ...]

    @property
    def certificate_eligible(self) -> bool:
        """A 行业综合许可证 integrates two or more permits; one permit is issued on its own."""
        return len(self.permits) >= 2

    @property
    def departments(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.department for p in self.permits))

    @property
    def promised_days(self) -> int:
        """Promised working days to decision: departments work in parallel, so the longest."""
        return max((p.promised_days for p in self.permits), default=0)

    @property
    def serial_promised_days(self) -> int:
        """What the same permits would take one after another (before the reform)."""
        return sum(p.promised_days for p in self.permits)

    @property
    def statutory_days(self) -> int:
        return max((p.statutory_days for p in self.permits), default=0)

    def materials_to_hand_in(self) -> tuple[BundleMaterial, ...]:
        """The materials the applicant brings; the counter fetches government-issued ones."""
        return tuple(m for m in self.materials if not m.government_issued)

    def fields_in_group(self, group: str) -> tuple[BundleField, ...]:
        return tuple(f for f in self.fields if f.group == group)
