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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import (
    Admission,
    Car,
    MbeBase,
    Municipality,
    Patient,
    Provider,
    Role,
    Shift,
    ShiftCar,
    Visit,
    VisitStatus,
)
from console.services.core.access import require_role
from console.services.core.errors import Conflict, InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_int
from console.services.core.travel import Place, minutes_matrix, travel_provider
from console.services.core.uow import check_version
from console.services.dispatch.routing import (
    Schedule,
    TimedStop,
    best_insertion,
    minutes_after,
    schedule_route,
)
from console.timeutil import format_local, local_date, ward_day_bounds

DISPATCH_ROLES = {Role.DISPATCHER}
MAX_VISIT_MINUTES = 60  # R-VISIT-LEN: strictly less than one hour per visit


# --- rows (no ORM object leaves this module) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class ShiftCarRow:
    shift_car_id: int
    shift_id: int
    car_id: int
    call_sign: str
    crew: str | None
    in_service: bool
    planned_visits: int
    version: int


@dataclass(frozen=True, slots=True)
class ShiftRow:
    shift_id: int
    base_id: int
    base: str
    kind: str
    shift_date: date
    starts_at: datetime
    ends_at: datetime
    cars: tuple[ShiftCarRow, ...]
    version: int


@dataclass(frozen=True, slots=True)
class MbeVisitRow:
    visit_id: int
    admission_id: int
    patient: str
    municipality: str
    address: str
    phone: str | None
    kind: str
    window_start: datetime
    window_end: datetime
    service_minutes: int
    status: str
    shift_car_id: int | None
    call_sign: str | None
    route_order: int | None
    eta: datetime | None
    pinned: bool
    location_approximate: bool
    lat: float
    lon: float
    version: int


@dataclass(frozen=True, slots=True)
class RouteRow:
    """One car's route in a shift: its stops in route order and what driving them costs."""

    shift_car_id: int
    call_sign: str
    base: str
    shift: str
    starts_at: datetime
    ends_at: datetime
    stops: tuple[MbeVisitRow, ...]
    driving_minutes: int
    returns_at: datetime


@dataclass(frozen=True, slots=True)
class ServiceChange:
    """What taking a car out of (or into) service did to its route."""

    car: ShiftCarRow
    unassigned: tuple[int, ...]  # un-pinned planned visits sent back to the tray
    kept_pinned: tuple[int, ...]  # pinned visits left on the car for the dispatcher to move


# --- reading --------------------------------------------------------------------------------

def list_shifts(session: Session, day: date) -> list[ShiftRow]:
    """The shifts of a ward day per base (day before evening) with their cars and crews."""
    counts = dict(session.execute(
        select(Visit.shift_car_id, func.count()).join(ShiftCar, Visit.shift_car_id == ShiftCar.id)
        .join(Shift, ShiftCar.shift_id == Shift.id)
        .where(Shift.shift_date == day, Visit.status == VisitStatus.PLANNED)
        .group_by(Visit.shift_car_id)).all())
    shifts = session.scalars(select(Shift).join(MbeBase, Shift.base_id == MbeBase.id)
                             .where(Shift.shift_date == day).order_by(MbeBase.name, Shift.starts_at))
    return [ShiftRow(s.id, s.base_id, s.base.name, s.kind.value, s.shift_date, s.starts_at, s.ends_at,
                     tuple(sorted((_car_row(sc, counts.get(sc.id, 0)) for sc in s.cars),
                                  key=lambda c: c.call_sign)), s.version) for s in shifts]


def _car_row(sc: ShiftCar, planned: int) -> ShiftCarRow:
    return ShiftCarRow(sc.id, sc.shift_id, sc.car_id, sc.car.call_sign, sc.crew, sc.in_service,
                       planned, sc.version)


def _visit_rows(session: Session, *where: object) -> list[MbeVisitRow]:
    stmt = (
        select(Visit, Patient, Municipality.name, Car.call_sign)
        .join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id)
        .join(Municipality, Patient.municipality_id == Municipality.id)
        .outerjoin(ShiftCar, Visit.shift_car_id == ShiftCar.id)
        .outerjoin(Car, ShiftCar.car_id == Car.id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Visit.window_start, Visit.id)
    )
    return [MbeVisitRow(v.id, v.admission_id, p.name, muni, p.address, p.phone, v.kind.value,
                        v.window_start, v.window_end, v.service_minutes, v.status.value,
                        v.shift_car_id, call, v.route_order, v.eta, v.pinned, p.location_approximate,
                        p.lat, p.lon, v.version)
            for v, p, muni, call in session.execute(stmt)]


def mbe_visits(session: Session, day: date) -> list[MbeVisitRow]:
    """Every MBE visit whose window opens on the ward day: the tray and the cars' routes alike."""
    start, end = ward_day_bounds(day)
    return _visit_rows(session, Visit.provider == Provider.MBE, Visit.window_start >= start,
                       Visit.window_start < end)


def car_route(session: Session, shift_car_id: int) -> RouteRow:
    """A car's route: planned and done stops in route order; times from the planned ones."""
    sc = _shift_car(session, shift_car_id)
    stops = [r for r in _visit_rows(session, Visit.shift_car_id == sc.id)
             if r.status in (VisitStatus.PLANNED.value, VisitStatus.DONE.value)]
    stops.sort(key=lambda r: (r.route_order is None, r.route_order or 0, r.eta or r.window_start))
    planned = route_visits(session, sc.id)
    sched, ref = schedule_of(session, sc, planned)
    return RouteRow(sc.id, sc.car.call_sign, sc.shift.base.name, sc.shift.kind.value,
                    sc.shift.starts_at, sc.shift.ends_at, tuple(stops), sched.driving,
                    ref + timedelta(minutes=sched.back_at))


# --- locking and loading helpers ----------------------------------------------------------------

def _shift_car(session: Session, shift_car_id: int) -> ShiftCar:
    sc = session.get(ShiftCar, shift_car_id)
    if sc is None:
        raise NotFound("car in a shift", shift_car_id)
    return sc


def lock_cars(session: Session, ids: Iterable[int]) -> list[ShiftCar]:
    """Lock shift cars in ascending id order (the first half of the module's lock order)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return list(session.scalars(select(ShiftCar).where(ShiftCar.id.in_(wanted)).order_by(ShiftCar.id)
                                .with_for_update().execution_options(populate_existing=True)))


def _lock_visit(session: Session, visit_id: int) -> Visit:
    visit = session.scalars(select(Visit).where(Visit.id == visit_id).with_for_update()
                            .execution_options(populate_existing=True)).first()
    if visit is None:
        raise NotFound("visit", visit_id)
    return visit


def route_visits(session: Session, shift_car_id: int, *, exclude: int | None = None,
                  lock: bool = False) -> list[Visit]:
    """The planned visits on a car in route order (unordered ones last, by window)."""
    stmt = (select(Visit).where(Visit.shift_car_id == shift_car_id,
                                Visit.status == VisitStatus.PLANNED)
            .order_by(Visit.route_order.is_(None), Visit.route_order, Visit.window_start, Visit.id))
    if exclude is not None:
        stmt = stmt.where(Visit.id != exclude)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return list(session.scalars(stmt))


def _places(session: Session, visits: Sequence[Visit]) -> list[Place]:
    """The patients' points of ``visits``, in the same order."""
    ids = [v.id for v in visits]
    rows = session.execute(
        select(Visit.id, Patient.lat, Patient.lon).join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id).where(Visit.id.in_(ids)))
    found = {i: Place(lat, lon) for i, lat, lon in rows}
    return [found[i] for i in ids]


def _timed(visits: Sequence[Visit], ref: datetime, first_node: int = 1) -> list[TimedStop]:
    return [TimedStop(v.id, first_node + n, minutes_after(ref, v.window_start, up=True),
                      minutes_after(ref, v.window_end, up=False), v.service_minutes)
            for n, v in enumerate(visits)]


def schedule_of(session: Session, sc: ShiftCar, visits: Sequence[Visit]) -> tuple[Schedule, datetime]:
    """The schedule of ``visits`` in this order on car ``sc``; minute 0 is the shift start."""
    shift = sc.shift
    ref = shift.starts_at
    base = Place(shift.base.lat, shift.base.lon)
    matrix = minutes_matrix(travel_provider(session), [base, *_places(session, visits)])
    end = minutes_after(ref, shift.ends_at, up=False)
    return schedule_route(_timed(visits, ref), matrix, depot=0, start=0, end=end), ref


def etas_of(sched: Schedule, ref: datetime) -> list[datetime]:
    return [ref + timedelta(minutes=m) for m in sched.starts]


def write_route(session: Session, sc: ShiftCar, visits: Sequence[Visit], etas: Sequence[datetime]) -> None:
    """Route order and ETA for every planned stop; done stops keep their numbers, so planned
    ones are numbered after them. Unchanged values are not rewritten (no needless version bump)."""
    offset = session.scalar(select(func.max(Visit.route_order)).where(
        Visit.shift_car_id == sc.id, Visit.status != VisitStatus.PLANNED)) or 0
    for n, (visit, eta) in enumerate(zip(visits, etas, strict=True), start=1):
        if visit.shift_car_id != sc.id:
            visit.shift_car_id = sc.id
        if visit.route_order != offset + n:
            visit.route_order = offset + n
        if visit.eta != eta:
            visit.eta = eta


def _reschedule(session: Session, shift_car_id: int) -> None:
    sc = _shift_car(session, shift_car_id)
    visits = route_visits(session, sc.id, lock=True)
    sched, ref = schedule_of(session, sc, visits)
    write_route(session, sc, visits, etas_of(sched, ref))


# --- checks ---------------------------------------------------------------------------------

def _hhmm(at: datetime) -> str:
    return format_local(at, "%H:%M")


def _describe_shift(sc: ShiftCar) -> str:
    s = sc.shift
    return f"{sc.car.call_sign}'s {s.kind.value} shift {_hhmm(s.starts_at)}–{_hhmm(s.ends_at)}"


def check_assignable(visit: Visit) -> None:
    """What any car needs of a visit: an MBE visit (R-MBE-SUPPORT), still planned, under an
    hour (R-VISIT-LEN)."""
    if visit.provider is not Provider.MBE:
        raise RuleViolation("R-MBE-SUPPORT", "provider",
                            f"Visit {visit.id} is given by the municipality. The MBE only takes it "
                            "over when the e-nurse hands it to the MBE (R-MBE-SUPPORT).")
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status",
                            f"Visit {visit.id} is already {visit.status.value}; only planned visits "
                            "can be put on a car.")
    if visit.service_minutes >= MAX_VISIT_MINUTES:
        raise RuleViolation("R-VISIT-LEN", "service_minutes",
                            f"Visit {visit.id} is planned for {visit.service_minutes} min; a visit "
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
    earliest = max(visit.window_start, shift.starts_at)
    latest = min(visit.window_end, shift.ends_at - timedelta(minutes=visit.service_minutes))
    if earliest > latest:
        raise RuleViolation("R-SHIFT", "window",
                            f"Visit {visit.id}'s window {_hhmm(visit.window_start)}–"
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
                            [Place(shift.base.lat, shift.base.lon), *_places(session, route)])
    stops = _timed(route, ref)
    end = minutes_after(ref, shift.ends_at, up=False)
    pos, sched = best_insertion(stops[:-1], stops[-1], matrix, depot=0, start=0, end=end)
    ordered = [*others[:pos], visit, *others[pos:]]
    if not sched.feasible:
        raise RuleViolation("R-SHIFT", "route", _breach_message(sc, visit, ordered, sched, ref, session))
    return ordered, sched, ref


def _breach_message(sc: ShiftCar, visit: Visit, ordered: Sequence[Visit], sched: Schedule,
                    ref: datetime, session: Session) -> str:
    first = sched.breaches[0]
    call, shift = sc.car.call_sign, sc.shift
    head = f"{call} cannot take visit {visit.id} at any point of its route"
    if first.visit_id is None:
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
        return [_shift_car(session, car)]
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


def assign_visit_to_car(session: Session, visit_id: int, car: int | str, *, day: date | None = None,
                        pin: bool = False, expected_version: int | None = None) -> RouteRow:
    """Put an MBE visit on a car (a shift car id, or a call sign whose shift on ``day`` fits).

    The visit goes in at the best feasible position of the car's route and every stop's route
    order and ETA is rewritten. A visit already on another car moves (its old route is re-timed).
    ``pin`` sets whether the planner must keep it on this car. With a call sign, the ward day
    defaults to the visit's own and each of that car's shifts on the day is tried in turn.
    """
    require_role(session, DISPATCH_ROLES, "assign MBE visits to cars")
    seen = session.get(Visit, visit_id)
    if seen is None:
        raise NotFound("visit", visit_id)
    old_car = seen.shift_car_id
    targets = _target_cars(session, car, day or local_date(seen.window_start))
    lock_cars(session, [t.id for t in targets] + ([old_car] if old_car is not None else []))
    visit = _lock_visit(session, visit_id)
    check_version(visit, expected_version, f"visit {visit_id}")
    if visit.shift_car_id != old_car:  # moved by another desk between our read and our lock
        raise Conflict(f"visit {visit_id}", visit.updated_by, visit.updated_at)
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
        _reschedule(session, old_car)
        session.flush()
    return car_route(session, target.id)


def unassign_visit(session: Session, visit_id: int, *,
                   expected_version: int | None = None) -> MbeVisitRow:
    """Take a planned visit off its car, back into the tray (unpinned); the route is re-timed."""
    require_role(session, DISPATCH_ROLES, "take MBE visits off cars")
    seen = session.get(Visit, visit_id)
    if seen is None:
        raise NotFound("visit", visit_id)
    old_car = seen.shift_car_id
    lock_cars(session, [old_car] if old_car is not None else [])
    visit = _lock_visit(session, visit_id)
    check_version(visit, expected_version, f"visit {visit_id}")
    if visit.shift_car_id != old_car:
        raise Conflict(f"visit {visit_id}", visit.updated_by, visit.updated_at)
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status", f"Visit {visit_id} is already "
                            f"{visit.status.value}; it stays on the car that made it.")
    visit.shift_car_id = visit.route_order = visit.eta = None
    visit.pinned = False
    session.flush()
    if old_car is not None:
        _reschedule(session, old_car)
        session.flush()
    return _visit_rows(session, Visit.id == visit_id)[0]


def set_pinned(session: Session, visit_id: int, pinned: bool, *,
               expected_version: int | None = None) -> MbeVisitRow:
    """Pin a visit to its car (the planner keeps it there) or release it."""
    require_role(session, DISPATCH_ROLES, "pin MBE visits")
    visit = _lock_visit(session, visit_id)
    check_version(visit, expected_version, f"visit {visit_id}")
    if pinned and visit.shift_car_id is None:
        raise InvalidInput("pinned", f"Visit {visit_id} is in the tray; put it on a car before "
                           "pinning it there.")
    if visit.status is not VisitStatus.PLANNED:
        raise RuleViolation("R-REGISTER", "status", f"Visit {visit_id} is already "
                            f"{visit.status.value}; there is nothing left to plan.")
    visit.pinned = pinned
    session.flush()
    return _visit_rows(session, Visit.id == visit_id)[0]


def set_car_in_service(session: Session, shift_car_id: int, in_service: bool,
                       expected_version: int | None = None) -> ServiceChange:
    """Put a car in or out of service for its shift.

    Out of service: its un-pinned planned visits go back to the tray (reported), pinned ones stay
    for the dispatcher to move deliberately (also reported). Into service: refused when the
    shift already has ``max_cars_per_shift`` cars in service (R-SHIFT).
    """
    require_role(session, DISPATCH_ROLES, "change a car's service")
    locked = lock_cars(session, [shift_car_id])
    if not locked:
        raise NotFound("car in a shift", shift_car_id)
    sc = locked[0]
    check_version(sc, expected_version, f"car {sc.car.call_sign}")
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
    session.flush()
    if moved and kept:
        _reschedule(session, sc.id)
        session.flush()
    return ServiceChange(_car_row(sc, len(route_visits(session, sc.id))), tuple(moved), tuple(kept))


def set_crew(session: Session, shift_car_id: int, crew: str | None,
             expected_version: int | None = None) -> ShiftCarRow:
    """Who drives the car this shift (free text, e.g. "Anne Holm / Per Dahl")."""
    require_role(session, DISPATCH_ROLES, "staff a car")
    locked = lock_cars(session, [shift_car_id])
    if not locked:
        raise NotFound("car in a shift", shift_car_id)
    sc = locked[0]
    check_version(sc, expected_version, f"car {sc.car.call_sign}")
    text = (crew or "").strip() or None
    if text is not None and len(text) > 200:
        raise InvalidInput("crew", "The crew text is at most 200 characters.")
    sc.crew = text
    session.flush()
    return _car_row(sc, len(route_visits(session, sc.id)))
