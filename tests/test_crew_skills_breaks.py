"""Crew skills (R-CREW-SKILL), the crew's break (R-BREAK) and the cost of moving a visit when
re-planning (issue 18): the planner and the manual assignment both refuse a car whose crew lacks
what a visit needs and say why; every car on the road gets its break inside its window, on the
plan, the stored route and the board alike; a re-plan moves a visit to another car only when
that saves more than ``replan_move_cost_km``."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from console.db import Database
from console.models import Setting, Visit
from console.services.core.errors import RuleViolation
from console.services.core.travel import Place
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.board import set_crew
from console.services.dispatch.board_view import load_board
from console.services.dispatch.planner import PlanProposal, propose_plan, save_plan
from console.services.dispatch.routes import car_route
from console.services.dispatch.skills import crew_skills, visit_needs
from console.services.dispatch.solver import Car, Job, Search, solve
from console.timeutil import utc_at
from tests.factories import DISPATCHER, add_ward_staff
from tests.test_dispatch import DAY, add_visit, assign, check_route_feasible, make_shifts, visit_of


@pytest.fixture
def ward(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    return sqlite_db


def plan(db: Database, **kw: object) -> PlanProposal:
    kw.setdefault("iterations", 600)
    kw.setdefault("time_limit", 60.0)
    with read_only(db, DISPATCHER) as s:
        return propose_plan(s, DAY, **kw)  # type: ignore[arg-type]


def setting(db: Database, key: str, value: str) -> None:
    with unit_of_work(db, "system") as s:
        s.merge(Setting(key=key, value=value))


def crew(db: Database, shift_car_id: int, text: str) -> None:
    with unit_of_work(db, DISPATCHER) as s:
        set_crew(s, shift_car_id, text)


def needing(db: Database, visit_id: int, note: str) -> None:
    with unit_of_work(db, "system") as s:
        v = s.get(Visit, visit_id)
        assert v is not None
        v.note = note


# --- R-CREW-SKILL: reading crews and notes -------------------------------------------------------

def test_R_CREW_SKILL_competences_are_read_from_brackets_in_danish_or_english() -> None:
    assert crew_skills("Anna Holm [PVK, bloddyrkning] / Bo Lund [kateter]") == {
        "pvk", "blood culture", "catheter"}
    assert crew_skills("Anna Holm / Bo Lund") == frozenset()
    assert crew_skills(None) == frozenset()
    assert visit_needs("Ny adgang [kræver: PVK-anlæggelse]") == {"pvk"}
    assert visit_needs("[needs: blood cultures; Urinary  Catheter]") == {"blood culture", "catheter"}
    assert visit_needs("Ring first [door code 1234]") == frozenset()  # other brackets are text


# --- R-CREW-SKILL: the planner and the manual assignment ----------------------------------------

def test_R_CREW_SKILL_the_planner_puts_a_visit_only_on_a_car_whose_crew_can_do_it(
        ward: Database) -> None:
    cars = make_shifts(ward)
    crew(ward, cars[("HOL-2", "day")], "Anna Holm [PVK] / Bo Lund")
    pvk = add_visit(ward, "09:00", "12:00")  # in Næstved: a Næstved car would be nearest
    needing(ward, pvk, "Failed access [needs: PVK]")
    plain = add_visit(ward, "09:00", "12:00", dlat=0.01)
    proposal = plan(ward)
    on = {s.visit_id: r.car for r in proposal.routes for s in r.stops}
    assert on[pvk] == "HOL-2"
    assert plain in on
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
    assert visit_of(ward, pvk).shift_car_id == cars[("HOL-2", "day")]


def test_R_CREW_SKILL_a_visit_no_crew_can_do_is_reported_with_the_competence(
        ward: Database) -> None:
    make_shifts(ward)
    line = add_visit(ward, "09:00", "12:00")
    needing(ward, line, "[kræver: PICC]")
    proposal = plan(ward)
    assert line not in {s.visit_id for r in proposal.routes for s in r.stops}
    reason = next(u.reason for u in proposal.unassigned if u.visit_id == line)
    assert "R-CREW-SKILL" in reason
    assert "central line" in reason


def test_R_CREW_SKILL_assigning_by_hand_refuses_a_crew_without_it_and_says_why(
        ward: Database) -> None:
    cars = make_shifts(ward)
    crew(ward, cars[("NAE-2", "day")], "Anna Holm [blood culture]")
    v = add_visit(ward, "09:00", "12:00")
    needing(ward, v, "[needs: blood culture]")
    with pytest.raises(RuleViolation) as refused:
        assign(ward, v, cars[("NAE-1", "day")])
    assert refused.value.rule_id == "R-CREW-SKILL"
    assert "NAE-1" in str(refused.value)
    assert "blood culture" in str(refused.value)
    with read_only(ward) as s:  # the dispatcher is told whose visit, not only its number
        patient = s.get(Visit, v).admission.patient.name
    assert f"Visit {v} ({patient}) needs" in str(refused.value)
    needing(ward, v, "[needs: blood culture, venflon]")  # as it may be written in brackets
    with pytest.raises(RuleViolation) as refused:
        assign(ward, v, cars[("NAE-1", "day")])
    assert "needs blood culture, PVK, which NAE-1's crew" in str(refused.value)
    needing(ward, v, "[needs: blood culture]")
    assign(ward, v, cars[("NAE-2", "day")])
    assert visit_of(ward, v).shift_car_id == cars[("NAE-2", "day")]


# --- R-BREAK ---------------------------------------------------------------------------------------

def test_R_BREAK_every_car_on_the_road_gets_its_break_inside_its_window(ward: Database) -> None:
    setting(ward, "break_minutes", "30")
    cars = make_shifts(ward)
    visits = [add_visit(ward, f"{h:02d}:00", f"{h + 1:02d}:30", dlat=0.01 * n)
              for n, h in enumerate((8, 9, 10, 11, 11, 12, 13))]
    proposal = plan(ward)
    assert proposal.placed == len(visits)
    used = [r for r in proposal.routes if r.stops]
    assert used
    for route in used:
        assert route.rest_at is not None
        assert route.rest_minutes == 30
        opens = route.starts_at + timedelta(minutes=180)
        assert opens <= route.rest_at <= route.starts_at + timedelta(minutes=330)
        rest_ends = route.rest_at + timedelta(minutes=30)
        for stop in route.stops:  # no visit overlaps the break
            assert stop.eta + timedelta(minutes=stop.service_minutes) <= route.rest_at \
                or stop.eta >= rest_ends
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
    with read_only(ward, DISPATCHER) as s:
        board = load_board(s, DAY)
        for route in used:
            check_route_feasible(ward, route.shift_car_id)
            assert car_route(s, route.shift_car_id).rest_at == route.rest_at  # the stored route
            lane = board.lane(route.shift_car_id)
            assert lane is not None
            assert (lane.rest_at, lane.rest_minutes) == (route.rest_at, 30)  # the board
    assert cars  # every other lane has no break: it is not on the road
    idle = [ln for ln in board.lanes if not ln.blocks]
    assert all(ln.rest_at is None for ln in idle)


def test_R_BREAK_a_hand_assignment_keeps_room_for_the_break(ward: Database) -> None:
    setting(ward, "break_minutes", "30")
    cars = make_shifts(ward)
    car = cars[("NAE-1", "day")]
    first = add_visit(ward, "10:00", "10:05", minutes=45)  # 10:00-10:45
    assign(ward, first, car)
    second = add_visit(ward, "11:00", "11:05", minutes=50)  # 11:00-11:50
    assign(ward, second, car)
    third = add_visit(ward, "12:00", "12:05", minutes=55)  # 12:00-12:55: no break left before 13:00
    with pytest.raises(RuleViolation) as refused:
        assign(ward, third, car)
    assert refused.value.rule_id == "R-BREAK"
    assert "30-min break" in str(refused.value)
    with read_only(ward, DISPATCHER) as s:
        route = car_route(s, car)
    assert route.rest_at is not None
    assert route.rest_at >= utc_at(DAY, time(10, 0))


# --- re-plan: moving a visit to another car costs ----------------------------------------------

def _two_cars_three_visits(move_cost: int) -> dict[int, list[int]]:
    """Base 0; A (1) and B (2) both at minute 60 sharp (two cars needed), C (3) next to A.
    C sits on car 2 with B now."""
    km = [[0, 10, 10, 10], [10, 0, 20, 1], [10, 20, 0, 19], [10, 1, 19, 0]]
    metres = [[k * 1000 for k in row] for row in km]
    here = Place(55.0, 12.0)
    at = utc_at(DAY, time(7, 0))
    jobs = [Job(i, f"P{i}", here, at, at, 30, None, node=i, early=e, late=lt, on_car=car)
            for i, e, lt, car in ((1, 60, 60, 1), (2, 60, 60, 2), (3, 0, 400, 2))]
    cars = [Car(n, 1, f"C{n}", "B", "day", 0, 0, 480, at, at) for n in (1, 2)]
    search = Search(30.0, None, lambda c: (0, 0), None, iterations=400)
    solved = solve(jobs, cars, km, metres, search, 1, {1: [1], 2: [2, 3]}, move_cost=move_cost)
    return {car: [j.visit_id for j in r] for car, r in solved.routes.items()}


def test_replan_moves_a_visit_only_when_it_saves_more_than_the_move_cost() -> None:
    assert 3 in _two_cars_three_visits(0)[1]  # 18 km saved: C joins A
    assert 3 in _two_cars_three_visits(300)[2]  # 30 km to move it: C stays with B
