from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop_app.catalog import Catalog, SelectedPermit, resolve
from desktop_app.ui.table_models import Column, RowTableModel


def test_row_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, catalog: Catalog
) -> None:
    model: RowTableModel[SelectedPermit] = RowTableModel(
        [Column("许可证", lambda p: p.name), Column("时限", lambda p: p.promised_days)]
    )
    qtmodeltester.check(model)
    model.set_rows(resolve(catalog, "hotel", {"catering": True}).permits)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "公共场所卫生许可证"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "时限"
    model.set_rows([])
    assert model.rowCount() == 0
