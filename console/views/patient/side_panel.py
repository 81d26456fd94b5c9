"""The record's right-hand side: the trend of one analysis (CRP unless another is chosen, issue
19), the course's standing with the municipality and
the GP (R-ACCEPT, R-EPIKRISE), and the labs, IV accesses (R-ACCESS), rounds, deliveries,
escalations and MedCom messages of the course in tabs (each tab says how many). Under the
thread, *Save file…* saves a file the selected message carries (the save is logged)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QGroupBox, QTabWidget, QVBoxLayout, QWidget

from console.services.course.labs import BY_CODE
from console.services.course.record import PatientRecord
from console.views.common.crp_chart import CrpChart
from console.views.common.message_files import SaveFileButton
from console.views.common.message_rows import MessageRowsModel
from console.views.common.rows_model import RowsTableModel
from console.views.common.screen import ScreenContext
from console.views.common.tables import compact_table, selected_record, sorted_proxy
from console.views.common.widgets import STRETCH, column, stack, tool_row
from console.views.patient.agreement_bar import AgreementBar
from console.views.patient.tables import (
    ACCESS_COLUMNS,
    CONTEXT,
    DELIVERY_COLUMNS,
    ESCALATION_COLUMNS,
    LAB_COLUMNS,
    MESSAGE_COLUMNS,
    ROUND_COLUMNS,
    analysis_name,
)

TREND_FIRST = "crp"  # the day-3 decision's analysis (R-CRP3) is the one shown unless chosen


class RecordSidePanel(QWidget):
    def __init__(self, context: ScreenContext | None = None,
                 on_changed: Callable[[], None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: PatientRecord | None = None
        self.lab_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, LAB_COLUMNS, self)
        self.access_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, ACCESS_COLUMNS, self)
        self.round_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, ROUND_COLUMNS, self)
        self.delivery_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, DELIVERY_COLUMNS, self)
        self.escalation_model: RowsTableModel[Any] = RowsTableModel(CONTEXT, ESCALATION_COLUMNS,
                                                                    self)
        self.message_model = MessageRowsModel(MESSAGE_COLUMNS, self)
        self.agreement = AgreementBar(context, on_changed)
        self.agreement_label = self.agreement.label
        self.crp_chart = CrpChart()
        self.trend_choice = QComboBox()  # the analyses with numeric results, CRP first
        self.trend_choice.currentIndexChanged.connect(lambda _n: self._show_trend())
        self.crp_group = QGroupBox()
        trend = QVBoxLayout(self.crp_group)
        trend.addWidget(self.trend_choice)
        trend.addWidget(self.crp_chart)
        self.tabs = QTabWidget()
        self.lab_table = compact_table(sorted_proxy(self.lab_model, self))
        self.access_table = compact_table(sorted_proxy(self.access_model, self))
        self.round_table = compact_table(sorted_proxy(self.round_model, self))
        self.delivery_table = compact_table(sorted_proxy(self.delivery_model, self))
        self.escalation_table = compact_table(sorted_proxy(self.escalation_model, self))
        self.message_table = compact_table(sorted_proxy(self.message_model, self))
        for n, width in enumerate((84, 36, 120, 130, 220)):  # When, Way, State, Topic, Text
            self.message_table.setColumnWidth(n, width)
        # Placed, Access, By, Remove by, Ended: why the old access ended must show (R-ACCESS)
        for n, width in enumerate((80, 48, 80, 70)):
            self.access_table.setColumnWidth(n, width)
        self.message_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_message_files())
        # no context: a panel without a worker (a preview) saves nothing
        self.file_button = SaveFileButton(context) if context is not None else None
        thread: QWidget = self.message_table if self.file_button is None else column(
            self.message_table, tool_row(STRETCH, self.file_button))
        for tab in (self.lab_table, self.access_table, self.round_table, self.delivery_table,
                    self.escalation_table, thread):
            self.tabs.addTab(tab, "")
        stack(self, (self.crp_group, 2), self.agreement, (self.tabs, 3), margins=(0, 0, 0, 0))

    def show_record(self, record: PatientRecord) -> None:
        self.record = record
        self.lab_model.set_rows(record.labs)
        self.access_model.set_rows(record.accesses)
        self.round_model.set_rows(record.rounds)
        self.delivery_model.set_rows(record.deliveries)
        self.escalation_model.set_rows(record.escalations)
        self.message_model.set_rows(record.messages)
        self._show_message_files()
        for table in (self.lab_table, self.round_table, self.delivery_table,
                      self.escalation_table):  # issue 20: "Reference" cut behind 100-px columns
            table.resizeColumnsToContents()
        self._fill_trend_choice(record)
        self._show_trend()
        self._show_tab_titles()
        self.agreement.show_agreement(self.record.agreement if self.record else None)

    def _show_message_files(self) -> None:
        if self.file_button is not None:
            message = selected_record(self.message_table, self.message_model)
            self.file_button.show_files(message.attachments if message is not None else ())

    def _fill_trend_choice(self, record: PatientRecord) -> None:
        """One entry per analysis with numeric results (a reading such as "positive" has no
        trend), CRP first, the choice kept across reloads."""
        kept = self.trend_choice.currentData() or TREND_FIRST
        counts: dict[str, int] = {}
        for lab in record.labs:
            if lab.reading is None:
                counts[lab.analysis.lower()] = counts.get(lab.analysis.lower(), 0) + 1
        codes = sorted(counts, key=lambda c: (c != TREND_FIRST, analysis_name(c)))
        self.trend_choice.blockSignals(True)
        self.trend_choice.clear()
        for code in codes:
            self.trend_choice.addItem(f"{analysis_name(code)} ({counts[code]})", code)
        self.trend_choice.setCurrentIndex(max(0, self.trend_choice.findData(kept)))
        self.trend_choice.setVisible(len(codes) > 1)
        self.trend_choice.blockSignals(False)

    def _show_trend(self) -> None:
        code = self.trend_choice.currentData() or TREND_FIRST
        labs = self.record.labs if self.record else ()
        values = [(lab.taken_at, lab.value) for lab in labs
                  if lab.analysis.lower() == code and lab.reading is None]
        name = analysis_name(code)
        if code == TREND_FIRST or code not in BY_CODE:  # CRP: its decision line at 50 mg/L
            self.crp_chart.set_series([(name, values)] if values else [])
            return
        analysis = BY_CODE[code]
        self.crp_chart.set_series([(name, values)] if values else [],
                                  axis_label=analysis.unit,  # the chooser names it
                                  interval=(analysis.low, analysis.high))

    def retranslate_ui(self) -> None:
        self.crp_group.setTitle(self.tr("Trend"))
        self.crp_chart.set_empty_text(self.tr("No CRP results yet"))
        self._show_tab_titles()
        self.agreement.retranslate_ui()

    def _show_tab_titles(self) -> None:
        r = self.record
        counts = (len(r.labs), len(r.accesses), len(r.rounds), len(r.deliveries),
                  len(r.escalations), len(r.messages)) if r else (0, 0, 0, 0, 0, 0)
        titles = (self.tr("Labs ({n})"), self.tr("IV access ({n})"), self.tr("Rounds ({n})"),
                  self.tr("Deliveries ({n})"), self.tr("Escalations ({n})"),
                  self.tr("Messages ({n})"))
        for n, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(n, title.format(n=count))
