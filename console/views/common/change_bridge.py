"""Brings the change watcher's callbacks (on its own thread) onto the GUI thread as signals.

``console.sync.ChangeWatcher`` calls ``on_change(event)`` and ``on_status(healthy, message)``
from its own thread. The bridge lives on the GUI thread and hops each callback through a queued
connection first, so every listener of ``changed`` / ``connection_changed`` runs on the GUI
thread, even a plain function or lambda.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal

from console.change_events import ChangeEvent


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    healthy: bool
    message: str


class ChangeBridge(QObject):
    changed = Signal(object)  # a ChangeEvent: what any desk changed
    # A ConnectionStatus (healthy, one-sentence message).
    connection_changed = Signal(object)

    _changed_elsewhere = Signal(object)
    _status_elsewhere = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._changed_elsewhere.connect(self.changed, queued)
        self._status_elsewhere.connect(self.connection_changed, queued)

    def on_change(self, event: ChangeEvent) -> None:
        """Watcher callback (any thread)."""
        self._changed_elsewhere.emit(event)

    def announce(self, tables: set[str] | frozenset[str]) -> None:
        """Say that ``tables`` changed without naming rows (tests, and writes of this desk
        whose rows the feed will name later)."""
        self._changed_elsewhere.emit(ChangeEvent.of_tables(frozenset(tables)))

    def on_status(self, healthy: bool, message: str) -> None:
        """Watcher callback (any thread)."""
        self._status_elsewhere.emit(ConnectionStatus(bool(healthy), str(message)))
