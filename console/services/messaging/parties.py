"""Messaging parties (SOR/EAN), kept by an admin as reference data (design rule 9).

The eHospital itself is the one party of kind ``hospital``; each municipality has its home
nursing / acute team unit; a GP practice is found by the name on the patient (``Patient.gp``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.medcom import Organisation
from console.models import Admission, MessageParty, Municipality
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, RuleViolation, required_text
from console.services.core.uow import check_version
from console.vocabulary import PartyKind, Role


@dataclass(frozen=True, slots=True)
class PartyRow:
    id: int
    kind: str
    name: str
    sor: str
    ean: str | None
    municipality: str | None
    active: bool
    version: int


def _row(p: MessageParty) -> PartyRow:
    return PartyRow(p.id, p.kind.value, p.name, p.sor, p.ean,
                    p.municipality.name if p.municipality else None, p.active, p.version)


def list_parties(session: Session) -> list[PartyRow]:
    return [_row(p) for p in session.scalars(select(MessageParty).order_by(
        MessageParty.kind, MessageParty.name))]


def save_party(session: Session, *, kind: PartyKind, name: str, sor: str, ean: str | None = None,
               municipality: str | None = None, active: bool = True, party_id: int | None = None,
               expected_version: int | None = None) -> PartyRow:
    """Add or edit a party (admin only). SOR ids are digits, unique among parties."""
    require_role(session, {Role.ADMIN}, "edit message parties")
    sor, ean = sor.strip(), (ean or "").strip() or None
    if not sor.isdigit():
        raise InvalidInput("sor", f"'{sor}' is not a SOR id: digits only.")
    if ean is not None and not ean.isdigit():
        raise InvalidInput("ean", f"'{ean}' is not an EAN location number: digits only.")
    name = required_text(name, "name", "Give the party's name.")
    muni_id = None
    if municipality:
        muni_id = session.scalar(select(Municipality.id).where(Municipality.name == municipality))
        if muni_id is None:
            raise InvalidInput("municipality", f"No municipality '{municipality}'.")
    if party_id is None:
        party = MessageParty(kind=kind)
        session.add(party)
    else:
        found = session.get(MessageParty, party_id, with_for_update=True)
        if found is None:
            raise InvalidInput("party", f"No party {party_id}.")
        check_version(found, expected_version, "message party")
        party = found
    party.kind, party.name, party.sor, party.ean = kind, name, sor, ean
    party.municipality_id, party.active = muni_id, active
    session.flush()
    return _row(party)


def organisation(party: MessageParty) -> Organisation:
    return Organisation(party.sor, party.ean, party.name)


def hospital_party(session: Session) -> MessageParty:
    party = session.scalars(select(MessageParty).where(
        MessageParty.kind == PartyKind.HOSPITAL, MessageParty.active).order_by(
        MessageParty.id)).first()
    if party is None:
        raise RuleViolation("R-MESSAGE", "party", "The eHospital's own SOR id is not configured: "
                            "an admin must add the hospital as a message party.")
    return party


def receiver_for(session: Session, adm: Admission, to: PartyKind) -> MessageParty:
    """The municipal unit of the patient's municipality, or the patient's GP practice."""
    if to is PartyKind.MUNICIPALITY:
        party = session.scalars(select(MessageParty).where(
            MessageParty.kind == PartyKind.MUNICIPALITY, MessageParty.active,
            MessageParty.municipality_id == adm.patient.municipality_id).order_by(
            MessageParty.id)).first()
        what = f"the municipality {adm.patient.municipality.name}"
    else:
        gp = (adm.patient.gp or "").strip()
        party = session.scalars(select(MessageParty).where(
            MessageParty.kind == PartyKind.GP, MessageParty.active,
            func.lower(MessageParty.name) == gp.lower())).first() if gp else None
        what = "the patient's GP" + (f" '{gp}'" if gp else " (none recorded)")
    if party is None:
        raise RuleViolation("R-MESSAGE", "party", f"No SOR address is configured for {what}: "
                            "an admin must add it as a message party.")
    return party


def party_by_sor(session: Session, sor: str) -> MessageParty | None:
    return session.scalar(select(MessageParty).where(MessageParty.sor == sor))
