import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import Application, Enterprise
from desktop_app.printing import fonts
from desktop_app.services import intake
from desktop_app.services.errors import SubmissionError
from tests import factories
from tests.store.conftest import actor

TODAY = dt.date(2025, 9, 26)
_serials = itertools.count(100)
TRICKY = [
    "'; DROP TABLE application; --",
    "100% 纯_手工",
    "同心县𠀀𠀁·便利店",
    "马·阿卜杜拉",
    'Robert"); DELETE FROM item;--',
    "%_%",
]
# What the documents can print (the bundled fonts): the rest is refused at intake, tested below.
names = factories.printable_text(100).filter(lambda name: not fonts.undrawable(name))


def _accept_name(store: Store, catalog: Catalog, name: str, serial: int) -> tuple[str, str]:
    with store.write() as session:
        receipt = intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            factories.submission(catalog, serial=serial, enterprise_name=name, address=name),
            TODAY,
        )
    with store.read() as session:
        application = session.scalars(
            select(Application).where(Application.number == receipt.number)
        ).one()
        enterprise = session.get_one(Enterprise, application.enterprise_id)
        return application.form["enterprise_name"], enterprise.name


@pytest.mark.parametrize("name", TRICKY)
def test_tricky_names_are_stored_literally(store: Store, catalog: Catalog, name: str) -> None:
    assert _accept_name(store, catalog, name, 1) == (name, name)


def test_like_metacharacters_do_not_match_other_rows(store: Store, catalog: Catalog) -> None:
    _accept_name(store, catalog, "甲商店", 1)
    _accept_name(store, catalog, "%_%", 2)
    with store.read() as session:
        found = session.scalars(select(Enterprise.name).where(Enterprise.name == "%_%")).all()
    assert found == ["%_%"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=names)
def test_any_printable_name_survives_store_and_reload(
    store: Store, catalog: Catalog, name: str
) -> None:
    # A new enterprise each time: a known one keeps its master data until an approval changes it.
    assert _accept_name(store, catalog, name, next(_serials)) == (name, name)


def test_a_name_the_certificate_cannot_print_is_refused(store: Store, catalog: Catalog) -> None:
    with pytest.raises(SubmissionError) as refused:
        _accept_name(store, catalog, "同心县🍜面馆", 8)
    assert refused.value.errors["enterprise_name"].startswith(
        "主体名称含有证照无法打印的字符“🍜”（U+1F35C）"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("enterprise_name", "店" * 101, "主体名称最多100个字"),
        ("address", "路" * 201, "经营场所最多200个字"),
        ("legal_rep_name", "马\u202e里", "方向控制字符"),
        ("contact_name", "马\n里", "控制字符"),
    ],
)
def test_bad_text_is_refused_with_a_field_message(
    store: Store, catalog: Catalog, field: str, value: str, message: str
) -> None:
    with pytest.raises(SubmissionError) as info, store.write() as session:
        intake.accept(
            session,
            actor(store, "clerk"),
            catalog,
            factories.submission(catalog, overrides={field: value}),
            TODAY,
        )
    assert message in info.value.errors[field]
