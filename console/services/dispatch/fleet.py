"""Fewest routes first, for real: a route-elimination phase on top of PyVRP 0.14 (issue 18).

A fixed cost per vehicle alone makes "fewest vehicles" a matter of luck: the search has to find a
feasible plan with one route fewer by itself, and it rarely tries. :func:`fewest_routes` does it on
purpose, in three phases that share one budget:

1. **Construct**: a first plan on the problem as given (``construct_share`` of the budget).
2. **Eliminate**: with a plan of k routes, remove its smallest route (fewest clients, then shortest,
   then lowest index), allow only the k - 1 vehicles the rest uses, without fixed costs, and search
   warm-started from the plan without that route (its required clients are missing, and the search
   puts them back; optional clients keep their prizes). With a ``repair`` (the ward's planner:
   ejection chains, ``repair.place_missing``), the removed route's clients are first put back on
   the routes left where a move or two does it, and the search starts from there; an attempt the
   repair completes needs no search (at 2 s on the demo day, 9 of 39 attempts; docs/benchmarks.md).
   The attempt succeeds as soon as its best feasible plan is complete and leaves out no more prize
   than the k-route plan did, and is repeated with k - 1; it fails when its share of the budget
   (``Shares.attempt``) runs out, and the next attempt removes the next smallest route instead,
   until every route was tried or only the distance phase's reserve (``Shares.reserve``) is
   left; then the k-route plan stands.
   Vehicles come first, so elimination gets most of the budget. (Making the required clients
   optional with a large prize instead was tried: on Solomon RC105 at 5 s it removed no route
   where this removed two.)
3. **Distance**: whatever budget remains, on the problem as given (the whole fleet: its fixed
   costs keep the cars saved away), warm-started from the best plan. With optional clients whose
   prizes outweigh a vehicle's fixed cost, this is where a car comes back if it places one more.

:func:`regroup` may follow (the ward's planner does): the routes of each shift searched again as a
problem of their own, for the driving the search of the whole finds late.

Deterministic: the budget is a number of iterations; the wall clock is only a cap. Every phase's
share is a share of both, so on a machine fast enough for the iterations, the same data, seed and
budget give the same plan; ``FleetResult.iterations`` and ``capped`` say what was actually used,
and a plan reached without the cap is reproduced exactly by the same seed and iteration budget.
Problems with several vehicle types (one per car) lose the removed route's type: its
``num_available`` is lowered, and a type with none left is dropped from the data.
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyvrp is imported on use: it is heavy
    from pyvrp import ProblemData, Solution, SolveParams

@dataclass(frozen=True, slots=True)
class Shares:
    """How the budget is shared: the first plan, each elimination attempt, and what is kept for
    the last phase. Vehicles first (Solomon): elimination gets most. Optional clients first (the
    ward's planner): the first and last phases place them, so they get more."""

    construct: float = 0.1
    attempt: float = 0.25
    reserve: float = 0.1


# A fifth kept for the distance phase (was a tenth): on the 29 class-1 Solomon instances at 10 s
# (seed 1, one run each, side by side on 2026-12-06) the same 328 vehicles and 26 instances at
# the best-known fleet either way, and a mean distance gap there of 0.52 % against 0.81 %
# (docs/benchmarks.md, issue 18).
VEHICLES_FIRST = Shares(reserve=0.2)
_INT_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Within:
    """What an elimination attempt's repair may do: put back ``clients`` (the removed route's) on
    ``vehicle_types`` (the input's, those the attempt keeps) only. Its search follows, so the
    repair may be quick rather than thorough."""

    vehicle_types: frozenset[int]
    clients: frozenset[int]


# (A plan of the input data, None or an attempt's Within) -> a plan of the input data with what it
# left out put back (with Within, only its clients on its vehicles); the same plan object when
# nothing was put back (the ward's planner: repair.place_missing).
Repair = Callable[["Solution", "Within | None"], "Solution"]


@dataclass(frozen=True, slots=True)
class Budget:
    """``iterations`` of the search in all, stopped early at ``seconds`` of wall clock."""

    iterations: int
    seconds: float


@dataclass(frozen=True, slots=True)
class FleetResult:
    solution: Solution
    data: ProblemData  # the data the solution belongs to (its vehicle types may be fewer)
    vehicle_types: tuple[int, ...]  # for each of data's vehicle types, its index in the input
    iterations: int
    capped: bool  # the wall clock, not the iterations, ended a phase
    cancelled: bool
    eliminated: int  # routes removed by the elimination phase


@dataclass
class _Clock:
    """Iterations and seconds used so far; hands each phase its stopping criterion."""

    budget: Budget
    cancel: Callable[[], bool] | None
    on_cost: Callable[[int], None] | None
    used: int = 0
    started: float = 0.0
    capped: bool = False
    cancelled: bool = False

    def left(self) -> tuple[int, float]:
        return (self.budget.iterations - self.used,
                self.budget.seconds - (clock.perf_counter() - self.started))

    def share_left(self) -> float:
        """The smaller of the shares of iterations and of seconds left."""
        iterations, seconds = self.left()
        return min(iterations / self.budget.iterations, seconds / self.budget.seconds)

    def phase(self, share: float, enough: int | None = None) -> _Phase:
        """A stopping criterion for ``share`` of the whole budget (at most what is left); with
        ``enough``, it also stops as soon as the best cost is below it."""
        iterations = min(int(self.budget.iterations * share), self.left()[0])
        deadline = clock.perf_counter() + min(self.budget.seconds * share, self.left()[1])
        return _Phase(self, iterations, deadline, enough)


@dataclass
class _Phase:
    clock: _Clock
    iterations: int
    deadline: float
    enough: int | None
    count: int = 0

    def __call__(self, best_cost: int) -> bool:
        timer = self.clock
        if timer.on_cost is not None and best_cost < _INT_MAX:
            timer.on_cost(best_cost)
        if self.enough is not None and best_cost < self.enough:
            return True
        if timer.cancel is not None and timer.cancel():
            timer.cancelled = True
            return True
        if self.count >= self.iterations:
            return True
        if clock.perf_counter() >= self.deadline:
            timer.capped = True
            return True
        self.count += 1
        timer.used += 1
        return False


def fewest_routes(data: ProblemData, budget: Budget, seed: int, *, prize: int,
                  params: SolveParams | None = None, cancel: Callable[[], bool] | None = None,
                  on_cost: Callable[[int], None] | None = None,
                  shares: Shares | None = None,
                  initial: Sequence[tuple[int, Sequence[int]]] = (),
                  repair: Repair | None = None) -> FleetResult:
    """Fewest routes first, then distance (see the module's docstring). ``prize`` must exceed any
    plan's total cost but for prizes (it ends an attempt on a problem without optional clients).
    ``on_cost`` sees the best cost of every iteration (a progress hook). ``initial`` (vehicle
    type, client indices) routes warm-start the first phase: re-planning starts from the plan
    as it is. ``repair`` puts back what the search left out: before each elimination attempt,
    the removed route's clients on the routes left (an attempt the repair completes needs no
    search), and before the distance phase, which then starts from the repaired plan (a
    repair's moves cost driving and cars that phase wins back)."""
    from pyvrp import Route, Solution, SolveParams
    from pyvrp import solve as pyvrp_solve

    params = params or SolveParams()
    shares = shares or VEHICLES_FIRST
    timer = _Clock(budget, cancel, on_cost, started=clock.perf_counter())
    warm = (Solution(data, [Route(data, list(c), vt) for vt, c in initial if c])
            if any(c for _, c in initial) else None)
    result = pyvrp_solve(data, stop=timer.phase(shares.construct), seed=seed, collect_stats=False,
                         params=params, initial_solution=warm)
    best, best_data, kept = result.best, data, tuple(range(data.num_vehicle_types))
    if best.is_feasible():  # the fleet is what the first plan uses
        best_data, kept, best = _fleet_of(best, kept, data, None)
    eliminated = attempts = failed = 0
    while (best.is_feasible() and failed < best.num_routes() > 1 and not timer.cancelled
           and timer.share_left() > shares.reserve + 0.02):
        drop = _ranked_routes(best)[failed]
        trial, trial_kept, start = _fleet_of(best, kept, data, drop)
        trial = trial.replace(vehicle_types=[vt.replace(fixed_cost=0) for vt in trial.vehicle_types()])
        missed = _uncollected(best, trial)
        if repair is not None:
            removed = frozenset(_client_ids(best.routes()[drop]))
            start = _repaired_within(start, trial, trial_kept, data, repair, removed)
        attempts += 1
        found = start
        if not start.is_feasible() or _uncollected(start, trial) > missed:
            enough = missed + min((c.prize for c in trial.clients() if not c.required),
                                  default=prize)
            share = min(shares.attempt, timer.share_left() - shares.reserve)
            found = pyvrp_solve(trial, stop=timer.phase(share, enough), seed=seed + attempts,
                                collect_stats=False, params=params, initial_solution=start).best
        if not found.is_feasible() or not found.is_complete() or _uncollected(found, trial) > missed:
            failed += 1  # the next attempt removes the next smallest route instead
            continue
        eliminated, failed = eliminated + 1, 0
        best_data, kept, best = _fleet_of(found, trial_kept, data, None)
    if not timer.cancelled and timer.left()[0] > 0:
        if best.is_feasible() and any(not c.required for c in data.clients()):
            # The whole fleet again: a car left out above may still place one more optional
            # client (its prize outweighs the car's fixed cost). With required clients only, a
            # car cannot improve the first criterion, and the smaller fleet is searched.
            best = Solution(data, [Route(data, _client_ids(r), kept[r.vehicle_type()])
                                   for r in best.routes()])
            best_data, kept = data, tuple(range(data.num_vehicle_types))
            if repair is not None:
                best = repair(best, None)
        final = pyvrp_solve(best_data, stop=timer.phase(1.0), seed=seed, collect_stats=False,
                            params=params, initial_solution=best)
        if final.best.is_feasible() or not best.is_feasible():
            best = final.best
    return FleetResult(best, best_data, kept, timer.used, timer.capped, timer.cancelled, eliminated)


def _client_ids(route: object) -> list[int]:
    return [act.idx for act in route if act.is_client()]  # type: ignore[attr-defined]


def _ranked_routes(best: Solution) -> list[int]:
    """Routes from the smallest (fewest clients, then shortest, then lowest index)."""
    routes = best.routes()
    return sorted(range(len(routes)), key=lambda r: (len(_client_ids(routes[r])), routes[r].distance(), r))


def _fleet_of(best: Solution, kept: Sequence[int], source: ProblemData,
              drop: int | None) -> tuple[ProblemData, tuple[int, ...], Solution]:
    """``source`` (whose vehicle types are the input's) with as many vehicles of each type as
    ``best`` uses, less route ``drop``; types with none left are left out. Returns that data, the
    input index of each of its types, and ``best`` (less ``drop``) as a solution of it."""
    from pyvrp import Route, Solution

    routes = best.routes()
    used = [0] * len(kept)
    for i, r in enumerate(routes):
        used[r.vehicle_type()] += i != drop
    remap: dict[int, int] = {}
    new_kept: list[int] = []
    counts: list[int] = []
    for t, n in enumerate(used):
        if n:
            remap[t] = len(new_kept)
            new_kept.append(kept[t])
            counts.append(n)
    fleet = source.replace(vehicle_types=[
        source.vehicle_type(k).replace(num_available=n) for k, n in zip(new_kept, counts, strict=True)])
    start = Solution(fleet, [Route(fleet, _client_ids(r), remap[r.vehicle_type()])
                             for i, r in enumerate(routes) if i != drop])
    return fleet, tuple(new_kept), start


def _repaired_within(start: Solution, trial: ProblemData, trial_kept: Sequence[int],
                     data: ProblemData, repair: Repair, removed: frozenset[int]) -> Solution:
    """``start`` (a plan of ``trial``) with the ``removed`` clients repaired back on the input's
    vehicles it keeps, ``trial_kept``, as a plan of ``trial`` again; ``start`` when the repair
    used a vehicle ``trial`` lacks."""
    from pyvrp import Route, Solution

    whole = Solution(data, [Route(data, _client_ids(r), trial_kept[r.vehicle_type()])
                            for r in start.routes()])
    fixed = repair(whole, Within(frozenset(trial_kept), removed))
    at = {k: n for n, k in enumerate(trial_kept)}
    if fixed is whole or any(r.vehicle_type() not in at for r in fixed.routes()):
        return start
    return Solution(trial, [Route(trial, _client_ids(r), at[r.vehicle_type()]) for r in fixed.routes()])


def _uncollected(best: Solution, trial: ProblemData) -> int:
    """The prizes, as ``trial`` counts them, of the clients ``best`` leaves out."""
    placed = {i for r in best.routes() for i in _client_ids(r)}
    return sum(c.prize for i, c in enumerate(trial.clients()) if i not in placed)



def regroup(data: ProblemData, best: Solution, budget: Budget, seed: int, *,
            params: SolveParams | None = None,
            cancel: Callable[[], bool] | None = None) -> FleetResult:
    """``best`` with the routes of each group of alike vehicles searched again as a problem of
    its own: the routes whose vehicle types share a time window (a ward's day or evening shift,
    over every base), with their clients and those vehicles only. A short search of a part finds
    exchanges between a few routes that the search of the whole, among every vehicle and client,
    finds late (docs/benchmarks.md: the demo day at 2 s). Each group of two routes or more is
    searched for ``budget.iterations``, counted in ``FleetResult.iterations`` by its share of
    the placed clients (so the parts use about the budget in all), and stopped at that share of
    ``budget.seconds``. A group's routes are replaced only when its new plan costs less; its
    clients keep their prizes and its vehicles their fixed costs, so placed clients and vehicles
    still come before distance. Returns a solution of ``data``."""
    from pyvrp import Route, Solution, SolveParams
    from pyvrp import solve as pyvrp_solve

    routes = best.routes()
    groups: dict[tuple[int, int], list[int]] = {}
    for n, r in enumerate(routes):
        vt = data.vehicle_type(r.vehicle_type())
        groups.setdefault((vt.tw_early, vt.tw_late), []).append(n)
    placed = max(1, sum(len(_client_ids(r)) for r in routes))
    plan: list[tuple[int, list[int]]] = []
    used, capped, cancelled = 0, False, False
    for members in groups.values():
        plan_of = [(routes[m].vehicle_type(), _client_ids(routes[m])) for m in members]
        if len(members) > 1 and not cancelled:
            clients = sorted(c for _, ids in plan_of for c in ids)
            at = {c: i for i, c in enumerate(clients)}
            types = sorted({t for t, _ in plan_of})
            part = data.replace(clients=[data.clients()[c] for c in clients], vehicle_types=[
                data.vehicle_type(t).replace(num_available=[u for u, _ in plan_of].count(t))
                for t in types])
            start = Solution(part, [Route(part, [at[c] for c in ids], types.index(t))
                                    for t, ids in plan_of])
            timer = _Clock(Budget(budget.iterations, budget.seconds * len(clients) / placed),
                           cancel, None, started=clock.perf_counter())
            found = pyvrp_solve(part, stop=timer.phase(1.0), seed=seed, collect_stats=False,
                                params=params or SolveParams(), initial_solution=start).best
            used += timer.used * len(clients) // placed
            capped, cancelled = capped or timer.capped, timer.cancelled
            if found.is_feasible() and _cost(found) < _cost(start):
                plan_of = [(types[r.vehicle_type()], [clients[i] for i in _client_ids(r)])
                           for r in found.routes()]
        plan.extend(plan_of)
    solution = Solution(data, [Route(data, ids, t) for t, ids in plan if ids])
    return FleetResult(solution, data, tuple(range(data.num_vehicle_types)), used, capped,
                       cancelled, 0)


def _cost(solution: Solution) -> int:
    return int(solution.distance_cost() + solution.fixed_vehicle_cost()
               + solution.uncollected_prizes())
