"""The admin's review queue of flagged accesses, and the retention purge (issue 21).

A break-the-glass opening (a record opened without a current role for the patient, with a
typed purpose) and every opening inside its time box are flagged. The admin reads the purpose,
marks each access justified or questioned (a questioned one needs a note) and can run the
retention purge, which never deletes anything younger than three years.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)

from console.services.core import access_governance
from console.services.core.access_governance import FlaggedAccess
from console.services.core.operations import ServiceCall, call
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP, translate
from console.views.common.rows_dialog import RowsDialog
from console.views.common.rows_model import ColumnSpec
from console.views.common.screen import ScreenContext
from console.views.common.tables import compact_table, selected_record, sorted_proxy
from console.views.common.widgets import STRETCH, tool_row, wrapped_label

_CTX = "AccessReview"
_WHEN = "%d/%m/%Y %H:%M"
PURPOSE_COLUMN = 4

AGAIN = QT_TRANSLATE_NOOP(_CTX, "(opened again inside the time box of an earlier purpose)")


def _purpose(row: FlaggedAccess) -> str:
    return row.reason or translate(_CTX, AGAIN)


COLUMNS: tuple[ColumnSpec[FlaggedAccess], ...] = (
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "When"), lambda r: format_local(r.at, _WHEN),
               sort=lambda r: r.at),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Who"), lambda r: r.user or "?"),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Roles"), lambda r: r.roles or ""),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Patient"), lambda r: r.patient),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Purpose given"), _purpose, text_tip=True),
    ColumnSpec(QT_TRANSLATE_NOOP(_CTX, "Review"),
               lambda r: f"{r.outcome} ({r.reviewed_by})" if r.outcome else ""),
)


class AccessReviewDialog(RowsDialog):
    """Flagged accesses, oldest first; mark one justified or questioned; purge old rows."""

    reviewed = Signal(int)  # access id
    purged = Signal(int)  # rows deleted

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, _CTX, COLUMNS, parent)
        self.setWindowTitle(self.tr("Flagged accesses"))
        self.proxy = sorted_proxy(self.model, self)
        self.table = compact_table(self.proxy, stretch_last=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PURPOSE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.note = wrapped_label(self.tr(
            "Records opened without a current role for the patient, with the purpose the "
            "person gave (break-the-glass). Review each; a questioned access needs a note."))
        self.show_reviewed = QCheckBox(self.tr("Show reviewed"))
        self.show_reviewed.toggled.connect(self.reload)
        self.justified_button = QPushButton(self.tr("Justified"))
        self.questioned_button = QPushButton(self.tr("Questioned…"))
        self.purge_button = QPushButton(self.tr("Purge the access log…"))
        self.justified_button.clicked.connect(lambda: self.review("justified"))
        self.questioned_button.clicked.connect(lambda: self.review("questioned"))
        self.purge_button.clicked.connect(self.confirm_purge)
        self.purge_button.setAutoDefault(False)  # Enter never purges
        buttons = tool_row(self.show_reviewed, STRETCH, self.purge_button, self.questioned_button,
                           self.justified_button)
        self.lay_out(self.note, self.table, buttons)
        self.resize(860, 460)

    def request(self) -> ServiceCall:
        return call(access_governance.flagged_accesses,
                    include_reviewed=self.show_reviewed.isChecked())

    def selected(self) -> FlaggedAccess | None:
        return selected_record(self.table, self.model)

    def review(self, outcome: str, note: str | None = None) -> None:
        row = self.selected()
        if row is None:
            return
        if outcome == "questioned" and note is None:
            text, ok = QInputDialog.getMultiLineText(
                self, self.tr("Questioned access"), self.tr("What is questioned?"))
            if not ok:
                return
            note = text

        def done(_none: object) -> None:
            self.reviewed.emit(row.id)
            self.reload()

        self.context.worker.write(call(access_governance.review_access, row.id, outcome, note),
                                  done, self._on_failed, owner=self)

    def confirm_purge(self) -> None:
        answer = QMessageBox.question(self, self.tr("Purge the access log"), self.tr(
            "Delete access-log entries older than the retention period (never under three "
            "years)? The purge itself is recorded in the audit trail."))
        if answer == QMessageBox.StandardButton.Yes:
            self.purge()

    def purge(self) -> None:
        self.context.worker.write(call(access_governance.purge_expired_access_log),
                                  self.purged.emit, self._on_failed, owner=self)
