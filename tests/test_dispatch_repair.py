"""What a short search left out is put back where a few moves do it (issue 18,
``console.services.dispatch.repair``): straight into a route, or in place of visits that move
to other cars, in a chain; never a pinned visit moved, never a car without the crew's skill
(R-CREW-SKILL), never a route that breaks its windows or the shift (R-SHIFT)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from console.services.core.travel import Place
from console.services.dispatch import repair
from console.services.dispatch.repair import place_missing
from console.services.dispatch.routing import schedule_route
from console.services.dispatch.solver import Car, Job

T0 = datetime(2026, 12, 6, 7, tzinfo=UTC)
MINUTES = [[0 if a == b else 10 for b in range(6)] for a in range(6)]  # node 0 is the base


def car(n: int, skills: frozenset[str] = frozenset()) -> Car:
    return Car(n, 1, f"CAR-{n}", "Næstved", "day", 0, 0, 480, T0, T0, skills=skills)


def job(n: int, early: int, late: int, *, needs: frozenset[str] = frozenset(),
        pinned_to: int | None = None) -> Job:
    return Job(n, f"P{n}", Place(55.0, 11.0), T0, T0, 30, pinned_to, node=n, early=early,
               late=late, needs=needs)


PICC = frozenset({"picc"})


def feasible(routes: dict[int, list[int]], jobs: list[Job], cars: list[Car]) -> bool:
    return all(schedule_route([jobs[j].stop() for j in r], MINUTES, depot=cars[c].node,
                              start=cars[c].start, end=cars[c].end).feasible
               for c, r in routes.items())


def test_a_visit_that_fits_as_the_routes_are_goes_where_it_adds_least() -> None:
    jobs = [job(1, 60, 90), job(2, 200, 260)]
    cars = [car(1), car(2)]
    assert place_missing({0: [0]}, jobs, cars, MINUTES) == {0: [0, 1]}  # not a second car


def test_a_visit_takes_the_place_of_one_that_can_move_to_another_car() -> None:
    # only car 0's crew can give job 0 (PICC); job 1 holds car 0 at the same time and any car
    # can take it: job 1 moves to car 1 and job 0 goes on car 0
    jobs = [job(1, 60, 60, needs=PICC), job(2, 60, 60)]
    cars = [car(1, PICC), car(2)]
    routes = place_missing({0: [1]}, jobs, cars, MINUTES)
    assert routes == {0: [0], 1: [1]}
    assert feasible(routes, jobs, cars)


def test_the_displaced_visit_may_displace_another_in_turn() -> None:
    # job 0 needs PICC (car 0 only); car 0 holds job 1 at that minute, which needs a port
    # (car 1 only), and car 1 holds job 2, which any car takes: 2 goes to car 2, 1 to car 1
    port = frozenset({"port"})
    jobs = [job(1, 60, 60, needs=PICC), job(2, 60, 60, needs=port), job(3, 60, 60)]
    cars = [car(1, PICC), car(2, port), car(3)]
    before = {0: [1], 1: [2]}
    assert place_missing(before, jobs, cars, MINUTES, depth=1) == before  # one move is not enough
    routes = place_missing(before, jobs, cars, MINUTES)
    assert routes == {0: [0], 1: [1], 2: [2]}
    assert feasible(routes, jobs, cars)


def test_a_car_gives_up_two_visits_when_one_is_not_enough() -> None:
    # job 0 (PICC, 65-95) overlaps both of car 0's visits (50-80 and 85-115): only with both
    # gone does it fit, and they cannot share a car (80 + 10 driving is after 85)
    jobs = [job(1, 65, 65, needs=PICC), job(2, 50, 50), job(3, 85, 85)]
    cars = [car(1, PICC), car(2), car(3)]
    routes = place_missing({0: [1, 2]}, jobs, cars, MINUTES)
    assert routes == {0: [0], 1: [1], 2: [2]}
    assert feasible(routes, jobs, cars)


def test_the_repair_stops_at_its_budget_of_insertions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A count, not a clock: on a large day it stays short, and the same routes always give
    the same result."""
    jobs = [job(1, 65, 65, needs=PICC), job(2, 50, 50), job(3, 85, 85)]
    cars = [car(1, PICC), car(2), car(3)]
    monkeypatch.setattr(repair, "WORK", 3)
    assert place_missing({0: [1, 2]}, jobs, cars, MINUTES) == {0: [1, 2]}


def test_a_pinned_visit_is_never_moved_to_make_room() -> None:
    jobs = [job(1, 60, 60, needs=PICC), job(2, 60, 60, pinned_to=1)]
    cars = [car(1, PICC), car(2)]
    assert place_missing({0: [1]}, jobs, cars, MINUTES) == {0: [1]}


def test_nothing_placed_is_dropped_and_what_cannot_fit_stays_out() -> None:
    # three visits at the same minute, two cars: one stays out, the two placed stay placed
    jobs = [job(1, 60, 60), job(2, 60, 60), job(3, 60, 60)]
    cars = [car(1), car(2)]
    routes = place_missing({0: [0]}, jobs, cars, MINUTES)
    assert sorted(j for r in routes.values() for j in r) == [0, 1]
    assert routes[0] == [0]
    assert feasible(routes, jobs, cars)


def test_a_car_without_the_skill_is_never_used() -> None:
    jobs = [job(1, 60, 60), job(2, 60, 60, needs=PICC)]
    cars = [car(1, PICC), car(2)]
    assert place_missing({0: [0]}, jobs, cars, MINUTES) == {0: [1], 1: [0]}
    assert place_missing({1: [0]}, jobs, cars, MINUTES) == {0: [1], 1: [0]}


def test_the_planner_puts_back_what_its_search_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner itself, not only ``place_missing``: when the search comes back with a visit
    left out that fits (a 2 s plan on the demo day did), the plan it returns has it."""
    from dataclasses import replace

    from pyvrp import Route, Solution

    from console.services.dispatch import solver

    real = solver.fewest_routes

    def leaves_one_out(data: Any, *args: Any, **kwargs: Any) -> Any:
        found = real(data, *args, **kwargs)
        routes = [(r.vehicle_type(), [a.idx for a in r if a.is_client()])
                  for r in found.solution.routes()]
        visits = next(v for _k, v in routes if v)
        short = [(k, v if v is not visits else v[:-1]) for k, v in routes]
        return replace(found, solution=Solution(data, [Route(data, v, k) for k, v in short if v]))

    monkeypatch.setattr(solver, "fewest_routes", leaves_one_out)
    km = [[0 if a == b else 10 for b in range(5)] for a in range(5)]
    metres = [[k * 1000 for k in row] for row in km]
    jobs = [job(n, 0, 400) for n in range(1, 5)]
    search = solver.Search(10.0, None, lambda c: (0, 0), None, iterations=200)
    solved = solver.solve(jobs, [car(0)], km, metres, search, 1)
    assert sorted(j.visit_id for r in solved.routes.values() for j in r) == [1, 2, 3, 4]


def test_only_the_usable_cars_take_a_visit() -> None:
    # a route elimination attempt: car 1 is the one being freed, so job 1 waits rather than go there
    jobs = [job(1, 60, 60), job(2, 60, 60)]
    cars = [car(1), car(2)]
    assert place_missing({0: [0]}, jobs, cars, MINUTES, usable={0}) == {0: [0]}
    assert place_missing({0: [0]}, jobs, cars, MINUTES) == {0: [0], 1: [1]}


def test_only_the_jobs_named_are_tried() -> None:
    # an elimination attempt puts back the removed route's visits, not every visit left out
    jobs = [job(1, 60, 60), job(2, 200, 200), job(3, 300, 300)]
    cars = [car(1)]
    assert place_missing({0: [0]}, jobs, cars, MINUTES, only={2}) == {0: [0, 2]}
    assert place_missing({0: [0]}, jobs, cars, MINUTES) == {0: [0, 1, 2]}


def test_no_insertion_is_tried_once_its_seconds_are_up() -> None:
    # the planner gives each repair a share of the plan's seconds: a repair that runs out of
    # them leaves the rest to the search, rather than keep the dispatcher waiting
    jobs = [job(1, 60, 60), job(2, 200, 200)]
    cars = [car(1)]
    assert place_missing({0: [0]}, jobs, cars, MINUTES, seconds=0.0) == {0: [0]}
    assert place_missing({0: [0]}, jobs, cars, MINUTES, seconds=60.0) == {0: [0, 1]}
