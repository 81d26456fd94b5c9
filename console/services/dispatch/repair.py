"""Put back what a short search left in the tray: direct insertion, then ejection chains (issue 18).

A plan the dispatcher asks for at 2 s gets about a thousand PyVRP iterations on a busy desk, and
on some seeds that leaves one visit unplaced that a longer search places. What the search missed
is nearly always a few moves away: the visit fits a route as it is; or it fits once one visit of
that route moves to another car; or that visit in turn only fits another car once one of *its*
visits moves on (the demo day's 07:00 dose near Holbæk: two 07:00 visits had to leave the
Holbæk day cars). :func:`place_missing` tries those chains, fewest moves first, with the route
arithmetic the board and the hand assignment use (R-SHIFT: leave the base at the shift start,
start each visit inside its window, back by the shift end), so whatever it returns is feasible
by the same rule the saved plan is checked with. It never drops a visit that was placed, never
moves a visit pinned to its car, changes no car twice in one chain, and respects which car may
serve which visit (``Job.allowed``: pinning and crew skills, R-CREW-SKILL). Only cars that can
reach a visit at all within its window and their shift are tried. Pure and deterministic: the
same routes give the same result.
"""

from __future__ import annotations

import math
import time as clock
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations
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


DEPTH = 4  # visits displaced in all to place one that was left out
# Insertions tried in one repair, at most: about 50 µs each on the 120-visit demo day, which
# needs 1,100-1,600 (issue 18). On a day with longer routes an insertion costs more (about
# 200 µs on the 250-visit day, 1.5 s a repair): there the caller's ``seconds`` ends it first.
WORK = 8_000


def place_missing(routes: dict[int, list[int]], jobs: Sequence[Job], cars: Sequence[Car],
                  minutes: Sequence[Sequence[int]], depth: int = DEPTH, *,
                  usable: Collection[int] | None = None,
                  only: Collection[int] | None = None,
                  seconds: float = math.inf) -> dict[int, list[int]]:
    """``routes`` (car index: job indices in order) with as many of the jobs on no route put on
    one as a chain of at most ``depth`` ejections can place, each the chain of fewest moves
    that adds least driving. Pinned jobs are tried first (their prize is the larger). With
    ``usable``, only those cars take a job, and with ``only``, only those jobs are tried (the
    planner's route elimination: the cars left, the removed route's visits). No insertion is
    tried after ``seconds`` (a cap, like the search's: the count decides on a fast machine)."""
    routes = {c: list(r) for c, r in routes.items()}
    placed = {j for r in routes.values() for j in r}
    missing = sorted((j for j in (range(len(jobs)) if only is None else only) if j not in placed),
                     key=lambda j: (jobs[j].pinned_to is None, j))
    reach = _Reach(jobs, cars, minutes, WORK, None if usable is None else frozenset(usable),
                   clock.perf_counter() + seconds)
    for j in missing:
        if reach.spent():
            break
        for level in range(depth + 1):
            chain = _chain(j, routes, reach, level, frozenset())
            if chain is not None:
                for insert in chain[1]:
                    routes[insert.car] = insert.route
                break
    return {c: r for c, r in routes.items() if r}


@dataclass
class _Reach:
    """The route arithmetic for one repair: which cars can reach a job at all (its crew may
    serve it, and from the base at the shift start it is there inside its window and back by
    the shift end), and each route's driving, remembered."""

    jobs: Sequence[Job]
    cars: Sequence[Car]
    minutes: Sequence[Sequence[int]]
    work: int  # insertions still to be tried: a count, so the same routes give the same result
    usable: frozenset[int] | None = None  # the cars that may take a job; None: every car
    deadline: float = math.inf  # time.perf_counter() after which nothing more is tried

    def __post_init__(self) -> None:
        self.cars_of: dict[int, tuple[int, ...]] = {}
        self.driven: dict[tuple[int, tuple[int, ...]], int] = {}
        self.inserted: dict[tuple[int, int, tuple[int, ...]], _Insert | None] = {}

    def cars_for(self, j: int) -> tuple[int, ...]:
        if j not in self.cars_of:
            stop, m = self.jobs[j].stop(), self.minutes
            self.cars_of[j] = tuple(
                c for c, car in enumerate(self.cars)
                if (self.usable is None or c in self.usable) and self.jobs[j].allowed(car)
                and car.start + m[car.node][stop.node] <= stop.late
                and max(car.start + m[car.node][stop.node], stop.early) + stop.service
                + m[stop.node][car.node] <= car.end)
        return self.cars_of[j]

    def driving(self, route: Sequence[int], c: int) -> int:
        key = (c, tuple(route))
        if key not in self.driven:
            car = self.cars[c]
            self.driven[key] = schedule_route([self.jobs[j].stop() for j in route], self.minutes,
                                              depot=car.node, start=car.start, end=car.end).driving
        return self.driven[key]

    def spent(self) -> bool:
        """The repair's count of insertions, or its time, is used up."""
        return self.work <= 0 or clock.perf_counter() >= self.deadline

    def insert(self, j: int, route: Sequence[int], c: int) -> _Insert | None:
        """``j`` at its best feasible place in car ``c``'s ``route``, or None (remembered)."""
        key = (j, c, tuple(route))
        if key not in self.inserted:
            if self.spent():
                return None  # nothing more is tried
            self.work -= 1
            self.inserted[key] = self._insert(j, route, c)
        return self.inserted[key]

    def _insert(self, j: int, route: Sequence[int], c: int) -> _Insert | None:
        car = self.cars[c]
        pos, sched = best_insertion([self.jobs[k].stop() for k in route], self.jobs[j].stop(),
                                    self.minutes, depot=car.node, start=car.start, end=car.end)
        if not sched.feasible:
            return None
        return _Insert(c, [*route[:pos], j, *route[pos:]], sched.driving - self.driving(route, c))


Chain = tuple[int, tuple[_Insert, ...]]  # driving added, the changed routes
_AT_ONCE = 3  # visits one car may give up to take another: a car's first hour is often full


def _chain(j: int, routes: dict[int, list[int]], reach: _Reach, ejections: int,
           busy: frozenset[int]) -> Chain | None:
    """The cheapest way to put ``j`` on a car not in ``busy`` with at most ``ejections`` free
    visits displaced in all, each displaced visit put on another car the same way (an ejection
    chain: no car changes twice). A car gives up one to three visits to take ``j``; with none,
    the cheapest car that takes ``j`` as its route is (an unused car counts: visits come before
    cars)."""
    best: Chain | None = None
    if reach.spent():  # out of insertions or time: stop looking (chains found so far stand)
        return None
    for c in reach.cars_for(j):
        if c in busy:
            continue
        route = routes.get(c, [])
        direct = reach.insert(j, route, c)
        if direct is not None:
            best = _cheaper(best, (direct.extra, (direct,)))
            continue
        free = [k for k in route if reach.jobs[k].pinned_to is None]
        for size in range(1, min(_AT_ONCE, ejections) + 1):
            for out in combinations(free, size):
                rest = [x for x in route if x not in out]
                taken = reach.insert(j, rest, c)
                if taken is None:
                    continue
                moved = _place_all(out, routes, reach, ejections - size, busy | {c})
                if moved is not None:
                    saved = reach.driving(route, c) - reach.driving(rest, c)
                    best = _cheaper(best, (taken.extra - saved + moved[0], (taken, *moved[1])))
    return best


def _place_all(ks: Sequence[int], routes: dict[int, list[int]], reach: _Reach, ejections: int,
               busy: frozenset[int]) -> Chain | None:
    """Every one of ``ks`` placed in turn, each by the chain of fewest ejections (cheapest
    among those) that the ones before it leave possible."""
    routes, cost = dict(routes), 0
    done: tuple[_Insert, ...] = ()
    for k in ks:
        chain = next((x for n in range(ejections + 1)
                      if (x := _chain(k, routes, reach, n, busy)) is not None), None)
        if chain is None:
            return None
        ejections -= _displaced(chain)
        cost, done = cost + chain[0], (*done, *chain[1])
        for insert in chain[1]:
            routes[insert.car] = insert.route
        busy |= {insert.car for insert in chain[1]}
    return cost, done


def _displaced(chain: Chain) -> int:
    return len(chain[1]) - 1 if chain[1] else 0


def _cheaper(best: Chain | None, other: Chain) -> Chain:
    """The chain adding less driving; on a tie, the one whose first car comes first."""
    if best is None or (other[0], other[1][0].car) < (best[0], best[1][0].car):
        return other
    return best
