"""Who may open which record, and how an admin governs the access log (issue 21).

- **A current role** (``has_care_relation``): an e-doctor, e-nurse or dispatcher has a role for
  every patient of the ward whose course is open or ended less than ``record_days_after_discharge``
  days ago (default 30). A logistics assistant or an admin has no clinical role: the logistics
  and admin screens give them what their work needs, not the record.
- **Break-the-glass** (``open_record``): opening any other record requires a typed purpose
  (code ``ACCESS-PURPOSE``); the opening is logged as ``emergency`` with the reason, flagged for
  review, and lasts ``break_glass_hours`` (default 8): within that time the record opens without
  asking again, each opening flagged.
- **Review queue**: an admin sees the flagged accesses and marks each justified or questioned
  (a row of its own; the access log is never changed).
- **Retention**: the access log is kept at least three years (EHDS art. 9); the setting
  ``access_log_retention_years`` can only lengthen it. Any admin can run the purge; on
  PostgreSQL the database's own function does the delete and refuses anything younger.
- **MinLog**: a patient's access log in the shape of the national MinLog 2 entries (system,
  activity, reason, user, role, organisation, person, time); the export is itself logged.

Record sundhedsloven § 42 a; EHDS art. 9.
"""

from __future__ import annotations

import csv
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from console.db_guards import RETENTION_FLOOR_YEARS
from console.models import AccessEvent, AccessReview, Admission, Patient
from console.services.core.access import require_role, roles_of
from console.services.core.audit_log import log_access, patient_export
from console.services.core.errors import Conflict, Forbidden, InvalidInput, NotFound, RuleViolation
from console.services.core.settings_store import get_int, get_setting
from console.services.core.uow import acting_user, get_existing
from console.timeutil import now_utc
from console.vocabulary import Role

CARE_ROLES = frozenset({Role.E_DOCTOR, Role.E_NURSE, Role.DISPATCHER})
MIN_REASON = 10
OUTCOMES = ("justified", "questioned")
SYSTEM_NAME = "eWard Console"


class PurposeRequired(RuleViolation):
    """The person has no current role for this patient: a purpose must be given first."""

    def __init__(self, message: str) -> None:
        super().__init__("ACCESS-PURPOSE", "reason", message)


@dataclass(frozen=True, slots=True)
class RecordOpening:
    admission_id: int
    purpose: str  # view / emergency
    until: datetime | None  # end of the break-the-glass time box
    flagged: bool


def _staff(session: Session) -> tuple[str, set[Role]]:
    user = acting_user(session)
    if not user:
        raise Forbidden("Sign in first: only the ward's staff open a record.", "user")
    roles = roles_of(session, user)
    if not roles:
        raise Forbidden(f"{user} is not on the ward's staff: sign in as yourself to open a "
                        "record.", "user")
    return user, roles


def has_care_relation(session: Session, roles: set[Role], adm: Admission) -> bool:
    if not roles & CARE_ROLES:
        return False
    if adm.discharged_at is None:
        return True
    days = get_int(session, "record_days_after_discharge")
    return adm.discharged_at >= now_utc() - timedelta(days=days)


def _active_glass(session: Session, user: str, patient_id: int) -> AccessEvent | None:
    return session.scalars(select(AccessEvent).where(
        AccessEvent.user == user, AccessEvent.patient_id == patient_id,
        AccessEvent.purpose == "emergency", AccessEvent.until > now_utc())
        .order_by(AccessEvent.id.desc()).limit(1)).first()


def _admission(session: Session, admission_id: int) -> Admission:
    return get_existing(session, Admission, admission_id, "admission")


def _purpose_required(session: Session) -> PurposeRequired:
    return PurposeRequired(
        "You have no current role for this patient (not on the ward now, discharged more than "
        f"{get_int(session, 'record_days_after_discharge')} days ago, or your role is not "
        "clinical). Give the purpose of opening the record: the opening is logged with it and "
        f"flagged for review, and lasts {get_int(session, 'break_glass_hours')} hours.")


def require_record_access(session: Session, admission_id: int) -> Admission:
    """Refuse to read a record the acting person has neither a role nor an open
    break-the-glass access for (nothing is logged: the opening was)."""
    user, roles = _staff(session)
    adm = _admission(session, admission_id)
    if has_care_relation(session, roles, adm) or _active_glass(session, user, adm.patient_id):
        return adm
    raise _purpose_required(session)


def open_record(session: Session, admission_id: int, reason: str | None = None) -> RecordOpening:
    """Open a record: logged once per opening, with a purpose when the person has no role."""
    user, roles = _staff(session)
    adm = _admission(session, admission_id)
    if has_care_relation(session, roles, adm):
        log_access(session, adm.id, "view")
        return RecordOpening(adm.id, "view", None, False)
    glass = _active_glass(session, user, adm.patient_id)
    if glass is not None:
        log_access(session, adm.id, "view", flagged=True, until=glass.until)
        return RecordOpening(adm.id, "view", glass.until, True)
    purpose = (reason or "").strip()
    if not purpose:
        raise _purpose_required(session)
    if len(purpose) < MIN_REASON:
        raise PurposeRequired(f"Say why in a sentence (at least {MIN_REASON} characters): the "
                              "reason is what a reviewer reads.")
    until = now_utc() + timedelta(hours=get_int(session, "break_glass_hours"))
    log_access(session, adm.id, "emergency", reason=purpose, until=until)
    return RecordOpening(adm.id, "emergency", until, True)


# -- the admin's review queue ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FlaggedAccess:
    id: int
    at: datetime
    user: str | None
    roles: str | None
    patient: str
    admission_id: int | None
    purpose: str
    reason: str | None
    reviewed_by: str | None
    outcome: str | None
    note: str | None


def flagged_accesses(session: Session, *, include_reviewed: bool = False) -> list[FlaggedAccess]:
    """Break-the-glass openings (and views inside their time box), oldest unreviewed first."""
    require_role(session, {Role.ADMIN}, "review flagged accesses")
    query = (select(AccessEvent, Patient.name, AccessReview)
             .join(Patient, Patient.id == AccessEvent.patient_id)
             .outerjoin(AccessReview, AccessReview.access_event_id == AccessEvent.id)
             .where(AccessEvent.flagged).order_by(AccessEvent.at))
    if not include_reviewed:
        query = query.where(AccessReview.id.is_(None))
    return [FlaggedAccess(e.id, e.at, e.user, e.roles, name, e.admission_id, e.purpose,
                          e.reason, r.reviewed_by if r else None, r.outcome if r else None,
                          r.note if r else None)
            for e, name, r in session.execute(query)]


def review_access(session: Session, access_id: int, outcome: str, note: str | None = None) -> None:
    """Mark a flagged access justified or questioned (a questioned one needs a note)."""
    admin = require_role(session, {Role.ADMIN}, "review flagged accesses")
    if outcome not in OUTCOMES:
        raise InvalidInput("outcome", f"The outcome is one of {', '.join(OUTCOMES)}.")
    note = (note or "").strip() or None
    if outcome == "questioned" and note is None:
        raise InvalidInput("note", "Say what is questioned: the note goes to whoever follows "
                                   "it up.")
    event = session.get(AccessEvent, access_id)
    if event is None or not event.flagged:
        raise NotFound("flagged access", access_id)
    done = session.scalars(select(AccessReview).where(
        AccessReview.access_event_id == access_id)).first()
    if done is not None:
        raise Conflict("access review", done.reviewed_by, done.reviewed_at)
    session.add(AccessReview(access_event_id=access_id, reviewed_by=admin,
                             reviewed_at=now_utc(), outcome=outcome, note=note))
    session.flush()


# -- retention ---------------------------------------------------------------------------------


def retention_years(session: Session) -> int:
    return max(RETENTION_FLOOR_YEARS, get_int(session, "access_log_retention_years"))


def retention_cutoff(now: datetime, years: int) -> datetime:
    """Midnight (UTC) of the same calendar day ``years`` back: rows before it may go."""
    day = now.astimezone(UTC).date()
    try:
        then = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        then = day.replace(year=day.year - years, day=28)
    return datetime(then.year, then.month, then.day, tzinfo=UTC)


def purge_expired_access_log(session: Session, now: datetime | None = None) -> int:
    """Delete access-log rows older than the retention (never under three years); admin only.

    On PostgreSQL the database's own function deletes (and refuses anything younger than three
    years whatever this code asks) and writes an audit row of the purge.
    """
    require_role(session, {Role.ADMIN}, "purge the access log")
    postgres = session.get_bind().dialect.name == "postgresql"
    if now is None and postgres:
        # the database's clock, which its own floor is checked against: a desk whose clock ran
        # ahead was refused just after midnight UTC (its cutoff was a day later than the floor)
        now = session.execute(text("SELECT now()")).scalar_one()
    cutoff = retention_cutoff(now or now_utc(), retention_years(session))
    if postgres:
        return int(session.execute(text("SELECT eward_purge_access_log(:before)"),
                                   {"before": cutoff}).scalar_one())
    result = session.execute(delete(AccessEvent).where(AccessEvent.at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


# -- MinLog ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MinLogEntry:
    """One access in MinLog 2's terms (LogDataEntry)."""

    PersonIdentifier: str  # the patient's CPR
    UserIdentifier: str | None
    UserRole: str | None
    SystemName: str
    Activity: str
    Reason: str | None
    OrganisationName: str
    DateTime: datetime


@dataclass(frozen=True, slots=True)
class MinLogExport:
    admission_id: int
    entries: tuple[MinLogEntry, ...]

    def admission_ids(self) -> tuple[int, ...]:
        return (self.admission_id,)


ACTIVITIES = {"view": "Opslag i journal", "print": "Udskrift af journal",
              "export": "Eksport af journaldata", "emergency": "Opslag uden aktuel relation"}


@patient_export("export")
def minlog_export(session: Session, admission_id: int) -> MinLogExport:
    """The patient's access log (all their admissions) in MinLog's fields; admin only."""
    require_role(session, {Role.ADMIN}, "export the access log")
    adm = _admission(session, admission_id)
    cpr = session.scalar(select(Patient.cpr).where(Patient.id == adm.patient_id)) or ""
    organisation = get_setting(session, "organisation_name")
    rows = session.scalars(select(AccessEvent).where(AccessEvent.patient_id == adm.patient_id)
                           .order_by(AccessEvent.at))
    return MinLogExport(adm.id, tuple(
        MinLogEntry(cpr, e.user, e.roles, SYSTEM_NAME, ACTIVITIES.get(e.purpose, e.purpose),
                    e.reason, organisation, e.at) for e in rows))


def write_minlog_csv(export: MinLogExport, path: Path) -> None:
    """The MinLog entries as CSV (UTF-8, one row per access, MinLog's field names)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([f.name for f in fields(MinLogEntry)])
        for entry in export.entries:
            row = list(astuple(entry))
            row[-1] = entry.DateTime.isoformat()
            writer.writerow(row)
