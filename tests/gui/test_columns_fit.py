"""At 1280×720 with the demo ward, no screen cuts an essential column (issue 20).

Each screen is shown in the main window at 1280×720; in every visible table the columns a
person works from (name, treatment, next visit, status) must show their whole text for every
row on screen: a cut name or a "Blood sample (…" hides what matters while space sits unused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from console.app import create_main_window, default_user
from console.db import Database
from console.screenshot import wait_until_idle
from console.services.core.uow import unit_of_work
from console.services.demo.seed import seed_demo
from console.timeutil import today_local
from console.views.common.language import install_language
from console.views.registry import SCREEN_KEYS

# in both languages: the Danish headers of the same columns
ESSENTIAL = ("name", "patient", "treatment", "next visit", "status", "kind", "phone",
             "navn", "behandling", "næste besøg", "type", "telefon")
SIZE = (1280, 720)


def _essential(header: str) -> bool:
    return header.strip().lower() in ESSENTIAL


def _needed(table: QTableView, column: int, row: int, text: str, margin: int) -> int:
    """The width a cell needs: its longest line, or what its own delegate asks for (a badge
    is drawn bold with padding: "Underskrevet" fitted as text but showed as "…")."""
    metrics = table.fontMetrics()
    longest = max(text.split("\n"), key=metrics.horizontalAdvance)
    needed = metrics.horizontalAdvance(longest) + margin
    delegate = table.itemDelegateForColumn(column)
    if delegate is not None:
        option = QStyleOptionViewItem()
        option.initFrom(table)
        needed = max(needed, delegate.sizeHint(option, table.model().index(row, column)).width())
    return needed


def _cut_cells(table: QTableView) -> list[str]:
    model = table.model()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                            table) + 1)
    cut = []
    for column in range(model.columnCount()):
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        if table.isColumnHidden(column) or not _essential(header):
            continue
        width = table.columnWidth(column)
        for row in range(min(model.rowCount(), 60)):
            text = model.data(model.index(row, column))
            if not isinstance(text, str) or not text:
                continue
            needed = _needed(table, column, row, text, margin)
            if needed > width:
                cut.append(f"{table.objectName() or type(table).__name__} {header!r}: {text!r} "
                           f"needs {needed} px, has {width}")
                break
    return cut


# Three demo wards in English and one in Danish: each of seeds 7 and 11 found a cut the seed-5
# ward did not have (a three-part name in the dispatch tray, "Name (CPR)" in referrals, a
# longer census name taking the treatment's room), Danish labels are longer ("Underskrevet",
# "overskredet"), and the demo day changes with the date the suite runs on.
@pytest.fixture(params=[(5, "en"), (7, "en"), (11, "en"), (5, "da")],
                ids=lambda p: f"seed{p[0]}-{p[1]}")
def demo_db(sqlite_db: Database, request: pytest.FixtureRequest) -> Iterator[Database]:
    seed, language = request.param
    with unit_of_work(sqlite_db, "system") as s:
        seed_demo(s, day=today_local(), seed=seed)
    install_language(language)
    try:
        yield sqlite_db
    finally:
        install_language("en")


def test_no_essential_column_is_cut_at_1280x720(qtbot: QtBot, demo_db: Database,
                                                tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "fit.ini"), QSettings.Format.IniFormat)
    window = create_main_window(demo_db, default_user(demo_db), settings, day=today_local())
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    found: dict[str, list[str]] = {}
    try:
        for key in SCREEN_KEYS:
            window.show_screen(key)
            assert wait_until_idle(window), f"the {key} screen did not finish loading"
            screen = window.current_screen()
            # A screen whose minimum width grows the window past 1280 hides the problem it
            # causes: every screen then has room (a long census summary did this).
            assert window.width() <= SIZE[0], f"the {key} screen widens the window to " \
                f"{window.width()} px"
            cut = [c for table in screen.findChildren(QTableView) if table.isVisible()
                   for c in _cut_cells(table)]
            if cut:
                found[key] = cut
    finally:
        window.context.worker.shutdown()
    assert found == {}
