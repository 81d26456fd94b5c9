"""A ward day's shifts, cars and MBE visits as rows, and a car's route with its schedule.

Rows (no ORM object leaves): the shifts per base with their cars, every MBE visit of the day,
a car's route. The route arithmetic the board's writes and the planner share: a car's planned
visits in route order, their schedule from the travel provider's minute matrix (R-SHIFT: the
car leaves its base at the shift start and is back by its end), writing route order and ETAs.
Locks are taken shift cars first (ascending id), then visits (``board``'s lock order).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.models import Admission, Car, MbeBase, Municipality, Patient, Shift, ShiftCar, Visit
from console.services.core.errors import NotFound
from console.services.core.settings_store import get_int
from console.services.core.travel import Place, minutes_matrix, travel_provider
from console.services.core.uow import get_existing
from console.services.course.visits import select_visits
from console.services.dispatch.breaks import break_window, rest_stop
from console.services.dispatch.routing import (
    Rested,
    Schedule,
    StopTime,
    TimedStop,
    minutes_after,
    route_times_rested,
)
from console.timeutil import ward_day_bounds
from console.vocabulary import Provider, VisitStatus

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
    out_of_service_reason: str | None = None  # R-SHIFT: why the car is off the road this shift


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
    task: str | None = None  # the MBE task it was ordered as (R-MBE-TASKS), if any


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
    # Recomputed after every change (issue 18): each planned stop's ETA minute, lateness and
    # slack (``routing.StopTime``, minutes after ``starts_at``), and how late the car is back.
    times: tuple[StopTime, ...] = ()
    back_late_minutes: int = 0
    rest_at: datetime | None = None  # the crew's break at the base (R-BREAK)
    rest_minutes: int = 0

    def time_of(self, visit_id: int) -> StopTime | None:
        return next((t for t in self.times if t.visit_id == visit_id), None)


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
                     tuple(sorted((shift_car_row(sc, counts.get(sc.id, 0)) for sc in s.cars),
                                  key=lambda c: c.call_sign)), s.version) for s in shifts]


def shift_car_row(sc: ShiftCar, planned: int) -> ShiftCarRow:
    return ShiftCarRow(sc.id, sc.shift_id, sc.car_id, sc.car.call_sign, sc.crew, sc.in_service,
                       planned, sc.version, sc.out_of_service_reason)


def mbe_visit_rows(session: Session, *where: object) -> list[MbeVisitRow]:
    stmt = (select_visits(Patient, Municipality.name, Car.call_sign, where=where)
            .join(Municipality, Patient.municipality_id == Municipality.id))
    return [MbeVisitRow(v.id, v.admission_id, p.name, muni, p.address, p.phone, v.kind.value,
                        v.window_start, v.window_end, v.service_minutes, v.status.value,
                        v.shift_car_id, call, v.route_order, v.eta, v.pinned, p.location_approximate,
                        p.lat, p.lon, v.version, v.task)
            for v, p, muni, call in session.execute(stmt)]


def mbe_visits(session: Session, day: date) -> list[MbeVisitRow]:
    """Every MBE visit whose window opens on the ward day: the tray and the cars' routes alike."""
    start, end = ward_day_bounds(day)
    return mbe_visit_rows(session, Visit.provider == Provider.MBE, Visit.window_start >= start,
                       Visit.window_start < end)


def car_route(session: Session, shift_car_id: int) -> RouteRow:
    """A car's route: planned and done stops in route order; times from the planned ones."""
    sc = shift_car(session, shift_car_id)
    stops = [r for r in mbe_visit_rows(session, Visit.shift_car_id == sc.id)
             if r.status in (VisitStatus.PLANNED.value, VisitStatus.DONE.value)]
    stops.sort(key=lambda r: (r.route_order is None, r.route_order or 0, r.eta or r.window_start))
    planned = route_visits(session, sc.id)
    rested, ref = _route_times(session, sc, planned), sc.shift.starts_at
    sched, rest = rested.schedule, rested.rest_at
    end = minutes_after(ref, sc.shift.ends_at, up=False)
    return RouteRow(sc.id, sc.car.call_sign, sc.shift.base.name, sc.shift.kind.value,
                    sc.shift.starts_at, sc.shift.ends_at, tuple(stops), sched.driving,
                    ref + timedelta(minutes=sched.back_at), rested.times,
                    max(0, sched.back_at - end),
                    None if rest is None else ref + timedelta(minutes=rest),
                    0 if rest is None else get_int(session, "break_minutes"))


# --- locking and loading helpers ----------------------------------------------------------------

def shift_car(session: Session, shift_car_id: int) -> ShiftCar:
    return get_existing(session, ShiftCar, shift_car_id, "car in a shift")


def lock_cars(session: Session, ids: Iterable[int]) -> list[ShiftCar]:
    """Lock shift cars in ascending id order (the first half of the module's lock order)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return list(session.scalars(select(ShiftCar).where(ShiftCar.id.in_(wanted)).order_by(ShiftCar.id)
                                .with_for_update().execution_options(populate_existing=True)))


def lock_visit(session: Session, visit_id: int) -> Visit:
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


def places_of(session: Session, visits: Sequence[Visit]) -> list[Place]:
    """The patients' points of ``visits``, in the same order."""
    ids = [v.id for v in visits]
    rows = session.execute(
        select(Visit.id, Patient.lat, Patient.lon).join(Admission, Visit.admission_id == Admission.id)
        .join(Patient, Admission.patient_id == Patient.id).where(Visit.id.in_(ids)))
    found = {i: Place(lat, lon) for i, lat, lon in rows}
    return [found[i] for i in ids]


def timed_stops(visits: Sequence[Visit], ref: datetime, first_node: int = 1) -> list[TimedStop]:
    return [TimedStop(v.id, first_node + n, minutes_after(ref, v.window_start, up=True),
                      minutes_after(ref, v.window_end, up=False), v.service_minutes)
            for n, v in enumerate(visits)]


def schedule_of(session: Session, sc: ShiftCar, visits: Sequence[Visit]) -> tuple[Schedule, datetime]:
    """The schedule of ``visits`` in this order on car ``sc``; minute 0 is the shift start."""
    return _route_times(session, sc, visits).schedule, sc.shift.starts_at


def _route_times(session: Session, sc: ShiftCar, visits: Sequence[Visit]) -> Rested:
    """The route's times with the crew's break (R-BREAK) at its best place."""
    shift = sc.shift
    ref = shift.starts_at
    base = Place(shift.base.lat, shift.base.lon)
    matrix = minutes_matrix(travel_provider(session), [base, *places_of(session, visits)])
    end = minutes_after(ref, shift.ends_at, up=False)
    rest = rest_stop(break_window(session, shift.starts_at, shift.ends_at), ref, 0)
    return route_times_rested(timed_stops(visits, ref), rest, matrix, depot=0, start=0, end=end)


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


def reschedule(session: Session, shift_car_id: int) -> None:
    sc = shift_car(session, shift_car_id)
    visits = route_visits(session, sc.id, lock=True)
    sched, ref = schedule_of(session, sc, visits)
    write_route(session, sc, visits, etas_of(sched, ref))


