"""The weekly microbiology conference: the week's antibiotic courses with their CRP curves.

Loads ``console.services.rounds.conference.load_conference`` through the worker (cancel-latest);
the chart shows the selected courses (one CRP series each; up to four read well together).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.services.core.operations import ServiceCall, call
from console.services.rounds import conference as conference_service
from console.services.rounds.conference import ConferenceWeek
from console.views.common import palette
from console.views.common.crp_chart import CrpChart
from console.views.common.live_query import LiveQuery
from console.views.common.screen import ScreenContext
from console.views.common.tables import Mode, fit_columns, house_table
from console.views.common.worker import message_of
from console.views.rounds.conference_model import Column, ConferenceTableModel
from console.views.rounds.delegates import SparklineDelegate

MAX_SERIES = 4


class ConferenceView(QWidget):
    conference_loaded = Signal()

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.day = day
        self.week: ConferenceWeek | None = None
        self.query = LiveQuery(context, "conference", self._request,
                               is_visible=self.isVisible, parent=self)
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(self._on_failed)
        self.model = ConferenceTableModel(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("QLabel { font-size: 14px; font-weight: 600; }")
        self.table = house_table(self.model, selection=Mode.ExtendedSelection, row_height=None,
                                 alternating=True, wrap=True, highlight=True)
        self.table.setItemDelegateForColumn(Column.CRP, SparklineDelegate(self.table))
        fit_columns(self.table, {Column.PATIENT: 190, Column.CONDITION: 130,
                                 Column.ANTIBIOTICS: 200, Column.STARTED: 56, Column.CRP: 96,
                                 Column.OUTCOME: 110}, Column.DECISIONS, pad=None)
        self.table.selectionModel().selectionChanged.connect(self._show_chart)
        self.chart = CrpChart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setSizes([420, 300])
        self.hint = QLabel()
        self.hint.setStyleSheet(palette.MUTED_LABEL_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr("Select up to four courses (Ctrl+click) to compare their "
                                  "CRP curves."))
        self.chart.set_empty_text(self.tr("Select a course to see its CRP curve"))
        self._show_heading()

    def set_day(self, day: date) -> None:
        if day != self.day:
            self.day = day
            self.query.reload_or_mark_stale()

    def _request(self) -> ServiceCall:
        return call(conference_service.load_conference, self.day)

    def reload(self) -> None:
        self.query.reload()

    def _on_loaded(self, week: ConferenceWeek) -> None:
        self.week = week
        self.model.set_rows(week.courses)
        if week.courses:
            self.table.selectRow(0)
        else:
            self._show_chart()
        self._show_heading()
        self.conference_loaded.emit()

    def _on_failed(self, error: Exception) -> None:
        self.heading.setText(self.tr("Could not load the conference: {message}").format(
            message=message_of(error)))

    def _show_heading(self) -> None:
        week = self.week
        if week is None:
            self.heading.setText(self.tr("Loading…"))
            return
        self.heading.setText(self.tr(
            "Microbiology conference {first} – {last}: {n} antibiotic courses").format(
                first=week.first_day.strftime("%d/%m"), last=week.last_day.strftime("%d/%m/%Y"),
                n=len(week.courses)))

    def _show_chart(self) -> None:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        courses = [self.model.row_at(r) for r in rows[:MAX_SERIES]]
        title = courses[0].patient if len(courses) == 1 else None
        self.chart.set_series([(c.patient, list(c.crp)) for c in courses], title=title)
