"""The IV access lifecycle (R-ACCESS, issue 19): the access is a record of its own per course.

A failed access (blocked, lost) is replaced by a new one (a new PVK or a re-insertion, an MBE
task): ``place_access`` ends the current record, starts the new one and carries its type and
planned removal into the running regimen lines, so the handover check (R-HANDOVER) and the care
plan read the current access. The first call on a course that has no record yet first records
the access it was admitted with (from its regimen), so the history is whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Admission, IvAccessRecord, Regimen
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, NotFound, RuleViolation
from console.services.core.uow import check_version
from console.timeutil import local_date, now_utc
from console.vocabulary import AdmissionStatus, IvAccess, Role


@dataclass(frozen=True, slots=True)
class AccessRow:
    id: int
    kind: str
    placed_at: datetime
    placed_by: str | None
    remove_by: date | None
    ended_at: datetime | None
    end_reason: str | None
    version: int


def access_history(session: Session, admission_id: int) -> tuple[AccessRow, ...]:
    """The course's accesses, oldest first (the current one has no end)."""
    return tuple(_row(r) for r in session.scalars(
        select(IvAccessRecord).where(IvAccessRecord.admission_id == admission_id)
        .order_by(IvAccessRecord.placed_at, IvAccessRecord.id)))


def course_accesses(session: Session, admission: Admission) -> tuple[AccessRow, ...]:
    """The record's list: the recorded accesses, or (none replaced yet) the one the course was
    admitted with, read from its first regimen line (id 0: not a record of its own yet)."""
    history = access_history(session, admission.id)
    first = min(admission.regimens, key=lambda r: r.id, default=None)
    if history or first is None or admission.admitted_at is None:
        return history
    return (AccessRow(0, first.iv_access.value, admission.admitted_at, None,
                      first.iv_access_remove_by, None, None, 0),)


def place_access(session: Session, admission_id: int, *, kind: IvAccess, placed_at: datetime,
                 placed_by: str | None, remove_by: date | None, reason: str | None,
                 expected_version: int | None = None) -> AccessRow:
    """A new access placed (R-ACCESS): the current one ends with ``reason`` (required when
    one is running: blocked, lost, removed…); the running regimen lines take the new one."""
    require_role(session, {Role.E_NURSE, Role.E_DOCTOR}, "record a new IV access")
    admission = session.get(Admission, admission_id)
    if admission is None:
        raise NotFound("admission", admission_id)
    if admission.status != AdmissionStatus.ADMITTED:
        raise RuleViolation("R-ACCESS", "admission_id", "Only a running course gets a new IV "
                            "access.")
    if placed_at > now_utc() + timedelta(minutes=5):
        raise InvalidInput("placed_at", "An access cannot be placed in the future.")
    if remove_by is not None and remove_by < local_date(placed_at):
        raise InvalidInput("remove_by", "The planned removal cannot be before the placement.")
    current = _current(session, admission)
    check_version(current, expected_version, "IV access")
    if not (reason or "").strip():
        raise RuleViolation("R-ACCESS", "reason", "Say why the access is replaced (blocked, "
                            "lost, removed…).")
    if placed_at < current.placed_at:
        raise InvalidInput("placed_at", "The new access cannot be placed before the current "
                           "one.")
    current.ended_at, current.end_reason = placed_at, (reason or "").strip()
    new = IvAccessRecord(admission_id=admission_id, kind=kind, placed_at=placed_at,
                         placed_by=(placed_by or "").strip() or None, remove_by=remove_by)
    session.add(new)
    for line in _running_lines(session, admission_id, local_date(placed_at)):
        line.iv_access, line.iv_access_remove_by = kind, remove_by  # R-HANDOVER: current access
    session.flush()
    return _row(new)


def _current(session: Session, admission: Admission) -> IvAccessRecord:
    """The open record; the one the course was admitted with when none is recorded yet."""
    current = session.scalars(select(IvAccessRecord).where(
        IvAccessRecord.admission_id == admission.id, IvAccessRecord.ended_at.is_(None))
        .order_by(IvAccessRecord.placed_at.desc())).first()
    if current is not None:
        return current
    first = session.scalars(select(Regimen).where(Regimen.admission_id == admission.id)
                            .order_by(Regimen.id)).first()
    if first is None or admission.admitted_at is None:
        raise RuleViolation("R-ACCESS", "admission_id", "The course has no regimen line.")
    record = IvAccessRecord(admission_id=admission.id, kind=first.iv_access,
                            placed_at=admission.admitted_at, placed_by=None,
                            remove_by=first.iv_access_remove_by)
    session.add(record)
    session.flush()
    return record


def _running_lines(session: Session, admission_id: int, day: date) -> list[Regimen]:
    return list(session.scalars(select(Regimen).where(Regimen.admission_id == admission_id,
                                                      Regimen.end_date >= day)))


def _row(r: IvAccessRecord) -> AccessRow:
    return AccessRow(r.id, r.kind.value, r.placed_at, r.placed_by, r.remove_by, r.ended_at,
                     r.end_reason, r.version)
