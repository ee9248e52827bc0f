"""Loads the catalog from ``resources/catalog/*.toml`` and refuses anything inconsistent.

Every error names the file and the key path (``industries.toml: industry[3].rules[0].permit``), so a
catalog editor can fix the data without reading code.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from desktop_app.catalog.conditions import Compare as _Compare
from desktop_app.catalog.conditions import (
    Condition,
    ConditionSyntaxError,
    Flag,
    parse_condition,
)
from desktop_app.catalog.enumerate import answer_space
from desktop_app.catalog.model import (
    AFTER_ISSUE_KINDS,
    FIELD_TYPES,
    PERMIT_VALUES,
    RULE_VALUES,
    Catalog,
    Confirmation,
    Constraint,
    Department,
    FieldSpec,
    Industry,
    KindRule,
    MaterialSpec,
    Permit,
    PermitMaterial,
    Provenance,
    Question,
    Rule,
    SiteCheck,
    normalize_name,
)
from desktop_app.catalog.selection import select_permits
from desktop_app.domain.identifiers import CHECKS
from desktop_app.paths import CATALOG_DIR

FILES = (
    "catalog",
    "departments",
    "questions",
    "fields",
    "materials",
    "permits",
    "industries",
    "lifecycle",
)
PERMIT_KINDS = frozenset({"licence", "registration", "filing", "commitment"})
T = TypeVar("T")


class CatalogError(ValueError):
    """The catalog data is invalid; the message names the file and the key."""

    def __init__(self, file: str, path: str, problem: str) -> None:
        super().__init__(f"{file}: {path}: {problem}" if path else f"{file}: {problem}")
        self.file = file
        self.path = path
        self.problem = problem


_MISSING = object()  # marks a key with no default: it must be present


class _Table:
    """A TOML table with its location, so every type error can say where it is."""

    def __init__(self, file: str, path: str, data: object) -> None:
        if not isinstance(data, dict):
            raise CatalogError(file, path, "应为表（table）")
        self.file = file
        self.path = path
        self._data: dict[str, Any] = data
        self._read: set[str] = set()

    def error(self, key: str, problem: str) -> CatalogError:
        return CatalogError(self.file, f"{self.path}.{key}" if self.path else key, problem)

    def value(self, key: str, kind: type | tuple[type, ...], default: object = _MISSING) -> Any:
        """The value at ``key`` checked against ``kind``; ``default`` when absent and optional."""
        self._read.add(key)
        if key not in self._data:
            if default is _MISSING:
                raise self.error(key, "缺少必填项")
            return default
        value = self._data[key]
        # bool is an int subclass in Python; a `true` where a number belongs is still a type error.
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            raise self.error(key, f"类型错误：应为 {_kind_name(kind)}，实为 {value!r}")
        return value

    def text(self, key: str, default: object = _MISSING) -> str:
        value = self.value(key, str, default)
        if not value.strip() and default is _MISSING:
            raise self.error(key, "不能为空")
        return cast(str, value)

    def optional_text(self, key: str) -> str | None:
        return cast(str | None, self.value(key, str, None))

    def integer(self, key: str, default: object = _MISSING) -> int:
        return cast(int, self.value(key, int, default))

    def optional_number(self, key: str) -> float | None:
        value = self.value(key, (int, float), None)
        return None if value is None else float(value)

    def flag(self, key: str, default: bool = False) -> bool:
        return cast(bool, self.value(key, bool, default))

    def strings(self, key: str, default: object = _MISSING) -> tuple[str, ...]:
        value = self.value(key, list, default)
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error(f"{key}[{index}]", f"应为非空字符串，实为 {item!r}")
        return tuple(value)

    def tables(self, key: str, default: object = _MISSING) -> list[_Table]:
        value = self.value(key, list, default)
        prefix = f"{self.path}." if self.path else ""
        return [_Table(self.file, f"{prefix}{key}[{i}]", v) for i, v in enumerate(value)]

    def mapping(self, key: str) -> dict[str, Any] | None:
        return cast(dict[str, Any] | None, self.value(key, dict, None))

    def has(self, key: str) -> bool:
        return key in self._data

    def done(self) -> None:
        """Refuses keys nobody read: a misspelt key must not be silently ignored."""
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise self.error(unknown[0], "未知的键")


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "字符串", int: "整数", float: "数字", bool: "布尔值", list: "数组", dict: "表"}
    return "或".join(names.get(k, k.__name__) for k in _as_tuple(kind))


def read_texts(directory: Path = CATALOG_DIR) -> dict[str, str]:
    """The catalog's files as text, by name without ``.toml`` (what the store keeps)."""
    texts = {}
    for name in FILES:
        path = directory / f"{name}.toml"
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CatalogError(f"{name}.toml", "", f"文件不存在（{path}）") from None
        except UnicodeDecodeError as exc:
            raise CatalogError(f"{name}.toml", "", f"不是 UTF-8 文本：{exc}") from None
    return texts


def _parse(texts: Mapping[str, str], name: str) -> _Table:
    file = f"{name}.toml"
    if name not in texts:
        raise CatalogError(file, "", "文件不存在")
    try:
        data = tomllib.loads(texts[name])
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(file, "", f"TOML 格式错误：{exc}") from None
    return _Table(file, "", data)


def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    """Reads and validates every catalog file; raises CatalogError on the first problem."""
    return load_catalog_texts(read_texts(directory))


def load_catalog_texts(texts: Mapping[str, str]) -> Catalog:
    """Validates a catalog given as its files' texts (a version kept in the store)."""
    root = {name: _parse(texts, name) for name in FILES}
    header = root["catalog"]
    departments = _load_list(root["departments"], "department", _department)
    questions = _load_list(root["questions"], "question", _question)
    fields = _load_list(root["fields"], "field", lambda t: _field(t, questions))
    for table, spec in fields.values():
        for index, source in enumerate(spec.default_from):
            if source not in fields or source == spec.key:
                raise table.error(f"default_from[{index}]", f"未知的表单字段 {source!r}")
    materials = _load_list(root["materials"], "material", lambda t: _material(t, fields))
    for table, material in materials.values():
        if material.replaced_by is not None and material.replaced_by not in materials:
            raise table.error("replaced_by", f"未知的材料 {material.replaced_by!r}")
    permits = _load_list(
        root["permits"], "permit", lambda t: _permit(t, departments, fields, materials)
    )
    industries = _load_list(
        root["industries"], "industry", lambda t: _industry(t, questions, permits, fields)
    )
    _check_aliases_unique(industries)
    after_issue, reissue_materials = load_after_issue(root["lifecycle"], permits, materials)
    catalog = Catalog(
        version=header.text("version"),
        batch=header.text("batch"),
        title=header.text("title"),
        source=header.text("source"),
        issuing_department=_reference(header, "issuing_department", departments, "部门"),
        counter_department=_reference(header, "counter_department", departments, "部门"),
        departments=_values(departments),
        questions=_values(questions),
        fields=_values(fields),
        materials=_values(materials),
        permits=_values(permits),
        industries=tuple(sorted((i for _, i in industries.values()), key=lambda i: i.number)),
        after_issue=after_issue,
        reissue_materials=reissue_materials,
    )
    header.done()
    for table, industry in industries.values():
        _check_industry_yields(table, industry, catalog)
    return catalog


Loaded = dict[str, tuple[_Table, T]]


def load_after_issue(
    root: _Table, permits: Loaded[Permit], materials: Loaded[MaterialSpec]
) -> tuple[dict[tuple[str, str], KindRule], tuple[str, ...]]:
    """lifecycle.toml: each kind's procedure for every permit, with per-permit overrides."""
    kinds = root.value("kind", dict)
    defaults: dict[str, _Table] = {}
    for kind in AFTER_ISSUE_KINDS:
        if kind not in kinds:
            raise root.error(f"kind.{kind}", "缺少必填项")
        defaults[kind] = _Table(root.file, f"kind.{kind}", kinds[kind])
    unknown = sorted(set(kinds) - set(AFTER_ISSUE_KINDS))
    if unknown:
        raise root.error(
            f"kind.{unknown[0]}", f"未知的办理类型（可用：{'、'.join(AFTER_ISSUE_KINDS)}）"
        )
    base = {kind: _kind_rule(t, kind, None, materials) for kind, t in defaults.items()}
    for t in defaults.values():
        t.done()
    rules = {(code, kind): rule for code in permits for kind, rule in base.items()}
    for t in root.tables("permit", []):
        code = _reference(t, "code", permits, "许可证")
        kind = t.text("kind")
        if kind not in AFTER_ISSUE_KINDS:
            raise t.error("kind", f"未知的办理类型 {kind!r}")
        rules[(code, kind)] = _kind_rule(t, kind, base[kind], materials)
        t.done()
    reissue = _Table(root.file, "reissue", root.value("reissue", dict))
    reissue_materials = _material_keys(reissue, materials)
    reissue.done()
    root.done()
    return rules, reissue_materials


def _material_keys(t: _Table, materials: Loaded[MaterialSpec]) -> tuple[str, ...]:
    keys = t.strings("materials")
    for index, key in enumerate(keys):
        if key not in materials:
            raise t.error(f"materials[{index}]", f"未知的材料 {key!r}")
    if len(set(keys)) != len(keys):
        raise t.error("materials", "材料重复")
    return keys


def _kind_rule(
    t: _Table, kind: str, base: KindRule | None, materials: Loaded[MaterialSpec]
) -> KindRule:
    """One kind's rule; an override keeps from ``base`` whatever it does not give."""
    if base is None:
        days = {key: t.integer(key) for key in ("statutory_days", "promised_days")}
        basis, keys = t.text("basis"), _material_keys(t, materials)
    else:
        days = {
            key: t.integer(key, getattr(base, key)) for key in ("statutory_days", "promised_days")
        }
        basis = t.text("basis", base.basis)
        keys = _material_keys(t, materials) if t.has("materials") else base.materials
    for key, value in days.items():
        if value < 0:
            raise t.error(key, "时限不能为负")
    if days["promised_days"] > days["statutory_days"]:
        raise t.error("promised_days", "承诺时限不能长于法定时限")
    return KindRule(
        kind=kind,
        basis=basis,
        statutory_days=days["statutory_days"],
        promised_days=days["promised_days"],
        materials=keys,
        provenance=_provenance(t, RULE_VALUES, base.provenance if base else None),
    )


def _load_list(root: _Table, key: str, build: Callable[[_Table], T]) -> Loaded[T]:
    tables = root.tables(key)
    root.done()
    if not tables:
        raise root.error(key, "至少需要一项")
    loaded: Loaded[T] = {}
    for table in tables:
        item = build(table)
        table.done()
        id_key = "code" if hasattr(item, "code") else "key"
        code = getattr(item, id_key)
        if code in loaded:
            raise table.error(id_key, f"重复的代码 {code!r}")
        loaded[code] = (table, item)
    return loaded


def _provenance(
    t: _Table, known: tuple[str, ...], inherited: Provenance | None = None
) -> Provenance:
    """``unverified``, ``confirmed`` and ``sources`` of a permit or procedure, each key checked.

    An override of the general 变更/延续/注销 procedure keeps what it does not say itself.
    """
    base = inherited or Provenance()

    def checked(path: str, key: str) -> str:
        if key not in known:
            raise t.error(path, f"未知的项目 {key!r}（可用：{'、'.join(known)}）")
        return key

    if t.has("unverified"):
        listed = t.strings("unverified")
        unverified = frozenset(checked(f"unverified[{i}]", k) for i, k in enumerate(listed))
    else:
        unverified = base.unverified
    confirmed = dict(base.confirmed) if t.mapping("confirmed") is None else {}
    for key, entry in (t.mapping("confirmed") or {}).items():
        path = f"confirmed.{checked(f'confirmed.{key}', key)}"
        if key in unverified:
            raise t.error(path, "同一项不能既列为待确认又记录为已确认")
        c = _Table(t.file, f"{t.path}.{path}" if t.path else path, entry)
        on = c.value("on", dt.date)
        if isinstance(on, dt.datetime):
            raise c.error("on", "应为日期（如 2026-12-01），不带时刻")
        confirmed[key] = Confirmation(c.text("department"), c.text("by"), on, c.text("note", ""))
        c.done()
    sources = dict(base.sources)
    for key, text in (t.mapping("sources") or {}).items():
        path = f"sources.{checked(f'sources.{key}', key)}"
        if not isinstance(text, str) or not text.strip():
            raise t.error(path, "应为非空字符串（文件名称和条款）")
        sources[key] = text
    confirmed = {k: v for k, v in confirmed.items() if k not in unverified}
    return Provenance(unverified, confirmed, sources)


def _values(loaded: Loaded[T]) -> dict[str, T]:
    return {code: item for code, (_, item) in loaded.items()}


def _reference(table: _Table, key: str, loaded: Loaded[Any], what: str) -> str:
    code = table.text(key)
    if code not in loaded:
        raise table.error(key, f"未知的{what} {code!r}")
    return code


def _department(t: _Table) -> Department:
    return Department(code=t.text("code"), name=t.text("name"), short_name=t.text("short_name"))


def _question(t: _Table) -> Question:
    kind = t.text("type")
    if kind not in ("bool", "number"):
        raise t.error("type", f"回答类型应为 bool 或 number，实为 {kind!r}")
    default = t.value("default", bool, None)
    if default is not None and kind != "bool":
        raise t.error("default", "只有是否题可以有默认值")
    return Question(
        key=t.text("key"),
        label=t.text("label"),
        type=cast(Any, kind),
        unit=t.text("unit", ""),
        help=t.text("help", ""),
        default=default if kind == "bool" else None,
        max=t.optional_number("max"),
    )


def _field(t: _Table, questions: Loaded[Question]) -> FieldSpec:
    kind = t.text("type")
    if kind not in FIELD_TYPES:
        raise t.error("type", f"未知的字段类型 {kind!r}（可用：{', '.join(FIELD_TYPES)}）")
    check = t.optional_text("check")
    if check is not None and check not in CHECKS:
        raise t.error("check", f"未知的校验规则 {check!r}")
    choices = t.strings("choices", ())
    if kind == "choice" and not choices:
        raise t.error("choices", "选择题必须列出选项")
    if kind != "choice" and choices:
        raise t.error("choices", "只有选择题可以有选项")
    if len(set(choices)) != len(choices):
        raise t.error("choices", "选项重复")
    answer = t.optional_text("answer")
    if answer is not None and answer not in questions:
        raise t.error("answer", f"未知的情形回答项 {answer!r}")
    max_length = t.value("max_length", int, None)
    if max_length is not None and max_length <= 0:
        raise t.error("max_length", "应为正整数")
    return FieldSpec(
        key=t.text("key"),
        label=t.text("label"),
        type=cast(Any, kind),
        required=t.flag("required", True),
        shared=t.flag("shared"),
        personal=t.flag("personal"),
        check=check,
        max_length=max_length,
        min=t.optional_number("min"),
        max=t.optional_number("max"),
        choices=choices,
        multiple=t.flag("multiple"),
        answer=answer,
        contact=t.flag("contact"),
        default_from=t.strings("default_from", ()),
    )


def _material(t: _Table, fields: Loaded[FieldSpec]) -> MaterialSpec:
    government_issued = t.flag("government_issued")
    reuse_months = t.integer("reuse_months", 0)
    if not 0 <= reuse_months <= 120:
        raise t.error("reuse_months", "应为 0 到 120 之间的月数")
    if reuse_months and government_issued:
        raise t.error("reuse_months", "政府部门出具的材料由窗口核验，不沿用旧件")
    reuse_if_same = t.strings("reuse_if_same", ())
    for index, key in enumerate(reuse_if_same):
        if key not in fields:
            raise t.error(f"reuse_if_same[{index}]", f"未知的表单字段 {key!r}")
    if reuse_if_same and not reuse_months:
        raise t.error("reuse_if_same", "只有可沿用的材料（reuse_months）才有沿用条件")
    check_source = t.text("check_source", "")
    check_number_field = t.optional_text("check_number_field")
    if (check_source or check_number_field) and not government_issued:
        raise t.error("check_source", "只有政府部门出具的材料由窗口核验")
    if check_number_field is not None and check_number_field not in fields:
        raise t.error("check_number_field", f"未知的表单字段 {check_number_field!r}")
    return MaterialSpec(
        key=t.text("key"),
        name=t.text("name"),
        deferrable=t.flag("deferrable"),
        government_issued=government_issued,
        replaced_by=t.optional_text("replaced_by"),
        note=t.text("note", ""),
        reuse_months=reuse_months,
        reuse_if_same=reuse_if_same,
        only_with_agent=t.flag("only_with_agent"),
        check_source=check_source,
        check_number_field=check_number_field,
    )


def _permit(
    t: _Table,
    departments: Loaded[Department],
    fields: Loaded[FieldSpec],
    materials: Loaded[MaterialSpec],
) -> Permit:
    kind = t.text("kind")
    if kind not in PERMIT_KINDS:
        raise t.error("kind", f"未知的许可类型 {kind!r}")
    form = t.strings("form")
    for index, key in enumerate(form):
        if key not in fields:
            raise t.error(f"form[{index}]", f"未知的字段 {key!r}")
    if len(set(form)) != len(form):
        raise t.error("form", "字段重复")
    permit_materials = []
    for m in t.tables("materials"):
        key = _reference(m, "key", materials, "材料")
        permit_materials.append(PermitMaterial(key, m.integer("originals"), m.integer("copies")))
        if permit_materials[-1].originals < 0 or permit_materials[-1].copies < 0:
            raise m.error("copies", "份数不能为负")
        m.done()
    if len({m.key for m in permit_materials}) != len(permit_materials):
        raise t.error("materials", "材料重复")
    variants = t.mapping("variants")
    if variants is not None and not all(isinstance(v, str) and v for v in variants.values()):
        raise t.error("variants", "每个类型名称应为非空字符串")
    days = {key: t.integer(key) for key in ("statutory_days", "promised_days")}
    for key, value in days.items():
        if value < 0:
            raise t.error(key, "时限不能为负")
    if days["promised_days"] > days["statutory_days"]:
        raise t.error("promised_days", "承诺时限不能长于法定时限")
    validity = t.value("validity_years", int, None)
    site_check = _site_check(t, variants)
    return Permit(
        code=t.text("code"),
        name=t.text("name"),
        department=_reference(t, "department", departments, "部门"),
        kind=cast(Any, kind),
        basis=t.text("basis"),
        statutory_days=days["statutory_days"],
        promised_days=days["promised_days"],
        commitment_allowed=t.flag("commitment_allowed"),
        fee=t.text("fee"),
        form_source=t.text("form_source"),
        form=form,
        materials=tuple(permit_materials),
        validity_years=validity,
        provenance=_provenance(t, PERMIT_VALUES),
        variants=variants,
        site_check=site_check,
    )


def _site_check(t: _Table, variants: dict[str, Any] | None) -> SiteCheck | None:
    """``site_check = { basis = "…", variants = ["…"] }``: a 现场核查 before the decision."""
    raw = t.mapping("site_check")
    if raw is None:
        return None
    basis = raw.get("basis")
    if not isinstance(basis, str) or not basis.strip():
        raise t.error("site_check.basis", "须写明现场核查的依据")
    only = raw.get("variants", [])
    if not isinstance(only, list) or not all(isinstance(v, str) for v in only):
        raise t.error("site_check.variants", "应为类型代码的列表")
    for index, variant in enumerate(only):
        if variant not in (variants or {}):
            raise t.error(f"site_check.variants[{index}]", f"许可证没有类型 {variant!r}")
    unknown = sorted(set(raw) - {"basis", "variants"})
    if unknown:
        raise t.error(f"site_check.{unknown[0]}", "未知的键")
    return SiteCheck(basis.strip(), tuple(only))


def _condition(t: _Table, key: str, questions: Loaded[Question]) -> tuple[str, Condition]:
    text = t.text(key)
    try:
        condition = parse_condition(text)
    except ConditionSyntaxError as exc:
        raise t.error(key, str(exc)) from None
    for atom_key in set(condition.answer_keys()):
        if atom_key not in questions:
            raise t.error(key, f"条件中有未知的回答项 {atom_key!r}")
    _check_atom_types(t, key, condition, questions)
    return text, condition


def _check_atom_types(
    t: _Table, key: str, condition: Condition, questions: Loaded[Question]
) -> None:
    # A flag on a number (``area_m2``) or a comparison on a yes/no answer is a data slip.
    atoms: list[Condition] = [condition]
    while atoms:
        atom = atoms.pop()
        if isinstance(atom, Flag) and questions[atom.key][1].type != "bool":
            raise t.error(key, f"{atom.key!r} 是数值，须与数字比较")
        if isinstance(atom, _Compare) and questions[atom.key][1].type != "number":
            raise t.error(key, f"{atom.key!r} 是是否题，不能与数字比较")
        atoms.extend(getattr(atom, "operands", ()))
        if hasattr(atom, "operand"):
            atoms.append(atom.operand)


def _form_swaps(
    t: _Table, permits: Loaded[Permit], fields: Loaded[FieldSpec], reachable: set[str]
) -> dict[str, dict[str, str]]:
    """``forms = { permit = { asked = "instead" } }``: checked against the permits' forms."""
    raw = t.mapping("forms") or {}
    swaps: dict[str, dict[str, str]] = {}
    for code, table in raw.items():
        place = f"forms.{code}"
        if code not in reachable:
            raise t.error(place, f"本行业不办理许可证 {code!r}")
        if not isinstance(table, dict) or not table:
            raise t.error(place, '应为 { 原字段 = "替换字段" } 的表')
        form = permits[code][1].form
        for key, instead in table.items():
            if key not in form:
                raise t.error(f"{place}.{key}", f"许可证 {code!r} 的表单没有字段 {key!r}")
            if not isinstance(instead, str) or instead not in fields:
                raise t.error(f"{place}.{key}", f"未知的表单字段 {instead!r}")
            if instead in form:
                raise t.error(f"{place}.{key}", f"许可证 {code!r} 的表单已有字段 {instead!r}")
            if fields[instead][1].answer is not None:
                raise t.error(f"{place}.{key}", f"{instead!r} 由情形回答填写，不能替换表单字段")
        swaps[code] = dict(table)
    return swaps


def _industry(
    t: _Table, questions: Loaded[Question], permits: Loaded[Permit], fields: Loaded[FieldSpec]
) -> Industry:
    always = t.strings("always")
    for index, code in enumerate(always):
        if code not in permits:
            raise t.error(f"always[{index}]", f"未知的许可证 {code!r}")
    rules = []
    for r in t.tables("rules", []):
        when, condition = _condition(r, "when", questions)
        permit = _reference(r, "permit", permits, "许可证")
        variant = r.optional_text("variant")
        variants = permits[permit][1].variants or {}
        if variant is not None and variant not in variants:
            raise r.error("variant", f"许可证 {permit!r} 没有类型 {variant!r}")
        r.done()
        rules.append(Rule(when, condition, permit, variant))
    constraints = []
    for c in t.tables("constraints", []):
        when, condition = _condition(c, "when", questions)
        constraints.append(Constraint(when, condition, c.text("message")))
        c.done()
    defaults = t.mapping("defaults") or {}
    for key, value in defaults.items():
        if key not in questions or questions[key][1].type != "bool" or not isinstance(value, bool):
            raise t.error(f"defaults.{key}", "只能为是否题设定 true/false 默认值")
    conditions = [r.condition for r in rules] + [c.condition for c in constraints]
    used = {key for condition in conditions for key in condition.answer_keys()} | set(defaults)
    number = t.integer("number")
    if number <= 0:
        raise t.error("number", "序号应为正整数")
    return Industry(
        number=number,
        code=t.text("code"),
        name=t.text("name"),
        aliases=t.strings("aliases", ()),
        always=always,
        rules=tuple(rules),
        constraints=tuple(constraints),
        defaults=dict(defaults),
        questions=tuple(k for k in questions if k in used),
        form_swaps=_form_swaps(t, permits, fields, {*always, *(r.permit for r in rules)}),
    )


def _check_aliases_unique(industries: Loaded[Industry]) -> None:
    owner: dict[str, str] = {}
    numbers: set[int] = set()
    for table, industry in industries.values():
        if industry.number in numbers:
            raise table.error("number", f"重复的序号 {industry.number}")
        numbers.add(industry.number)
        for name in (industry.code, industry.name, *industry.aliases):
            folded = normalize_name(name)
            if owner.get(folded, industry.code) != industry.code:
                raise table.error(
                    "aliases", f"名称 {name!r} 与行业 {owner[folded]!r} 的名称或别名重复"
                )
            owner[folded] = industry.code


def _check_industry_yields(table: _Table, industry: Industry, catalog: Catalog) -> None:
    # The seed plan: an industry with only one licensing item is not admitted to the catalog.
    most = 0
    for answers in answer_space(industry, catalog):
        if any(c.condition.evaluate(answers) for c in industry.constraints):
            continue
        selected = select_permits(industry, answers)
        codes = [code for code, _ in selected]
        if len(set(codes)) != len(codes):
            raise table.error("rules", f"回答 {dict(answers)} 使同一许可证被选中两次")
        most = max(most, len(codes))
    if most < 2:
        raise table.error("rules", '该行业最多只涉及一个许可事项，不纳入"一业一证"目录')
