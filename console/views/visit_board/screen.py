"""The e-nurse's visit board (issue 14, seed 003): the ward day's visits across patients, grouped
by municipality and provider, with their status; overdue ones (R-REGISTER) in red and counted
in the header. The selected visit is registered done (Ctrl+D) or missed (Ctrl+M) with the
record's register dialog, one service call through the worker with the visit's version; the
board, the census and the status bar follow through the change feed. Loads
``visit_board.load_visit_board`` by the screen recipe and keeps the selected visit by id.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.course import visit_board
from console.services.course.visit_board import BoardVisit, VisitBoard
from console.views.common.column_room import give_way_once_fitted
from console.views.common.combos import refill
from console.views.common.export import DocumentExport, ask_path
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.rows_model import ID_ROLE
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import (
    compact_table,
    fit_to_content_in_turns,
    hold_paint,
    proxy_over,
    select_row,
)
from console.views.common.widgets import STRETCH, push_button, tool_row
from console.views.common.worker import Preparer
from console.views.patient.timeline_model import StatusBadgeDelegate
from console.views.patient.visit_register_dialog import DONE, MISSED, VisitRegisterDialog
from console.views.visit_board.call_list_print import write_call_list_pdf
from console.views.visit_board.model import (
    BoardColumn,
    MunicipalityFilter,
    PreparedBoard,
    VisitBoardModel,
    prepare_board,
)

REGISTER_ROLES = frozenset({"e_nurse", "e_doctor", "dispatcher"})


class VisitBoardScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("VisitBoardScreen", "Visits")
    LOAD_ERROR = QT_TRANSLATE_NOOP("VisitBoardScreen", "Could not load the visit board: {message}")

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.board: VisitBoard | None = None
        self.prepared: PreparedBoard | None = None
        self.dialog: VisitRegisterDialog | None = None
        self.model = VisitBoardModel(self)
        self.proxy = proxy_over(MunicipalityFilter(self), self.model)
        self.table = compact_table(self.proxy, sort_column=BoardColumn.MUNICIPALITY)
        self.table.setItemDelegateForColumn(BoardColumn.STATUS, StatusBadgeDelegate(self))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.summary = QLabel()
        self.summary.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; }")
        self.municipality_combo = QComboBox()
        self.municipality_combo.setMinimumWidth(150)
        self.municipality_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_municipality(self.municipality_combo.currentData()))
        self.done_button, self.missed_button = QPushButton(), QPushButton()
        self.print_button = push_button(clicked=lambda: self.print_call_list())  # noqa: PLW0108
        self.export = DocumentExport(context, self)
        self.export.written.connect(self.summary.setToolTip)
        self.export.failed.connect(self._show_error)
        self.done_action = self._action("Ctrl+D", DONE, self.done_button)
        self.missed_action = self._action("Ctrl+M", MISSED, self.missed_button)
        self.page_layout(tool_row(self.summary, 12, self.loading_label, STRETCH,
                                  self.municipality_combo, 12, self.done_button,
                                  self.missed_button, 12, self.print_button), self.table)
        self.retranslate_ui()
        self._update_actions()

    def _action(self, keys: str, mode: str, button: QPushButton) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda: self.open_register_dialog(mode))
        self.table.addAction(action)
        self.addAction(action)
        button.clicked.connect(action.trigger)
        return action

    # -- the recipe ----------------------------------------------------------------------------

    def load_call(self) -> ServiceCall:
        return call(visit_board.load_visit_board, self.day)

    def prepare_load(self) -> Preparer | None:
        """The row plan, the counts and the municipalities are made on the pool thread: on a
        board of 8,000 visits they took about 50 ms of the GUI thread on every reload."""
        base = self.model.off_thread_base()
        return None if base is None else partial(prepare_board, base)

    def show_loaded(self, result: Any) -> None:
        if isinstance(result, VisitBoard):  # not prepared (a test, or no plain base)
            result = prepare_board(self.model.base(), result)
        selected = self.selected_visit()
        first_rows = not self.model.rows()
        before, self.prepared, self.board = self.prepared, result, result.board
        fit = first_rows and bool(result.board.rows)  # in turns: a large board takes a while
        if fit:
            hold_paint(self.table)
        self.model.apply_plan(result.plan)
        if fit:  # the phone to call stays in view: who/why (a long missed reason) gives way
            fit_to_content_in_turns(self.table, range(self.model.columnCount()),
                                    header_padding=None, then=give_way_once_fitted(
                                        self.table, BoardColumn.PHONE, {BoardColumn.WHO: 160}))
        if before is None or before.municipalities != result.municipalities:
            self._fill_municipalities()
        if selected is not None:
            self.select_visit(selected.id)
        if self.dialog is not None:  # a conflict's Reload: the dialog goes on from the new row
            row = self.model.row_of_id(self.dialog.visit.id)
            if row is not None:
                fresh = self.model.row_at(row).visit
                self.dialog.visit, self.dialog.expected_version = fresh, fresh.version
        self.retranslate_ui()
        self._update_actions()

    def _fill_municipalities(self) -> None:
        municipalities = self.prepared.municipalities if self.prepared is not None else ()
        refill(self.municipality_combo, [(self.tr("All municipalities"), None),
                                         *((m, m) for m in municipalities)])

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.print_button.setText(self.tr("Print call list…"))
        self.print_button.setToolTip(self.tr("The day's visits as an A4 PDF to call from "
                                             "(the print is logged for each patient)"))
        self.done_button.setText(self.tr("Register done…"))
        self.missed_button.setText(self.tr("Register missed…"))
        self.done_action.setText(self.tr("Register done…"))
        self.missed_action.setText(self.tr("Register missed…"))
        self.done_button.setToolTip(self.tr("The selected visit was given (Ctrl+D)"))
        self.missed_button.setToolTip(self.tr("The selected visit did not happen, with why "
                                              "(Ctrl+M)"))
        if self.municipality_combo.count():
            self.municipality_combo.setItemText(0, self.tr("All municipalities"))
        p = self.prepared
        if p is None:
            self.summary.setText(self.tr("Visits of the day"))
            return
        self.summary.setText(self.tr("{n} visits · {done} done · {overdue} overdue").format(
            n=len(p.board.rows), done=p.done, overdue=p.overdue))
        self.summary.setStyleSheet("QLabel { font-size: 15px; font-weight: 600; %s }"
                                   % ("color: #b42318;" if p.overdue else ""))
        self.summary.setToolTip(self.tr(
            "Overdue: planned, the window closed more than {grace} min ago and nothing is "
            "registered (R-REGISTER)").format(grace=p.board.grace_minutes))

    def set_roles(self, roles: frozenset[str]) -> None:
        super().set_roles(roles)
        can = bool(roles & REGISTER_ROLES)
        self.done_button.setVisible(can)
        self.missed_button.setVisible(can)
        self._update_actions()

    # -- selection and registering -------------------------------------------------------------

    def selected_visit(self) -> BoardVisit | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        row = self.model.row_of_id(index.data(ID_ROLE))
        return None if row is None else self.model.row_at(row)

    def select_visit(self, visit_id: int) -> bool:
        return select_row(self.table, self.proxy, self.model.row_of_id(visit_id))

    def _update_actions(self) -> None:
        selected = self.selected_visit()
        allowed = self.roles is None or bool(self.roles & REGISTER_ROLES)
        can = allowed and selected is not None and selected.visit.status == "planned"
        for widget in (self.done_button, self.missed_button):
            widget.setEnabled(can)
        self.done_action.setEnabled(can)
        self.missed_action.setEnabled(can)

    def open_register_dialog(self, mode: str) -> VisitRegisterDialog | None:
        selected = self.selected_visit()
        if selected is None or not self.done_action.isEnabled():
            return None
        dialog = VisitRegisterDialog(self.context, selected.visit, mode, self)
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self.reload())
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: VisitRegisterDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.table.setFocus()

    # -- the call list -------------------------------------------------------------------------

    def print_call_list(self, path: Path | None = None) -> None:
        """The day's call list as a PDF; the print is logged for every patient on it first."""
        path = path or ask_path(self, self.tr("Print the call list to PDF"),
                                f"call-list-{self.day:%Y%m%d}.pdf", "PDF (*.pdf)", ".pdf")
        if path is not None:
            self.export.run(call(visit_board.call_list_for_print, self.day), write_call_list_pdf,
                            path)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
