"""Valid test data built from the catalog, so tests follow the catalog when it changes."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from desktop_app.catalog import Bundle, Catalog, resolve
from desktop_app.catalog.bundle import BundleField
from desktop_app.domain.identifiers import credit_code_check_char, id_number_check_char
from desktop_app.services.intake import Submission

# The direction controls text_problem refuses by name.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def printable_text(max_size: int) -> st.SearchStrategy[str]:
    """Any text a person can read and print: what every text field must keep as typed.

    Not control, format, private-use, surrogate or separator characters, nor non-characters:
    fields refuse those (they hide in look-alike names and print blank).
    """
    return st.text(
        st.characters(
            blacklist_categories=("Cc", "Cs", "Cf", "Co", "Zl", "Zp"),
            blacklist_characters=BIDI_CONTROLS,
        ).filter(lambda ch: not (0xFDD0 <= ord(ch) <= 0xFDEF or ord(ch) & 0xFFFE == 0xFFFE)),
        min_size=1,
        max_size=max_size,
    ).filter(str.strip)


def credit_code(serial: int) -> str:
    body = f"91640324MA{serial:07d}"
    return body + credit_code_check_char(body)


def id_number(serial: int = 123) -> str:
    body = f"64032419850315{serial % 1000:03d}"
    return body + id_number_check_char(body)


def field_value(field: BundleField, serial: int) -> Any:
    if field.check == "credit_code":
        return credit_code(serial)
    if field.check == "id_number":
        return id_number(serial)
    if field.check == "phone":
        return "13800138000"
    if field.check == "postal_code":
        return "751300"
    if field.type == "bool":
        return True
    if field.type in ("integer", "number"):
        return int(field.min or 0) + 2
    if field.type == "choice":
        return [field.choices[0]] if field.multiple else field.choices[0]
    if field.type == "date":
        return "2026-03-01"
    return f"测试{field.label}"


def full_form(bundle: Bundle, serial: int = 1, **overrides: Any) -> dict[str, Any]:
    form = {f.key: field_value(f, serial) for f in bundle.fields if f.answer is None}
    form.update(overrides)
    return form


def all_on_paper(bundle: Bundle) -> dict[str, str]:
    return {m.key: "paper" for m in bundle.materials if not m.government_issued}


def submission(
    catalog: Catalog,
    industry: str = "convenience_store",
    answers: dict[str, Any] | None = None,
    serial: int = 1,
    overrides: dict[str, Any] | None = None,
    **form_overrides: Any,
) -> Submission:
    answers = {"area_m2": 25, "sells_drugs": True} if answers is None else answers
    bundle = resolve(catalog, industry, answers)
    return Submission(
        industry=industry,
        answers=answers,
        form=full_form(bundle, serial, **(overrides or {}), **form_overrides),
        materials=all_on_paper(bundle),
    )
