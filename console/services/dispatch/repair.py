"""Put back what a short search left in the tray: direct insertion, then one ejection (issue 18).

A plan the dispatcher asks for at 2 s gets about a thousand PyVRP iterations on a busy desk, and
on some seeds that leaves one visit unplaced that a longer search places. What the search missed
is nearly always one move away: the visit fits a route as it is, or it fits once one visit of that
route moves to another car. :func:`place_missing` tries exactly those two moves for every visit
left out, with the route arithmetic the board and the hand assignment use (R-SHIFT: leave the
base at the shift start, start each visit inside its window, back by the shift end), so whatever
it returns is feasible by the same rule the saved plan is checked with. It never drops a visit
that was placed, never moves a visit pinned to its car, and respects which car may serve which
visit (``Job.allowed``: pinning and crew skills, R-CREW-SKILL). Pure and deterministic: the same
routes give the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from console.services.dispatch.routing import TimedStop, best_insertion, schedule_route


class Car(Protocol):
    """What repair reads of ``solver.Car``: its base and its shift, in minutes."""

    @property
    def node(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Job(Protocol):
    """What repair reads of ``solver.Job`` (the solver imports this module, not the reverse)."""

    @property
    def pinned_to(self) -> int | None: ...
    def stop(self) -> TimedStop: ...
    def allowed(self, car: Any) -> bool: ...  # a solver.Car


@dataclass(frozen=True, slots=True)
class _Insert:
    car: int  # index into cars
    route: list[int]  # job indices in order, the new one inserted
    extra: int  # driving minutes added


def place_missing(routes: dict[int, list[int]], jobs: Sequence[Job], cars: Sequence[Car],
                  minutes: Sequence[Sequence[int]]) -> dict[int, list[int]]:
    """``routes`` (car index: job indices in order) with as many of the jobs on no route put on
    one as one direct insertion or one ejection can place, each where it adds least driving.
    Pinned jobs are tried first (their prize is the larger)."""
    routes = {c: list(r) for c, r in routes.items()}
    placed = {j for r in routes.values() for j in r}
    missing = sorted((j for j in range(len(jobs)) if j not in placed),
                     key=lambda j: (jobs[j].pinned_to is None, j))
    for j in missing:
        move = _direct(j, routes, jobs, cars, minutes) or _eject(j, routes, jobs, cars, minutes)
        for insert in move or ():
            routes[insert.car] = insert.route
    return {c: r for c, r in routes.items() if r}


def _driving(route: Sequence[int], car: Car, jobs: Sequence[Job],
             minutes: Sequence[Sequence[int]]) -> int:
    return schedule_route([jobs[j].stop() for j in route], minutes, depot=car.node,
                          start=car.start, end=car.end).driving


def _insert(j: int, route: Sequence[int], c: int, jobs: Sequence[Job], cars: Sequence[Car],
            minutes: Sequence[Sequence[int]]) -> _Insert | None:
    """``j`` at its best feasible place in car ``c``'s ``route``, or None."""
    car = cars[c]
    if not jobs[j].allowed(car):
        return None
    pos, sched = best_insertion([jobs[k].stop() for k in route], jobs[j].stop(), minutes,
                                depot=car.node, start=car.start, end=car.end)
    if not sched.feasible:
        return None
    new = [*route[:pos], j, *route[pos:]]
    return _Insert(c, new, sched.driving - _driving(route, car, jobs, minutes))


def _direct(j: int, routes: dict[int, list[int]], jobs: Sequence[Job], cars: Sequence[Car],
            minutes: Sequence[Sequence[int]]) -> tuple[_Insert] | None:
    """The cheapest car that takes ``j`` as its route is (an unused car counts: visits come
    before cars)."""
    found = [x for c in range(len(cars))
             if (x := _insert(j, routes.get(c, []), c, jobs, cars, minutes)) is not None]
    best = min(found, key=lambda x: (x.extra, x.car), default=None)
    return None if best is None else (best,)


def _eject(j: int, routes: dict[int, list[int]], jobs: Sequence[Job], cars: Sequence[Car],
           minutes: Sequence[Sequence[int]]) -> tuple[_Insert, _Insert] | None:
    """``j`` in place of one free visit of some route, that visit moved to another car; the pair
    of changed routes that adds least driving."""
    best: tuple[int, _Insert, _Insert] | None = None
    for c, route in sorted(routes.items()):
        for k in route:
            if jobs[k].pinned_to is not None:
                continue
            rest = [x for x in route if x != k]
            taken = _insert(j, rest, c, jobs, cars, minutes)
            if taken is None:
                continue
            saved = _driving(route, cars[c], jobs, minutes) - _driving(rest, cars[c], jobs, minutes)
            for d in range(len(cars)):
                if d == c:
                    continue
                moved = _insert(k, routes.get(d, []), d, jobs, cars, minutes)
                if moved is None:
                    continue
                cost = taken.extra + moved.extra - saved
                if best is None or cost < best[0]:
                    best = (cost, taken, moved)
    return None if best is None else (best[1], best[2])

