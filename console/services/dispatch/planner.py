"""The automatic route planner for a ward day's MBE cars (PyVRP 0.14; the model and why it
looks as it does are in ``console.services.dispatch.solver``).

- Scope: the visits of the ward day, optionally one base and/or one shift kind. Every planned
  visit on a car of a chosen shift is in scope; a tray visit is when its nearest base (by travel
  time) is the chosen base and its window fits the chosen shift kind.
- Cars: the shift cars in service, at most ``max_cars_per_shift`` per base and shift (counting
  cars already on the road that the plan cannot use), so no plan can exceed R-SHIFT;
  ``save_plan`` counts again after writing.
- Kept as they are: done (and missed/cancelled) visits are not in the model and never written;
  pinned visits stay on their car (re-ordered and re-timed within their windows at most); a
  pinned visit whose car is out of service, or that no longer fits, is reported and left alone.
- Visits no car can serve at all get a computed reason before the solver runs (outside every
  shift, no car in service, not reachable in time, R-VISIT-LEN) and are not offered to it.
- Times are whole minutes after the ward day's first instant, travel from
  ``console.services.core.travel``. The ETAs returned come from ``routing.schedule_route`` on the
  solver's order, the same arithmetic as a hand assignment, and every route is checked with it.
- Fewest cars (issue 18): visits placed first, then as few cars as possible (route elimination,
  ``console.services.dispatch.fleet``), then driving. The budget is ``iterations`` with
  ``time_limit`` as a wall-clock cap; the seed and iterations are saved with the plan
  (``route_plan``), and the same seed and budget give the same plan unless the cap was hit.
- Cancelling: the ``cancel`` callable is polled on every iteration of the search, which then
  stops; the best plan so far is returned with ``cancelled=True``.
"""

from __future__ import annotations

import itertools
import time as clock
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, MbeBase, Patient, RoutePlan, Shift, ShiftCar, Visit
from console.services.core.access import require_role
from console.services.core.errors import Conflict, InvalidInput, RuleViolation
from console.services.core.settings_store import get_int
from console.services.core.travel import (
    Place,
    TravelTimeProvider,
    distance_matrix_m,
    minutes_matrix,
    travel_provider,
)
from console.services.core.uow import acting_user
from console.services.dispatch.board import DISPATCH_ROLES, cars_on_the_road
from console.services.dispatch.breaks import break_window, rest_stop
from console.services.dispatch.plan_diff import Current, diff_plan
from console.services.dispatch.plan_reasons import Reaches, hhmm, why_not_placed, why_unservable
from console.services.dispatch.plan_types import (
    PlannedRoute,
    PlannedStop,
    PlanProposal,
    SavedPlan,
    UnplacedVisit,
)
from console.services.dispatch.routes import lock_cars, write_route
from console.services.dispatch.routing import minutes_after, route_times_rested
from console.services.dispatch.rules import fits_shift, nearest
from console.services.dispatch.skills import crew_skills, visit_needs
from console.services.dispatch.solver import Car, Job, PlanProgress, Search, Solved, solve
from console.timeutil import ward_day_bounds
from console.vocabulary import Provider, ShiftKind, VisitStatus

DEFAULT_TIME_LIMIT = 3.0
# The budget when none is given: iterations per second of the time limit, which stays the cap
# (issue 18). The 120-visit demo day ran 400-700 iterations a second on the 2-core reference VM
# under load, so there a plan mostly ends on its iterations and can be reproduced.
ITERATIONS_PER_SECOND = 400
__all__ = ["PlanProgress", "PlanProposal", "PlannedRoute", "PlannedStop", "SavedPlan",
           "UnplacedVisit", "propose_plan", "save_plan"]


def _scope(session: Session, day: date, base: str | None,
           shift: str | None) -> tuple[list[Shift], list[Shift]]:
    """(every shift of the day, the shifts the plan is for); bad filters are InvalidInput."""
    shifts = list(session.scalars(select(Shift).join(MbeBase, Shift.base_id == MbeBase.id)
                                  .where(Shift.shift_date == day)
                                  .order_by(MbeBase.name, Shift.starts_at)))
    chosen = shifts
    if base is not None:
        names = list(session.scalars(select(MbeBase.name).order_by(MbeBase.name)))
        match = next((n for n in names if n.casefold() == base.strip().casefold()), None)
        if match is None:
            raise InvalidInput("base", f"There is no MBE base called {base} "
                               f"(bases: {', '.join(names)}).")
        chosen = [s for s in chosen if s.base.name == match]
    if shift is not None:
        if shift not in {k.value for k in ShiftKind}:
            raise InvalidInput("shift", f"A shift is 'day' or 'evening', not {shift!r}.")
        chosen = [s for s in chosen if s.kind.value == shift]
    return shifts, chosen


def _fits_hours(job: Job, s: Shift) -> bool:
    return fits_shift(job.window_start, job.window_end, job.service, s.starts_at, s.ends_at)


def propose_plan(session: Session, day: date, *, base: str | None = None, shift: str | None = None,
                 time_limit: float = DEFAULT_TIME_LIMIT, seed: int = 1,
                 iterations: int | None = None,
                 cancel: Callable[[], bool] | None = None,
                 on_progress: Callable[[PlanProgress], None] | None = None,
                 now: datetime | None = None) -> PlanProposal:
    """Plan the ward day's MBE visits onto its cars (optionally one base and/or one shift).

    ``now`` (re-planning during the day): no car leaves before it, no visit starts before it,
    a visit whose window has closed is reported instead of planned, and a shift that has ended
    gets nothing.

    Reads only; nothing is written until :func:`save_plan`. Tray visits are in scope when their
    nearest base (by travel time) is the chosen base and their window fits the chosen shift kind;
    every planned visit on a car of a chosen shift is in scope (pinned ones stay on their car).
    """
    if iterations is None:
        iterations = max(1, round(ITERATIONS_PER_SECOND * time_limit))
    if time_limit <= 0 or iterations <= 0:
        raise InvalidInput("time_limit", "The time limit must be a positive number of seconds and "
                           "the iterations a positive number.")
    all_shifts, shifts = _scope(session, day, base, shift)
    limit = get_int(session, "max_cars_per_shift")
    provider = travel_provider(session)
    t0 = ward_day_bounds(day)[0]
    scope_cars = {sc.id: sc for s in shifts for sc in s.cars}
    bases = sorted({s.base for s in all_shifts}, key=lambda b: b.name)
    base_nodes = {b.id: n for n, b in enumerate(bases)}
    base_places = [Place(b.lat, b.lon) for b in bases]

    start, end = ward_day_bounds(day)
    rows = session.execute(
        select(Visit, Patient).join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id)
        .where(Visit.status == VisitStatus.PLANNED, Visit.provider == Provider.MBE,
               ((Visit.window_start >= start) & (Visit.window_start < end))
               | Visit.shift_car_id.in_(list(scope_cars) or [-1]))
        .order_by(Visit.window_start, Visit.id)).all()

    active = _active_cars(session, shifts, limit)
    active_ids = {sc.id for sc in active}
    jobs: list[Job] = []
    unplaced: list[UnplacedVisit] = []
    considered: dict[int, int] = {}
    current: dict[int, Current] = {}
    on_cars: dict[int, list[tuple[int, int]]] = {}  # shift car id -> (route order, visit id)
    for v, p in rows:
        job = Job(v.id, p.name, Place(p.lat, p.lon), v.window_start, v.window_end, v.service_minutes,
                  v.shift_car_id if v.pinned else None, needs=visit_needs(v.note, v.task),
                  on_car=None if v.pinned else v.shift_car_id)
        if v.shift_car_id is not None and v.shift_car_id in scope_cars:
            considered[v.id] = v.version
            if v.pinned and v.shift_car_id not in active_ids:
                sc = scope_cars[v.shift_car_id]
                state = "out of service" if not sc.in_service else "over the car limit of its shift"
                unplaced.append(_unplaced(job, f"pinned to {sc.car.call_sign}, which is {state}; left "
                                               "as it was: unpin it or move it by hand"))
                continue
        elif v.shift_car_id is not None or not _in_scope(job, shifts, bases, base, shift, provider):
            continue  # on a car outside the plan, or a tray visit of another base/shift
        considered[v.id] = v.version
        current[v.id] = Current(p.name, v.shift_car_id, v.eta)
        if v.shift_car_id is not None:
            on_cars.setdefault(v.shift_car_id, []).append((v.route_order or 0, v.id))
        jobs.append(job)

    def leaves(sc: ShiftCar) -> datetime:
        return max(sc.shift.starts_at, now) if now is not None else sc.shift.starts_at

    cars = [Car(sc.id, sc.shift_id, sc.car.call_sign, sc.shift.base.name, sc.shift.kind.value,
                base_nodes[sc.shift.base_id], minutes_after(t0, leaves(sc), up=True),
                minutes_after(t0, sc.shift.ends_at, up=False), sc.shift.starts_at, sc.shift.ends_at,
                crew_skills(sc.crew),
                rest_stop(break_window(session, sc.shift.starts_at, sc.shift.ends_at), t0,
                          base_nodes[sc.shift.base_id], now))
            for sc in active if leaves(sc) < sc.shift.ends_at]
    places = [*base_places, *(j.place for j in jobs)]
    if now is not None:  # what can no longer happen is said, not planned
        closed = [j for j in jobs if j.window_end <= now]
        unplaced += [_unplaced(j, f"its window closed at {hhmm(j.window_end)}: register it as "
                                  "done or missed, or give it a new window") for j in closed]
        jobs = [j for j in jobs if j.window_end > now]
    for n, job in enumerate(jobs):
        job.node = len(bases) + n
        opens = max(job.window_start, now) if now is not None else job.window_start
        job.early = minutes_after(t0, opens, up=True)
        job.late = minutes_after(t0, job.window_end, up=False)
    minutes = minutes_matrix(provider, places)
    metres = distance_matrix_m(provider, places)

    offered: list[Job] = []
    for job in jobs:
        reason = why_unservable(job, shifts, cars, minutes, t0, base, shift)
        if reason is None:
            offered.append(job)
        else:
            unplaced.append(_unplaced(job, reason))

    started = clock.perf_counter()
    search = Search(time_limit, cancel, lambda cost: (0, 0), on_progress, iterations)
    solved = Solved()
    if offered and cars:  # moving a visit to another car costs (units of 100 m)
        solved = solve(offered, cars, minutes, metres, search, seed,
                       {c: [v for _, v in sorted(r)] for c, r in on_cars.items()},
                       move_cost=10 * get_int(session, "replan_move_cost_km"))
    routes_by_car, objective = solved.routes, solved.cost
    seconds = clock.perf_counter() - started

    placed_ids = {j.visit_id for r in routes_by_car.values() for j in r}
    known: Reaches = {}  # one plan's cars and travel times: the reasons share what they work out
    for job in offered:
        if job.visit_id not in placed_ids:
            unplaced.append(_unplaced(job, why_not_placed(job, cars, minutes, offered, known)))
    routes = tuple(_route(car, routes_by_car.get(car.shift_car_id, []), minutes, metres, t0)
                   for car in cars)
    kept = {u.visit_id for u in unplaced if u.pinned}  # save_plan leaves them where they are
    return PlanProposal(
        day=day, base=base, shift=shift, routes=routes,
        unassigned=tuple(sorted(unplaced, key=lambda u: (u.window_start, u.visit_id))),
        objective=objective, seconds=round(seconds, 3),
        first_feasible_seconds=(None if search.first_feasible is None
                                else round(search.first_feasible, 3)),
        cancelled=search.cancelled, seed=seed,
        visit_versions=tuple(sorted(considered.items())),
        car_versions=tuple(sorted((i, sc.version) for i, sc in scope_cars.items())),
        iteration_budget=iterations, iterations=search.used, time_limit=time_limit,
        capped=search.capped,
        diff=diff_plan({i: c for i, c in current.items() if i not in kept},
                       routes, {i: sc.car.call_sign for i, sc in scope_cars.items()}))


def _active_cars(session: Session, shifts: Sequence[Shift], limit: int) -> list[ShiftCar]:
    """In-service cars of each shift, at most ``limit`` per shift counting cars already on the
    road that the plan cannot use (R-SHIFT); cars already on the road come first."""
    chosen: list[ShiftCar] = []
    for s in shifts:
        on_road = cars_on_the_road(session, s.id)
        blocked = {sc.id for sc in s.cars if sc.id in on_road and not sc.in_service}
        serving = sorted((sc for sc in s.cars if sc.in_service),
                         key=lambda sc: (sc.id not in on_road, sc.car.call_sign))
        chosen += serving[:max(0, limit - len(blocked))]
    return chosen


def _in_scope(job: Job, shifts: Sequence[Shift], bases: Sequence[MbeBase], base: str | None,
              shift: str | None, provider: TravelTimeProvider) -> bool:
    if shift is not None and not any(_fits_hours(job, s) for s in shifts):
        return False
    if base is not None and bases:
        closest = nearest({b.id: Place(b.lat, b.lon) for b in bases}, job.place, provider.minutes)
        return any(s.base_id == closest for s in shifts)
    return True


def _unplaced(job: Job, reason: str) -> UnplacedVisit:
    return UnplacedVisit(job.visit_id, job.patient, job.window_start, job.window_end, reason,
                         job.pinned_to is not None)


def _route(car: Car, jobs: Sequence[Job], minutes: Sequence[Sequence[int]],
           metres: Sequence[Sequence[int]], t0: datetime) -> PlannedRoute:
    rested = route_times_rested([j.stop() for j in jobs], car.rest, minutes, depot=car.node,
                                start=car.start, end=car.end)
    if car.rest is not None and not rested.schedule.feasible:  # a cancelled search: no break
        rested = route_times_rested([j.stop() for j in jobs], None, minutes, depot=car.node,
                                    start=car.start, end=car.end)
    sched = rested.schedule
    if not sched.feasible:  # the solver and the dispatch arithmetic disagree: a bug, never save it
        raise RuntimeError(f"planner produced an infeasible route for {car.call}: {sched.breaches}")
    path = [car.node, *(j.node for j in jobs), car.node]
    if rested.rest_after is not None:  # the drive back to base for the break
        path.insert(rested.rest_after + 1, car.node)
    km = sum(metres[a][b] for a, b in itertools.pairwise(path)) / 1000
    stops = tuple(PlannedStop(j.visit_id, j.patient, t0 + timedelta(minutes=m), j.window_start,
                              j.window_end, j.service, j.pinned_to is not None)
                  for j, m in zip(jobs, sched.starts, strict=True))
    rest_at = None if rested.rest_at is None else t0 + timedelta(minutes=rested.rest_at)
    return PlannedRoute(car.shift_car_id, car.call, car.base, car.kind, car.starts_at, car.ends_at,
                        stops, sched.driving, round(km, 1), t0 + timedelta(minutes=sched.back_at),
                        rest_at, car.rest.service if rest_at is not None and car.rest else 0)


def save_plan(session: Session, proposal: PlanProposal) -> SavedPlan:
    """Write a proposal in one transaction: cars, route order and ETA of every placed visit;
    un-pinned visits the plan could not place go back to the tray; done and pinned-but-unplaced
    visits are not touched. Refused with ``Conflict`` when any visit or car it was based on has
    changed, or a visit has landed on one of its cars since."""
    require_role(session, DISPATCH_ROLES, "save a route plan")
    car_versions = dict(proposal.car_versions)
    visit_versions = dict(proposal.visit_versions)
    cars = {sc.id: sc for sc in lock_cars(session, car_versions)}
    for car_id, version in car_versions.items():
        sc = cars.get(car_id)
        if sc is None:
            raise Conflict("plan (a car was removed)", None, None)
        if sc.version != version:
            raise Conflict(f"car {sc.car.call_sign}", sc.updated_by, sc.updated_at)
    visits = {v.id: v for v in session.scalars(
        select(Visit).where(Visit.id.in_(list(visit_versions) or [-1])).order_by(Visit.id)
        .with_for_update().execution_options(populate_existing=True))}
    for visit_id, version in visit_versions.items():
        v = visits.get(visit_id)
        if v is None:
            raise Conflict(f"visit {visit_id} (removed)", None, None)
        if v.version != version:
            raise Conflict(f"visit {visit_id}", v.updated_by, v.updated_at)
    newcomer = session.scalars(select(Visit).where(
        Visit.shift_car_id.in_(list(car_versions) or [-1]), Visit.status == VisitStatus.PLANNED,
        Visit.id.not_in(list(visit_versions) or [-1]))).first()
    if newcomer is not None:
        raise Conflict(f"route (visit {newcomer.id} was put on a car)", newcomer.updated_by,
                       newcomer.updated_at)

    placed = {s.visit_id for r in proposal.routes for s in r.stops}
    kept_pinned = {u.visit_id for u in proposal.unassigned if u.pinned}
    to_tray = []
    for v in visits.values():
        if v.id not in placed and v.id not in kept_pinned and v.shift_car_id is not None:
            v.shift_car_id = v.route_order = v.eta = None
            v.pinned = False
            to_tray.append(v.id)
    session.flush()
    for route in proposal.routes:
        sc = cars[route.shift_car_id]
        _recheck(route, sc)
        write_route(session, sc, [visits[s.visit_id] for s in route.stops], [s.eta for s in route.stops])
    session.flush()
    limit = get_int(session, "max_cars_per_shift")
    for shift_id in {cars[r.shift_car_id].shift_id for r in proposal.routes if r.stops}:
        if len(cars_on_the_road(session, shift_id)) > limit:  # R-SHIFT, whatever the plan said
            raise RuleViolation("R-SHIFT", "plan", f"The plan puts more than {limit} cars on the road "
                                "in one shift (R-SHIFT); plan again.")
    used = sum(1 for r in proposal.routes if r.stops)
    session.add(RoutePlan(day=proposal.day, base=proposal.base, shift_kind=proposal.shift,
                          seed=proposal.seed, iteration_budget=proposal.iteration_budget,
                          iterations=proposal.iterations, time_limit=proposal.time_limit,
                          capped=proposal.capped, placed=len(placed), cars=used,
                          saved_at=datetime.now(UTC), saved_by=acting_user(session)))
    return SavedPlan(len(placed), tuple(sorted(to_tray)), used)


def _recheck(route: PlannedRoute, sc: ShiftCar) -> None:
    """R-SHIFT again at save time: every stop sits inside its window and inside the shift
    (travel was checked when the plan was made; a car taken out of service since then has a
    new version, which ``save_plan`` refuses before this)."""
    for stop in route.stops:
        ends = stop.eta + timedelta(minutes=stop.service_minutes)
        if not (stop.window_start <= stop.eta <= stop.window_end
                and sc.shift.starts_at <= stop.eta and ends <= sc.shift.ends_at):
            raise RuleViolation("R-SHIFT", "plan", f"Visit {stop.visit_id} at {hhmm(stop.eta)} is "
                                f"outside its window or {route.car}'s shift; plan again.")
