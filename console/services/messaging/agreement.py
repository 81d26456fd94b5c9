"""What a course has agreed with its municipality and GP (R-ACCEPT, R-CAREPLAN, R-EPIKRISE).

R-ACCEPT, as the console applies it: the municipal dose visits are planned at admission (the
care plan has to carry their times), but until the municipality has accepted the course they
are **awaiting acceptance**: the census, the record and the visit lists say so, and the care
plan goes out for acceptance. Acceptance comes by the municipality's "Plejeforløbsplan ok"
correspondence message or by a call the e-nurse records (who, when). Registering a dose the
municipality gave anyway is never refused: the console records what happened.

R-EPIKRISE: the eHospital holds the treatment responsibility until the GP has the epikrise:
a MedCom epikrise message acknowledged (AA), or an epikrise the e-doctor records as sent outside
the console (the EPR). A discharge with neither needs a recorded reason, and the eHospital keeps
the responsibility.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, CourseAgreement, Message
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, RuleViolation, required_text
from console.services.core.uow import check_version, get_existing
from console.timeutil import now_utc
from console.vocabulary import AdmissionStatus, MessagePurpose, MessageState, NoticeState, Role

MESSAGE_ROLES = {Role.E_NURSE, Role.E_DOCTOR}
EHOSPITAL, GP = "ehospital", "gp"


@dataclass(frozen=True, slots=True)
class AgreementRow:
    admission_id: int
    tracked: bool  # False: admitted before the console tracked acceptance (revision 0010)
    awaiting_acceptance: bool
    accepted_at: datetime | None
    accepted_by: str | None
    accepted_via: str | None
    refused_reason: str | None
    care_plan_agreed_at: datetime | None
    care_plan_sent: bool
    notice_state: str
    responsibility: str  # ehospital | gp
    responsibility_reason: str
    version: int


def start_agreement(session: Session, admission: Admission) -> CourseAgreement:
    """At admission (R-ACCEPT): nothing accepted yet, the notice (advis) expected."""
    row = CourseAgreement(admission=admission, notice_state=NoticeState.EXPECTED)
    session.add(row)
    return row


def agreement_for_update(session: Session, admission_id: int,
                         expected_version: int | None = None) -> CourseAgreement:
    row = session.get(CourseAgreement, admission_id, with_for_update=True)
    if row is None:
        get_existing(session, Admission, admission_id, "admission")
        row = CourseAgreement(admission_id=admission_id, notice_state=NoticeState.EXPECTED)
        session.add(row)
        session.flush()
    check_version(row, expected_version, "course agreement")
    return row


def awaiting_acceptance(session: Session, admission_ids: Collection[int]) -> frozenset[int]:
    """The courses among ``admission_ids`` whose municipal doses await acceptance (R-ACCEPT)."""
    if not admission_ids:
        return frozenset()
    return frozenset(session.scalars(select(CourseAgreement.admission_id).where(
        CourseAgreement.admission_id.in_(admission_ids), CourseAgreement.accepted_at.is_(None))))


def record_acceptance(session: Session, admission_id: int, *, accepted_by: str,
                      at: datetime | None = None, expected_version: int | None = None
                      ) -> AgreementRow:
    """R-ACCEPT: the e-nurse records the municipality's acceptance by phone (who, when)."""
    require_role(session, MESSAGE_ROLES, "record the municipality's acceptance")
    accepted_by = required_text(
        accepted_by, "accepted_by", "Say who at the municipality accepted the course."
    )
    at = at or now_utc()
    if at > now_utc():
        raise InvalidInput("at", "An acceptance cannot be recorded in the future.")
    row = agreement_for_update(session, admission_id, expected_version)
    row.accepted_at, row.accepted_by, row.accepted_via = at, accepted_by, "phone"
    row.refused_reason = None
    session.flush()
    return read_agreement(session, admission_id)


def record_refusal(session: Session, admission_id: int, *, reason: str,
                   expected_version: int | None = None) -> AgreementRow:
    """R-ACCEPT: the municipality refuses the course for patient-safety reasons, with a reason."""
    require_role(session, MESSAGE_ROLES, "record the municipality's refusal")
    reason = required_text(reason, "reason", "Say why the municipality refuses the course.")
    row = agreement_for_update(session, admission_id, expected_version)
    row.accepted_at = row.accepted_by = row.accepted_via = None
    row.refused_reason = reason
    session.flush()
    return read_agreement(session, admission_id)


def accept_by_message(session: Session, admission_id: int, message: Message,
                      at: datetime) -> None:
    """R-CAREPLAN/R-ACCEPT: "Plejeforløbsplan ok" arrived: the plan stands as the agreement."""
    row = agreement_for_update(session, admission_id)
    row.care_plan_agreed_at = row.care_plan_agreed_at or at
    if row.accepted_at is None:
        row.accepted_at, row.accepted_via = at, "message"
        row.accepted_by = message.author_name or message.party_name
        row.accepted_message_id = message.id
        row.refused_reason = None


def set_notice_state(session: Session, admission_id: int, state: NoticeState,
                     expected_version: int | None = None) -> AgreementRow:
    """The HospitalNotification (advis) state; an e-nurse may confirm it by phone or waive it."""
    require_role(session, MESSAGE_ROLES, "set the notice state")
    row = agreement_for_update(session, admission_id, expected_version)
    row.notice_state = state
    session.flush()
    return read_agreement(session, admission_id)


def responsibility(session: Session, adm: Admission, row: CourseAgreement | None
                   ) -> tuple[str, str]:
    """Who holds the treatment responsibility and why (R-EPIKRISE)."""
    if adm.status is not AdmissionStatus.DISCHARGED:
        return EHOSPITAL, "admitted"
    states = set(session.scalars(select(Message.state).where(
        Message.admission_id == adm.id, Message.purpose == MessagePurpose.EPIKRISE)))
    if MessageState.ACKNOWLEDGED in states:
        return GP, "epikrise acknowledged by the GP"
    if states & {MessageState.SENT, MessageState.REJECTED, MessageState.FAILED}:
        return EHOSPITAL, "epikrise sent, not yet acknowledged by the GP"
    if adm.epikrise_sent_at is not None:
        return GP, "epikrise sent from the EPR"
    if row is not None and row.epikrise_missing_reason:
        return EHOSPITAL, "no epikrise sent: " + row.epikrise_missing_reason
    return EHOSPITAL, "no epikrise sent"


def check_epikrise_for_discharge(session: Session, adm: Admission, *, epikrise_sent: bool,
                                 reason: str | None) -> None:
    """R-EPIKRISE: discharge needs the epikrise sent (by message or from the EPR) or a reason."""
    if epikrise_sent or (reason and reason.strip()):
        return
    sent = session.scalar(select(Message.id).where(
        Message.admission_id == adm.id, Message.purpose == MessagePurpose.EPIKRISE,
        Message.state.in_((MessageState.SENT, MessageState.ACKNOWLEDGED))).limit(1))
    if sent is None:
        raise RuleViolation("R-EPIKRISE", "epikrise",
                            "The epikrise has not been sent to the GP: send it, record that it "
                            "was sent from the EPR, or give the reason it is not sent. The "
                            "eHospital keeps the treatment responsibility until the GP has it.")


def record_epikrise_reason(session: Session, admission_id: int, reason: str | None) -> None:
    if reason and reason.strip():
        agreement_for_update(session, admission_id).epikrise_missing_reason = reason.strip()


def read_agreement(session: Session, admission_id: int) -> AgreementRow:
    adm = get_existing(session, Admission, admission_id, "admission")
    row = session.get(CourseAgreement, admission_id)
    holder, why = responsibility(session, adm, row)
    plan_sent = session.scalar(select(Message.id).where(
        Message.admission_id == admission_id,
        Message.purpose.in_((MessagePurpose.CARE_PLAN, MessagePurpose.CARE_PLAN_UPDATE)),
        Message.state.in_((MessageState.SENT, MessageState.ACKNOWLEDGED))).limit(1)) is not None
    if row is None:
        return AgreementRow(admission_id, False, False, None, None, None, None, None, plan_sent,
                            NoticeState.NOT_APPLICABLE.value, holder, why, 0)
    return AgreementRow(admission_id, True, row.accepted_at is None, row.accepted_at,
                        row.accepted_by, row.accepted_via, row.refused_reason,
                        row.care_plan_agreed_at, plan_sent, row.notice_state.value, holder, why,
                        row.version)
