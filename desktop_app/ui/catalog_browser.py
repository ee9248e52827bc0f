"""The catalog browser: pick an industry, answer its questions, see what the applicant needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.catalog import (
    Bundle,
    BundleField,
    BundleMaterial,
    Catalog,
    ResolveError,
    SelectedPermit,
    resolve,
)
from desktop_app.catalog.bundle import SHARED_GROUP
from desktop_app.catalog.model import search_industries
from desktop_app.catalog.notice import MARK
from desktop_app.catalog.report import industry_reduction
from desktop_app.ui.i18n import tr
from desktop_app.ui.situation_form import SituationForm
from desktop_app.ui.table_models import Column, RowTableModel
from desktop_app.ui.widgets import ALARM_STYLE, ListKeys, named, row_table


def _field_type_name(field_type: str) -> str:
    names = {
        "text": tr("文本"),
        "integer": tr("整数"),
        "number": tr("数字"),
        "date": tr("日期"),
        "bool": tr("是/否"),
        "choice": tr("选择"),
    }
    return names[field_type]


def _marked(permit: SelectedPermit, key: str, text: str) -> str:
    """A value its department has not confirmed, marked as on the printed notice."""
    return f"{text}{MARK}" if key in permit.unverified else text


def _days(days: int) -> str:
    return tr("即时办结") if days == 0 else tr("{days} 个工作日").format(days=days)


class CatalogBrowser(QWidget):
    """Shows the permits, departments, combined form and materials for the chosen situation."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogBrowser")
        self._catalog = catalog
        self.bundle: Bundle | None = None
        names = {code: p.name for code, p in catalog.permits.items()}

        self.industry_search_edit = named(QLineEdit(), "industrySearchEdit")
        self.industry_search_edit.setPlaceholderText(tr("搜索行业：名称、别名或代码（回车选定）"))
        self.industry_search_edit.setClearButtonEnabled(True)
        self.industry_list = named(QListWidget(), "industryList")
        self.situation_form = SituationForm(catalog)
        self.error_label = named(QLabel(), "errorLabel")
        self.error_label.setStyleSheet(ALARM_STYLE)
        self.error_label.setWordWrap(True)
        self.summary_label = named(QLabel(), "summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.permit_model: RowTableModel[SelectedPermit] = RowTableModel(
            [
                Column(tr("许可证"), lambda p: p.name),
                Column(tr("审批部门"), lambda p: p.department_name),
                Column(
                    tr("承诺时限"), lambda p: _marked(p, "promised_days", _days(p.promised_days))
                ),
                Column(
                    tr("法定时限"), lambda p: _marked(p, "statutory_days", _days(p.statutory_days))
                ),
                Column(
                    tr("告知承诺"),
                    lambda p: _marked(
                        p, "commitment_allowed", tr("可") if p.commitment_allowed else "—"
                    ),
                ),
            ],
            self,
        )
        self.field_model: RowTableModel[BundleField] = RowTableModel(
            [
                Column(
                    tr("分组"),
                    lambda f: tr("共用信息") if f.group == SHARED_GROUP else names[f.group],
                ),
                Column(tr("字段"), lambda f: f.label),
                Column(tr("类型"), lambda f: _field_type_name(f.type)),
                Column(tr("必填"), lambda f: tr("是") if f.required else tr("否")),
                Column(tr("涉及许可证"), lambda f: tr("、").join(names[c] for c in f.permits)),
            ],
            self,
        )
        self.material_model: RowTableModel[BundleMaterial] = RowTableModel(
            [
                Column(tr("材料"), lambda m: m.name),
                Column(tr("原件/复印件"), lambda m: f"{m.originals}/{m.copies}"),
                Column(tr("涉及许可证"), lambda m: tr("、").join(names[c] for c in m.permits)),
                Column(tr("容缺"), lambda m: tr("可后补") if m.deferrable else "—"),
                Column(
                    tr("来源"),
                    lambda m: tr("窗口核验") if m.government_issued else tr("申请人提交"),
                ),
            ],
            self,
        )
        self.permit_table = row_table(self.permit_model, "permitTable")
        self.field_table = row_table(self.field_model, "fieldTable")
        self.material_table = row_table(self.material_model, "materialTable")
        self._lay_out()

        self.industry_search_edit.textChanged.connect(self._filter_industries)
        ListKeys(self.industry_search_edit, self.industry_list)
        self.industry_search_edit.returnPressed.connect(self._on_search_entered)
        self.industry_list.currentItemChanged.connect(self._on_industry_changed)
        self.situation_form.answers_changed.connect(self._refresh)
        self._filter_industries("")

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        search_label = QLabel(tr("行业（&H）："))
        search_label.setBuddy(self.industry_search_edit)
        left.addWidget(search_label)
        left.addWidget(self.industry_search_edit)
        left.addWidget(self.industry_list)
        situation_box = QGroupBox(tr("申请情形"))
        situation_layout = QVBoxLayout(situation_box)
        situation_layout.addWidget(self.situation_form)
        situation_layout.addWidget(self.error_label)
        situation_layout.addStretch()
        left.addWidget(situation_box)

        details = named(QTabWidget(), "detailTabs")
        details.addTab(self.field_table, tr("综合表单字段（&F）"))
        details.addTab(self.material_table, tr("合并材料清单（&M）"))
        right = QVBoxLayout()
        right.addWidget(self.summary_label)
        right.addWidget(self.permit_table, 1)
        right.addWidget(details, 3)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)

    def _on_search_entered(self) -> None:
        # Enter takes the current match and goes on to its questions.
        target = self.situation_form.first_widget() or self.permit_table
        target.setFocus()

    def _filter_industries(self, text: str) -> None:
        current = self.industry_list.currentItem()
        current_code = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.industry_list.blockSignals(True)
        self.industry_list.clear()
        for industry in search_industries(self._catalog, text):
            item = QListWidgetItem(f"{industry.number}. {industry.name}")
            item.setData(Qt.ItemDataRole.UserRole, industry.code)
            item.setToolTip(tr("别名：") + tr("、").join(industry.aliases))
            self.industry_list.addItem(item)
            if industry.code == current_code:
                self.industry_list.setCurrentItem(item)
        self.industry_list.blockSignals(False)
        if self.industry_list.currentItem() is None and self.industry_list.count():
            self.industry_list.setCurrentRow(0)

    def select_industry(self, code: str) -> None:
        for row in range(self.industry_list.count()):
            if self.industry_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.industry_list.setCurrentRow(row)
                return
        raise KeyError(code)

    def _on_industry_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        industry = self._catalog.find_industry(current.data(Qt.ItemDataRole.UserRole))
        if industry is not None:
            self.situation_form.set_industry(industry)

    def _refresh(self) -> None:
        item = self.industry_list.currentItem()
        if item is None:
            return
        try:
            bundle = resolve(
                self._catalog, item.data(Qt.ItemDataRole.UserRole), self.situation_form.answers()
            )
        except ResolveError as exc:
            self.bundle = None
            self.error_label.setText(exc.message)
            self.summary_label.setText(tr("请先完整回答申请情形。"))
            for model in (self.permit_model, self.field_model, self.material_model):
                model.set_rows([])
            return
        self.bundle = bundle
        self.error_label.clear()
        self.permit_model.set_rows(bundle.permits)
        self.field_model.set_rows(bundle.fields)
        self.material_model.set_rows(bundle.materials)
        summary = self._summary(bundle)
        if any(
            p.unverified & {"promised_days", "statutory_days", "commitment_allowed"}
            for p in bundle.permits
        ):
            summary += "<br>" + tr("※ 标注的内容待主管部门确认，以部门最终答复为准。")
        self.summary_label.setText(summary)

    def _summary(self, bundle: Bundle) -> str:
        r = industry_reduction(self._catalog, bundle)
        departments = tr("、").join(
            self._catalog.departments[d].short_name for d in bundle.departments
        )
        certificate = (
            tr("核发<b>行业综合许可证</b>")
            if bundle.certificate_eligible
            else tr("仅一项许可，单独发证")
        )
        return tr(
            "<b>{industry_name}</b>：{permits} 项许可（{departments}并联审批），{certificate}；"
            "承诺 {promised}（逐项串联合计 {serial}）。<br>"
            "表单字段：单独申请合计 {separate_fields} 项 → 综合表单 {combined_fields} 项"
            "（{fields_reduction_pct:+.1f}%）；"
            "材料：{separate_materials} 份 → {combined_materials} 份"
            "（{materials_reduction_pct:+.1f}%），"
            "其中 {fetched_materials} 份可由窗口核验（登记核验后免交）。"
        ).format(
            permits=len(bundle.permits),
            promised=_days(bundle.promised_days),
            serial=_days(bundle.serial_promised_days),
            industry_name=bundle.industry_name,
            departments=departments,
            certificate=certificate,
            separate_fields=r.separate_fields,
            combined_fields=r.combined_fields,
            fields_reduction_pct=r.fields_reduction_pct,
            separate_materials=r.separate_materials,
            combined_materials=r.combined_materials,
            materials_reduction_pct=r.materials_reduction_pct,
            fetched_materials=r.fetched_materials,
        )
