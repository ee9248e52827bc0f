from desktop_app.catalog import Catalog
from desktop_app.services.wizard import IntakeDraft, Page, next_page


def test_pages_run_in_order(catalog: Catalog) -> None:
    draft = IntakeDraft(industry="convenience_store", answers={"area_m2": 25})
    assert next_page(catalog, draft, Page.INDUSTRY) == Page.SITUATION
    assert next_page(catalog, draft, Page.SITUATION) == Page.NOTICE
    assert next_page(catalog, draft, Page.NOTICE) == Page.FORM
    assert next_page(catalog, draft, Page.FORM) == Page.MATERIALS
    assert next_page(catalog, draft, Page.MATERIALS) == Page.REVIEW
    assert next_page(catalog, draft, Page.REVIEW) is None


def test_order_does_not_depend_on_answers_still_being_typed(catalog: Catalog) -> None:
    assert next_page(catalog, IntakeDraft(), Page.INDUSTRY) == Page.SITUATION
    assert next_page(catalog, IntakeDraft(industry="device_sales"), Page.SITUATION) == Page.NOTICE


def test_industry_without_questions_skips_the_situation_page(catalog: Catalog) -> None:
    from dataclasses import replace

    quiet = replace(catalog.industries[2], questions=())
    catalog_without = replace(catalog, industries=(quiet,))
    draft = IntakeDraft(industry=quiet.code)
    assert next_page(catalog_without, draft, Page.INDUSTRY) == Page.NOTICE


def test_clear_starts_over_in_place() -> None:
    draft = IntakeDraft(industry="ktv", answers={"sells_food": True}, form={"a": 1}, draft_id=3)
    answers = draft.answers
    draft.clear()
    assert draft == IntakeDraft()
    assert draft.answers is answers
