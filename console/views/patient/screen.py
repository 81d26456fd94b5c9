"""The patient record screen: everything about one admission on one screen (issue #3).

Opening a record logs the access once (``access_governance.open_record``, sundhedsloven § 42 a;
asking a purpose when the person has no current role for the patient, ``opening.py``); what it
shows is loaded by ``record.read_record`` and a refresh after any change is not logged again.
Writes (register a visit, change the regimen, discharge) go through the dialogs
(``WriteDialog``), each carrying the version it was based on; after a save, and when a change
touches what the record read, it reloads keeping the selection.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.services.core.access_governance import PurposeRequired, RecordOpening, open_record
from console.services.core.errors import RuleViolation
from console.services.core.operations import ServiceCall, call
from console.services.course import record as record_service
from console.services.course.record import PatientRecord
from console.services.course.visits import VisitRow
from console.services.logistics import deliveries
from console.views.admin.audit import AccessLogDialog
from console.views.common.column_room import GiveWay
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.rows_model import ID_ROLE, RowsTableModel
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import (
    RowsFit,
    compact_table,
    select_row,
    selected_id,
    selected_record,
    sorted_proxy,
)
from console.views.common.widgets import STRETCH, column, empty_state_label, push_button, tool_row
from console.views.common.worker import message_of
from console.views.common.write_dialog import WriteDialog, violation_text
from console.views.patient.discharge_dialog import DischargeDialog
from console.views.patient.header import PatientHeader
from console.views.patient.opening import GlassNote, PurposeDialog, ask_purpose
from console.views.patient.order_task_dialog import OrderTaskDialog
from console.views.patient.record_print import write_record_pdf
from console.views.patient.regimen_dialog import RegimenDialog
from console.views.patient.side_panel import RecordSidePanel
from console.views.patient.tables import (
    CONTEXT,
    REGIMEN_COLUMNS,
    REGIMEN_LEVEL_COLUMN,
    REGIMEN_NARROWED,
    REGIMEN_PERIOD_COLUMN,
)
from console.views.patient.timeline_model import VisitTimelineModel, timeline_table
from console.views.patient.visit_register_dialog import DONE, MISSED, VisitRegisterDialog

REGIMEN_ROWS_SHOWN = 3  # the regimen table grows to this many lines, then scrolls
_SETTINGS_SPLITTER = "patient/splitter"


class PatientScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("PatientScreen", "Patient")
    LOAD_ERROR = QT_TRANSLATE_NOOP("PatientScreen", "Could not open the record: {message}")
    record_printed = Signal(str)  # the PDF's path
    delivery_ordered = Signal(int)  # delivery id

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.admission_id: int | None = None
        self.record: PatientRecord | None = None
        self._scroll_to_now = False
        self.dialog: WriteDialog | None = None
        self.export = DocumentExport(context, self)
        self.export.written.connect(self.record_printed)
        self.export.failed.connect(self._show_action_error)
        self.timeline_model = VisitTimelineModel(self)
        self.timeline_proxy = sorted_proxy(self.timeline_model, self)
        self.regimen_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, REGIMEN_COLUMNS, self)
        self._build_ui()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.empty_label = empty_state_label()
        self.header = PatientHeader()
        self.glass_note, self.purpose_dialog = GlassNote(), cast(PurposeDialog | None, None)
        self.done_button, self.missed_button = QPushButton(), QPushButton()
        self.regimen_button, self.discharge_button = QPushButton(), QPushButton()
        self.print_button, self.access_button = QPushButton(), QPushButton()
        self.delivery_button = push_button(clicked=self.order_delivery)
        self.task_button = push_button(clicked=self.open_order_task_dialog)
        self.print_button.clicked.connect(lambda: self.print_record())  # noqa: PLW0108 - not the bool
        self.access_button.clicked.connect(lambda: self.open_access_log())  # noqa: PLW0108
        self.done_button.clicked.connect(lambda: self.open_register_dialog(DONE))
        self.missed_button.clicked.connect(lambda: self.open_register_dialog(MISSED))
        self.regimen_button.clicked.connect(lambda: self.open_regimen_dialog(None))
        self.discharge_button.clicked.connect(lambda: self.open_discharge_dialog(None))
        actions = tool_row(self.done_button, self.missed_button, 16, self.loading_label, STRETCH,
                           self.task_button, self.delivery_button, self.print_button,
                           self.access_button, 16, self.regimen_button, self.discharge_button)

        self.regimen_table = compact_table(sorted_proxy(self.regimen_model, self))
        self.regimen_fit = RowsFit(self.regimen_table, REGIMEN_ROWS_SHOWN)
        self.regimen_room = GiveWay(self.regimen_table, REGIMEN_PERIOD_COLUMN, REGIMEN_NARROWED)
        self.timeline = self._build_timeline()
        self.regimen_group, self.visits_group = QGroupBox(), QGroupBox()
        QVBoxLayout(self.regimen_group).addWidget(self.regimen_table)
        QVBoxLayout(self.visits_group).addWidget(self.timeline)
        left = column(self.regimen_group, (self.visits_group, 1))

        self.side = RecordSidePanel(self.context, self.reload)
        if self.side.file_button is not None:
            self.side.file_button.failed.connect(self._show_action_error)
        self.crp_chart = self.side.crp_chart
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 420])

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.glass_note)
        layout.addWidget(self.error_label)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        self.content = content
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._update_actions()

    def _build_timeline(self) -> Any:
        table = timeline_table(self.timeline_proxy)
        table.selectionModel().selectionChanged.connect(self._update_actions)
        table.doubleClicked.connect(lambda _index: self.open_register_dialog(DONE))
        return table

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.empty_label.setText(self.tr("Choose a patient in the census."))
        self.done_button.setText(self.tr("Register done…"))
        self.missed_button.setText(self.tr("Register missed…"))
        self.regimen_button.setText(self.tr("Change regimen…"))
        self.discharge_button.setText(self.tr("Discharge…"))
        self.delivery_button.setText(self.tr("Order delivery"))
        self.task_button.setText(self.tr("Order MBE task…"))
        self.task_button.setToolTip(self.tr("A PVK, blood samples, a culture… by the MBE; the "
                                            "visit goes to the dispatcher (R-MBE-TASKS)"))
        self.delivery_button.setToolTip(self.tr(
            "A delivery of what the home will lack, due before it runs out (R-SUPPLY)"))
        self.print_button.setText(self.tr("Print record…"))
        self.print_button.setToolTip(self.tr("A PDF of the record; the print is logged"))
        self.access_button.setText(self.tr("Access log…"))
        self.access_button.setToolTip(self.tr("Who opened, printed or exported this record"))
        self.regimen_group.setTitle(self.tr("Regimen"))
        self.visits_group.setTitle(self.tr("Visits"))
        self.side.retranslate_ui()
        self.header.retranslate_ui()

    # -- loading -------------------------------------------------------------------------------

    def show_admission(self, admission_id: int, reason: str | None = None) -> None:
        """Open the record of ``admission_id`` (the census' ``patient_requested``): the opening
        is logged once (with a purpose when the person has no current role for the patient),
        then the record loads."""
        if admission_id != self.admission_id:
            self.record = None
            self._scroll_to_now = True
            self.glass_note.show_opening(None)
        self.admission_id = admission_id
        self.context.worker.write(call(open_record, admission_id, reason),
                                  self._on_opened, self._on_open_failed, owner=self)

    def _on_opened(self, opening: RecordOpening) -> None:
        if opening.admission_id == self.admission_id:
            self.glass_note.show_opening(opening)
            self.reload()

    def _on_open_failed(self, error: Exception) -> None:
        admission_id = self.admission_id
        if isinstance(error, PurposeRequired) and admission_id is not None:
            self.purpose_dialog = ask_purpose(self, message_of(error),
                                              lambda reason: self._reopen(admission_id, reason))
        else:
            self._on_load_failed(error)

    def _reopen(self, admission_id: int, reason: str | None) -> None:
        self.purpose_dialog = None
        if reason and admission_id == self.admission_id:
            self.show_admission(admission_id, reason)

    def load_call(self) -> ServiceCall | None:
        if self.admission_id is None:
            self.pages.setCurrentWidget(self.empty_label)
            return None
        return call(record_service.read_record, self.admission_id)

    def _on_load_failed(self, error: Exception) -> None:
        super()._on_load_failed(error)
        if self.record is None:
            self.pages.setCurrentWidget(self.content)

    def show_loaded(self, record: PatientRecord) -> None:
        if record.admission_id != self.admission_id:
            return  # another patient was chosen meanwhile; that load is on its way
        selected = self.selected_visit_id()
        self.record = record
        self.header.show_record(record)
        self.regimen_model.set_rows(record.regimens)
        self.regimen_fit.set_rows(len(record.regimens))
        self.regimen_table.setColumnHidden(  # issue 19: the drug level, when a drug has one
            REGIMEN_LEVEL_COLUMN, not any(r.level_analysis for r in record.regimens))
        self.regimen_table.resizeColumnsToContents()
        self.regimen_room.refit()  # this patient's lines, fitted, then made room for the period
        self.timeline_model.set_visits(record.visits)
        self.side.show_record(record)
        if selected is not None:
            self.select_visit(selected, scroll_to=False)
        if self._scroll_to_now:  # a newly opened record: the next visit is chosen
            self._scroll_to_now = False
            self._scroll_timeline_to_now()
        self.pages.setCurrentWidget(self.content)
        self._update_actions()
        if self.dialog is not None:
            self.dialog.rebase(record)

    # -- selection -----------------------------------------------------------------------------

    def selected_visit(self) -> VisitRow | None:
        return selected_record(self.timeline, self.timeline_model)

    def selected_visit_id(self) -> int | None:
        visit = self.selected_visit()
        return visit.id if visit is not None else None

    def select_visit(self, visit_id: int, *, scroll_to: bool = True) -> bool:
        return select_row(self.timeline, self.timeline_proxy,
                          self.timeline_model.row_of_id(visit_id), scroll_to=scroll_to,
                          hint=QAbstractItemView.ScrollHint.PositionAtCenter)

    def _scroll_timeline_to_now(self) -> None:
        row = self.timeline_model.row_nearest_now()
        if row is not None:
            self.select_visit(self.timeline_model.row_id(self.timeline_model.row_at(row)),
                              scroll_to=False)
            # scrolled once the page is laid out: the regimen table above it takes its height
            # with the rows just shown, and a centre taken before that can end under the edge
            QTimer.singleShot(0, self, self._center_selected_visit)

    def _center_selected_visit(self) -> None:
        index = self.timeline.currentIndex()
        if index.isValid():
            self.timeline.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _update_actions(self) -> None:
        active = self.record is not None and self.record.status == "admitted"
        visit = self.selected_visit() if self.record is not None else None
        can_register = active and visit is not None and visit.status == "planned"
        self.done_button.setEnabled(can_register)
        self.missed_button.setEnabled(can_register)
        self.regimen_button.setEnabled(active and bool(self.record and self.record.regimens))
        self.discharge_button.setEnabled(active)
        self.print_button.setEnabled(self.record is not None)
        self.delivery_button.setEnabled(active)
        self.task_button.setEnabled(active)
        self.access_button.setEnabled(self.record is not None)

    def set_roles(self, roles: frozenset[str]) -> None:
        """Only what the person may do shows (the services check again on every write)."""
        super().set_roles(roles)
        registers = bool(roles & {"e_nurse", "e_doctor", "dispatcher"})
        self.done_button.setVisible(registers)
        self.missed_button.setVisible(registers)
        for button in (self.regimen_button, self.discharge_button):
            button.setVisible("e_doctor" in roles)
        self.access_button.setVisible("admin" in roles)
        self.delivery_button.setVisible(bool(roles & {"logistics", "e_nurse", "e_doctor"}))
        self.task_button.setVisible(bool(roles & {"e_nurse", "e_doctor"}))

    def print_record(self, path: Path | None = None) -> None:
        """The record as a PDF: the print is logged in the access log first (§ 42 a)."""
        record = self.record
        if record is None:
            return
        path = path or ask_path(self, self.tr("Print the record to PDF"),
                                f"record-{record.admission_id}.pdf", "PDF (*.pdf)", ".pdf")
        if path is not None:
            self.export.run(call(record_service.record_for_print, record.admission_id),
                            write_record_pdf, path)

    def order_delivery(self) -> None:
        """R-SUPPLY from the record: contents and due time proposed from the home stock."""
        record = self.record
        if record is None:
            return

        def ordered(delivery_id: int) -> None:
            self.error_label.setVisible(False)
            self.delivery_ordered.emit(delivery_id)
            self.reload()

        self.context.worker.write(call(deliveries.create_delivery, record.admission_id),
                                  ordered, self._on_action_failed, owner=self)

    def _on_action_failed(self, error: Exception) -> None:
        self._show_action_error(violation_text(error) if isinstance(error, RuleViolation)
                                else message_of(error))

    def _show_action_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def open_access_log(self) -> AccessLogDialog | None:
        if self.record is None:
            return None
        dialog = AccessLogDialog(self.context, self.record.admission_id, self.record.name, self)
        dialog.reload()
        dialog.open()
        return dialog

    # -- actions -------------------------------------------------------------------------------

    def open_register_dialog(self, mode: str) -> VisitRegisterDialog | None:
        visit = self.selected_visit()
        if visit is None or not self.done_button.isEnabled():
            return None
        dialog = VisitRegisterDialog(self.context, visit, mode, self)
        self._open(dialog)
        return dialog

    def open_regimen_dialog(self, regimen_id: int | None = None) -> RegimenDialog | None:
        """Change the regimen (also the Rounds screen's way in after an "adjust" decision)."""
        if self.record is None or not self.regimen_button.isEnabled():
            return None
        if regimen_id is None:
            regimen_id = selected_id(self.regimen_table, ID_ROLE)
        dialog = RegimenDialog(self.context, self.record, regimen_id, self)
        self._open(dialog)
        return dialog

    def open_discharge_dialog(self, outcome: str | None = None) -> DischargeDialog | None:
        """Discharge (also the Rounds screen's way in: ``outcome`` e.g. "oral_switch")."""
        if self.record is None or not self.discharge_button.isEnabled():
            return None
        dialog = DischargeDialog(self.context, self.record, outcome, self)
        self._open(dialog)
        return dialog

    def open_order_task_dialog(self) -> OrderTaskDialog | None:
        if self.record is None or not self.task_button.isEnabled():
            return None
        dialog = OrderTaskDialog(self.context, self.record, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: WriteDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self.reload())
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: WriteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- per-user state ------------------------------------------------------------------------

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_SPLITTER: self.splitter}
