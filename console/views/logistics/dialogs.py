"""The logistics screen's dialogs: "Failed…" (a reason is required) and "Propose deliveries"
(R-SUPPLY proposals with what to pack, accepted through the worker).

Both write through ``context.worker``; the service decides (an empty reason is refused by
``set_status`` with R-DELIVERY-FLOW, shown at the field); a stale failed-mark shows who changed
the delivery and offers Reload.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.logistics import deliveries as service
from console.services.logistics.deliveries import AcceptedProposals, DeliveryRow, Proposal
from console.timeutil import format_local
from console.views.common.frozen_rows import Index
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.common.screen import ScreenContext
from console.views.common.tables import Mode, fit_columns, house_table
from console.views.common.widgets import (
    note_edit,
    ok_button,
    ok_cancel_buttons,
    stack,
    styled_label,
    wrapped_label,
)
from console.views.common.worker import message_of
from console.views.common.write_dialog import BANNER_ERROR_STYLE, WriteDialog, field_error_label
from console.views.logistics.model import RowsModel, pack_line_text, status_label
from console.vocabulary import DeliveryStatus

_CTX = "LogisticsDialogs"


class FailedDialog(WriteDialog):
    """Mark the delivery failed; the service requires the reason and books the follow-up."""

    def __init__(self, context: ScreenContext, row: DeliveryRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.row = row
        self.setWindowTitle(self.tr("Delivery failed"))
        self.heading = wrapped_label(self.tr("{patient}, {address} — {status}").format(
            patient=row.patient, address=row.address, status=status_label(row.status)))
        self.heading.setStyleSheet("QLabel { font-weight: 600; }")
        self.hint = wrapped_label(self.tr("Why did the delivery fail? A new delivery is requested "
                                          "for the same items."))
        self.reason_edit = note_edit(self.tr("Reason (required), e.g. nobody home"))
        self.reason_error = self.errors.add("reason", field_error_label())
        self.save_button.setText(self.tr("Mark failed"))
        stack(self, self.heading, self.hint, (self.reason_edit, 1), self.reason_error,
              self.banner, self.conflict, self.buttons)
        self.resize(480, 260)
        self.reason_edit.setFocus()

    def operation(self) -> ServiceCall:
        return call(service.set_status, self.row.id, DeliveryStatus.FAILED,
                    reason=self.reason_edit.toPlainText(), expected_version=self.row.version)

    def rebase(self, record: Any) -> None:
        if isinstance(record, DeliveryRow) and record.id == self.row.id:
            self.row = record


class ProposalTableModel(RowsModel[Proposal]):
    """Proposed deliveries with a tick to accept each (all ticked to begin with)."""

    KEY = "admission_id"

    HEADERS = (
        QT_TRANSLATE_NOOP("LogisticsModel", "Accept"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Patient"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Runs out"),
        QT_TRANSLATE_NOOP("LogisticsModel", "Due by"),
        QT_TRANSLATE_NOOP("LogisticsModel", "What to pack"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accepted: set[int] = set()

    def set_rows(self, rows: tuple[Proposal, ...]) -> None:
        self._accepted = {p.admission_id for p in rows}
        self.replace_rows(tuple(rows))

    def accepted(self) -> list[Proposal]:
        return [p for p in self._rows if p.admission_id in self._accepted]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        adm = self._rows[index.row()].admission_id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        (self._accepted.add if checked else self._accepted.discard)(adm)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def _cell(self, row: Proposal, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return (Qt.CheckState.Checked if row.admission_id in self._accepted
                    else Qt.CheckState.Unchecked)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match col:
            case 1:
                return row.patient
            case 2:
                return format_local(row.runs_out_at, "%d/%m %H:%M")
            case 3:
                return format_local(row.due_by, "%d/%m %H:%M")
            case 4:
                return "\n".join(pack_line_text(line) for line in row.items)
        return ""


class ProposeDialog(QDialog):
    """R-SUPPLY: every course that runs out before its end with no delivery planned."""

    accepted_deliveries = Signal(object)  # list[int]: the delivery ids created
    proposals_loaded = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.done_text = ""
        self.setWindowTitle(self.tr("Propose deliveries"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.intro = wrapped_label(self.tr("Courses whose medicine runs out before their planned end "
                                           "and have no delivery planned (R-SUPPLY). Untick any you "
                                           "do not want, then accept."))
        self.model = ProposalTableModel(self)
        self.table = house_table(self.model, selection=Mode.ExtendedSelection, row_height=None,
                                 wrap=True, highlight=True)
        fit_columns(self.table, dict(enumerate((64, 190, 100, 100))), 4, pad=None)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("QLabel { color: #6b7280; font-size: 14px; }")
        self.empty_label.setVisible(False)
        self.banner = styled_label(BANNER_ERROR_STYLE, wrap=True, visible=False)
        self.buttons = ok_cancel_buttons(self, self.accept_ticked,
                                         ok_text=self.tr("Accept ticked"), ok_enabled=False)
        self.accept_button = ok_button(self.buttons)
        stack(self, self.intro, (self.table, 1), (self.empty_label, 1), self.banner,
              self.buttons)
        self.model.dataChanged.connect(self._update_button)
        self.resize(900, 520)

    def load(self) -> None:
        self.context.worker.read(call(service.propose_deliveries), self._on_loaded,
                                 self._on_failed, owner=self)

    def _on_loaded(self, proposals: list[Proposal]) -> None:
        self.model.set_rows(tuple(proposals))
        self.table.resizeRowsToContents()
        empty = not proposals
        self.empty_label.setText(self.tr("No proposals: every course's medicine lasts to its "
                                         "end or a delivery is already planned."))
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self._update_button()
        self.proposals_loaded.emit()

    def _update_button(self, *_args: QModelIndex) -> None:
        self.accept_button.setEnabled(bool(self.model.accepted()))

    def _on_failed(self, error: Exception) -> None:
        self.accept_button.setEnabled(bool(self.model.accepted()))
        self.banner.setText(message_of(error))
        self.banner.setVisible(True)

    def accept_ticked(self) -> None:
        wanted = {p.admission_id for p in self.model.accepted()}
        if not wanted:
            return
        self.accept_button.setEnabled(False)
        self.context.worker.write(call(service.accept_proposals_for, sorted(wanted)),
                                  self._on_accepted, self._on_failed, owner=self)

    def _on_accepted(self, result: AcceptedProposals) -> None:
        created, skipped = list(result.created), result.skipped
        self.done_text = (translate(_CTX, "1 delivery requested.") if len(created) == 1 else
                          translate(_CTX, "{n} deliveries requested.", n=len(created)))
        if skipped:
            self.done_text += " " + translate(
                _CTX, "{n} no longer needed one (planned meanwhile).", n=skipped)
        self.accepted_deliveries.emit(created)
        self.accept()
