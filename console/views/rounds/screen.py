"""The Rounds screen: the day's virtual ward round list beside the panel of the chosen round.

Loading generates the day's missing rounds and lists them (``rounds.rounds_of_day``, one
background write: generation is idempotent); every action (save, sign, mark ready, add CRP,
addendum, reorder) is one service call, after which the list loads again. It reloads when a
change touches what it read and keeps the selected round (by id) and its unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from console.services.core.errors import Conflict
from console.services.core.operations import ServiceCall, call
from console.services.rounds import rounds as rounds_service
from console.services.rounds.rounds import (
    FLAG_CRP_DECISION,
    FLAG_CRP_DECISION_OVERDUE,
    FLAG_CRP_OVERDUE,
    FLAG_NEW,
    RoundList,
    RoundNote,
    RoundRow,
)
from console.views.common import palette
from console.views.common.capacity import CapacityLabel
from console.views.common.column_room import GiveWay
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.labels import summary_line
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import fit_to_content, select_row, selected_id, sorted_proxy
from console.views.common.widgets import column, filter_box, push_button, tool_row, wrapped_label
from console.views.common.write_dialog import describe_error
from console.views.rounds.conference import ConferenceView
from console.views.rounds.delegates import COLUMN_WIDTHS, fit_status_column, round_list_table
from console.views.rounds.model import ROUND_ID_ROLE, SEARCH_ROLE, Column, RoundsTableModel
from console.views.rounds.panel import RoundPanel
from console.views.rounds.round_list_print import write_round_list_pdf
from console.vocabulary import RoundDecision

_SETTINGS_SPLITTER = "rounds/splitter"
_SETTINGS_HEADER = "rounds/header"
# Decisions that end the home course: signing opens the discharge for the doctor to confirm
# (nothing is cancelled before that); "switch to tablets" ends the IV visits and deliveries.
OUTCOME_OF_DECISION = {RoundDecision.READMIT: "readmitted", RoundDecision.DISCHARGE: "completed",
                       RoundDecision.ORAL_SWITCH: "oral_switch"}


class RoundsScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("RoundsScreen", "Rounds")
    LOAD_ERROR = QT_TRANSLATE_NOOP("RoundsScreen", "Could not load the rounds: {message}")
    load_writes = True  # listing the day generates its missing rounds
    action_failed = Signal(str)
    discharge_requested = Signal(int, str)  # admission id, outcome ("readmitted" / "completed")
    regimen_change_requested = Signal(int)  # admission id
    list_printed = Signal(str)  # the PDF's path

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self._listing: RoundList | None = None
        self._applying = False
        self._fitted = False  # the columns sized to the first rows (fit_to_content)
        self._adopt_version_of: int | None = None  # our own write bumped this round's version
        self.export = DocumentExport(context, self)
        self.export.written.connect(self.list_printed)
        self.export.failed.connect(self._show_screen_error)
        self.conference: ConferenceView | None = None
        self.model = RoundsTableModel(self)
        self.model.order_changed.connect(self._store_order)
        self.proxy = sorted_proxy(self.model, self, sort_role=Qt.ItemDataRole.DisplayRole,
                                  filter_role=SEARCH_ROLE, filter_column=Column.PATIENT,
                                  ignore_case=True)
        self.panel = RoundPanel()
        self._build_ui()
        self._connect_panel()
        self.retranslate_ui()

    # -- layout --------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.capacity_label = CapacityLabel()
        self.summary_label = wrapped_label()  # two lines rather than a window past 1280 px
        self.filter_edit = filter_box(self.proxy.setFilterFixedString, min_width=170)
        self.conference_button = QPushButton()
        self.conference_button.setCheckable(True)
        self.conference_button.toggled.connect(self._show_conference)
        self.print_button = push_button(clicked=self._on_print_clicked)
        top = tool_row(self.capacity_label, 12, (self.summary_label, 1), 12, self.loading_label,
                       12, self.filter_edit, self.conference_button, self.print_button)

        self.table = self._build_table()
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
        list_side = column((self.table, 1), self.hint_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_side)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([910, 390])  # the flags need room; a saved layout wins
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)

        self.page_layout(top, self.pages)

    def _build_table(self) -> QTableView:
        table = round_list_table(self.proxy)
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

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.filter_edit.setPlaceholderText(self.tr("Filter by patient, CPR or regimen"))
        self.conference_button.setText(self.tr("Conference"))
        self.conference_button.setToolTip(self.tr(
            "Weekly microbiology conference: the week's antibiotic courses and CRP curves"))
        self.print_button.setText(self.tr("Print list…"))
        fit_status_column(self.table)  # the labels' widths change with the language
        self.hint_label.setText(self.tr(
            "Drag a row, or press Ctrl+↑ / Ctrl+↓, to change the order of the round."))
        self.move_up_action.setText(self.tr("Move round up"))
        self.move_down_action.setText(self.tr("Move round down"))
        self.panel.retranslate_ui()
        self._show_listing_texts()

    # -- loading -------------------------------------------------------------------------------

    @property
    def listing(self) -> RoundList | None:
        return self._listing

    def load_call(self) -> ServiceCall:
        """Generate the day's missing rounds and list them (one background write)."""
        return call(rounds_service.rounds_of_day, self.day)

    def set_day(self, day: date) -> None:
        if day != self.day:
            self.panel.mark_saved()  # another day: another list, nothing to carry over
            super().set_day(day)
        if self.conference is not None:
            self.conference.set_day(day)

    def show_loaded(self, listing: RoundList) -> None:
        if listing.day == self.day:
            self._apply(listing)

    def _apply(self, listing: RoundList) -> None:
        """Show a fresh list; the selected round (by id) and the panel's edits survive."""
        selected = self.selected_round_id()
        scroll = self.table.verticalScrollBar().value()
        self._applying = True
        try:
            self._listing = listing
            self.model.set_rows(listing.rows)
            if listing.rows and not self._fitted:  # once: then the user's widths stand
                self._fitted = True  # issue 20: a long name is not cut
                # every flag whole where there is room ("CRP dag 3: tag stilling …" at 1920 px),
                # narrowed back as far as the regimen needs on a smaller screen
                fit_to_content(self.table, (Column.PATIENT, Column.ESCALATIONS, Column.FLAGS))
                GiveWay(self.table, Column.REGIMEN, {Column.FLAGS: COLUMN_WIDTHS[Column.FLAGS]})
            if selected is not None:
                self.select_round(selected, scroll_to=False)
        finally:
            self._applying = False
        self.table.verticalScrollBar().setValue(scroll)
        if self._adopt_version_of is not None:
            self.panel.adopt_version(listing, self._adopt_version_of)
            self._adopt_version_of = None
        self.panel.show_round(self._row(self.selected_round_id()))
        self._show_listing_texts()

    def _show_listing_texts(self) -> None:
        listing = self._listing
        self.capacity_label.show_occupancy(listing)
        if listing is None:
            self.summary_label.setText("")
            return
        rows = listing.rows
        parts = [self.tr("Signed {signed} of {total}").format(
            signed=sum(r.status == "signed" for r in rows), total=len(rows))]
        due = sum(bool({FLAG_CRP_DECISION, FLAG_CRP_DECISION_OVERDUE, FLAG_CRP_OVERDUE}
                       & set(r.flags)) for r in rows)
        if due:
            parts.append(self.tr("CRP decisions due: {n}").format(n=due))
        new = sum(FLAG_NEW in r.flags for r in rows)
        if new:
            parts.append(self.tr("New: {n}").format(n=new))
        self.summary_label.setText(summary_line(parts))

    def _show_screen_error(self, text: str | None) -> None:
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))
        if text:
            self.action_failed.emit(text)

    # -- selection and order -------------------------------------------------------------------

    def selected_round_id(self) -> int | None:
        return selected_id(self.table, ROUND_ID_ROLE)

    def select_round(self, round_id: int, *, scroll_to: bool = True) -> bool:
        return select_row(self.table, self.proxy, self.model.row_of_round(round_id),
                          scroll_to=scroll_to)

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
        self._write(call(rounds_service.reorder_rounds, self.day, round_ids),
                    on_error=self._on_order_failed)

    def _on_order_failed(self, error: Exception) -> None:
        self._show_screen_error(describe_error(error))
        self.reload()  # show the stored order again

    # -- actions on the selected round ---------------------------------------------------------

    def _write(self, action: ServiceCall, on_done: Callable[[Any], None] | None = None, *,
               on_error: Callable[[Exception], None] | None = None) -> None:
        """One service call for an action on the list; the list loads again when it is done."""

        def done(result: object) -> None:
            self.panel.setEnabled(True)
            self.panel.show_error(None)
            self.error_label.setVisible(False)
            if on_done is not None:
                on_done(result)
            self.reload()

        self.panel.setEnabled(False)
        self.context.worker.write(action, done, on_error or self._on_action_failed, owner=self)

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
            self._write(call(rounds_service.save_round_note, row.round_id, note,
                             expected_version=row.version),
                        lambda _none: self.panel.mark_saved())

    def sign(self, decision: RoundDecision, note: RoundNote, reason: str | None = None) -> None:
        row = self._current()
        if row is None:
            return

        def signed(_none: object) -> None:
            self.panel.mark_saved()
            if decision in OUTCOME_OF_DECISION:
                self.discharge_requested.emit(row.admission_id, OUTCOME_OF_DECISION[decision])
            elif decision == RoundDecision.ADJUST:
                self.regimen_change_requested.emit(row.admission_id)

        self._write(call(rounds_service.sign_round, row.round_id, decision=decision, note=note,
                         crp_other_day_reason=reason, expected_version=row.version), signed)

    def mark_ready(self, prep_notes: str) -> None:
        row = self._current()
        if row is not None:
            # The e-nurse's write bumps the version: adopt it, or the next save would conflict.
            def prepared(_none: object) -> None:
                self._adopt_version_of = row.round_id

            self._write(call(rounds_service.prepare_round, row.round_id, prep_notes=prep_notes,
                             expected_version=row.version), prepared)

    def add_crp(self, value: float, taken_at: datetime) -> None:
        row = self._current()
        if row is not None:
            self._write(call(rounds_service.add_lab_result, row.admission_id, crp=value,
                             taken_at=taken_at))

    def add_addendum(self, text: str) -> None:
        row = self._current()
        if row is not None:
            self._write(call(rounds_service.add_addendum, row.round_id, text),
                        lambda _none: self.panel.mark_saved())

    # -- print and conference ------------------------------------------------------------------

    def _on_print_clicked(self) -> None:
        self.print_list()

    def print_list(self, path: Path | None = None) -> None:
        """Write the shown day's list to a PDF (asks where when no path is given). The print is
        logged for every patient on it first; ``list_printed`` says where the PDF went."""
        if self._listing is None:
            return
        day = self._listing.day
        path = path or ask_path(self, self.tr("Print the round list to PDF"),
                                f"rounds-{day.isoformat()}.pdf", self.tr("PDF files (*.pdf)"),
                                ".pdf")
        if path is not None:
            self.export.run(call(rounds_service.round_list_for_print, day), write_round_list_pdf,
                            path)

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

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_SPLITTER: self.splitter,
                _SETTINGS_HEADER: self.table.horizontalHeader()}
