"""The referral queue screen (issue 19, R-ELIGIBLE) over a real SQLite ward: the queue, the
checklist in the seed's words, the judgement saved, a decline that needs a reason, and Admit
opening the admission dialog filled from the referral, whose Admit decides the referral."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.db import Database
from console.models import Referral, Role
from console.services.core.uow import read_only, unit_of_work
from console.services.course import referrals
from console.timeutil import today_local
from console.views.common.screen import ScreenContext
from console.views.referrals.screen import ReferralsScreen
from console.vocabulary import ReferralSource, ReferralStatus
from tests.factories import add_staff, add_ward_staff, referral

MakeContext = Callable[[Database], ScreenContext]


@pytest.fixture
def queue_db(sqlite_db: Database) -> Database:
    add_ward_staff(sqlite_db)
    add_staff(sqlite_db, "TST", Role.E_DOCTOR, name="Tove Test")
    day = today_local() - timedelta(days=1)
    with unit_of_work(sqlite_db, "TST") as s:
        for cpr, source in (("010150-1234", ReferralSource.DEPARTMENT),
                            ("020250-2345", ReferralSource.COPD_PRE_CARE)):
            referrals.add_referral(s, source, referral(day, **{"patient.cpr": cpr}))
    return sqlite_db


def _screen(qtbot: QtBot, db: Database, context_for: MakeContext) -> ReferralsScreen:
    screen = ReferralsScreen(context_for(db), today_local())
    qtbot.addWidget(screen)
    screen.resize(1300, 900)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()
    return screen


def _click(qtbot: QtBot, screen: ReferralsScreen, button: object) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(screen.context.worker.is_idle)


def _referral(db: Database, referral_id: int) -> Referral:
    with read_only(db) as s:
        row = s.get(Referral, referral_id)
        assert row is not None
        return row


def test_the_queue_shows_the_checklist_capacity_and_the_municipality(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext,
        qtmodeltester: ModelTester) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    qtmodeltester.check(screen.model, force_py=True)
    assert screen.model.rowCount() == 2
    assert screen.waiting_label.text() == "Referrals waiting: 2"
    assert screen.capacity_label.text() == "0 / 30 admitted"
    row = screen.selected_row()
    assert row is not None
    assert "<b>Test Testesen</b> (010150-XXXX)" in screen.panel.summary.text()
    assert "Sorø" in screen.panel.situation.text()
    assert "3 doses a day" in screen.panel.situation.text()
    quotes = " ".join(w.text() for w in screen.panel.findChildren(type(screen.waiting_label)))
    assert "Borgerne skal være stabile" in quotes  # the seed's own words
    assert "Videolink" in quotes
    assert all(c.currentIndex() == 0 for c in screen.panel.items.values())  # not judged


def test_judge_then_admit_opens_the_dialog_filled_from_the_referral(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    row = screen.selected_row()
    assert row is not None
    for combo in screen.panel.items.values():
        combo.setCurrentIndex(1)  # yes
    screen.panel.talks["referrer_call"].setPlainText("Talked with the ward's doctor")
    screen.panel.talks["municipality_call"].setPlainText("Sorø akutteam: yes, 3x/day")
    _click(qtbot, screen, screen.panel.save_button)
    saved = _referral(queue_db, row.id)
    assert saved.clinically_stable is True
    assert saved.municipality_call == "Sorø akutteam: yes, 3x/day"
    assert "Judgement saved." in screen.banners.message_label.text()

    screen.open_admission()
    qtbot.waitUntil(lambda: screen.admission_dialog is not None
                    and screen.admission_dialog.options is not None, timeout=10_000)
    dialog = screen.admission_dialog
    qtbot.waitUntil(lambda: dialog.form.name.text() == "Test Testesen", timeout=10_000)
    assert dialog.form.cpr.text() == "010150-1234"
    assert dialog.form.municipality.currentData() == "Sorø"
    assert dialog.form.referred_by.text() == "Medicinsk afdeling, Holbæk"
    assert dialog.lines.lines[0].drug.text() == "Piperacillin/Tazobactam"
    assert dialog.lines.lines[0].doses_per_day.value() == 3
    assert dialog.from_referral == (row.id, saved.version)
    assert dialog.problems == [], dialog.problems
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.admitted, timeout=10_000) as admitted:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.context.worker.is_idle)
    decided = _referral(queue_db, row.id)
    assert decided.status == ReferralStatus.ADMITTED
    assert decided.admission_id == admitted.args[0]
    qtbot.waitUntil(lambda: screen.waiting_label.text() == "Referrals waiting: 1",
                    timeout=10_000)


def test_declining_needs_a_reason(qtbot: QtBot, queue_db: Database,
                                  context_for: MakeContext) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    row = screen.selected_row()
    assert row is not None
    _click(qtbot, screen, screen.panel.decline_button)
    assert "R-ELIGIBLE" in screen.error_label.text()
    assert _referral(queue_db, row.id).status == ReferralStatus.REFERRED
    screen.panel.decline_reason.setText("Needs a hospital bed")
    _click(qtbot, screen, screen.panel.decline_button)
    assert _referral(queue_db, row.id).decline_reason == "Needs a hospital bed"
    assert screen.model.rowCount() == 1  # the queue shows the waiting ones
    screen.show_decided.setChecked(True)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_a_nurse_reads_the_queue_but_has_no_decision_buttons(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    screen.set_roles(frozenset({"e_nurse"}))
    assert not screen.panel.admit_button.isVisibleTo(screen)
    assert not screen.panel.decline_button.isVisibleTo(screen)
    assert screen.model.rowCount() == 2


def _intake(qtbot: QtBot, screen: ReferralsScreen) -> Any:
    qtbot.mouseClick(screen.intake_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.intake_dialog is not None
                    and screen.intake_dialog.options is not None, timeout=10_000)
    return screen.intake_dialog


def test_taking_in_a_referral_by_hand_puts_it_in_the_queue_as_typed(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    """Issue 19: a GP phones; the nurse types the referral in; it waits as "referred" with its
    source, and the visitation's open points are listed, not enforced."""
    screen = _screen(qtbot, queue_db, context_for)
    screen.set_roles(frozenset({"e_nurse"}))
    assert screen.intake_button.isEnabled()
    dialog = _intake(qtbot, screen)
    assert not dialog.form.consent_group.isVisibleTo(dialog)  # consent is the admission's
    assert not dialog.save_button.isEnabled()
    assert "Still to fill in" in dialog.summary.text()
    dialog.source.setCurrentIndex(dialog.source.findData("gp"))
    form = dialog.form
    form.cpr.setText("030360-3456")
    form.name.setText("Grete Gp-Henvist")
    form.address.setText("Skovvej 2, 4180 Sorø")
    form.municipality.setCurrentIndex(form.municipality.findData("Sorø"))
    form.referred_by.setText("Lægehuset Sorø, dr. Juul")
    line = dialog.lines.lines[0]
    line.drug.setText("Ceftriaxon")
    line.dose.setText("2 g")
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5_000)
    assert dialog.problems == []
    with qtbot.waitSignal(dialog.taken_in, timeout=10_000) as taken:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(screen.context.worker.is_idle)
    stored = _referral(queue_db, taken.args[0])
    assert (stored.source, stored.status) == (ReferralSource.GP, ReferralStatus.REFERRED)
    assert stored.referrer == "Lægehuset Sorø, dr. Juul"
    with unit_of_work(queue_db, "TST") as s:
        typed = referrals.referral_for_admission(s, stored.id).referral
    assert (typed.patient.name, typed.regimen[0].drug, typed.regimen[0].dose) == (
        "Grete Gp-Henvist", "Ceftriaxon", "2 g")
    assert typed.consent is None
    selected = screen.selected_row()
    assert selected is not None
    assert selected.id == stored.id
    assert "waiting for the e-doctor" in screen.banners.message_label.text()


def test_R_CPR_blocks_the_intake_and_other_rules_wait_for_the_visitation(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    dialog = _intake(qtbot, screen)
    form = dialog.form
    form.name.setText("Ny Patient")
    form.address.setText("Vej 1, 4700 Næstved")
    form.municipality.setCurrentIndex(form.municipality.findData("Næstved"))
    line = dialog.lines.lines[0]
    line.drug.setText("Meropenem")
    line.dose.setText("1 g")
    form.cpr.setText("010150-1234")  # already in the queue, not admitted: fine
    form.admitted_at.setDateTime(form.admitted_at.dateTime().addDays(-20))  # R-ADMIT-TIME
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5_000)
    assert dialog.to_settle, "the visitation's open points are listed"
    assert "For the visitation to settle" in dialog.summary.text()
    form.cpr.setText("311399-1234")  # no such day of birth
    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled(), timeout=5_000)
    assert [p.rule_id for p in dialog.problems] == ["R-CPR"]
    assert "R-CPR" in dialog.errors.messages().get("patient.cpr", "")
    dialog.reject()


def test_a_dispatcher_cannot_take_in_a_referral(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    screen = _screen(qtbot, queue_db, context_for)
    screen.set_roles(frozenset({"dispatcher"}))
    assert not screen.intake_button.isEnabled()


def test_the_queue_says_how_long_each_referral_has_waited(
        qtbot: QtBot, queue_db: Database, context_for: MakeContext) -> None:
    """Issue 19: the waiting time beside each referral (the dashboard measures it too); a
    decided one says how long the decision took."""
    from console.timeutil import now_utc
    from console.views.referrals.model import waited

    with unit_of_work(queue_db, "TST") as s:
        old = referrals.add_referral(s, ReferralSource.GP, referral(**{"patient.cpr": "030360-3456"}),
                                     received_at=now_utc() - timedelta(hours=3, minutes=30))
    screen = _screen(qtbot, queue_db, context_for)
    texts = {r.id: screen.model.index(screen.model.row_of_id(r.id), 1).data()
             for r in screen.model.rows()}
    assert texts[old.id] == "3 h 30 min"
    assert screen.model.headerData(1, Qt.Orientation.Horizontal) == "Time waiting"
    decided = replace(old, decided_at=old.received_at + timedelta(minutes=95),
                      status="declined")
    assert waited(decided) == "decided after 1 h 35 min"
