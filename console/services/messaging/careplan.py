"""The care plan (plejeforløbsplan) as a message, its dated updates, the epikrise and the
discharge report (R-CAREPLAN, R-HANDOVER, R-EPIKRISE).

The console drafts the text from the course as it stands; the e-nurse or e-doctor reviews and
sends it (``outbox.send_message``). The text is Danish: it goes to Danish municipal staff.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.medcom import Category
from console.models import Admission, Message, Visit
from console.services.core.errors import RuleViolation
from console.services.core.settings_store import get_setting
from console.services.core.uow import get_existing
from console.services.messaging.outbox import Draft, add_attachment, draft_message
from console.services.messaging.parties import hospital_party, receiver_for
from console.services.messaging.plan_pdf import care_plan_pdf
from console.timeutil import format_local, local_date, now_utc
from console.vocabulary import MessagePurpose, MessageState, PartyKind, VisitStatus

CARE_PLAN_TOPIC = "Plejeforløbsplan"
_ACCESS = {"pvk": "PVK", "cvk": "CVK", "picc": "PICC-line", "midline": "Midline",
           "vip": "VIP/Port-a-cath"}


def _admission(session: Session, admission_id: int) -> Admission:
    return get_existing(session, Admission, admission_id, "admission")


def care_plan_text(session: Session, adm: Admission) -> str:
    """The R-HANDOVER items, dose times, visit plan, supply and contacts, in Danish."""
    doctor = adm.responsible_doctor.name if adm.responsible_doctor else "(ikke angivet)"
    phone = get_setting(session, "contact_phone")
    admitted = format_local(adm.admitted_at, "%Y-%m-%d %H:%M") if adm.admitted_at else "-"
    lines = [
        f"Plejeforløbsplan, eHospitalet. Indlagt {admitted}.",
        f"Diagnose/årsag: {adm.condition_text or adm.condition.value}.",
        f"Forventet afslutning: {adm.planned_end.isoformat() if adm.planned_end else '-'}.",
        "Behandlingsplan:",
    ]
    for reg in adm.regimens:
        remove = reg.iv_access_remove_by.isoformat() if reg.iv_access_remove_by else "-"
        lines.append(
            f"- {reg.drug} {reg.dose} x {reg.doses_per_day} dagligt kl. "
            f"{reg.dose_times.replace(',', ', ')}, {reg.start_date.isoformat()} til "
            f"{reg.end_date.isoformat()}; adgang {_ACCESS.get(reg.iv_access.value, reg.iv_access.value)}, "
            f"fjernes senest {remove}; system {reg.system.value}; medsendt {reg.doses_sent} doser.")
    planned = session.scalars(select(Visit).where(
        Visit.admission_id == adm.id, Visit.status == VisitStatus.PLANNED).order_by(
        Visit.window_start).limit(6))
    lines.append("Næste besøg: " + "; ".join(
        f"{format_local(v.window_start, '%Y-%m-%d %H:%M')} {v.kind.value} ({v.provider.value})"
        for v in planned))
    lines.append("Medicinlisten (FMK) er opdateret." if adm.medication_list_updated
                 else "Medicinlisten (FMK) er endnu ikke opdateret.")
    lines.append(f"Ansvarlig læge: {doctor}. eHospitalet døgnet rundt: tlf. {phone} "
                 "(eLæge 24/7, eSygeplejerske 07.30-19.30).")
    lines.append("Kvittér venligst med korrespondancemeddelelse, emne: Plejeforløbsplan ok.")
    return "\n".join(lines)


def draft_care_plan(session: Session, admission_id: int, *, reason: str | None = None) -> int:
    """R-CAREPLAN: the care plan (or, once one was sent, a dated update) for the municipality.

    An update starts with its date (seed 004: "Opdatering indledes med angivelse af dato") and
    why. An unsent draft of the plan is replaced rather than stacked.
    """
    adm = _admission(session, admission_id)
    earlier = list(session.scalars(select(Message).where(
        Message.admission_id == adm.id,
        Message.purpose.in_((MessagePurpose.CARE_PLAN, MessagePurpose.CARE_PLAN_UPDATE)))))
    today = local_date(now_utc())
    for stale in (m for m in earlier if m.state is MessageState.DRAFTED):
        session.delete(stale)
    session.flush()
    sent_before = any(m.state is not MessageState.DRAFTED for m in earlier)
    body = care_plan_text(session, adm)
    purpose = MessagePurpose.CARE_PLAN
    if sent_before:
        purpose = MessagePurpose.CARE_PLAN_UPDATE
        body = f"Opdateret {today.isoformat()}: {reason or 'ændring i forløbet'}.\n" + body
    message_id = draft_message(session, adm.id, Draft(
        to=PartyKind.MUNICIPALITY, category=Category.CARE_COORDINATION, text=body,
        topic=CARE_PLAN_TOPIC, purpose=purpose, plan_date=today))
    msg = session.get(Message, message_id)
    assert msg is not None
    pdf = care_plan_pdf(body, name=adm.patient.name, cpr=adm.patient.cpr)
    add_attachment(msg, filename=f"{CARE_PLAN_TOPIC} {today.isoformat()}.pdf",
                   content_type="application/pdf", data=pdf,
                   title=f"{CARE_PLAN_TOPIC} {today.isoformat()}")
    session.flush()
    return message_id


def on_course_changed(session: Session, admission_id: int, reason: str) -> int | None:
    """A change that matters for the municipality's planning (R-CAREPLAN): a dated update is
    drafted for review, when the course has parties configured; never blocks the change."""
    if not _parties_configured(session, admission_id, PartyKind.MUNICIPALITY):
        return None  # no SOR address configured: the record shows the care plan as not sent
    return draft_care_plan(session, admission_id, reason=reason)


def on_discharged(session: Session, admission_id: int) -> int | None:
    """R-EPIKRISE: discharge drafts the discharge report to the municipality for review."""
    if not _parties_configured(session, admission_id, PartyKind.MUNICIPALITY):
        return None
    return draft_discharge_report(session, admission_id, what_next="")


def _parties_configured(session: Session, admission_id: int, to: PartyKind) -> bool:
    try:
        hospital_party(session)
        receiver_for(session, _admission(session, admission_id), to)
    except RuleViolation:
        return False
    return True


def draft_epikrise(session: Session, admission_id: int, *, text: str) -> int:
    """R-EPIKRISE: the discharge summary to the patient's GP (category discharge)."""
    if not text.strip():
        raise RuleViolation("R-EPIKRISE", "text", "Write the epikrise.")
    return draft_message(session, _admission(session, admission_id).id, Draft(
        to=PartyKind.GP, category=Category.DISCHARGE, text=text, topic="Epikrise",
        purpose=MessagePurpose.EPIKRISE))


def draft_discharge_report(session: Session, admission_id: int, *, what_next: str) -> int:
    """R-EPIKRISE: the discharge report to the municipality: outcome and what happens next."""
    adm = _admission(session, admission_id)
    when = adm.discharged_at or now_utc()
    outcome = adm.discharge_outcome.value if adm.discharge_outcome else "-"
    text = (f"Udskrivningsrapport {date.isoformat(local_date(when))}: forløbet i eHospitalet er "
            f"afsluttet ({outcome}).\n{what_next.strip() or 'Videre forløb: se epikrisen.'}\n"
            "Behandlingsansvaret ligger hos eHospitalet, indtil egen læge har modtaget epikrisen.")
    return draft_message(session, adm.id, Draft(
        to=PartyKind.MUNICIPALITY, category=Category.DISCHARGE, text=text,
        topic="Udskrivningsrapport", purpose=MessagePurpose.DISCHARGE_REPORT))
