"""The reviewer's view of one item: the form as filed (their part), materials, modes, history."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from desktop_app.catalog import Catalog
from desktop_app.domain.file_kinds import megabytes
from desktop_app.domain.states import ITEM_KIND_NAMES, ITEM_MODE_NAMES, ITEM_STATE_NAMES, ItemState
from desktop_app.services.cases import QueueRow
from desktop_app.ui.history_text import history_line
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import ALARM, local_minutes

if TYPE_CHECKING:
    from desktop_app.ui.review_tab import ReviewDetail


def _how() -> dict[str, str]:
    return {
        "paper": tr("纸质"),
        "scan": tr("扫描件"),
        "electronic": tr("电子证照"),
        "deferred": tr("容缺，尚未补交"),
        "checked": tr("窗口核验"),
        "reused": tr("沿用已有材料"),
    }


SCAN_SCHEME = "scan"  # scan:<sha256> opens a stored file in the reviewer's tab


def _e(text: object) -> str:
    return html.escape(str(text))


def _evidence(detail: ReviewDetail, key: str) -> str:
    """A material's scans as links, and what the window checked instead of taking a copy."""
    links = [
        f"<a href='{SCAN_SCHEME}:{f.sha256}'>{_e(f.name)}</a>"
        + _e(tr("（{size}）").format(size=megabytes(f.size)))
        for f in detail.files
        if f.material_key == key
    ]
    checks = [
        _e(
            tr("窗口核验：{source} {no}（{who}，{at}）").format(
                source=c.source, no=c.document_no, who=c.checked_by, at=local_minutes(c.checked_at)
            )
        )
        for c in detail.checks
        if c.material_key == key
    ]
    return "<br>".join(links + checks)


def review_html(detail: ReviewDetail, row: QueueRow, catalog: Catalog) -> str:
    """One page of HTML: what the department needs to decide, and nothing of other permits."""
    parts = [
        "<h3>{}</h3>".format(
            _e(
                tr("{number}　{name}　{permit}").format(
                    number=row.number,
                    name=row.enterprise_name,
                    permit=catalog.permits[row.permit].display_name(row.variant),
                )
            )
        ),
        "<p>{}</p>".format(
            _e(
                tr("办理类型：{kind}　办理方式：{mode}　状态：{state}").format(
                    kind=tr(ITEM_KIND_NAMES.get(row.kind, row.kind)),
                    mode=tr(ITEM_MODE_NAMES.get(row.mode, row.mode)),
                    state=tr(ITEM_STATE_NAMES[ItemState(row.state)]),
                )
            )
        ),
    ]
    if row.kind != "new":
        until = row.valid_to.isoformat() if row.valid_to else tr("长期")
        parts.append(
            "<p>{}</p>".format(
                _e(
                    tr("证书现载：许可证编号 {no}，有效期至 {until}").format(
                        no=row.permit_no or "", until=until
                    )
                )
            )
        )
    if row.mode == "commitment":
        parts.append(
            "<p>{}</p>".format(_e(tr("告知承诺：申请人已签署告知承诺书，可先行准予，60日内核查。")))
        )
    waiting = [d for d in detail.deferred if d.received_at is None]
    if waiting:
        late = tr("、").join(
            tr("{name}（{due}）").format(name=d.name, due=d.due_on.isoformat()) for d in waiting
        )
        parts.append(
            f"<p style='color:{ALARM}'>"
            + _e(tr("容缺材料尚未补齐：{names}；补齐前不能准予。").format(names=late))
            + "</p>"
        )
    for section in detail.view.sections:
        rows = "".join(
            f"<tr><td style='padding-right:12px'>{_e(label)}</td><td>{_e(value)}</td></tr>"
            for _, label, value in section.rows
        )
        parts.append(f"<h4>{_e(section.title)}</h4><table>{rows}</table>")
    how = _how()
    materials = "".join(
        "<tr><td style='padding-right:12px'>{}</td><td style='padding-right:12px'>{}</td>"
        "<td>{}</td></tr>".format(
            _e(m.name),
            _e(
                how.get(m.how, m.how)
                + (tr("（办件 {number}）").format(number=m.reused_from) if m.reused_from else "")
                + (
                    tr("（{at} 补交）").format(at=local_minutes(m.received_at))
                    if m.due_on is not None and m.received_at is not None
                    else ""
                )
            ),
            _evidence(detail, m.key),
        )
        for m in detail.view.materials
    )
    parts.append(f"<h4>{_e(tr('材料'))}</h4><table>{materials}</table>")
    if detail.site_check is not None:
        parts.append(f"<h4>{_e(tr('现场核查'))}</h4><p>{_e(detail.site_check)}</p>")
    names = {code: p.name for code, p in catalog.permits.items()}
    history = "".join(f"<li>{_e(history_line(h, names))}</li>" for h in detail.history)
    parts.append(f"<h4>{_e(tr('办理记录'))}</h4><ul>{history}</ul>")
    return "".join(parts)
