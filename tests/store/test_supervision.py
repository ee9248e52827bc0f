"""双随机、一公开 over the real registry: kept, verifiable from what is stored, results, 公示."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.domain import keys, random_draw
from desktop_app.domain.cose import PrivateKey
from desktop_app.models import Certificate, DrawTarget
from desktop_app.services import auth, credit, supervision
from desktop_app.services.errors import ServiceError
from tests import factories
from tests.store.conftest import PASSWORD, actor, run_cli
from tests.store.test_issuance import issue, ready_application

SEED = "2025-10-10 同心县市场监管局双随机抽查公告〔2025〕3号"
EVERY = dict.fromkeys("ABCD", 0.5)
HOLDERS = 10


@pytest.fixture(scope="module")
def key() -> PrivateKey:
    return keys.generate()


def hall(store: Store, catalog: Catalog, key: PrivateKey, count: int = HOLDERS) -> list[str]:
    """``count`` 便利店 holding a certificate, three market inspectors, a class set by hand."""
    with store.write() as session:
        for n in range(1, 4):
            auth.add_user(session, auth.SYSTEM, f"i_market{n}", PASSWORD, "inspector", "market")
    for serial in range(1, count + 1):
        issue(store, catalog, ready_application(store, catalog, serial), key)
    codes = [factories.credit_code(serial) for serial in range(1, count + 1)]
    with store.write() as session:
        credit.set_class(session, actor(store, "boss"), codes[0], "D", "连续两年抽查发现问题")
        supervision.add_conflict(
            session, actor(store, "boss"), "i_market1", codes[1], "检查人员系其法定代表人近亲属"
        )
    return codes


def draw(store: Store, catalog: Catalog, seed: str = SEED) -> supervision.DrawView:
    with store.write() as session:
        return supervision.draw(
            session, actor(store, "boss"), catalog, ["market"], [], EVERY, seed, 1
        )


def test_a_draw_is_the_documented_function_of_its_inputs_and_verifies(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    codes = hall(store, catalog, key)
    shown = draw(store, catalog)
    # Anyone with the published inputs gets the same draw, on any database and machine.
    with store.read() as session:
        entries = supervision.registry(session, ["market"])
    assert [e.credit_code for e in entries] == sorted(codes)
    assert {e.credit_code: e.credit_class for e in entries}[codes[0]] == "D"
    expected = random_draw.draw(
        SEED,
        [random_draw.Target(e.credit_code, e.credit_class) for e in entries],
        EVERY,
        ["market"],
        [
            *(random_draw.Inspector(f"i_market{n}", "market") for n in range(1, 4)),
            random_draw.Inspector("insp_market", "market"),  # the template store's inspector
        ],
        1,
        [("i_market1", codes[1])],
    )
    assert [(t.credit_code, t.inspectors) for t in shown.targets] == [
        (d.credit_code, d.inspectors) for d in expected
    ]
    conflicted = [t for t in shown.targets if t.credit_code == codes[1]]
    assert all(name != "i_market1" for t in conflicted for _, name in t.inspectors)
    with store.read() as session:
        assert supervision.verify(session, shown.id)[0]
    with store.write() as session:  # a stored result altered afterwards is caught
        target = session.scalars(select(DrawTarget).where(DrawTarget.draw_id == shown.id)).first()
        assert target is not None
        target.inspectors = [["market", "i_market9"]]
    with store.read() as session:
        same, message = supervision.verify(session, shown.id)
    assert not same
    assert "第 1 个" in message


def test_results_reach_the_credit_class_and_the_registry_follows_the_certificates(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    codes = hall(store, catalog, key)
    shown = draw(store, catalog)
    found, clean = shown.targets[0], shown.targets[1]
    inspector = found.inspectors[0][1]
    with store.write() as session:
        supervision.record(
            session, actor(store, inspector), shown.id, found.credit_code, "problem", "超范围经营"
        )
        supervision.record(session, actor(store, "boss"), shown.id, clean.credit_code, "ok")
        with pytest.raises(ServiceError, match="须写明问题"):
            supervision.record(
                session, actor(store, "boss"), shown.id, clean.credit_code, "problem"
            )
    with store.read() as session:
        classes = credit.classes_of(session, [found.credit_code, clean.credit_code])
    manual = found.credit_code == codes[0]
    assert classes[found.credit_code] == ("D" if manual else "C")
    assert classes[clean.credit_code] == ("D" if clean.credit_code == codes[0] else "A")
    # The registry is the certificates as they stand: one cancelled leaves it at once.
    with store.write() as session:
        session.execute(
            update(Certificate).where(Certificate.holder_uscc == codes[2]).values(state="cancelled")
        )
    with store.read() as session:
        left = [e.credit_code for e in supervision.registry(session, ["market"])]
    assert len(left) == HOLDERS - 1
    assert codes[2] not in left
    assert [t.credit_code for t in draw(store, catalog).targets] != [
        t.credit_code for t in shown.targets
    ]


def test_the_command_line_draws_verifies_records_and_publishes(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    key: PrivateKey,
    tmp_path: Path,
) -> None:
    store = open_store(cli_db)
    hall(store, catalog, key, 4)
    store.dispose()
    base = ("--database", cli_db, "supervision")
    code, _, err = run_cli(
        capsys,
        *base,
        "draw",
        "--departments",
        "market",
        "--ratio",
        "A=2",
        "--seed",
        SEED,
        "--user",
        "boss",
    )
    assert code == 2
    assert "A=2" in err
    code, out, err = run_cli(
        capsys,
        *base,
        "draw",
        "--departments",
        "market",
        "--ratio",
        "A=1,B=1,C=1,D=1",
        "--seed",
        SEED,
        "--json",
        "--user",
        "boss",
    )
    assert code == 0, err
    drawn = json.loads(out)
    assert len(drawn["targets"]) == 4
    draw_id = drawn["draw_id"]
    code, out, _ = run_cli(capsys, *base, "verify-draw", str(draw_id))
    assert code == 0
    assert "复核一致" in out
    first = drawn["targets"][0]
    code, out, err = run_cli(
        capsys,
        *base,
        "record",
        str(draw_id),
        first["credit_code"],
        "--problem",
        "未公示许可证",
        "--user",
        first["inspectors"][0]["inspector"],
    )
    assert code == 0, err
    sheet = tmp_path / "公示.xlsx"
    code, out, err = run_cli(
        capsys, *base, "publish", str(draw_id), "--out", str(sheet), "--user", "boss"
    )
    assert code == 0, err
    printable = tmp_path / "公示.pdf"
    code, out, err = run_cli(
        capsys, *base, "publish", str(draw_id), "--out", str(printable), "--user", "boss"
    )
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(printable), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "双随机抽查结果公示" in text
    assert first["credit_code"] in text
    assert "未公示许可证" in text
    code, _, err = run_cli(
        capsys, *base, "publish", str(draw_id), "--out", str(tmp_path / "x.txt"), "--user", "boss"
    )
    assert code == 2
    assert ".xlsx 或 .pdf" in err
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("序号", "主体名称", "统一社会信用代码")
    assert rows[2][2] == first["credit_code"]
    assert rows[2][4:] == ("发现问题", "未公示许可证")
    code, out, _ = run_cli(
        capsys, "--database", cli_db, "enterprises", "show", first["credit_code"], "--json"
    )
    assert code == 0
    assert json.loads(out)["credit_class"] in ("C", "D")
    code, _, err = run_cli(capsys, *base, "verify-draw", "999")
    assert code == 2
    assert "999" in err


def test_the_classes_of_a_whole_registry_are_read_without_a_giant_in_list(
    store: Store, catalog: Catalog, key: PrivateKey
) -> None:
    """100,000 holders would pass SQLite's 32,766 parameters: above the limit all is read."""
    codes = hall(store, catalog, key, 2)
    many = [factories.credit_code(n) for n in range(10, 40_010)] + codes
    with store.read() as session:
        classes = credit.classes_of(session, many)
    assert len(classes) == len(many)
    assert classes[codes[0]] == "D"  # set by hand in hall()
    assert set(classes.values()) == {"B", "D"}
