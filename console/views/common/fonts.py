"""The fonts table models hand their views through ``Qt.ItemDataRole.FontRole``.

One place builds them: six table models wrote the same three lines for a bold cell (issue 13).
"""

from __future__ import annotations

from PySide6.QtGui import QFont


def bold_font() -> QFont:
    """The view's font, bold: an emphasised cell (overdue, due today, a total row …)."""
    font = QFont()
    font.setBold(True)
    return font
