"""MBE dispatch: the shifts and cars of a ward day, its MBE visits, and putting visits on cars.

Rules enforced here (domain.md): **R-SHIFT** (a visit must fit inside its car's shift, travel
included; at most ``max_cars_per_shift`` cars per base and shift; only a car in service takes
visits), **R-VISIT-LEN** (staff stay under an hour), **R-MBE-SUPPORT** (only MBE visits go on a
car: a municipal visit reaches the MBE through the e-nurse first). R-FIRST is why first visits are
MBE visits and arrive in this tray at all.

Route times are whole minutes, computed by ``routing.schedule_route`` from the travel provider's
minute matrix (``console.services.core.travel``, rounded up, so a route is never optimistic). A car
leaves its base at the shift start, drives to each stop in route order, waits if it is early,
starts the visit no later than the window end, and must be back at base by the shift end. The
ETA stored on a visit is the planned start of service. The automatic planner
(``console.services.dispatch.planner``) uses the same arithmetic, so a plan and a hand assignment never
disagree about what fits. Done visits keep their place and route number on a car but take no
time in the schedule (they are history).

Races: every write locks rows in one order, **shift_car rows first (ascending id), then visit
rows**, so two desks cannot deadlock, and relies on the version column; a stale
``expected_version`` raises ``Conflict`` naming who changed the row and when (design rule 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import Car, Shift, ShiftCar, Visit
from console.services.core.access import require_role
from console.services.core.errors import Conflict, InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_int
from console.services.core.travel import Place, minutes_matrix, travel_provider
from console.services.core.uow import check_version, get_existing
from console.services.dispatch.breaks import break_window, rest_stop
from console.services.dispatch.routes import (
    MbeVisitRow,
    RouteRow,
    ServiceChange,
    ShiftCarRow,
    car_route,
    etas_of,
    lock_cars,
    lock_visit,
    mbe_visit_rows,
    places_of,
    reschedule,
    route_visits,
    schedule_of,
    shift_car,
    shift_car_row,
    timed_stops,
    write_route,
)
from console.services.dispatch.routing import (
    BREAK_ID,
    Schedule,
    best_insertion_rested,
    minutes_after,
)
from console.services.dispatch.rules import fits_shift
from console.services.dispatch.skills import crew_skills, listed, missing, visit_needs
from console.timeutil import format_local, local_date
from console.vocabulary import Provider, Role, VisitStatus

DISPATCH_ROLES = {Role.DISPATCHER}
MAX_VISIT_MINUTES = 60  # R-VISIT-LEN: strictly less than one hour per visit


# --- checks ---------------------------------------------------------------------------------

def _hhmm(at: datetime) -> str:
    return format_local(at, "%H:%M")


def _describe_shift(sc: ShiftCar) -> str:
    s = sc.shift
    return f"{sc.car.call_sign}'s {s.kind.value} shift {_hhmm(s.starts_at)}–{_hhmm(s.ends_at)}"


def _named(visit: Visit) -> str:
    """A visit as a refusal names it to the dispatcher: "5443 (Karen Holm)", not a bare id."""
    return f"{visit.id} ({visit.admission.patient.name})"


def check_assignable(visit: Visit) -> None:
    """What any car needs of a visit: an MBE visit (R-MBE-SUPPORT), still planned, under an
    hour (R-VISIT-LEN)."""
    if visit.provider is not Provider.MBE:
        raise RuleViolation("R-MBE-SUPPORT", "provider",
                            f"Visit {_named(visit)} is given by the municipality. The MBE only takes it "
                            "over when the e-nurse hands it to the MBE (R-MBE-SUPPORT).")
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status",
                            f"Visit {_named(visit)} is already {visit.status.value}; only planned visits "
                            "can be put on a car.")
    if visit.service_minutes >= MAX_VISIT_MINUTES:
        raise RuleViolation("R-VISIT-LEN", "service_minutes",
                            f"Visit {_named(visit)} is planned for {visit.service_minutes} min; a visit "
                            f"must be under {MAX_VISIT_MINUTES} min (R-VISIT-LEN). Shorten it first.")


def cars_on_the_road(session: Session, shift_id: int) -> set[int]:
    """Shift cars of a shift that hold planned or done visits (they count against R-SHIFT)."""
    return set(session.scalars(
        select(Visit.shift_car_id).join(ShiftCar, Visit.shift_car_id == ShiftCar.id)
        .where(ShiftCar.shift_id == shift_id,
               Visit.status.in_((VisitStatus.PLANNED, VisitStatus.DONE))).distinct()))


def _insert(session: Session, sc: ShiftCar, visit: Visit) -> tuple[list[Visit], Schedule, datetime]:
    """Car ``sc``'s route with ``visit`` inserted at its best feasible position, or RuleViolation."""
    shift = sc.shift
    call = sc.car.call_sign
    if not sc.in_service:
        raise RuleViolation("R-SHIFT", "car",
                            f"{call} is not in service in the {shift.kind.value} shift at "
                            f"{shift.base.name}; put it in service or choose another car.")
    lacking = missing(visit_needs(visit.note, visit.task), crew_skills(sc.crew))
    if lacking:
        raise RuleViolation("R-CREW-SKILL", "car",
                            f"Visit {_named(visit)} needs {listed(lacking)}, which {call}'s crew does not "
                            "have (R-CREW-SKILL): choose a car whose crew has it, or add it in "
                            "brackets after a name in the crew.")
    if not fits_shift(visit.window_start, visit.window_end, visit.service_minutes,
                      shift.starts_at, shift.ends_at):
        raise RuleViolation("R-SHIFT", "window",
                            f"Visit {_named(visit)}'s window {_hhmm(visit.window_start)}–"
                            f"{_hhmm(visit.window_end)} ({visit.service_minutes} min) does not fit "
                            f"{_describe_shift(sc)}: it must start and end inside the shift (R-SHIFT).")
    others = route_visits(session, sc.id, exclude=visit.id)
    on_road = cars_on_the_road(session, shift.id)
    limit = get_int(session, "max_cars_per_shift")
    if sc.id not in on_road and len(on_road) >= limit:
        raise RuleViolation("R-SHIFT", "car",
                            f"The {shift.kind.value} shift at {shift.base.name} already has "
                            f"{len(on_road)} cars on the road; at most {limit} (R-SHIFT). Put the "
                            "visit on one of them.")
    ref = shift.starts_at
    route = [*others, visit]
    matrix = minutes_matrix(travel_provider(session),
                            [Place(shift.base.lat, shift.base.lon), *places_of(session, route)])
    stops = timed_stops(route, ref)
    end = minutes_after(ref, shift.ends_at, up=False)
    rest = rest_stop(break_window(session, shift.starts_at, shift.ends_at), ref, 0)
    pos, rested = best_insertion_rested(stops[:-1], stops[-1], rest, matrix, depot=0, start=0,
                                        end=end)
    sched = rested.schedule
    ordered = [*others[:pos], visit, *others[pos:]]
    if not sched.feasible and rest is not None and best_insertion_rested(
            stops[:-1], stops[-1], None, matrix, depot=0, start=0, end=end)[1].schedule.feasible:
        opens, closes = ref + timedelta(minutes=rest.early), ref + timedelta(minutes=rest.late)
        raise RuleViolation("R-BREAK", "route",
                            f"{call} cannot take visit {visit.id}: its route would leave no room "
                            f"for the crew's {rest.service}-min break starting between "
                            f"{_hhmm(opens)} and {_hhmm(closes)} at {shift.base.name} (R-BREAK). "
                            "Choose another car.")
    if not sched.feasible:
        raise RuleViolation("R-SHIFT", "route", _breach_message(sc, visit, ordered, sched, ref, session))
    return ordered, sched, ref


def _breach_message(sc: ShiftCar, visit: Visit, ordered: Sequence[Visit], sched: Schedule,
                    ref: datetime, session: Session) -> str:
    first = sched.breaches[0]
    call, shift = sc.car.call_sign, sc.shift
    head = f"{call} cannot take visit {visit.id} at any point of its route"
    if first.visit_id == BREAK_ID:
        text = (f"{head}: the crew's break would start at "
                f"{_hhmm(ref + timedelta(minutes=first.at))}, {first.minutes} min after the latest "
                f"start its window allows (R-BREAK).")
    elif first.visit_id is None:
        text = (f"{head}: at best it is back at {shift.base.name} at "
                f"{_hhmm(ref + timedelta(minutes=first.at))}, {first.minutes} min after the "
                f"{shift.kind.value} shift ends at {_hhmm(shift.ends_at)} (R-SHIFT).")
    else:
        late = next(v for v in ordered if v.id == first.visit_id)
        who = "it" if late.id == visit.id else f"visit {late.id}"
        text = (f"{head}: at best {who} would start at {_hhmm(ref + timedelta(minutes=first.at))}, "
                f"{first.minutes} min after its window closes at {_hhmm(late.window_end)} (R-SHIFT).")
    before, _ = schedule_of(session, sc, [v for v in ordered if v.id != visit.id])
    if not before.feasible:
        text += " Its route is already late without this visit: re-plan it or move a visit off it."
    return text


# --- writing --------------------------------------------------------------------------------

def _target_cars(session: Session, car: int | str, day: date) -> list[ShiftCar]:
    if isinstance(car, int):
        return [shift_car(session, car)]
    call = car.strip().upper()
    found = list(session.scalars(
        select(ShiftCar).join(Shift, ShiftCar.shift_id == Shift.id).join(Car, ShiftCar.car_id == Car.id)
        .where(func.upper(Car.call_sign) == call, Shift.shift_date == day).order_by(Shift.starts_at)))
    if found:
        return found
    if session.scalar(select(Car.id).where(func.upper(Car.call_sign) == call)) is None:
        raise InvalidInput("car", f"There is no car with call sign {car}.")
    raise RuleViolation("R-SHIFT", "car", f"{call} has no shift on {day.isoformat()}; staff a shift "
                        "for it first.")


def _locked_visit(session: Session, visit_id: int, old_car: int | None, cars: list[int],
                  expected_version: int | None) -> Visit:
    """Lock ``cars`` and the visit's ``old_car`` (as first read), then the visit at the version
    the desk saw; a visit another desk moved between the read and the lock is a Conflict."""
    lock_cars(session, cars + ([old_car] if old_car is not None else []))
    visit = lock_visit(session, visit_id)
    check_version(visit, expected_version, f"visit {visit_id}")
    if visit.shift_car_id != old_car:  # moved by another desk between our read and our lock
        raise Conflict(f"visit {visit_id}", visit.updated_by, visit.updated_at)
    return visit


def _locked_car(session: Session, shift_car_id: int, expected_version: int | None) -> ShiftCar:
    """Lock a car in a shift at the version the desk saw."""
    locked = lock_cars(session, [shift_car_id])
    if not locked:
        raise NotFound("car in a shift", shift_car_id)
    sc = locked[0]
    check_version(sc, expected_version, f"car {sc.car.call_sign}")
    return sc


def assign_visit_to_car(session: Session, visit_id: int, car: int | str, *, day: date | None = None,
                        pin: bool = False, expected_version: int | None = None) -> RouteRow:
    """Put an MBE visit on a car (a shift car id, or a call sign whose shift on ``day`` fits).

    The visit goes in at the best feasible position of the car's route and every stop's route
    order and ETA is rewritten. A visit already on another car moves (its old route is re-timed).
    ``pin`` sets whether the planner must keep it on this car. With a call sign, the ward day
    defaults to the visit's own and each of that car's shifts on the day is tried in turn.
    """
    require_role(session, DISPATCH_ROLES, "assign MBE visits to cars")
    seen = get_existing(session, Visit, visit_id, "visit")  # unlocked: which cars to lock first
    old_car = seen.shift_car_id
    targets = _target_cars(session, car, day or local_date(seen.window_start))
    visit = _locked_visit(session, visit_id, old_car, [t.id for t in targets], expected_version)
    check_assignable(visit)
    failures: list[RuleViolation] = []
    for target in targets:
        try:
            ordered, sched, ref = _insert(session, target, visit)
        except RuleViolation as exc:
            failures.append(exc)
            continue
        break
    else:
        rank = {"route": 0, "car": 1, "window": 2}
        raise min(failures, key=lambda e: rank.get(e.field or "", 3))
    visit.pinned = pin
    write_route(session, target, ordered, etas_of(sched, ref))
    session.flush()
    if old_car is not None and old_car != target.id:
        reschedule(session, old_car)
        session.flush()
    return car_route(session, target.id)


def unassign_visit(session: Session, visit_id: int, *,
                   expected_version: int | None = None) -> MbeVisitRow:
    """Take a planned visit off its car, back into the tray (unpinned); the route is re-timed."""
    require_role(session, DISPATCH_ROLES, "take MBE visits off cars")
    old_car = get_existing(session, Visit, visit_id, "visit").shift_car_id
    visit = _locked_visit(session, visit_id, old_car, [], expected_version)
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status", f"Visit {visit_id} is already "
                            f"{visit.status.value}; it stays on the car that made it.")
    visit.shift_car_id = visit.route_order = visit.eta = None
    visit.pinned = False
    session.flush()
    if old_car is not None:
        reschedule(session, old_car)
        session.flush()
    return mbe_visit_rows(session, Visit.id == visit_id)[0]


def set_pinned(session: Session, visit_id: int, pinned: bool, *,
               expected_version: int | None = None) -> MbeVisitRow:
    """Pin a visit to its car (the planner keeps it there) or release it."""
    require_role(session, DISPATCH_ROLES, "pin MBE visits")
    visit = lock_visit(session, visit_id)
    check_version(visit, expected_version, f"visit {visit_id}")
    if pinned and visit.shift_car_id is None:
        raise InvalidInput("pinned", f"Visit {visit_id} is in the tray; put it on a car before "
                           "pinning it there.")
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status", f"Visit {visit_id} is already "
                            f"{visit.status.value}; there is nothing left to plan.")
    visit.pinned = pinned
    session.flush()
    return mbe_visit_rows(session, Visit.id == visit_id)[0]


def set_car_in_service(session: Session, shift_car_id: int, in_service: bool,
                       expected_version: int | None = None, *,
                       reason: str | None = None) -> ServiceChange:
    """Put a car in or out of service for its shift; out of service with the ``reason`` (kept on
    the shift's car, cleared when it is back in service).

    Out of service: its un-pinned planned visits go back to the tray (reported), pinned ones stay
    for the dispatcher to move deliberately (also reported). Into service: refused when the
    shift already has ``max_cars_per_shift`` cars in service (R-SHIFT).
    """
    require_role(session, DISPATCH_ROLES, "change a car's service")
    sc = _locked_car(session, shift_car_id, expected_version)
    moved: list[int] = []
    kept: list[int] = []
    if in_service and not sc.in_service:
        limit = get_int(session, "max_cars_per_shift")
        serving = sum(1 for other in sc.shift.cars if other.in_service and other.id != sc.id)
        if serving >= limit:
            raise RuleViolation("R-SHIFT", "in_service",
                                f"The {sc.shift.kind.value} shift at {sc.shift.base.name} already has "
                                f"{serving} cars in service; at most {limit} (R-SHIFT).")
    if not in_service:
        for visit in route_visits(session, sc.id, lock=True):
            if visit.pinned:
                kept.append(visit.id)
            else:
                visit.shift_car_id = visit.route_order = visit.eta = None
                moved.append(visit.id)
    sc.in_service = in_service
    text = (reason or "").strip() or None
    if text is not None and len(text) > 200:
        raise InvalidInput("reason", "The reason is at most 200 characters.")
    sc.out_of_service_reason = None if in_service else text
    session.flush()
    if moved and kept:
        reschedule(session, sc.id)
        session.flush()
    return ServiceChange(shift_car_row(sc, len(route_visits(session, sc.id))), tuple(moved), tuple(kept))


def set_crew(session: Session, shift_car_id: int, crew: str | None,
             expected_version: int | None = None) -> ShiftCarRow:
    """Who drives the car this shift (free text, e.g. "Anne Holm / Per Dahl")."""
    require_role(session, DISPATCH_ROLES, "staff a car")
    sc = _locked_car(session, shift_car_id, expected_version)
    text = (crew or "").strip() or None
    if text is not None and len(text) > 200:
        raise InvalidInput("crew", "The crew text is at most 200 characters.")
    sc.crew = text
    session.flush()
    return shift_car_row(sc, len(route_visits(session, sc.id)))
