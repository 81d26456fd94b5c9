"""The patient record screen over a real (SQLite) database, loaded through the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.db import Database
from console.models import AccessEvent, Role
from console.services.core.uow import unit_of_work
from console.services.course import course
from console.services.course.record import load_record
from console.timeutil import local_datetime, now_utc
from console.views.common.screen import ScreenContext
from console.views.patient.screen import PatientScreen
from console.views.patient.tables import (
    REGIMEN_NARROWED,
    REGIMEN_PERIOD_COLUMN,
    REGIMEN_SYSTEM_COLUMN,
)
from console.views.patient.timeline_model import BADGE_ROLE, TimelineColumn, VisitTimelineModel
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral
from tests.gui.ward_data import seed_small_ward

MakeContext = Callable[[Database], ScreenContext]


def admit_test_patient(db: Database, day: date) -> int:
    from console.services.course.admissions import admit
    from console.services.course.referral import parse_referral

    add_ward_staff(db)
    # Admitted before now at any hour (10:00 on ``day``, or two hours ago when earlier), so a
    # visit registered or a discharge recorded "now" is never before the admission.
    # Never before the day began either: just after midnight, "two hours ago" is yesterday and
    # the course would be on its second day.
    at = max(local_datetime(day, time(0)),
             min(local_datetime(day, time(10)), now_utc() - timedelta(hours=2)))
    doc = referral(day, admitted_at=at.isoformat(),
                   **{"consent.at": (at - timedelta(minutes=30)).isoformat()})
    with unit_of_work(db, DOCTOR) as session:
        return admit(session, parse_referral(doc)).admission_id


def open_record(qtbot: QtBot, db: Database, context_for: MakeContext, day: date,
                admission_id: int, user: str = DOCTOR, reason: str | None = None
                ) -> PatientScreen:
    """The record as ``user`` sees it; ``reason`` for someone without a care role (R-ACCESS)."""
    context = context_for(db)
    context.worker.runner.user = user
    screen = PatientScreen(context, day)
    qtbot.addWidget(screen)
    screen.resize(1240, 820)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.show_admission(admission_id, reason)
    return screen


@pytest.fixture
def admitted(sqlite_db: Database, day: date) -> int:
    return admit_test_patient(sqlite_db, day)


def test_timeline_model_passes_modeltester(qtmodeltester: ModelTester, sqlite_db: Database,
                                           admitted: int) -> None:
    with unit_of_work(sqlite_db, DOCTOR) as session:
        record = load_record(session, admitted)
    model = VisitTimelineModel()
    model.set_visits(record.visits)
    qtmodeltester.check(model)
    assert model.rowCount() == len(record.visits) > 0
    text, _bg, _fg = model.index(0, TimelineColumn.STATUS).data(BADGE_ROLE)
    # The first visit is planned, or overdue once its window has passed (R-REGISTER): which one
    # depends on the hour the test runs, the badge must say the row's own status.
    first = record.visits[0]
    assert first.status == "planned"
    assert first.shown_status in {"planned", "overdue"}
    assert text == first.shown_status


def test_empty_state_before_a_patient_is_chosen(qtbot: QtBot, sqlite_db: Database,
                                                context_for: MakeContext, day: date) -> None:
    screen = PatientScreen(context_for(sqlite_db), day)
    qtbot.addWidget(screen)
    assert screen.pages.currentWidget() is screen.empty_label
    assert screen.empty_label.text() == "Choose a patient in the census."
    assert screen.title() == "Patient"


def test_record_shows_header_timeline_handover_and_logs_access(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    header = screen.header
    assert header.name.text() == "Test Testesen"
    assert header.values["cpr"].text() == "010150-XXXX"
    header.reveal_button.click()
    assert header.values["cpr"].text() == "010150-1234"
    assert header.values["doctor"].text() == "Dorthe Læge"
    assert header.values["contact"].text() == "70 20 42 00"
    assert header.course_day.text() == "Day 1 of 7"
    assert screen.timeline_proxy.rowCount() == len(screen.record.visits) > 0  # type: ignore[union-attr]
    assert screen.regimen_model.rowCount() == 1
    assert "Handover" in header.handover_title.text()
    assert screen.pages.currentWidget() is screen.content
    assert screen.crp_chart.point_count == 0
    with unit_of_work(sqlite_db, "system") as session:
        logged = session.scalar(select(func.count()).select_from(AccessEvent).where(
            AccessEvent.admission_id == admitted, AccessEvent.user == DOCTOR))
    assert logged == 1


def test_handover_lists_what_is_missing(qtbot: QtBot, sqlite_db: Database,
                                        context_for: MakeContext, day: date) -> None:
    ids = seed_small_ward(sqlite_db, day)  # no doctor, no IV removal date
    add_staff(sqlite_db, "TST", Role.E_NURSE)
    screen = open_record(qtbot, sqlite_db, context_for, day, ids["Anna Jensen"], user="TST")
    text = screen.header.handover_list.text()
    assert "responsible doctor" in text
    assert "missing" in screen.header.handover_title.text()


def test_reloads_on_change_feed_keeping_selection(qtbot: QtBot, sqlite_db: Database,
                                                  context_for: MakeContext, day: date,
                                                  admitted: int) -> None:
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    visit = screen.timeline_model.row_at(1)
    screen.select_visit(visit.id)
    with unit_of_work(sqlite_db, DOCTOR) as session:
        course.discharge(session, admitted, outcome=course.DischargeOutcome.COMPLETED,
                         epikrise_sent=True, municipality_informed=True)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce(frozenset({"admission"}))
    assert screen.selected_visit_id() == visit.id
    assert screen.header.status.text().startswith("Discharged")
    assert not screen.discharge_button.isEnabled()


def test_record_row_tables_pass_modeltester(qtmodeltester: ModelTester, sqlite_db: Database,
                                            day: date) -> None:
    from console.views.common.rows_model import RowsTableModel
    from console.views.patient.tables import (
        DELIVERY_COLUMNS,
        ESCALATION_COLUMNS,
        LAB_COLUMNS,
        REGIMEN_COLUMNS,
        ROUND_COLUMNS,
    )

    seed_small_ward(sqlite_db, day)
    add_staff(sqlite_db, DOCTOR, Role.E_DOCTOR)
    with unit_of_work(sqlite_db, DOCTOR) as session:
        records = [load_record(session, adm_id) for adm_id in range(1, 6)]
    tables = ((REGIMEN_COLUMNS, "regimens"), (LAB_COLUMNS, "labs"), (ROUND_COLUMNS, "rounds"),
              (DELIVERY_COLUMNS, "deliveries"), (ESCALATION_COLUMNS, "escalations"))
    filled = set()
    for columns, attr in tables:
        for record in records:
            rows = getattr(record, attr)
            model: RowsTableModel[object] = RowsTableModel("PatientScreen", columns)
            model.set_rows(rows)
            qtmodeltester.check(model, force_py=True)
            assert model.rowCount() == len(rows)
            if rows:
                filled.add(attr)
    assert {"regimens", "escalations"} <= filled  # the small ward has these on file


def test_printing_the_record_is_logged_then_written(qtbot: QtBot, sqlite_db: Database,
                                                    context_for: MakeContext, day: date,
                                                    admitted: int, tmp_path: Path) -> None:
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    out = tmp_path / "record.pdf"
    with qtbot.waitSignal(screen.record_printed, timeout=10_000) as printed:
        screen.print_record(out)
    assert printed.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    with unit_of_work(sqlite_db, DOCTOR) as session:
        purposes = sorted(session.scalars(select(AccessEvent.purpose)).all())
    assert purposes == ["print", "view"]
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_the_access_log_is_for_an_admin(qtbot: QtBot, sqlite_db: Database,
                                        context_for: MakeContext, day: date,
                                        admitted: int) -> None:
    from console.models import Role
    from tests.factories import add_staff

    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    dialog = screen.open_access_log()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=10_000)
    assert "may not read the access log" in dialog.error_label.text()
    add_staff(sqlite_db, "ADM", Role.ADMIN)
    admin = open_record(qtbot, sqlite_db, context_for, day, admitted, user="ADM",
                        reason="Access log review after a complaint")
    log = admin.open_access_log()
    assert log is not None
    with qtbot.waitSignal(log.loaded, timeout=10_000) as loaded:
        log.reload()
    assert loaded.args == [2]  # DOC's and ADM's openings
    assert {log.model.row_at(r).user for r in range(2)} == {DOCTOR, "ADM"}
    qtbot.waitUntil(admin.context.worker.is_idle)
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_order_a_delivery_from_the_record(qtbot: QtBot, sqlite_db: Database,
                                          context_for: MakeContext, day: date) -> None:
    from console.models import Delivery
    from console.services.course.admissions import admit
    from console.services.course.referral import parse_referral

    add_ward_staff(sqlite_db)
    doc = referral(day)
    doc["regimen"][0]["days"] = 14  # longer than the 7 days the ward sends (R-SUPPLY)
    doc["planned_end"] = (day + timedelta(days=13)).isoformat()
    with unit_of_work(sqlite_db, DOCTOR) as session:
        admission_id = admit(session, parse_referral(doc)).admission_id
    screen = open_record(qtbot, sqlite_db, context_for, day, admission_id)
    with unit_of_work(sqlite_db, DOCTOR) as session:
        before = session.scalar(select(func.count()).select_from(Delivery))
    assert screen.delivery_button.isEnabled()
    with qtbot.waitSignal(screen.delivery_ordered, timeout=10_000) as ordered:
        screen.delivery_button.click()
    qtbot.waitUntil(lambda: not screen.is_loading, timeout=10_000)
    with unit_of_work(sqlite_db, DOCTOR) as session:
        delivery = session.get(Delivery, ordered.args[0])
        assert delivery is not None
        assert delivery.admission_id == admission_id
        assert session.scalar(select(func.count()).select_from(Delivery)) == before + 1
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_the_regimen_line_is_never_half_hidden_under_its_scroll_bar(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    """Issue 20: on a narrow window the regimen table's scroll bar covered half its only row."""
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    table = screen.regimen_table
    for width in (1240, 900, 700):
        screen.resize(width, 820)
        qtbot.wait(50)
        row = table.visualRect(table.model().index(0, 0))
        assert row.height() > 0
        assert row.bottom() < table.viewport().height(), width  # the whole line shows
        bar = table.horizontalScrollBar()
        assert bar.isVisible() == (table.horizontalHeader().length()
                                   > table.viewport().width()), width


def test_the_trend_follows_the_chosen_analysis_and_hides_no_drug_level(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    """Issue 19: trends per analysis (CRP first) with the interval shaded; the drug-level
    column shows only when a drug in the regimen has a level."""
    from console.services.course.labs import record_lab_result
    from console.timeutil import now_utc
    from console.views.patient.tables import REGIMEN_LEVEL_COLUMN

    with unit_of_work(sqlite_db, DOCTOR) as s:
        for hours, analysis, value in ((5, "crp", "80"), (4, "sodium", "131"),
                                       (2, "sodium", "136"), (1, "blood_culture", "negative")):
            record_lab_result(s, admitted, analysis=analysis, value=value,
                              taken_at=now_utc() - timedelta(minutes=hours * 10))
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    choice = screen.side.trend_choice
    assert [choice.itemData(i) for i in range(choice.count())] == ["crp", "sodium"]
    assert choice.currentData() == "crp"
    assert screen.crp_chart.point_count == 1
    choice.setCurrentIndex(choice.findData("sodium"))
    assert screen.crp_chart.point_count == 2
    assert screen.crp_chart.axes.get_ylabel() == "mmol/L"
    low, high = screen.crp_chart.axes.get_ylim()
    assert low < 131  # the values and the interval 137–145 both show
    assert high > 145
    assert screen.regimen_table.isColumnHidden(REGIMEN_LEVEL_COLUMN)  # Piperacillin: no level
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    assert choice.currentData() == "sodium"  # the choice survives a reload


def test_the_visit_kinds_show_whole_in_the_timeline(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    """Issue 20: the record's visits read "Blood sample (…" beside a wide notes column."""
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    screen.resize(1500, 820)
    table = screen.timeline
    model = table.model()
    kinds = {model.index(r, TimelineColumn.KIND).data() for r in range(model.rowCount())}
    assert "Blood sample (CRP)" in kinds  # R-CRP3's day-3 sample
    needed = max(table.fontMetrics().horizontalAdvance(k) for k in kinds)
    qtbot.waitUntil(lambda: table.columnWidth(TimelineColumn.KIND) >= needed + 4)


def test_a_narrow_record_shows_the_regimen_period_without_a_scroll_bar(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    """Issue 20: at 1280×720 the regimen's period stood behind a horizontal scroll bar while the
    infusion system kept its whole name; the system, kind and IV access now narrow first."""
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    table = screen.regimen_table
    header = table.horizontalHeader()
    screen.resize(1700, 820)
    qtbot.waitUntil(lambda: table.viewport().width() > 900)
    whole = {c: header.sectionSize(c) for c in REGIMEN_NARROWED}
    fitted = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
                 for c in range(header.count()) if not header.isSectionHidden(c))
    screen.resize(1130, 820)  # the record's width in a 1280-px window
    qtbot.waitUntil(lambda: table.viewport().width() < fitted)  # all whole would not fit
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(REGIMEN_PERIOD_COLUMN) >= table.sizeHintForColumn(
        REGIMEN_PERIOD_COLUMN)
    assert header.sectionSize(REGIMEN_SYSTEM_COLUMN) < whole[REGIMEN_SYSTEM_COLUMN]
    index = table.model().index(0, REGIMEN_SYSTEM_COLUMN)
    assert table.model().data(index, Qt.ItemDataRole.ToolTipRole) == table.model().data(index)
    screen.resize(1700, 820)  # and whole again when there is room
    qtbot.waitUntil(lambda: header.sectionSize(REGIMEN_SYSTEM_COLUMN)
                    == whole[REGIMEN_SYSTEM_COLUMN])


def test_a_narrow_record_hides_the_notes_rather_than_scroll_sideways(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date,
        admitted: int) -> None:
    """Issue 20: at 1280×720 the visits needed a horizontal scroll bar for a sliver of notes."""
    screen = open_record(qtbot, sqlite_db, context_for, day, admitted)
    table = screen.timeline
    screen.resize(1000, 820)
    qtbot.waitUntil(lambda: table.isColumnHidden(TimelineColumn.NOTES))
    assert table.horizontalHeader().length() <= table.viewport().width()
    screen.resize(1700, 820)
    qtbot.waitUntil(lambda: not table.isColumnHidden(TimelineColumn.NOTES))
