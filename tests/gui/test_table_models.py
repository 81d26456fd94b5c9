"""Every table model of the console is the one frozen-rows recipe, checked by Qt's model tester,
and its keyed updates keep the rows the view knows (issue 13: one table recipe)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from console.views.common.frozen_rows import SORT_ROLE, FrozenRowsModel
from console.views.common.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    n: int


class Model(FrozenRowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("T", "Name"), QT_TRANSLATE_NOOP("T", "N"))
    CONTEXT = "T"

    def _cell(self, row: Row, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.name if col == 0 else str(row.n)
        return None


ROWS = tuple(Row(i, f"row {i}", i * 10) for i in range(1, 9))


def test_the_model_tester_passes_through_inserts_removals_updates_and_reorders(
        qtmodeltester: Any) -> None:
    model = Model()
    model.replace_rows(ROWS)
    qtmodeltester.check(model, force_py=True)  # and it watches every change after this
    model.replace_rows([ROWS[0], replace(ROWS[2], n=99), *ROWS[4:], Row(20, "new", 0)])
    model.replace_rows(list(reversed(model.rows())))  # reordered: one layout change
    model.upsert_rows([Row(21, "newer", 1), replace(ROWS[0], name="renamed")])
    model.remove_keys([20])
    model.replace_rows(())
    assert model.rowCount() == 0


def test_keyed_updates_signal_only_what_changed(qtbot: QtBot) -> None:
    model = Model()
    model.replace_rows(ROWS)
    signals: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: signals.append(("removed", a, b)))
    model.rowsInserted.connect(lambda _p, a, b: signals.append(("inserted", a, b)))
    model.dataChanged.connect(lambda a, b, _r: signals.append(("changed", a.row(), b.row())))
    model.modelReset.connect(lambda: signals.append(("reset", 0, 0)))
    model.replace_rows([*ROWS[:2], replace(ROWS[2], n=1), *ROWS[3:6], Row(9, "ninth", 9)])
    assert signals == [("removed", 6, 7), ("inserted", 6, 6), ("changed", 2, 2)]


def test_the_selection_follows_its_row_through_an_update(qtbot: QtBot) -> None:
    model = Model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model.replace_rows(ROWS)
    view.selectRow(proxy.mapFromSource(model.index(model.row_of(5) or 0, 0)).row())
    model.replace_rows([Row(0, "row 0 (new, sorts first)", 0), *ROWS[1:],
                        replace(ROWS[4], n=555)][:-1])
    selected = view.selectionModel().selectedRows()
    assert len(selected) == 1
    assert proxy.mapToSource(selected[0]).row() == model.row_of(5)


@pytest.mark.parametrize("name", [
    "console.views.census.model:CensusTableModel",
    "console.views.escalations.model:EscalationTableModel",
    "console.views.rounds.model:RoundsTableModel",
    "console.views.rounds.conference_model:ConferenceTableModel",
    "console.views.logistics.model:DeliveryTableModel",
    "console.views.logistics.at_risk_model:AtRiskTableModel",
    "console.views.dispatch.tables:TrayTableModel",
    "console.views.dispatch.tables:CarsTableModel",
    "console.views.dispatch.plan_dialog:PlanRoutesModel",
    "console.views.dispatch.plan_dialog:UnplacedModel",
    "console.views.dashboard.model:FigureTableModel",
    "console.views.dashboard.model:SettlementTotalsModel",
    "console.views.dashboard.model:SettlementLinesModel",
    "console.views.escalations.directory_dialog:MunicipalityTableModel",
    "console.views.escalations.directory_dialog:ContactTableModel",
    "console.views.common.rows_model:RowsTableModel",
    "console.views.patient.timeline_model:VisitTimelineModel",
    "console.views.logistics.dialogs:ProposalTableModel",
])
def test_every_table_model_is_a_frozen_rows_model(name: str) -> None:
    module, cls = name.split(":")
    model_class = getattr(__import__(module, fromlist=[cls]), cls)
    assert issubclass(model_class, FrozenRowsModel), name


def test_upsert_replaces_by_key_and_adds_new_rows_remove_keys_drops_them() -> None:
    model = Model()
    model.replace_rows(ROWS[:3])
    model.upsert_rows([Row(21, "newer", 1), replace(ROWS[0], name="renamed")])
    assert [r.id for r in model.rows()] == [1, 2, 3, 21]
    assert model.row_at(model.row_of(1)).name == "renamed"  # type: ignore[arg-type]
    model.remove_keys([2, 99])
    assert [r.id for r in model.rows()] == [1, 3, 21]
    assert model.row_of(3) == 1


@dataclass(frozen=True)
class VisitLike:
    visit_id: int
    name: str


class KeyedModel(FrozenRowsModel[VisitLike]):
    HEADERS = (QT_TRANSLATE_NOOP("T", "Name"),)
    CONTEXT = "T"
    KEY = "visit_id"

    def _cell(self, row: VisitLike, col: int, role: int) -> Any:
        return row.name if role == Qt.ItemDataRole.DisplayRole else None


def test_key_names_the_field_rows_are_kept_by_and_record_finds_a_row_by_it(
        qtmodeltester: Any) -> None:
    model = KeyedModel()
    model.replace_rows([VisitLike(7, "a"), VisitLike(3, "b")])
    qtmodeltester.check(model, force_py=True)
    model.replace_rows([VisitLike(7, "a"), VisitLike(3, "b2"), VisitLike(5, "c")])
    assert model.record(3) == VisitLike(3, "b2")
    assert model.row_of(5) == 2
    assert model.record(99) is None
    model.remove_keys([7])
    assert [r.visit_id for r in model.rows()] == [3, 5]


def test_the_census_model_passes_the_model_tester_on_a_real_ward(
        qtmodeltester: Any, ward_db: Any, day: Any) -> None:
    from console.services.core.uow import read_only
    from console.services.course.census import load_census
    from console.views.census.model import CensusTableModel

    with read_only(ward_db) as session:
        snapshot = load_census(session, day)
    model = CensusTableModel()
    model.set_rows(snapshot.rows, snapshot.day)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(snapshot.rows[1:], snapshot.day)
    model.set_rows(snapshot.rows, snapshot.day)


def test_a_first_fill_is_one_reset_and_new_rows_come_in_runs(qtbot: QtBot) -> None:
    """Issue 17: a thousand rows into an empty table were a thousand inserts (and quadratic
    copying) on the GUI thread; now the first fill is one reset and new rows arrive as one
    insert per contiguous run."""
    model = Model()
    signals: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: signals.append(("inserted", a, b)))
    model.modelReset.connect(lambda: signals.append(("reset", 0, 0)))
    model.replace_rows(ROWS[2:5])
    assert signals == [("reset", 0, 0)]
    signals.clear()
    model.replace_rows(ROWS)  # two before, three after the kept ones
    assert signals == [("inserted", 0, 1), ("inserted", 5, 7)]
    assert model.rows() == ROWS
    assert [model.row_of(r.id) for r in ROWS] == list(range(len(ROWS)))


class SortedModel(Model):
    def _cell(self, row: Row, col: int, role: int) -> Any:
        if role == SORT_ROLE:
            return row.n if col == 1 else row.name
        return super()._cell(row, col, role)


def test_the_proxy_sorts_by_the_new_values_after_every_kind_of_change(qtbot: QtBot) -> None:
    """Issue 17: sort keys are cached per cell while the proxy sorts; any change to the rows
    (update in place, insert, remove, reset) must drop the cache or the order goes stale."""
    from console.views.common.tables import sorted_proxy

    model = SortedModel()
    view = QTableView()  # owns the proxy, as a screen's table does
    proxy = sorted_proxy(model, view)
    view.setModel(proxy)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)

    def order() -> list[int]:
        return [proxy.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in
                range(proxy.rowCount())]

    model.replace_rows(ROWS[:4])  # n = 10, 20, 30, 40
    assert order() == ["row 1", "row 2", "row 3", "row 4"]
    model.replace_rows([replace(ROWS[0], n=35), *ROWS[1:4]])  # updated in place
    assert order() == ["row 2", "row 3", "row 1", "row 4"]
    model.replace_rows([replace(ROWS[0], n=35), *ROWS[1:4], Row(9, "row 9", 5)])  # inserted
    assert order() == ["row 9", "row 2", "row 3", "row 1", "row 4"]
    model.replace_rows([replace(ROWS[0], n=35), ROWS[2], ROWS[3], Row(9, "row 9", 50)])
    assert order() == ["row 3", "row 1", "row 4", "row 9"]
    view.deleteLater()


class Keyed(FrozenRowsModel):
    """Sort keys with ties and gaps (None), as the census's next-visit column has."""

    HEADERS = (QT_TRANSLATE_NOOP("T", "Name"), QT_TRANSLATE_NOOP("T", "N"))
    CONTEXT = "T"

    def _display(self, row: Row, col: int) -> Any:
        return row.name if col == 0 else str(row.n)

    def _sort_key(self, row: Row, col: int) -> Any:
        if col == 0:
            return row.name
        return None if row.n < 0 else row.n


MIXED = (Row(1, "b", 30), Row(2, "a", -1), Row(3, "c", 10), Row(4, "B", 30), Row(5, "a", 10),
         Row(6, "é", -1), Row(7, "d", 20))


@pytest.mark.parametrize("column", [0, 1])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_the_model_sorts_itself_in_the_order_qt_s_proxy_gives(qtbot: QtBot, column: int,
                                                              order: Qt.SortOrder) -> None:
    """Issue 17: the house proxy hands sorting to the model (one key per row, not two calls per
    comparison); the order is the one Qt's own proxy gives: stable over the loaded order, empty
    values last ascending and first descending."""
    from console.views.common.tables import sorted_proxy

    ours, theirs = Keyed(), Keyed()
    ours.replace_rows(MIXED)
    theirs.replace_rows(MIXED)
    house = sorted_proxy(ours, None)
    qt = QSortFilterProxyModel()
    qt.setSourceModel(theirs)
    qt.setSortRole(SORT_ROLE)
    house.sort(column, order)
    qt.sort(column, order)
    assert house.sortColumn() == -1  # the proxy itself no longer compares rows

    def shown(proxy: QSortFilterProxyModel) -> list[int]:
        model = proxy.sourceModel()
        assert isinstance(model, Keyed)
        return [model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
                for r in range(proxy.rowCount())]

    assert shown(house) == shown(qt)
    # and as rows change, a new row and a changed key land where Qt's proxy puts them (among
    # equal values Qt's place depends on the order of earlier updates: only the values compared)
    changed = (*MIXED[:2], replace(MIXED[2], n=40), *MIXED[3:], Row(8, "aa", 20))
    ours.replace_rows(changed)
    theirs.replace_rows(changed)
    by_id = {row.id: row for row in changed}

    def values(ids: list[int]) -> list[Any]:
        return [ours._sort_key(by_id[i], column) for i in ids]

    assert values(shown(house)) == values(shown(qt))


def test_a_changed_sort_key_moves_the_row_and_the_selection_moves_with_it(qtbot: QtBot
                                                                          ) -> None:
    """A row whose sort value changes moves in one layout change (no reset): the selected row
    stays selected, wherever it moved to."""
    from console.views.common.tables import house_table, sorted_proxy

    model = Keyed()
    proxy = sorted_proxy(model, None)
    view = house_table(proxy, sort_column=1)
    qtbot.addWidget(view)
    model.replace_rows(MIXED)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    view.selectRow(proxy.mapFromSource(model.index(model.row_of(3) or 0, 0)).row())
    model.replace_rows([*MIXED[:2], replace(MIXED[2], n=99), *MIXED[3:]])
    assert not resets
    assert [r.id for r in model.rows()][-3:] == [3, 2, 6]  # 99 last before the empty ones
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(proxy.mapToSource(i).row()).id for i in selected] == [3]
