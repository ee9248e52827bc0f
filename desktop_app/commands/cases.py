"""``yiye cases`` and ``yiye items``: acceptance and decisions from files and the command line.

For batch entry after an outage, migration from an older system, and departments that still
decide on paper: the same services, the same checks and the same audit as the counter screens.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.catalog import Catalog
from desktop_app.commands import attachments, case_steps, identity
from desktop_app.commands.catalog import load_or_fail
from desktop_app.commands.output import fail, iso_date, print_json
from desktop_app.commands.store import open_or_fail, transaction
from desktop_app.domain import json_guard
from desktop_app.domain.states import ApplicationKind, ApplicationState, ItemState
from desktop_app.services import auth, cases, intake, lifecycle, workflow
from desktop_app.services.errors import (
    NotFoundError,
    ServiceError,
    SubmissionError,
    WorkflowError,
)
from desktop_app.sync.config import platform_departments

MAX_CASE_FILE = 64 * 1024 * 1024  # some ten thousand applications
SUBMISSION_KEYS = {
    "industry",
    "answers",
    "form",
    "materials",
    "commitments",
    "agent",
    "kind",
    "client_ref",
}
# After issue the certificate names the industry; these say what the application asks of it.
AFTER_ISSUE_KEYS = (SUBMISSION_KEYS - {"industry"}) | {"certificate", "permits", "reason"}


def register(commands: argparse._SubParsersAction[Any]) -> None:
    case_parser = commands.add_parser("cases", help="办件").add_subparsers(
        dest="cases_command", required=True
    )
    accept = case_parser.add_parser("accept", help="受理 JSON 文件中的一件或多件申请")
    accept.add_argument("file", type=Path)
    identity.add_arguments(accept, "受理人")
    accept.add_argument("--no-dispatch", action="store_true", help="受理后暂不分送部门")
    accept.set_defaults(func=_accept)
    show = case_parser.add_parser("show", help="查看一件办件")
    show.add_argument("number")
    show.add_argument(
        "--for-department", metavar="CODE", help="连同该部门审批所需的表单内容和材料（证件号遮蔽）"
    )
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)
    listing = case_parser.add_parser("list", help="列出办件")
    listing.add_argument("--state", choices=[s.value for s in ApplicationState])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    case_steps.register(case_parser)
    attachments.register(case_parser)

    items = commands.add_parser("items", help="事项").add_subparsers(
        dest="items_command", required=True
    )
    decide = items.add_parser("decide", help="登记部门的审批决定（纸质决定补录）")
    decide.add_argument("number")
    decide.add_argument("permit")
    identity.add_arguments(decide, "该事项审批部门的审批人员")
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true")
    choice.add_argument("--reject", metavar="REASON")
    choice.add_argument("--correction", metavar="REASON")
    decide.add_argument("--permit-no")
    decide.add_argument("--valid-from", type=iso_date)
    decide.add_argument("--valid-to", type=iso_date)
    decide.set_defaults(func=_decide)


def submission_from_json(data: Any) -> intake.Submission | lifecycle.Request:
    """One JSON object as a new application or one on an issued certificate (by ``kind``).

    Raises SubmissionError on a malformed one, naming each key that is wrong.
    """
    if not isinstance(data, dict):
        raise SubmissionError({"file": "每件申请应为 JSON 对象"})
    kind = data.get("kind", "new")
    if not isinstance(kind, str) or kind not in {k.value for k in ApplicationKind}:
        known = "、".join(k.value for k in ApplicationKind)
        raise SubmissionError({"kind": f"未知的申请类型“{str(kind)[:40]}”（可用：{known}）"})
    after_issue = kind != ApplicationKind.NEW
    allowed = AFTER_ISSUE_KEYS if after_issue else SUBMISSION_KEYS
    unknown = set(data) - allowed
    if unknown:
        if after_issue and "industry" in unknown:
            raise SubmissionError({"industry": "持证后的申请由证书确定行业，请删除 industry"})
        raise SubmissionError({k: f"未知的键“{k}”" for k in sorted(unknown)})
    errors = {}
    for key, shape in (("answers", dict), ("form", dict), ("materials", dict)):
        if not isinstance(data.get(key, {}), shape):
            errors[key] = f"“{key}”应为 JSON 对象"
    if after_issue:
        if not isinstance(data.get("certificate"), str) or not data["certificate"].strip():
            errors["certificate"] = "缺少证书编号（certificate）"
        if not _strings(data.get("permits", [])):
            errors["permits"] = "“permits”应为许可证代码的列表"
        if not isinstance(data.get("reason", ""), str):
            errors["reason"] = "“reason”应为文字"
    elif not isinstance(data.get("industry"), str):
        errors["industry"] = "缺少行业（industry）"
    commitments = data.get("commitments", [])
    if not _strings(commitments):
        errors["commitments"] = "“commitments”应为许可证代码的列表"
    agent = data.get("agent")
    if agent is not None and not (
        isinstance(agent, dict)
        and isinstance(agent.get("name"), str)
        and isinstance(agent.get("id_number"), str)
        and isinstance(agent.get("phone", ""), str | None)
    ):
        errors["agent"] = '“agent”应为 {"name", "id_number", "phone"}，各为文字'
    client_ref = data.get("client_ref")
    if client_ref is not None and not isinstance(client_ref, str):
        errors["client_ref"] = "“client_ref”应为文字（发送方自己的编号）"
    materials = data.get("materials", {})
    if isinstance(materials, dict) and not all(isinstance(v, str) for v in materials.values()):
        errors["materials"] = "材料的收取方式应为字符串"
    if errors:
        raise SubmissionError(errors)
    agent_info = (
        intake.AgentInfo(agent["name"], agent["id_number"], agent.get("phone")) if agent else None
    )
    if after_issue:
        return lifecycle.Request(
            kind=ApplicationKind(kind),
            certificate=data["certificate"].strip(),
            form=data.get("form", {}),
            answers=data.get("answers"),
            permits=tuple(data.get("permits", [])),
            materials=materials,
            reason=data.get("reason"),
            agent=agent_info,
            commitments=tuple(commitments),
            client_ref=client_ref,
        )
    return intake.Submission(
        industry=data["industry"],
        answers=data.get("answers", {}),
        form=data.get("form", {}),
        materials=materials,
        commitments=tuple(commitments),
        agent=agent_info,
        kind=ApplicationKind(kind),
        client_ref=client_ref,
    )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _accept_one(
    session: Session, actor: auth.Actor, catalog: Catalog, entry: Any
) -> tuple[intake.Receipt, list[str]]:
    """Accepts one entry; returns its receipt and what the clerk must tell the applicant."""
    request = submission_from_json(entry)
    if isinstance(request, intake.Submission):
        return intake.accept(session, actor, catalog, request), []
    try:
        held = lifecycle.held(session, catalog, request.certificate)
    except (NotFoundError, WorkflowError) as exc:
        raise SubmissionError({"certificate": exc.message}) from None
    warnings = lifecycle.plan(catalog, held, request).warnings()
    return lifecycle.accept(session, actor, catalog, request), warnings


def _accept(args: argparse.Namespace) -> int:
    try:
        with args.file.open("rb") as file:
            text = file.read(MAX_CASE_FILE + 1).decode("utf-8-sig")  # Notepad writes a BOM
        data = json_guard.loads(text, MAX_CASE_FILE)
    except OSError as exc:
        fail(f"无法读取 {args.file}：{exc.strerror or exc}")
    except UnicodeDecodeError:
        fail(f"{args.file} 不是 UTF-8 文本")
    except json_guard.JsonShapeError as exc:
        fail(f"{args.file} 有误：{exc}")
    entries = data if isinstance(data, list) else [data]
    catalog = load_or_fail(args)
    actor = identity.signed_in(args)
    store = open_or_fail(args, write=True)
    results: list[dict[str, Any]] = []
    try:
        on_platform = platform_departments(catalog.departments)
        for index, entry in enumerate(entries, start=1):
            # Each application in its own transaction: a bad one stores nothing and stops no other.
            try:
                with store.write() as session:
                    receipt, warnings = _accept_one(session, actor, catalog, entry)
                    if receipt.items and not args.no_dispatch:
                        workflow.dispatch(
                            session, actor, receipt.number, platform_departments=on_platform
                        )
                result: dict[str, Any] = {"number": receipt.number, "kind": receipt.kind}
                if receipt.certificate_number:
                    result["certificate"] = receipt.certificate_number
                    result["items"] = {i.permit: i.kind for i in receipt.items}
                if warnings:
                    result["warnings"] = warnings
                results.append(result)
                # Said as each one commits: a batch cut short still tells what it stored.
                print(f"yiye：第 {index} 件已受理 {receipt.number}", file=sys.stderr, flush=True)
                for warning in warnings:
                    print(f"yiye：{receipt.number}：{warning}", file=sys.stderr, flush=True)
            except intake.AlreadyAcceptedError as exc:
                results.append({"number": exc.number, "duplicate": True})
            except SubmissionError as exc:
                results.append({"errors": exc.errors})
    except ServiceError as exc:
        fail(exc.message)
    finally:
        store.dispose()
    print_json(results if isinstance(data, list) else results[0])
    refused = sum("number" not in r for r in results)
    if refused:  # the others are accepted; each refusal's reasons are in the JSON
        fail(f"{refused} 件申请未受理（原因见输出的 errors）")
    return 0


def application_json(view: cases.ApplicationView) -> dict[str, Any]:
    """The ``cases show --json`` shape (a contract that scripts rely on)."""
    e = view.enterprise
    return {
        "number": view.number,
        "industry": view.industry,
        "kind": view.kind,
        "certificate": view.certificate_number,
        "changes": list(view.changes),
        "reason": view.reason,
        "state": view.state,
        "catalog_version": view.catalog_version,
        "accepted_on": view.accepted_on,
        "version": view.version,
        "enterprise": {
            "name": e.name,
            "credit_code": e.credit_code,
            "legal_rep_name": e.legal_rep_name,
            "legal_rep_id": e.legal_rep_id_masked,
            "address": e.address,
        },
        "agent": None
        if view.agent is None
        else {
            "name": view.agent.name,
            "id_number": view.agent.id_number_masked,
            "phone": view.agent.phone_masked,
        },
        "items": [
            {
                "permit": i.permit,
                "kind": i.kind,
                "department": i.department,
                "state": i.state,
                "mode": i.mode,
                "due": i.due,
                "statutory_due": i.statutory_due,
                # A date over a year whose holidays are not imported yet (weekends only).
                "provisional": i.due_provisional or i.statutory_provisional,
                "optional": i.optional,
                "dropped": i.dropped,
                "permit_no": i.permit_no,
                "valid_from": i.valid_from,
                "valid_to": i.valid_to,
            }
            for i in view.items
        ],
    }


def _show(args: argparse.Namespace) -> int:
    catalog = load_or_fail(args) if args.for_department else None
    with transaction(args, write=False) as session:
        view = cases.get_application(session, args.number)
        department = (
            cases.department_view(session, catalog, args.number, args.for_department)
            if catalog is not None
            else None
        )
    if args.json:
        shown = application_json(view)
        if department is not None:
            shown["form"] = department.form()
            shown["materials"] = [
                {
                    "key": m.key,
                    "name": m.name,
                    "permits": list(m.permits),
                    "how": m.how,
                    "due_on": m.due_on,
                    "received_at": m.received_at,
                }
                for m in department.materials
            ]
        print_json(shown)
        return 0
    print(f"{view.number}  {view.industry}  {view.state}  {view.enterprise.name}")
    for i in view.items:
        print(f"  - {i.permit}  {i.department}  {i.state}  期限 {i.due.isoformat()}")
    if department is not None:
        for section in department.sections:
            print(f"【{section.title}】")
            for _, label, value in section.rows:
                print(f"  {label}：{value}")
        for m in department.materials:
            print(f"  材料 {m.name}：{m.how}")
    return 0


def _list(args: argparse.Namespace) -> int:
    with transaction(args, write=False) as session:
        rows = cases.search_applications(session, state=args.state)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "industry": r.industry,
                    "state": r.state,
                    "enterprise": r.enterprise_name,
                    "credit_code": r.credit_code,
                    "accepted_on": r.accepted_on,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(f"{r.number}\t{r.state}\t{r.industry}\t{r.enterprise_name}")
    return 0


def _decide(args: argparse.Namespace) -> int:
    if args.approve and (not args.permit_no or not args.valid_from):
        fail("准予许可须同时给出 --permit-no 和 --valid-from（有效期截止日 --valid-to 可选）")
    actor = identity.signed_in(args)
    with transaction(args) as session:
        _record_decision(session, actor, args)
    print(f"已登记 {args.number} {args.permit} 的审批决定")
    return 0


def _record_decision(session: Session, actor: auth.Actor, args: argparse.Namespace) -> None:
    view = cases.get_application(session, args.number)
    item = next((i for i in view.items if i.permit == args.permit), None)
    if item is not None and item.state == ItemState.PENDING:
        # A paper decision implies the department took the item up.
        workflow.take_up(session, actor, args.number, args.permit)
    if args.approve:
        workflow.approve(
            session, actor, args.number, args.permit, args.permit_no, args.valid_from, args.valid_to
        )
    elif args.reject is not None:
        workflow.reject(session, actor, args.number, args.permit, args.reject)
    else:
        workflow.request_correction(session, actor, args.number, args.permit, args.correction)
