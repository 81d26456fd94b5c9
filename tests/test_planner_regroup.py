"""Each shift's routes searched again on their own (``fleet.regroup``, issue 18): the part of the
planner that brings a short plan's driving to the long plan's (docs/benchmarks.md)."""

from __future__ import annotations

from typing import Any

import pytest

from console.db import Database
from console.services.dispatch import solver
from console.services.dispatch.fleet import Budget, regroup
from tests.factories import add_ward_staff
from tests.test_planner_fleet import ROOMY, a_busy_day, plan

LEFT = (-40, -41, -42, -43)
RIGHT = (40, 41, 42, 43)


def two_shifts() -> Any:
    """Clients on a line, four to the left and four to the right of the depot for two cars of the
    day shift (0-1,000) that take four each, and a car of another shift (0-2,000) with two
    clients of its own."""
    from pyvrp import Model

    model = Model()
    depot = model.add_depot(model.add_location(x=0, y=0))
    for late in (1_000, 1_000, 2_000):
        model.add_vehicle_type(num_available=1, start_depot=depot, end_depot=depot, tw_late=late,
                               capacity=[4], fixed_cost=10_000)
    for x in (*LEFT, *RIGHT, 5, -5):
        model.add_client(model.add_location(x=x, y=0), tw_late=2_000, service_duration=5,
                         delivery=[1], prize=10**6, required=False)
    for a in model.locations:
        for b in model.locations:
            if a is not b:
                model.add_edge(a, b, distance=abs(a.x - b.x), duration=abs(a.x - b.x))
    return model.data()


def routes_of(solution: Any) -> list[tuple[int, list[int]]]:
    return sorted((r.vehicle_type(), [a.idx for a in r if a.is_client()]) for r in solution.routes())


def tangled(data: Any) -> Any:
    """Each day car drives left and right; the other shift's car zig-zags (5, -5)."""
    from pyvrp import Route, Solution

    return Solution(data, [Route(data, [0, 4, 1, 5], 0), Route(data, [2, 6, 3, 7], 1),
                           Route(data, [8, 9], 2)])


def test_a_shifts_routes_are_searched_again_together_and_the_other_shift_is_left_alone() -> None:
    data = two_shifts()
    start = tangled(data)
    found = regroup(data, start, Budget(iterations=200, seconds=ROOMY), seed=1)
    routes = routes_of(found.solution)
    assert found.solution.is_feasible()
    assert found.solution.num_clients() == start.num_clients() == 10
    # The day cars now each keep to one side: one route left, one right.
    day = [set(ids) for t, ids in routes if t in (0, 1)]
    assert sorted(map(sorted, day)) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert found.solution.distance() < start.distance()
    # A group of one route is not searched: the other shift's car keeps its own order.
    assert (2, [8, 9]) in routes
    assert 0 < found.iterations <= 200
    assert not found.capped


def test_regrouping_is_deterministic_and_never_worse() -> None:
    data = two_shifts()
    first = regroup(data, tangled(data), Budget(iterations=150, seconds=ROOMY), seed=4)
    again = regroup(data, tangled(data), Budget(iterations=150, seconds=ROOMY), seed=4)
    assert routes_of(first.solution) == routes_of(again.solution)
    # From a plan it cannot better, the routes come back as they were.
    best = first.solution
    kept = regroup(data, best, Budget(iterations=150, seconds=ROOMY), seed=9)
    assert kept.solution.distance() <= best.distance()
    assert kept.solution.num_clients() == best.num_clients()


def test_the_planner_regroups_its_plan_within_the_budget(sqlite_db: Database,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    add_ward_staff(sqlite_db)
    a_busy_day(sqlite_db)
    calls: list[Budget] = []

    def spy(data: Any, best: Any, budget: Budget, seed: int, **kw: Any) -> Any:
        calls.append(budget)
        return regroup(data, best, budget, seed, **kw)

    monkeypatch.setattr(solver, "regroup", spy)
    proposal = plan(sqlite_db, seed=3, iterations=400, time_limit=ROOMY)
    assert proposal.placed == 18
    assert calls == [Budget(round(400 * solver.REGROUP_SHARE), ROOMY * solver.REGROUP_SHARE)]
    assert proposal.iterations <= 400
