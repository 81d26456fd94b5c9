"""The per-municipality contact directory (issue 7): each municipality's main number, its 4x/day
agreement (R-FREQ) and the numbers of its acute team and home nursing.

Everyone reads it (the escalation intake fills the caller from it, R-CONTACT/R-MBE-SUPPORT calls
come from these teams); only an admin edits it (design rule 9). Every edit carries the version
it was based on; a stale one raises ``Conflict`` naming who changed the row and when. Changing a
municipality's 4x/day agreement takes effect at the next admission or regimen change, because
R-FREQ reads the flag from the municipality row (``admissions.load_rule_context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console.models import MunicipalContact, Municipality
from console.services.core.access import require_role, roles_of
from console.services.core.errors import InvalidInput, NotFound, RuleViolation, required_text
from console.services.core.uow import acting_user, check_version, get_existing
from console.vocabulary import ContactTeam, Role

EDIT_ROLES = frozenset({Role.ADMIN})
EDIT_ACTION = "edit the municipal directory"
NAME_MAX, PHONE_MAX, HOURS_MAX = 128, 32, 64
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 3, 15  # a short internal number … E.164's longest
_PHONE = re.compile(r"\+?[0-9][0-9 ]*")


@dataclass(frozen=True, slots=True)
class ContactEntry:
    id: int
    municipality: str
    team: str  # a ContactTeam value
    name: str
    phone: str
    hours: str | None
    note: str | None
    active: bool
    version: int


@dataclass(frozen=True, slots=True)
class MunicipalityEntry:
    id: int
    name: str
    main_town: str
    phone: str | None
    four_daily_agreement: bool
    version: int
    contacts: tuple[ContactEntry, ...]


def _contact_entry(contact: MunicipalContact, municipality: str) -> ContactEntry:
    return ContactEntry(contact.id, municipality, contact.team.value, contact.name, contact.phone,
                        contact.hours, contact.note, contact.active, contact.version)


def _entry(muni: Municipality) -> MunicipalityEntry:
    contacts = sorted(muni.contacts, key=lambda c: (not c.active, c.team.value, c.name))
    return MunicipalityEntry(muni.id, muni.name, muni.main_town, muni.phone,
                             muni.four_daily_agreement, muni.version,
                             tuple(_contact_entry(c, muni.name) for c in contacts))


def list_directory(session: Session) -> list[MunicipalityEntry]:
    """Every municipality by name, with its contacts (active first, then by team and name)."""
    munis = session.scalars(select(Municipality).options(selectinload(Municipality.contacts))
                            .order_by(Municipality.name))
    return [_entry(m) for m in munis]


def _municipality(session: Session, name: str, *, lock: bool = False) -> Municipality:
    wanted = required_text(name, "municipality", "Give the municipality, e.g. Sorø.")
    stmt = select(Municipality).where(Municipality.name == wanted)
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    muni = session.scalar(stmt)
    if muni is None:
        raise RuleViolation("R-MUNICIPALITY", "municipality",
                            f"'{name}' is not a configured municipality.")
    return muni


def get_municipality(session: Session, name: str) -> MunicipalityEntry:
    return _entry(_municipality(session, name))


def contacts_for(session: Session, municipality_name: str, *,
                 active_only: bool = False) -> tuple[ContactEntry, ...]:
    """The municipality's contacts (the intake offers the active ones as the caller)."""
    contacts = get_municipality(session, municipality_name).contacts
    return tuple(c for c in contacts if c.active or not active_only)


def get_contact(session: Session, contact_id: int) -> ContactEntry:
    contact = get_existing(session, MunicipalContact, contact_id, "directory contact")
    return _contact_entry(contact, contact.municipality.name)


def may_edit_directory(session: Session) -> bool:
    """Whether the acting user may edit (the dialog shows a read-only view otherwise)."""
    user = acting_user(session)
    return user is not None and bool(roles_of(session, user) & EDIT_ROLES)


# -- validation ----------------------------------------------------------------------------------

def clean_phone(value: str | None, field: str = "phone", *, required: bool = True) -> str | None:
    """Digits, spaces and a leading + only; inner runs of spaces are made single."""
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise InvalidInput(field, "Give the phone number.")
        return None
    if not _PHONE.fullmatch(text):
        raise InvalidInput(field, f"'{text}' is not a phone number: use digits and spaces, "
                                  "with + only in front (e.g. 70 20 42 00 or +45 70 20 42 00).")
    digits = sum(ch.isdigit() for ch in text)
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS or len(text) > PHONE_MAX:
        raise InvalidInput(field, f"'{text}' has {digits} digits: a phone number has "
                                  f"{MIN_PHONE_DIGITS}-{MAX_PHONE_DIGITS}.")
    return text


def _team(value: ContactTeam | str) -> ContactTeam:
    try:
        return ContactTeam(value)
    except ValueError:
        raise InvalidInput("team", f"'{value}' is not a team: use "
                                   f"{', '.join(t.value for t in ContactTeam)}.") from None


def _text(value: str | None, field: str, limit: int | None = None) -> str | None:
    text = (value or "").strip()
    if limit is not None and len(text) > limit:
        raise InvalidInput(field, f"At most {limit} characters ({len(text)} given).")
    return text or None


# -- writes (admin only) -------------------------------------------------------------------------

def update_municipality(session: Session, name: str, *, phone: str | None = None,
                        four_daily_agreement: bool | None = None,
                        expected_version: int | None = None) -> MunicipalityEntry:
    """Change a municipality's main number and/or its 4x/day agreement (R-FREQ).

    ``None`` leaves a value as it is; an empty phone clears it.
    """
    require_role(session, EDIT_ROLES, EDIT_ACTION)
    new_phone = clean_phone(phone, required=False) if phone is not None else None
    muni = _municipality(session, name, lock=True)
    check_version(muni, expected_version, f"municipality {muni.name}")
    if phone is not None and new_phone != muni.phone:
        muni.phone = new_phone
    if four_daily_agreement is not None and four_daily_agreement != muni.four_daily_agreement:
        muni.four_daily_agreement = four_daily_agreement
    session.flush()
    return _entry(muni)


def save_contact(session: Session, contact_id: int | None, *, municipality: str,
                 team: ContactTeam | str, name: str, phone: str, hours: str | None = None,
                 note: str | None = None, active: bool = True,
                 expected_version: int | None = None) -> ContactEntry:
    """Add a contact (``contact_id`` None) or change one; a contact is retired, never deleted."""
    require_role(session, EDIT_ROLES, EDIT_ACTION)
    the_team = _team(team)
    the_name = _text(name, "name", NAME_MAX)
    if the_name is None:
        raise InvalidInput("name", "Give the contact's name, e.g. 'Akutteam Næstved'.")
    the_phone = clean_phone(phone)
    the_hours = _text(hours, "hours", HOURS_MAX)
    the_note = _text(note, "note")
    muni = _municipality(session, municipality)
    if contact_id is None:
        contact = MunicipalContact(municipality_id=muni.id)
    else:
        found = session.scalar(select(MunicipalContact).where(MunicipalContact.id == contact_id)
                               .with_for_update().execution_options(populate_existing=True))
        if found is None:
            raise NotFound("directory contact", contact_id)
        check_version(found, expected_version, f"directory contact {found.name}")
        contact = found
    clash = session.scalar(select(MunicipalContact.id).where(
        MunicipalContact.municipality_id == muni.id, MunicipalContact.name == the_name,
        MunicipalContact.id != (contact.id or -1)))
    if clash is not None:
        raise InvalidInput("name", f"'{the_name}' is already in {muni.name}'s directory: "
                                   "edit that contact instead.")
    values = {"municipality_id": muni.id, "team": the_team, "name": the_name,
              "phone": the_phone, "hours": the_hours, "note": the_note, "active": active}
    for key, value in values.items():
        if getattr(contact, key) != value:
            setattr(contact, key, value)
    if contact_id is None:
        session.add(contact)
    session.flush()
    return _contact_entry(contact, muni.name)


@dataclass(frozen=True)
class DirectoryView:
    """The directory as the dialog shows it, and whether the person may edit it."""

    entries: tuple[MunicipalityEntry, ...]
    editable: bool


def directory_view(session: Session) -> DirectoryView:
    return DirectoryView(tuple(list_directory(session)), may_edit_directory(session))
