"""Overdue visits (R-REGISTER, clarified): registration is timely, so a planned visit whose time
window closed more than ``visit_overdue_grace_minutes`` ago without a registration is *overdue*
and shown as such (census, record, visit lists, the visit board, the status bar) until it is
registered done or missed. It never silently drops out of sight.

The one definition of "overdue" lives here; the readers ask ``overdue_cutoff`` once per load and
use ``overdue_clause`` in SQL or ``is_overdue`` on a loaded row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from console.models import Admission, Visit, columns
from console.services.core.settings_store import get_int
from console.timeutil import now_utc
from console.vocabulary import AdmissionStatus, VisitStatus

GRACE_SETTING = "visit_overdue_grace_minutes"


@dataclass(frozen=True, slots=True)
class OverdueCount:
    """The status bar's count: overdue visits of admitted patients, and the oldest one's end."""

    visits: int
    patients: int
    oldest_window_end: datetime | None
    grace_minutes: int


def overdue_cutoff(session: Session, now: datetime | None = None) -> datetime:
    """A planned visit whose window ended before this instant is overdue (R-REGISTER)."""
    return (now or now_utc()) - timedelta(minutes=get_int(session, GRACE_SETTING))


def overdue_clause(cutoff: datetime) -> ColumnElement[bool]:
    visit = columns(Visit)  # Core: the census uses it before the mappers are configured
    return and_(visit.status == VisitStatus.PLANNED, visit.window_end < cutoff)


def is_overdue(status: str, window_end: datetime, cutoff: datetime) -> bool:
    return status == VisitStatus.PLANNED.value and window_end < cutoff


def count_overdue(session: Session, now: datetime | None = None) -> OverdueCount:
    """Overdue visits of patients still admitted (or discharged after the visit's window)."""
    cutoff = overdue_cutoff(session, now)
    visits, patients, oldest = session.execute(
        select(func.count(Visit.id), func.count(func.distinct(Visit.admission_id)),
               func.min(Visit.window_end))
        .join(Admission, Visit.admission_id == Admission.id)
        .where(overdue_clause(cutoff), Admission.status != AdmissionStatus.REFERRED,
               or_(Admission.discharged_at.is_(None), Admission.discharged_at > Visit.window_end))
    ).one()
    return OverdueCount(int(visits or 0), int(patients or 0), oldest,
                        get_int(session, GRACE_SETTING))
