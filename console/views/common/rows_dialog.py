"""A dialog that shows one service call's rows in a table: the audit trail, a patient's access
log, the flagged accesses.

``RowsDialog`` holds the ``RowsTableModel`` (columns declared by ``ColumnSpec``), an error line
and ``reload()``: the subclass's ``request()`` runs through the worker, the rows replace the
model's (keyed, the selection stays) and ``loaded`` says how many; a failure shows in the error
line as a sentence. ``lay_out`` stacks what stands above the table, the error line, the table
and what stands below.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLayout, QTableView, QVBoxLayout, QWidget

from console.services.core.operations import ServiceCall
from console.views.common.context import ScreenContext
from console.views.common.rows_model import ColumnSpec, RowsTableModel
from console.views.common.widgets import styled_label
from console.views.common.worker import message_of


class RowsDialog(QDialog):
    loaded = Signal(int)  # rows shown

    def __init__(self, context: ScreenContext, translation_context: str,
                 columns: Sequence[ColumnSpec[Any]], parent: QWidget | None = None, *,
                 error_style: str = "") -> None:
        super().__init__(parent)
        self.context = context
        self.model: RowsTableModel[Any] = RowsTableModel(translation_context, columns, self)
        self.error_label = styled_label(error_style, wrap=True, visible=False)

    def request(self) -> ServiceCall:
        """The one service call whose rows the dialog shows."""
        raise NotImplementedError

    def reload(self) -> None:
        request = self.request()  # call(service_fn, …): the subclass names the service
        self.context.worker.read(request, self._on_loaded, self._on_failed, owner=self)

    def present(self) -> None:
        """Show the dialog (non-modal, in front) with fresh rows."""
        self.show()
        self.raise_()
        self.reload()

    def _on_loaded(self, rows: Sequence[Any]) -> None:
        self.error_label.setVisible(False)
        self.model.set_rows(rows)
        self.loaded.emit(len(rows))

    def _on_failed(self, error: Exception) -> None:
        self._show_error(message_of(error))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def lay_out(self, above: QWidget | QLayout, table: QTableView,
                below: QLayout | None = None) -> QVBoxLayout:
        layout = QVBoxLayout(self)
        if isinstance(above, QLayout):
            layout.addLayout(above)
        else:
            layout.addWidget(above)
        layout.addWidget(self.error_label)
        layout.addWidget(table, 1)
        if below is not None:
            layout.addLayout(below)
        return layout
