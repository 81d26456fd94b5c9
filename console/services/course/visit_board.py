"""The e-nurse's visit board (issue 14, seed 003): every visit of the ward day across patients,
grouped by municipality and provider, with its status; a visit past its window without a
registration is overdue (R-REGISTER) and stays on the board, from earlier days too, until it is
registered done or missed. One read; the rows are the record's ``VisitRow`` with where the
patient lives and their phone (the e-nurse calls the municipality or the patient)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from console.models import Admission, Municipality, Patient, Visit
from console.services.core.audit_log import patient_export
from console.services.core.settings_store import get_int
from console.services.course.overdue import GRACE_SETTING, overdue_clause, overdue_cutoff
from console.services.course.visits import VisitRow, visit_rows
from console.timeutil import ward_day_bounds
from console.vocabulary import AdmissionStatus, VisitStatus


@dataclass(frozen=True, slots=True)
class BoardVisit:
    visit: VisitRow
    municipality: str
    patient_phone: str | None

    @property
    def id(self) -> int:  # selection by id in the table
        return self.visit.id


@dataclass(frozen=True, slots=True)
class VisitBoard:
    day: date
    rows: tuple[BoardVisit, ...]  # overdue first, then by municipality, provider and time
    grace_minutes: int

    @property
    def overdue(self) -> int:
        return sum(r.visit.overdue for r in self.rows)

    def admission_ids(self) -> tuple[int, ...]:
        return tuple(r.visit.admission_id for r in self.rows)


def load_visit_board(session: Session, day: date) -> VisitBoard:
    """The ward day's visits (cancelled ones left out) and every overdue visit from before it,
    of patients on the ward."""
    start, end = ward_day_bounds(day)
    on_ward = or_(Admission.status == AdmissionStatus.ADMITTED,
                  Admission.discharged_at > Visit.window_end)
    of_day = (Visit.window_start >= start) & (Visit.window_start < end) & (
        Visit.status != VisitStatus.CANCELLED)
    earlier = (Visit.window_start < start) & overdue_clause(overdue_cutoff(session))
    rows = visit_rows(session, or_(of_day, earlier), on_ward)
    where = {adm_id: (muni, phone) for adm_id, muni, phone in session.execute(
        select(Admission.id, Municipality.name, Patient.phone)
        .join(Patient, Admission.patient_id == Patient.id)
        .join(Municipality, Patient.municipality_id == Municipality.id)
        .where(Admission.id.in_({r.admission_id for r in rows})))}
    board = [BoardVisit(r, *where[r.admission_id]) for r in rows]
    board.sort(key=lambda b: (not b.visit.overdue, b.municipality, b.visit.provider,
                              b.visit.window_start, b.id))
    return VisitBoard(day, tuple(board), get_int(session, GRACE_SETTING))


@patient_export("print")
def call_list_for_print(session: Session, day: date) -> VisitBoard:
    """The day's call list on paper: every patient's name and phone on it, so each one's access
    log records the print (sundhedsloven § 42 a)."""
    return load_visit_board(session, day)
