"""What an ordered MBE task's registration records (R-MBE-TASKS, issue 19).

A task visit registered as done records what its task says, in the same transaction as the
visit: the lab results of its analyses, linked to the visit (``labs.record_lab_result``; an
answer the laboratory sends later may be an observation now and a result when it comes), or the
new IV access (``iv_access.place_access``, R-ACCESS: the current access ends, the regimen lines
and the handover check read the new one). A task that records observations needs nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from console.services.core.errors import InvalidInput, RuleViolation
from console.services.course.iv_access import place_access
from console.services.course.labs import parse_lab_value, record_lab_result
from console.services.course.mbe_tasks import BY_CODE, RECORDS_ACCESS, RECORDS_LAB
from console.vocabulary import IvAccess


@dataclass(frozen=True, slots=True)
class TaskRecord:
    """What the person typed for the task: results by analysis code, the access placed."""

    results: Mapping[str, str]
    access: IvAccess | None = None
    remove_by: date | None = None


def check_task_record(task_code: str | None, record: TaskRecord | None,
                      observations: str | None) -> None:
    """Refuse, before anything is written, a registration that lacks what its task records or
    records what its task does not."""
    task = BY_CODE.get(task_code or "")
    typed = {c: v for c, v in (record.results if record else {}).items() if v.strip()}
    access = record.access if record else None
    allowed = task.analyses if task else ()
    for code, text in typed.items():
        if code not in allowed:
            raise InvalidInput(f"lab.{code}", f"This visit does not record {code}: its task "
                               f"records {', '.join(allowed) or 'no lab result'}.")
        try:
            parse_lab_value(code, text)
        except InvalidInput as error:
            raise InvalidInput(f"lab.{code}", error.message) from None
    if access is not None and (task is None or task.records != RECORDS_ACCESS):
        raise InvalidInput("access", "Only a PVK placement visit records a new IV access.")
    if task is None:
        return
    if task.records == RECORDS_LAB and not typed and not (observations or "").strip():
        raise RuleViolation("R-MBE-TASKS", "results", f"{task.title}: give at least one "
                            "result, or an observation saying why there is none (sent to the "
                            "laboratory, answer pending).")
    if task.records == RECORDS_ACCESS and access is None:
        raise RuleViolation("R-MBE-TASKS", "access", "Say which access was placed (R-ACCESS); "
                            "a visit that placed none is registered as missed.")


def save_task_record(session: Session, *, admission_id: int, visit_id: int, task_code: str,
                     record: TaskRecord, performed_at: datetime, performed_by: str) -> None:
    """Write what ``check_task_record`` accepted, linked to the visit."""
    for code, text in record.results.items():
        if text.strip():
            record_lab_result(session, admission_id, analysis=code, value=text,
                              taken_at=performed_at, visit_id=visit_id)
    if record.access is not None:
        place_access(session, admission_id, kind=record.access, placed_at=performed_at,
                     placed_by=performed_by, remove_by=record.remove_by,
                     reason=f"replaced at MBE visit {visit_id} ({BY_CODE[task_code].title})")
