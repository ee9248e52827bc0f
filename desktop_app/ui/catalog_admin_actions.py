"""What the 目录管理 tab may do, as the signed-in administrator: the services, nothing drawn.

Kept out of ``counter.py`` (the other tabs' façade) because the catalog's administration is a
world of its own: versions, confirmations, a draft under edit, exchange and publication.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock, config
from desktop_app.catalog import Catalog, exchange
from desktop_app.catalog.compare import Comparison, compare
from desktop_app.catalog.confirmation import Unconfirmed, confirmed, unconfirmed
from desktop_app.catalog.model import Confirmation
from desktop_app.db import Store
from desktop_app.domain import keys
from desktop_app.printing.confirmation_sheet import confirmation_sheet
from desktop_app.services import catalog_draft_file, catalog_versions, publishing
from desktop_app.services.auth import Actor
from desktop_app.services.catalog_draft_file import SavedCatalogDraft
from desktop_app.services.catalog_versions import CatalogVersionError, VersionInfo
from desktop_app.services.errors import ServiceError
from desktop_app.ui.i18n import tr

Files = dict[str, str]


class ExchangeRefusedError(ServiceError):
    """An export without the issuing key, or an import the signature check refused."""


@dataclass(frozen=True)
class CatalogAdminActions:
    versions: Callable[[], list[VersionInfo]]
    in_force: Callable[[], Catalog]
    values: Callable[[str | None, bool], list[Unconfirmed]]  # (department, confirmed ones)
    confirm: Callable[[Unconfirmed, list[str], Confirmation], VersionInfo]
    sheet: Callable[[str], bytes]  # the department's 核对表 as PDF
    print_pdf: Callable[[bytes, str], str]  # (pdf, subject) → the printer's name
    draft: Callable[[str | None], tuple[str, Files]]  # (label, files) of a version, the newest
    saved_draft: Callable[[], SavedCatalogDraft | None]  # this user's draft left unpublished
    # (based on, its digest, changed files, typed texts)
    keep_draft: Callable[[str, str, Files, Files], None]
    drop_draft: Callable[[], None]
    check: Callable[[Mapping[str, str]], Catalog]
    preview: Callable[[Mapping[str, str], Mapping[str, str]], Comparison]  # (base, edited)
    next_label: Callable[[], str]
    publish: Callable[[Mapping[str, str], dt.date, str, str], VersionInfo]  # (…, based on)
    export: Callable[[Path, str], str]  # (file, note) → the label exported
    read_import: Callable[[Path], tuple[exchange.Package, Comparison]]
    import_version: Callable[[exchange.Package, dt.date, str, str | None], VersionInfo]
    publish_site: Callable[[Path], publishing.Publication]
    departments: dict[str, str]  # code → name


def catalog_admin_actions(
    store: Store, actor: Actor, print_pdf: Callable[[bytes, str], str]
) -> CatalogAdminActions:
    def read_in_force() -> Catalog:
        with store.read() as session:
            return catalog_versions.in_force(session)

    def versions() -> list[VersionInfo]:
        with store.read() as session:
            return catalog_versions.versions(session)

    def values(department: str | None, done: bool) -> list[Unconfirmed]:
        catalog = read_in_force()
        return (confirmed if done else unconfirmed)(catalog, department)

    def confirm(row: Unconfirmed, keys_: list[str], answer: Confirmation) -> VersionInfo:
        with store.write() as session:
            return catalog_versions.confirm_values(
                session, actor, row.permit, row.kind, keys_, answer
            )

    def sheet(department: str) -> bytes:
        catalog = read_in_force()
        rows = unconfirmed(catalog, department)
        if not rows:
            raise CatalogVersionError(
                tr("{department}没有待确认的内容").format(
                    department=catalog.department_name(department)
                )
            )
        return confirmation_sheet(
            catalog.department_name(department),
            catalog.version,
            rows,
            clock.today(),
            catalog.department_name(catalog.counter_department),
        )

    def draft(label: str | None) -> tuple[str, Files]:
        with store.read() as session:
            label = label or catalog_versions.newest_label(session) or ""
            return label, catalog_versions.files_of(session, label)

    def keep_draft(based_on: str, digest: str, changed: Files, typed: Files) -> None:
        if changed or typed:
            catalog_draft_file.save(actor.username, based_on, digest, changed, typed)
        else:
            catalog_draft_file.discard(actor.username)

    def preview(base: Mapping[str, str], files: Mapping[str, str]) -> Comparison:
        return compare(catalog_versions.check(base), catalog_versions.check(files))

    def next_label() -> str:
        with store.read() as session:
            return catalog_versions.next_label(session)

    def publish(
        files: Mapping[str, str], effective_from: dt.date, note: str, based_on: str
    ) -> VersionInfo:
        with store.write() as session:
            return catalog_versions.add_version(
                session, actor, files, effective_from, note, based_on=based_on
            )

    def export(path: Path, note: str) -> str:
        try:
            key = keys.load_private_key(config.signing_key_path())
        except keys.SigningKeyError as exc:
            raise ExchangeRefusedError(
                tr("{reason}（{advice}）").format(
                    reason=exc, advice=catalog_versions.SIGNING_KEY_NEEDED
                )
            ) from None
        with store.read() as session:
            label = catalog_versions.label_in_force(session) or ""
            data = catalog_versions.export_file(
                session, key, config.installation().office_code, note
            )
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise ExchangeRefusedError(
                tr("无法写入 {path}：{reason}").format(path=path, reason=exc.strerror or exc)
            ) from None
        return label

    def read_import(path: Path) -> tuple[exchange.Package, Comparison]:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExchangeRefusedError(
                tr("无法读取 {path}：{reason}").format(path=path, reason=exc.strerror or exc)
            ) from None
        try:
            package = exchange.unpack(data, keys.trusted_keys(config.trusted_key_folders()))
        except exchange.ExchangeError as exc:
            raise ExchangeRefusedError(str(exc)) from None
        with store.read() as session:
            return package, catalog_versions.preview(session, package.files)[1]

    def import_version(
        package: exchange.Package, effective_from: dt.date, note: str, label: str | None
    ) -> VersionInfo:
        with store.write() as session:
            return catalog_versions.import_version(
                session, actor, package, effective_from, note, label
            )

    def publish_site(folder: Path) -> publishing.Publication:
        with store.read() as session:
            catalog, since = catalog_versions.in_force_since(session)
        return publishing.publish(catalog, since, clock.today(), folder)

    with store.read() as session:
        departments = {
            code: d.name for code, d in catalog_versions.in_force(session).departments.items()
        }
    return CatalogAdminActions(
        versions=versions,
        in_force=read_in_force,
        values=values,
        confirm=confirm,
        sheet=sheet,
        print_pdf=print_pdf,
        draft=draft,
        saved_draft=lambda: catalog_draft_file.load(actor.username),
        keep_draft=keep_draft,
        drop_draft=lambda: catalog_draft_file.discard(actor.username),
        check=catalog_versions.check,
        preview=preview,
        next_label=next_label,
        publish=publish,
        export=export,
        read_import=read_import,
        import_version=import_version,
        publish_site=publish_site,
        departments=departments,
    )
