"""Ordering an MBE task for a course (R-MBE-TASKS, issue 19): one planned MBE visit.

The visit takes the task's kind, time on site and competences (``mbe_tasks.py``); it lands in
the dispatcher's tray like any MBE visit, and the planner and the board only put it on a car
whose crew can do it (R-CREW-SKILL). Its registration records what the task says: observations,
lab results (``labs.record_lab_result``) or a new IV access (``iv_access.place_access``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from console.models import Admission, Visit
from console.services.core.access import require_role
from console.services.core.errors import InvalidInput, NotFound, RuleViolation
from console.services.course.mbe_tasks import BY_CODE, TASKS, MbeTask
from console.services.course.visits import VisitRow, visit_rows
from console.timeutil import format_local, now_utc
from console.vocabulary import AdmissionStatus, Provider, Role, VisitStatus

ORDER_ROLES = {Role.E_NURSE, Role.E_DOCTOR}
NOTE_MAX = 500


def mbe_task(code: str) -> MbeTask:
    """The catalogue's task, or the refusal that lists the tasks there are."""
    task = BY_CODE.get(code.strip().lower())
    if task is None:
        raise RuleViolation("R-MBE-TASKS", "task", f"There is no MBE task '{code}'. The tasks "
                            f"are: {', '.join(t.code for t in TASKS)}.")
    return task


def order_task(session: Session, admission_id: int, code: str, *, window_start: datetime,
               window_end: datetime | None = None, note: str | None = None) -> VisitRow:
    """A planned MBE visit for the task, in the window (its default length from the start)."""
    require_role(session, ORDER_ROLES, "order an MBE task")
    task = mbe_task(code)
    admission = session.get(Admission, admission_id)
    if admission is None:
        raise NotFound("admission", admission_id)
    if admission.status is not AdmissionStatus.ADMITTED:
        raise RuleViolation("R-MBE-TASKS", "admission", "An MBE task is ordered for a running "
                            f"course; this one is {admission.status.value}.")
    end = window_end or window_start + timedelta(hours=task.window_hours)
    if end <= window_start:
        raise InvalidInput("to", "The window must end after it starts.")
    if end <= now_utc():
        raise InvalidInput("to", f"The window closed at {format_local(end, '%d-%m %H:%M')}: "
                           "give a window that is still ahead.")
    if end - window_start > timedelta(hours=24):
        raise InvalidInput("to", "A window is at most 24 hours: order the task again for "
                           "another day.")
    text = (note or "").strip()
    if len(text) > NOTE_MAX:
        raise InvalidInput("note", f"The note is at most {NOTE_MAX} characters.")
    visit = Visit(admission_id=admission_id, kind=task.kind, provider=Provider.MBE,
                  window_start=window_start, window_end=end, service_minutes=task.minutes,
                  status=VisitStatus.PLANNED, task=task.code, note=text or None)
    session.add(visit)
    session.flush()
    return visit_rows(session, Visit.id == visit.id)[0]
