"""The bold cell font the table models share (issue 13: one helper, not six copies)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from console.views.common.fonts import bold_font


def test_bold_font_is_the_default_font_made_bold(qtbot: QtBot) -> None:
    del qtbot  # the QApplication, for QFont
    font = bold_font()
    assert font.bold()
    assert font.family() == QFont().family()
    assert font.pointSizeF() == QFont().pointSizeF()
    assert bold_font() is not font  # a fresh font each time: a caller may change its copy
