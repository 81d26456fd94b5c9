"""The status-bar connection light: green "Connected" or red "Offline since HH:MM, retrying"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from console.timeutil import format_local, now_utc
from console.views.common.change_bridge import ConnectionStatus

_ONLINE_STYLE = "QLabel { color: #1c7c37; font-weight: 600; padding: 0 6px; }"
_OFFLINE_STYLE = ("QLabel { color: white; background: #b42318; font-weight: 600;"
                  " border-radius: 3px; padding: 0 6px; }")


class ConnectionIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offline_since: datetime | None = None
        self._last_problem = ""
        self._show()

    @property
    def online(self) -> bool:
        return self._offline_since is None

    def set_online(self) -> None:
        if self._offline_since is not None:
            self._offline_since = None
            self._show()

    def set_offline(self, message: str) -> None:
        self._last_problem = message
        if self._offline_since is None:
            self._offline_since = now_utc()
        self._show()

    def set_status(self, status: ConnectionStatus) -> None:
        """Slot for the change watcher's status (through the change bridge)."""
        if status.healthy:
            self.set_online()
        else:
            self.set_offline(status.message)

    def _show(self) -> None:
        if self._offline_since is None:
            self.setText(self.tr("● Connected"))
            self.setStyleSheet(_ONLINE_STYLE)
            self.setToolTip(self.tr("The shared database answers; other desks' changes arrive."))
        else:
            since = format_local(self._offline_since)
            self.setText(self.tr("● Offline since {time}, retrying").format(time=since))
            self.setStyleSheet(_OFFLINE_STYLE)
            self.setToolTip(self._last_problem)

    def retranslate_ui(self) -> None:
        self._show()
