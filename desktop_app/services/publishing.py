"""Publishes the catalog for the county's portal (plan 五(三)): one folder, no server needed.

Every industry's 办事指南 and 一次告知单 as PDF, and static HTML pages with the catalog, each
guide, its flowchart and its material list. The folder is made fresh each time (a file of an
industry since removed must not stay online); a folder that holds anything but an earlier
publication is refused, so a wrong path never loses someone's files.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop_app.catalog.guide import build_guide
from desktop_app.catalog.model import Catalog
from desktop_app.paths import FONTS_DIR
from desktop_app.printing import guide as guide_pdf
from desktop_app.printing import notice_sheet, site_pages
from desktop_app.services.errors import ServiceError

MANIFEST = "yiye-publication.txt"  # marks a folder as ours to replace


class PublishError(ServiceError):
    """The folder cannot be written; the message says which and why."""


@dataclass(frozen=True)
class Publication:
    folder: Path
    pages: int
    pdfs: int
    marked: bool  # some value shown still waits for its department's confirmation


def _prepare(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise PublishError(f"{folder} 不是文件夹")
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / MANIFEST).is_file():
            raise PublishError(f"{folder} 中已有其他文件；请指定空文件夹或上次发布的文件夹")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)


def publish(
    catalog: Catalog, effective_from: dt.date | None, today: dt.date, folder: Path
) -> Publication:
    """Writes the folder; ``effective_from`` None for the version shipped with the program."""
    guides = [build_guide(catalog, industry) for industry in catalog.industries]
    names = {code: p.name for code, p in catalog.permits.items()}
    texts = {
        "index.html": site_pages.index_page(catalog, guides, effective_from, today),
        "permits.html": site_pages.permits_page(catalog),
        site_pages.STYLESHEET: site_pages.stylesheet(),
    }
    for guide in guides:
        texts[site_pages.guide_page(guide.industry)] = site_pages.guide_html(catalog, guide)
    pdfs = {}
    for guide in guides:
        pdfs[site_pages.guide_pdf(guide.industry)] = guide_pdf.render(guide, names)
        pdfs[site_pages.notice_pdf(guide.industry)] = notice_sheet.render(guide.bundle, names)
    font = FONTS_DIR / Path(site_pages.FONT_FILE).name
    manifest = [
        f"{catalog.title}",
        f"目录版本 {catalog.version}（自 {effective_from or '程序发布'} 起执行），发布于 {today}",
        *sorted([*texts, *pdfs, site_pages.FONT_FILE]),
    ]
    try:
        _prepare(folder)
        for name, text in texts.items():
            _write(folder / name, text.encode("utf-8"))
        for name, data in pdfs.items():
            _write(folder / name, data)
        _write(folder / site_pages.FONT_FILE, font.read_bytes())
        licence = font.with_name(f"{font.stem}.LICENSE.txt")
        _write(folder / "fonts" / licence.name, licence.read_bytes())
        _write(folder / MANIFEST, ("\n".join(manifest) + "\n").encode("utf-8"))
    except OSError as exc:
        raise PublishError(f"无法写入 {folder}：{exc.strerror or exc}") from None
    marked = any(g.footnote for g in guides)
    return Publication(folder, len(texts) - 1, len(pdfs), marked)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
