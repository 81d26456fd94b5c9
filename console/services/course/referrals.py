"""The referral queue (R-ELIGIBLE, issue 19): referrals come in, the e-doctor visits them and
admits or declines.

A referral arrives as the referral document ``eward admit`` reads (``ReferralDoc``), from a
hospital department, a GP, the out-of-hours GP or the COPD pre-care team (seed 003: direct
referrals), and waits as "referred". The e-doctor records the eligibility judgement and the talks
with the referrer and the municipality (``eligibility``), then admits (through
``admissions.admit``, the one way a course starts) or declines with a reason. Two desks deciding
the same referral: the second is a ``Conflict`` (exit 3), whoever was first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from console.models import Admission, Municipality, Patient, Referral
from console.redact import mask_cpr
from console.services.core.access import require_role
from console.services.core.errors import Conflict, InvalidInput, NotFound, RuleViolation, SimultaneousWrite
from console.services.core.operations import somebody_was_first
from console.services.core.settings_store import get_int
from console.services.core.uow import check_version
from console.services.course.admissions import admit
from console.services.course.census import referrals_waiting
from console.services.course.cpr import parse_cpr
from console.services.course.eligibility import ELIGIBILITY_KEYS, eligibility_refusals
from console.services.course.referral import ReferralInput, parse_referral
from console.timeutil import now_utc
from console.vocabulary import AdmissionStatus, ReferralSource, ReferralStatus, Role


@dataclass(frozen=True, slots=True)
class MunicipalSituation:
    """What the doctor weighs about the patient's municipality (R-FREQ, R-MUNI-COMPETENCE)."""

    name: str
    four_daily_agreement: bool
    phone: str | None
    active_courses: int  # the ward's courses in this municipality now


@dataclass(frozen=True, slots=True)
class ReferralRow:
    id: int
    source: str
    referrer: str | None
    received_at: datetime
    status: str
    patient_name: str
    cpr_masked: str
    municipality: str
    condition: str
    treatment: str  # "Piperacillin/Tazobactam 4 g ×3"
    judgement: tuple[tuple[str, bool | None], ...]  # (item key, yes/no/not judged), in order
    referrer_call: str | None
    municipality_call: str | None
    decline_reason: str | None
    decided_by: str | None
    decided_at: datetime | None
    admission_id: int | None
    version: int
    situation: MunicipalSituation | None


@dataclass(frozen=True, slots=True)
class ReferralQueue:
    rows: tuple[ReferralRow, ...]
    waiting: int
    admitted: int  # R-CAPACITY: admitted patients against capacity, shown, never blocking
    capacity: int


@dataclass(frozen=True, slots=True)
class ReferralForAdmission:
    """The referral the admission dialog is filled from."""

    referral_id: int
    version: int
    referral: ReferralInput


@dataclass(frozen=True, slots=True)
class ReferralDecision:
    referral_id: int
    status: str
    admission_id: int | None
    warnings: tuple[str, ...] = ()


def add_referral(session: Session, source: ReferralSource, document: Any, *,
                 referrer: str | None = None, received_at: datetime | None = None) -> ReferralRow:
    """Take a referral in (e-doctor or e-nurse): the document is checked against the referral
    schema and kept as received; it waits as "referred"."""
    require_role(session, {Role.E_DOCTOR, Role.E_NURSE}, "take in a referral")
    parsed = parse_referral(document)  # InvalidInput naming the field
    parse_cpr(parsed.patient.cpr)  # R-CPR: a referral names one person, readably
    muni_id = session.scalar(select(Municipality.id)
                             .where(Municipality.name == parsed.patient.municipality))
    row = Referral(source=source, referrer=(referrer or parsed.referred_by or None),
                   received_at=received_at or now_utc(),
                   document=json.dumps(document, ensure_ascii=False),
                   municipality_id=muni_id, status=ReferralStatus.REFERRED)
    session.add(row)
    session.flush()
    return _row(row, _situations(session))


def list_referrals(session: Session, *, include_decided: bool = False) -> ReferralQueue:
    """The queue, oldest first (decided ones too when asked), with capacity and waiting count."""
    query = select(Referral).order_by(Referral.received_at, Referral.id)
    if not include_decided:
        query = query.where(Referral.status == ReferralStatus.REFERRED)
    situations = _situations(session)
    rows = tuple(_row(r, situations) for r in session.scalars(query))
    admitted = session.scalar(select(func.count()).select_from(Admission)
                              .where(Admission.status == AdmissionStatus.ADMITTED)) or 0
    return ReferralQueue(rows=rows, waiting=referrals_waiting(session), admitted=int(admitted),
                         capacity=get_int(session, "capacity"))


def referral_for_admission(session: Session, referral_id: int) -> ReferralForAdmission:
    """The referral's document as the admission dialog's values."""
    row = _get(session, referral_id)
    return ReferralForAdmission(row.id, row.version, parse_referral(json.loads(row.document)))


def assess_referral(session: Session, referral_id: int, *, judgement: Mapping[str, bool | None],
                    referrer_call: str | None, municipality_call: str | None,
                    expected_version: int | None = None) -> ReferralRow:
    """R-ELIGIBLE: record the e-doctor's judgement and the talks (while the referral waits)."""
    require_role(session, {Role.E_DOCTOR}, "assess a referral")
    row = _waiting(session, referral_id, expected_version)
    unknown = set(judgement) - set(ELIGIBILITY_KEYS)
    if unknown:
        raise InvalidInput("judgement", f"Unknown eligibility item '{sorted(unknown)[0]}': use "
                           f"{', '.join(ELIGIBILITY_KEYS)}.")
    for key, value in judgement.items():
        setattr(row, key, value)
    row.referrer_call = (referrer_call or "").strip() or None
    row.municipality_call = (municipality_call or "").strip() or None
    session.flush()
    return _row(row, _situations(session))


def admit_referral(session: Session, referral_id: int, *, expected_version: int | None = None,
                   referral: ReferralInput | None = None) -> ReferralDecision:
    """Admit a waiting referral (e-doctor only): R-ELIGIBLE judged and talked through, then the
    admission service admits (``referral`` is the dialog's version of the document; none: the
    document as received). Admission and decision commit together."""
    user = require_role(session, {Role.E_DOCTOR}, "admit a referral")
    try:
        row = _waiting(session, referral_id, expected_version)
        problems = eligibility_refusals({k: getattr(row, k) for k in ELIGIBILITY_KEYS},
                                        row.referrer_call, row.municipality_call)
        if problems:
            raise problems[0]
        result = admit(session, referral or parse_referral(json.loads(row.document)))
        row.status, row.admission_id = ReferralStatus.ADMITTED, result.admission_id
        row.decided_by, row.decided_at = user, now_utc()
        session.flush()
    except DBAPIError as exc:
        if not somebody_was_first(exc):
            raise
        raise SimultaneousWrite("referral", "Another desk decided this referral at the same "
                                "moment; nothing was saved. Reload the queue.", "id") from None
    return ReferralDecision(row.id, row.status.value, result.admission_id, result.warnings)


def decline_referral(session: Session, referral_id: int, *, reason: str | None,
                     expected_version: int | None = None) -> ReferralDecision:
    """Decline a waiting referral with a reason (R-ELIGIBLE; e-doctor only)."""
    user = require_role(session, {Role.E_DOCTOR}, "decline a referral")
    if not (reason or "").strip():
        raise RuleViolation("R-ELIGIBLE", "decline_reason",
                            "A referral is declined with a reason: say why.")
    row = _waiting(session, referral_id, expected_version)
    row.status, row.decline_reason = ReferralStatus.DECLINED, (reason or "").strip()
    row.decided_by, row.decided_at = user, now_utc()
    session.flush()
    return ReferralDecision(row.id, row.status.value, None)


# -- helpers ---------------------------------------------------------------------------------


def _get(session: Session, referral_id: int, *, lock: bool = False) -> Referral:
    query = select(Referral).where(Referral.id == referral_id)
    row = session.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise NotFound("referral", referral_id)
    return row


def _waiting(session: Session, referral_id: int, expected_version: int | None) -> Referral:
    """The referral, locked, still waiting and as the person saw it; else a Conflict."""
    row = _get(session, referral_id, lock=True)
    if row.status != ReferralStatus.REFERRED:  # decided meanwhile: never both
        raise Conflict("referral", row.decided_by, row.decided_at)
    check_version(row, expected_version, "referral")
    return row


def _situations(session: Session) -> dict[int, MunicipalSituation]:
    active: dict[int, int] = {muni: int(n) for muni, n in session.execute(
        select(Patient.municipality_id, func.count()).join(Admission,
                                                           Admission.patient_id == Patient.id)
        .where(Admission.status == AdmissionStatus.ADMITTED)
        .group_by(Patient.municipality_id))}
    return {m.id: MunicipalSituation(m.name, m.four_daily_agreement, m.phone,
                                     active.get(m.id, 0))
            for m in session.scalars(select(Municipality))}


def _row(row: Referral, situations: Mapping[int, MunicipalSituation]
         ) -> ReferralRow:
    doc = parse_referral(json.loads(row.document))
    treatment = ", ".join(f"{line.drug} {line.dose} ×{line.doses_per_day}"
                          for line in doc.regimen)
    return ReferralRow(
        id=row.id, source=row.source.value, referrer=row.referrer, received_at=row.received_at,
        status=row.status.value, patient_name=doc.patient.name,
        cpr_masked=mask_cpr(doc.patient.cpr.strip()),
        municipality=doc.patient.municipality, condition=doc.condition.value,
        treatment=treatment,
        judgement=tuple((k, getattr(row, k)) for k in ELIGIBILITY_KEYS),
        referrer_call=row.referrer_call, municipality_call=row.municipality_call,
        decline_reason=row.decline_reason, decided_by=row.decided_by,
        decided_at=row.decided_at, admission_id=row.admission_id, version=row.version,
        situation=situations.get(row.municipality_id) if row.municipality_id else None)
