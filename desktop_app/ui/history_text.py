"""One line per state change of a case, as 办件 and 部门审批 list them."""

from __future__ import annotations

from desktop_app.domain.states import APPLICATION_STATE_NAMES, ITEM_STATE_NAMES
from desktop_app.services.cases import HistoryRow
from desktop_app.ui.i18n import tr
from desktop_app.ui.widgets import local_minutes

_ITEM_STATES = {state.value: name for state, name in ITEM_STATE_NAMES.items()}
_APPLICATION_STATES = {state.value: name for state, name in APPLICATION_STATE_NAMES.items()}


def history_line(h: HistoryRow, permit_names: dict[str, str]) -> str:
    what = permit_names.get(h.permit, tr("办件")) if h.permit else tr("办件")
    state_names = _ITEM_STATES if h.permit else _APPLICATION_STATES
    before = tr(state_names.get(h.from_state or "", "—"))
    change = f"{before} → {tr(state_names.get(h.to_state, h.to_state))}"
    reason = tr("（{reason}）").format(reason=h.reason) if h.reason else ""
    return tr("{local}　{what}　{change}　{actor}{reason}").format(
        local=local_minutes(h.at), what=what, change=change, actor=h.actor, reason=reason
    )
