"""The PyVRP 0.14 model behind ``console.services.dispatch.planner``, and its stopping criterion.

Why the model looks as it does:

- **One vehicle type per shift car in service** (``num_available=1``) starting and ending at its
  base, with the shift as its time window: the route leaves after the shift starts and is back
  by its end (R-SHIFT).
- **One client per visit**, on a location of its own even when two visits share a patient, so
  routing profiles can tell them apart. The time window is the service-start window, the
  service duration the visit's minutes.
- **Every client is optional with a prize larger than any plan's total driving**, which makes the
  objective lexicographic: place as many visits as possible, then use as few cars as possible
  (``console.services.dispatch.fleet``: route elimination, a car whose route goes is freed), then
  drive as little as possible. A share of the budget (``REGROUP_SHARE``), once the fleet is
  chosen and before the breaks, searches each shift's routes again on their own
  (``fleet.regroup``): at 2 s on the demo day that brings the driving from 1.5 % above the 60 s
  plan's to the 60 s plan's (docs/benchmarks.md).
  A visit that cannot fit is dropped instead of making the whole plan infeasible. Arc costs are
  in units of 100 m so the prizes stay small against the time-warp penalty; PyVRP's default
  penalty ceiling (1e5 per minute) is raised above every prize, or the search would rather keep
  a late visit than drop it and never reach a feasible plan (``PenaltyBoundWarning``).
- **Which car may serve which visit is a routing profile.** PyVRP 0.14 has no per-client list of
  allowed vehicles, but each vehicle type has a profile (its own distance and duration
  matrices). A car's profile makes the edges *into* a visit it must not serve prohibitively long
  (ten days, and more distance than any plan drives), so no feasible route of that car contains
  it. A car must not serve a visit pinned to another car, nor one needing a competence its crew
  lacks (R-CREW-SKILL, ``console.services.dispatch.skills``). Cars with the same restrictions
  share a profile. (``pyvrp.constants.MAX_VALUE``, 2^44, was used until issue 18: its time warp
  times a penalty ceiling above the larger prizes passes 2^63, and a test found no plan.)
  Pinned visits' prize exceeds all free prizes together, so they are placed whenever their car
  can still take them; the planner may re-order and re-time them within their windows.
- **Moving costs** (re-plan from now): with ``move_cost`` (units of 100 m) the edges into a visit
  that sits on another car now cost that much more, so a re-plan moves a visit to another car
  only when that saves more driving (cars and placed visits still come first).
- **Breaks** (R-BREAK): each car used gets its meal break at its base (the crew eats at the
  hospital the car is stationed at; the route drives back for it and out again), a client of
  the break's length whose window is the break's start window, reachable by that car only (a
  location of its own with its base's travel times). Breaks are required, so a visit gives way
  to a break, never the reverse; they are added after the fleet is chosen (a second search,
  warm-started with each route's break at its best place, on the cars the first one used), as
  a car with nothing but a break is no car on the road.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from console.services.core.travel import Place
from console.services.dispatch.fleet import Budget, Shares, Within, fewest_routes, regroup
from console.services.dispatch.repair import place_missing
from console.services.dispatch.routing import TimedStop, best_insertion

if TYPE_CHECKING:
    from pyvrp import ProblemData

_INT_MAX = 2**63 - 1
# Placing visits comes before saving cars: the first plan and the last phase (on every car) get
# most of the budget, route elimination a short share per attempt (fleet.Shares).
FORBIDDEN_MINUTES = 10 * 24 * 60  # an edge no shift can drive: the car must not serve the visit
VISITS_FIRST = Shares(construct=0.4, attempt=0.1, reserve=0.3)
ONE_SEARCH = Shares(construct=1.0, attempt=0.0, reserve=0.0)  # breaks: no fleet phases
BREAK_SHARE = 0.25  # of the budget, for the search with breaks
# Before a route-elimination attempt the removed route's visits are put back on the cars left,
# by direct moves and single ejections only: the attempt's search starts from there, or is not
# needed. At the full depth the repair took 0.5-0.75 s of a 2 s plan; at depth 1, 5-50 ms
# (docs/benchmarks.md, "... elimination attempts start repaired").
ATTEMPT_DEPTH = 1
# Each repair stops trying after this share of the plan's seconds: on the demo day the count
# ends a repair first (40-150 ms at 2 s); on the over-full 250-visit day two repairs took
# 3-4.4 s of a 2 s plan, and the dispatcher waited 6-8 s.
REPAIR_SHARE = 0.1
REGROUP_SHARE = 0.15  # of the budget, for each shift's routes searched again (fleet.regroup)


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """An improvement found by the search: seconds since it started, visits placed, metres."""

    seconds: float
    placed: int
    distance_m: int


@dataclass(frozen=True, slots=True)
class Car:
    shift_car_id: int
    shift_id: int
    call: str
    base: str
    kind: str
    node: int  # the base's index in the matrices
    start: int
    end: int
    starts_at: datetime
    ends_at: datetime
    skills: frozenset[str] = frozenset()  # the crew's competences (R-CREW-SKILL)
    rest: TimedStop | None = None  # its break at its base, when it gets one (R-BREAK)


@dataclass(slots=True)
class Job:
    visit_id: int
    patient: str
    place: Place
    window_start: datetime
    window_end: datetime
    service: int
    pinned_to: int | None  # shift car id
    node: int = -1
    early: int = 0
    late: int = 0
    needs: frozenset[str] = frozenset()  # competences (R-CREW-SKILL)
    on_car: int | None = None  # the shift car it is on now (re-planning: moving it costs)

    def stop(self) -> TimedStop:
        return TimedStop(self.visit_id, self.node, self.early, self.late, self.service)

    def allowed(self, car: Car) -> bool:
        """The car may serve it: not pinned elsewhere, and its crew has what it needs."""
        return self.pinned_to in (None, car.shift_car_id) and self.needs <= car.skills


@dataclass
class Search:
    """The budget (iterations, capped by ``time_limit`` seconds), cancel hook, and the record of
    improvements; ``fleet.fewest_routes`` runs the search and reports every best cost here."""

    time_limit: float
    cancel: Callable[[], bool] | None
    decode: Callable[[int], tuple[int, int]]
    on_progress: Callable[[PlanProgress], None] | None
    iterations: int = 0
    started: float | None = None
    best: int = _INT_MAX
    first_feasible: float | None = None
    cancelled: bool = False
    used: int = 0  # iterations the search took
    capped: bool = False  # the time limit, not the iterations, ended it

    def seen(self, best_cost: int) -> None:
        now = clock.perf_counter()
        if self.started is None:
            self.started = now
        elapsed = now - self.started
        if best_cost < self.best:
            self.best = best_cost
            if self.first_feasible is None:
                self.first_feasible = elapsed
            placed, metres = self.decode(best_cost)
            if self.on_progress is not None:
                self.on_progress(PlanProgress(elapsed, placed, metres))


@dataclass(frozen=True, slots=True)
class Solved:
    """Each car's jobs in route order, where its break goes (jobs before it), and the cost."""

    routes: dict[int, list[Job]] = field(default_factory=dict)
    breaks: dict[int, int] = field(default_factory=dict)
    cost: int = 0


@dataclass(frozen=True, slots=True)
class _Costs:
    car: int  # a car's fixed cost: more than any plan's driving
    prize: int  # a visit's: more than every car's cost and the driving
    pinned: int  # a pinned visit's: more than all free prizes, cars and driving
    move: int  # moving a visit to another car, units of 100 m


def solve(jobs: Sequence[Job], cars: Sequence[Car], minutes: Sequence[Sequence[int]],
          metres: Sequence[Sequence[int]], search: Search, seed: int,
          current: dict[int, list[int]] | None = None, move_cost: int = 0) -> Solved:
    """Solve and return each car's jobs in route order, its break's place and the solver's cost;
    an empty plan when the search found nothing feasible (it always can: every visit is
    optional). ``current`` (shift car id: visit ids in route order) warm-starts the search from
    the routes as they are, and ``move_cost`` (units of 100 m) is what moving one of them to
    another car costs (re-planning, issue 18)."""
    from pyvrp import PenaltyParams, SolveParams  # imported on use: heavy

    nodes = sorted({c.node for c in cars} | {j.node for j in jobs})
    # Arc costs in units of 100 m keep the prizes small against the time-warp penalty.
    hm = {(a, b): (metres[a][b] + 50) // 100 for a in nodes for b in nodes}
    free = [j for j in jobs if j.pinned_to is None]
    # Lexicographic objective: a car's fixed cost exceeds any plan's driving distance (a plan has
    # at most visits + breaks + cars arcs), one visit's prize exceeds every car's cost and the
    # driving, a pinned visit's prize exceeds all free prizes, cars and distance (issue 18:
    # visits, cars, driving, in that order).
    arc = max(max(hm.values(), default=0) + move_cost, 1)
    car_cost = (len(jobs) + 2 * len(cars)) * arc + 1
    prize = car_cost * (len(cars) + 1)
    costs = _Costs(car_cost, prize, prize * (len(free) + 1), move_cost)
    # PyVRP's default penalty ceiling (1e5 per minute of time warp) is below these prizes, so the
    # search would rather keep a late visit than drop it and never become feasible (it warns
    # PenaltyBoundWarning); the ceiling is put above every prize instead.
    params = SolveParams(penalty=PenaltyParams(max_penalty=float(4 * costs.pinned)))

    def decode(cost: int) -> tuple[int, int]:
        missing_pinned, rest = divmod(cost, costs.pinned)
        missing_free, rest = divmod(rest, prize)
        distance = rest % car_cost
        return len(jobs) - missing_pinned - missing_free, distance * 100

    search.decode = decode
    resting = any(c.rest is not None for c in cars)
    total = Budget(search.iterations, search.time_limit)
    first = _share(total, 1 - REGROUP_SHARE - (BREAK_SHARE if resting else 0))
    data = _data(jobs, cars, nodes, hm, minutes, costs, ())
    index = {j.visit_id: n for n, j in enumerate(jobs)}
    initial = [(n, [index[v] for v in (current or {}).get(car.shift_car_id, []) if v in index])
               for n, car in enumerate(cars)]

    def repaired(plan: Any, within: Within | None) -> Any:  # fleet.Repair: a plan of data
        fixed, _used = _repaired(plan, [cars[r.vehicle_type()] for r in plan.routes()], data, jobs,
                                 cars, minutes, total.seconds * REPAIR_SHARE, within)
        return fixed

    found = fewest_routes(data, first, seed, prize=prize, params=params, cancel=search.cancel,
                          on_cost=search.seen, shares=VISITS_FIRST, initial=initial,
                          repair=repaired)
    search.used, search.capped, search.cancelled = found.iterations, found.capped, found.cancelled
    solution, used = found.solution, [cars[found.vehicle_types[r.vehicle_type()]]
                                      for r in found.solution.routes()]
    if solution.is_feasible() and not search.cancelled:  # the distance phase may not have run
        solution, used = _repaired(solution, used, data, jobs, cars, minutes,
                                   total.seconds * REPAIR_SHARE)
        solution, used = _regrouped(solution, used, data, cars, _share(total, REGROUP_SHARE), seed,
                                    params, search)
    rested = [c for c in used if c.rest is not None]
    if solution.is_feasible() and rested and not search.cancelled:
        data = _data(jobs, used, nodes, hm, minutes, costs, rested)
        warm = [(k, _with_break(jobs, car, [index[j.visit_id] for j in _jobs(r, jobs)], minutes,
                                len(jobs) + rested.index(car) if car in rested else None))
                for k, (car, r) in enumerate(zip(used, solution.routes(), strict=True))]
        rest = Budget(max(1, total.iterations - search.used),
                      max(0.05, total.seconds * BREAK_SHARE))
        again = fewest_routes(data, rest, seed, prize=prize, params=params, cancel=search.cancel,
                              on_cost=search.seen, shares=ONE_SEARCH, initial=warm)
        search.used += again.iterations
        search.capped |= again.capped
        search.cancelled |= again.cancelled
        if again.solution.is_feasible():  # else the plan stands without breaks (shown so)
            solution, used = again.solution, [used[again.vehicle_types[r.vehicle_type()]]
                                              for r in again.solution.routes()]
    if not solution.is_feasible():
        return Solved()
    out = Solved(cost=int(solution.distance_cost() + solution.fixed_vehicle_cost()
                          + solution.uncollected_prizes()))
    for car, route in zip(used, solution.routes(), strict=True):
        clients = [act.idx for act in route if act.is_client()]
        out.routes[car.shift_car_id] = [jobs[i] for i in clients if i < len(jobs)]
        at = next((n for n, i in enumerate(clients) if i >= len(jobs)), None)
        if at is not None:
            out.breaks[car.shift_car_id] = at
    return out


def _repaired(solution: Any, used: list[Car], data: ProblemData, jobs: Sequence[Job],
              cars: Sequence[Car], minutes: Sequence[Sequence[int]], seconds: float,
              within: Within | None = None) -> tuple[Any, list[Car]]:
    """The plan with what a short search left out put back where one move does it
    (``repair.place_missing``), as a solution of ``data`` (every car); the plan as it was when
    nothing could be placed. ``within`` a route-elimination attempt, only the removed route's
    visits are tried, only the attempt's cars take them, and only direct moves and single
    ejections (``ATTEMPT_DEPTH``): the search that follows does the rest. ``seconds`` caps it."""
    from pyvrp import Route, Solution

    index = {id(car): n for n, car in enumerate(cars)}
    routes = {index[id(car)]: [a.idx for a in r if a.is_client()]
              for car, r in zip(used, solution.routes(), strict=True)}
    if within is None:
        better = place_missing(routes, jobs, cars, minutes, seconds=seconds)
    else:
        better = place_missing(routes, jobs, cars, minutes, ATTEMPT_DEPTH,
                               usable=within.vehicle_types, only=within.clients, seconds=seconds)
    if sum(map(len, better.values())) == sum(map(len, routes.values())):
        return solution, used
    fixed = Solution(data, [Route(data, r, c) for c, r in sorted(better.items())])
    if not fixed.is_feasible():  # the route arithmetic and the model disagree: keep the search's
        return solution, used
    return fixed, [cars[c] for c in sorted(better)]


def _regrouped(solution: Any, used: list[Car], data: ProblemData, cars: Sequence[Car],
               budget: Budget, seed: int, params: Any, search: Search) -> tuple[Any, list[Car]]:
    """The plan with each shift's routes searched again on their own (``fleet.regroup``), as a
    solution of ``data`` (every car); the plan as it was when that finds nothing better."""
    from pyvrp import Route, Solution

    index = {id(car): n for n, car in enumerate(cars)}
    whole = Solution(data, [Route(data, [a.idx for a in r if a.is_client()], index[id(car)])
                            for car, r in zip(used, solution.routes(), strict=True)])
    better = regroup(data, whole, budget, seed, params=params, cancel=search.cancel)
    search.used += better.iterations
    search.capped |= better.capped
    search.cancelled |= better.cancelled
    if not better.solution.is_feasible():
        return solution, used
    return better.solution, [cars[r.vehicle_type()] for r in better.solution.routes()]


def _share(budget: Budget, share: float) -> Budget:
    return Budget(max(1, round(budget.iterations * share)), budget.seconds * share)


def _jobs(route: object, jobs: Sequence[Job]) -> list[Job]:
    return [jobs[a.idx] for a in route if a.is_client() and a.idx < len(jobs)]  # type: ignore[attr-defined]


def _with_break(jobs: Sequence[Job], car: Car, clients: list[int],
                minutes: Sequence[Sequence[int]], break_client: int | None) -> list[int]:
    """The route's clients with its break at the place the route arithmetic likes best."""
    stop = car.rest
    if break_client is None or stop is None:
        return clients
    pos, _ = best_insertion([jobs[i].stop() for i in clients], stop, minutes, depot=car.node,
                            start=car.start, end=car.end)
    return [*clients[:pos], break_client, *clients[pos:]]


def _data(jobs: Sequence[Job], cars: Sequence[Car], nodes: Sequence[int],
          hm: dict[tuple[int, int], int], minutes: Sequence[Sequence[int]], costs: _Costs,
          rested: Sequence[Car]) -> ProblemData:
    """The problem: locations are ``nodes`` then one per break (its base's travel times);
    clients are ``jobs`` then the breaks of ``rested``; one vehicle type per car, each with the
    routing profile of what it must not serve and what moving costs it."""
    import numpy as np
    from pyvrp import Client, Depot, Location, ProblemData, VehicleType

    loc = {n: i for i, n in enumerate(nodes)}
    origin = [*nodes, *(c.node for c in rested)]  # each location's node in the matrices
    dist = np.array([[hm[a, b] if a != b else 0 for b in origin] for a in origin], dtype=np.int64)
    dur = np.array([[minutes[a][b] if a != b else 0 for b in origin] for a in origin],
                   dtype=np.int64)
    breaks = {c.shift_car_id: len(nodes) + k for k, c in enumerate(rested)}
    depot_nodes = sorted({c.node for c in cars})
    depots = [Depot(loc[n], name=str(n)) for n in depot_nodes]
    clients = [Client(loc[j.node], service_duration=j.service, tw_early=j.early, tw_late=j.late,
                      prize=costs.pinned if j.pinned_to else costs.prize, required=False,
                      name=str(j.visit_id)) for j in jobs]
    for car in rested:
        assert car.rest is not None
        clients.append(Client(breaks[car.shift_car_id], service_duration=car.rest.service,
                              tw_early=car.rest.early, tw_late=car.rest.late, required=True,
                              name=f"break {car.call}"))
    profiles: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}
    types = []
    for car in cars:
        barred = tuple(sorted({loc[j.node] for j in jobs if not j.allowed(car)}
                              | {b for c, b in breaks.items() if c != car.shift_car_id}))
        moved = tuple(sorted(loc[j.node] for j in jobs if costs.move and j.pinned_to is None
                             and j.on_car not in (None, car.shift_car_id)))
        profile = profiles.setdefault((barred, moved), len(profiles))
        depot = depot_nodes.index(car.node)
        types.append(VehicleType(num_available=1, start_depot=depot, end_depot=depot,
                                 fixed_cost=costs.car, tw_early=car.start, tw_late=car.end,
                                 unit_distance_cost=1, profile=profile, name=car.call))
    distances: list[Any] = []  # numpy int64 matrices (PyVRP's stubs name another array type)
    durations: list[Any] = []
    for barred, moved in profiles:  # in profile order (dicts keep insertion order)
        d, t = dist.copy(), dur.copy()
        for col in moved:
            d[:, col] += costs.move
        for col in barred:
            d[:, col], t[:, col] = costs.car, FORBIDDEN_MINUTES
        np.fill_diagonal(d, 0)
        np.fill_diagonal(t, 0)
        distances.append(d)
        durations.append(t)
    return ProblemData([Location(0.0, 0.0, name=str(n)) for n in origin], clients, depots, types,
                       distances, durations)
