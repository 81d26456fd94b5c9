"""Opening a record without a current role: the purpose is asked, then logged (issue 21).

``access_governance.open_record`` refuses with ``PurposeRequired`` when the person has no
current role for the patient; the record screen then shows ``PurposeDialog`` and opens again with
the typed reason. A record opened that way shows ``GlassNote`` while it stays open: the opening
is logged with the reason and flagged for an admin's review.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QWidget,
)

from console.services.core.access_governance import MIN_REASON, RecordOpening
from console.timeutil import format_local
from console.views.common.widgets import note_edit, ok_button, ok_cancel_buttons, stack, wrapped_label


class PurposeDialog(QDialog):
    """Why open this record? (break-the-glass)."""

    def __init__(self, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Purpose of opening the record"))
        self.explanation = wrapped_label(explanation)
        self.reason_edit = note_edit(self.tr(
            "E.g. the municipal nurse called about a patient discharged last month"))
        self.buttons = ok_cancel_buttons(self, ok_text=self.tr("Open the record"),
                                         ok_enabled=False)
        ok = ok_button(self.buttons)
        self.reason_edit.textChanged.connect(
            lambda: ok.setEnabled(len(self.reason()) >= MIN_REASON))
        stack(self, self.explanation, self.reason_edit, self.buttons)
        self.resize(520, 260)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()


class GlassNote(QLabel):
    """The amber line on a record opened by break-the-glass."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #fff4d6; color: #5c4400; padding: 4px 8px; "
                           "border-radius: 3px; }")
        self.setVisible(False)

    def show_opening(self, opening: RecordOpening | None) -> None:
        if opening is None or not opening.flagged:
            self.setVisible(False)
            return
        until = format_local(opening.until, "%H:%M") if opening.until else "?"
        self.setText(self.tr("Opened without a current role for this patient: the opening is "
                             "logged with your reason and flagged for review. Open until "
                             "{until}.").format(until=until))
        self.setVisible(True)


def ask_purpose(parent: QWidget, explanation: str,
                on_answer: Callable[[str | None], None]) -> PurposeDialog:
    """Show the purpose dialog (window-modal, not blocking); ``on_answer`` gets the typed
    reason when the person opens the record, None when they cancel."""
    dialog = PurposeDialog(explanation, parent)

    def answered(code: int) -> None:
        on_answer(dialog.reason() if code == QDialog.DialogCode.Accepted else None)
        dialog.deleteLater()

    dialog.finished.connect(answered)
    dialog.open()
    return dialog
