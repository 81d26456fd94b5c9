"""The demo ward being built: the shared state of every seeding step, and its people.

``Ward`` is what each step needs (the session, the random source, the day, settings and
reference rows); ``Course`` one generated course. Staff and patients are made here, with CPR
numbers that are valid and unique and names from ``data``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import (
    Admission,
    MbeBase,
    Municipality,
    Patient,
    Relative,
    Staff,
    StaffRole,
    TariffType,
    Visit,
)
from console.services.core.settings_store import get_int
from console.services.demo import data
from console.vocabulary import RegimenKind, Role

MARKER_KEY = "demo_seed_date"
COUNTS_KEY = "demo_seed_counts"
COUNT_NAMES = ("staff", "admitted", "discharged", "visits", "deliveries", "escalations", "shifts",
               "lab_results", "rounds")
HISTORY_DAYS = 75  # the demo ward's history: courses that ended in the last 75 days


@dataclass
class Ward:
    """What every step needs: the session, the random source, the day, settings, reference."""

    session: Session
    rng: random.Random
    day: date
    window_minutes: int
    supply_days: int
    crp_day: int
    munis: list[Municipality]
    bases: list[MbeBase]
    tariffs: dict[str, TariffType]
    staff: dict[Role, list[Staff]] = field(default_factory=dict)
    cprs: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))

    def pick(self, role: Role) -> Staff:
        return self.rng.choice(self.staff[role])


@dataclass
class Course:
    admission: Admission
    patient: Patient
    first_day: date
    days: int  # course length in days
    age: int  # the patient's age at admission
    visits: list[Visit] = field(default_factory=list)
    low_supply: bool = False
    crp_gap: bool = False

    @property
    def antibiotic(self) -> bool:
        return any(r.kind is RegimenKind.ANTIBIOTIC for r in self.admission.regimens)


def open_ward(session: Session, day: date, seed: int) -> Ward:
    tariffs: dict[str, TariffType] = {}
    for tariff in session.scalars(select(TariffType).order_by(TariffType.price_year)):
        tariffs[tariff.code] = tariff  # the newest price year wins
    return Ward(
        session=session,
        rng=random.Random(seed),
        day=day,
        window_minutes=get_int(session, "dose_window_minutes"),
        supply_days=get_int(session, "supply_days_initial"),
        crp_day=get_int(session, "crp_day"),
        munis=list(session.scalars(select(Municipality).order_by(Municipality.name))),
        bases=list(session.scalars(
            select(MbeBase).options(selectinload(MbeBase.cars)).order_by(MbeBase.name))),
        tariffs=tariffs,
        cprs=set(session.scalars(select(Patient.cpr))),
    )


# --- staff ---------------------------------------------------------------------------------

def ensure_staff(ward: Ward) -> None:
    existing = {s.initials: s for s in ward.session.scalars(
        select(Staff).options(selectinload(Staff.roles)))}
    for initials, name, roles in data.STAFF:
        person = existing.get(initials)
        if person is None:
            person = Staff(initials=initials, name=name, active=True)
            ward.session.add(person)
        held = {r.role for r in person.roles}
        person.roles.extend(StaffRole(role=role) for role in roles if role not in held)
        for role in roles:
            ward.staff.setdefault(role, []).append(person)
    ward.counts["staff"] = len(data.STAFF)


# --- patients --------------------------------------------------------------------------------

def new_patient(ward: Ward, muni: Municipality, age: int, on: date) -> Patient:
    rng = ward.rng
    patient = Patient(**person(rng, ward.cprs, muni, age, on))
    surname = patient.name.split()[-1]
    for _ in range(rng.choice((0, 1, 1, 2))):
        relations = data.RELATIONS_FOR_OLD if age >= 40 else data.RELATIONS_FOR_YOUNG
        patient.relatives.append(Relative(
            name=f"{rng.choice(data.FEMALE_NAMES + data.MALE_NAMES)} {surname}",
            phone=data.phone_number(rng), relation=rng.choice(relations)))
    ward.session.add(patient)
    return patient


def person(rng: random.Random, taken: set[str], muni: Municipality, age: int,
           on: date) -> dict[str, Any]:
    """A fictitious person of ``age`` living in ``muni``: the patient's fields (a CPR number
    not in ``taken``, which it joins)."""
    female = rng.random() < 0.52
    first = rng.choice(data.FEMALE_NAMES if female else data.MALE_NAMES)
    surname = rng.choice(data.SURNAMES)
    if rng.random() < 0.25:
        surname = f"{rng.choice(data.SURNAMES)} {surname}"
    born = _birth_date(rng, age, on)
    postcode = data.MUNICIPALITY_FACTS.get(muni.name, ("4000", 1))[0]
    approximate = rng.random() < 0.12
    return {
        "cpr": _cpr(rng, taken, born, female),
        "name": f"{first} {surname}",
        "address": f"{rng.choice(data.STREETS)} {rng.randint(1, 120)}, {postcode} {muni.main_town}",
        "municipality": muni,
        "lat": muni.lat if approximate else round(muni.lat + rng.uniform(-0.03, 0.03), 5),
        "lon": muni.lon if approximate else round(muni.lon + rng.uniform(-0.05, 0.05), 5),
        "location_approximate": approximate,
        "phone": data.phone_number(rng),
        "gp": _gp(rng, muni),
        "key_notes": rng.choice((None, None, None,
                                 "Nøgleboks ved hoveddøren; koden hos e-sygeplejersken.",
                                 "Hørehæmmet: ring først til pårørende.", "Hund i huset.")),
    }


def _birth_date(rng: random.Random, age: int, on: date) -> date:
    """A birth date making the patient exactly ``age`` on ``on``."""
    try:
        anniversary = on.replace(year=on.year - age)
    except ValueError:  # 29 February
        anniversary = on.replace(year=on.year - age, day=28)
    return anniversary - timedelta(days=rng.randint(0, 364))


def _cpr(rng: random.Random, taken: set[str], born: date, female: bool) -> str:
    """DDMMYY-SSSS with a 7th digit that gives the right century; last digit even for women."""
    yy = born.year % 100
    if born.year < 2000:
        sevenths = [0, 1, 2, 3] + ([4, 9] if yy >= 37 else [])
    else:
        sevenths = ([4, 9] if yy <= 36 else []) + [5, 6, 7, 8]
    while True:
        last = rng.choice((0, 2, 4, 6, 8) if female else (1, 3, 5, 7, 9))
        serial = f"{rng.choice(sevenths)}{rng.randint(0, 99):02d}{last}"
        cpr = f"{born:%d%m}{yy:02d}-{serial}"
        if cpr not in taken:
            taken.add(cpr)
            return cpr


def _gp(rng: random.Random, muni: Municipality) -> str:
    if rng.random() < 0.5:
        return f"Lægerne {rng.choice(data.STREETS)}, {muni.main_town}"
    return f"Læge {rng.choice(data.FEMALE_NAMES + data.MALE_NAMES)} " \
           f"{rng.choice(data.SURNAMES)}, {muni.main_town}"


def random_age(rng: random.Random) -> int:
    low, high = rng.choices(((15, 29), (30, 49), (50, 64), (65, 79), (80, 98)),
                            weights=(3, 7, 15, 40, 35))[0]
    return rng.randint(low, high)


