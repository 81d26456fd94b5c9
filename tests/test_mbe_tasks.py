"""Issue 19, R-MBE-TASKS: the MBE's tasks in the home as reference data; ordering one for a course
creates the right MBE visit with the right competences (R-CREW-SKILL) and time on site
(R-VISIT-LEN), and its refusals name the field and the rule on both databases."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from console.cli import main
from console.db import Database
from console.models import DischargeOutcome, LabResult, Visit
from console.services.core.errors import Forbidden, NotFound, RuleViolation
from console.services.core.uow import unit_of_work
from console.services.course.admissions import admit
from console.services.course.course import discharge
from console.services.course.iv_access import access_history
from console.services.course.labs import BY_CODE as ANALYSES
from console.services.course.mbe_tasks import RECORDS_ACCESS, RECORDS_LAB, TASKS
from console.services.course.orders import order_task
from console.services.course.record import load_record
from console.services.course.referral import parse_referral
from console.services.course.task_records import TaskRecord
from console.services.course.visits import VisitRow, register_visit_done
from console.services.dispatch.skills import canonical, visit_needs
from console.services.escalations.escalations import (
    PVK_TASK,
    EscalationInput,
    create_support_visit,
    log_escalation,
)
from console.timeutil import now_utc, today_local
from console.vocabulary import EscalationCategory, IvAccess, Severity
from tests.factories import DISPATCHER, DOCTOR, NURSE, add_ward_staff, referral
from tests.test_crew_skills_breaks import crew
from tests.test_dispatch import add_visit, assign, make_shifts, visit_of


@pytest.fixture
def course(db: Database) -> int:
    add_ward_staff(db)
    with unit_of_work(db, DOCTOR) as s:
        return admit(s, parse_referral(referral(today_local() - timedelta(days=2)))).admission_id


def test_the_catalogue_holds_the_seeds_tasks_each_under_an_hour_and_wired_to_its_record() -> None:
    codes = {t.code for t in TASKS}
    # seed 003's list: assessments, start of treatment, Port-a-neb and oxygen, nasal tube and
    # catheter, urine stix, cultures, bedside and laboratory blood samples, blood cultures, PVK
    assert {"assessment", "treatment_start", "inhalation", "nasal_tube", "urinary_catheter",
            "urine_stix", "cultures", "poct_bloods", "drug_level", "blood_culture",
            "pvk"} <= codes
    assert len(codes) == len(TASKS)
    for task in TASKS:
        assert 0 < task.minutes < 60, task.code  # R-VISIT-LEN
        assert task.title
        assert task.danish
        if task.records == RECORDS_LAB:
            assert task.analyses, task.code
            assert all(a in ANALYSES for a in task.analyses), task.code
        else:
            assert not task.analyses, task.code
    assert next(t for t in TASKS if t.code == "pvk").records == RECORDS_ACCESS
    assert {"s_vancomycin", "s_gentamicin"} <= set(
        next(t for t in TASKS if t.code == "drug_level").analyses)


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t.code)
def test_each_task_creates_its_mbe_visit_with_its_kind_time_and_competences(
        sqlite_db: Database, task: object) -> None:
    from console.services.course.mbe_tasks import MbeTask

    assert isinstance(task, MbeTask)
    add_ward_staff(sqlite_db)
    with unit_of_work(sqlite_db, DOCTOR) as s:
        course = admit(s, parse_referral(referral(today_local() - timedelta(days=1)))).admission_id
    start = now_utc() + timedelta(minutes=30)
    with unit_of_work(sqlite_db, NURSE) as s:
        row = order_task(s, course, task.code, window_start=start, note="  left arm  ")
    assert (row.kind, row.provider, row.status, row.task) == (task.kind.value, "mbe", "planned",
                                                              task.code)
    assert row.service_minutes == task.minutes
    assert row.window_start == start
    assert row.window_end == start + timedelta(hours=task.window_hours)
    with unit_of_work(sqlite_db, NURSE) as s:
        visit = s.get(Visit, row.id)
        assert visit is not None
        assert visit.note == "left arm"
        needs = visit_needs(visit.note, visit.task)
    assert needs == {canonical(n) for n in task.needs}


def test_R_MBE_TASKS_refusals_name_the_field_and_the_rule(db: Database, course: int) -> None:
    soon = now_utc() + timedelta(minutes=10)
    cases: list[tuple[dict[str, object], str, str]] = [
        ({"code": "x-ray"}, "task", "R-MBE-TASKS"),
        ({"window_end": soon - timedelta(minutes=1)}, "to", "INPUT"),
        ({"window_start": soon - timedelta(hours=5), "window_end": soon - timedelta(hours=4)},
         "to", "INPUT"),
        ({"window_end": soon + timedelta(hours=30)}, "to", "INPUT"),
        ({"note": "x" * 501}, "note", "INPUT"),
    ]
    for change, field, rule in cases:
        kwargs: dict[str, object] = {"code": "pvk", "window_start": soon} | change
        code = kwargs.pop("code")
        with unit_of_work(db, NURSE) as s, pytest.raises(RuleViolation) as refused:
            order_task(s, course, str(code), **kwargs)  # type: ignore[arg-type]
        assert (refused.value.field, refused.value.rule_id) == (field, rule), change
    with unit_of_work(db, DISPATCHER) as s, pytest.raises(Forbidden):
        order_task(s, course, "pvk", window_start=soon)
    with unit_of_work(db, NURSE) as s, pytest.raises(NotFound):
        order_task(s, course + 999, "pvk", window_start=soon)
    with unit_of_work(db, NURSE) as s:
        assert s.query(Visit).filter(Visit.task.is_not(None)).count() == 0  # nothing half-saved


def test_R_MBE_TASKS_a_discharged_course_gets_no_task(db: Database, course: int) -> None:
    with unit_of_work(db, DOCTOR) as s:
        discharge(s, course, outcome=DischargeOutcome.COMPLETED, epikrise_sent=True,
                  municipality_informed=True, at=now_utc() - timedelta(minutes=5))
    with unit_of_work(db, NURSE) as s, pytest.raises(RuleViolation) as refused:
        order_task(s, course, "poct_bloods", window_start=now_utc())
    assert (refused.value.rule_id, refused.value.field) == ("R-MBE-TASKS", "admission")


def test_R_CREW_SKILL_an_ordered_pvk_goes_only_to_a_crew_that_can_place_one(
        sqlite_db: Database) -> None:
    add_ward_staff(sqlite_db)
    cars = make_shifts(sqlite_db)
    crew(sqlite_db, cars[("NAE-2", "day")], "Anna Holm [venflon]")  # the ward's word for a PVK
    v = add_visit(sqlite_db, "09:00", "12:00")
    with unit_of_work(sqlite_db, "system") as s:
        visit = s.get(Visit, v)
        assert visit is not None
        visit.task = "pvk"
    with pytest.raises(RuleViolation) as refused:
        assign(sqlite_db, v, cars[("NAE-1", "day")])
    assert refused.value.rule_id == "R-CREW-SKILL"
    assert "needs PVK" in str(refused.value)  # as a crew writes it in brackets
    assign(sqlite_db, v, cars[("NAE-2", "day")])
    assert visit_of(sqlite_db, v).shift_car_id == cars[("NAE-2", "day")]


def test_cli_order_lists_the_tasks_and_orders_one(sqlite_url: str, sqlite_db: Database,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    add_ward_staff(sqlite_db)
    with unit_of_work(sqlite_db, DOCTOR) as s:
        course = admit(s, parse_referral(referral(today_local() - timedelta(days=1)))).admission_id
    assert main(["--database", sqlite_url, "--json", "order", "--list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["code"] for t in listed] == [t.code for t in TASKS]
    assert main(["--database", sqlite_url, "--user", NURSE, "--json", "order", "blood_culture",
                 str(course), "--note", "two sets"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["task"], row["kind"], row["service_minutes"]) == ("blood_culture",
                                                                  "blood_sample", 25)
    assert main(["--database", sqlite_url, "--user", NURSE, "order", "pvk", str(course),
                 "--from", "7.30"]) == 2
    assert "--from" in capsys.readouterr().err
    assert main(["--database", sqlite_url, "--user", NURSE, "order", "scan", str(course)]) == 2
    assert "R-MBE-TASKS" in capsys.readouterr().err


# --- registering a task visit records what the task says ------------------------------------------

def _ordered(db: Database, course: int, code: str) -> int:
    with unit_of_work(db, NURSE) as s:
        return order_task(s, course, code, window_start=now_utc() - timedelta(minutes=30)).id


def _done(db: Database, visit_id: int, record: TaskRecord | None, note: str | None = None
          ) -> VisitRow:
    with unit_of_work(db, NURSE) as s:
        return register_visit_done(s, visit_id, performed_at=now_utc() - timedelta(minutes=1),
                                   minutes=20, observations=note, task_record=record)


def test_R_MBE_TASKS_a_drug_level_visit_records_its_result_linked_to_the_visit(
        db: Database, course: int) -> None:
    visit = _ordered(db, course, "drug_level")
    with pytest.raises(RuleViolation) as refused:
        _done(db, visit, None)  # neither a result nor why there is none
    assert (refused.value.rule_id, refused.value.field) == ("R-MBE-TASKS", "results")
    with pytest.raises(RuleViolation) as refused:
        _done(db, visit, TaskRecord({"crp": "12"}))  # not what this task records
    assert refused.value.field == "lab.crp"
    with pytest.raises(RuleViolation) as refused:
        _done(db, visit, TaskRecord({"s_vancomycin": "14 mmol/L"}))  # the wrong unit
    assert refused.value.field == "lab.s_vancomycin"
    with unit_of_work(db, DOCTOR) as s:
        assert load_record(s, course).labs == ()  # nothing half-saved
    row = _done(db, visit, TaskRecord({"s_vancomycin": "24", "s_gentamicin": " "}))
    assert row.status == "done"
    with unit_of_work(db, DOCTOR) as s:
        labs = load_record(s, course).labs
        linked = s.query(LabResult.visit_id).one()
    assert [(lab.analysis, lab.value) for lab in labs] == [("s_vancomycin", 24.0)]
    assert linked == (visit,)


def test_R_MBE_TASKS_a_laboratory_answer_still_pending_is_said_in_words(
        db: Database, course: int) -> None:
    visit = _ordered(db, course, "blood_culture")
    assert _done(db, visit, None, note="Two sets sent to KMA, answer pending").status == "done"


def test_R_ACCESS_a_pvk_visit_places_the_new_access_through_to_the_handover(
        db: Database, course: int) -> None:
    visit = _ordered(db, course, "pvk")
    with pytest.raises(RuleViolation) as refused:
        _done(db, visit, None)
    assert (refused.value.rule_id, refused.value.field) == ("R-MBE-TASKS", "access")
    _done(db, visit, TaskRecord({}, IvAccess.PVK, today_local() + timedelta(days=3)))
    with unit_of_work(db, DOCTOR) as s:
        history = access_history(s, course)
        record = load_record(s, course)
    assert [r.kind for r in history] == ["picc", "pvk"]
    assert f"MBE visit {visit}" in (history[0].end_reason or "")
    assert {line.iv_access for line in record.regimens} == {"pvk"}  # R-HANDOVER reads it
    assert not any("remove" in item.lower() for item in record.handover_missing)


def test_only_a_pvk_visit_records_an_access(db: Database, course: int) -> None:
    visit = _ordered(db, course, "assessment")
    with pytest.raises(RuleViolation) as refused:
        _done(db, visit, TaskRecord({}, IvAccess.PVK))
    assert refused.value.field == "access"
    assert _done(db, visit, None).status == "done"  # observations are all it records


def _call(db: Database, course: int, category: EscalationCategory, severity: Severity,
          text: str) -> int:
    """A municipal nurse's call about the course, logged by the e-nurse."""
    with unit_of_work(db, NURSE) as s:
        return log_escalation(s, EscalationInput(
            category=category, severity=severity, caller_name="Hjemmesygeplejerske Mette",
            caller_phone="57 87 00 00", admission_id=course,
            received_at=now_utc() - timedelta(minutes=5), text=text)).id


def test_R_ACCESS_a_blocked_access_escalation_gets_the_pvk_task_that_replaces_the_access(
        db: Database, course: int) -> None:
    """Issue 19: a "blocked / lost access" call offers the MBE's PVK placement, not a generic
    assessment; registering that visit records the new access the handover then uses."""
    assert PVK_TASK in {t.code for t in TASKS}
    esc = _call(db, course, EscalationCategory.IV_ACCESS_PROBLEM, Severity.URGENT,
                "PICC'en er blokeret, kan ikke skylles")
    with unit_of_work(db, NURSE) as s:
        visit_id = create_support_visit(s, esc)
        assert create_support_visit(s, esc) == visit_id  # asked twice: the same visit
    with unit_of_work(db, DOCTOR) as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None
        assert (visit.task, visit.kind.value, visit.service_minutes) == ("pvk", "support", 30)
        assert visit.window_end - visit.window_start == timedelta(hours=3)  # urgent
        assert "escalation" in (visit.note or "")
    with unit_of_work(db, NURSE) as s:
        register_visit_done(s, visit_id, performed_at=now_utc(), minutes=25,
                            task_record=TaskRecord({}, IvAccess.PVK,
                                                   today_local() + timedelta(days=3)))
    with unit_of_work(db, DOCTOR) as s:
        assert [r.kind for r in access_history(s, course)] == ["picc", "pvk"]
        assert {line.iv_access for line in load_record(s, course).regimens} == {"pvk"}


def test_other_escalations_still_get_an_assessment_visit(db: Database, course: int) -> None:
    esc = _call(db, course, EscalationCategory.CLINICAL_WORSENING, Severity.TODAY,
                "Mere forpustet")
    with unit_of_work(db, NURSE) as s:
        visit_id = create_support_visit(s, esc)
    with unit_of_work(db, DOCTOR) as s:
        visit = s.get(Visit, visit_id)
        assert visit is not None
        assert (visit.task, visit.kind.value) == (None, "assessment")
