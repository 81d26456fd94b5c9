"""The weekly microbiology conference: the week's antibiotic courses, their CRP and decisions.

A course belongs to the week ending on ``day`` (7 ward days, ``day`` included) when its
admission has an antibiotic regimen line running in that week and the patient was admitted
before the week ended and not discharged before it began. A fixed handful of queries, whatever
the number of courses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.models import Admission, LabResult, Patient, WardRound
from console.models.admission import Regimen
from console.redact import mask_cpr
from console.timeutil import local_date, ward_day_bounds
from console.vocabulary import RegimenKind, RoundStatus

WEEK_DAYS = 7


@dataclass(frozen=True, slots=True)
class ConferenceDecision:
    round_date: date
    decision: str | None
    signed_by: str | None
    assessment: str | None
    plan: str | None


@dataclass(frozen=True, slots=True)
class ConferenceCourse:
    admission_id: int
    patient: str
    cpr_masked: str
    condition: str
    antibiotics: str  # "Cefuroxim 1.5 g ×3; Metronidazol 500 mg ×3"
    first_day: date
    discharged_on: date | None
    discharge_outcome: str | None
    crp: tuple[tuple[datetime, float], ...]  # (taken_at, mg/L), oldest first
    decisions: tuple[ConferenceDecision, ...]  # signed rounds with a decision, oldest first

    @property
    def latest_crp(self) -> float | None:
        return self.crp[-1][1] if self.crp else None


@dataclass(frozen=True, slots=True)
class ConferenceWeek:
    first_day: date
    last_day: date
    courses: tuple[ConferenceCourse, ...]


def load_conference(session: Session, day: date) -> ConferenceWeek:
    """The antibiotic courses of the 7 ward days up to and including ``day``."""
    first_day = day - timedelta(days=WEEK_DAYS - 1)
    week_start, _ = ward_day_bounds(first_day)
    _, week_end = ward_day_bounds(day)
    courses = session.execute(
        select(Admission, Patient)
        .join(Patient, Patient.id == Admission.patient_id)
        .where(Admission.admitted_at.is_not(None), Admission.admitted_at < week_end,
               or_(Admission.discharged_at.is_(None), Admission.discharged_at >= week_start),
               Admission.id.in_(select(Regimen.admission_id).where(
                   Regimen.kind == RegimenKind.ANTIBIOTIC, Regimen.start_date <= day,
                   Regimen.end_date >= first_day)))
        .order_by(Admission.admitted_at, Admission.id)).all()
    ids = [adm.id for adm, _patient in courses]
    drugs: dict[int, list[str]] = {}
    for line in session.scalars(select(Regimen).where(
            Regimen.admission_id.in_(ids), Regimen.kind == RegimenKind.ANTIBIOTIC)
            .order_by(Regimen.id)):
        drugs.setdefault(line.admission_id, []).append(
            f"{line.drug} {line.dose} ×{line.doses_per_day}")
    crp: dict[int, list[tuple[datetime, float]]] = {}
    for adm_id, taken_at, value in session.execute(
            select(LabResult.admission_id, LabResult.taken_at, LabResult.value)
            .where(LabResult.admission_id.in_(ids), LabResult.analysis == "crp",
                   LabResult.taken_at < week_end)
            .order_by(LabResult.taken_at)):
        crp.setdefault(adm_id, []).append((taken_at, value))
    decisions: dict[int, list[ConferenceDecision]] = {}
    for w in session.scalars(select(WardRound).where(
            WardRound.admission_id.in_(ids), WardRound.status == RoundStatus.SIGNED,
            WardRound.round_date <= day).order_by(WardRound.round_date)):
        decisions.setdefault(w.admission_id, []).append(ConferenceDecision(
            round_date=w.round_date, decision=w.decision.value if w.decision else None,
            signed_by=w.signed_by, assessment=w.assessment, plan=w.plan))
    rows = []
    for adm, patient in courses:
        assert adm.admitted_at is not None
        rows.append(ConferenceCourse(
            admission_id=adm.id, patient=patient.name, cpr_masked=mask_cpr(patient.cpr),
            condition=adm.condition.value, antibiotics="; ".join(drugs.get(adm.id, [])),
            first_day=local_date(adm.admitted_at),
            discharged_on=local_date(adm.discharged_at) if adm.discharged_at else None,
            discharge_outcome=adm.discharge_outcome.value if adm.discharge_outcome else None,
            crp=tuple(crp.get(adm.id, [])), decisions=tuple(decisions.get(adm.id, []))))
    return ConferenceWeek(first_day, day, tuple(rows))
