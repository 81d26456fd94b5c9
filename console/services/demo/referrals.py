"""The demo ward's referrals (issue 19, R-ELIGIBLE): every course came in as a referral the
e-doctor visited and admitted; a few were declined; two wait this morning.

Drawn from its own random stream, so the rest of the demo ward is the same with or without
them. An admitted referral is decided when its course was admitted, a few hours after it came
in (the visitation's calls); its document is the course as the referrer described it, the
same document ``eward referral add`` reads. Declined and waiting referrals name fictitious
people who are not patients of the ward.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from console.models import Admission, Municipality, Referral
from console.services.course.eligibility import ELIGIBILITY_KEYS
from console.services.course.referral import (
    PatientInput,
    ReferralInput,
    RegimenInput,
    RelativeInput,
    referral_document,
)
from console.services.course.schedule import parse_dose_times
from console.services.demo import data
from console.services.demo.ward import Course, Ward, person, random_age
from console.vocabulary import (
    Condition,
    PlaceOfTreatment,
    Provider,
    ReferralSource,
    ReferralStatus,
    RegimenKind,
    Role,
)

# Who refers to the eHospital (seed 003: mostly the hospital's departments; direct referrals
# from GPs, the out-of-hours GP and the COPD pre-care team).
SOURCES = ((ReferralSource.DEPARTMENT, 70), (ReferralSource.GP, 12),
           (ReferralSource.OUT_OF_HOURS_GP, 6), (ReferralSource.COPD_PRE_CARE, 12))
DECLINE_REASONS = (
    "Ikke klinisk stabil: behov for indlæggelse på sengeafsnit.",
    "Kommunen kan ikke løfte 4 gange dagligt i weekenden; behandles på sengeafsnit.",
    "Patienten ønsker ikke behandling i hjemmet.",
    "Ingen mulighed for video i hjemmet, og pårørende kan ikke hjælpe.",
)
REFERRER_CALLS = ("Talt med afdelingens læge; plan og første dosis aftalt.",
                  "Talt med egen læge; CRP og kreatinin fra i morges foreligger.")
MUNICIPALITY_CALLS = ("Akutteamet kan tage opgaven; første besøg i aften.",
                      "Hjemmesygeplejen bekræfter kompetencer og doseringstider.")


def seed_referrals(ward: Ward, courses: Sequence[Course], now: datetime, *, seed: int) -> int:
    """Referrals for ``courses`` (admitted ones, decided when admitted), a few declined ones
    over the same weeks and two still waiting at ``now``. Returns how many were created."""
    rng = random.Random(f"referrals/{seed}")
    created = 0
    admitted = [c for c in courses
                if c.admission.admitted_at is not None and c.admission.admitted_at <= now]
    for course in admitted:
        admission = course.admission
        admitted_at = admission.admitted_at
        assert admitted_at is not None
        received = admitted_at - timedelta(hours=_visitation_hours(rng))
        _add(ward, rng, _document(admission, admitted_at), admission.patient.municipality,
             received, ReferralStatus.ADMITTED, decided_at=admitted_at,
             decided_by=admission.responsible_doctor.initials
             if admission.responsible_doctor else None, admission_id=admission.id)
        created += 1
    days = sorted({c.first_day for c in admitted})
    for day in rng.sample(days, min(len(days), max(1, len(days) // 5))):
        received = datetime.combine(day, datetime.min.time(), tzinfo=now.tzinfo) \
            + timedelta(hours=rng.uniform(7, 15))
        received = min(received, now - timedelta(hours=8))
        _add(ward, rng, _stranger(ward, rng, received), None, received,
             ReferralStatus.DECLINED, decided_at=received + timedelta(hours=_visitation_hours(rng)),
             decided_by=rng.choice(ward.staff[Role.E_DOCTOR]).initials)
        created += 1
    for hours_ago in (3.5, 1.25):  # waiting: the morning's referrals, not visited yet
        received = now - timedelta(hours=hours_ago)
        _add(ward, rng, _stranger(ward, rng, received), None, received, ReferralStatus.REFERRED)
        created += 1
    return created


def _visitation_hours(rng: random.Random) -> float:
    """Hours from referral to decision: mostly a few, now and then most of a day."""
    return min(30.0, max(0.5, rng.lognormvariate(math.log(4.0), 0.7)))


def _add(ward: Ward, rng: random.Random, referral: ReferralInput, municipality: Municipality | None,
         received: datetime, status: ReferralStatus, *, decided_at: datetime | None = None,
         decided_by: str | None = None, admission_id: int | None = None) -> None:
    source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
    muni = municipality or next(m for m in ward.munis if m.name == referral.patient.municipality)
    row = Referral(source=source, referrer=referral.referred_by, received_at=received,
                   document=json.dumps(referral_document(referral), ensure_ascii=False),
                   municipality_id=muni.id, status=status, decided_at=decided_at,
                   decided_by=decided_by, admission_id=admission_id)
    if status != ReferralStatus.REFERRED:
        declined = status == ReferralStatus.DECLINED
        no = rng.choice(ELIGIBILITY_KEYS) if declined else None
        for key in ELIGIBILITY_KEYS:
            setattr(row, key, key != no)
        row.referrer_call = rng.choice(REFERRER_CALLS)
        row.municipality_call = rng.choice(MUNICIPALITY_CALLS)
        row.decline_reason = rng.choice(DECLINE_REASONS) if declined else None
    ward.session.add(row)


def _document(admission: Admission, admitted_at: datetime) -> ReferralInput:
    """The course as its referrer described it."""
    p = admission.patient
    return ReferralInput(
        patient=PatientInput(cpr=p.cpr, name=p.name, address=p.address,
                             municipality=p.municipality.name, phone=p.phone, gp=p.gp,
                             relatives=tuple(RelativeInput(r.name, r.phone, r.relation)
                                             for r in p.relatives),
                             lat=p.lat, lon=p.lon),
        admitted_at=admitted_at,
        responsible_doctor=admission.responsible_doctor.initials
        if admission.responsible_doctor else "",
        condition=admission.condition, consent=None, provider=admission.provider,
        planned_end=admission.planned_end,
        regimen=tuple(RegimenInput(
            kind=r.kind, drug=r.drug, dose=r.dose, doses_per_day=r.doses_per_day,
            system=r.system, iv_access=r.iv_access, start=r.start_date,
            days=(r.end_date - r.start_date).days + 1,
            dose_times=tuple(parse_dose_times(r.dose_times)),
            first_dose_given_in_hospital=r.first_dose_given_in_hospital,
            iv_access_remove_by=r.iv_access_remove_by, doses_sent=r.doses_sent)
            for r in admission.regimens),
        referred_by=admission.referred_by, condition_text=admission.condition_text,
        place_of_treatment=admission.place_of_treatment or PlaceOfTreatment.HOME)


def _stranger(ward: Ward, rng: random.Random, received: datetime) -> ReferralInput:
    """A referral for someone who is not a patient of the ward (declined, or still waiting)."""
    muni = rng.choice(ward.munis)
    day = received.date()
    fields = person(rng, ward.cprs, muni, random_age(rng), day)
    condition = rng.choice((Condition.PNEUMONIA, Condition.UTI, Condition.ERYSIPELAS))
    drug, dose, frequencies = data.ANTIBIOTICS[rng.choice(data.CONDITIONS[condition][2])]
    n = min(frequencies)
    return ReferralInput(
        patient=PatientInput(cpr=fields["cpr"], name=fields["name"], address=fields["address"],
                             municipality=muni.name, phone=fields["phone"], gp=fields["gp"]),
        admitted_at=received + timedelta(hours=4),
        responsible_doctor=rng.choice(ward.staff[Role.E_DOCTOR]).initials, condition=condition, consent=None,
        provider=Provider.MUNICIPALITY, planned_end=day + timedelta(days=6),
        regimen=(RegimenInput(kind=RegimenKind.ANTIBIOTIC, drug=drug, dose=dose,
                              doses_per_day=n, system=data.SYSTEM_WEIGHTS[0][0],
                              iv_access=data.IV_ACCESS_WEIGHTS[0][0], start=day, days=7),),
        referred_by=rng.choice(data.REFERRERS))
