"""The ward's MedCom messages: what needs attention, drafts, or everything (issue 16).

Loads ``list_messages`` through the worker and reloads on the change feed (a second desk's
message, an acknowledgement that arrived). Actions, each one service call: receive the
mailbox, send a draft (a care plan, an update, the epikrise), resend a message without an
acknowledgement in time or rejected (a person's decision: R-MESSAGE), reply to a received one
or forward it to the GP or the municipality, match one that named no patient of the ward to its
course, save a file it carries (logged). Under the list the selected message is read whole;
double-click (or Enter) opens its record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QTableView, QVBoxLayout, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.messaging import inbox, outbox
from console.services.messaging.reads import MessageRow, list_messages
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.list_table import fitted_list_table
from console.views.common.message_files import SaveFileButton
from console.views.common.message_rows import unmatched
from console.views.common.screen import Screen, ScreenContext
from console.views.common.tables import proxy_over, select_row
from console.views.common.widgets import (
    STRETCH,
    push_button,
    quoted_label,
    tool_row,
    wrapped_label,
)
from console.views.common.write_dialog import describe_error
from console.views.messages.detail import detail_text
from console.views.messages.escalate_dialog import EscalateDialog
from console.views.messages.match_dialog import MatchDialog
from console.views.messages.model import MessageFilter, Show, message_model
from console.views.messages.reply_dialog import ReplyDialog

_SETTINGS_HEADER = "messages/header"
D = TypeVar("D", ReplyDialog, EscalateDialog, MatchDialog)
COLUMN_WIDTHS = (96, 44, 160, 220, 170, 170)  # the text column takes what is left


class MessagesScreen(Screen):
    TITLE = QT_TRANSLATE_NOOP("MessagesScreen", "Messages")
    patient_requested = Signal(int)  # admission id: a message opens its course's record

    def __init__(self, context: ScreenContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(context, day, parent)
        self.model = message_model(self)
        self.proxy = proxy_over(MessageFilter(Show.ATTENTION, self), self.model)
        self.table: QTableView = fitted_list_table(self.proxy, COLUMN_WIDTHS)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)  # double-click or Enter
        self.show_combo = QComboBox()
        self.show_combo.addItems(["", "", ""])
        self.show_combo.currentIndexChanged.connect(self._on_show_changed)
        self.receive_button = QPushButton()
        self.send_button = QPushButton()
        self.resend_button = QPushButton()
        self.reply_button = QPushButton()
        self.escalate_button = push_button(clicked=self.open_escalate)
        self.match_button = push_button(clicked=self.open_match)
        self.file_button = SaveFileButton(context)
        self.file_button.saved.connect(self._on_file_saved)
        self.file_button.failed.connect(lambda text: self._say(text, error=True))
        self.receive_button.clicked.connect(self.receive)
        self.send_button.clicked.connect(self.send_selected)
        self.resend_button.clicked.connect(self.resend_selected)
        self.reply_button.clicked.connect(self.open_reply)
        self.forward_button = push_button(clicked=self.open_forward)
        self.detail = quoted_label()
        # the message's text right under the list, not centred in the space below it (issue 20)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message_label = wrapped_label()
        layout = QVBoxLayout(self)
        layout.addLayout(tool_row(self.show_combo, STRETCH, self.receive_button,
                                  self.send_button, self.resend_button, self.reply_button,
                                  self.forward_button, self.escalate_button, self.match_button,
                                  self.file_button))
        layout.addWidget(self.loading_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 1)
        self.retranslate_ui()
        self._show_actions()

    # -- the screen ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        for show, text in ((Show.ATTENTION, self.tr("Needs attention")),
                           (Show.DRAFTS, self.tr("Drafts")), (Show.ALL, self.tr("All messages"))):
            self.show_combo.setItemText(show, text)
        for button, text in ((self.receive_button, self.tr("Receive")),
                             (self.send_button, self.tr("Send")),
                             (self.resend_button, self.tr("Resend")),
                             (self.reply_button, self.tr("Reply…")),
                             (self.forward_button, self.tr("Forward…")),
                             (self.escalate_button, self.tr("Escalate…")),
                             (self.match_button, self.tr("Match to course…"))):
            button.setText(text)
        self.match_button.setToolTip(self.tr("The message names no patient of the ward: find "
                                             "the patient whose course it is (R-MESSAGE)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self._show_actions()  # the message read whole, in the new language

    def load_call(self) -> ServiceCall:
        return call(list_messages)

    def show_loaded(self, rows: list[MessageRow]) -> None:
        selected = self.selected_message_id()
        self.model.set_rows(tuple(rows))
        if selected is not None:
            self.select_message(selected)
        self._show_actions()

    def state_widgets(self) -> dict[str, Any]:
        return {_SETTINGS_HEADER: self.table.horizontalHeader()}

    # -- selection -----------------------------------------------------------------------------

    def selected_row(self) -> MessageRow | None:
        current = self.table.currentIndex()
        if not current.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(current).row())

    def selected_message_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_message(self, message_id: int) -> bool:
        return select_row(self.table, self.proxy, self.model.row_of_id(message_id))

    def set_show(self, show: Show) -> None:
        self.show_combo.setCurrentIndex(show)

    def _on_show_changed(self, index: int) -> None:
        self.proxy.set_show(Show(index))
        self._show_actions()

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_actions()

    def _on_activated(self, _index: QModelIndex) -> None:
        row = self.selected_row()
        if row is not None and row.admission_id is not None:
            self.patient_requested.emit(row.admission_id)

    def _show_actions(self) -> None:
        row = self.selected_row()
        self.send_button.setEnabled(row is not None and row.state in ("drafted", "failed"))
        self.resend_button.setEnabled(row is not None and row.direction == "out"
                                      and row.kind == "care_communication"
                                      and (row.overdue or row.state in ("rejected", "failed")))
        received = row is not None and row.direction == "in" and row.kind == "care_communication"
        on_course = received and row is not None and row.admission_id is not None
        self.reply_button.setEnabled(on_course and row is not None and row.answered_by_id is None)
        self.escalate_button.setEnabled(on_course)
        self.forward_button.setEnabled(on_course)
        self.match_button.setEnabled(row is not None and unmatched(row))
        self.file_button.show_files(row.attachments if row is not None else ())
        self.detail.setText(detail_text(row))

    # -- actions -------------------------------------------------------------------------------

    def _write(self, action: ServiceCall, done: Callable[[Any], str]) -> None:
        def succeeded(result: object) -> None:
            self._say(done(result), error=False)
            self.reload()

        def failed(error: Exception) -> None:
            self._say(describe_error(error), error=True)
            self.reload()  # show what another desk did meanwhile

        self.context.worker.write(action, succeeded, failed, owner=self)

    def _say(self, text: str, *, error: bool) -> None:
        self.message_label.setStyleSheet("QLabel { color: #9b1c13; }" if error else "")
        self.message_label.setText(text)

    def receive(self) -> None:
        self._write(call(inbox.receive_from_mailbox),
                    lambda results: self.tr("{n} message(s) received.").format(n=len(results)))

    def send_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._write(call(outbox.send_message, row.id, expected_version=row.version),
                        lambda _id: self.tr("Sent; an acknowledgement is awaited."))

    def resend_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._write(call(outbox.resend_message, row.id, expected_version=row.version),
                        lambda _id: self.tr("Sent again with a new envelope."))

    def open_reply(self) -> ReplyDialog | None:
        return self._open_on_selected(ReplyDialog, lambda _id: self.tr("Reply sent."))

    def open_forward(self) -> ReplyDialog | None:
        return self._open_on_selected(
            ReplyDialog, lambda _id: self.tr("Forwarded; an acknowledgement is awaited."),
            forward=True)

    def open_escalate(self) -> EscalateDialog | None:
        return self._open_on_selected(
            EscalateDialog, lambda escalation: self.tr(
                "Escalation #{n} logged: see the Escalations screen.").format(
                n=getattr(escalation, "id", "")))

    def open_match(self) -> MatchDialog | None:
        return self._open_on_selected(
            MatchDialog, lambda _id: self.tr("Matched: the message is on the patient's course now."))

    def _open_on_selected(self, dialog_class: type[D], done: Callable[[Any], str],
                          **options: Any) -> D | None:
        """The dialog on the selected message; when it saved, ``done`` words it and the list
        reloads."""
        row = self.selected_row()
        if row is None:
            return None
        dialog = dialog_class(self.context, row, self, **options)

        def saved(result: object) -> None:
            self._say(done(result), error=False)
            self.reload()

        dialog.saved.connect(saved)
        dialog.open()
        return dialog

    def _on_file_saved(self, path: str) -> None:
        self._say(self.tr("Saved {path}; the save is in the access log.").format(path=path),
                  error=False)
