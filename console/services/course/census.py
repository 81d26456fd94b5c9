"""The census: the ward's admitted home-treatment patients on a ward day (R-CAPACITY).

A handful of grouped queries regardless of ward size (no per-patient queries), assembled into
frozen rows the views and the CLI share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from console.models import (
    Admission,
    CourseAgreement,
    Escalation,
    LabResult,
    Municipality,
    Patient,
    Referral,
    Regimen,
    Visit,
    columns,
)
from console.redact import mask_cpr
from console.services.core.settings_store import get_int
from console.services.course.overdue import overdue_clause, overdue_cutoff
from console.services.logistics.stock import LineStock, project_stock, supply_days_left
from console.timeutil import local_date, now_utc, today_local, ward_day_bounds
from console.vocabulary import AdmissionStatus, ReferralStatus, RegimenKind, VisitStatus


@dataclass(frozen=True, slots=True)
class CensusRow:
    admission_id: int
    patient_id: int
    name: str
    cpr_masked: str
    municipality: str
    condition: str
    treatment: str  # antibiotic | fluid | antibiotic+fluid
    treatment_detail: str  # "Piperacillin/Tazobactam 4 g ×3"
    doses_per_day: int
    day_of_course: int
    planned_end: date | None
    next_visit_at: datetime | None
    crp_due: bool
    supply_days_left: int | None  # whole days until the first line runs out; None: covered
    open_escalations: int
    version: int
    # R-REGISTER: planned visits whose window closed (plus grace) without a registration; the
    # census shows the oldest first, in red, instead of the next visit.
    overdue_visits: int = 0
    overdue_since: datetime | None = None  # the oldest overdue visit's window start
    # R-ACCEPT / R-CAREPLAN (issue 16): "awaiting" the municipality's acceptance; "care_plan"
    # accepted but the care plan not acknowledged ("Plejeforløbsplan ok"); "" agreed or untracked.
    municipality_state: str = ""
    # R-SUPPLY (issue 20): under a day left, the hours say how soon ("0 days" hid 21 hours)
    supply_hours_left: int | None = None
    place: str = "home"  # R-REGISTER: the course's place of treatment


@dataclass(frozen=True, slots=True)
class CensusSnapshot:
    day: date
    capacity: int
    rows: tuple[CensusRow, ...]
    # A refresh of a few admissions (``only``): their rows as they stand (an id asked for but
    # missing is no longer on the census) and the whole ward's count.
    only: frozenset[int] | None = None
    admitted_count: int | None = None
    referrals_waiting: int = 0  # R-ELIGIBLE: referrals no e-doctor has decided yet (issue 19)

    @property
    def admitted(self) -> int:
        return len(self.rows) if self.admitted_count is None else self.admitted_count

    @property
    def over_capacity(self) -> bool:  # R-CAPACITY: warns, never blocks
        return self.admitted > self.capacity


def _treatment(kinds: set[RegimenKind]) -> str:
    return "+".join(k.value for k in sorted(kinds, key=lambda k: k.value)) or "none"


def load_census(session: Session, day: date | None = None,
                admission_ids: Collection[int] | None = None) -> CensusSnapshot:
    """The census of a ward day; with ``admission_ids`` only those admissions' rows (a change
    on another desk named them) and the ward's count, in queries independent of the ward's
    size."""
    # Core columns throughout, not mapped attributes: the first census of a desk loads before
    # the ORM's mappers are configured (``columns``; issue 17, the cold start)
    admission, patient, municipality = columns(Admission), columns(Patient), columns(Municipality)
    regimen, visit, lab = columns(Regimen), columns(Visit), columns(LabResult)
    escalation, agreement = columns(Escalation), columns(CourseAgreement)
    day = day or today_local()
    start, end = ward_day_bounds(day)
    capacity = get_int(session, "capacity")
    # R-DISCHARGE / R-CAPACITY: a patient discharged earlier today has left today's census and
    # no longer counts as admitted; a past day keeps everyone who was on the ward that day
    left_from = max(start, now_utc()) if day >= today_local() else start
    on_census = (admission.status != AdmissionStatus.REFERRED, admission.admitted_at < end,
                 or_(admission.discharged_at.is_(None), admission.discharged_at > left_from))
    only = None if admission_ids is None else frozenset(admission_ids)
    count = None if only is None else int(session.scalar(
        select(func.count()).select_from(Admission.__table__).where(*on_census)) or 0)
    # Core rows of the columns the census shows, not ORM objects: building a thousand
    # identity-mapped instances was most of a full load (issue 17)
    query = (select(admission.id, admission.patient_id, admission.admitted_at, admission.crp_day,
                    admission.condition, admission.planned_end, admission.version,
                    admission.place_of_treatment, patient.name.label("patient_name"), patient.cpr,
                    municipality.name.label("municipality_name"))
             .join(Patient.__table__, admission.patient_id == patient.id)
             .join(Municipality.__table__, patient.municipality_id == municipality.id)
             .where(*on_census).order_by(patient.name, admission.id))
    if only is not None:
        query = query.where(admission.id.in_(only))
    admitted = session.execute(query).all()
    if not admitted:
        return CensusSnapshot(day=day, capacity=capacity, rows=(), only=only,
                              admitted_count=count, referrals_waiting=referrals_waiting(session))
    # the whole census: its admissions as a subquery, not a list of a thousand bound
    # parameters in every statement (compiling and sending those cost more than the queries)
    ids: list[int] | Select[Any] = (
        [a.id for a in admitted] if only is not None
        else select(admission.id).where(*on_census))

    regimens: dict[int, list[Any]] = defaultdict(list)  # Core rows of Regimen columns
    for reg in session.execute(select(
            regimen.admission_id, regimen.kind, regimen.start_date, regimen.end_date, regimen.drug,
            regimen.dose, regimen.doses_per_day).where(regimen.admission_id.in_(ids))):
        regimens[reg.admission_id].append(reg)

    reference = max(start, now_utc()) if day == today_local() else start
    # the next visit and the overdue ones (R-REGISTER) in one grouped query over the planned
    # visits, one statement instead of two
    late = overdue_clause(overdue_cutoff(session))
    next_visit: dict[int, datetime] = {}
    overdue: dict[int, tuple[int, datetime]] = {}
    for adm_id, upcoming, n_late, first_late in session.execute(
            select(visit.admission_id,
                   func.min(case((visit.window_end >= reference, visit.window_start))),
                   func.count(case((late, 1))), func.min(case((late, visit.window_start))))
            .where(visit.admission_id.in_(ids), visit.status == VisitStatus.PLANNED)
            .group_by(visit.admission_id)):
        if upcoming is not None:
            next_visit[adm_id] = upcoming
        if n_late:
            overdue[adm_id] = (int(n_late), first_late)
    crp_times: dict[int, list[datetime]] = defaultdict(list)
    for adm_id, taken_at in session.execute(
        select(lab.admission_id, lab.taken_at).where(
            lab.admission_id.in_(ids), lab.analysis == "crp", lab.taken_at < end
        )
    ):
        crp_times[adm_id].append(taken_at)
    open_esc: dict[int, int] = dict(
        session.execute(
            select(escalation.admission_id, func.count())
            .where(escalation.admission_id.in_(ids), escalation.resolved_at.is_(None))
            .group_by(escalation.admission_id)
        ).all()
    )
    agreements = {adm_id: ("awaiting" if accepted is None else "care_plan" if agreed is None
                           else "") for adm_id, accepted, agreed in session.execute(
        select(agreement.admission_id, agreement.accepted_at,
               agreement.care_plan_agreed_at).where(agreement.admission_id.in_(ids)))}
    stock: dict[int, list[LineStock]] = defaultdict(list)
    for line in project_stock(session, ids):
        stock[line.admission_id].append(line)

    rows = []
    day_starts: dict[date, datetime] = {}
    for adm in admitted:
        assert adm.admitted_at is not None
        first_day = local_date(adm.admitted_at)
        day_of_course = (day - first_day).days + 1
        lines = regimens.get(adm.id, [])
        active = [r for r in lines if r.start_date <= day <= r.end_date]
        kinds = {r.kind for r in lines}
        antibiotic = RegimenKind.ANTIBIOTIC in kinds
        crp_day = first_day + timedelta(days=adm.crp_day - 1)
        if crp_day not in day_starts:  # a ward's admissions share a few dozen days
            day_starts[crp_day] = ward_day_bounds(crp_day)[0]
        crp_from = day_starts[crp_day]
        has_crp = any(t >= crp_from for t in crp_times.get(adm.id, []))
        days_left = supply_days_left(stock.get(adm.id, []), reference)
        rows.append(
            CensusRow(
                admission_id=adm.id,
                patient_id=adm.patient_id,
                name=adm.patient_name,
                cpr_masked=mask_cpr(adm.cpr),
                municipality=adm.municipality_name,
                condition=adm.condition.value,
                treatment=_treatment(kinds),
                treatment_detail="; ".join(
                    f"{r.drug} {r.dose} ×{r.doses_per_day}" for r in (active or lines)
                ),
                doses_per_day=sum(r.doses_per_day for r in active),
                day_of_course=day_of_course,
                planned_end=adm.planned_end,
                next_visit_at=next_visit.get(adm.id),
                crp_due=antibiotic and day_of_course >= adm.crp_day and not has_crp,  # R-CRP3
                supply_days_left=None if days_left is None else int(days_left),
                supply_hours_left=(None if days_left is None or days_left >= 1
                                   else int(days_left * 24)),
                open_escalations=int(open_esc.get(adm.id, 0)),
                version=adm.version,
                overdue_visits=overdue.get(adm.id, (0, None))[0],
                overdue_since=overdue.get(adm.id, (0, None))[1],
                municipality_state=agreements.get(adm.id, ""),
                place=adm.place_of_treatment.value,
            )
        )
    return CensusSnapshot(day=day, capacity=capacity, rows=tuple(rows), only=only,
                          admitted_count=count, referrals_waiting=referrals_waiting(session))


def referrals_waiting(session: Session) -> int:
    """Referrals still waiting for the e-doctor's decision (R-ELIGIBLE)."""
    referral = columns(Referral)
    return int(session.scalar(select(func.count()).where(referral.status == ReferralStatus.REFERRED))
               or 0)
