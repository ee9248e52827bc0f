"""Finding an industry as a clerk types: code, name, alias, or pinyin (full or initials).

Heteronyms count: 长 may be typed as c or z, so every reading of every character is a match key.
pypinyin takes ~0.4 s to import, so the keys are built on the first search, not at start-up.
"""

from __future__ import annotations

import itertools

from desktop_app.catalog.model import Catalog, Industry, normalize_name

MAX_READINGS = 64  # combinations per name; industry names are short, this only guards the product


def _readings(text: str) -> set[str]:
    from pypinyin import Style, pinyin

    keys: set[str] = set()
    for style in (Style.FIRST_LETTER, Style.NORMAL):
        # Letters and digits (KTV) stay as they are, in one chunk.
        per_char = pinyin(text, style=style, heteronym=True, errors="default")
        for combination in itertools.islice(itertools.product(*per_char), MAX_READINGS):
            keys.add("".join(combination).lower())
    return keys


_INDEXES: dict[int, tuple[Catalog, dict[str, frozenset[str]]]] = {}


def _index(catalog: Catalog) -> dict[str, frozenset[str]]:
    # Keyed by identity (a catalog is not hashable); the stored reference keeps the id valid.
    cached = _INDEXES.get(id(catalog))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    index = {
        industry.code: frozenset(
            key
            for name in (industry.name, *industry.aliases)
            for key in _readings(name.replace("/", "").replace("、", ""))
        )
        for industry in catalog.industries
    }
    _INDEXES[id(catalog)] = (catalog, index)
    return index


def search(catalog: Catalog, text: str) -> list[Industry]:
    """Industries matching ``text`` (all of them for blank text), in catalog order."""
    wanted = normalize_name(text).replace(" ", "")
    if not wanted:
        return list(catalog.industries)
    readings = _index(catalog) if wanted.isascii() else {}
    result = []
    for industry in catalog.industries:
        names = (industry.code, industry.name, *industry.aliases)
        if any(wanted in normalize_name(n) for n in names) or any(
            wanted in key for key in readings.get(industry.code, ())
        ):
            result.append(industry)
    return result
