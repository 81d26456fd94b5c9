"""Working through an outage: the "offline" banner and the probe that reconnects by itself.

When the database stops answering, the console stays open: screens keep the rows they show
(a failed reload never clears a table), dialogs keep what was typed (``WriteDialog`` shows the
worker's "Not saved: …" sentence and stays open), and this module

- shows ``OfflineBanner`` above the screens: "Offline since 10:42 — retrying every 4 s. What is
  on screen is kept; changes cannot be saved until the database answers.", with *Try now*;
- runs ``ReconnectProbe``: while offline it sends a cheap ``SELECT 1`` through the worker after
  1, 2, 4 … at most 30 s; the first answer (the probe's, or any other operation's) ends the
  outage: ``reconnected`` is emitted and the change bridge's ``tables_changed`` names every
  table, so visible screens reload and hidden ones mark themselves stale.

Going offline is driven by the worker: ``database_unavailable`` means an operation could not
reach the database. The change watcher's status (``ChangeBridge.connection_changed``) starts a
probe at once, either way: a watcher that lost only its own connection raises no banner when the
database answers the probe, and a watcher that is back ends the outage only once the worker's
connections answer too. The probe's own reads stay out of the worker's connection signals
(``report_connection=False``), so the status-bar light keeps following the screens and the
watcher.

Wire it with one line in the main window, after ``setCentralWidget``:
``self.offline_banner = install_offline_banner(self, self.context)``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from console.change_events import ChangeEvent
from console.services.core.operations import call
from console.services.core.ward import ping
from console.timeutil import format_local, now_utc
from console.views.common.change_bridge import ConnectionStatus
from console.views.common.screen import ScreenContext
from console.views.common.widgets import push_button, wrapped_label
from console.views.common.worker import message_of

PROBE_FIRST_SECONDS = 1.0
PROBE_MAX_SECONDS = 30.0
# While online, a shared PostgreSQL database is asked every HEARTBEAT_SECONDS with a
# PING_DEADLINE_SECONDS deadline: a silent network (a partition) turns the banner on within
# their sum (issue 21), not when somebody next saves.
HEARTBEAT_SECONDS = 3.0
PING_DEADLINE_SECONDS = 5.0

_BANNER_STYLE = (
    "QFrame#offlineBanner { background: #b42318; border-radius: 4px; }"
    " QFrame#offlineBanner QLabel { color: white; font-size: 14px; font-weight: 600; }"
    " QFrame#offlineBanner QPushButton { padding: 2px 10px; }"
)


class ReconnectProbe(QObject):
    """Knows whether the database answers; while it does not, asks again with backoff."""

    connection_lost = Signal(object)  # datetime (aware UTC): offline since
    retry_scheduled = Signal(float)  # seconds until the next probe
    reconnected = Signal()  # the database answers again (screens have been told to reload)

    def __init__(self, context: ScreenContext, parent: QObject | None = None, *,
                 first_delay: float = PROBE_FIRST_SECONDS,
                 max_delay: float = PROBE_MAX_SECONDS,
                 heartbeat_seconds: float = HEARTBEAT_SECONDS) -> None:
        super().__init__(parent)
        self.context = context
        self._first = first_delay
        self._max = max(max_delay, first_delay)
        self._delay = first_delay
        self._since: datetime | None = None
        self._problem = ""
        self._in_flight = False
        self._stopped = False
        self.probes_sent = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.probe_now)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(round(heartbeat_seconds * 1000))
        self.heartbeat.timeout.connect(self._beat)
        if context.worker.runner.backend == "postgresql" and heartbeat_seconds > 0:
            self.heartbeat.start()
        context.worker.database_unavailable.connect(self._on_unavailable)
        context.worker.database_answered.connect(self._on_answered)
        context.changes.connection_changed.connect(self._on_watcher_status)

    # -- state ---------------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._since is None

    @property
    def offline_since(self) -> datetime | None:
        return self._since

    @property
    def retry_seconds(self) -> float:
        """The current wait between probes (1, 2, 4 … at most 30 s)."""
        return self._delay

    @property
    def problem(self) -> str:
        """The last sentence explaining why the database did not answer."""
        return self._problem

    def stop(self) -> None:
        """No more probes (the window is closing)."""
        self._stopped = True
        self._timer.stop()
        self.heartbeat.stop()

    def _beat(self) -> None:
        if self._since is None:  # online: is it still? (offline, the backoff probes ask)
            self._send_probe()

    # -- inputs --------------------------------------------------------------------------------

    def _on_unavailable(self, message: str) -> None:
        self._problem = message
        if self._since is not None:
            return  # already offline: the running probe cycle carries on
        self._since = now_utc()
        self._delay = self._first
        self.connection_lost.emit(self._since)
        self._schedule()

    def _on_answered(self) -> None:
        if self._since is not None:
            # Delivered from inside the worker's callback; reload after it has returned.
            QTimer.singleShot(0, self, self._go_online)

    def _on_watcher_status(self, _status: ConnectionStatus) -> None:
        # Either way, ask through the worker. A watcher that lost only its own connection
        # raises no banner while the database answers; a watcher that is back ends the
        # outage only once the worker's own connections answer too.
        self._send_probe()

    # -- probing -------------------------------------------------------------------------------

    def probe_now(self) -> None:
        """Ask the database now, while offline (the timer, or *Try now*)."""
        if self._since is not None:
            self._send_probe()

    def _send_probe(self) -> None:
        if self._in_flight or self._stopped:
            return
        worker = self.context.worker
        if worker.is_shut_down:
            self.stop()
            return
        self._timer.stop()
        self._in_flight = True
        self.probes_sent += 1
        sent_offline = self._since is not None
        # Kept out of the worker's connection signals: the status-bar light goes on following
        # the screens' own operations and the change watcher; this probe reports for itself.
        worker.read(call(ping), self._on_probe_answered,
                    lambda error: self._on_probe_failed(error, sent_offline=sent_offline),
                    owner=self, report_connection=False, deadline=PING_DEADLINE_SECONDS)

    def _schedule(self) -> None:
        if self._stopped:
            return
        self._timer.start(round(self._delay * 1000))
        self.retry_scheduled.emit(self._delay)

    def _on_probe_answered(self, _answer: object) -> None:
        self._in_flight = False
        self._go_online()

    def _on_probe_failed(self, error: Exception, *, sent_offline: bool = True) -> None:
        self._in_flight = False
        message = message_of(error)
        if self._since is None:
            self._on_unavailable(message)  # this probe found the outage
            return
        self._problem = message or self._problem
        if sent_offline:  # a retry failed: wait longer before the next one
            self._delay = min(self._delay * 2, self._max)
            self._schedule()
        elif not self._timer.isActive():  # the outage began meanwhile: keep its first delay
            self._schedule()

    def _go_online(self) -> None:
        if self._since is None:
            return
        self._since = None
        self._delay = self._first
        self._timer.stop()
        self.reconnected.emit()
        if not self._stopped:
            self.context.changes.changed.emit(ChangeEvent.of_everything())


class OfflineBanner(QFrame):
    """A red strip across the window while the database does not answer."""

    retry_requested = Signal()  # *Try now*

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setStyleSheet(_BANNER_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._since: datetime | None = None
        self._seconds = PROBE_FIRST_SECONDS
        self.probe: ReconnectProbe | None = None  # set by attach()
        self.text_label = wrapped_label()
        self.retry_button = push_button(clicked=self.retry_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.retry_button)
        self.retranslate_ui()
        self.hide()

    @property
    def offline_since(self) -> datetime | None:
        return self._since

    def attach(self, probe: ReconnectProbe) -> None:
        """Follow a probe: show while it is offline, *Try now* asks it to probe."""
        self.probe = probe
        probe.connection_lost.connect(self.show_offline)
        probe.retry_scheduled.connect(self.set_retry_seconds)
        probe.reconnected.connect(self.show_online)
        self.retry_requested.connect(probe.probe_now)

    def show_offline(self, since: datetime) -> None:
        self._since = since
        self._show_problem()
        self.retranslate_ui()
        self.show()

    def set_retry_seconds(self, seconds: float) -> None:
        self._seconds = seconds
        self._show_problem()
        self.retranslate_ui()

    def _show_problem(self) -> None:
        if self.probe is not None:
            self.setToolTip(self.probe.problem)

    def show_online(self) -> None:
        self._since = None
        self.hide()

    def retranslate_ui(self) -> None:
        self.retry_button.setText(self.tr("Try now"))
        self.retry_button.setToolTip(self.tr("Ask the database again now"))
        if self._since is None:
            self.text_label.clear()
            return
        self.text_label.setText(self.tr(
            "Offline since {time} — retrying every {seconds} s. What is on screen is kept; "
            "changes cannot be saved until the database answers.").format(
                time=format_local(self._since), seconds=f"{self._seconds:g}"))


class _CloseWatcher(QObject):
    """Stops the probe when the window closes (the worker shuts down with it)."""

    def __init__(self, window: QMainWindow, probe: ReconnectProbe) -> None:
        super().__init__(window)
        self._probe = probe
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._probe.stop()
        return super().eventFilter(watched, event)


def install_offline_banner(window: QMainWindow, context: ScreenContext) -> OfflineBanner:
    """Put the banner above the window's central widget and start watching for outages.

    The central widget is wrapped, not replaced: it keeps its place under the banner. Calling
    this twice on one window returns the banner already installed. The probe is
    ``banner.probe``.
    """
    existing = window.findChild(OfflineBanner)
    if existing is not None:
        return existing
    central = window.centralWidget()
    if central is None:
        raise ValueError("install_offline_banner needs the window's central widget set first")
    central_hidden = central.isHidden()
    window.takeCentralWidget()
    banner = OfflineBanner()
    wrapper = QWidget()
    wrapper.setObjectName("offlineBannerHost")
    layout = QVBoxLayout(wrapper)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(central, 1)
    window.setCentralWidget(wrapper)
    central.setVisible(not central_hidden)  # taking it out of the window hid it
    if window.isVisible():
        wrapper.show()

    banner.attach(ReconnectProbe(context, window))
    assert banner.probe is not None
    _CloseWatcher(window, banner.probe)
    return banner
