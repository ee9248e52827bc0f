"""Edits of a catalog version's files that keep their comments and layout.

Each edit takes a version's files (``{name: TOML text}``) and returns new files; the old ones are
never changed (a stored version is frozen). Nothing here decides whether the result is a valid
catalog: the loader does, when the edit is previewed and again when it is published.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Table

from desktop_app.catalog.loader import load_catalog_texts
from desktop_app.catalog.model import PERMIT_VALUES, Confirmation

# What the permit form of the 目录管理 screen edits directly; the rest is edited in the files.
PERMIT_SCALARS = {
    "statutory_days": int,
    "promised_days": int,
    "commitment_allowed": bool,
    "validity_years": int,  # None removes it: the permit does not expire
    "fee": str,
    "basis": str,
}


class EditError(ValueError):
    """The edit cannot be made; the message says what and where."""


def _document(files: Mapping[str, str], name: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(files[name])
    except KeyError:
        raise EditError(f"{name}.toml: 文件不存在") from None
    except TOMLKitError as exc:
        raise EditError(f"{name}.toml: 不是有效的 TOML：{exc}") from None


def _entries(document: tomlkit.TOMLDocument, name: str) -> AoT | list[Any]:
    entries = document.get(name)
    return entries if isinstance(entries, AoT | list) else []


def _permit(document: tomlkit.TOMLDocument, code: str) -> Table:
    for entry in _entries(document, "permit"):
        if entry.get("code") == code:
            return cast(Table, entry)
    raise EditError(f"permits.toml: 没有许可证 {code!r}")


def _replaced(
    files: Mapping[str, str], name: str, document: tomlkit.TOMLDocument
) -> dict[str, str]:
    return {**files, name: tomlkit.dumps(document)}


def with_version(files: Mapping[str, str], label: str) -> dict[str, str]:
    """The files with a new version label (every published version has its own)."""
    label = label.strip()
    if not label:
        raise EditError("catalog.toml: version: 请填写新的版本号")
    document = _document(files, "catalog")
    document["version"] = label
    return _replaced(files, "catalog", document)


def set_permit_values(
    files: Mapping[str, str], permit: str, values: Mapping[str, object]
) -> dict[str, str]:
    """A permit's time limits, 告知承诺, validity, fee or basis set to ``values``."""
    document = _document(files, "permits")
    table = _permit(document, permit)
    for key, value in values.items():
        kind = PERMIT_SCALARS.get(key)
        if kind is None:
            raise EditError(f"permits.toml: {key}: 不能在此修改（请编辑目录文件）")
        if value is None and key == "validity_years":
            table.pop(key, None)
        elif isinstance(value, kind) and not (isinstance(value, bool) and kind is int):
            table[key] = value
        else:
            raise EditError(f"permits.toml: {key}: 类型错误：{value!r}")
    return _replaced(files, "permits", document)


def set_deferrable(files: Mapping[str, str], material: str, deferrable: bool) -> dict[str, str]:
    """Whether a material may be handed in later (容缺受理)."""
    document = _document(files, "materials")
    for entry in _entries(document, "material"):
        if entry.get("key") == material:
            if deferrable:
                entry["deferrable"] = True
            else:
                entry.pop("deferrable", None)
            return _replaced(files, "materials", document)
    raise EditError(f"materials.toml: 没有材料 {material!r}")


def confirm(
    files: Mapping[str, str],
    permit: str,
    kind: str | None,
    keys: Iterable[str],
    confirmation: Confirmation,
) -> dict[str, str]:
    """Records that a department confirmed these values of a permit (``kind``: its 变更/延续/注销).

    The values leave ``unverified`` and enter ``confirmed`` with who, for whom and when; the
    marks on notices and guides go with them.
    """
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise EditError("请选择要确认的内容")
    catalog = load_catalog_texts(files)
    if permit not in catalog.permits:
        raise EditError(f"permits.toml: 没有许可证 {permit!r}")
    if kind is None:
        holder = catalog.permits[permit].provenance
        document = _document(files, "permits")
        table = _permit(document, permit)
        name = "permits"
    else:
        rule = catalog.after_issue.get((permit, kind))
        if rule is None:
            raise EditError(f"lifecycle.toml: 许可证 {permit!r} 没有“{kind}”程序")
        holder = rule.provenance
        document = _document(files, "lifecycle")
        table = _override(document, permit, kind)
        name = "lifecycle"
    for key in keys:
        if key not in PERMIT_VALUES:
            raise EditError(f"未知的项目 {key!r}")
        if key not in holder.unverified:
            raise EditError(f"{key}: 不在待确认之列")
    table["unverified"] = sorted(holder.unverified - set(keys), key=PERMIT_VALUES.index)
    confirmed = tomlkit.inline_table()
    for key, done in {**holder.confirmed, **dict.fromkeys(keys, confirmation)}.items():
        entry = tomlkit.inline_table()
        entry.update({"department": done.department, "by": done.by, "on": done.on})
        if done.note:
            entry["note"] = done.note
        confirmed[key] = entry
    table["confirmed"] = confirmed
    return _replaced(files, name, document)


def _override(document: tomlkit.TOMLDocument, permit: str, kind: str) -> Table:
    """The ``[[permit]]`` override of lifecycle.toml for one permit and kind, made when absent."""
    for entry in _entries(document, "permit"):
        if entry.get("code") == permit and entry.get("kind") == kind:
            return cast(Table, entry)
    entries = document.get("permit")
    if not isinstance(entries, AoT):
        entries = tomlkit.aot()
        document["permit"] = entries
    if len(entries):
        entries[-1].add(tomlkit.nl())  # a blank line between entries, as the file has them
    table = tomlkit.table()
    table.update({"code": permit, "kind": kind})
    entries.append(table)
    return entries[-1]
