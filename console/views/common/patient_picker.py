"""Find an admitted patient by name, CPR or phone, where a person names the patient: the
escalation intake, and matching a received message to its course (R-MESSAGE).

The search runs on the worker as one types (cancel-latest: only the newest query's answer is
shown). Keyboard: Enter takes the top match (``confirmed``: the dialog moves on), Down goes
into the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QSizePolicy, QWidget

from console.services.core.operations import call
from console.services.course import patient_search
from console.services.course.patient_search import PatientChoice
from console.views.common import palette
from console.views.common.context import ScreenContext
from console.views.common.widgets import interval_timer, stack

SEARCH_DELAY_MS = 150
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1


class PatientPicker(QWidget):
    picked = Signal(object)  # the PatientChoice chosen
    confirmed = Signal()  # Enter took the top match

    def __init__(self, context: ScreenContext, search_key: str,
                 on_failure: Callable[[Exception], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search_key = search_key  # one running search per dialog kind (cancel-latest)
        self.on_failure = on_failure
        self.chosen: PatientChoice | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.installEventFilter(self)
        self.results = QStandardItemModel(self)
        self.results_view = QListView()
        self.results_view.setModel(self.results)
        self.results_view.setMaximumHeight(110)
        self.results_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.results_view.selectionModel().currentChanged.connect(self._on_result_current)
        self.chosen_label = QLabel()
        stack(self, self.search_edit, self.results_view, self.chosen_label,
              margins=(0, 0, 0, 0))
        # no taller than its parts: a form's spare height stays below, not between them
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.search_timer = interval_timer(self, SEARCH_DELAY_MS, self.search, single_shot=True,
                                           start=False)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Name, CPR or phone"))
        self._show_chosen()

    def search(self) -> None:
        self.context.worker.refresh(
            self.search_key, call(patient_search.search_admitted_patients,
                                  self.search_edit.text()),
            self._on_results, self.on_failure, owner=self)

    def _on_results(self, choices: list[PatientChoice]) -> None:
        self.results.clear()
        for choice in choices:
            text = f"{choice.name}  ·  {choice.cpr_masked}  ·  {choice.municipality}"
            if choice.phone:
                text += f"  ·  {choice.phone}"
            item = QStandardItem(text)
            item.setData(choice, CHOICE_ROLE)
            self.results.appendRow(item)

    def _on_result_current(self, current: Any, _previous: Any) -> None:
        choice = current.data(CHOICE_ROLE) if current.isValid() else None
        if isinstance(choice, PatientChoice):
            self.choose(choice)

    def choose(self, choice: PatientChoice) -> None:
        self.chosen = choice
        self._show_chosen()
        self.picked.emit(choice)

    def _show_chosen(self) -> None:
        if self.chosen is None:
            self.chosen_label.setText(self.tr("No patient chosen yet"))
            self.chosen_label.setStyleSheet(palette.MUTED_LABEL_STYLE)
            return
        self.chosen_label.setText(self.tr("Chosen: {name} ({cpr}), {municipality}").format(
            name=self.chosen.name, cpr=self.chosen.cpr_masked,
            municipality=self.chosen.municipality))
        self.chosen_label.setStyleSheet("QLabel { font-weight: 600; }")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search field takes the top match; Down goes into the list."""
        if watched is self.search_edit and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.rowCount() \
                    and self.search_timer.isActive() is False and self.chosen is None:
                self.results_view.setCurrentIndex(self.results.index(0, 0))
                self.confirmed.emit()
                return True
            if key == Qt.Key.Key_Down and self.results.rowCount():
                self.results_view.setFocus()
                self.results_view.setCurrentIndex(self.results.index(0, 0))
                return True
        return super().eventFilter(watched, event)
