"""ETAs, slack and window violations for hand-edited routes (issue 18, R-SHIFT): after a manual
move the services recompute every stop's ETA, slack and lateness and return them; the board only
draws what ``load_board`` computed."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from sqlalchemy import update

from console.db import Database
from console.models import Visit
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.board import assign_visit_to_car
from console.services.dispatch.board_view import load_board
from console.services.dispatch.routes import car_route
from console.services.dispatch.routing import TimedStop, route_times
from console.timeutil import utc_at
from tests.factories import DISPATCHER, add_ward_staff
from tests.test_dispatch import DAY, add_visit, assign, make_shifts, visit_of

#        base  a   b
LINE = [[0, 10, 20],
        [10, 0, 10],
        [20, 10, 0]]


def test_R_SHIFT_slack_is_absorbed_by_waiting_and_bounded_by_later_stops() -> None:
    stops = [TimedStop(1, 1, 30, 60, 5), TimedStop(2, 2, 0, 50, 5)]
    sched, times = route_times(stops, LINE, depot=0, start=0, end=100)
    assert sched.starts == (30, 45)
    # a could start 30 min later by its own window, but b (no waiting before it) only 5.
    assert [(t.visit_id, t.start, t.late_by, t.slack) for t in times] == [(1, 30, 0, 5), (2, 45, 0, 5)]
    wide = [TimedStop(1, 1, 30, 60, 5), TimedStop(2, 2, 70, 90, 5)]
    _, times = route_times(wide, LINE, depot=0, start=0, end=120)
    # b waits 25 min (arrives 45, opens 70): a may slip 25 + b's own 20, but its window allows 30.
    assert [t.slack for t in times] == [30, 20]


def test_R_SHIFT_lateness_propagates_and_the_return_counts() -> None:
    stops = [TimedStop(1, 1, 0, 5, 5), TimedStop(2, 2, 0, 20, 5)]
    sched, times = route_times(stops, LINE, depot=0, start=0, end=40)
    assert sched.starts == (10, 25)
    # Both start 5 min late, and the car is back at 50, 10 min after the shift ends at 40.
    assert [(t.late_by, t.slack) for t in times] == [(5, -10), (5, -10)]
    _, times = route_times([TimedStop(1, 1, 0, 50, 5)], LINE, depot=0, start=0, end=20)
    assert times[0].slack == -5  # back at 25, the shift ends at 20


@pytest.fixture
def ward(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    return sqlite_db


def test_R_SHIFT_a_manual_move_returns_every_stops_eta_and_slack(ward: Database) -> None:
    cars = make_shifts(ward)
    nae1, nae2 = cars[("NAE-1", "day")], cars[("NAE-2", "day")]
    first = add_visit(ward, "09:00", "10:00", minutes=25, dlat=0.05)
    second = add_visit(ward, "09:30", "12:00", minutes=20, town="Vordingborg")
    assign(ward, first, nae1)
    assign(ward, second, nae2)
    with unit_of_work(ward, DISPATCHER) as s:  # the dispatcher drags the second onto NAE-1
        route = assign_visit_to_car(s, second, nae1)
    assert [t.visit_id for t in route.times] == [first, second]
    for stop in route.stops:
        timed = route.time_of(stop.visit_id)
        assert timed is not None
        assert stop.eta == route.starts_at + timedelta(minutes=timed.start)  # what was saved
        assert visit_of(ward, stop.visit_id).eta == stop.eta
        assert timed.late_by == 0
        assert 0 <= timed.slack <= (stop.window_end - stop.eta).total_seconds() // 60
    assert route.back_late_minutes == 0
    with read_only(ward) as s:
        left = car_route(s, nae2)
    assert left.stops == ()
    assert left.times == ()


def test_R_SHIFT_the_board_shows_a_window_broken_after_a_hand_edit(ward: Database) -> None:
    cars = make_shifts(ward)
    nae1 = cars[("NAE-1", "day")]
    first = add_visit(ward, "09:00", "10:00", minutes=25, dlat=0.05)
    second = add_visit(ward, "10:00", "12:00", minutes=20, town="Vordingborg")
    assign(ward, first, nae1)
    assign(ward, second, nae1)
    # The second visit's window is cut to close before the car can be there.
    with unit_of_work(ward, "system") as s:
        s.execute(update(Visit).where(Visit.id == second).values(
            window_start=utc_at(DAY, time(9, 0)), window_end=utc_at(DAY, time(9, 5))))
    with read_only(ward) as s:
        lane = next(ln for ln in load_board(s, DAY).lanes if ln.shift_car_id == nae1)
        route = car_route(s, nae1)
    a, b = lane.blocks
    assert b.late_minutes > 0
    assert b.late
    assert a.slack_minutes is not None
    assert a.slack_minutes < 0  # the first stop is where the lateness starts from
    assert a.late
    assert route.time_of(second) is not None
    assert route.time_of(second).late_by == b.late_minutes  # type: ignore[union-attr]
