"""Issue 17: a table's row diff made off the GUI thread (``row_plan``), applied on it.

A plan made on a pool thread updates the rows in place (no reset, no layout change when the
order holds) and the view keeps its selection, current row and scroll; a plan made from rows
the model no longer shows is made again; the worker hands ``prepare``'s answer to the view."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from console.db import Database
from console.services.core.operations import Runner
from console.views.common.row_plan import RowsPlan, plan_rows
from console.views.common.rows_model import SORT_ROLE, ColumnSpec, RowsTableModel
from console.views.common.tables import SortingProxy, compact_table, select_row
from console.views.common.worker import Worker

THREADS: set[str] = set()  # where the sort column's values were read


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    n: int


def _sort_n(item: Item) -> int:
    THREADS.add(threading.current_thread().name)
    return item.n


COLUMNS = (ColumnSpec("Name", lambda i: i.name), ColumnSpec("N", lambda i: str(i.n), sort=_sort_n))
ITEMS = tuple(Item(i, f"item {i:03}", i * 10) for i in range(1, 301))


def _on_a_pool_thread(model: RowsTableModel[Item], rows: tuple[Item, ...]) -> RowsPlan[Item]:
    base = model.off_thread_base()
    assert base is not None  # a declared-columns model's ids and sort values are plain Python
    plans: list[RowsPlan[Item]] = []
    thread = threading.Thread(target=lambda: plans.append(plan_rows(base, rows)), name="pool")
    thread.start()
    thread.join()
    return plans[0]


def _view(qtbot: QtBot) -> tuple[RowsTableModel[Item], SortingProxy, QTableView]:
    model: RowsTableModel[Item] = RowsTableModel("T", COLUMNS)
    proxy = SortingProxy()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = compact_table(proxy, sort_column=1)
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    model.set_rows(ITEMS)
    return model, proxy, table


def test_a_plan_made_on_a_pool_thread_updates_rows_in_place_keeping_selection_and_scroll(
        qtbot: QtBot) -> None:
    model, proxy, table = _view(qtbot)
    assert select_row(table, proxy, model.row_of(150))
    table.verticalScrollBar().setValue(120)
    scroll = table.verticalScrollBar().value()
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.layoutChanged.connect(lambda: signals.append("layout"))
    model.rowsInserted.connect(lambda *_: signals.append("inserted"))
    model.rowsRemoved.connect(lambda *_: signals.append("removed"))
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row())))

    fresh = tuple(replace(i) for i in ITEMS)  # a reload: new objects, equal values
    fresh = (*fresh[:149], replace(ITEMS[149], name="renamed"), *fresh[150:])
    THREADS.clear()
    plan = _on_a_pool_thread(model, fresh)
    assert {"pool"} == THREADS  # every sort value was read there, none on the GUI thread
    model.apply_plan(plan)
    assert {"pool"} == THREADS  # applying it read none again

    assert signals == []  # no reset, no layout change, nothing added or removed
    assert changed == [(model.row_of(150), model.row_of(150))]
    assert model.record(150) is fresh[149]
    assert table.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "renamed"
    assert [proxy.mapToSource(i).row() for i in table.selectionModel().selectedRows()] == [
        model.row_of(150)]
    assert table.verticalScrollBar().value() == scroll


def test_a_reordering_plan_moves_the_selection_with_its_row(qtbot: QtBot) -> None:
    model, proxy, table = _view(qtbot)
    assert select_row(table, proxy, model.row_of(10))
    moved = tuple(replace(i, n=-1) if i.id == 10 else i for i in ITEMS)  # now sorts first
    model.apply_plan(_on_a_pool_thread(model, moved))
    assert model.row_of(10) == 0
    assert [proxy.mapToSource(i).row() for i in table.selectionModel().selectedRows()] == [0]


def test_a_plan_made_from_rows_no_longer_shown_is_made_again(qtbot: QtBot,
                                                             qtmodeltester: ModelTester) -> None:
    model, _proxy, _table = _view(qtbot)
    plan = _on_a_pool_thread(model, ITEMS[:-1])  # the last item gone
    model.upsert_rows([Item(999, "came meanwhile", 5)])  # a change event in between: first row
    qtmodeltester.check(model, force_py=True)  # every signal must say what really changed
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.apply_plan(plan)
    assert sorted(removed) == [(0, 0), (300, 300)]
    assert model.rows() == tuple(sorted(ITEMS[:-1], key=lambda i: i.n))
    assert model.row_of(999) is None
    assert model.row_of(300) is None


def test_the_worker_hands_the_view_what_prepare_made_of_the_result_on_its_pool_thread(
        qtbot: QtBot, sqlite_db: Database) -> None:
    worker = Worker(Runner(sqlite_db, "TST"))
    prepared_on: list[str] = []
    seen: list[object] = []

    def answer(session: Session) -> int:
        del session
        return 41

    def prepare(value: int) -> tuple[str, int]:
        prepared_on.append(threading.current_thread().name)
        return "prepared", value + 1

    def broken(value: int) -> int:
        raise ValueError(value)

    worker.refresh("a", answer, seen.append, prepare=prepare)
    qtbot.waitUntil(worker.is_idle)
    worker.refresh("b", answer, seen.append, prepare=broken)  # the view gets the plain result
    qtbot.waitUntil(worker.is_idle)
    assert seen == [("prepared", 42), 41]
    assert prepared_on
    assert threading.main_thread().name not in prepared_on
