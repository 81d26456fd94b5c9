"""Fewest cars first, for real (issue 18): the route-elimination phase, a deterministic budget
(iterations with a wall-clock cap), and the seed and iterations saved with every accepted plan.
R-SHIFT still bounds every plan (its tests are in ``test_planner.py``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
import pyvrp
from sqlalchemy import select

from console.db import Database
from console.models import RoutePlan
from console.services.core.errors import InvalidInput
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.fleet import Budget, Within, fewest_routes
from console.services.dispatch.planner import PlanProposal, propose_plan, save_plan
from tests.factories import DISPATCHER, add_ward_staff
from tests.test_dispatch import DAY, add_visit, make_shifts

ROOMY = 60.0  # a wall-clock cap no test reaches: the iterations end the search


@pytest.fixture
def ward(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    return sqlite_db


def plan(db: Database, **kw: object) -> PlanProposal:
    with read_only(db) as s:
        return propose_plan(s, DAY, **kw)  # type: ignore[arg-type]


def a_busy_day(db: Database) -> None:
    make_shifts(db)
    for n, town in enumerate(["Næstved", "Ringsted", "Holbæk", "Sorø", "Vordingborg", "Guldborgsund"] * 3):
        add_visit(db, f"{8 + n % 6:02d}:00", f"{10 + n % 6:02d}:30", town=town, dlat=0.004 * n)


def comparable(p: PlanProposal) -> str:
    """Everything of a proposal but its timings."""
    return repr(dataclasses.replace(p, seconds=0.0, first_feasible_seconds=None))


def test_same_seed_and_budget_give_the_same_plan_byte_for_byte(ward: Database) -> None:
    a_busy_day(ward)
    first = plan(ward, seed=7, iterations=400, time_limit=ROOMY)
    second = plan(ward, seed=7, iterations=400, time_limit=ROOMY)
    assert not first.capped
    assert first.iterations <= 400
    assert first.placed == 18
    assert comparable(first).encode() == comparable(second).encode()


def test_R_SHIFT_fewest_cars_first_one_car_takes_what_one_car_can(ward: Database) -> None:
    make_shifts(ward)
    # Four visits near Næstved with wide windows: one car does them all, so one car is used,
    # even where two cars would drive a little less.
    for n in range(4):
        add_visit(ward, "08:00", "14:00", dlat=0.01 * n)
    proposal = plan(ward, iterations=600, time_limit=ROOMY)
    assert proposal.placed == 4
    assert sum(1 for r in proposal.routes if r.stops) == 1


def apart(clients: int, vehicle_types: Sequence[int]) -> pyvrp.ProblemData:
    """``clients`` required clients on a line, and vehicle types with these numbers available.
    To and from the depot costs 1, between two clients 100: by distance alone every client gets
    a route of its own; fewest routes first, one route does them all."""
    from pyvrp import Model

    model = Model()
    depot = model.add_depot(model.add_location(x=0, y=0))
    for available in vehicle_types:
        model.add_vehicle_type(num_available=available, start_depot=depot, end_depot=depot,
                               tw_late=1_000)
    for n in range(clients):
        model.add_client(model.add_location(x=n + 1, y=0), tw_late=1_000, service_duration=5)
    for a in model.locations:
        for b in model.locations:
            if a is not b:
                depot_arc = a is model.locations[0] or b is model.locations[0]
                model.add_edge(a, b, distance=1 if depot_arc else 100, duration=1)
    return model.data()


def test_route_elimination_removes_routes_the_distance_alone_would_keep() -> None:
    found = fewest_routes(apart(6, [6]), Budget(iterations=500, seconds=ROOMY), seed=3, prize=10**6)
    assert found.solution.is_feasible()
    assert found.solution.num_clients() == 6
    assert found.solution.num_routes() == 1
    assert found.eliminated >= 1
    assert not found.capped
    assert found.iterations <= 500


def test_an_accepted_plan_stores_its_seed_and_iterations(ward: Database) -> None:
    make_shifts(ward)
    add_visit(ward, "09:00", "11:00")
    proposal = plan(ward, seed=5, iterations=200, time_limit=ROOMY)
    with unit_of_work(ward, DISPATCHER) as s:
        save_plan(s, proposal)
    with read_only(ward) as s:
        row = s.scalars(select(RoutePlan)).one()
    assert (row.day, row.seed, row.iteration_budget, row.iterations, row.capped) == (
        DAY, 5, 200, proposal.iterations, False)
    assert 0 < row.iterations <= 200
    assert (row.placed, row.cars, row.saved_by) == (1, 1, DISPATCHER)


def test_the_budget_must_be_positive(ward: Database) -> None:
    make_shifts(ward)
    with pytest.raises(InvalidInput):
        plan(ward, iterations=0)


def test_an_elimination_attempt_the_repair_completes_needs_no_search(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before each attempt the removed route's clients are put back on the vehicles left
    (``repair``, told which): when that places them all, the attempt costs no search."""
    from pyvrp import Route, Solution

    data = apart(4, [1, 1, 1, 1])  # a vehicle type per car, as the ward's planner has
    asked: list[Within | None] = []

    def repair(plan: Solution, within: Within | None) -> Solution:
        asked.append(within)
        routes = [(r.vehicle_type(), [a.idx for a in r if a.is_client()]) for r in plan.routes()]
        placed = {c for _, ids in routes for c in ids}
        missing = [c for c in range(data.num_clients) if c not in placed]
        assert within is not None  # only attempts repair here: the clients are required
        assert set(missing) == within.clients  # the removed route's
        if not missing:
            return plan
        routes[0] = (routes[0][0], routes[0][1] + missing)
        return Solution(data, [Route(data, ids, t) for t, ids in routes])

    searched: list[int] = []
    real = pyvrp.solve

    def counted(problem: pyvrp.ProblemData, **kw: object) -> pyvrp.Result:
        searched.append(problem.num_vehicles)
        return real(problem, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pyvrp, "solve", counted)
    found = fewest_routes(data, Budget(iterations=400, seconds=ROOMY), seed=1, prize=10**6,
                          repair=repair)
    assert found.solution.is_feasible()
    assert found.solution.num_routes() == 1
    assert found.eliminated == 3
    assert searched == [4, 1]  # the first plan and the distance phase; no attempt searched
    # Each attempt's repair may use only the vehicles left: 3, then 2, then 1 of the 4.
    assert [len(w.vehicle_types) for w in asked if w is not None] == [3, 2, 1]
