"""The demo ward brought up to the moment it is seeded (issue 14): a ward seeded for today looks
like one that has worked until now. What was due before ``now`` has been done: visits
registered (R-REGISTER; a CRP with each day-3 sample), escalations acknowledged and most of the
older ones resolved (R-CONTACT), deliveries due before now delivered (R-SUPPLY), today's rounds
signed where their slot has passed (rounds.seed_past_rounds). A few genuine problems are left
on purpose: an overdue dose or two, an urgent call not yet acknowledged, a round still open.

It draws from a random source of its own, so the rest of the ward is the same whatever the hour.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from sqlalchemy import select

from console.models import Delivery, Escalation, LabResult, MbeBase, Shift, Visit
from console.services.demo import data
from console.services.demo.ward import Course, Ward
from console.timeutil import local_date
from console.vocabulary import (
    DeliveryStatus,
    Provider,
    Role,
    Severity,
    ShiftKind,
    VisitKind,
    VisitStatus,
)

LEFT_OVERDUE = 2  # doses left unregistered on purpose: the e-nurse's genuine problems
ACK_MINUTES = (3, 25)


def bring_up_to_now(ward: Ward, courses: list[Course], now: datetime,
                    base_of: dict[int, MbeBase],
                    shifts: Mapping[tuple[int, date, ShiftKind], Shift]) -> None:
    """Register what a working ward would have done before ``now`` on the ward day."""
    rng = random.Random(ward.rng.random())
    saved, ward.rng = ward.rng, rng
    try:
        _visits(ward, courses, now, base_of)
        _done_on_cars(ward, courses, base_of, shifts)
        _escalations(ward, now)
        _deliveries(ward, now)
    finally:
        ward.rng = saved


def _visits(ward: Ward, courses: list[Course], now: datetime, base_of: dict[int, MbeBase]) -> None:
    due = [(c, v) for c in courses for v in c.visits
           if v.status is VisitStatus.PLANNED and v.window_end <= now]
    recent = [cv for cv in due if cv[1].kind is VisitKind.IV_DOSE
              and cv[1].provider is Provider.MUNICIPALITY
              and timedelta(minutes=45) <= now - cv[1].window_end < timedelta(hours=8)]
    left = {id(v) for _c, v in ward.rng.sample(recent, min(LEFT_OVERDUE, len(recent)))}
    for course, visit in due:
        if id(visit) in left:
            continue
        register_visit(ward, course, visit, base_of[course.admission.id])
        if (visit.kind is VisitKind.BLOOD_SAMPLE and visit.status is VisitStatus.DONE
                and not course.crp_gap):
            record_crp(ward, course, visit, ward.rng.uniform(25, 140))


def _done_on_cars(ward: Ward, courses: list[Course], base_of: dict[int, MbeBase],
                  shifts: Mapping[tuple[int, date, ShiftKind], Shift]) -> None:
    """An MBE visit done today was driven by a car of its base's shift (R-SHIFT): it stands on
    that car's lane at the time it was done, not in the dispatcher's tray as "done without a
    car" (the demo had twenty). The car that has been free longest takes it."""
    lanes: dict[int, list[Visit]] = defaultdict(list)
    for visit in (v for c in courses for v in c.visits if v.shift_car_id is not None):
        lanes[visit.shift_car_id].append(visit)  # type: ignore[index]
    done = sorted(((c, v) for c in courses for v in c.visits
                   if v.provider is Provider.MBE and v.status is VisitStatus.DONE
                   and v.shift_car_id is None and v.performed_at is not None
                   and local_date(v.performed_at) == ward.day),
                  key=lambda cv: cv[1].performed_at or cv[1].window_start)
    for course, visit in done:
        at = visit.performed_at
        assert at is not None
        base = base_of[course.admission.id]
        shift = next((s for kind in ShiftKind if (s := shifts.get((base.id, ward.day, kind)))
                      and s.starts_at <= at < s.ends_at), None)
        cars = [car for car in shift.cars if car.in_service] if shift else []
        if shift is None or not cars:
            continue  # no car of its base on the road then: it stays where the dispatcher sees it
        car = min(cars, key=lambda car: (max((_free_at(v) for v in lanes[car.id]
                                              if _start(v) <= at), default=shift.starts_at),
                                         len(lanes[car.id])))
        visit.shift_car_id, visit.eta = car.id, at
        lanes[car.id].append(visit)
    for lane in lanes.values():
        for order, visit in enumerate(sorted(lane, key=_start), start=1):
            visit.route_order = order


def _start(visit: Visit) -> datetime:
    return visit.eta or visit.performed_at or visit.window_start


def _free_at(visit: Visit) -> datetime:
    return _start(visit) + timedelta(minutes=visit.service_minutes)


def _escalations(ward: Ward, now: datetime) -> None:
    """Calls seeded for later today happened before now; older ones were acknowledged and most
    of those older than three hours resolved; one urgent call may still wait (the banner)."""
    rng = ward.rng
    calls = list(ward.session.scalars(select(Escalation).order_by(Escalation.received_at)))
    waiting = 0
    for esc in calls:
        if esc.received_at > now:
            esc.received_at = now - timedelta(minutes=rng.randint(5, 150))
        if esc.resolved_at is not None:
            continue
        age = now - esc.received_at
        handler = ward.pick(Role.E_DOCTOR if esc.routed_to.value == "e_doctor"
                            else Role.E_NURSE).initials
        if esc.acknowledged_at is None or esc.acknowledged_at > now:
            if age < timedelta(minutes=20) and waiting == 0 and esc.severity is Severity.URGENT:
                esc.acknowledged_at = esc.acknowledged_by = None
                waiting += 1
                continue
            esc.acknowledged_at = esc.received_at + timedelta(
                minutes=min(rng.randint(*ACK_MINUTES), max(1, int(age.total_seconds() // 60))))
            esc.acknowledged_by = handler
        if age > timedelta(hours=3) and rng.random() < 0.7:
            action, note = data.RESOLUTIONS[esc.category]
            esc.resolved_at = min(now, esc.received_at + timedelta(minutes=rng.randint(40, 170)))
            esc.resolved_by, esc.resolution_action, esc.resolution_note = handler, action, note


def _deliveries(ward: Ward, now: datetime) -> None:
    """A delivery due before now, packed or out, has been delivered (R-SUPPLY)."""
    for delivery in ward.session.scalars(select(Delivery)):
        if delivery.due_by <= now and delivery.status in (
                DeliveryStatus.REQUESTED, DeliveryStatus.PACKED, DeliveryStatus.OUT):
            delivery.status = DeliveryStatus.DELIVERED
            delivery.courier = delivery.courier or ward.pick(Role.LOGISTICS).initials
            delivery.delivered_at = delivery.due_by - timedelta(minutes=ward.rng.randint(20, 180))


# --- registering (shared with the seed's past days) ---------------------------------------------

def register_visit(ward: Ward, course: Course, visit: Visit, base: MbeBase) -> None:
    """R-REGISTER: a past visit was done (who, when, how long, observations) or missed (why)."""
    rng = ward.rng
    later_dose = visit.kind is VisitKind.IV_DOSE and local_date(visit.window_start) > course.first_day
    gap_sample = course.crp_gap and visit.kind is VisitKind.BLOOD_SAMPLE
    if (later_dose and rng.random() < 0.03) or (gap_sample and rng.random() < 0.4):
        visit.status = VisitStatus.MISSED
        visit.missed_reason = ("Patienten i ambulatoriet; ny prøve skal planlægges."
                               if gap_sample else rng.choice(data.MISSED_REASONS))
        return
    span = int((visit.window_end - visit.window_start).total_seconds() // 60)
    visit.status = VisitStatus.DONE
    visit.performed_at = visit.window_start + timedelta(minutes=rng.randint(0, max(0, span - 10)))
    visit.minutes_spent = min(59, max(10, visit.service_minutes + rng.randint(-5, 8)))
    if visit.provider is Provider.MBE:
        visit.performed_by = f"MBE {base.name}"
    else:
        muni = course.patient.municipality
        visit.performed_by = f"{rng.choice(data.MUNICIPAL_CALLERS)}, Hjemmesygeplejen {muni.name}"
    visit.observations = rng.choice({
        VisitKind.FIRST_VISIT: data.FIRST_VISIT_OBSERVATIONS,
        VisitKind.BLOOD_SAMPLE: data.SAMPLE_OBSERVATIONS,
    }.get(visit.kind, data.OBSERVATIONS))



def record_crp(ward: Ward, course: Course, visit: Visit, value: float) -> None:
    assert visit.performed_at is not None
    ward.session.add(LabResult(admission_id=course.admission.id, analysis="crp",
                               value=float(round(value)), unit="mg/L", taken_at=visit.performed_at,
                               visit_id=visit.id, recorded_by=ward.pick(Role.E_NURSE).initials))
    ward.counts["lab_results"] += 1
