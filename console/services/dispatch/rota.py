"""The MBE rota and the dispatcher's shifts on a real database (issue 14, R-SHIFT).

Reference data: each base's cars (``car``), the shift hours (settings ``day_shift_*`` and
``evening_shift_*``) and the rota, how many cars a base normally staffs on each shift kind (an
admin's number under the agreement's cap ``max_cars_per_shift``). From these the dispatcher
creates the shifts of a week in one action, adds a car to a shift, and copies last week's shifts
with their crews. Staffing a car and its service state are ``board.set_crew`` /
``board.set_car_in_service``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Car, MbeBase, Rota, Shift, ShiftCar
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_int, get_time
from console.services.core.uow import check_version
from console.services.dispatch.routes import ShiftRow, list_shifts
from console.timeutil import utc_at
from console.vocabulary import Role, ShiftKind

DISPATCH_ROLES = {Role.DISPATCHER}
ADMIN_ROLES = {Role.ADMIN}
WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class RotaRow:
    rota_id: int
    base_id: int
    base: str
    kind: str
    cars: int  # the normal number of cars staffed
    active_cars: int  # the base's cars in use (the rota cannot ask for more)
    version: int


@dataclass(frozen=True, slots=True)
class ShiftsCreated:
    """What "create the shifts" did: the new shifts (with their cars) and how many existed."""

    created: tuple[ShiftRow, ...]
    already_there: int


# --- the rota (admin) ---------------------------------------------------------------------------

def list_rota(session: Session) -> list[RotaRow]:
    """Every base's normal car count per shift kind (day before evening)."""
    active = {b.id: sum(1 for c in b.cars if c.active) for b in session.scalars(select(MbeBase))}
    rows = session.scalars(select(Rota).join(MbeBase, Rota.base_id == MbeBase.id)
                           .order_by(MbeBase.name, Rota.kind))
    return [RotaRow(r.id, r.base_id, r.base.name, r.kind.value, r.cars, active.get(r.base_id, 0),
                    r.version) for r in rows]


def set_rota_cars(session: Session, base: str, kind: str, cars: int,
                  expected_version: int | None = None) -> RotaRow:
    """The admin sets how many cars ``base`` normally staffs on a ``kind`` shift (R-SHIFT cap)."""
    require_role(session, ADMIN_ROLES, "change the MBE rota")
    mbe_base = _base(session, base)
    shift_kind = _kind(kind)
    limit = get_int(session, "max_cars_per_shift")
    if not 0 <= cars <= limit:
        raise RuleViolation("R-SHIFT", "cars", f"A shift staffs 0 to {limit} cars (R-SHIFT); "
                                               f"{cars} is outside that.")
    active = sum(1 for c in mbe_base.cars if c.active)
    if cars > active:
        raise RuleViolation("R-SHIFT", "cars", f"{mbe_base.name} has only {active} cars in use; "
                                               "add a car before staffing more.")
    row = session.scalars(select(Rota).where(Rota.base_id == mbe_base.id, Rota.kind == shift_kind)
                          .with_for_update()).first()
    if row is None:
        row = Rota(base=mbe_base, kind=shift_kind, cars=cars)
        session.add(row)
    else:
        check_version(row, expected_version, f"the {shift_kind.value} rota at {mbe_base.name}")
        row.cars = cars
    session.flush()
    return next(r for r in list_rota(session) if r.rota_id == row.id)


# --- shifts (dispatcher) ------------------------------------------------------------------------

def shift_hours(session: Session, kind: ShiftKind) -> tuple[time, time]:
    """A shift kind's configured start and end (R-SHIFT; the end may be past midnight)."""
    return (get_time(session, f"{kind.value}_shift_start"),
            get_time(session, f"{kind.value}_shift_end"))


def new_shift(session: Session, base: MbeBase, day: date, kind: ShiftKind) -> Shift:
    """An unsaved shift of ``base`` on the ward day with the configured hours, no cars yet."""
    start, end = shift_hours(session, kind)
    ends_on = day + timedelta(days=1) if end <= start else day
    return Shift(base=base, shift_date=day, kind=kind, starts_at=utc_at(day, start),
                 ends_at=utc_at(ends_on, end))


def create_shifts(session: Session, first_day: date, days: int = WEEK_DAYS, *,
                  base: str | None = None) -> ShiftsCreated:
    """Create every base's day and evening shifts for ``days`` ward days from the rota, each with
    the rota's number of the base's cars (in call-sign order). Shifts already there are kept as
    they are, so running it twice creates nothing new."""
    require_role(session, DISPATCH_ROLES, "create MBE shifts")
    if not 1 <= days <= 31:
        raise InvalidInput("days", "Create 1 to 31 days of shifts at a time.")
    bases = [_base(session, base)] if base else list(session.scalars(
        select(MbeBase).order_by(MbeBase.name)))
    existing = {(s.base_id, s.shift_date, s.kind) for s in session.scalars(
        select(Shift).where(Shift.shift_date >= first_day,
                            Shift.shift_date < first_day + timedelta(days=days)))}
    made: list[Shift] = []
    for mbe_base in bases:
        for offset in range(days):
            day = first_day + timedelta(days=offset)
            for kind in ShiftKind:
                if (mbe_base.id, day, kind) in existing:
                    continue
                shift = new_shift(session, mbe_base, day, kind)
                shift.cars.extend(ShiftCar(car=c, in_service=True)
                                  for c in _rota_cars(session, mbe_base, kind))
                session.add(shift)
                made.append(shift)
    session.flush()
    return ShiftsCreated(_rows(session, made), len(existing))


def add_shift(session: Session, base: str, day: date, kind: str,
              cars: tuple[str, ...] = ()) -> ShiftRow:
    """One shift of ``base`` on ``day`` with the named cars (call signs; none: the rota's)."""
    require_role(session, DISPATCH_ROLES, "create MBE shifts")
    mbe_base, shift_kind = _base(session, base), _kind(kind)
    if session.scalars(select(Shift.id).where(Shift.base_id == mbe_base.id, Shift.shift_date == day,
                                              Shift.kind == shift_kind)).first() is not None:
        raise InvalidInput("date", f"{mbe_base.name} already has a {shift_kind.value} shift on "
                                   f"{day.isoformat()}; add cars to it instead.")
    if not cars:
        shift = new_shift(session, mbe_base, day, shift_kind)
        shift.cars.extend(ShiftCar(car=c, in_service=True)
                          for c in _rota_cars(session, mbe_base, shift_kind))
        session.add(shift)
        session.flush()
        return _rows(session, [shift])[0]
    shift = new_shift(session, mbe_base, day, shift_kind)
    session.add(shift)
    for call_sign in dict.fromkeys(cars):
        _put_car(session, shift, call_sign)
    session.flush()
    return _rows(session, [shift])[0]


def add_car_to_shift(session: Session, shift_id: int, call_sign: str,
                     crew: str | None = None) -> ShiftRow:
    """Put one more of the base's cars on a shift, in service (R-SHIFT: at most the cap)."""
    require_role(session, DISPATCH_ROLES, "staff MBE shifts")
    shift = session.scalars(select(Shift).where(Shift.id == shift_id).with_for_update()).first()
    if shift is None:
        raise NotFound("shift", shift_id)
    _put_car(session, shift, call_sign, crew)
    session.flush()
    return _rows(session, [shift])[0]


def copy_week(session: Session, from_day: date, to_day: date) -> ShiftsCreated:
    """Copy the 7 ward days of shifts from ``from_day`` to ``to_day`` on: the same cars and crews,
    every car in service (R-SHIFT: never more than the cap, as the source had). A shift already
    there on the target day is kept, not overwritten."""
    require_role(session, DISPATCH_ROLES, "create MBE shifts")
    if to_day <= from_day:
        raise InvalidInput("to", "Copy forward: the target week starts after the source week.")
    if (to_day - from_day).days < WEEK_DAYS:
        raise InvalidInput("to", "The weeks overlap: the target starts 7 days or more later.")
    source = session.scalars(select(Shift).where(
        Shift.shift_date >= from_day, Shift.shift_date < from_day + timedelta(days=WEEK_DAYS))
        .order_by(Shift.shift_date, Shift.base_id, Shift.kind))
    existing = {(s.base_id, s.shift_date, s.kind) for s in session.scalars(select(Shift).where(
        Shift.shift_date >= to_day, Shift.shift_date < to_day + timedelta(days=WEEK_DAYS)))}
    shift_by = to_day - from_day
    made: list[Shift] = []
    for old in list(source):
        day = old.shift_date + shift_by
        if (old.base_id, day, old.kind) in existing:
            continue
        shift = new_shift(session, old.base, day, old.kind)
        # A car off the road last week (a flat tyre) is back in service; its crew is copied.
        shift.cars.extend(ShiftCar(car=sc.car, crew=sc.crew, in_service=True)
                          for sc in old.cars if sc.car.active)
        session.add(shift)
        made.append(shift)
    if not made and not existing:
        raise InvalidInput("from", f"No shifts in the week from {from_day.isoformat()} to copy.")
    session.flush()
    return ShiftsCreated(_rows(session, made), len(existing))


def find_shift_car(session: Session, call_sign: str, day: date, kind: str) -> tuple[int, int]:
    """The shift car (id, version) of ``call_sign`` on the ward day's ``kind`` shift."""
    shift_kind = _kind(kind)
    found = session.execute(
        select(ShiftCar.id, ShiftCar.version).join(Shift, ShiftCar.shift_id == Shift.id)
        .join(Car, ShiftCar.car_id == Car.id)
        .where(Car.call_sign == call_sign.strip().upper(), Shift.shift_date == day,
               Shift.kind == shift_kind)).first()
    if found is None:
        raise RuleViolation("R-SHIFT", "car", f"{call_sign} is on no {shift_kind.value} shift on "
                                              f"{day.isoformat()}; create the shift first.")
    return found[0], found[1]


def shift_for_car(session: Session, call_sign: str, day: date, kind: str) -> int:
    """The id of the ``kind`` shift on ``day`` at the base ``call_sign`` belongs to."""
    shift_kind = _kind(kind)
    car = _car(session, call_sign)
    shift_id = session.scalar(select(Shift.id).where(Shift.base_id == car.base_id,
                                                     Shift.shift_date == day, Shift.kind == shift_kind))
    if shift_id is None:
        raise RuleViolation("R-SHIFT", "date", f"{car.base.name} has no {shift_kind.value} shift on "
                                               f"{day.isoformat()}; create the shift first.")
    return shift_id


def _car(session: Session, call_sign: str) -> Car:
    car = session.scalars(select(Car).where(Car.call_sign == call_sign.strip().upper())).first()
    if car is None or not car.active:
        raise InvalidInput("car", f"'{call_sign}' is not a car in use.")
    return car


# --- helpers ------------------------------------------------------------------------------------

def _put_car(session: Session, shift: Shift, call_sign: str, crew: str | None = None) -> None:
    car = _car(session, call_sign)
    if car.base_id != shift.base.id:
        raise RuleViolation("R-SHIFT", "car", f"{car.call_sign} belongs to another base than "
                                              f"{shift.base.name}.")
    if any(sc.car_id == car.id for sc in shift.cars):
        raise InvalidInput("car", f"{car.call_sign} is already on this shift.")
    limit = get_int(session, "max_cars_per_shift")
    if sum(1 for sc in shift.cars if sc.in_service) >= limit:
        raise RuleViolation("R-SHIFT", "car", f"The {shift.kind.value} shift at {shift.base.name} "
                                              f"already has {limit} cars in service; at most "
                                              f"{limit} (R-SHIFT).")
    text = (crew or "").strip() or None
    shift.cars.append(ShiftCar(car=car, crew=text, in_service=True))


def _rota_cars(session: Session, base: MbeBase, kind: ShiftKind) -> list[Car]:
    """The base's first cars in use (call-sign order), as many as the rota staffs, never more
    than the agreement's cap (R-SHIFT); no rota row: the cap."""
    limit = get_int(session, "max_cars_per_shift")
    count = session.scalar(select(Rota.cars).where(Rota.base_id == base.id, Rota.kind == kind))
    return [c for c in base.cars if c.active][:min(limit if count is None else count, limit)]


def _rows(session: Session, shifts: list[Shift]) -> tuple[ShiftRow, ...]:
    wanted = {s.id for s in shifts}
    days = sorted({s.shift_date for s in shifts})
    return tuple(r for d in days for r in list_shifts(session, d) if r.shift_id in wanted)


def _base(session: Session, name: str) -> MbeBase:
    wanted = name.strip().casefold()
    for base in session.scalars(select(MbeBase)):
        if wanted in (base.name.casefold(), base.town.casefold()):
            return base
    raise InvalidInput("base", f"'{name}' is not an MBE base.")


def _kind(kind: str) -> ShiftKind:
    try:
        return ShiftKind(kind.strip().lower())
    except ValueError:
        raise InvalidInput("kind", f"'{kind}' is not a shift: use day or evening.") from None

