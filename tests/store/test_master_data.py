"""不再重复提交: values offered from earlier approved applications and the licence lookup."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.catalog import Catalog
from desktop_app.clock import FixedClock
from desktop_app.db import Store
from desktop_app.services import master_data, workflow
from desktop_app.sync.client import PlatformClient, PlatformError
from tests import factories
from tests.platform_server import TOKEN, PlatformServer
from tests.store.conftest import actor, cli_db, run_cli
from tests.store.test_platform_sync import platform
from tests.store.test_workflow import accept, approve

__all__ = ["cli_db", "platform"]  # fixtures
CODE = factories.credit_code(1)


def test_earlier_approved_values_are_offered_with_their_source(
    store: Store, catalog: Catalog, clock: FixedClock
) -> None:
    first = accept(store, catalog, factories.submission(catalog, food_varieties="预包装食品"))
    approve(store, first, "drug_retail")
    with store.write() as session:  # the food registration was refused: its values are not
        reviewer = actor(store, "r_market")
        workflow.take_up(session, reviewer, first, "food_registration")
        workflow.reject(session, reviewer, first, "food_registration", "场所不符合要求")
    clock.move_to(dt.date(2025, 10, 9))
    newer = factories.submission(catalog, contact_name="新联系人")
    second = accept(store, catalog, newer)  # not approved yet: offers nothing
    with store.read() as session:
        prefill = master_data.from_earlier_cases(session, catalog, CODE)
    assert prefill.values["enterprise_name"] == "测试主体名称"
    assert prefill.values["contact_name"] != "新联系人"  # the newer case is not approved
    assert "drug_business_mode" in prefill.values  # the approved permit's own field
    assert "food_varieties" not in prefill.values  # the refused permit's
    assert "area_m2" not in prefill.values  # an answer: asked again with the situation
    assert prefill.sources["enterprise_name"].startswith(f"本窗口办件 {first}（")
    approve(store, second, "drug_retail")
    with store.read() as session:
        newest = master_data.from_earlier_cases(session, catalog, CODE)
        assert (
            master_data.from_earlier_cases(session, catalog, factories.credit_code(9)).values == {}
        )
    assert newest.values["contact_name"] == "新联系人"
    assert newest.sources["contact_name"].startswith(f"本窗口办件 {second}（")


def test_a_licence_fills_the_fields_the_form_has(catalog: Catalog) -> None:
    record = {
        "credit_code": CODE,
        "name": "同心县马记牛肉面馆",
        "type": "个体工商户",
        "legal_rep_name": "马小军",
        "domicile": "同心县豫海镇文化街 12 号",
        "registered_capital": "500000元",
        "business_scope": "餐饮服务",
        "established_on": "2019-05-06",
    }
    prefill = master_data.from_licence(catalog, record, dt.datetime(2026, 11, 30, 2, 0))
    assert prefill.values == {
        "enterprise_name": "同心县马记牛肉面馆",
        "credit_code": CODE,
        "legal_rep_name": "马小军",
        "domicile": "同心县豫海镇文化街 12 号",
        "registered_capital": 50.0,
        "economic_type": "个体工商户",
    }
    assert set(prefill.sources.values()) == {"区域平台营业执照信息（2026-11-30 10:00 查询）"}
    odd = master_data.from_licence(
        catalog, {**record, "type": "特殊类型", "registered_capital": "若干"}
    )
    assert "economic_type" not in odd.values
    assert "registered_capital" not in odd.values


def test_the_lookup_over_loopback_answers_none_or_fails_cleanly(platform: PlatformServer) -> None:
    client = PlatformClient(platform.url, TOKEN, timeout=0.5)
    assert client.enterprise(CODE) is None
    platform.register_enterprise({"credit_code": CODE, "name": "店"})
    assert client.enterprise(CODE) == {"credit_code": CODE, "name": "店"}
    platform.faults.delay_lookups = 1
    platform.faults.delay = 1.0
    with pytest.raises(PlatformError, match="无法连接平台"):
        client.enterprise(CODE)


def test_the_enterprise_commands(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    platform: PlatformServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run_cli(capsys, "--database", cli_db, "enterprises", "show", "123")
    assert (code, err.count("\n")) == (2, 1)
    assert "统一社会信用代码有误" in err
    code, _, err = run_cli(capsys, "--database", cli_db, "enterprises", "show", CODE)
    assert (code, err) == (2, f"yiye：本系统中没有统一社会信用代码为 {CODE} 的主体\n")
    monkeypatch.setenv("YIYE_PLATFORM_URL", platform.url)
    monkeypatch.setenv("YIYE_PLATFORM_TOKEN", TOKEN)
    platform.register_enterprise({"credit_code": CODE, "name": "同心县便利店", "type": "其他"})
    code, out, _ = run_cli(capsys, "--database", cli_db, "enterprises", "lookup", CODE, "--json")
    shown = json.loads(out)
    assert code == 0
    assert shown["prefill"]["enterprise_name"]["value"] == "同心县便利店"
    assert shown["prefill"]["economic_type"]["value"] == "其他"
    platform.stop()
    code, _, err = run_cli(capsys, "--database", cli_db, "enterprises", "lookup", CODE)
    assert code == 1
    # (the test server's thread may have written its own noise to stderr before)
    assert err.splitlines()[-1].startswith("yiye：平台查询失败：无法连接平台")
