"""Parts of the logistics screen: the status/municipality filter, the red at-risk panel and the
action bar for the selected delivery. No database work: the screen feeds them rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.logistics.deliveries import TRANSITIONS, AtRiskRow, DeliveryRow
from console.services.logistics.delivery_runs import DeliveryRun
from console.timeutil import format_local
from console.views.common.tables import RowFilter, fit_columns, house_table, sorted_proxy
from console.views.common.widgets import STRETCH, push_button, tool_row
from console.views.logistics.at_risk_model import AtRiskColumn, AtRiskTableModel
from console.views.logistics.model import (
    ADMISSION_ID_ROLE,
    OPEN_STATUSES,
    status_label,
)
from console.vocabulary import DeliveryStatus

ALL = "all"
OPEN = "open"
ROW_HEIGHT = 28
AT_RISK_MAX_ROWS = 5
AT_RISK_WIDTHS = {
    AtRiskColumn.PATIENT: 190, AtRiskColumn.MUNICIPALITY: 110, AtRiskColumn.PHONE: 110,
    AtRiskColumn.RUNS_OUT: 100, AtRiskColumn.LEFT: 110, AtRiskColumn.NEXT_DELIVERY: 170,
}
ACTIONS = (DeliveryStatus.PACKED, DeliveryStatus.OUT, DeliveryStatus.DELIVERED,
           DeliveryStatus.FAILED)
_FRAME = ("QFrame#atRisk { border: 2px solid #b42318; border-radius: 4px;"
          " background: #fff5f4; }")
_TITLE = "QLabel { color: #9b1c13; font-size: 14px; font-weight: 700; }"
_ALL_CLEAR = "QLabel { color: #1c7c37; font-weight: 600; padding: 2px 4px; }"


class DeliveryFilter(RowFilter[DeliveryRow]):
    """Status ("open", "all" or one status code) and municipality (None: every one)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = ALL
        self.municipality: str | None = None

    def set_filter(self, status: str, municipality: str | None) -> None:
        with self.filter_change():
            self.status, self.municipality = status, municipality

    def accepts(self, row: DeliveryRow) -> bool:
        if self.municipality is not None and row.municipality != self.municipality:
            return False
        if self.status == OPEN:
            return row.status in OPEN_STATUSES
        return self.status in (ALL, row.status)


def make_table(model: QSortFilterProxyModel) -> QTableView:
    """The house table: read-only rows, single selection, sortable, no wrapping."""
    return house_table(model, sortable=True, row_height=ROW_HEIGHT, stretch_last=False)


def size_columns(table: QTableView, widths: dict[Any, int], stretch: int) -> None:
    """Starting widths (never narrower than the header text); ``stretch`` takes the rest."""
    fit_columns(table, widths, stretch, pad=22)


class AtRiskPanel(QFrame):
    """R-SUPPLY in red: who runs out within 48 h with no delivery planned (or "all clear")."""

    patient_requested = Signal(int)  # admission id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("atRisk")
        self.setStyleSheet(_FRAME)
        self.model = AtRiskTableModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.title = QLabel()
        self.title.setStyleSheet(_TITLE)
        self.hint = QLabel()
        self.hint.setStyleSheet("QLabel { color: #9b1c13; }")
        self.table = make_table(self.proxy)
        self.table.sortByColumn(AtRiskColumn.RUNS_OUT, Qt.SortOrder.AscendingOrder)
        size_columns(self.table, AT_RISK_WIDTHS, AtRiskColumn.MEDICINE)
        self.table.activated.connect(self._on_activated)
        self.all_clear = QLabel()
        self.all_clear.setStyleSheet(_ALL_CLEAR)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 8)
        box.setSpacing(4)
        heading = tool_row(self.title, STRETCH, self.hint)
        box.addLayout(heading)
        box.addWidget(self.table)
        box.addWidget(self.all_clear)
        self.set_rows(None)

    def set_rows(self, rows: tuple[AtRiskRow, ...] | None) -> None:
        """``None``: not loaded yet (nothing claimed either way)."""
        if rows is not None:
            self.model.set_rows(rows)
        count = self.model.rowCount()
        self.table.setVisible(rows is not None and count > 0)
        self.all_clear.setVisible(rows is not None and count == 0)
        header = self.table.horizontalHeader().sizeHint().height()
        shown = min(max(count, 1), AT_RISK_MAX_ROWS)
        self.table.setFixedHeight(header + ROW_HEIGHT * shown + 2 * self.table.frameWidth())
        self.hint.setVisible(rows is not None and count > 0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        count = self.model.rowCount()
        self.title.setText(self.tr("Runs out within 48 h and no delivery planned: {n}").format(
            n=count) if count else self.tr("Runs out within 48 h and no delivery planned"))
        self.all_clear.setText(self.tr("No patient runs out within 48 h without a delivery "
                                       "planned."))
        self.hint.setText(self.tr("“Propose deliveries…” plans them · double-click opens the "
                                  "record"))

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ADMISSION_ID_ROLE)
        if value is not None:
            self.patient_requested.emit(int(value))


class DeliveryActions(QWidget):
    """Packed / Out for delivery / Delivered / Failed… for the selected delivery; a button is
    enabled only where the service's status flow allows that move."""

    mark_requested = Signal(object)  # DeliveryStatus
    mbe_requested = Signal()  # hand the selected delivery to an MBE car

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: DeliveryRow | None = None
        self.busy = False
        self.run_label = QLabel()
        self.run_label.setStyleSheet("QLabel { color: #374151; }")
        self.selected_label = QLabel()
        for label in (self.run_label, self.selected_label):  # wrap, not widen past 1280 px
            label.setWordWrap(True)
        self.buttons: dict[DeliveryStatus, QPushButton] = {}
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 4, 0, 4)
        bar.addWidget(self.run_label, 2)
        bar.addStretch(1)
        bar.addWidget(self.selected_label, 1)
        bar.addSpacing(8)
        self.mbe_button = push_button(clicked=self.mbe_requested)
        bar.addWidget(self.mbe_button)
        bar.addSpacing(8)
        for status in ACTIONS:
            button = push_button(clicked=lambda _=False, s=status: self.mark_requested.emit(s))
            self.buttons[status] = button
            bar.addWidget(button)
        self.retranslate_ui()

    def show_run(self, run: DeliveryRun | None) -> None:
        """The day's run under the list: stops, start, driving time, back at the base."""
        if run is None or not run.stops:
            self.run_label.setText(self.tr("No open deliveries to drive."))
            return
        hours, minutes = divmod(run.travel_minutes, 60)
        self.run_label.setText(self.tr(
            "Run: {n} stops from {base} at {start} · {h} h {m} min driving · back about {back}")
            .format(n=len(run.stops), base=run.start_base,
                    start=format_local(run.start_at, "%H:%M"), h=hours, m=minutes,
                    back=format_local(run.back_at, "%H:%M")))

    def retranslate_ui(self) -> None:
        texts = {DeliveryStatus.PACKED: self.tr("Packed"),
                 DeliveryStatus.OUT: self.tr("Out for delivery"),
                 DeliveryStatus.DELIVERED: self.tr("Delivered"),
                 DeliveryStatus.FAILED: self.tr("Failed…")}
        for status, button in self.buttons.items():
            button.setText(texts[status])
        self.mbe_button.setText(self.tr("Hand to MBE car"))
        self.mbe_button.setToolTip(self.tr("An MBE car brings it: a stop in the dispatch tray"))
        self.show_row(self.row, busy=self.busy)

    def show_row(self, row: DeliveryRow | None, *, busy: bool = False) -> None:
        self.row, self.busy = row, busy
        allowed = TRANSITIONS[DeliveryStatus(row.status)] if row is not None else frozenset()
        for status, button in self.buttons.items():
            button.setEnabled(not busy and status in allowed)
        self.mbe_button.setEnabled(
            not busy and row is not None and row.visit_id is None
            and row.status in (DeliveryStatus.REQUESTED.value, DeliveryStatus.PACKED.value))
        if row is None:
            self.selected_label.setText(self.tr("Select a delivery to move it on."))
        else:
            self.selected_label.setText(self.tr("{patient}: {status}").format(
                patient=row.patient, status=status_label(row.status)))
