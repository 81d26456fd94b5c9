"""The Rounds screen: the day's virtual ward round list beside the panel of the chosen round.

Loading generates the day's missing rounds and lists them in ONE background write (generation
is idempotent); every action (save, sign, mark ready, add CRP, addendum, reorder) is one write
that also returns the fresh list, so the screen shows the outcome without a second trip. It
reloads on change-feed events and keeps the selected round (by id) and its unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from console.models import RoundDecision
from console.services.core.errors import Conflict
from console.services.rounds import rounds as rounds_service
from console.services.rounds.rounds import FLAG_CRP_DECISION, FLAG_NEW, RoundList, RoundNote, RoundRow
from console.views.common import palette
from console.views.common.screen import Screen, ScreenContext
from console.views.common.write_dialog import describe_error
from console.views.rounds.conference import ConferenceView
from console.views.rounds.delegates import BadgeDelegate, SparklineDelegate
from console.views.rounds.model import ROUND_ID_ROLE, SEARCH_ROLE, Column, RoundsTableModel
from console.views.rounds.panel import RoundPanel
from console.views.rounds.round_list_print import write_round_list_pdf

RELEVANT_TABLES = frozenset({"ward_round", "round_addendum", "lab_result", "visit", "admission",
                             "escalation", "regimen", "patient", "setting"})
COLUMN_WIDTHS = {Column.TIME: 48, Column.PATIENT: 150, Column.DAY: 36, Column.REGIMEN: 140,
                 Column.CRP: 84, Column.VISITS: 50, Column.ESCALATIONS: 36, Column.STATUS: 78}
_SETTINGS_SPLITTER = "rounds/splitter"
_SETTINGS_HEADER = "rounds/header"
_CAPACITY_OK = "QLabel { font-size: 15px; font-weight: 600; }"
_CAPACITY_OVER = ("QLabel { font-size: 15px; font-weight: 600; color: #7a4b00;"
                  " background: #fff1c2; border: 1px solid #e0b000; border-radius: 4px;"
                  " padding: 2px 8px; }")
_ERROR_STYLE = palette.ERROR_BANNER_STYLE
OUTCOME_OF_DECISION = {RoundDecision.READMIT: "readmitted", RoundDecision.DISCHARGE: "completed"}




def _load(day: date, session: Session) -> RoundList:
    rounds_service.ensure_rounds(session, day)
    return rounds_service.list_rounds(session, day)


class RoundsScreen(Screen):
    relevant_tables = RELEVANT_TABLES
    rounds_loaded = Signal()
    action_failed = Signal(str)
    discharge_requested = Signal(int, str)  # admission id, outcome ("readmitted" / "completed")
    regimen_change_requested = Signal(int)  # admission id

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._listing: RoundList | None = None
        self._loading = False
        self._reload_again = False
        self._stale = True
        self._applying = False
        self.conference: ConferenceView | None = None
        self.model = RoundsTableModel(self)
        self.model.order_changed.connect(self._store_order)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(Column.PATIENT)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.panel = RoundPanel()
        self._build_ui()
        self._connect_panel()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.capacity_label = QLabel()
        self.summary_label = QLabel()
        self.loading_label = QLabel()
        self.loading_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
        self.loading_label.setVisible(False)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(220)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.conference_button = QPushButton()
        self.conference_button.setCheckable(True)
        self.conference_button.toggled.connect(self._show_conference)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._on_print_clicked)
        top = QHBoxLayout()
        for widget in (self.capacity_label, self.summary_label, self.loading_label):
            top.addWidget(widget)
            top.addSpacing(12)
        top.addStretch(1)
        top.addWidget(self.filter_edit)
        top.addWidget(self.conference_button)
        top.addWidget(self.print_button)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        self.table = self._build_table()
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.hint_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([880, 420])  # the flags need room; a saved layout wins
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.pages, 1)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDragDropOverwriteMode(False)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDropIndicatorShown(True)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(30)
        table.setItemDelegateForColumn(Column.CRP, SparklineDelegate(table))
        badges = BadgeDelegate(table)
        table.setItemDelegateForColumn(Column.STATUS, badges)
        table.setItemDelegateForColumn(Column.FLAGS, badges)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(Column.FLAGS, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.move_up_action = QAction(table)
        self.move_up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.move_up_action.triggered.connect(lambda: self.move_selected(-1))
        self.move_down_action = QAction(table)
        self.move_down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.move_down_action.triggered.connect(lambda: self.move_selected(1))
        for action in (self.move_up_action, self.move_down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)
        return table

    def _connect_panel(self) -> None:
        self.panel.save_requested.connect(self.save_note)
        self.panel.sign_requested.connect(self.sign)
        self.panel.prepare_requested.connect(self.mark_ready)
        self.panel.addendum_requested.connect(self.add_addendum)
        self.panel.crp_requested.connect(self.add_crp)
        self.panel.reload_requested.connect(self.reload)

    def set_roles(self, roles: frozenset[str]) -> None:
        """A doctor signs and writes the note; an e-nurse prepares (the service checks too)."""
        self.panel.sign_button.setVisible("e_doctor" in roles)
        self.panel.ready_button.setVisible(bool(roles & {"e_nurse", "e_doctor"}))

    def title(self) -> str:
        return self.tr("Rounds")

    def retranslate_ui(self) -> None:
        self.loading_label.setText(self.tr("Loading…"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by patient, CPR or regimen"))
        self.conference_button.setText(self.tr("Conference"))
        self.conference_button.setToolTip(self.tr(
            "Weekly microbiology conference: the week's antibiotic courses and CRP curves"))
        self.print_button.setText(self.tr("Print list…"))
        self.hint_label.setText(self.tr(
            "Drag a row, or press Ctrl+↑ / Ctrl+↓, to change the order of the round."))
        self.move_up_action.setText(self.tr("Move round up"))
        self.move_down_action.setText(self.tr("Move round down"))
        self.panel.retranslate_ui()
        self._show_listing_texts()

    # -- loading -------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def listing(self) -> RoundList | None:
        return self._listing

    def reload(self) -> None:
        """Generate the day's missing rounds and list them (one background write)."""
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._stale = False
        self.loading_label.setVisible(True)
        day = self.day
        self.context.worker.write(lambda session: _load(day, session), self._on_loaded,
                                  self._on_load_failed, owner=self)

    def set_day(self, day: date) -> None:
        if day != self.day:
            super().set_day(day)
            self.panel.mark_saved()  # another day: another list, nothing to carry over
            self.reload_or_mark_stale()
        if self.conference is not None:
            self.conference.set_day(day)

    def _on_loaded(self, listing: RoundList) -> None:
        self._loading = False
        self.loading_label.setVisible(False)
        self.error_label.setVisible(False)
        if listing.day != self.day or self._reload_again:
            self._reload_again = False
            self.reload()
            if listing.day != self.day:
                return
        self._apply(listing)

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = False
        self._reload_again = False
        self.loading_label.setVisible(False)
        self._show_screen_error(self.tr("Could not load the rounds: {message}").format(
            message=describe_error(error)))

    def _apply(self, listing: RoundList) -> None:
        """Show a fresh list; the selected round (by id) and the panel's edits survive."""
        selected = self.selected_round_id()
        scroll = self.table.verticalScrollBar().value()
        self._applying = True
        try:
            self._listing = listing
            self.model.set_rows(listing.rows)
            if selected is not None:
                self.select_round(selected, scroll_to=False)
        finally:
            self._applying = False
        self.table.verticalScrollBar().setValue(scroll)
        self.panel.show_round(self._row(self.selected_round_id()))
        self._show_listing_texts()
        self.rounds_loaded.emit()

    def _show_listing_texts(self) -> None:
        listing = self._listing
        if listing is None:
            self.capacity_label.setText("")
            self.summary_label.setText("")
            return
        text = self.tr("{admitted} / {capacity} admitted").format(
            admitted=listing.admitted, capacity=listing.capacity)
        if listing.over_capacity:  # R-CAPACITY: warns, never blocks
            text = self.tr("{count} — over capacity").format(count=text)
        self.capacity_label.setText(text)
        self.capacity_label.setStyleSheet(_CAPACITY_OVER if listing.over_capacity
                                          else _CAPACITY_OK)
        rows = listing.rows
        parts = [self.tr("Signed {signed} of {total}").format(
            signed=sum(r.status == "signed" for r in rows), total=len(rows))]
        due = sum(FLAG_CRP_DECISION in r.flags for r in rows)
        if due:
            parts.append(self.tr("CRP decisions due: {n}").format(n=due))
        new = sum(FLAG_NEW in r.flags for r in rows)
        if new:
            parts.append(self.tr("New: {n}").format(n=new))
        self.summary_label.setText("  ·  ".join(parts))

    def _show_screen_error(self, text: str | None) -> None:
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))
        if text:
            self.action_failed.emit(text)

    # -- selection and order -------------------------------------------------------------------

    def selected_round_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        value = rows[0].data(ROUND_ID_ROLE) if rows else None
        return int(value) if value is not None else None

    def select_round(self, round_id: int, *, scroll_to: bool = True) -> bool:
        row = self.model.row_of_round(round_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            return False
        selection = self.table.selectionModel()
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect
                                  | selection.SelectionFlag.Rows)
        if scroll_to:
            self.table.scrollTo(index)
        return True

    def _row(self, round_id: int | None) -> RoundRow | None:
        row = self.model.row_of_round(round_id) if round_id is not None else None
        return self.model.row_at(row) if row is not None else None

    def _on_current_changed(self) -> None:
        if not self._applying:
            self.panel.show_round(self._row(self.selected_round_id()))

    def move_selected(self, delta: int) -> bool:
        """Move the selected round up (-1) or down (+1); the new order is stored."""
        round_id = self.selected_round_id()
        row = self.model.row_of_round(round_id) if round_id is not None else None
        if round_id is None or row is None:
            return False
        moved = self.model.move_round(round_id, row + delta)
        if moved:
            self.select_round(round_id)
        return moved

    def _store_order(self, round_ids: list[int]) -> None:
        day = self.day
        self._write(lambda s: rounds_service.reorder_rounds(s, day, round_ids),
                    on_error=self._on_order_failed)

    def _on_order_failed(self, error: Exception) -> None:
        self._show_screen_error(describe_error(error))
        self.reload()  # show the stored order again

    # -- actions on the selected round ---------------------------------------------------------

    def _write(self, op: Callable[[Session], object],
               on_done: Callable[[RoundList], None] | None = None, *,
               on_error: Callable[[Exception], None] | None = None) -> None:
        day = self.day

        def fn(session: Session) -> RoundList:
            op(session)
            return rounds_service.list_rounds(session, day)

        def done(listing: RoundList) -> None:
            self.panel.setEnabled(True)
            self.panel.show_error(None)
            self.error_label.setVisible(False)
            if on_done is not None:
                on_done(listing)
            if listing.day == self.day:
                self._apply(listing)

        self.panel.setEnabled(False)
        self.context.worker.write(fn, done, on_error or self._on_action_failed, owner=self)

    def _on_action_failed(self, error: Exception) -> None:
        self.panel.setEnabled(self.panel.round is not None)
        text = describe_error(error)
        self.panel.show_error(text, offer_reload=isinstance(error, Conflict))
        self.action_failed.emit(text)

    def _current(self) -> RoundRow | None:
        row = self.panel.round
        if row is None:
            self.panel.show_error(self.tr("Choose a round in the list first."))
        return row

    def save_note(self, note: RoundNote) -> None:
        row = self._current()
        if row is not None:
            self._write(lambda s: rounds_service.save_round_note(
                s, row.round_id, note, expected_version=row.version),
                lambda _listing: self.panel.mark_saved())

    def sign(self, decision: RoundDecision, note: RoundNote, reason: str | None = None) -> None:
        row = self._current()
        if row is None:
            return

        def signed(_listing: RoundList) -> None:
            self.panel.mark_saved()
            if decision in OUTCOME_OF_DECISION:
                self.discharge_requested.emit(row.admission_id, OUTCOME_OF_DECISION[decision])
            elif decision == RoundDecision.ADJUST:
                self.regimen_change_requested.emit(row.admission_id)

        self._write(lambda s: rounds_service.sign_round(
            s, row.round_id, decision=decision, note=note, crp_other_day_reason=reason,
            expected_version=row.version), signed)

    def mark_ready(self, prep_notes: str) -> None:
        row = self._current()
        if row is not None:
            # The e-nurse's write bumps the version: adopt it, or the next save would conflict.
            self._write(lambda s: rounds_service.prepare_round(
                s, row.round_id, prep_notes=prep_notes, expected_version=row.version),
                lambda listing: self.panel.adopt_version(listing, row.round_id))

    def add_crp(self, value: float, taken_at: datetime) -> None:
        row = self._current()
        if row is not None:
            self._write(lambda s: rounds_service.add_lab_result(
                s, row.admission_id, crp=value, taken_at=taken_at))

    def add_addendum(self, text: str) -> None:
        row = self._current()
        if row is not None:
            self._write(lambda s: rounds_service.add_addendum(s, row.round_id, text),
                        lambda _listing: self.panel.mark_saved())

    # -- print and conference ------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        self.print_list()

    def print_list(self, path: Path | None = None) -> Path | None:
        """Write the shown day's list to a PDF (asks where when no path is given)."""
        if self._listing is None:
            return None
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Print the round list to PDF"),
                f"rounds-{self._listing.day.isoformat()}.pdf", self.tr("PDF files (*.pdf)"))
            if not name:
                return None
            path = Path(name)
        try:
            return write_round_list_pdf(self._listing, path)
        except OSError as exc:
            self._show_screen_error(str(exc))
            return None

    def _show_conference(self, on: bool) -> None:
        if on and self.conference is None:
            from console.views.rounds.conference import ConferenceView

            self.conference = ConferenceView(self.context, self.day)
            self.pages.addWidget(self.conference)
        if on and self.conference is not None:
            self.pages.setCurrentWidget(self.conference)
            self.conference.reload()
        else:
            self.pages.setCurrentWidget(self.splitter)

    # -- per-user state ------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(_SETTINGS_SPLITTER, self.splitter.saveState())
        settings.setValue(_SETTINGS_HEADER, self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, target in ((_SETTINGS_SPLITTER, self.splitter),
                            (_SETTINGS_HEADER, self.table.horizontalHeader())):
            state = settings.value(key)
            if state is not None:
                target.restoreState(state)
