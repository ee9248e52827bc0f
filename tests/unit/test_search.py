import pytest

from desktop_app.catalog import Catalog
from desktop_app.catalog.search import search


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("bld", "convenience_store"),
        ("bianli", "convenience_store"),
        ("便利", "convenience_store"),
        ("KTV", "ktv"),
        ("ktv", "ktv"),
        ("wk", "internet_cafe"),
        ("wangka", "internet_cafe"),
        ("dgd", "bakery"),
        ("lfz", "elderly_canteen"),
        ("pharmacy", "pharmacy"),
        ("yd", "pharmacy"),
    ],
)
def test_matches_name_alias_code_and_pinyin(catalog: Catalog, text: str, code: str) -> None:
    assert code in [i.code for i in search(catalog, text)]


def test_blank_lists_everything(catalog: Catalog) -> None:
    assert len(search(catalog, "  ")) == 14


def test_no_match(catalog: Catalog) -> None:
    assert search(catalog, "qqq") == []
