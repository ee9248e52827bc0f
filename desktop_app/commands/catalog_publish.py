"""``yiye catalog publish``: the catalog, guides and notices as one folder for the portal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app import clock
from desktop_app.commands.output import fail
from desktop_app.services import publishing


def register(catalog: argparse._SubParsersAction[Any]) -> None:
    publish = catalog.add_parser(
        "publish", help="发布目录：各行业办事指南、一次告知单（PDF）和静态网页（一个文件夹）"
    )
    publish.add_argument("--out", type=Path, required=True, metavar="DIR")
    publish.set_defaults(func=_publish)


def _publish(args: argparse.Namespace) -> int:
    from desktop_app.commands.catalog import in_force_or_fail

    catalog, effective_from = in_force_or_fail(args)
    try:
        done = publishing.publish(catalog, effective_from, clock.today(), args.out)
    except publishing.PublishError as exc:
        fail(exc.message)
    print(
        f"已发布目录版本 {catalog.version} 到 {done.folder}："
        f"{done.pages} 个网页、{done.pdfs} 份 PDF；打开 index.html 查看"
    )
    if done.marked:
        print("注意：仍有待主管部门确认的内容，网页和 PDF 上以 ※ 标注（yiye catalog unconfirmed）")
    return 0
