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

# Style sheets every screen uses for the same things.
MUTED_LABEL_STYLE = "QLabel { color: #6b7280; }"  # "Loading…", hints
EMPTY_STATE_STYLE = "QLabel { color: #6b7280; font-size: 15px; }"  # "No … on this day"
ERROR_BANNER_STYLE = ("QLabel { color: #9b1c13; background: #ffd9d6; border-radius: 4px;"
                      " padding: 4px 8px; }")
