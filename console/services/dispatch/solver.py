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
  drive as little as possible.
  A visit that cannot fit is dropped instead of making the whole plan infeasible. Arc costs are
  in units of 100 m so the prizes stay small against the time-warp penalty; PyVRP's default
  penalty ceiling (1e5 per minute) is raised above every prize, or the search would rather keep
  a late visit than drop it and never reach a feasible plan (``PenaltyBoundWarning``).
- **Pinned visits stay on their car.** PyVRP 0.14 has no per-client list of allowed vehicles,
  but it has routing profiles: each car holding pinned visits gets its own profile, and every
  other car's profile makes the edges *into* those visits prohibitively long
  (ten days, and more distance than any plan drives), so no feasible route of another car can
  contain them. (``pyvrp.constants.MAX_VALUE``, 2^44, was used until issue 18: its time warp
  times a penalty ceiling above the larger prizes passes 2^63, and a test found no plan.) Their
  prize exceeds all free prizes together, so they are placed whenever their car can still take
  them; the planner may re-order and re-time them within their windows, never move them.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from console.services.core.travel import Place
from console.services.dispatch.fleet import Budget, Shares, fewest_routes
from console.services.dispatch.routing import TimedStop

_INT_MAX = 2**63 - 1
# Placing visits comes before saving cars: the first plan and the last phase (on every car) get
# most of the budget, route elimination a short share per attempt (fleet.Shares).
FORBIDDEN_MINUTES = 10 * 24 * 60  # an edge no shift can drive: the visit is pinned elsewhere
VISITS_FIRST = Shares(construct=0.4, attempt=0.1, reserve=0.3)


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

    def stop(self) -> TimedStop:
        return TimedStop(self.visit_id, self.node, self.early, self.late, self.service)


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


def solve(jobs: Sequence[Job], cars: Sequence[Car], minutes: Sequence[Sequence[int]],
          metres: Sequence[Sequence[int]], search: Search, seed: int,
          current: dict[int, list[int]] | None = None) -> tuple[dict[int, list[Job]], int]:
    """Solve and return ``{shift car id: its jobs in route order}`` and the solver's cost; an
    empty plan when the search found nothing feasible (it always can: every client is optional).
    ``current`` (shift car id: visit ids in route order) warm-starts the search from the routes
    as they are (re-planning, issue 18)."""
    from pyvrp import Model, PenaltyParams, Profile, SolveParams  # imported on use: heavy

    nodes = sorted({c.node for c in cars} | {j.node for j in jobs})
    # Arc costs in units of 100 m keep the prizes small against the time-warp penalty.
    hm = {(a, b): (metres[a][b] + 50) // 100 for a in nodes for b in nodes}
    free = [j for j in jobs if j.pinned_to is None]
    # Lexicographic objective: a car's fixed cost exceeds any plan's driving distance (a plan has
    # at most visits + cars arcs), one visit's prize exceeds every car's cost and the driving, a
    # pinned visit's prize exceeds all free prizes, cars and distance (issue 18: visits, cars,
    # driving, in that order).
    car_cost = (len(jobs) + len(cars)) * max(max(hm.values(), default=0), 1) + 1
    prize = car_cost * (len(cars) + 1)
    pinned_prize = prize * (len(free) + 1)
    # PyVRP's default penalty ceiling (1e5 per minute of time warp) is below these prizes, so the
    # search would rather keep a late visit than drop it and never become feasible (it warns
    # PenaltyBoundWarning); the ceiling is put above every prize instead.
    params = SolveParams(penalty=PenaltyParams(max_penalty=float(4 * pinned_prize)))

    def decode(cost: int) -> tuple[int, int]:
        missing_pinned, rest = divmod(cost, pinned_prize)
        missing_free, rest = divmod(rest, prize)
        distance = rest % car_cost
        return len(jobs) - missing_pinned - missing_free, distance * 100

    search.decode = decode
    model = Model()
    locations = {n: model.add_location(x=0.0, y=0.0, name=str(n)) for n in nodes}
    depots = {n: model.add_depot(locations[n], name=str(n)) for n in sorted({c.node for c in cars})}
    for job in jobs:
        model.add_client(locations[job.node], service_duration=job.service, tw_early=job.early,
                         tw_late=job.late, prize=pinned_prize if job.pinned_to else prize,
                         required=False, name=str(job.visit_id))
    pinned_cars = sorted({j.pinned_to for j in jobs if j.pinned_to is not None})
    profiles: dict[int | None, Profile] = {}
    if pinned_cars:
        profiles[None] = model.add_profile(name="free")  # index 0: cars without pinned visits
        profiles.update({car: model.add_profile(name=str(car)) for car in pinned_cars})
    for car in cars:
        model.add_vehicle_type(num_available=1, start_depot=depots[car.node], end_depot=depots[car.node],
                               tw_early=car.start, tw_late=car.end, unit_distance_cost=1,
                               fixed_cost=car_cost,
                               profile=profiles.get(car.shift_car_id if car.shift_car_id in profiles
                                                    else None),
                               name=car.call)
    for a in nodes:
        for b in nodes:
            if a != b:
                model.add_edge(locations[a], locations[b], distance=hm[a, b],
                               duration=minutes[a][b])
    for owner, profile in profiles.items():  # pinned visits of other cars are out of reach
        for job in jobs:
            if job.pinned_to is not None and job.pinned_to != owner:
                for a in nodes:
                    if a != job.node:
                        model.add_edge(locations[a], locations[job.node], distance=car_cost,
                                       duration=FORBIDDEN_MINUTES, profile=profile)
    index = {j.visit_id: n for n, j in enumerate(jobs)}
    initial = [(n, [index[v] for v in (current or {}).get(car.shift_car_id, []) if v in index])
               for n, car in enumerate(cars)]
    found = fewest_routes(model.data(), Budget(search.iterations, search.time_limit), seed,
                          prize=prize, params=params, cancel=search.cancel, on_cost=search.seen,
                          shares=VISITS_FIRST, initial=initial)
    search.used, search.capped, search.cancelled = found.iterations, found.capped, found.cancelled
    if not found.solution.is_feasible():
        return {}, 0
    routes: dict[int, list[Job]] = {}
    for route in found.solution.routes():
        car = cars[found.vehicle_types[route.vehicle_type()]]
        routes[car.shift_car_id] = [jobs[act.idx] for act in route if act.is_client()]
    cost = (found.solution.distance_cost() + found.solution.fixed_vehicle_cost()
            + found.solution.uncollected_prizes())
    return routes, int(cost)
