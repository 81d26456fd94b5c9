"""The census screen: today's admitted home-treatment patients against capacity (R-CAPACITY).

Loads ``console.services.course.census.load_census`` (the screen recipe: ``views/common/
screen.py``), and keeps the selected admission and the scroll position across reloads and
sorting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QStackedWidget,
    QTableView,
    QWidget,
)

from console.change_events import ChangeEvent
from console.services.core.operations import ServiceCall, call
from console.services.course import census as census_service
from console.services.course.census import CensusSnapshot
from console.views.census.model import (
    ADMISSION_ID_ROLE,
    SEARCH_ROLE,
    CensusTableModel,
    Column,
)
from console.views.common.capacity import CapacityLabel
from console.views.common.column_room import give_way_once_fitted
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import summary_line
from console.views.common.line_rows import LineRows
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import (
    fit_columns,
    fit_on_first_rows,
    house_table,
    select_row,
    selected_id,
    sorted_proxy,
)
from console.views.common.widgets import (
    empty_state_label,
    filter_box,
    interval_timer,
    push_button,
    tool_row,
    wrapped_label,
)

# Starting widths at 1400x900; a column is never narrower than its header text.
COLUMN_WIDTHS = {
    Column.NAME: 175, Column.CPR: 92, Column.MUNICIPALITY: 150, Column.CONDITION: 150,
    Column.DOSES: 66, Column.DAY: 62, Column.NEXT_VISIT: 86, Column.CRP: 72, Column.SUPPLY: 76,
    Column.ESCALATIONS: 76,
}
HEADER_PADDING = 18  # room for the sort arrow
# Once fitted to the rows, a column keeps only a little room beside its header: eleven sort
# arrows' worth was the treatment's second regimen line at 1280 px (issue 20).
HEADER_PADDING_FITTED = 6
# Columns that give way to the treatment at 1280 px (issue 20); their tooltip has the full text
NARROWED = {Column.MUNICIPALITY: 96, Column.CONDITION: 86}
_SETTINGS_HEADER = "census/header"



ROWS_KEY = "census-rows"  # the refresh of a few rows (cancel-latest, apart from the whole load)
OVERDUE_REFRESH_MS = 60_000  # R-REGISTER: a dose turns overdue with time alone


class CensusScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("CensusScreen", "Census")
    LOAD_ERROR = QT_TRANSLATE_NOOP("CensusScreen", "Could not load the census: {message}")
    patient_requested = Signal(int)  # admission id
    admit_requested = Signal()  # the shell opens the admission dialog

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._snapshot: CensusSnapshot | None = None
        self.model = CensusTableModel(self)
        self.proxy = sorted_proxy(self.model, self, filter_role=SEARCH_ROLE,
                                  filter_column=Column.NAME, ignore_case=True)
        self._build_ui()
        # R-REGISTER: time alone makes a dose overdue; the census looks again every minute
        # (a hidden census only marks itself stale).
        self.overdue_timer = interval_timer(self, OVERDUE_REFRESH_MS, self.reload_or_mark_stale)
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.capacity_label = CapacityLabel()
        self.summary_label = wrapped_label()  # wraps rather than widening the window (issue 20)
        self.filter_edit = filter_box(self._on_filter_changed, min_width=220)
        self.admit_button = push_button(clicked=self.admit_requested)

        # the summary takes the free width (one line on a wide screen), wrapping only when short
        top = tool_row(self.capacity_label, 16, (self.summary_label, 1), 12, self.loading_label,
                       12, self.filter_edit, self.admit_button)

        self.table = self._build_table()
        self.empty_label = empty_state_label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_label)

        self.page_layout(top, self.pages)

    def _build_table(self) -> QTableView:
        table = house_table(self.proxy, sort_column=Column.NAME, alternating=True,
                            row_height=28, stretch_last=False)
        fit_columns(table, COLUMN_WIDTHS, Column.TREATMENT, pad=HEADER_PADDING)
        self.treatment_lines = LineRows(table, Column.TREATMENT)  # two regimens: two lines
        # issue 20: short columns give their room to the treatment, once the first rows show
        fit_on_first_rows(table, (
            Column.NAME, Column.MUNICIPALITY, Column.CONDITION, Column.NEXT_VISIT, Column.DOSES,
            Column.DAY, Column.CRP, Column.SUPPLY, Column.ESCALATIONS),
            header_padding=HEADER_PADDING_FITTED,
            then=give_way_once_fitted(table, Column.TREATMENT, NARROWED))
        table.activated.connect(self._on_activated)
        return table

    def set_roles(self, roles: frozenset[str]) -> None:
        super().set_roles(roles)
        self.admit_button.setVisible("e_doctor" in roles)  # admitting is the e-doctor's

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.admit_button.setText(self.tr("Admit patient…"))
        self.admit_button.setToolTip(self.tr("Admit a referred patient to the eHospital"))
        self.filter_edit.setPlaceholderText(
            self.tr("Filter: name, CPR, town, condition, drug"))
        self._show_snapshot_texts()

    # -- loading -------------------------------------------------------------------------------

    def load_call(self) -> ServiceCall:
        return call(census_service.load_census, self.day)

    def reload(self) -> None:
        self.context.worker.cancel(ROWS_KEY)  # a whole census is on its way
        super().reload()

    def refresh_rows(self, event: ChangeEvent) -> bool:
        """Another desk changed some patients' rows: reload just those (issue 17)."""
        admissions = event.admissions(self.reads)
        if admissions is None or self._snapshot is None:
            return False
        if admissions:
            self.context.worker.refresh(
                ROWS_KEY, call(census_service.load_census, self.day, sorted(admissions)),
                self._apply_rows, self._on_load_failed, owner=self)
        return True

    def _apply_rows(self, partial: CensusSnapshot) -> None:
        snap = self._snapshot
        if snap is None or partial.day != snap.day or partial.only is None:
            return
        returned = {r.admission_id for r in partial.rows}
        self.model.upsert_rows(partial.rows)
        self.model.remove_keys(partial.only - returned)
        self._snapshot = CensusSnapshot(snap.day, partial.capacity, self.model.rows(),
                                        referrals_waiting=partial.referrals_waiting)
        self._show_snapshot_texts()
        self.loaded.emit()

    def show_loaded(self, snapshot: CensusSnapshot) -> None:
        selected = self.selected_admission_id()
        scroll = self.table.verticalScrollBar().value()
        self._snapshot = snapshot
        self.model.set_rows(snapshot.rows, snapshot.day)
        if selected is not None:
            self.select_admission(selected, scroll_to=False)
        self.table.verticalScrollBar().setValue(scroll)
        self._show_snapshot_texts()

    # -- texts ---------------------------------------------------------------------------------

    def _show_snapshot_texts(self) -> None:
        snap = self._snapshot
        self.capacity_label.show_occupancy(snap)
        if snap is None:
            self.summary_label.setText("")
            return
        self.summary_label.setText(self._summary(snap))
        self._show_empty_state()

    def _summary(self, snap: CensusSnapshot) -> str:
        crp = sum(r.crp_due for r in snap.rows)
        supply = sum(r.supply_days_left is not None and r.supply_days_left <= 2 for r in snap.rows)
        escalations = sum(r.open_escalations for r in snap.rows)
        awaiting = sum(r.municipality_state == "awaiting" for r in snap.rows)
        parts = []
        if crp:
            parts.append(self.tr("CRP due: {n}").format(n=crp))
        if supply:
            parts.append(self.tr("Low on supply: {n}").format(n=supply))
        if escalations:
            parts.append(self.tr("Open escalations: {n}").format(n=escalations))
        if awaiting:
            parts.append(self.tr("Awaiting acceptance: {n}").format(n=awaiting))
        if snap.referrals_waiting:  # R-ELIGIBLE: the queue on the Referrals screen (issue 19)
            parts.append(self.tr("Referrals waiting: {n}").format(n=snap.referrals_waiting))
        return summary_line(parts)

    def _show_empty_state(self) -> None:
        snap = self._snapshot
        if snap is not None and not snap.rows:
            self.empty_label.setText(self.tr("No patients admitted on {date}.").format(
                date=snap.day.strftime("%d/%m/%Y")))
            self.pages.setCurrentWidget(self.empty_label)
        elif snap is not None and self.proxy.rowCount() == 0:
            self.empty_label.setText(self.tr("No patients match “{text}”.").format(
                text=self.filter_edit.text()))
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentWidget(self.table)

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_empty_state()

    # -- selection -----------------------------------------------------------------------------

    def selected_admission_id(self) -> int | None:
        return selected_id(self.table, ADMISSION_ID_ROLE)

    def select_admission(self, admission_id: int, *, scroll_to: bool = True) -> bool:
        return select_row(self.table, self.proxy, self.model.row_of_admission(admission_id),
                          column=Column.NAME, scroll_to=scroll_to)

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ADMISSION_ID_ROLE)
        if value is not None:
            self.patient_requested.emit(int(value))

    # -- per-user state ------------------------------------------------------------------------

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_HEADER: self.table.horizontalHeader()}
