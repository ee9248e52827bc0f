"""A counter whose database server is gone says so, and hands out no official number."""

import pytest

from desktop_app.catalog import Catalog
from desktop_app.db import DatabaseUnavailableError, Store
from desktop_app.domain import keys
from desktop_app.services import auth, issuance

GONE = "postgresql+psycopg://yiye@127.0.0.1:1/hall?connect_timeout=1"


def test_no_certificate_number_without_the_database(catalog: Catalog) -> None:
    store = Store(GONE)
    clerk = auth.Actor(1, "zhang", "张敏", "clerk")
    try:
        with pytest.raises(DatabaseUnavailableError) as caught, store.write() as session:
            issuance.issue(session, clerk, catalog, "SL1", keys.generate())
        assert caught.value.message.startswith("数据库暂不可用，请稍后重试；已输入的内容不会丢失")
        with pytest.raises(DatabaseUnavailableError), store.read() as session:
            session.connection()
    finally:
        store.dispose()
