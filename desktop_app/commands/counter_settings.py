"""``yiye settings show``: the settings in force on this PC and where each came from.

For the county's IT after a roll-out: did the installer's machine.ini reach the app, or does a
user's own setting or an environment variable win?
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app import config, machine_settings, settings
from desktop_app.commands.output import print_json
from desktop_app.db import database_setting
from desktop_app.sync.config import platform_url_setting

LABELS = {
    "database_url": "数据库",
    "office_code": "行政区划代码",
    "workstation": "窗口编号",
    "platform_url": "平台地址",
}


def register(commands: argparse._SubParsersAction[Any]) -> None:
    group = commands.add_parser("settings", help="本机生效的设置及其来源").add_subparsers(
        dest="settings_command", required=True
    )
    show = group.add_parser("show", help="列出数据库、窗口编号、平台地址及各自来源")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def in_force(explicit_database: str | None) -> dict[str, machine_settings.Setting]:
    database = database_setting(explicit_database)
    machine = machine_settings.load()
    return {
        "database_url": machine_settings.Setting(_hide_password(database.value), database.source),
        "office_code": config.office_setting(machine),
        "workstation": config.workstation_setting(machine),
        "platform_url": platform_url_setting(settings.load()),
    }


def _show(args: argparse.Namespace) -> int:
    values = in_force(args.database)
    path = machine_settings.machine_settings_path()
    if args.json:
        print_json(
            {
                "machine_settings_file": str(path),
                "machine_settings_file_exists": path.exists(),
                **{key: {"value": s.value, "source": s.source} for key, s in values.items()},
            }
        )
        return 0
    for key, setting in values.items():
        print(f"{LABELS[key]}：{setting.value or '—'}（{setting.source}）")
    print(f"本机设置文件：{path}{'' if path.exists() else '（不存在）'}")
    return 0
