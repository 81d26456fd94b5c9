"""The status-bar count of overdue visits (R-REGISTER), on every desk, beside the escalations.

"Overdue visits: 3 (2 patients)" in red when any planned visit's window closed (plus the grace
setting) without a registration; quiet "Overdue visits: 0" otherwise. Loaded through the worker
when the change feed touches what it read (a registration clears it) and every minute (time
alone makes a visit overdue). Clicking it shows the census, where the overdue ones come first.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QMainWindow, QWidget

from console.services.core.operations import call
from console.services.course import overdue as service
from console.services.course.overdue import OverdueCount
from console.timeutil import format_local
from console.views.common.live_status import LiveStatusLabel
from console.views.common.screen import ScreenContext


class OverdueStatusWidget(LiveStatusLabel):
    """``loaded`` carries an ``OverdueCount``; ``clicked``: the shell shows the census."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "overdue-status", partial(call, service.count_overdue), parent)
        self.retranslate_ui()

    @property
    def count(self) -> OverdueCount | None:
        return self.value

    def retranslate_ui(self) -> None:
        c = self.count
        if c is None:
            self.show_status(self.tr("Overdue visits: …"), alert=False)
            return
        if not c.visits:
            self.show_status(self.tr("Overdue visits: 0"), alert=False)
        else:
            self.show_status(self.tr("Overdue visits: {n} ({p} patients)").format(
                n=c.visits, p=c.patients), alert=True)
        self.setToolTip(self.tr(
            "Planned visits whose window closed more than {grace} min ago without a "
            "registration (R-REGISTER){oldest}. Register each done or missed in the record; "
            "click for the census.").format(
                grace=c.grace_minutes,
                oldest=self.tr("; the oldest ended {at}").format(
                    at=format_local(c.oldest_window_end)) if c.oldest_window_end else ""))


def install_overdue_status(window: QMainWindow, context: ScreenContext, *,
                           load: bool = True) -> OverdueStatusWidget:
    """Add the count to the window's status bar; ``load=False``: the caller loads it later."""
    widget = OverdueStatusWidget(context)
    window.statusBar().addPermanentWidget(widget)
    if load:
        widget.reload()
    return widget
