"""The dispatch map (issue 5): routes, numbered stops, the tray, approximate locations, the empty
state, the PNG export; and ``map_data_from`` over the dispatch service's rows."""

from __future__ import annotations

import inspect
import math
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from console.services.dispatch.routes import MbeVisitRow, ShiftCarRow, ShiftRow
from console.views.dispatch import map as dispatch_map
from console.views.dispatch.map import DispatchMap, map_data_from, spread

DAY = date(2026, 12, 1)
BASES = [("Holbæk", 55.7175, 11.71279), ("Nykøbing F.", 54.76906, 11.87425),
         ("Næstved", 55.22992, 11.76092)]
ROUTES = [
    ("HOL-1", 55.7175, 11.71279, [(55.64, 12.08, False), (55.59, 12.30, True)]),
    ("HOL-2", 55.7175, 11.71279, [(55.92, 11.67, True), (55.92, 11.67, True),
                                  (55.68, 11.14, False)]),
    ("NAE-1", 55.22992, 11.76092, [(55.04, 11.87, False)]),
]
UNASSIGNED = [(55.43, 11.35, False), (55.30, 11.96, True)]


def _by_gid(ax: Any, gid: str) -> list[Any]:
    return [a for a in (*ax.lines, *ax.collections, *ax.texts) if a.get_gid() == gid]


def _offsets(ax: Any, gid: str) -> int:
    return sum(len(c.get_offsets()) for c in _by_gid(ax, gid))


def _map(qtbot: QtBot) -> DispatchMap:
    widget = DispatchMap()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def test_draws_one_line_per_route_and_a_numbered_marker_per_stop(qtbot: QtBot) -> None:
    widget = _map(qtbot)
    widget.set_data(BASES, ROUTES, UNASSIGNED, title="MTU routes")
    ax = widget.axes
    lines = _by_gid(ax, "route")
    assert [line.get_label() for line in lines] == ["HOL-1", "HOL-2", "NAE-1"]
    # each route runs base → stops → base
    for line, (_, blat, blon, stops) in zip(lines, ROUTES, strict=True):
        xs, ys = line.get_data()
        assert len(xs) == len(stops) + 2
        assert (xs[0], ys[0]) == (xs[-1], ys[-1]) == (blon, blat)
    assert _offsets(ax, "stop") == 6
    numbers = [t.get_text() for t in _by_gid(ax, "stop-number")]
    assert numbers == ["1", "2", "1", "2", "3", "1"]
    assert _offsets(ax, "unassigned") == 2
    assert _offsets(ax, "approximate") == 4  # 3 stops on cars and 1 in the tray
    assert _offsets(ax, "bases") == 3
    assert _offsets(ax, "municipality") == 17
    assert (widget.route_count, widget.stop_count) == (3, 8)
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["HOL-1", "HOL-2", "NAE-1", "unassigned visit", "approximate location",
                      "MBE base"]
    assert {t.get_text() for t in ax.texts} >= {"Holbæk", "Næstved", "Nykøbing F."}
    assert ax.get_title(loc="left") == "MTU routes"


def test_latitude_is_kept_true_to_scale(qtbot: QtBot) -> None:
    widget = _map(qtbot)
    widget.set_data(BASES, ROUTES, UNASSIGNED)
    aspect = widget.axes.get_aspect()
    assert isinstance(aspect, float)
    assert 1 / math.cos(math.radians(54.5)) < aspect < 1 / math.cos(math.radians(56.0))


def test_redraw_replaces_the_artists(qtbot: QtBot) -> None:
    widget = _map(qtbot)
    widget.set_data(BASES, ROUTES, UNASSIGNED)
    widget.set_data(BASES, ROUTES[:1], [])
    ax = widget.axes
    assert len(_by_gid(ax, "route")) == 1
    assert _offsets(ax, "stop") == 2
    assert _offsets(ax, "unassigned") == 0
    assert (widget.route_count, widget.stop_count) == (1, 2)


def test_empty_state(qtbot: QtBot) -> None:
    widget = _map(qtbot)  # starts empty
    assert "No MBE visits to show" in [t.get_text() for t in widget.axes.texts]
    widget.set_data(BASES, [("HOL-1", 55.7175, 11.71279, [])], [])
    ax = widget.axes
    assert _by_gid(ax, "route") == []
    assert _offsets(ax, "stop") == 0
    assert widget.route_count == 0
    assert widget.stop_count == 0
    assert "No MBE visits to show" in [t.get_text() for t in ax.texts]
    assert _offsets(ax, "bases") == 3
    assert _offsets(ax, "municipality") == 17
    assert ax.get_legend() is None


def test_export_png(qtbot: QtBot, tmp_path: Path) -> None:
    widget = _map(qtbot)
    widget.set_data(BASES, ROUTES, UNASSIGNED)
    path = widget.export_png(tmp_path / "maps" / "today.png")
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert path.stat().st_size > 10_000


def test_spread_separates_markers_and_leaves_the_rest() -> None:
    far = [(55.0, 11.0), (55.7, 12.2)]
    assert spread(far) == far
    same = [(55.5, 11.5)] * 4
    out = spread(same, gap=0.03)
    squeeze = math.cos(math.radians(55.5))
    for i, a in enumerate(out):
        for b in out[i + 1:]:
            assert math.hypot(a[0] - b[0], (a[1] - b[1]) * squeeze) >= 0.03 * 0.99
        assert abs(a[0] - 55.5) < 0.05
        assert abs(a[1] - 11.5) < 0.08
    base = (55.2, 11.7)
    [moved] = spread([base], fixed=[base], gap=0.03)
    assert math.hypot(moved[0] - base[0], (moved[1] - base[1]) * squeeze) >= 0.03 * 0.99
    assert spread([]) == []


def test_no_pyplot_and_lazy_matplotlib() -> None:
    source = inspect.getsource(dispatch_map)
    assert "matplotlib.pyplot" not in source
    assert "import pyplot" not in source
    head = source.split("class DispatchMap")[0]
    assert "\nfrom matplotlib" not in head
    assert "\nimport matplotlib" not in head


# --- map_data_from ------------------------------------------------------------------------------

def _at(hour: int) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, tzinfo=UTC)


def _shift(shift_id: int, base: str, kind: str, cars: list[tuple[int, str]]) -> ShiftRow:
    start = 6 if kind == "day" else 14
    return ShiftRow(shift_id, shift_id, base, kind, DAY, _at(start), _at(start + 8),
                    tuple(ShiftCarRow(cid, shift_id, cid, call, None, True, 0, 1)
                          for cid, call in cars), 1)


def _visit(visit_id: int, car: int | None, order: int | None, hour: int, *,
           status: str = "planned", approx: bool = False, lat: float = 55.5) -> MbeVisitRow:
    return MbeVisitRow(visit_id, visit_id, f"P{visit_id}", "Sorø", "Vej 1", None, "iv_dose",
                       _at(hour), _at(hour) + timedelta(hours=2), 20, status, car,
                       None if car is None else "X", order, None, False, approx, lat,
                       11.5 + visit_id / 100, 1)


def test_map_data_from_rows() -> None:
    shifts = [_shift(1, "Holbæk", "day", [(11, "HOL-1"), (12, "HOL-2")]),
              _shift(2, "Holbæk", "evening", [(21, "HOL-1")]),
              _shift(3, "Næstved", "day", [(31, "NAE-1")])]
    visits = [
        _visit(1, 11, 2, 9), _visit(2, 11, 1, 8, approx=True), _visit(3, 11, 3, 12, status="done"),
        _visit(4, 11, None, 13, status="cancelled"),
        _visit(5, 21, 1, 18),
        _visit(6, None, None, 7, approx=True), _visit(7, None, None, 17),
        _visit(8, None, None, 10, status="missed"),
    ]
    data = map_data_from(shifts, visits, BASES)
    assert data.bases == tuple(BASES)
    labels = [r[0] for r in data.routes]
    assert labels == ["HOL-1 · day", "HOL-1 · evening"]  # HOL-2 and NAE-1 have no stops
    hol1 = data.routes[0]
    assert (hol1[1], hol1[2]) == (55.7175, 11.71279)
    assert [round((lon - 11.5) * 100) for _, lon, _ in hol1[3]] == [2, 1, 3]  # route order
    assert [a for _, _, a in hol1[3]] == [True, False, False]
    assert len(data.unassigned) == 2
    assert data.unassigned[0][2] is True

    day = map_data_from(shifts, visits, BASES, kind="day")
    assert [r[0] for r in day.routes] == ["HOL-1"]  # one shift: the call sign alone
    assert len(day.unassigned) == 1  # the 07:00 one; the 17:00 one is the evening's
    assert map_data_from(shifts, visits, [], kind="day").routes == ()  # base unknown: no route
