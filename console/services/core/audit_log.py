"""The audit trail and the access log as an admin reads them (issue 8; sundhedsloven § 42 a).

Both tables are append-only and written by the database's own functions on PostgreSQL
(``console.db_triggers``, ``console.db_guards``). Break-the-glass, the review queue, the
retention purge and the MinLog export are in ``console.services.core.access_governance``.
Reading them is an admin's job; a per-patient access report answers "who looked at my record".
Exporting or printing a record is itself an access and is logged with its purpose.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ParamSpec, Protocol, TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from console.models import AccessEvent, Admission, AuditEvent, Patient
from console.services.core.access import require_role, role_names_of
from console.services.core.errors import InvalidInput
from console.services.core.uow import acting_user, get_existing
from console.timeutil import now_utc
from console.vocabulary import Role

MAX_ROWS = 5_000
PURPOSES = ("view", "print", "export", "emergency")  # emergency: break-the-glass


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    user: str | None
    table_name: str
    row_id: str
    action: str
    admission_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class AccessRow:
    id: int
    at: datetime
    user: str | None
    admission_id: int | None
    patient: str
    purpose: str
    roles: str | None = None
    reason: str | None = None  # the purpose typed at a break-the-glass opening
    flagged: bool = False


def _json(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    loaded = json.loads(value)
    return loaded if isinstance(loaded, dict) else {"value": loaded}


def audited_table_names() -> tuple[str, ...]:
    """The tables whose every change the audit trail holds (the audit dialog's filter)."""
    from console.dbroles import audited_tables

    return audited_tables()


def list_audit(session: Session, *, admission_id: int | None = None, user: str | None = None,
               table: str | None = None, since: datetime | None = None,
               until: datetime | None = None, limit: int = MAX_ROWS) -> list[AuditRow]:
    """Newest first; every filter is optional (admin only)."""
    require_role(session, {Role.ADMIN}, "read the audit trail")
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(min(limit, MAX_ROWS))
    if admission_id is not None:
        query = query.where(AuditEvent.admission_id == admission_id)
    if user:
        query = query.where(AuditEvent.user == user.upper())
    if table:
        query = query.where(AuditEvent.table_name == table)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    return [AuditRow(e.id, e.at, e.user, e.table_name, e.row_id, e.action, e.admission_id,
                     _json(e.before), _json(e.after)) for e in session.scalars(query)]


def access_report(session: Session, admission_id: int) -> list[AccessRow]:
    """Who opened, printed or exported this patient's records (all their admissions)."""
    require_role(session, {Role.ADMIN}, "read the access log")
    adm = get_existing(session, Admission, admission_id, "admission")
    rows = session.execute(
        select(AccessEvent, Patient.name).join(Patient, Patient.id == AccessEvent.patient_id)
        .where(AccessEvent.patient_id == adm.patient_id).order_by(AccessEvent.at.desc()))
    return [AccessRow(e.id, e.at, e.user, e.admission_id, name, e.purpose, e.roles, e.reason,
                      e.flagged) for e, name in rows]


def log_access(session: Session, admission_id: int, purpose: str, *, reason: str | None = None,
               flagged: bool = False, until: datetime | None = None) -> None:
    """Record that the acting user opened, printed or exported a record (§ 42 a).

    On PostgreSQL the row is written by the database's own function (``eward_log_access``,
    ``console.db_guards``), which stamps the person and the time itself: no login can insert
    into the access log or write a row in someone else's name. The embedded SQLite database
    has one local user and writes the row directly.
    """
    if purpose not in PURPOSES:
        raise InvalidInput("purpose", f"Purpose is one of {', '.join(PURPOSES)}.")
    adm = get_existing(session, Admission, admission_id, "admission")
    user = acting_user(session)
    roles = ",".join(sorted(role_names_of(session, user))) if user else None
    flagged = flagged or purpose == "emergency"
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT eward_log_access(:p, :a, :purpose, :roles, :reason, "
                             ":flagged, :until)"),
                        {"p": adm.patient_id, "a": adm.id, "purpose": purpose, "roles": roles,
                         "reason": reason, "flagged": flagged, "until": until})
        return
    session.add(AccessEvent(at=now_utc(), user=user, patient_id=adm.patient_id,
                            admission_id=adm.id, purpose=purpose, roles=roles, reason=reason,
                            flagged=flagged, until=until))
    session.flush()


# -- prints and exports: one mechanism ----------------------------------------------------------


class PatientDocument(Protocol):
    """What a print or export of patient data hands out: it says whose data it holds."""

    def admission_ids(self) -> Iterable[int]: ...


P = ParamSpec("P")
D = TypeVar("D", bound=PatientDocument)
EXPORTS: dict[str, str] = {}  # "module.function" → purpose: every print and export path


def patient_export(purpose: str) -> Callable[[Callable[P, D]], Callable[P, D]]:
    """Mark a service function that hands out patient data to print or export.

    Every admission in what it returns gets one access-log entry with ``purpose`` ("print" or
    "export"), in the same unit of work, before anything is written to paper or disk. Every
    print and export in the console goes through such a function (tests/test_access_log.py
    walks ``EXPORTS``).
    """
    if purpose not in ("print", "export"):
        raise ValueError(purpose)

    def mark(fn: Callable[P, D]) -> Callable[P, D]:
        @functools.wraps(fn)
        def logged(*args: P.args, **kwargs: P.kwargs) -> D:
            document = fn(*args, **kwargs)
            session = args[0]
            assert isinstance(session, Session)
            for admission_id in sorted(set(document.admission_ids())):
                log_access(session, admission_id, purpose)
            return document

        EXPORTS[f"{fn.__module__}.{fn.__qualname__}"] = purpose
        return logged

    return mark
