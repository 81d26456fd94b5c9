"""The logistics screen over a real SQLite ward, loaded and written through the worker (pytest-qt):
the red at-risk list (R-SUPPLY), the status flow, conflicts between two desks, proposals, and
the packing and run list PDF (R-IVBOX)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db import Database
from console.models import Delivery, DeliveryStatus, Role, Visit
from console.services.core.operations import Runner
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.census import load_census
from console.services.course.course import change_regimen
from console.services.course.referral import parse_referral
from console.services.logistics.deliveries import (
    at_risk_without_delivery,
    load_logistics_day,
    propose_deliveries,
    set_status,
)
from console.services.logistics.delivery_runs import plan_delivery_run
from console.services.logistics.stock import project_stock
from console.timeutil import LOCAL_TZ, today_local
from console.views.common.change_bridge import ChangeBridge
from console.views.common.palette import DANGER_BG, DANGER_FG
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.logistics.at_risk_model import AtRiskColumn, AtRiskTableModel
from console.views.logistics.dialogs import ProposalTableModel
from console.views.logistics.model import ADMISSION_ID_ROLE, Column, DeliveryTableModel
from console.views.logistics.run_print import paginate, run_list_html
from console.views.logistics.screen import LogisticsScreen
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral

MakeContext = Callable[[Database], ScreenContext]
TODAY = today_local()
FIRST_DAY = TODAY - timedelta(days=6)  # day 7 today: the R-SUPPLY deliveries fall due today
# name, cpr, municipality, lat, lon
PATIENTS = (
    ("Asta Holm", "010150-1111", "Holbæk", 55.7175, 11.7128),
    ("Bo Lind", "020250-2222", "Vordingborg", 55.0080, 11.9106),
    ("Cai Juhl", "030350-3333", "Næstved", 55.2299, 11.7609),
)
AT_RISK = ("Dea Krog", "040450-1444", "Sorø", 55.4318, 11.5555)


def _admit(db: Database, name: str, cpr: str, muni: str, lat: float, lon: float) -> int:
    with unit_of_work(db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(FIRST_DAY, **{
            "patient.name": name, "patient.cpr": cpr, "patient.municipality": muni,
            "patient.lat": lat, "patient.lon": lon, "patient.address": f"{name.split()[1]}vej 1",
            "planned_end": (FIRST_DAY + timedelta(days=13)).isoformat(),
            "regimen.0.days": 14})))
    return result.admission_id


@pytest.fixture
def logi_db(sqlite_db: Database) -> Database:
    """Three patients whose supply delivery is due today, one whose delivery was cancelled."""
    add_ward_staff(sqlite_db)
    add_staff(sqlite_db, "TST", Role.LOGISTICS, name="Tove Test")
    add_staff(sqlite_db, "LG2", Role.LOGISTICS, name="Lars Anden")
    for patient in PATIENTS:
        _admit(sqlite_db, *patient)
    at_risk = _admit(sqlite_db, *AT_RISK)
    with unit_of_work(sqlite_db, "TST") as s:
        d = s.scalar(select(Delivery).where(Delivery.admission_id == at_risk))
        assert d is not None
        set_status(s, d.id, DeliveryStatus.CANCELLED)
    return sqlite_db


@pytest.fixture
def screen(qtbot: QtBot, logi_db: Database, context_for: MakeContext) -> LogisticsScreen:
    widget = LogisticsScreen(context_for(logi_db), TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    loaded(qtbot, widget)
    return widget


@pytest.fixture
def second_desk(logi_db: Database, gui_settings: QSettings) -> Iterator[ScreenContext]:
    worker = Worker(Runner(logi_db, "LG2"))
    yield ScreenContext(runner=worker.runner, user="LG2", worker=worker, changes=ChangeBridge(),
                        settings=gui_settings)
    worker.shutdown()


def loaded(qtbot: QtBot, screen: LogisticsScreen) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.reload()


def delivery_id(screen: LogisticsScreen, patient: str) -> int:
    return next(r.id for r in screen.model.rows() if r.patient == patient)


def cell(screen: LogisticsScreen, delivery: int, column: Column, role: int = 0) -> object:
    row = screen.model.row_of(delivery)
    assert row is not None
    return screen.model.index(row, column).data(role or Qt.ItemDataRole.DisplayRole)


def click(qtbot: QtBot, screen: LogisticsScreen, status: DeliveryStatus) -> None:
    button = screen.action_bar.buttons[status]
    assert button.isEnabled(), status
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- models ---------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, logi_db: Database) -> None:
    with read_only(logi_db) as s:
        day = load_logistics_day(s, TODAY)
        run = plan_delivery_run(s, TODAY, deliveries=day.deliveries)
        proposals = propose_deliveries(s)
    deliveries = DeliveryTableModel()
    deliveries.set_rows(day.deliveries, day.runs_out, run)
    assert deliveries.rowCount() == 4
    qtmodeltester.check(deliveries, force_py=True)
    at_risk = AtRiskTableModel()
    at_risk.set_rows(day.at_risk)
    assert at_risk.rowCount() == 1
    qtmodeltester.check(at_risk, force_py=True)
    proposal_model = ProposalTableModel()
    proposal_model.set_rows(tuple(proposals))
    assert proposal_model.rowCount() == 1
    qtmodeltester.check(proposal_model, force_py=True)
    assert proposal_model.setData(proposal_model.index(0, 0), Qt.CheckState.Unchecked.value,
                                  Qt.ItemDataRole.CheckStateRole)
    assert proposal_model.accepted() == []


# -- loading and the red list -----------------------------------------------------------------


def test_screen_loads_the_day_through_the_worker(qtbot: QtBot, screen: LogisticsScreen) -> None:
    assert screen.title() == "Logistics"
    assert screen.pages.currentWidget() is screen.table
    names = {r.patient for r in screen.model.rows()}
    assert names == {p[0] for p in PATIENTS} | {AT_RISK[0]}  # the cancelled one is listed too
    stops = sorted(str(cell(screen, r.id, Column.STOP)) for r in screen.model.rows()
                   if r.status != "cancelled")
    assert stops == ["1", "2", "3"]  # the run's order
    asta = delivery_id(screen, "Asta Holm")
    assert cell(screen, asta, Column.STATUS) == "Requested"
    assert str(cell(screen, asta, Column.ITEMS)).endswith(" + IV box")
    assert str(cell(screen, asta, Column.ITEMS)).startswith("21 × Piperacillin/Tazobactam 4 g")
    assert "3 stops from" in screen.action_bar.run_label.text()
    assert screen.summary_label.text() == (
        f"Deliveries on {TODAY:%d/%m/%Y}: 4, 3 still open")
    assert not screen.is_loading


def test_patient_running_out_without_delivery_is_red_at_the_top(screen: LogisticsScreen) -> None:
    panel = screen.at_risk
    assert panel.table.isVisible()
    assert not panel.all_clear.isVisible()
    assert panel.model.rowCount() == 1
    index = panel.model.index(0, AtRiskColumn.PATIENT)
    assert index.data() == "Dea Krog"
    for column in AtRiskColumn:
        i = panel.model.index(0, column)
        assert i.data(Qt.ItemDataRole.BackgroundRole) == DANGER_BG
        assert i.data(Qt.ItemDataRole.ForegroundRole) == DANGER_FG
    assert panel.model.index(0, AtRiskColumn.NEXT_DELIVERY).data() == "none"
    assert panel.title.text() == "Runs out within 48 h and no delivery planned: 1"


def test_accepting_the_proposal_clears_the_red_row(qtbot: QtBot, screen: LogisticsScreen,
                                                   logi_db: Database) -> None:
    dialog = screen.open_proposals()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    (proposal,) = dialog.model.rows()
    assert proposal.patient == "Dea Krog"
    with read_only(logi_db) as s:
        (line,) = project_stock(s, [proposal.admission_id])
    need = line.doses_remaining - line.on_hand  # every dose the home stock does not cover
    packing = str(dialog.model.index(0, 4).data()).splitlines()
    assert packing[0] == f"{need} × Piperacillin/Tazobactam 4 g"
    assert f"{need} × infusion sets" in packing
    assert f"{2 * need} × 10 ml NaCl flushes" in packing  # R-IVBOX
    assert "1 × sharps box" in packing
    assert "1 × IV access supplies" in packing
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert screen.message_label.text() == "1 delivery requested."
    assert screen.at_risk.model.rowCount() == 0
    assert screen.at_risk.all_clear.isVisible()
    with read_only(logi_db) as s:
        assert at_risk_without_delivery(s) == []


def test_empty_day_says_what_it_means(qtbot: QtBot, logi_db: Database,
                                      context_for: MakeContext) -> None:
    widget = LogisticsScreen(context_for(logi_db), FIRST_DAY - timedelta(days=1))
    qtbot.addWidget(widget)
    loaded(qtbot, widget)
    assert widget.pages.currentWidget() is widget.empty_label
    assert widget.empty_label.text().startswith(
        f"No deliveries due on {FIRST_DAY - timedelta(days=1):%d/%m/%Y}.")
    assert not widget.action_bar.buttons[DeliveryStatus.PACKED].isEnabled()


def test_filters_by_status_and_municipality(screen: LogisticsScreen) -> None:
    assert screen.proxy.rowCount() == 4
    screen.set_filter("open")
    assert screen.proxy.rowCount() == 3
    screen.set_filter("cancelled")
    assert screen.proxy.rowCount() == 1
    screen.set_filter("all", "Holbæk")
    assert [screen.proxy.index(r, Column.PATIENT).data()
            for r in range(screen.proxy.rowCount())] == ["Asta Holm"]
    screen.set_filter("delivered", "Holbæk")
    assert screen.pages.currentWidget() is screen.empty_label
    assert screen.empty_label.text() == "No deliveries match the filter."
    screen.set_filter()
    assert screen.proxy.rowCount() == 4


def test_double_click_requests_the_patient(qtbot: QtBot, screen: LogisticsScreen) -> None:
    index = screen.proxy.index(0, Column.PATIENT)
    rect = screen.table.visualRect(index)
    with qtbot.waitSignal(screen.patient_requested) as blocker:
        qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [index.data(ADMISSION_ID_ROLE)]


# -- writes ---------------------------------------------------------------------------------


def test_delivered_through_the_screen_updates_stock_and_census(
        qtbot: QtBot, screen: LogisticsScreen, logi_db: Database) -> None:
    asta = delivery_id(screen, "Asta Holm")
    admission = next(r.admission_id for r in screen.model.rows() if r.id == asta)
    with read_only(logi_db) as s:
        before = {r.admission_id: r.supply_days_left for r in load_census(s, TODAY).rows}
        (line,) = project_stock(s, [admission])
    assert line.runs_out_at is not None
    assert before[admission] is not None
    assert cell(screen, asta, Column.RUNS_OUT) != "covered"
    assert screen.select_delivery(asta)
    assert not screen.action_bar.buttons[DeliveryStatus.DELIVERED].isEnabled()  # pack first
    click(qtbot, screen, DeliveryStatus.PACKED)
    assert cell(screen, asta, Column.STATUS) == "Packed"
    assert cell(screen, asta, Column.COURIER) == "TST"
    assert screen.selected_delivery_id() == asta  # kept across the reload
    click(qtbot, screen, DeliveryStatus.OUT)
    assert cell(screen, asta, Column.STATUS) == "Out for delivery"
    click(qtbot, screen, DeliveryStatus.DELIVERED)
    assert cell(screen, asta, Column.STATUS) == "Delivered"
    assert cell(screen, asta, Column.RUNS_OUT) == "covered"
    assert screen.message_label.text() == "Asta Holm: Delivered."
    assert not any(b.isEnabled() for b in screen.action_bar.buttons.values())
    with read_only(logi_db) as s:
        (after,) = project_stock(s, [admission])
        census = {r.admission_id: r.supply_days_left for r in load_census(s, TODAY).rows}
    assert after.on_hand == line.on_hand + 21
    assert after.runs_out_at is None
    assert census[admission] is None  # the census now says the stock lasts to the end
    assert "2 stops from" in screen.action_bar.run_label.text()  # off the run


def test_failed_without_a_reason_is_refused(qtbot: QtBot, screen: LogisticsScreen,
                                            logi_db: Database) -> None:
    bo = delivery_id(screen, "Bo Lind")
    bo_admission = next(r.admission_id for r in screen.model.rows() if r.id == bo)
    assert screen.select_delivery(bo)
    assert not screen.action_bar.buttons[DeliveryStatus.FAILED].isEnabled()  # not packed yet
    click(qtbot, screen, DeliveryStatus.PACKED)
    dialog = screen.open_failed_dialog()
    assert dialog is not None
    dialog.submit()
    qtbot.waitUntil(dialog.reason_error.isVisible, timeout=10_000)
    assert dialog.reason_error.text() == "R-DELIVERY-FLOW: Say why the delivery failed."
    assert dialog.isVisible()
    with read_only(logi_db) as s:
        d = s.get(Delivery, bo)
        assert d is not None
        assert d.status is DeliveryStatus.PACKED
    qtbot.keyClicks(dialog.reason_edit, "Nobody home, neighbour has no key")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.submit()
    assert not dialog.isVisible()
    assert cell(screen, bo, Column.STATUS) == "Failed"
    assert "Failed: Nobody home" in str(cell(screen, bo, Column.FLAGS))
    with read_only(logi_db) as s:
        follow_up = s.scalar(select(Delivery).where(Delivery.admission_id == bo_admission,
                                                    Delivery.id != bo))
        assert follow_up is not None
        assert follow_up.status is DeliveryStatus.REQUESTED  # booked again, same items
    assert f"A new delivery #{follow_up.id} is requested." in screen.message_label.text()


def test_two_desks_on_one_delivery_conflict_and_nothing_is_lost(
        qtbot: QtBot, screen: LogisticsScreen, second_desk: ScreenContext,
        logi_db: Database) -> None:
    other = LogisticsScreen(second_desk, TODAY)
    qtbot.addWidget(other)
    other.resize(1400, 900)
    other.show()
    loaded(qtbot, other)
    cai = delivery_id(screen, "Cai Juhl")
    assert screen.select_delivery(cai)
    assert other.select_delivery(cai)
    click(qtbot, screen, DeliveryStatus.PACKED)  # desk 1 packs it
    with qtbot.waitSignal(other.write_failed, timeout=10_000) as blocker:
        qtbot.mouseClick(other.action_bar.buttons[DeliveryStatus.PACKED],
                         Qt.MouseButton.LeftButton)  # desk 2 still sees version 1
    assert other.conflict.isVisible()
    assert str(blocker.args[0]).startswith("Changed by TST")
    with read_only(logi_db) as s:
        d = s.get(Delivery, cai)
        assert d is not None
        assert (d.status, d.courier, d.version) == (DeliveryStatus.PACKED, "TST", 2)
    with qtbot.waitSignal(other.loaded, timeout=10_000):
        qtbot.mouseClick(other.conflict.reload_button, Qt.MouseButton.LeftButton)
    assert not other.conflict.isVisible()
    assert cell(other, cai, Column.STATUS) == "Packed"
    assert other.selected_delivery_id() == cai
    click(qtbot, other, DeliveryStatus.OUT)  # based on the new version: goes through
    with read_only(logi_db) as s:
        d = s.get(Delivery, cai)
        assert d is not None
        assert (d.status, d.courier, d.version) == (DeliveryStatus.OUT, "TST", 3)
    qtbot.waitUntil(second_desk.worker.is_idle)


def test_change_feed_reloads_and_keeps_the_selection(qtbot: QtBot, screen: LogisticsScreen,
                                                     logi_db: Database) -> None:
    asta = delivery_id(screen, "Asta Holm")
    assert screen.select_delivery(asta)
    with unit_of_work(logi_db, "LG2") as s:  # another desk packs it
        set_status(s, asta, DeliveryStatus.PACKED)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.context.changes.announce(frozenset({"delivery"}))
    assert cell(screen, asta, Column.STATUS) == "Packed"
    assert screen.selected_delivery_id() == asta
    screen.context.changes.announce(frozenset({"car", "shift"}))
    qtbot.wait(50)
    assert not screen.is_loading


def test_regimen_change_flags_a_packed_delivery_for_review(
        qtbot: QtBot, screen: LogisticsScreen, logi_db: Database) -> None:
    asta = delivery_id(screen, "Asta Holm")
    admission = next(r.admission_id for r in screen.model.rows() if r.id == asta)
    with unit_of_work(logi_db, "TST") as s:
        set_status(s, asta, DeliveryStatus.PACKED)
    with read_only(logi_db) as s:
        regimen = s.scalar(select(Visit.regimen_id).where(Visit.admission_id == admission,
                                                          Visit.regimen_id.is_not(None)))
    assert regimen is not None
    with unit_of_work(logi_db, DOCTOR) as s:
        change_regimen(s, regimen, effective_from=datetime.combine(
            TODAY + timedelta(days=1), time(0), tzinfo=LOCAL_TZ), doses_per_day=2,
            dose_times=[time(8), time(20)])
    loaded(qtbot, screen)
    assert "Review: regimen changed" in str(cell(screen, asta, Column.FLAGS))
    assert cell(screen, asta, Column.FLAGS, Qt.ItemDataRole.BackgroundRole) == DANGER_BG
    assert screen._run is not None
    assert "CHECK: the regimen changed after packing" in run_list_html(screen._run)


# -- print ----------------------------------------------------------------------------------


def test_packing_and_run_list_pdf(qtbot: QtBot, screen: LogisticsScreen, tmp_path: Path) -> None:
    path = tmp_path / "out" / "run.pdf"
    with qtbot.waitSignal(screen.run_printed, timeout=20_000) as blocker:
        screen.print_run(path)
    assert blocker.args == [str(path)]
    assert path.read_bytes().startswith(b"%PDF")
    assert f"written to {path}" in screen.message_label.text()
    assert screen._run is not None
    html = run_list_html(screen._run)
    for text in ("Load into the car", "Asta Holm", "Holmvej 1", "20 30 40 50",
                 "infusion sets", "10 ml NaCl flushes", "sharps box", "IV access supplies",
                 "☐"):
        assert text in html, text
    assert "Dea Krog" not in html  # cancelled: not on the run


def test_header_state_survives_a_new_screen(qtbot: QtBot, screen: LogisticsScreen,
                                            logi_db: Database, context_for: MakeContext,
                                            gui_settings: QSettings) -> None:
    screen.table.setColumnWidth(Column.PATIENT, 251)
    screen.save_state(gui_settings)
    again = LogisticsScreen(context_for(logi_db), TODAY)
    qtbot.addWidget(again)
    again.restore_state(gui_settings)
    assert again.table.columnWidth(Column.PATIENT) == 251
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_a_later_day_still_lists_what_is_open(qtbot: QtBot, screen: LogisticsScreen) -> None:
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.set_day(TODAY + timedelta(days=3))
    assert screen.day == TODAY + timedelta(days=3)
    # today's open deliveries do not fall off the list; the cancelled one does
    assert sorted(r.patient for r in screen.model.rows()) == sorted(p[0] for p in PATIENTS)
    assert all(str(cell(screen, r.id, Column.FLAGS)).startswith("ETA after due")
               or "Overdue" in str(cell(screen, r.id, Column.FLAGS))
               for r in screen.model.rows())


def test_sorting_keeps_the_selected_delivery(screen: LogisticsScreen) -> None:
    bo = delivery_id(screen, "Bo Lind")
    assert screen.select_delivery(bo)
    screen.table.sortByColumn(Column.PATIENT, Qt.SortOrder.DescendingOrder)
    names = [screen.proxy.index(r, Column.PATIENT).data() for r in range(screen.proxy.rowCount())]
    assert names == sorted(names, reverse=True)
    screen.table.sortByColumn(Column.FLAGS, Qt.SortOrder.AscendingOrder)
    assert screen.selected_delivery_id() == bo
    screen.table.sortByColumn(Column.STOP, Qt.SortOrder.AscendingOrder)
    stops = [screen.proxy.index(r, Column.STOP).data() for r in range(screen.proxy.rowCount())]
    assert stops == ["1", "2", "3", ""]  # the cancelled one is not on the run


def test_pages_never_split_or_lose_a_stop(screen: LogisticsScreen) -> None:
    run = screen._run
    assert run is not None
    assert len(run.stops) == 3
    def fits(html: str) -> bool:  # a page with room for one stop
        return html.count('<td class="order">') <= 1

    pages = paginate(run, fits)
    assert [len(p) for p in pages] == [1, 1, 1]
    assert [s for page in pages for s in page] == list(run.stops)
    html = run_list_html(run, pages)
    assert html.count("page-break-before: always") == 2
    assert "page 2 of 3" in html
    assert paginate(run, lambda _html: True) == [run.stops]


def test_handing_a_delivery_to_an_mbe_car_puts_it_in_the_dispatch_tray(
        qtbot: QtBot, screen: LogisticsScreen, logi_db: Database) -> None:
    from console.services.dispatch.routes import mbe_visits

    asta = delivery_id(screen, "Asta Holm")
    assert screen.select_delivery(asta)
    assert screen.action_bar.mbe_button.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        qtbot.mouseClick(screen.action_bar.mbe_button, Qt.MouseButton.LeftButton)
    assert "With an MBE car" in cell(screen, asta, Column.FLAGS)
    assert not screen.action_bar.mbe_button.isEnabled()  # once
    row = screen.selected_delivery()
    assert row is not None
    assert row.visit_id is not None
    with read_only(logi_db) as s:
        visit = s.get(Visit, row.visit_id)
        assert visit is not None  # late in the evening the cars take it on their next stretch
        day = visit.window_start.astimezone(LOCAL_TZ).date()
        tray = {v.visit_id: v for v in mbe_visits(s, day) if v.shift_car_id is None}
    assert tray[row.visit_id].kind == "delivery"
    qtbot.waitUntil(screen.context.worker.is_idle)
