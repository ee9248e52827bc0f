"""The catalog's data: departments, questions, fields, materials, permits and industries.

Plain frozen dataclasses built by ``loader.load_catalog``; nothing here reads files or knows Qt.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from desktop_app.catalog.conditions import Condition

FieldType = Literal["text", "integer", "number", "date", "bool", "choice"]
QuestionType = Literal["bool", "number"]
PermitKind = Literal["licence", "registration", "filing", "commitment"]
FIELD_TYPES: tuple[FieldType, ...] = ("text", "integer", "number", "date", "bool", "choice")


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Question:
    """A situation question; its answer decides which permits an industry needs."""

    key: str
    label: str
    type: QuestionType
    unit: str = ""
    help: str = ""
    default: bool | None = None
    max: float | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One form field with its checks; ``check`` names an identifier rule in ``domain``."""

    key: str
    label: str
    type: FieldType
    required: bool = True
    shared: bool = False
    personal: bool = False
    check: str | None = None
    max_length: int | None = None
    min: float | None = None
    max: float | None = None
    choices: tuple[str, ...] = ()
    multiple: bool = False
    answer: str | None = None
    contact: bool = False  # how to reach the holder: changed without a department
    # The first of these on the form is offered as this field's value until the clerk types
    # another: the device quality manager is often the drug one, but may be someone else.
    default_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaterialSpec:
    key: str
    name: str
    deferrable: bool = False
    government_issued: bool = False
    replaced_by: str | None = None
    note: str = ""
    # A returning enterprise's earlier copy, held in the store as a file, serves this many months
    # from when it was first stored (0: never, e.g. what is signed for this application), as long
    # as these form fields are unchanged (the premises' address for a floor plan).
    reuse_months: int = 0
    reuse_if_same: tuple[str, ...] = ()
    only_with_agent: bool = False  # 委托办理的: not asked when the legal representative comes
    # Where the window checks a government-issued material, and the form field that is its number.
    check_source: str = ""
    check_number_field: str | None = None


@dataclass(frozen=True)
class PermitMaterial:
    """A material as one permit asks for it: how many originals and copies."""

    key: str
    originals: int
    copies: int


# The values of a permit (and of its 变更/延续/注销) that a department confirms one by one.
PERMIT_VALUES = (
    "statutory_days",
    "promised_days",
    "commitment_allowed",
    "validity_years",
    "fee",
    "form",
    "materials",
    "site_check",
    "basis",
)
RULE_VALUES = ("statutory_days", "promised_days", "materials", "basis")


@dataclass(frozen=True)
class Confirmation:
    """A department's answer that a value is right: who, for which department, on which day."""

    department: str  # as the department signed it, e.g. 县卫生健康局
    by: str
    on: dt.date
    note: str = ""

    def describe(self) -> str:
        return f"{self.department}于{self.on.isoformat()}确认（{self.by}）"


@dataclass(frozen=True)
class Provenance:
    """Where a catalog's values come from: which are unconfirmed, who confirmed the rest.

    A value neither unconfirmed nor confirmed stands on its published source (``sources`` for
    that value, else the permit's legal basis).
    """

    unverified: frozenset[str] = frozenset()
    confirmed: Mapping[str, Confirmation] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Permit:
    """A statutory permit as its own, separate application asked for it before the reform."""

    code: str
    name: str
    department: str
    kind: PermitKind
    basis: str
    statutory_days: int
    promised_days: int
    commitment_allowed: bool
    fee: str
    form_source: str
    form: tuple[str, ...]
    materials: tuple[PermitMaterial, ...]
    validity_years: int | None = None
    provenance: Provenance = Provenance()
    variants: Mapping[str, str] | None = None
    # 现场核查 before the decision, with its legal basis; only for these variants when listed.
    site_check: SiteCheck | None = None

    @property
    def unverified(self) -> frozenset[str]:
        return self.provenance.unverified

    def source_of(self, key: str) -> str:
        """The document a value comes from (or its confirmation stands beside it)."""
        if key in self.provenance.sources:
            return self.provenance.sources[key]
        if key == "form":
            return self.form_source
        if key == "site_check" and self.site_check is not None:
            return self.site_check.basis
        return self.basis

    def display_name(self, variant: str | None) -> str:
        if variant and self.variants:
            return f"{self.name}（{self.variants[variant]}）"
        return self.name

    def needs_site_check(self, variant: str | None) -> bool:
        check = self.site_check
        return check is not None and (not check.variants or variant in check.variants)


@dataclass(frozen=True)
class SiteCheck:
    """A permit's site check (现场核查): why, and for which variants (all when none listed)."""

    basis: str
    variants: tuple[str, ...] = ()


AFTER_ISSUE_KINDS = ("change", "renewal", "cancellation")


@dataclass(frozen=True)
class KindRule:
    """A permit's own 变更, 延续 or 注销 procedure: its materials and time limits."""

    kind: str
    basis: str
    statutory_days: int
    promised_days: int
    materials: tuple[str, ...]
    provenance: Provenance = Provenance()

    @property
    def unverified(self) -> frozenset[str]:
        return self.provenance.unverified

    def source_of(self, key: str) -> str:
        return self.provenance.sources.get(key, self.basis)


@dataclass(frozen=True)
class Rule:
    """Selects ``permit`` (in ``variant``) when ``condition`` holds for the answers."""

    when: str
    condition: Condition
    permit: str
    variant: str | None = None


@dataclass(frozen=True)
class Constraint:
    """Answers for which ``condition`` holds are impossible; ``message`` tells the clerk why."""

    when: str
    condition: Condition
    message: str


@dataclass(frozen=True)
class Industry:
    number: int
    code: str
    name: str
    aliases: tuple[str, ...]
    always: tuple[str, ...]
    rules: tuple[Rule, ...]
    constraints: tuple[Constraint, ...]
    defaults: Mapping[str, bool]
    # The question keys its rules and constraints use, in the catalog's question order.
    questions: tuple[str, ...]
    # Per permit, fields that are another fact in this industry: the permit's form asks the
    # replacement instead (宾馆's food business asks the catering area, not the hotel's).
    form_swaps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def permit_form(self, permit: Permit) -> tuple[str, ...]:
        """The fields ``permit`` asks in this industry's combined form."""
        swaps = self.form_swaps.get(permit.code, {})
        return tuple(swaps.get(key, key) for key in permit.form)


def normalize_name(text: str) -> str:
    """Folds full-width letters and case so ``ＫＴＶ``, ``ktv`` and ``KTV`` match."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


@dataclass(frozen=True)
class Catalog:
    version: str
    batch: str
    title: str
    source: str
    issuing_department: str
    counter_department: str
    departments: Mapping[str, Department]
    questions: Mapping[str, Question]
    fields: Mapping[str, FieldSpec]
    materials: Mapping[str, MaterialSpec]
    permits: Mapping[str, Permit]
    industries: tuple[Industry, ...]
    # (permit, kind) → its procedure after issue, for every permit and every AFTER_ISSUE_KINDS.
    after_issue: Mapping[tuple[str, str], KindRule] = field(default_factory=dict)
    reissue_materials: tuple[str, ...] = ()

    def department_name(self, code: str) -> str:
        """A department's name; the code itself for one the catalog no longer has."""
        department = self.departments.get(code)
        return department.name if department else code

    def find_industry(self, query: str) -> Industry | None:
        """Finds an industry by code, Chinese name or alias; None when nothing matches."""
        wanted = normalize_name(query)
        for industry in self.industries:
            names = (industry.code, industry.name, *industry.aliases)
            if any(normalize_name(name) == wanted for name in names):
                return industry
        return None


def search_industries(catalog: Catalog, text: str) -> list[Industry]:
    """Industries whose code, name or an alias contains ``text`` (all of them for empty text)."""
    wanted = normalize_name(text)
    return [
        industry
        for industry in catalog.industries
        if any(
            wanted in normalize_name(n) for n in (industry.code, industry.name, *industry.aliases)
        )
    ]
