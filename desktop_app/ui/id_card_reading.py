"""Reading an ID card from the form page: the configured reader, or the wedge reader's box."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from desktop_app.id_cards import IdCard, IdReader, ReaderError, WedgeReader, parse_wedge_text
from desktop_app.ui.i18n import tr


def read_card(parent: QWidget, reader: IdReader) -> IdCard:
    """The card on the reader; ReaderError says what went wrong (the fields stay as they are)."""
    if isinstance(reader, WedgeReader):
        text, ok = QInputDialog.getText(
            parent, tr("读取身份证"), tr("请在阅读器上放置身份证（阅读器会输入到这里）：")
        )
        if not ok:
            raise ReaderError(tr("已取消读卡"))
        return parse_wedge_text(text)
    return reader.read()
