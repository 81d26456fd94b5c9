"""What every screen, panel and dialog is given: explicitly, no global singletons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from console.services.core.operations import Runner
    from console.views.common.change_bridge import ChangeBridge
    from console.views.common.worker import Worker


@dataclass(frozen=True)
class ScreenContext:
    runner: Runner  # the database and the signed-in person, for the worker
    user: str
    worker: Worker
    changes: ChangeBridge
    settings: QSettings  # per-user UI state (never the shared database)



