"""A simulated municipal system (and GP system) on the mailbox transport, for messaging tests.

It reads what the console put in ``outbox/`` and drops its answers into ``inbox/``, built with
the same MedCom adapter a real partner's system would be checked against.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.db import Database
from console.medcom import (
    AckCode,
    AckSubject,
    Attachment,
    Author,
    IncomingCareCommunication,
    MailboxTransport,
    ParsedMessage,
    build_acknowledgement,
    build_care_communication,
    new_envelope,
    parse_message,
    reply,
    to_json,
)
from console.models import PartyKind, Role, Setting
from console.services.core.uow import unit_of_work
from console.services.course.admissions import AdmissionResult, admit
from console.services.course.referral import parse_referral
from console.services.messaging.parties import save_party
from tests.factories import DOCTOR, add_staff, add_ward_staff
from tests.medcom.factories import GP, HOSPITAL, MUNICIPALITY

ADMIN = "ADM"
MUNI_NURSE = Author("Birgit Berg", "Sygeplejerske", "+4512345678")


def set_setting(db: Database, key: str, value: str) -> None:
    with unit_of_work(db, "system") as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def set_up_parties(db: Database, municipality: str = "Sorø", gp: str = "Lægehuset Sorø") -> None:
    add_staff(db, ADMIN, Role.ADMIN)
    with unit_of_work(db, ADMIN) as s:
        save_party(s, kind=PartyKind.HOSPITAL, name=HOSPITAL.name, sor=HOSPITAL.sor, ean=HOSPITAL.ean)
        save_party(s, kind=PartyKind.MUNICIPALITY, name=MUNICIPALITY.name, sor=MUNICIPALITY.sor,
                   ean=MUNICIPALITY.ean, municipality=municipality)
        save_party(s, kind=PartyKind.GP, name=gp, sor=GP.sor, ean=GP.ean)


def partner_ward(db: Database, root: Path,
                 admitted: dict[str, Any]) -> tuple[Database, AdmissionResult, PartnerSystem]:
    """A ward with its staff and parties, the partner's mailbox in the settings, and the
    ``admitted`` referral (``tests.factories.referral``) admitted by the doctor."""
    add_ward_staff(db)
    set_up_parties(db)
    partner = PartnerSystem(root / "mailbox")
    set_setting(db, "medcom_outbox", str(partner.box.outbox))
    set_setting(db, "medcom_inbox", str(partner.box.inbox))
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(admitted))
    return db, adm, partner


class PartnerSystem:
    """The other end of the mailbox: takes the console's messages, answers them."""

    def __init__(self, root: Path) -> None:
        self.box = MailboxTransport(root / "outbox", root / "inbox")
        self._n = 0

    def take(self) -> list[ParsedMessage]:
        """Every message the console sent since the last call, parsed, oldest first."""
        files = sorted(self.box.outbox.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name))
        parsed = [parse_message(p.read_bytes()) for p in files if p.is_file()]
        for p in files:
            p.unlink()
        return parsed

    def deliver(self, data: bytes) -> None:
        self._n += 1
        (self.box.inbox / f"in-{self._n:04d}.json").write_bytes(data)

    def acknowledge(self, message: IncomingCareCommunication, code: AckCode = AckCode.AA) -> None:
        subject = AckSubject(message.envelope.header_id, message.sender, message.receiver,
                             message.activity.value, message.envelope.timestamp)
        self.deliver(to_json(build_acknowledgement(subject, code, new_envelope())))

    def answer(self, message: IncomingCareCommunication, text: str, topic: str,
               attachments: tuple[Attachment, ...] = ()) -> bytes:
        out = reply(message, text=text, author=MUNI_NURSE, written_at=datetime.now(UTC),
                    topic=topic, attachments=attachments)
        data = to_json(build_care_communication(out, new_envelope(), replied_to=message))
        self.deliver(data)
        return data
