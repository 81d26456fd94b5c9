"""A screen's summary wraps between its parts, never inside one (issue 20)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QTextLayout
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.views.common.labels import summary_line


def _lines(label: QLabel, width: int) -> list[str]:
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(label.text()[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return [text.strip(" ·") for text in lines]


def test_a_narrow_summary_breaks_between_its_parts(qtbot: QtBot) -> None:
    parts = ["Signed 10 of 35", "CRP-decisions due: 8", "New: 4"]
    label = QLabel(summary_line(parts))
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    # room for the first part and half of the second: a plain wrap put "CRP-decisions due:" on
    # one line and its count on the next (or split the word at its hyphen)
    width = metrics.horizontalAdvance("Signed 10 of 35  ·  CRP-decisions due:") + 2
    lines = _lines(label, width)
    assert len(lines) > 1
    plain = [line.replace("\u00a0", " ").replace("\u2011", "-") for line in lines]
    assert [part.strip() for line in plain for part in line.split("·")] == parts
