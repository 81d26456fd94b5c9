"""The escalation inbox: open calls from municipal nurses by urgency, with live clocks.

Loads ``list_escalations`` through the worker (cancel-latest, key ``"escalations"``), reloads
on the change feed (escalation, visit, delivery), keeps the selected escalation by id. A timer
ticks the clocks every ``TICK_MS`` without the database. The detail pane acts on the selected
escalation; "Log a call…" opens the intake dialog, "Municipal directory…" the directory
(read-only unless the user is an admin).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSplitter,
    QTableView,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.escalations import escalations as service
from console.services.escalations.escalations import EscalationRow
from console.views.common.badge_delegate import BadgeDelegate
from console.views.common.column_menu import install_column_menu
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import (
    ShowFilter,
    fit_columns,
    fit_to_content,
    house_table,
    select_row,
    selected_id,
)
from console.views.common.widgets import (
    STRETCH,
    column,
    empty_state_label,
    interval_timer,
    push_button,
    tool_row,
)
from console.views.escalations.actions import EscalationDetail
from console.views.escalations.directory_dialog import DirectoryDialog
from console.views.escalations.intake import IntakeDialog, open_intake_dialog
from console.views.escalations.model import (
    ESCALATION_ID_ROLE,
    ROUTED_LABELS,
    Column,
    EscalationTableModel,
    label,
)

TICK_MS = 20_000
# Starting widths at 1400x900 beside the detail pane; Patient takes what is left.
COLUMN_WIDTHS = {
    Column.SEVERITY: 76, Column.RECEIVED: 62, Column.PATIENT: 170, Column.MUNICIPALITY: 84,
    Column.CALLER: 105, Column.CATEGORY: 128, Column.ROUTED: 66, Column.ACK: 118,
    Column.RESOLVE: 146, Column.LINKS: 76,
}
_SETTINGS_SPLITTER = "escalations/splitter"
_SETTINGS_HEADER = "escalations/header"


class Show(enum.IntEnum):
    OPEN = 0
    OVERDUE = 1
    ALL = 2


class InboxFilter(ShowFilter[EscalationRow, Show]):
    """Open / overdue / all; "overdue" follows the live clocks (re-checked on every tick)."""

    def recheck(self) -> None:
        self.set_show(self.show)

    def accepts(self, row: EscalationRow) -> bool:
        if self.show is Show.OVERDUE:
            return row.overdue
        return self.show is Show.ALL or row.resolved_at is None


class EscalationsScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("EscalationsScreen", "Escalations")
    LOAD_ERROR = QT_TRANSLATE_NOOP("EscalationsScreen", "Could not load the escalations: {message}")
    patient_requested = Signal(int)  # admission id

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._pending_select: int | None = None
        self._fitted = False  # the patient column sized to its names once, at the first rows
        self.model = EscalationTableModel(self)
        self.proxy = InboxFilter(Show.OPEN, self)
        self.proxy.setSourceModel(self.model)
        self._build_ui()
        self.timer = interval_timer(self, TICK_MS, self.tick)
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.show_combo = QComboBox()
        self.show_combo.currentIndexChanged.connect(self._on_show_changed)
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("QLabel { font-size: 14px; font-weight: 600; }")
        self.log_button = push_button(clicked=self._on_log_clicked)
        self.log_button.setShortcut("Ctrl+L")
        self.directory_button = push_button(clicked=self._on_directory_clicked)
        self.show_label = QLabel()
        top = tool_row(self.summary_label, 12, self.loading_label, STRETCH, self.show_label,
                       self.show_combo, 12, self.directory_button, self.log_button)

        self.table = self._build_table()
        self.empty_label = empty_state_label()
        self.empty_label.setVisible(False)
        left = column((self.table, 1), (self.empty_label, 1))
        self.detail = EscalationDetail(self.context)
        self.detail.changed.connect(self._on_written)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1110, 280])

        self.page_layout(top, self.splitter)

    def _build_table(self) -> QTableView:
        table = house_table(self.proxy, row_height=30, stretch_last=False)
        table.setItemDelegateForColumn(Column.SEVERITY, BadgeDelegate(table))
        metrics = table.horizontalHeader().fontMetrics()
        routed = max(metrics.horizontalAdvance(label(ROUTED_LABELS, c)) for c in ROUTED_LABELS)
        fit_columns(table, COLUMN_WIDTHS, Column.CATEGORY, content={Column.ROUTED: routed})
        # The two clocks stand right after the patient: on a narrow window the category (also
        # in the detail's heading) elides, not "resolve overdue" (issue 20).
        header = table.horizontalHeader()
        for n, moved in enumerate((Column.ACK, Column.RESOLVE)):
            header.moveSection(header.visualIndex(moved), header.visualIndex(Column.PATIENT) + 1 + n)
        # Caller, municipality and links are in the detail panel; a right click on the header
        # shows them here.
        install_column_menu(table, hidden_by_default=(Column.CALLER, Column.MUNICIPALITY,
                                                      Column.LINKS))
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        table.activated.connect(self._on_activated)
        return table

    def retranslate_ui(self) -> None:
        current = max(self.show_combo.currentIndex(), 0)
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItems([self.tr("Open"), self.tr("Overdue"),
                                  self.tr("All (resolved greyed)")])
        self.show_combo.setCurrentIndex(current)
        self.show_combo.blockSignals(False)
        self.show_label.setText(self.tr("Show"))
        self.log_button.setText(self.tr("Log a call…"))
        self.log_button.setToolTip(self.tr("Log a call from a municipal nurse (Ctrl+L)"))
        self.directory_button.setText(self.tr("Municipal directory…"))
        self.directory_button.setToolTip(self.tr(
            "Phones of each municipality's acute team and home nursing, and its 4x/day agreement"))
        super().retranslate_ui()
        self.detail.retranslate_ui()
        self._show_summary()

    # -- loading -------------------------------------------------------------------------------

    def load_call(self) -> ServiceCall:
        return call(service.list_escalations, open_only=Show(self.proxy.show) is not Show.ALL)

    def _on_written(self, escalation_id: int) -> None:
        self._pending_select = escalation_id
        self.reload()

    def show_loaded(self, rows: list[EscalationRow]) -> None:
        wanted = self._pending_select or self.selected_escalation_id()
        self._pending_select = None
        scroll = self.table.verticalScrollBar().value()
        self.model.set_rows(rows)
        self.proxy.recheck()
        if rows and not self._fitted:  # once: then the user's widths stand
            self._fitted = True  # issue 20: the patient's name and CPR are never cut
            fit_to_content(self.table, (Column.PATIENT, Column.MUNICIPALITY, Column.ACK,
                                         Column.RESOLVE))
        if wanted is None or not self.select_escalation(wanted, scroll_to=False):
            self.detail.show_row(None if wanted is None else self.model.escalation(wanted))
        self.table.verticalScrollBar().setValue(scroll)
        self._show_summary()

    def tick(self) -> None:
        """The clocks move on: recompute them from their due times (no database)."""
        selected = self.selected_escalation_id()
        self.model.tick()
        self.proxy.recheck()
        if selected is not None:
            self.select_escalation(selected, scroll_to=False)
        self._show_detail()
        self._show_summary()

    def _show_summary(self) -> None:
        rows = [r for r in self.model.rows() if r.resolved_at is None]
        overdue = sum(r.overdue for r in rows)
        text = self.tr("{open} open · {overdue} overdue").format(open=len(rows),
                                                                overdue=overdue)
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(
            "QLabel { font-size: 14px; font-weight: 600; %s }"
            % ("color: #9b1c13;" if overdue else ""))
        empty = self.proxy.rowCount() == 0 and not self.query.stale
        self.empty_label.setText(self.tr("No escalations to show. Calls you log appear here."))
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def _on_show_changed(self, index: int) -> None:
        if index < 0:
            return
        previous = self.proxy.show
        self.proxy.set_show(Show(index))
        if (previous is Show.ALL) != (index == Show.ALL):
            self.reload()  # resolved ones are loaded only for "all"
        self._show_summary()

    # -- selection -----------------------------------------------------------------------------

    def selected_escalation_id(self) -> int | None:
        return selected_id(self.table, ESCALATION_ID_ROLE)

    def select_escalation(self, escalation_id: int, *, scroll_to: bool = True) -> bool:
        if not select_row(self.table, self.proxy, self.model.row_of(escalation_id),
                          scroll_to=scroll_to):
            return False
        self._show_detail()
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        selected = self.selected_escalation_id()
        self.detail.show_row(None if selected is None else self.model.escalation(selected))

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.escalation(int(index.data(ESCALATION_ID_ROLE)))
        if row is not None:
            self.patient_requested.emit(row.admission_id)

    # -- intake --------------------------------------------------------------------------------

    def _on_log_clicked(self) -> None:
        self.open_intake()

    def open_intake(self, admission_id: int | None = None) -> IntakeDialog:
        dialog = open_intake_dialog(self.context, self, admission_id)
        dialog.saved.connect(lambda row: self._on_written(row.id))
        return dialog

    def _on_directory_clicked(self) -> None:
        self.open_directory()

    def open_directory(self) -> DirectoryDialog:
        """The municipal contact directory (window-modal, non-blocking)."""
        dialog = DirectoryDialog(self.context, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    # -- per-user state ------------------------------------------------------------------------

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_SPLITTER: self.splitter,
                _SETTINGS_HEADER: self.table.horizontalHeader()}
