"""Brings the change watcher's callbacks (on its own thread) onto the GUI thread as signals.

``console.sync.ChangeWatcher`` calls ``on_change(tables)`` and ``on_status(healthy, message)``
from its own thread. The bridge lives on the GUI thread and hops each callback through a queued
connection first, so every listener of ``tables_changed`` / ``connection_changed`` runs on the
GUI thread, even a plain function or lambda.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    healthy: bool
    message: str


class ChangeBridge(QObject):
    tables_changed = Signal(object)  # frozenset[str]: the tables changed by any desk
    # A ConnectionStatus (healthy, one-sentence message).
    connection_changed = Signal(object)

    _changed_elsewhere = Signal(object)
    _status_elsewhere = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        queued = Qt.ConnectionType.QueuedConnection
        self._changed_elsewhere.connect(self.tables_changed, queued)
        self._status_elsewhere.connect(self.connection_changed, queued)

    def on_change(self, tables: frozenset[str]) -> None:
        """Watcher callback (any thread)."""
        self._changed_elsewhere.emit(frozenset(tables))

    def on_status(self, healthy: bool, message: str) -> None:
        """Watcher callback (any thread)."""
        self._status_elsewhere.emit(ConnectionStatus(bool(healthy), str(message)))
