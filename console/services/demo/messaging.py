"""The demo ward's MedCom traffic (issue 16): parties, what each course has agreed with its
municipality, and a thread of messages in every state the Messages screen shows.

Written directly (no transport): the demo has no partner systems. SOR and EAN numbers are
fictitious. A random generator of its own keeps the rest of the demo as it was. Each care plan
carries its PDF as a sent one does; the municipal nurses' questions are signed, and one of them
comes with a (drawn) photo of the IV site.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from console.medcom import (
    Author,
    Category,
    Envelope,
    OutgoingCareCommunication,
    PatientRef,
    build_care_communication,
    to_json,
)
from console.models import (
    CourseAgreement,
    Message,
    MessageEnvelope,
    MessageParty,
    Municipality,
    encode_bytes,
)
from console.services.demo.data import MUNICIPAL_CALLERS, STAFF
from console.services.demo.photo import iv_site_png
from console.services.demo.ward import Course
from console.services.messaging.outbox import add_attachment
from console.services.messaging.parties import organisation
from console.services.messaging.plan_pdf import care_plan_pdf
from console.timeutil import local_date, now_utc
from console.vocabulary import (
    MessageDirection,
    MessageKind,
    MessagePurpose,
    MessageState,
    NoticeState,
    PartyKind,
    Role,
)

CARE_PLAN = "Plejeforløbsplan"
PLAN_TEXT = "Plejeforløbsplan for IV-behandling i hjemmet (demo)."
E_NURSES = tuple(initials for initials, _name, roles in STAFF if roles == (Role.E_NURSE,))
# What the municipal nurses ask; the second comes with a photo of the IV site.
QUESTIONS = ("Skal PICC-linen skylles efter hver dosis?",
             "Let rødme omkring indstiksstedet siden i morges, se billedet. Skal PVK'en skiftes?",
             "Patienten spørger, om hun må gå i bad med pumpen på.")


def seed_messaging(session: Session, municipalities: list[Municipality], courses: list[Course],
                   *, seed: int) -> None:
    rng = random.Random(seed * 7919)
    hospital = MessageParty(kind=PartyKind.HOSPITAL, name="eHospitalet, Region Sjælland",
                            sor="800000000000001", ean="5790000000001", active=True)
    session.add(hospital)
    parties = {}
    for n, muni in enumerate(municipalities, start=1):
        party = MessageParty(kind=PartyKind.MUNICIPALITY, name=f"Hjemmesygeplejen {muni.name}",
                             sor=f"90000000000{n:04d}", ean=f"57900000{n:05d}", municipality=muni,
                             active=True)
        session.add(party)
        parties[muni.id] = party
    session.flush()
    now = now_utc()
    asked = 0
    for course in courses:
        adm = course.admission
        assert adm.admitted_at is not None
        party = parties[course.patient.municipality_id]
        fresh = now - adm.admitted_at < timedelta(hours=30)
        sent_at = adm.admitted_at + timedelta(hours=2)
        plan = _message(session, adm.id, party, MessageDirection.OUT, CARE_PLAN, sent_at,
                        PLAN_TEXT, purpose=MessagePurpose.CARE_PLAN)
        plan.author = E_NURSES[adm.id % len(E_NURSES)]
        planned = local_date(sent_at).isoformat()
        add_attachment(plan, filename=f"{CARE_PLAN} {planned}.pdf", content_type="application/pdf",
                       data=care_plan_pdf(PLAN_TEXT, name=course.patient.name,
                                          cpr=course.patient.cpr),
                       title=f"{CARE_PLAN} {planned}")
        agreement = CourseAgreement(admission_id=adm.id, notice_state=NoticeState.RECEIVED)
        session.add(agreement)
        if fresh and rng.random() < 0.5:  # no acknowledgement yet: red after the timeout
            plan.state = MessageState.SENT
            agreement.notice_state = NoticeState.EXPECTED
            continue
        plan.state, plan.ack_code, plan.ack_at = MessageState.ACKNOWLEDGED, "AA", sent_at
        if fresh:
            continue  # acknowledged, not yet accepted: "awaiting acceptance"
        ok_at = sent_at + timedelta(hours=rng.randint(2, 20))
        ok = _message(session, adm.id, party, MessageDirection.IN, f"{CARE_PLAN} ok", ok_at,
                      "Vi har modtaget plejeforløbsplanen og overtager doserne.")
        ok.in_reply_to_id, ok.author_name = plan.id, "Sygeplejerske (demo)"
        session.flush()
        agreement.accepted_at = agreement.care_plan_agreed_at = ok_at
        agreement.accepted_via, agreement.accepted_by = "message", ok.author_name
        agreement.accepted_message_id = ok.id
        if rng.random() < 0.2:
            question = _message(session, adm.id, party, MessageDirection.IN, CARE_PLAN,
                                now - timedelta(minutes=rng.randint(10, 300)),
                                QUESTIONS[asked % len(QUESTIONS)])
            question.author_name = (f"{MUNICIPAL_CALLERS[adm.id % len(MUNICIPAL_CALLERS)]}, "
                                    "Sygeplejerske")
            if asked % len(QUESTIONS) == 1:
                add_attachment(question, filename="Indstikssted.png", content_type="image/png",
                               data=iv_site_png(), title="Indstikssted")
            asked += 1
    course = courses[len(courses) // 2]
    _unmatched_question(session, course, parties[course.patient.municipality_id], hospital,
                        now - timedelta(minutes=40))
    session.flush()


def _unmatched_question(session: Session, course: Course, party: MessageParty,
                        hospital: MessageParty, at: datetime) -> None:
    """A question whose CPR the municipality's system got wrong: it matches no course and
    waits under Needs attention for an e-nurse to match it (R-MESSAGE). Stored as received,
    bundle bytes and all, so the console reads whom it names as it would a real one."""
    cpr = course.patient.cpr.replace("-", "")
    typo = cpr[:6] + f"{(int(cpr[6:]) + 1) % 10000:04d}"
    ids = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"eward-demo-unmatched-{n}")) for n in range(4)]
    writer = Author(f"{MUNICIPAL_CALLERS[0]}, Sygeplejerske", "Sygeplejerske",
                    "46310000")  # a fictitious municipal number
    text = "Vi har ikke modtaget plejeforløbsplanen for borgeren. Kan I sende den igen?"
    question = OutgoingCareCommunication(
        sender=organisation(party), receiver=organisation(hospital),
        patient=PatientRef(typo, course.patient.name), category=Category.CARE_COORDINATION,
        topic=CARE_PLAN, text=text, author=writer, written_at=at,
        communication_id=f"urn:uuid:{ids[0]}", segment_id=f"urn:uuid:{ids[1]}")
    data = to_json(build_care_communication(question, Envelope(ids[2], ids[3], at)))
    msg = _message(session, None, party, MessageDirection.IN, CARE_PLAN, at, text)
    msg.author_name, msg.raw, msg.raw_format = writer.name, encode_bytes(data), "json"
    msg.communication_id = question.communication_id


def _message(session: Session, admission_id: int | None, party: MessageParty,
             direction: MessageDirection, topic: str, at: datetime, text: str,
             purpose: MessagePurpose | None = None) -> Message:
    msg = Message(admission_id=admission_id, direction=direction,
                  kind=MessageKind.CARE_COMMUNICATION,
                  state=MessageState.SENT if direction is MessageDirection.OUT
                  else MessageState.RECEIVED,
                  purpose=purpose or MessagePurpose.CORRESPONDENCE, party=party,
                  party_sor=party.sor, party_name=party.name, category="carecoordination",
                  topic=topic, text=text, communication_id=f"urn:uuid:demo-{admission_id}",
                  created_at=at.astimezone(UTC), sent_at=at.astimezone(UTC), duplicates=0)
    session.add(msg)
    session.flush()
    session.add(MessageEnvelope(message_id=msg.id, bundle_id=f"demo-{msg.id}",
                                header_id=f"demo-{direction.value}-{msg.id}", at=msg.created_at))
    return msg
