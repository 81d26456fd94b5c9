"""The board offers a re-plan by itself (issue 18): for visits that came to the tray after the
day's last accepted plan and can still be served, and for stops that can no longer meet their
window; only on today (``replan_offer``, through ``load_board``), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from console.db import Database
from console.models import RoutePlan
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.board_view import BoardSnapshot, load_board
from console.timeutil import now_utc, utc_at
from tests.factories import add_ward_staff
from tests.test_dispatch import DAY, add_visit, assign, make_shifts

MORNING = utc_at(DAY, time(8, 0))


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    return db


def board(db: Database, at: object = MORNING) -> BoardSnapshot:
    with read_only(db) as s:
        return load_board(s, DAY, at)  # type: ignore[arg-type]


def a_plan_is_accepted(db: Database, base: str | None = None, shift: str | None = None) -> None:
    with unit_of_work(db, "system") as s:
        s.add(RoutePlan(day=DAY, base=base, shift_kind=shift, seed=1, iteration_budget=1,
                        iterations=1, time_limit=1.0, capped=False, placed=0, cars=0,
                        saved_at=now_utc(), saved_by="DIS"))


def test_a_visit_added_after_the_last_plan_is_offered_one_left_from_it_is_not(
        ward: Database) -> None:
    make_shifts(ward)
    left = add_visit(ward, "09:00", "12:00")
    first = board(ward).offer
    assert first.waiting == (left,)  # no plan yet today: every servable tray visit
    assert not first.planned
    a_plan_is_accepted(ward)
    assert not board(ward).offer  # the plan left it in the tray: not offered again
    added = add_visit(ward, "10:00", "12:00", town="Ringsted")
    offer = board(ward).offer
    assert offer.waiting == (added,)
    assert offer.planned
    assert offer.late == ()


def test_a_tray_visit_whose_window_has_closed_or_fits_no_shift_left_is_not_offered(
        ward: Database) -> None:
    make_shifts(ward)
    add_visit(ward, "07:00", "08:30")
    add_visit(ward, "22:40", "23:30", minutes=30)  # would end after the evening shift (R-SHIFT)
    assert board(ward, utc_at(DAY, time(9, 0))).offer.waiting == ()
    assert len(board(ward, utc_at(DAY, time(7, 0))).offer.waiting) == 1  # the first, still open


def test_a_stop_that_can_no_longer_meet_its_window_is_offered_with_its_car(
        ward: Database) -> None:
    cars = make_shifts(ward)
    stop = add_visit(ward, "09:00", "10:00")
    assign(ward, stop, cars[("NAE-1", "day")])
    assert not board(ward).offer  # 08:00: the car can still be there in time
    offer = board(ward, utc_at(DAY, time(10, 30))).offer  # not registered done, window closed
    assert offer.late == (stop,)
    assert offer.late_cars == ("NAE-1",)
    assert offer.waiting == ()


def test_only_today_has_an_offer(ward: Database) -> None:
    make_shifts(ward)
    add_visit(ward, "09:00", "12:00")
    assert board(ward).offer
    assert not board(ward, MORNING + timedelta(days=1)).offer  # another day: nothing from "now"
    assert not board(ward, MORNING - timedelta(days=1)).offer


def test_a_car_taken_out_of_service_after_the_plan_offers_its_visits(ward: Database) -> None:
    from console.services.dispatch.board import set_car_in_service
    from tests.factories import DISPATCHER

    cars = make_shifts(ward)
    stop = add_visit(ward, "09:00", "12:00")
    assign(ward, stop, cars[("NAE-1", "day")])
    a_plan_is_accepted(ward)
    assert not board(ward).offer
    with unit_of_work(ward, DISPATCHER) as s:
        set_car_in_service(s, cars[("NAE-1", "day")], False, reason="Flat tyre")
    assert board(ward).offer.waiting == (stop,)  # back in the tray, and another car can go


def test_a_plan_of_another_base_or_shift_does_not_count_as_seen(ward: Database) -> None:
    """As Auto-plan's scope: a plan covers a tray visit of its nearest base and a shift kind its
    window fits; a plan of Holbæk's day shift has not seen a Næstved visit."""
    make_shifts(ward)
    left = add_visit(ward, "09:00", "12:00")  # Næstved, fits the day shift only
    a_plan_is_accepted(ward, base="Holbæk", shift="day")
    a_plan_is_accepted(ward, base="Næstved", shift="evening")
    assert board(ward).offer.waiting == (left,)
    a_plan_is_accepted(ward, base="Næstved", shift="day")
    assert not board(ward).offer
