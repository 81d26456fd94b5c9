"""The status-bar count of escalations and the urgent-call notification, on every desk.

``EscalationStatusWidget`` shows "Escalations: 5 open · 1 overdue" (red when any is overdue),
refreshed through the worker when the change feed touches the escalation table and every
minute. ``EscalationNotifier`` watches the same loads: an urgent, unacknowledged escalation
whose id it has not seen raises a banner in the window and ``QApplication.alert``. The first
load only learns what is already there (the count shows those). Wire it with one line:
``install_escalation_status(window, context)``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QWidget,
)

from console.services.core.operations import call
from console.services.escalations import status as service
from console.views.common.live_status import LiveStatusLabel
from console.views.common.screen import ScreenContext
from console.views.common.widgets import wrapped_label
from console.views.escalations.model import CATEGORY_LABELS, ROUTED_LABELS, label

if TYPE_CHECKING:
    from console.services.escalations.escalations import EscalationRow, StatusSnapshot

MAX_LISTED = 3
_BANNER = ("QFrame#urgentBanner { background: #b42318; border-radius: 6px; }"
           " QFrame#urgentBanner QLabel { color: white; font-size: 14px; font-weight: 600; }")


class EscalationStatusWidget(LiveStatusLabel):
    """``loaded`` carries a ``StatusSnapshot``; ``clicked``: the shell shows the inbox."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "escalation-status", partial(call, service.status_snapshot),
                         parent)
        self.context = context
        self.notifier: EscalationNotifier | None = None  # set by install_escalation_status
        self.retranslate_ui()

    @property
    def snapshot(self) -> StatusSnapshot | None:
        return self.value

    def retranslate_ui(self) -> None:
        if self.snapshot is None:
            self.show_status(self.tr("Escalations: …"), alert=False)
            return
        counts = self.snapshot.counts
        text = self.tr("Escalations: {open} open · {overdue} overdue").format(
            open=counts.open, overdue=counts.overdue)
        if counts.urgent_unacknowledged:
            text += self.tr(" · {n} urgent not acknowledged").format(
                n=counts.urgent_unacknowledged)
        self.show_status(text, alert=bool(counts.overdue or counts.urgent_unacknowledged))
        self.setToolTip(self.tr("Open the escalation inbox"))


class UrgentBanner(QFrame):
    """A non-modal banner at the top right of the window; stays until opened or dismissed."""

    open_requested = Signal(int)  # escalation id

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("urgentBanner")
        self.setStyleSheet(_BANNER)
        self.escalation_id: int | None = None
        self.text_label = wrapped_label()
        self.open_button = QPushButton(self.tr("Open"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.open_button.clicked.connect(self._open)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self.setFixedWidth(520)
        self.hide()
        window.installEventFilter(self)

    def show_calls(self, rows: list[EscalationRow]) -> None:
        lines = [self.tr("Urgent call: {patient} — {category}, for the {who}").format(
            patient=r.patient, category=label(CATEGORY_LABELS, r.category),
            who=label(ROUTED_LABELS, r.routed_to)) for r in rows[:MAX_LISTED]]
        if len(rows) > MAX_LISTED:
            lines.append(self.tr("and {n} more").format(n=len(rows) - MAX_LISTED))
        self.escalation_id = rows[0].id
        self.text_label.setText("\n".join(lines))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(max(0, parent.width() - self.width() - 16), 48)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _open(self) -> None:
        self.hide()
        if self.escalation_id is not None:
            self.open_requested.emit(self.escalation_id)


class EscalationNotifier(QObject):
    """New urgent, unacknowledged escalations → the banner and ``QApplication.alert``."""

    urgent_arrived = Signal(object)  # list[EscalationRow], the new ones

    def __init__(self, window: QWidget, status: EscalationStatusWidget) -> None:
        super().__init__(window)
        self.window = window
        self.banner = UrgentBanner(window)
        self._seen: set[int] | None = None  # None: nothing loaded yet (the baseline)
        status.loaded.connect(self.on_snapshot)

    def on_snapshot(self, snapshot: StatusSnapshot) -> None:
        ids = {r.id for r in snapshot.urgent_unacknowledged}
        if self._seen is None:
            self._seen = ids
            return
        new = [r for r in snapshot.urgent_unacknowledged if r.id not in self._seen]
        self._seen |= ids
        if new:
            self.banner.show_calls(new)
            QApplication.alert(self.window)
            self.urgent_arrived.emit(new)


def install_escalation_status(window: QMainWindow, context: ScreenContext, *,
                              load: bool = True) -> EscalationStatusWidget:
    """Add the count to the window's status bar and the urgent banner to the window.

    The notifier is ``widget.notifier``; connect ``widget.notifier.banner.open_requested``
    (escalation id) and ``widget.clicked`` to show the inbox. ``load=False``: the caller
    loads it later (``widget.reload()``).
    """
    widget = EscalationStatusWidget(context)
    widget.notifier = EscalationNotifier(window, widget)
    window.statusBar().addPermanentWidget(widget)
    if load:
        widget.reload()
    return widget
