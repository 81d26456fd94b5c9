"""The demo ward's MBE shifts, car assignments, deliveries and escalations (see ``demo``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, time, timedelta

from console.models import Delivery, DeliveryItem, Escalation, MbeBase, Patient, Shift, ShiftCar, Visit
from console.services.core.settings_store import get_int
from console.services.core.travel import GreatCircleTravel, Place
from console.services.course.schedule import course_day
from console.services.demo import data
from console.services.demo.ward import Course, Ward
from console.services.dispatch.rota import new_shift
from console.services.dispatch.rules import nearest, start_range
from console.services.logistics.packing import describe, packing_list
from console.timeutil import local_date, utc_at
from console.vocabulary import (
    DeliveryStatus,
    EscalationCategory,
    Provider,
    Role,
    RoutedTo,
    ShiftKind,
    VisitStatus,
)

DOCTOR_CATEGORIES = {EscalationCategory.CLINICAL_WORSENING, EscalationCategory.COMPLICATION,
                     EscalationCategory.IV_ACCESS_PROBLEM}  # R-CONTACT: the e-doctor, 24/7
OPEN_ESCALATIONS, RESOLVED_ESCALATIONS = 6, 4



# --- MBE shifts and cars ---------------------------------------------------------------------

def _shifts(ward: Ward) -> dict[tuple[int, date, ShiftKind], Shift]:
    """Day and evening shift per base for the ward day and the next, 4 cars each (R-SHIFT)."""
    rng, session = ward.rng, ward.session
    max_cars = get_int(session, "max_cars_per_shift")
    off_road = (rng.randrange(len(ward.bases)) if ward.bases else -1, rng.choice(list(ShiftKind)),
                rng.randrange(max_cars))
    shifts: dict[tuple[int, date, ShiftKind], Shift] = {}
    for b, base in enumerate(ward.bases):
        crew_pool = [f"{rng.choice(data.FEMALE_NAMES + data.MALE_NAMES)} {rng.choice(data.SURNAMES)}"
                     for _ in range(4 * max_cars)]
        cars = [c for c in base.cars if c.active][:max_cars]
        for d in (ward.day, ward.day + timedelta(days=1)):
            people = rng.sample(crew_pool, len(crew_pool))
            for k, kind in enumerate(ShiftKind):
                shift = new_shift(session, base, d, kind)
                for c, car in enumerate(cars):
                    out = (b, kind, c) == off_road and d == ward.day
                    a, z = people[(k * len(cars) + c) * 2 % len(people)], \
                        people[((k * len(cars) + c) * 2 + 1) % len(people)]
                    shift.cars.append(ShiftCar(car=car, crew=None if out else f"{a} / {z}",
                                               in_service=not out))
                session.add(shift)
                shifts[(base.id, d, kind)] = shift
    ward.counts["shifts"] = len(shifts)
    return shifts


def _nearest_base(ward: Ward, patient: Patient) -> MbeBase:
    return nearest({b: Place(b.lat, b.lon) for b in ward.bases}, Place(patient.lat, patient.lon),
                   GreatCircleTravel().minutes)


def _assign_cars(ward: Ward, courses: list[Course],
                 shifts: dict[tuple[int, date, ShiftKind], Shift]) -> None:
    """A handful of today's MBE visits go to cars; the rest wait in the dispatcher's tray."""
    rng = ward.rng
    today = [(c, v) for c in courses for v in c.visits
             if v.provider is Provider.MBE and v.status is VisitStatus.PLANNED
             and local_date(v.window_start) == ward.day]
    chosen = sorted(rng.sample(today, min(8, len(today))), key=lambda cv: cv[1].window_start)
    routes: dict[int, list[Visit]] = defaultdict(list)
    for course, visit in chosen:
        base = _nearest_base(ward, course.patient)
        day_shift = shifts[(base.id, ward.day, ShiftKind.DAY)]
        kind = ShiftKind.DAY if visit.window_start < day_shift.ends_at else ShiftKind.EVENING
        shift = shifts[(base.id, ward.day, kind)]
        car = rng.choice([sc for sc in shift.cars if sc.in_service])
        route = routes[car.id]
        fits = start_range(visit.window_start, visit.window_end, visit.service_minutes,
                           shift.starts_at, shift.ends_at)
        if fits is None:
            continue  # does not fit this shift (R-SHIFT): leave it in the tray
        earliest, latest = fits
        if route:  # the previous stop, then 20 minutes' drive, on the quarter hour
            assert route[-1].eta is not None
            ready = route[-1].eta + timedelta(minutes=route[-1].service_minutes + 20)
            earliest = max(earliest, ready + timedelta(minutes=-ready.minute % 15))
        if latest < earliest:
            continue  # no room after the car's previous stop: leave it in the tray
        slack = int((latest - earliest).total_seconds() // 60)
        visit.eta = earliest + timedelta(minutes=5 * rng.randint(0, min(slack, 30) // 5))
        visit.shift_car_id = car.id
        visit.route_order = len(route) + 1
        route.append(visit)


# --- deliveries and escalations --------------------------------------------------------------

def _deliveries(ward: Ward, courses: tuple[Course, ...]) -> None:
    """R-SUPPLY: courses longer than the first week get a delivery due on day 6."""
    rng = ward.rng
    for course in courses:
        day_of_course = (ward.day - course.first_day).days + 1
        if course.days <= ward.supply_days or course.low_supply or day_of_course <= 2:
            continue
        rest = course.days - ward.supply_days
        due_day = course_day(course.first_day, ward.supply_days - 1)
        last_supplied = course_day(course.first_day, ward.supply_days)
        items = packing_list([(r.id, f"{r.drug} {r.dose}",
                               r.doses_per_day * max(0, (r.end_date - last_supplied).days))
                              for r in course.admission.regimens])  # R-IVBOX
        delivery = Delivery(admission=course.admission, due_by=utc_at(due_day, time(14, 0)),
                            contents=describe(items), days_covered=rest,
                            items=[DeliveryItem(regimen_id=i.regimen_id, item=i.item,
                                                quantity=i.quantity) for i in items])
        if day_of_course >= ward.supply_days:
            delivery.status = DeliveryStatus.DELIVERED
            delivery.courier = ward.pick(Role.LOGISTICS).initials
            delivery.delivered_at = utc_at(due_day, time(rng.randint(9, 13), rng.choice((0, 20, 40))))
        elif day_of_course >= ward.supply_days - 2:  # due today or tomorrow
            delivery.status = rng.choice((DeliveryStatus.PACKED, DeliveryStatus.OUT))
            delivery.courier = ward.pick(Role.LOGISTICS).initials
        else:
            delivery.status = DeliveryStatus.REQUESTED
        ward.session.add(delivery)
        ward.counts["deliveries"] += 1


def _escalations(ward: Ward, courses: list[Course]) -> None:
    """Open calls from this morning and a few resolved ones from yesterday (R-CONTACT)."""
    rng = ward.rng
    eligible = [c for c in courses if c.first_day < ward.day]
    picked = rng.sample(eligible, min(OPEN_ESCALATIONS + RESOLVED_ESCALATIONS, len(eligible)))
    categories = rng.sample(list(EscalationCategory), len(EscalationCategory))
    for i, course in enumerate(picked):
        category = categories[i % len(categories)]
        resolved = i >= OPEN_ESCALATIONS
        severity, text = data.ESCALATION_TEXTS[category]
        doctor = category in DOCTOR_CATEGORIES
        day = ward.day - timedelta(days=1) if resolved else ward.day
        earliest = 7 * 60 if doctor else 7 * 60 + 30  # e-nurse answers from 07:30
        minute = rng.randint(earliest, (17 if resolved else 12) * 60)
        received = utc_at(day, time(minute // 60, minute % 60))
        if course.admission.admitted_at and received < course.admission.admitted_at:
            received = course.admission.admitted_at + timedelta(minutes=rng.randint(60, 120))
        handler = ward.pick(Role.E_DOCTOR if doctor else Role.E_NURSE).initials
        esc = Escalation(
            admission=course.admission, municipality=course.patient.municipality,
            caller_name=f"{rng.choice(('Hjemmesygeplejerske', 'Akutsygeplejerske'))} "
                        f"{rng.choice(data.MUNICIPAL_CALLERS)}",
            caller_phone=data.phone_number(rng), category=category, severity=severity, text=text,
            received_at=received, routed_to=RoutedTo.E_DOCTOR if doctor else RoutedTo.E_NURSE,
        )
        if resolved or rng.random() < 0.5:
            esc.acknowledged_at = received + timedelta(minutes=rng.randint(3, 20))
            esc.acknowledged_by = handler
        if resolved:
            action, note = data.RESOLUTIONS[category]
            esc.resolved_at = received + timedelta(minutes=rng.randint(30, 180))
            esc.resolved_by, esc.resolution_action, esc.resolution_note = handler, action, note
        ward.session.add(esc)
        ward.counts["escalations"] += 1
