import collections
import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.bootstrap import open_store
from desktop_app.catalog import Catalog
from desktop_app.cli import main
from desktop_app.models import (
    Certificate,
    Draw,
    IssuedNotice,
    ReceivedMaterial,
    VerificationTask,
)
from desktop_app.services import (
    audit,
    audit_anchor,
    cases,
    drafts,
    enforcement,
    inspections,
    issuance,
    supervision,
)


def test_demo_fills_every_state_and_issues_certificates(catalog: Catalog, tmp_path: Path) -> None:
    from desktop_app import demo

    store = open_store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    result = demo.run(store, catalog, count=120)
    assert result.applications >= 100
    assert result.certificates > 0
    with store.read() as session:
        rows = cases.search_applications(session, limit=1000)
        assert audit.verify_chain(session).ok
        assert audit_anchor.check_records(session) == []  # every path leaves its audit entries
        kinds = collections.Counter(session.scalars(select(IssuedNotice.kind)))
        late = session.scalars(
            select(ReceivedMaterial).where(ReceivedMaterial.due_on.is_not(None))
        ).all()
        checks = collections.Counter(session.scalars(select(VerificationTask.state)))
        waiting = drafts.returning(session)
    states = collections.Counter(r.state for r in rows)
    assert {"in_review", "ready_to_issue", "issued", "withdrawn", "terminated"} <= set(states)
    # Every path has something to show: 容缺 in and out, checks, counter notices, refusals.
    assert {m.received_at is None for m in late} == {True, False}
    assert {"passed", "open"} <= set(checks)
    assert {"correction", "refusal", "rejection", "commitment", "termination"} <= set(kinds)
    assert waiting  # applicants still away with a 补正告知书
    assert kinds["correction"] > len(waiting)  # … and some came back and were accepted
    assert any(r.overdue for r in rows)
    assert len({r.industry for r in rows}) == 14
    # 一同核查 at each stage, and one 双随机 draw published and verifiable.
    assert {"inspection_notice", "inspection_record", "rectification"} <= set(kinds)
    with store.read() as session:
        stages = {i.status[:4] for c in inspections.open_cases(session) for i in c.items}
        (draw_id,) = session.scalars(select(Draw.id).where(Draw.published_at.is_not(None)))
        assert supervision.verify(session, draw_id)[0]
        # Its findings reach the certificates: one ordered to rectify, one permit revoked.
        assert {m.kind for m in enforcement.measures(session)} == {"rectify", "revoke"}
        assert enforcement.count_rectifying(session) >= 1
        assert issuance.count_with_revoked_permits(session) >= 1
    assert {"待安排现", "待现场核", "需整改，"} <= stages
    with pytest.raises(demo.DemoRefusedError):
        demo.run(store, catalog, count=5)
    store.dispose()


def test_demo_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli-demo.sqlite3'}"
    old = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        assert main(["--database", url, "demo", "--count", "15"]) == 0
        out = capsys.readouterr().out
        assert "演示用户（密码 Demo2026x）" in out
        again = ["--database", url, "demo", "--count", "5"]
        with pytest.raises(SystemExit) as info:
            main(again)  # the store has an administrator now: only they may add demo data
        assert info.value.code == 2
        assert "须以系统管理员身份操作" in capsys.readouterr().err
        sys.stdin = io.StringIO("Demo2026x\n")
        with pytest.raises(SystemExit) as info:
            main([*again, "--user", "demo_admin", "--password-stdin"])
        assert info.value.code == 2
        assert "--force" in capsys.readouterr().err
    finally:
        sys.stdin = old


def test_demo_certificates_never_verify_as_real_ones(
    catalog: Catalog, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app import config, demo
    from desktop_app.domain import keys

    real = keys.generate()  # this PC is the issuing PC: the demo must not sign with its key
    keys.write_private_key(real, config.signing_key_path())
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    store = open_store(url)
    demo.run(store, catalog, count=40)
    with store.read() as session:
        number = session.scalars(select(Certificate.number)).first()
    store.dispose()
    assert number is not None
    assert not any(p.name.startswith("demo-") for p in config.keys_dir().glob("trusted/*"))
    out_dir = tmp_path / "export"
    assert main(["--database", url, "certificates", "export", number, "--out", str(out_dir)]) == 0
    text = (out_dir / f"{number}.qr.txt").read_text(encoding="ascii").strip()
    capsys.readouterr()
    assert main(["verify", text]) == 1
    assert json.loads(capsys.readouterr().out)["reason"] == "演示证书：由演示数据签发，不具法律效力"
