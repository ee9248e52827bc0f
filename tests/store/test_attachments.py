"""Scans of a case's materials (stored once per content) and materials checked at the window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop_app.catalog import Catalog
from desktop_app.db import Store
from desktop_app.models import AuditEntry, StoredFile
from desktop_app.services import attachments, deferred
from desktop_app.services.errors import NotFoundError, PermissionDeniedError, WorkflowError
from tests import sample_scans
from tests.store.conftest import actor
from tests.store.test_cli_case_steps import deferred_case as cli_case
from tests.store.test_cli_case_steps import yiye
from tests.store.test_workflow import accept

MATERIAL = "site_plan"


def test_a_file_is_stored_once_however_many_cases_attach_it(store: Store, catalog: Catalog) -> None:
    first, second = accept(store, catalog), accept(store, catalog)
    clerk = actor(store, "clerk")
    scan = sample_scans.pdf()
    with store.write() as session:
        one = attachments.attach(session, clerk, first, MATERIAL, scan, "平面图.pdf")
        again = attachments.attach(session, clerk, first, MATERIAL, scan, "平面图-再次.pdf")
        attachments.attach(session, clerk, second, MATERIAL, scan, "平面图.pdf", "camera")
        attachments.attach(session, clerk, first, MATERIAL, sample_scans.png(), "第二页.png")
    assert again == one  # the same file on the same material: nothing new
    assert (one.name, one.content_type, one.source, one.attached_by) == (
        "平面图.pdf",
        "application/pdf",
        "file",
        "clerk",
    )
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(StoredFile)) == 2
        listed = attachments.of_case(session, first)
        assert [(a.name, a.content_type) for a in listed] == [
            ("平面图.pdf", "application/pdf"),
            ("第二页.png", "image/png"),
        ]
        assert [a.source for a in attachments.of_case(session, second)] == ["camera"]
        assert attachments.file_bytes(session, one.sha256) == (scan, "application/pdf")
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "material.attach")
        ).all()
        assert len(actions) == 3


def test_a_stored_file_that_no_longer_matches_its_hash_is_not_shown(
    store: Store, catalog: Catalog
) -> None:
    number = accept(store, catalog)
    with store.write() as session:
        sha = attachments.attach(
            session, actor(store, "clerk"), number, MATERIAL, sample_scans.jpeg(), "a.jpg"
        ).sha256
        session.execute(update(StoredFile).values(data=sample_scans.jpeg("black")))
    with pytest.raises(attachments.DamagedFileError, match="已损坏"), store.read() as session:
        attachments.file_bytes(session, sha)


@pytest.mark.parametrize(
    ("who", "material", "data", "error", "message"),
    [
        ("r_market", MATERIAL, sample_scans.pdf(), PermissionDeniedError, "窗口受理人员"),
        ("clerk", "no_such", sample_scans.pdf(), NotFoundError, "没有材料“no_such”"),
        ("clerk", MATERIAL, b"MZ" + bytes(100), attachments.AttachmentRefusedError, "scan.pdf："),
        ("clerk", MATERIAL, sample_scans.png()[:-30], attachments.AttachmentRefusedError, "截断"),
    ],
)
def test_attaching_is_refused_with_the_reason(
    store: Store,
    catalog: Catalog,
    who: str,
    material: str,
    data: bytes,
    error: type[Exception],
    message: str,
) -> None:
    number = accept(store, catalog)
    with pytest.raises(error, match=message), store.write() as session:
        attachments.attach(session, actor(store, who), number, material, data, "scan.pdf")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_a_closed_case_takes_no_more_files(store: Store, catalog: Catalog) -> None:
    number = accept(store, catalog)
    with store.write() as session:
        deferred.terminate(session, actor(store, "boss"), catalog, number, "申请人撤回")
    with pytest.raises(WorkflowError, match="已办结"), store.write() as session:
        attachments.attach(
            session, actor(store, "clerk"), number, MATERIAL, sample_scans.pdf(), "a.pdf"
        )


def test_a_window_check_records_source_number_clerk_and_time(
    store: Store, catalog: Catalog
) -> None:
    number = accept(store, catalog)
    with store.write() as session:
        attachments.record_check(
            session, actor(store, "clerk"), catalog, number, MATERIAL, "住建部门档案", "TX-2025-001"
        )
        checked = attachments.record_check(
            session, actor(store, "boss"), catalog, number, MATERIAL, "住建部门档案", "TX-2025-002"
        )
    assert (checked.document_no, checked.checked_by) == ("TX-2025-002", "boss")
    with store.read() as session:
        (only,) = attachments.checks_of_case(session, number)
    assert (only.source, only.document_no, only.checked_by) == (
        "住建部门档案",
        "TX-2025-002",
        "boss",
    )
    with pytest.raises(WorkflowError, match="核验来源和证照编号"), store.write() as session:
        attachments.record_check(
            session, actor(store, "clerk"), catalog, number, MATERIAL, " ", "X"
        )


def test_attach_and_list_from_the_command_line(
    capsys: pytest.CaptureFixture[str], cli_db: str, catalog: Catalog, tmp_path: Path
) -> None:
    folder = tmp_path
    number = cli_case(cli_db, catalog)
    scan = folder / "营业执照.png"
    scan.write_bytes(sample_scans.png())
    code, out, err = yiye(
        capsys, cli_db, "cases", "attach", number, MATERIAL, str(scan), "--user", "clerk"
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"已为 {number} 的材料 {MATERIAL} 添加 营业执照.png（0.0 MB，sha256 ")
    check = ("cases", "check", number, MATERIAL, "--source", "档案", "--document-no", "N-1")
    assert yiye(capsys, cli_db, *check, "--user", "clerk")[0] == 0
    code, out, _ = yiye(capsys, cli_db, "cases", "attachments", number, "--json")
    shown = json.loads(out)
    assert [(f["name"], f["content_type"], f["attached_by"]) for f in shown["files"]] == [
        ("营业执照.png", "image/png", "clerk")
    ]
    assert [(c["source"], c["document_no"]) for c in shown["checks"]] == [("档案", "N-1")]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"MZ\x90\x00" + bytes(500),
            "营业执照.pdf",
            "营业执照.pdf：按文件内容判断不是 PDF、JPEG 或 PNG",
        ),
        (sample_scans.jpeg()[:300], "scan.jpg", "scan.jpg：JPEG 图像不完整（文件被截断）"),
        (None, "missing.pdf", "找不到文件"),
    ],
)
def test_a_bad_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    cli_db: str,
    catalog: Catalog,
    tmp_path: Path,
    content: bytes | None,
    name: str,
    message: str,
) -> None:
    number = cli_case(cli_db, catalog)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = yiye(
        capsys, cli_db, "cases", "attach", number, MATERIAL, str(path), "--user", "clerk"
    )
    assert (code, out) == (2, "")
    assert err.startswith("yiye：")
    assert message in err
    assert err.count("\n") == 1
