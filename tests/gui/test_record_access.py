"""Issue 21 on the record screen: one view per opening, break-the-glass asks for a purpose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db import Database
from console.models import AccessEvent, Role
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.rounds.rounds import add_lab_result
from console.timeutil import now_utc
from console.views.common.screen import ScreenContext
from console.views.patient.screen import PatientScreen
from tests.factories import DOCTOR, NURSE, add_staff, add_ward_staff, referral

MakeContext = Callable[[Database], ScreenContext]
REASON = "The municipal nurse called: the pump alarms at night"


def _ward(db: Database, day: date) -> tuple[int, int]:
    add_ward_staff(db)
    add_staff(db, "LOG", Role.LOGISTICS)
    with unit_of_work(db, DOCTOR) as session:
        first = admit(session, parse_referral(referral(day))).admission_id
        other = referral(day)
        other["patient"]["cpr"] = "020260-1236"
        other["patient"]["name"] = "Other Patient"
        second = admit(session, parse_referral(other)).admission_id
    return first, second


def _screen(qtbot: QtBot, db: Database, context_for: MakeContext, day: date,
            user: str) -> PatientScreen:
    context = context_for(db)
    context.worker.runner.user = user
    screen = PatientScreen(context, day)
    qtbot.addWidget(screen)
    screen.resize(1240, 820)
    screen.show()
    return screen


def _events(db: Database) -> list[tuple[str | None, str, bool]]:
    with read_only(db) as session:
        return [(e.user, e.purpose, e.flagged) for e in session.scalars(
            select(AccessEvent).order_by(AccessEvent.id))]


def test_a_record_left_open_through_ten_changes_logs_one_view(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    first, second = _ward(sqlite_db, day)
    screen = _screen(qtbot, sqlite_db, context_for, day, NURSE)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.show_admission(first)
    for n in range(10):  # elsewhere in the ward: another patient's CRP, announced to all
        with unit_of_work(sqlite_db, NURSE) as session:
            add_lab_result(session, second, crp=10.0 + n, taken_at=now_utc())
        with qtbot.waitSignal(screen.loaded, timeout=10_000):
            screen.context.changes.announce(frozenset({"lab_result"}))
    assert _events(sqlite_db) == [(NURSE, "view", False)]


def test_opening_without_a_role_asks_a_purpose_then_flags_the_record(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    first, _second = _ward(sqlite_db, day)
    screen = _screen(qtbot, sqlite_db, context_for, day, "LOG")
    screen.show_admission(first)
    qtbot.waitUntil(lambda: screen.purpose_dialog is not None, timeout=10_000)
    dialog = screen.purpose_dialog
    assert dialog is not None
    assert "no current role for this patient" in dialog.explanation.text()
    assert screen.record is None  # nothing shown, nothing logged yet
    assert _events(sqlite_db) == []
    ok = dialog.buttons.buttons()[0]
    qtbot.keyClicks(dialog.reason_edit, "because")
    assert not ok.isEnabled()  # too short to tell a reviewer anything
    dialog.reason_edit.setPlainText(REASON)
    assert ok.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.accept()
    assert screen.record is not None
    assert screen.glass_note.isVisible()
    assert "flagged for review" in screen.glass_note.text()
    assert _events(sqlite_db) == [("LOG", "emergency", True)]


def test_cancelling_the_purpose_opens_nothing(
        qtbot: QtBot, sqlite_db: Database, context_for: MakeContext, day: date) -> None:
    first, _second = _ward(sqlite_db, day)
    screen = _screen(qtbot, sqlite_db, context_for, day, "LOG")
    screen.show_admission(first)
    qtbot.waitUntil(lambda: screen.purpose_dialog is not None, timeout=10_000)
    assert screen.purpose_dialog is not None
    screen.purpose_dialog.reject()
    qtbot.waitUntil(lambda: screen.purpose_dialog is None, timeout=5_000)
    assert screen.record is None
    assert _events(sqlite_db) == []


def test_the_admin_reviews_a_flagged_access(qtbot: QtBot, sqlite_db: Database,
                                            context_for: MakeContext, day: date) -> None:
    from console.services.core.access_governance import open_record
    from console.views.admin.access_review import AccessReviewDialog

    first, _second = _ward(sqlite_db, day)
    add_staff(sqlite_db, "ADM", Role.ADMIN)
    with unit_of_work(sqlite_db, "LOG") as session:
        open_record(session, first, REASON)
    context = context_for(sqlite_db)
    context.worker.runner.user = "ADM"
    dialog = AccessReviewDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as loaded:
        dialog.reload()
    assert loaded.args == [1]
    assert dialog.proxy.index(0, 4).data() == REASON
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000) as loaded:
        dialog.review("justified")
    assert loaded.args == [0]  # reviewed: out of the queue
    with qtbot.waitSignal(dialog.purged, timeout=10_000) as purged:
        dialog.purge()
    assert purged.args == [0]  # nothing is three years old
