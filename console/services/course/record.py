"""The patient record: everything about one admission on one screen, and R-HANDOVER.

Opening a record is logged in ``access_event`` (who, which patient, when, what for), in the same
transaction as the read, so the log cannot miss a look (sundhedsloven § 42 a).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import (
    Admission,
    Delivery,
    Escalation,
    LabResult,
    Patient,
    Regimen,
    Staff,
    Visit,
    WardRound,
)
from console.redact import mask_cpr
from console.services.core.access_governance import open_record, require_record_access
from console.services.core.audit_log import patient_export
from console.services.core.errors import NotFound
from console.services.core.settings_store import get_setting
from console.services.course.cpr import age_on, parse_cpr
from console.services.course.iv_access import AccessRow, course_accesses
from console.services.course.labs import BY_CODE, level_analysis, out_of_interval
from console.services.course.visits import VisitRow, visit_rows
from console.services.messaging.agreement import AgreementRow, read_agreement
from console.services.messaging.reads import MessageRow, list_messages
from console.timeutil import local_date, today_local


@dataclass(frozen=True, slots=True)
class RegimenRow:
    id: int
    kind: str
    drug: str
    dose: str
    doses_per_day: int
    dose_times: str
    system: str
    iv_access: str
    iv_access_remove_by: date | None
    first_dose_given_in_hospital: bool
    start: date
    end: date
    version: int
    # issue 19: the drug level that watches this drug ("s_vancomycin"), and its latest result
    level_analysis: str | None = None
    level: LabRow | None = None


@dataclass(frozen=True, slots=True)
class LabRow:
    id: int
    analysis: str
    value: float
    unit: str
    taken_at: datetime
    # issue 19: the analysis's name, a culture's or stix's reading, the reference interval and
    # whether the result lies outside it; where it was analysed
    name: str = ""
    reading: str | None = None
    reference: str = ""
    out_of_interval: bool = False
    place: str | None = None


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: int
    round_date: date
    status: str
    decision: str | None
    signed_by: str | None
    note: str


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    due_by: datetime
    status: str
    contents: str
    days_covered: int
    delivered_at: datetime | None
    needs_review: bool
    version: int


@dataclass(frozen=True, slots=True)
class EscalationRow:
    id: int
    received_at: datetime
    category: str
    severity: str
    routed_to: str
    text: str
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    resolution_action: str | None


@dataclass(frozen=True, slots=True)
class PatientRecord:
    admission_id: int
    patient_id: int
    name: str
    cpr: str
    cpr_masked: str
    age: int
    address: str
    municipality: str
    phone: str | None
    gp: str | None
    relatives: tuple[str, ...]
    location_approximate: bool
    status: str
    condition: str
    provider: str
    responsible_doctor: str | None
    contact_phone: str
    admitted_at: datetime | None
    day_of_course: int
    planned_end: date | None
    tariff: str | None
    meeting_link: str | None
    crp_day: int
    discharged_at: datetime | None
    discharge_outcome: str | None
    regimens: tuple[RegimenRow, ...]
    visits: tuple[VisitRow, ...]
    labs: tuple[LabRow, ...]
    rounds: tuple[RoundRow, ...]
    deliveries: tuple[DeliveryRow, ...]
    escalations: tuple[EscalationRow, ...]
    handover_missing: tuple[str, ...]
    version: int
    # Issue 16: the course's MedCom thread and what it agreed (R-ACCEPT, R-EPIKRISE).
    messages: tuple[MessageRow, ...] = ()
    agreement: AgreementRow | None = None
    place_of_treatment: str = "home"  # R-REGISTER
    accesses: tuple[AccessRow, ...] = ()  # R-ACCESS: the course's IV accesses, oldest first

    def admission_ids(self) -> tuple[int, ...]:
        return (self.admission_id,)


def handover_missing(adm: Admission, regimens: list[Regimen], doctor: str | None,
                     contact_phone: str) -> list[str]:
    """R-HANDOVER: what the municipality still lacks (the most common complaint)."""
    missing = []
    if not regimens:
        missing.append("treatment plan (regimen)")
    if adm.condition.value == "other" and not adm.condition_text:
        missing.append("diagnosis / reason for admission")
    if adm.planned_end is None:
        missing.append("duration and planned end")
    if not regimens or any(r.iv_access_remove_by is None for r in regimens):
        missing.append("IV access and when to remove it")
    if not doctor:
        missing.append("responsible doctor")
    if not contact_phone:
        missing.append("24/7 phone number")
    if not adm.medication_list_updated:
        missing.append("updated medication list")
    return missing


def load_record(session: Session, admission_id: int, *,
                reason: str | None = None) -> PatientRecord:
    """Open a record: the opening is logged (sundhedsloven § 42 a), with a purpose when the
    person has no current role for the patient (break-the-glass), then the record is read."""
    open_record(session, admission_id, reason)
    return read_record(session, admission_id)


@patient_export("print")
def record_for_print(session: Session, admission_id: int) -> PatientRecord:
    """The record as it stands, to print: the access log records the print first (§ 42 a)."""
    return read_record(session, admission_id)


def read_record(session: Session, admission_id: int) -> PatientRecord:
    """The record as it stands (a refresh of a record already open: not logged again). Only for
    a person with a current role for the patient or an open break-the-glass access."""
    require_record_access(session, admission_id)
    adm = session.scalar(select(Admission).where(Admission.id == admission_id).options(
        selectinload(Admission.regimens),
        selectinload(Admission.patient).selectinload(Patient.relatives),
        selectinload(Admission.patient).selectinload(Patient.municipality)))
    if adm is None:
        raise NotFound("admission", admission_id)
    p = adm.patient
    _cpr, born = parse_cpr(p.cpr)
    doctor = session.scalar(select(Staff.name).where(Staff.id == adm.responsible_doctor_id))
    phone = get_setting(session, "contact_phone")
    regimens = list(adm.regimens)
    first_day = local_date(adm.admitted_at) if adm.admitted_at else today_local()
    last_day = local_date(adm.discharged_at) if adm.discharged_at else today_local()
    labs = [lab_row(lab) for lab in session.scalars(
        select(LabResult).where(LabResult.admission_id == adm.id).order_by(LabResult.taken_at))]
    rounds = session.scalars(select(WardRound).where(WardRound.admission_id == adm.id)
                             .order_by(WardRound.round_date))
    deliveries = session.scalars(select(Delivery).where(Delivery.admission_id == adm.id)
                                 .order_by(Delivery.due_by))
    escalations = session.scalars(select(Escalation).where(Escalation.admission_id == adm.id)
                                  .order_by(Escalation.received_at.desc()))
    agreement = read_agreement(session, adm.id)
    return PatientRecord(
        admission_id=adm.id, patient_id=p.id, name=p.name, cpr=p.cpr, cpr_masked=mask_cpr(p.cpr),
        age=age_on(born, first_day), address=p.address, municipality=p.municipality.name,
        phone=p.phone, gp=p.gp,
        relatives=tuple(f"{r.name} ({r.relation or 'relative'}) {r.phone or ''}".strip()
                        for r in p.relatives),
        location_approximate=p.location_approximate, status=adm.status.value,
        condition=adm.condition.value, provider=adm.provider.value, responsible_doctor=doctor,
        contact_phone=phone, admitted_at=adm.admitted_at,
        day_of_course=(last_day - first_day).days + 1, planned_end=adm.planned_end,
        tariff=adm.tariff_type.code if adm.tariff_type else None, meeting_link=adm.meeting_link,
        crp_day=adm.crp_day, discharged_at=adm.discharged_at,
        discharge_outcome=adm.discharge_outcome.value if adm.discharge_outcome else None,
        regimens=tuple(_regimen_row(r, labs) for r in regimens),
        visits=tuple(visit_rows(session, Visit.admission_id == adm.id)),
        labs=tuple(labs),
        rounds=tuple(RoundRow(r.id, r.round_date, r.status.value,
                              r.decision.value if r.decision else None, r.signed_by,
                              r.plan or r.assessment or "") for r in rounds),
        deliveries=tuple(DeliveryRow(d.id, d.due_by, d.status.value, d.contents, d.days_covered,
                                     d.delivered_at, d.needs_review, d.version)
                         for d in deliveries),
        escalations=tuple(EscalationRow(
            e.id, e.received_at, e.category.value, e.severity.value, e.routed_to.value, e.text,
            e.acknowledged_at, e.resolved_at,
            e.resolution_action.value if e.resolution_action else None) for e in escalations),
        handover_missing=tuple(handover_missing(adm, regimens, doctor, phone)
                               + notice_missing(agreement)),
        version=adm.version, place_of_treatment=adm.place_of_treatment.value,
        messages=tuple(list_messages(session, admission_id=adm.id)),
        agreement=agreement,
        accesses=course_accesses(session, adm),
    )


NOTICE_ITEM = "hospital notification (advis)"


def notice_missing(agreement: AgreementRow) -> list[str]:
    """R-HANDOVER (issue 16): the advis that tells the municipality the patient is admitted has
    not arrived, nor been confirmed by phone or waived by the e-nurse."""
    return [NOTICE_ITEM] if agreement.tracked and agreement.notice_state == "expected" else []


def _regimen_row(r: Regimen, labs: list[LabRow]) -> RegimenRow:
    """A regimen line with the latest result of the drug level that watches it (issue 19)."""
    watch = level_analysis(r.drug)
    level = next((lab for lab in reversed(labs) if watch and lab.analysis == watch.code), None)
    return RegimenRow(r.id, r.kind.value, r.drug, r.dose, r.doses_per_day, r.dose_times,
                      r.system.value, r.iv_access.value, r.iv_access_remove_by,
                      r.first_dose_given_in_hospital, r.start_date, r.end_date, r.version,
                      watch.code if watch else None, level)


def lab_row(lab: LabResult) -> LabRow:
    """A result as the record's lab table shows it, marked against its reference interval."""
    analysis = BY_CODE.get(lab.analysis)
    if analysis is None:  # an analysis the list no longer has: shown as stored
        return LabRow(lab.id, lab.analysis, lab.value, lab.unit, lab.taken_at, lab.analysis,
                      lab.reading, place=lab.place)
    return LabRow(lab.id, lab.analysis, lab.value, lab.unit, lab.taken_at, analysis.name,
                  lab.reading, analysis.reference_text(),
                  out_of_interval(analysis, lab.value, lab.reading), lab.place)
