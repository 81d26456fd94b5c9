"""The status-bar count of overdue visits (R-REGISTER), on every desk, beside the escalations.

"Overdue visits: 3 (2 patients)" in red when any planned visit's window closed (plus the grace
setting) without a registration; quiet "Overdue visits: 0" otherwise. Loaded through the worker
when the change feed touches what it read (a registration clears it) and every minute (time
alone makes a visit overdue). Clicking it shows the census, where the overdue ones come first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from console.services.core.operations import ServiceCall, call
from console.services.course import overdue as service
from console.services.course.overdue import OverdueCount
from console.timeutil import format_local
from console.views.common.live_query import LiveQuery
from console.views.common.screen import ScreenContext
from console.views.common.widgets import interval_timer
from console.views.common.worker import message_of

REFRESH_MS = 60_000
_QUIET = "QLabel { padding: 0 6px; }"
_OVERDUE = ("QLabel { color: white; background: #b42318; font-weight: 600;"
            " border-radius: 3px; padding: 0 6px; }")


class OverdueStatusWidget(QLabel):
    loaded = Signal(object)  # OverdueCount
    clicked = Signal()  # the shell shows the census

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count: OverdueCount | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.timer = interval_timer(self, REFRESH_MS, self.reload)
        self.query = LiveQuery(context, "overdue-status", self._request, parent=self)
        self.query.loaded.connect(self._on_loaded)
        self.query.failed.connect(lambda error: self.setToolTip(message_of(error)))
        self.retranslate_ui()

    @staticmethod
    def _request() -> ServiceCall:
        return call(service.count_overdue)

    def reload(self) -> None:
        self.query.reload()

    def _on_loaded(self, count: OverdueCount) -> None:
        self.count = count
        self.retranslate_ui()
        self.loaded.emit(count)

    def retranslate_ui(self) -> None:
        if self.count is None:
            self.setText(self.tr("Overdue visits: …"))
            self.setStyleSheet(_QUIET)
            return
        c = self.count
        if not c.visits:
            self.setText(self.tr("Overdue visits: 0"))
            self.setStyleSheet(_QUIET)
        else:
            self.setText(self.tr("Overdue visits: {n} ({p} patients)").format(
                n=c.visits, p=c.patients))
            self.setStyleSheet(_OVERDUE)
        self.setToolTip(self.tr(
            "Planned visits whose window closed more than {grace} min ago without a "
            "registration (R-REGISTER){oldest}. Register each done or missed in the record; "
            "click for the census.").format(
                grace=c.grace_minutes,
                oldest=self.tr("; the oldest ended {at}").format(
                    at=format_local(c.oldest_window_end)) if c.oldest_window_end else ""))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


def install_overdue_status(window: QMainWindow, context: ScreenContext) -> OverdueStatusWidget:
    widget = OverdueStatusWidget(context)
    window.statusBar().addPermanentWidget(widget)
    widget.reload()
    return widget
