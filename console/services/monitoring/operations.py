"""The dashboard's operational figures: visits, MBE cars, escalations, deliveries, supplies.

Pure reads over a session and a ``Period`` of local ward days (``console.services.monitoring.periods``).
Definitions (the tests hold them):

- *visits per day*: visits not cancelled (planned, done or missed), on the local day their
  window starts, by provider; an MBE visit counts under its car's base and shift, or
  ``unassigned`` while no car has it. *Missed*: visits registered missed.
- *MBE car utilisation*, per car in service on a shift of the period: *treating* = the service
  minutes of its assigned visits (not cancelled, not missed); *driving* = the travel provider's
  minutes (``console.services.core.travel``, each leg rounded up to a whole minute as the planner
  does) from the base through its stops in route order and back to the base; *idle* = the
  shift's length − treating − driving (never below 0).
- *escalations per week*: by the local day received, by category and by municipality.
- *time to acknowledge / resolve*, per severity against the targets in the settings: the median
  minutes of the clocks that stopped, and the share *within target* of the clocks that are
  decided: stopped (met or late) or still running past their target (late). A clock still
  running inside its target is *pending* and left out of the share. A call resolved without an
  explicit acknowledgement was acknowledged when it was resolved.
- *deliveries*, by the local day due: *on time* (delivered by ``due_by``), *late* (delivered
  after it), *failed*, *overdue* (still open past ``due_by``), *open* (due later); cancelled ones
  are left out.
- *ran out of supplies*: a patient ran out when, in the period, either a dose visit (IV dose or
  first visit) was registered missed with a reason that names missing medicine or supplies
  (medicine, medicin, supplies/supply, stock, ran out/run out, mangler), or an escalation
  about missing medicine or missing supplies was received. A projected run-out is a warning
  about the future (the logistics screen's), not an event, so it is not counted here.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Delivery, Escalation, MbeBase, Municipality, Patient, Shift, ShiftCar, Visit
from console.models.reference import Car
from console.redact import mask_cpr
from console.services.core.settings_store import get_int
from console.services.core.travel import Place, TravelTimeProvider, travel_provider
from console.services.monitoring.periods import (
    GroupedSeries,
    LabelledCounts,
    Period,
    grouped,
    median,
    share,
    week_of,
)
from console.timeutil import as_utc, local_date, now_utc
from console.vocabulary import (
    DeliveryStatus,
    EscalationCategory,
    Provider,
    Severity,
    ShiftKind,
    VisitKind,
    VisitStatus,
)

UNASSIGNED = "unassigned"
PROVIDERS = (Provider.MUNICIPALITY.value, Provider.MBE.value)
SUPPLY_WORDS = re.compile(r"medicin|suppl|stock|ran out|run out|mangl", re.IGNORECASE)
SUPPLY_CATEGORIES = (EscalationCategory.MISSING_MEDICINE, EscalationCategory.MISSING_SUPPLIES)
DELIVERY_GROUPS = ("on_time", "late", "failed", "overdue", "open")
PATIENTS = "patients"


def base_shift_key(base: str, kind: ShiftKind) -> str:
    """``"Holbæk/day"``: a visit's base and shift as one group name."""
    return f"{base}/{kind.value}"


# --- visits ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class VisitFigures:
    by_provider: GroupedSeries  # per day
    by_base_shift: GroupedSeries  # MBE visits per day, by base/shift or unassigned
    missed_by_provider: GroupedSeries  # per day
    done: int
    missed: int
    planned: int
    missed_reasons: LabelledCounts

    @property
    def missed_share(self) -> float | None:
        """Missed of the visits that were due and registered (done + missed)."""
        return share(self.missed, self.done + self.missed)


def visit_figures(session: Session, period: Period) -> VisitFigures:
    lo, hi = period.bounds()
    rows = session.execute(
        select(Visit.window_start, Visit.provider, Visit.status, Visit.missed_reason,
               MbeBase.name, Shift.kind)
        .outerjoin(ShiftCar, Visit.shift_car_id == ShiftCar.id)
        .outerjoin(Shift, ShiftCar.shift_id == Shift.id)
        .outerjoin(MbeBase, Shift.base_id == MbeBase.id)
        .where(Visit.window_start >= lo, Visit.window_start < hi,
               Visit.status != VisitStatus.CANCELLED)).all()
    days = period.days
    dated = [(local_date(r.window_start), r) for r in rows]
    mbe = [(d, base_shift_key(r.name, r.kind) if r.name is not None else UNASSIGNED)
           for d, r in dated if r.provider is Provider.MBE]
    missed = [(d, r) for d, r in dated if r.status is VisitStatus.MISSED]
    reasons: dict[str, int] = defaultdict(int)
    for _, r in missed:
        reasons[(r.missed_reason or "").strip() or "—"] += 1
    return VisitFigures(
        by_provider=grouped(days, ((d, r.provider.value) for d, r in dated), PROVIDERS),
        by_base_shift=grouped(days, mbe),
        missed_by_provider=grouped(days, ((d, r.provider.value) for d, r in missed), PROVIDERS),
        done=sum(r.status is VisitStatus.DONE for _, r in dated), missed=len(missed),
        planned=sum(r.status is VisitStatus.PLANNED for _, r in dated),
        missed_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))))


# --- MBE cars --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CarUse:
    shift_date: date
    base: str
    kind: str
    call_sign: str
    stops: int
    shift_minutes: int
    treating_minutes: int
    driving_minutes: int

    @property
    def idle_minutes(self) -> int:
        return max(0, self.shift_minutes - self.treating_minutes - self.driving_minutes)


@dataclass(frozen=True, slots=True)
class CarUseTotals:
    base: str
    kind: str
    car_shifts: int
    stops: int
    shift_minutes: int
    treating_minutes: int
    driving_minutes: int
    idle_minutes: int

    @property
    def busy_share(self) -> float | None:
        """(Treating + driving) / shift length."""
        return share(self.treating_minutes + self.driving_minutes, self.shift_minutes)


@dataclass(frozen=True, slots=True)
class CarUtilisation:
    cars: tuple[CarUse, ...]
    by_base_shift: tuple[CarUseTotals, ...]


def route_driving_minutes(provider: TravelTimeProvider, base: Place, stops: list[Place]) -> int:
    """Base → stops in order → base, each leg rounded up to a whole minute."""
    if not stops:
        return 0
    legs = [base, *stops, base]
    return sum(math.ceil(provider.minutes(a, b)) for a, b in itertools.pairwise(legs))


def car_utilisation(session: Session, period: Period,
                    provider: TravelTimeProvider | None = None) -> CarUtilisation:
    provider = provider or travel_provider(session)
    shift_cars = session.execute(
        select(ShiftCar.id, Shift.shift_date, Shift.kind, Shift.starts_at, Shift.ends_at,
               MbeBase.name, MbeBase.lat, MbeBase.lon, Car.call_sign)
        .join(Shift, ShiftCar.shift_id == Shift.id)
        .join(MbeBase, Shift.base_id == MbeBase.id)
        .join(Car, ShiftCar.car_id == Car.id)
        .where(Shift.shift_date >= period.start, Shift.shift_date <= period.end,
               ShiftCar.in_service.is_(True))
        .order_by(Shift.shift_date, MbeBase.name, Shift.kind, Car.call_sign)).all()
    stops: dict[int, list[tuple[int, VisitStatus, int, Place]]] = defaultdict(list)
    ids = [sc.id for sc in shift_cars]
    for chunk in range(0, len(ids), 500):
        for sc_id, order, status, minutes, lat, lon, vid in session.execute(
                select(Visit.shift_car_id, Visit.route_order, Visit.status, Visit.service_minutes,
                       Patient.lat, Patient.lon, Visit.id)
                .join(Visit.admission).join(Patient)
                .where(Visit.shift_car_id.in_(ids[chunk:chunk + 500]),
                       Visit.status != VisitStatus.CANCELLED)):
            assert sc_id is not None
            stops[sc_id].append((order if order is not None else 10_000 + vid, status, minutes,
                                 Place(lat, lon)))
    cars = []
    for sc in shift_cars:
        route = sorted(stops.get(sc.id, []), key=lambda s: s[0])
        cars.append(CarUse(
            shift_date=sc.shift_date, base=sc.name, kind=sc.kind.value, call_sign=sc.call_sign,
            stops=len(route),
            shift_minutes=int((as_utc(sc.ends_at) - as_utc(sc.starts_at)).total_seconds() // 60),
            treating_minutes=sum(m for _, st, m, _ in route if st is not VisitStatus.MISSED),
            driving_minutes=route_driving_minutes(provider, Place(sc.lat, sc.lon),
                                                  [p for *_, p in route])))
    groups: dict[tuple[str, str], list[CarUse]] = defaultdict(list)
    for car in cars:
        groups[(car.base, car.kind)].append(car)
    totals = tuple(CarUseTotals(
        base=base, kind=kind, car_shifts=len(group), stops=sum(c.stops for c in group),
        shift_minutes=sum(c.shift_minutes for c in group),
        treating_minutes=sum(c.treating_minutes for c in group),
        driving_minutes=sum(c.driving_minutes for c in group),
        idle_minutes=sum(c.idle_minutes for c in group))
        for (base, kind), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] != "day")))
    return CarUtilisation(tuple(cars), totals)


# --- escalations -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EscalationFlow:
    by_category: GroupedSeries  # per week
    by_municipality: GroupedSeries  # per week


@dataclass(frozen=True, slots=True)
class ClockFigures:
    target_minutes: int
    median_minutes: float | None
    met: int
    late: int
    pending: int

    @property
    def share_within(self) -> float | None:
        return share(self.met, self.met + self.late)


@dataclass(frozen=True, slots=True)
class ResponseFigures:
    severity: str
    calls: int
    acknowledge: ClockFigures
    resolve: ClockFigures


def escalation_flow(session: Session, period: Period) -> EscalationFlow:
    lo, hi = period.bounds()
    rows = session.execute(
        select(Escalation.received_at, Escalation.category, Municipality.name)
        .join(Municipality, Escalation.municipality_id == Municipality.id)
        .where(Escalation.received_at >= lo, Escalation.received_at < hi)).all()
    weeks = period.weeks
    return EscalationFlow(
        by_category=grouped(weeks, ((week_of(local_date(r.received_at)), r.category.value)
                                    for r in rows)),
        by_municipality=grouped(weeks, ((week_of(local_date(r.received_at)), r.name)
                                        for r in rows)))


def _clock(target: int, spans: list[tuple[datetime, datetime | None]], now: datetime
           ) -> ClockFigures:
    stopped, met, late, pending = [], 0, 0, 0
    for started, stop in spans:
        if stop is not None:
            minutes = (as_utc(stop) - as_utc(started)).total_seconds() / 60
            stopped.append(minutes)
            met, late = (met + 1, late) if minutes <= target else (met, late + 1)
        elif (now - as_utc(started)).total_seconds() / 60 > target:
            late += 1
        else:
            pending += 1
    return ClockFigures(target, median(stopped), met, late, pending)


def escalation_response(session: Session, period: Period, *, now: datetime | None = None
                        ) -> tuple[ResponseFigures, ...]:
    """Time to acknowledge and to resolve per severity, against the settings' targets."""
    now = as_utc(now) if now is not None else now_utc()
    lo, hi = period.bounds()
    rows = session.execute(
        select(Escalation.severity, Escalation.received_at, Escalation.acknowledged_at,
               Escalation.resolved_at)
        .where(Escalation.received_at >= lo, Escalation.received_at < hi)).all()
    out = []
    for severity in Severity:
        mine = [r for r in rows if r.severity is severity]
        ack = get_int(session, f"escalation_ack_{severity.value}_minutes")
        res = get_int(session, f"escalation_resolve_{severity.value}_minutes")
        out.append(ResponseFigures(
            severity=severity.value, calls=len(mine),
            acknowledge=_clock(ack, [(r.received_at, r.acknowledged_at or r.resolved_at)
                                     for r in mine], now),
            resolve=_clock(res, [(r.received_at, r.resolved_at) for r in mine], now)))
    return tuple(out)


# --- deliveries and supplies ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DeliveryFigures:
    per_week: GroupedSeries  # groups: DELIVERY_GROUPS

    def count(self, group: str) -> int:
        return sum(self.per_week.series(group))

    @property
    def on_time_share(self) -> float | None:
        return share(self.count("on_time"), self.count("on_time") + self.count("late"))


def _delivery_group(status: DeliveryStatus, due_by: datetime, delivered_at: datetime | None,
                    now: datetime) -> str:
    if status is DeliveryStatus.DELIVERED:
        return "on_time" if delivered_at is not None and as_utc(delivered_at) <= as_utc(due_by) \
            else "late"
    if status is DeliveryStatus.FAILED:
        return "failed"
    return "overdue" if as_utc(due_by) < now else "open"


def delivery_figures(session: Session, period: Period, *, now: datetime | None = None
                     ) -> DeliveryFigures:
    now = as_utc(now) if now is not None else now_utc()
    lo, hi = period.bounds()
    rows = session.execute(
        select(Delivery.due_by, Delivery.status, Delivery.delivered_at)
        .where(Delivery.due_by >= lo, Delivery.due_by < hi,
               Delivery.status != DeliveryStatus.CANCELLED)).all()
    return DeliveryFigures(grouped(period.weeks, (
        (week_of(local_date(r.due_by)), _delivery_group(r.status, r.due_by, r.delivered_at, now))
        for r in rows), DELIVERY_GROUPS))


@dataclass(frozen=True, slots=True)
class SupplyEvent:
    admission_id: int
    patient: str
    cpr_masked: str
    municipality: str
    day: date
    source: str  # missed_dose | escalation
    detail: str


@dataclass(frozen=True, slots=True)
class SupplyFigures:
    events: tuple[SupplyEvent, ...]
    per_week: GroupedSeries  # one group, PATIENTS: distinct admissions per week

    @property
    def patients(self) -> int:
        return len({e.admission_id for e in self.events})


def supply_figures(session: Session, period: Period) -> SupplyFigures:
    lo, hi = period.bounds()
    patient_cols = (Patient.name.label("patient"), Patient.cpr,
                    Municipality.name.label("municipality"))
    missed = session.execute(
        select(Visit.admission_id, Visit.window_start, Visit.missed_reason, *patient_cols)
        .join(Visit.admission).join(Patient).join(Municipality, Patient.municipality_id
                                                  == Municipality.id)
        .where(Visit.window_start >= lo, Visit.window_start < hi,
               Visit.status == VisitStatus.MISSED,
               Visit.kind.in_((VisitKind.IV_DOSE, VisitKind.FIRST_VISIT)))).all()
    calls = session.execute(
        select(Escalation.admission_id, Escalation.received_at, Escalation.category,
               *patient_cols)
        .join(Escalation.admission).join(Patient)
        .join(Municipality, Patient.municipality_id == Municipality.id)
        .where(Escalation.received_at >= lo, Escalation.received_at < hi,
               Escalation.category.in_(SUPPLY_CATEGORIES))).all()
    events = [SupplyEvent(r.admission_id, r.patient, mask_cpr(r.cpr), r.municipality,
                          local_date(r.window_start), "missed_dose", r.missed_reason or "")
              for r in missed if SUPPLY_WORDS.search(r.missed_reason or "")]
    events += [SupplyEvent(r.admission_id, r.patient, mask_cpr(r.cpr), r.municipality,
                           local_date(r.received_at), "escalation", r.category.value)
               for r in calls]
    events.sort(key=lambda e: (e.day, e.patient, e.source))
    weekly = {(week_of(e.day), e.admission_id) for e in events}  # a patient counts once a week
    return SupplyFigures(tuple(events), grouped(period.weeks, ((week, PATIENTS) for week, _ in weekly),
                                                (PATIENTS,)))
