"""The few colours screens use for states, chosen to read on light and dark palettes."""

from __future__ import annotations

from PySide6.QtGui import QColor

WARNING_BG = QColor("#fff1c2")  # amber: soon
WARNING_FG = QColor("#7a4b00")
DANGER_BG = QColor("#ffd9d6")  # red: now
DANGER_FG = QColor("#9b1c13")
INFO_BG = QColor("#dbe9ff")  # blue: something to do today
INFO_FG = QColor("#0b3d91")
OK_FG = QColor("#1c7c37")
MUTED_FG = QColor("#6b7280")
