"""Outages: the console stays open, says it is offline, keeps the screen and the form, retries
with backoff, reconnects by itself and reloads (console/views/common/offline.py).

The PostgreSQL tests put ``tests/tcp_proxy.py`` between the console and the server and cut it:
to the console that is the server going away (every connection closed, new ones refused);
the machine's PostgreSQL keeps running for everyone else. The SQLite tests drive the probe's
logic (backoff, the watcher's status, the window hook) without a network.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from console.app import create_main_window
from console.change_events import ChangeEvent
from console.db import Database, DatabaseUnavailable
from console.models import Role, Setting, Visit, VisitStatus
from console.services.core.operations import Runner
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from console.services.course import visits as visit_service
from console.sync import ChangeWatcher
from console.timeutil import format_local
from console.views.census.model import Column
from console.views.common import offline
from console.views.common.change_bridge import ChangeBridge
from console.views.common.offline import (
    OfflineBanner,
    ReconnectProbe,
    install_offline_banner,
)
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.main_window import MainWindow
from console.views.patient.visit_register_dialog import DONE, VisitRegisterDialog
from tests.conftest import pg_server_url
from tests.factories import NURSE, add_staff
from tests.gui.ward_data import NAMES, seed_small_ward
from tests.tcp_proxy import TcpProxy

RECONNECT_BUDGET_S = 5.0  # the first probe comes 1 s after the outage is noticed
TYPED = "Dose given at 14:05, PICC site calm, patient comfortable."


# -- PostgreSQL through a proxy that can be cut ---------------------------------------------------


@pytest.fixture
def proxy(pg_url: str) -> Iterator[TcpProxy]:
    server = make_url(pg_server_url() or pg_url)
    with TcpProxy(server.port or 5432) as tcp:
        yield tcp


@pytest.fixture
def proxied_url(pg_url: str, proxy: TcpProxy) -> str:
    """The test's PostgreSQL database, reached through the proxy."""
    return make_url(pg_url).set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)


@pytest.fixture
def proxied_db(proxied_url: str, day: date) -> Iterator[Database]:
    db = open_ward(proxied_url, migrate=False)
    add_staff(db, NURSE, Role.E_NURSE)
    seed_small_ward(db, day)
    yield db
    db.dispose()


@pytest.fixture
def console_window(qtbot: QtBot, proxied_db: Database, proxied_url: str,
                   gui_settings: QSettings, day: date) -> Iterator[MainWindow]:
    """The console as a desk runs it: main window, offline banner, change watcher."""
    changes = ChangeBridge()
    window = create_main_window(proxied_db, NURSE, gui_settings, day=day, changes=changes)
    install_offline_banner(window, window.context)  # a no-op once main_window installs it
    qtbot.addWidget(window)
    watcher = ChangeWatcher(proxied_url, changes.on_change, on_status=changes.on_status,
                            poll_interval=0.5)
    watcher.start()
    try:
        assert watcher.wait_until_watching(10)
        window.resize(1400, 900)
        window.show()
        qtbot.waitUntil(window.context.worker.is_idle, timeout=10_000)
        yield window
    finally:
        watcher.stop()
        window.context.worker.wait_for_idle()


def census_names(window: MainWindow) -> list[str]:
    proxy = window.screens["census"].proxy
    return sorted(proxy.index(r, Column.NAME).data() for r in range(proxy.rowCount()))


def planned_visit(db: Database) -> visit_service.VisitRow:
    with read_only(db) as session:
        visit_id = session.scalars(select(Visit.id).where(Visit.status == VisitStatus.PLANNED)
                                   .order_by(Visit.id)).first()
        assert visit_id is not None
        return visit_service.visit_rows(session, Visit.id == visit_id)[0]


@pytest.mark.pg
def test_outage_banner_keeps_screen_and_form_then_recovers_by_itself(
        qtbot: QtBot, console_window: MainWindow, proxied_db: Database,
        proxy: TcpProxy) -> None:
    window = console_window
    banner = window.findChild(OfflineBanner)
    assert banner is not None
    assert banner.probe is not None
    assert not banner.isVisible()
    assert census_names(window) == sorted(NAMES)
    visit = planned_visit(proxied_db)

    # The database goes away mid-session.
    proxy.cut()
    with qtbot.waitSignal(window.screens["census"].load_failed, timeout=10_000):
        window.screens["census"].reload()
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    since = banner.offline_since
    assert since is not None
    text = banner.text_label.text()
    assert text.startswith(f"Offline since {format_local(since)} — retrying every 1 s.")
    assert "What is on screen is kept; changes cannot be saved" in text
    assert not window.connection.online  # the status-bar light agrees
    assert window.connection.text().startswith("● Offline since ")
    # What was on screen stays, marked with why it is not fresh.
    assert census_names(window) == sorted(NAMES)
    assert window.screens["census"].error_label.isVisible()
    assert "did not answer" in window.screens["census"].error_label.text()

    # A write while offline: refused with a clear sentence, the form keeps what was typed.
    dialog = VisitRegisterDialog(window.context, visit, DONE, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.observations, TYPED)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.is_saving, timeout=10_000)
    assert dialog.isVisible()
    assert dialog.banner.isVisible()
    assert dialog.banner.text().startswith("Not saved: the database did not answer")
    assert "what you typed is kept" in dialog.banner.text()
    assert dialog.observations.toPlainText() == TYPED
    assert dialog.save_button.isEnabled()
    assert banner.isVisible()

    # The database comes back: the console notices by itself, the banner goes, screens reload.
    probe = banner.probe
    restored = time.monotonic()
    with qtbot.waitSignals([probe.reconnected, window.screens["census"].loaded],
                           timeout=round(RECONNECT_BUDGET_S * 1000)):
        proxy.restore()
    assert time.monotonic() - restored < RECONNECT_BUDGET_S
    assert not banner.isVisible()
    assert window.connection.online
    assert not window.screens["census"].error_label.isVisible()
    assert census_names(window) == sorted(NAMES)

    # Nothing lost: the same form, saved again, goes through.
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.submit()
    with read_only(proxied_db) as session:
        done = session.get(Visit, visit.id)
        assert done is not None
        assert (done.status, done.observations, done.performed_by) == (
            VisitStatus.DONE, TYPED, NURSE)
    qtbot.waitUntil(window.context.worker.is_idle, timeout=10_000)


@pytest.mark.pg
def test_probe_backs_off_while_the_database_stays_away(
        qtbot: QtBot, proxied_db: Database, proxy: TcpProxy, gui_settings: QSettings) -> None:
    worker = Worker(Runner(proxied_db, NURSE))
    changes = ChangeBridge()
    context = ScreenContext(runner=worker.runner, user=NURSE, worker=worker, changes=changes,
                            settings=gui_settings)
    probe = ReconnectProbe(context, first_delay=0.2, max_delay=0.4)
    delays: list[float] = []
    reloads: list[ChangeEvent] = []
    probe.retry_scheduled.connect(delays.append)
    changes.changed.connect(reloads.append)
    try:
        proxy.cut()
        with qtbot.waitSignal(probe.connection_lost, timeout=10_000):
            worker.read(offline.ping, lambda _r: None, lambda _e: None)
        qtbot.waitUntil(lambda: len(delays) >= 4, timeout=10_000)  # 3 probes failed
        assert delays[:4] == [0.2, 0.4, 0.4, 0.4]
        assert not probe.online
        assert "did not answer" in probe.problem
        with qtbot.waitSignal(probe.reconnected, timeout=5_000):
            proxy.restore()
        assert probe.online
        assert [event.everything for event in reloads] == [True]  # every screen reloads
        assert probe.retry_seconds == 0.2  # the next outage starts from the first delay again
    finally:
        probe.stop()
        worker.shutdown()


@pytest.mark.pg
def test_a_write_cut_off_during_commit_says_nobody_can_tell(
        qtbot: QtBot, proxied_db: Database, proxy: TcpProxy) -> None:
    worker = Worker(Runner(proxied_db, NURSE))
    errors: list[Exception] = []

    def save_then_lose_the_line(session: Session) -> None:
        session.add(Setting(key="outage.commit", value="1", description="outage test"))
        session.flush()  # the INSERT reached the server; the COMMIT will not
        proxy.cut()

    try:
        worker.write(save_then_lose_the_line, lambda _r: pytest.fail("not saved"),
                     errors.append)
        qtbot.waitUntil(worker.is_idle, timeout=10_000)
        assert len(errors) == 1
        assert isinstance(errors[0], DatabaseUnavailable)
        message = str(errors[0])
        assert message.startswith("The database stopped answering while saving")
        assert "cannot tell whether the change was saved" in message
        assert "check the record before saving again" in message
        proxy.restore()
        with read_only(proxied_db) as session:  # this time the server had rolled it back
            assert session.get(Setting, "outage.commit") is None
    finally:
        worker.shutdown()


# -- the probe's logic and the window hook, on SQLite ---------------------------------------------


def unreachable(_session: Session) -> int:
    raise DatabaseUnavailable("The database did not answer (test).")


@pytest.fixture
def context(sqlite_db: Database, gui_settings: QSettings) -> Iterator[ScreenContext]:
    worker = Worker(Runner(sqlite_db, "TST"))
    yield ScreenContext(runner=worker.runner, user="TST", worker=worker, changes=ChangeBridge(),
                        settings=gui_settings)
    worker.shutdown()


def test_backoff_doubles_from_one_second_to_thirty(qtbot: QtBot,
                                                   context: ScreenContext) -> None:
    probe = ReconnectProbe(context)
    delays: list[float] = []
    probe.retry_scheduled.connect(delays.append)
    try:
        context.worker.database_unavailable.emit("The database did not answer (gone).")
        assert not probe.online
        for _ in range(6):  # what each failed probe does
            probe._on_probe_failed(DatabaseUnavailable("still gone"))
        assert delays == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
        assert probe.problem == "still gone"
    finally:
        probe.stop()


def test_a_failing_probe_keeps_retrying_then_any_answer_reconnects(
        qtbot: QtBot, context: ScreenContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "ping", unreachable)
    probe = ReconnectProbe(context, first_delay=0.02, max_delay=0.05)
    delays: list[float] = []
    reloads: list[ChangeEvent] = []
    probe.retry_scheduled.connect(delays.append)
    context.changes.changed.connect(reloads.append)
    try:
        context.worker.database_unavailable.emit("gone")
        qtbot.waitUntil(lambda: len(delays) >= 4, timeout=5_000)
        assert delays[:4] == [0.02, 0.04, 0.05, 0.05]
        assert probe.probes_sent >= 3
        # Any operation that reaches the database ends the outage, not only the probe.
        with qtbot.waitSignal(probe.reconnected, timeout=5_000):
            context.worker.read(lambda s: 1, lambda _r: None)
        assert [event.everything for event in reloads] == [True]  # every screen reloads
    finally:
        probe.stop()
        qtbot.waitUntil(context.worker.is_idle, timeout=5_000)


def test_watcher_status_is_checked_through_the_worker(
        qtbot: QtBot, context: ScreenContext, monkeypatch: pytest.MonkeyPatch) -> None:
    banner = OfflineBanner()
    qtbot.addWidget(banner)
    probe = ReconnectProbe(context, first_delay=30)  # no timer probes during the test
    banner.attach(probe)
    try:
        # The watcher lost only its own connection; the database answers: no banner.
        context.changes.on_status(False, "Lost contact with the database file (gone).")
        qtbot.waitUntil(lambda: probe.probes_sent == 1 and context.worker.is_idle(),
                        timeout=5_000)
        assert probe.online
        assert banner.isHidden()
        assert probe.probes_sent == 1
        # The watcher lost contact and the database does not answer either: offline.
        monkeypatch.setattr(offline, "ping", unreachable)
        with qtbot.waitSignal(probe.connection_lost, timeout=5_000):
            context.changes.on_status(False, "Lost contact with the database file (gone).")
        qtbot.waitUntil(context.worker.is_idle, timeout=5_000)
        assert banner.isVisible()
        assert banner.text_label.text().startswith(
            f"Offline since {format_local(probe.offline_since)} — retrying every 30 s.")
        assert banner.toolTip() == "The database did not answer (test)."
        # The watcher is back: believed only once the worker's own probe answers.
        monkeypatch.undo()
        with qtbot.waitSignal(probe.reconnected, timeout=5_000):
            context.changes.on_status(True, "Contact with the database is back.")
        assert probe.probes_sent == 3
        assert banner.isHidden()
    finally:
        probe.stop()
        qtbot.waitUntil(context.worker.is_idle, timeout=5_000)


def test_the_probes_own_reads_leave_the_connection_light_alone(
        qtbot: QtBot, context: ScreenContext) -> None:
    """The light follows the screens and the watcher; a quiet read changes neither signal."""
    signals: list[str] = []
    context.worker.database_answered.connect(lambda: signals.append("answered"))
    context.worker.database_unavailable.connect(lambda _m: signals.append("unavailable"))
    results: list[object] = []
    context.worker.read(offline.ping, results.append, report_connection=False)
    context.worker.read(unreachable, results.append, results.append, report_connection=False)
    qtbot.waitUntil(context.worker.is_idle, timeout=5_000)
    assert 1 in results
    assert any(isinstance(r, DatabaseUnavailable) for r in results)
    assert signals == []
    context.worker.read(offline.ping, results.append)
    qtbot.waitUntil(context.worker.is_idle, timeout=5_000)
    assert signals == ["answered"]


def test_try_now_probes_at_once(qtbot: QtBot, context: ScreenContext) -> None:
    banner = OfflineBanner()
    qtbot.addWidget(banner)
    probe = ReconnectProbe(context, first_delay=30)
    banner.attach(probe)
    try:
        context.worker.database_unavailable.emit("gone")
        assert not banner.isHidden()
        assert banner.retry_button.text() == "Try now"
        with qtbot.waitSignal(probe.reconnected, timeout=5_000):
            banner.retry_button.click()
        assert banner.isHidden()
    finally:
        probe.stop()
        qtbot.waitUntil(context.worker.is_idle, timeout=5_000)


def test_install_puts_the_banner_above_the_screens_once(qtbot: QtBot,
                                                        main_window: MainWindow) -> None:
    splitter = main_window.splitter
    banner = install_offline_banner(main_window, main_window.context)
    assert install_offline_banner(main_window, main_window.context) is banner
    assert len(main_window.findChildren(OfflineBanner)) == 1
    host = main_window.centralWidget()
    assert host.objectName() == "offlineBannerHost"
    layout = host.layout()
    assert layout.itemAt(0).widget() is banner
    assert layout.itemAt(1).widget() is splitter
    assert banner.isHidden()
    main_window.context.worker.database_unavailable.emit("The database did not answer (x).")
    assert banner.isVisible()
    qtbot.waitUntil(lambda: banner.geometry().bottom() < splitter.geometry().top())
    assert banner.probe is not None
    with qtbot.waitSignal(banner.probe.reconnected, timeout=5_000):
        banner.retry_button.click()  # SQLite answers at once
    assert banner.isHidden()
    qtbot.waitUntil(main_window.context.worker.is_idle, timeout=10_000)
    main_window.close()
    assert banner.probe._stopped
