"""What a screen says about the actions taken on it: a refusal, a conflict, or what was done.

One recipe for every screen that writes from its toolbar (dispatch, logistics): a refusal
names its rule (``violation_text``), a ``Conflict`` shows who changed what with Reload, anything
else is one sentence; a success is an info line. Only one of the three shows at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from console.services.core.errors import Conflict, RuleViolation
from console.views.common.conflict import ConflictBanner
from console.views.common.widgets import styled_label
from console.views.common.worker import message_of
from console.views.common.write_dialog import violation_text

INFO_STYLE = ("QLabel { color: #0b3d91; background: #dbe9ff; border-radius: 4px;"
              " padding: 4px 8px; }")


class ActionBanners(QObject):
    """Shows in a screen's ``error_label`` (shared with its load errors), a conflict banner and
    an info line; ``place`` puts the three in a layout."""

    reload_requested = Signal()  # the person chose Reload on a conflict

    def __init__(self, error_label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.error_label = error_label
        self.message_label = styled_label(INFO_STYLE, wrap=True, visible=False)
        self.conflict = ConflictBanner()
        self.conflict.reload_requested.connect(self._on_reload)

    def place(self, layout: QVBoxLayout) -> None:
        for widget in (self.error_label, self.conflict, self.message_label):
            layout.addWidget(widget)

    def show_error(self, text: str) -> None:
        self.message_label.setVisible(False)
        self.error_label.setText(text)
        self.error_label.setVisible(True)

    def show_message(self, text: str) -> None:
        self.error_label.setVisible(False)
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    def show_failure(self, error: Exception, head: str | None = None) -> str:
        """A write that failed: the conflict banner, or the sentence (after ``head`` — what was
        not done — when given). Returns the text shown."""
        if isinstance(error, Conflict):
            self.error_label.setVisible(False)
            self.message_label.setVisible(False)
            self.conflict.show_conflict(error)
            return self.conflict.label.text()
        detail = violation_text(error) if isinstance(error, RuleViolation) else message_of(error)
        text = detail if head is None else self.tr("{head} — {detail}").format(
            head=head, detail=detail)
        self.show_error(text)
        return text

    def clear_conflict(self) -> None:
        self.conflict.clear()

    def _on_reload(self) -> None:
        self.conflict.clear()
        self.reload_requested.emit()
