"""Daily virtual ward rounds: one per admitted patient per ward day, prepared by the e-nurse,
signed by the e-doctor, then read-only (addenda only). The day-3 CRP gate is R-CRP3."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from console.models import Admission, LabResult, RoundAddendum, Visit, WardRound
from console.models.admission import Regimen
from console.services.core.access import require_role
from console.services.core.audit_log import patient_export
from console.services.core.errors import InvalidInput, NotFound, RuleViolation, required_text
from console.services.core.uow import check_version, get_existing
from console.services.course.census import CensusRow, load_census
from console.timeutil import local_date, now_utc, utc_at, ward_day_bounds
from console.vocabulary import RegimenKind, Role, RoundDecision, RoundStatus, VisitStatus

ROUNDS_START = time(9, 0)  # the first round of the day, local time
MINUTES_PER_ROUND = 10


@dataclass(frozen=True, slots=True)
class RoundRow:
    round_id: int
    admission_id: int
    patient: str
    cpr_masked: str
    municipality: str
    planned_at: datetime | None
    sort_order: int
    day_of_course: int
    regimen: str
    latest_crp: float | None
    latest_crp_at: datetime | None  # when the latest CRP was taken (shown beside the value)
    crp_trend: tuple[float, ...]
    visits_done: int
    visits_missed: int
    visits_planned: int
    open_escalations: int
    flags: tuple[str, ...]
    crp_due: bool  # R-CRP3: the day-3 decision is due and not yet signed
    status: str
    decision: str | None
    signed_by: str | None
    signed_at: datetime | None
    prep_notes: str | None
    participants: str | None
    subjective: str | None
    objective: str | None
    assessment: str | None
    plan: str | None
    crp_other_day_reason: str | None
    meeting_link: str | None
    version: int


@dataclass(frozen=True, slots=True)
class RoundList:
    day: date
    capacity: int
    admitted: int
    rows: tuple[RoundRow, ...]

    @property
    def over_capacity(self) -> bool:
        return self.admitted > self.capacity

    def admission_ids(self) -> tuple[int, ...]:
        return tuple(row.admission_id for row in self.rows)


FLAG_CRP_DECISION = "CRP day 3: decision due"
FLAG_CRP_MISSING = "CRP missing"
# R-CRP3: the CRP day has passed without a CRP since it, or a reason for another day.
FLAG_CRP_OVERDUE = "CRP overdue"
FLAG_CRP_DECISION_OVERDUE = "CRP decision overdue"  # R-CRP3: a CRP, no decision past the day
FLAG_END_TODAY = "planned end today"
FLAG_NEW = "new admission"
FLAG_OVER_CAPACITY = "over capacity"


def _priority(row: CensusRow, crp_decision_due: bool) -> int:
    """Default order: new admissions, then day-3 decisions, then the rest."""
    if row.day_of_course == 1:
        return 0
    return 1 if crp_decision_due else 2


def ensure_rounds(session: Session, day: date) -> int:
    """Create the day's missing rounds (one per admitted patient). Safe when two desks do it at
    once: the (admission, day) unique constraint and INSERT … ON CONFLICT DO NOTHING."""
    census = load_census(session, day)
    existing = dict(session.execute(
        select(WardRound.admission_id, WardRound.sort_order).where(WardRound.round_date == day)).all())
    missing = [r for r in census.rows if r.admission_id not in existing]
    if not missing:
        return 0
    crp_due = _crp_decision_due(session, day, [r.admission_id for r in missing])
    ordered = sorted(missing, key=lambda r: (_priority(r, r.admission_id in crp_due), r.name))
    start = max(existing.values(), default=-1) + 1
    values = []
    for i, r in enumerate(ordered):
        order = start + i
        values.append({
            "admission_id": r.admission_id, "round_date": day, "sort_order": order,
            "planned_at": utc_at(day, ROUNDS_START) + timedelta(minutes=MINUTES_PER_ROUND * order),
            "status": RoundStatus.PLANNED.value, "version": 1,
        })
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(WardRound).values(values).on_conflict_do_nothing(
        index_elements=["admission_id", "round_date"]).returning(WardRound.id)
    return len(session.execute(stmt).all())  # only the rows this desk inserted come back


def rounds_of_day(session: Session, day: date) -> RoundList:
    """The day's round list, its missing rounds generated first (idempotent): the screen's load."""
    ensure_rounds(session, day)
    return list_rounds(session, day)


@patient_export("print")
def round_list_for_print(session: Session, day: date) -> RoundList:
    """The day's round list to print: every patient's name, CPR and notes, so each one's access
    log records the print (§ 42 a)."""
    return rounds_of_day(session, day)


def _crp_decision_due(session: Session, day: date, admission_ids: list[int]) -> set[int]:
    """Antibiotic courses on or past their CRP day with no signed round deciding since then."""
    rows = session.execute(
        select(Admission.id, Admission.admitted_at, Admission.crp_day)
        .where(Admission.id.in_(admission_ids), Admission.admitted_at.is_not(None),
               Admission.id.in_(select(Regimen.admission_id)
                                .where(Regimen.kind == RegimenKind.ANTIBIOTIC)))).all()
    signed: dict[int, list[date]] = {}
    for adm_id, round_date in session.execute(
            select(WardRound.admission_id, WardRound.round_date)
            .where(WardRound.admission_id.in_(admission_ids),
                   WardRound.status == RoundStatus.SIGNED, WardRound.round_date <= day)):
        signed.setdefault(adm_id, []).append(round_date)
    due = set()
    for adm_id, admitted_at, crp_day in rows:
        if admitted_at is None:
            continue
        crp_date = local_date(admitted_at) + timedelta(days=crp_day - 1)
        if day >= crp_date and not any(d >= crp_date for d in signed.get(adm_id, [])):
            due.add(adm_id)
    return due


def list_rounds(session: Session, day: date) -> RoundList:
    census = load_census(session, day)
    by_adm = {r.admission_id: r for r in census.rows}
    rounds = list(session.scalars(select(WardRound).where(
        WardRound.round_date == day, WardRound.admission_id.in_(by_adm))))
    ids = [w.admission_id for w in rounds]
    crp_due = _crp_decision_due(session, day, ids)
    _start, end = ward_day_bounds(day)
    crps: dict[int, list[float]] = {}
    crp_at: dict[int, datetime] = {}
    for adm_id, value, taken_at in session.execute(
            select(LabResult.admission_id, LabResult.value, LabResult.taken_at)
            .where(LabResult.admission_id.in_(ids), LabResult.analysis == "crp",
                   LabResult.taken_at < end).order_by(LabResult.taken_at)):
        crps.setdefault(adm_id, []).append(value)
        crp_at[adm_id] = taken_at
    crp_days = {a: (crp_day, reason) for a, crp_day, reason in session.execute(
        select(Admission.id, Admission.crp_day, Admission.crp_day_reason)
        .where(Admission.id.in_(ids)))}
    day_start, day_end = ward_day_bounds(day)
    counts: dict[tuple[int, VisitStatus], int] = {}
    for adm_id, status, n in session.execute(
            select(Visit.admission_id, Visit.status, func.count())
            .where(Visit.admission_id.in_(ids), Visit.window_start >= day_start,
                   Visit.window_start < day_end)
            .group_by(Visit.admission_id, Visit.status)):
        counts[(adm_id, status)] = n
    links = dict(session.execute(select(Admission.id, Admission.meeting_link)
                                 .where(Admission.id.in_(ids))).all())
    rows = []
    for w in sorted(rounds, key=lambda w: (w.sort_order, w.id)):
        c = by_adm[w.admission_id]
        values = crps.get(w.admission_id, [])
        due = w.admission_id in crp_due and w.status is not RoundStatus.SIGNED
        flags = []
        if c.day_of_course == 1:
            flags.append(FLAG_NEW)
        crp_day, reason = crp_days[w.admission_id]
        if due and c.crp_due and c.day_of_course > crp_day and not reason:
            flags.append(FLAG_CRP_OVERDUE)  # R-CRP3: past the CRP day, still no CRP or reason
        elif due:  # issue 20: "CRP day 3: decision due" on a day-7 patient hid a late decision
            flags.append(FLAG_CRP_DECISION_OVERDUE if c.day_of_course > crp_day
                         else FLAG_CRP_DECISION)
        if c.crp_due:
            flags.append(FLAG_CRP_MISSING)
        if c.planned_end == day:
            flags.append(FLAG_END_TODAY)
        if census.over_capacity:
            flags.append(FLAG_OVER_CAPACITY)
        rows.append(RoundRow(
            round_id=w.id, admission_id=w.admission_id, patient=c.name, cpr_masked=c.cpr_masked,
            municipality=c.municipality, planned_at=w.planned_at, sort_order=w.sort_order,
            day_of_course=c.day_of_course, regimen=c.treatment_detail,
            latest_crp=values[-1] if values else None, latest_crp_at=crp_at.get(w.admission_id),
            crp_trend=tuple(values[-5:]),
            visits_done=counts.get((w.admission_id, VisitStatus.DONE), 0),
            visits_missed=counts.get((w.admission_id, VisitStatus.MISSED), 0),
            visits_planned=counts.get((w.admission_id, VisitStatus.PLANNED), 0),
            open_escalations=c.open_escalations, flags=tuple(flags), crp_due=due,
            status=w.status.value, decision=w.decision.value if w.decision else None,
            signed_by=w.signed_by, signed_at=w.signed_at, prep_notes=w.prep_notes,
            participants=w.participants, subjective=w.subjective, objective=w.objective,
            assessment=w.assessment, plan=w.plan, crp_other_day_reason=w.crp_other_day_reason,
            meeting_link=links.get(w.admission_id), version=w.version))
    return RoundList(day, census.capacity, census.admitted, tuple(rows))


def _round(session: Session, round_id: int, expected_version: int | None) -> WardRound:
    w = get_existing(session, WardRound, round_id, "round", lock=True)
    check_version(w, expected_version, "round")
    return w


def _not_signed(w: WardRound) -> None:
    if w.status is RoundStatus.SIGNED:
        raise RuleViolation("R-SIGNED", "round", f"The round was signed by {w.signed_by}; it is "
                            "read-only now. Add an addendum instead.")


def prepare_round(session: Session, round_id: int, *, prep_notes: str,
                  expected_version: int | None = None) -> None:
    """The e-nurse marks the round ready and adds points to discuss."""
    user = require_role(session, {Role.E_NURSE, Role.E_DOCTOR}, "prepare a round")
    w = _round(session, round_id, expected_version)
    _not_signed(w)
    w.prep_notes = prep_notes.strip() or None
    w.nurse = user
    w.status = RoundStatus.READY
    session.flush()


@dataclass(frozen=True)
class RoundNote:
    """What the doctor writes. A field left ``None`` is not touched (what is already written
    stays); an empty string clears it."""

    participants: str | None = None
    subjective: str | None = None
    objective: str | None = None
    assessment: str | None = None
    plan: str | None = None


def save_round_note(session: Session, round_id: int, note: RoundNote, *,
                    expected_version: int | None = None) -> None:
    require_role(session, {Role.E_DOCTOR}, "write the round note")
    w = _round(session, round_id, expected_version)
    _not_signed(w)
    _apply_note(w, note)
    session.flush()


NOTE_FIELDS = ("participants", "subjective", "objective", "assessment", "plan")


def _apply_note(w: WardRound, note: RoundNote) -> None:
    for field in NOTE_FIELDS:
        value = getattr(note, field)
        if value is not None:
            setattr(w, field, value.strip() or None)


def sign_round(session: Session, round_id: int, *, decision: RoundDecision,
               note: RoundNote | None = None, crp_other_day_reason: str | None = None,
               add_to_plan: str | None = None, expected_version: int | None = None) -> None:
    """Sign (e-doctor only). Signing keeps everything already written in the note: ``note``
    changes only the fields it gives, ``add_to_plan`` is added beneath the plan (R-SIGNED: the
    note is read-only afterwards). R-CRP3: the day-3 round of an antibiotic course cannot be
    signed without a CRP result on file, unless the doctor records why another day is chosen."""
    user = require_role(session, {Role.E_DOCTOR}, "sign a round")
    w = _round(session, round_id, expected_version)
    _not_signed(w)
    if note is not None:
        _apply_note(w, note)
    addition = (add_to_plan or "").strip()
    if addition:
        w.plan = f"{w.plan}\n{addition}" if w.plan else addition
    if not (w.assessment or w.plan):
        raise InvalidInput("note", "Write the assessment or plan before signing.")
    reason = (crp_other_day_reason or "").strip() or None
    past = _crp_gate_closed(session, w)
    if past is not None and not reason:
        if past == 0:
            raise RuleViolation("R-CRP3", "crp", "This is the CRP day of an antibiotic course and "
                                "no CRP result is on file: add the CRP, or record why another "
                                "day is chosen.")
        raise RuleViolation("R-CRP3", "crp", f"The CRP day was {past} days ago and no CRP taken "
                            "since is on file: the round cannot be signed until the CRP is "
                            "added, or you record why another day is chosen.")
    if reason:
        w.crp_other_day_reason = reason
        adm = session.get(Admission, w.admission_id)
        assert adm is not None
        adm.crp_day_reason = reason
    w.decision = decision
    w.status = RoundStatus.SIGNED
    w.doctor = user
    w.signed_by = user
    w.signed_at = now_utc()
    session.flush()


def _admission_of(session: Session, w: WardRound) -> tuple[Admission, datetime]:
    adm = session.get(Admission, w.admission_id)
    if adm is None or adm.admitted_at is None:
        raise NotFound("admission", w.admission_id)
    return adm, adm.admitted_at


def _crp_gate_closed(session: Session, w: WardRound) -> int | None:
    """R-CRP3 (clarified): from the CRP day on, a round of an antibiotic course stays unsignable
    until a CRP taken on or after the CRP day is on file, or a reason for another day has been
    recorded. The days since the CRP day when the gate is closed (0: the CRP day), else None."""
    adm, admitted_at = _admission_of(session, w)
    antibiotic = session.scalar(select(func.count()).select_from(Regimen).where(
        Regimen.admission_id == adm.id, Regimen.kind == RegimenKind.ANTIBIOTIC))
    past = (w.round_date - local_date(admitted_at)).days + 1 - adm.crp_day
    if not antibiotic or past < 0 or adm.crp_day_reason or _has_crp(session, w):
        return None
    return past


def _has_crp(session: Session, w: WardRound) -> bool:
    adm, admitted_at = _admission_of(session, w)
    crp_date = local_date(admitted_at) + timedelta(days=adm.crp_day - 1)
    since, _ = ward_day_bounds(crp_date)
    _, until = ward_day_bounds(w.round_date)
    return bool(session.scalar(select(func.count()).select_from(LabResult).where(
        LabResult.admission_id == adm.id, LabResult.analysis == "crp",
        LabResult.taken_at >= since, LabResult.taken_at < until)))


def add_addendum(session: Session, round_id: int, text: str) -> None:
    """A signed round is never overwritten; later information is added beneath it."""
    user = require_role(session, {Role.E_DOCTOR, Role.E_NURSE}, "add an addendum")
    text = required_text(text, "text", "The addendum is empty.")
    get_existing(session, WardRound, round_id, "round")
    session.add(RoundAddendum(round_id=round_id, text=text, written_by=user,
                              written_at=now_utc()))
    session.flush()


def reorder_rounds(session: Session, day: date, round_ids: list[int]) -> None:
    """The doctor's own order for the day (drag and drop or keyboard); it survives reloads."""
    require_role(session, {Role.E_DOCTOR, Role.E_NURSE}, "reorder the round list")
    rounds = {w.id: w for w in session.scalars(select(WardRound).where(WardRound.round_date == day))}
    unknown = [i for i in round_ids if i not in rounds]
    if unknown:
        raise NotFound("round", unknown[0])
    rest = sorted((w for i, w in rounds.items() if i not in round_ids), key=lambda w: w.sort_order)
    for order, w in enumerate([rounds[i] for i in round_ids] + rest):
        if w.sort_order != order:
            w.sort_order = order
    session.flush()


def add_lab_result(session: Session, admission_id: int, *, crp: float, taken_at: datetime) -> int:
    user = require_role(session, {Role.E_NURSE, Role.E_DOCTOR}, "add a lab result")
    get_existing(session, Admission, admission_id, "admission")
    if not 0 <= crp <= 1000:
        raise InvalidInput("crp", "CRP is 0-1000 mg/L.")
    if taken_at > now_utc() + timedelta(minutes=5):
        raise InvalidInput("taken_at", "A sample cannot be taken in the future.")
    lab = LabResult(admission_id=admission_id, analysis="crp", value=crp, taken_at=taken_at,
                    recorded_by=user)
    session.add(lab)
    session.flush()
    return lab.id
