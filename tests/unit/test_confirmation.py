"""What is still to be confirmed, by department, with the value as the catalog has it."""

import re

from desktop_app.catalog import Catalog, load_catalog_texts, read_texts
from desktop_app.catalog.confirmation import unconfirmed


def test_every_unverified_value_is_listed_with_its_value(catalog: Catalog) -> None:
    rows = unconfirmed(catalog)
    expected = sum(len(p.unverified) for p in catalog.permits.values()) + sum(
        len(r.unverified) for r in catalog.after_issue.values()
    )
    assert len(rows) == expected
    food = {(r.subject, r.label): r.value for r in rows if r.permit == "food_business"}
    assert food[("食品经营许可证", "承诺办理时限")] == "5个工作日"
    assert food[("食品经营许可证", "可否告知承诺")] == "不可以"
    assert food[("食品经营许可证", "现场核查")].startswith("《食品经营许可和备案管理办法》")
    assert all(r.department_name == "县市场监督管理局" for r in rows if r.permit == "food_business")


def test_one_department_and_a_confirmed_catalog(catalog: Catalog) -> None:
    health = unconfirmed(catalog, "health")
    assert health
    assert {r.department for r in health} == {"health"}
    texts = read_texts()
    for name in ("permits", "lifecycle"):
        texts[name] = re.sub(r"(?m)^unverified = .*$", "", texts[name])
    assert unconfirmed(load_catalog_texts(texts)) == []
