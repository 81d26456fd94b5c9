"""Issue 21: a network partition is an outage, not a green light and a spinning save.

``tests/tcp_proxy.py`` black-holes the link between the console and PostgreSQL: nothing is
closed and nothing more gets through, so the client's kernel sees a healthy peer and neither
TCP keepalives nor a TCP user timeout can notice (the case the reviewer met: a green light for
30 s and a save spinning until the link came back). The console's heartbeat must raise the
banner within 10 s, and a save sent into the silence must fail within its deadline with the
form kept; after the link returns, the console reconnects by itself.
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

from console.db import Database
from console.models import Role, Visit, VisitStatus
from console.services.core.operations import Runner
from console.services.core.uow import read_only
from console.services.core.ward import open_ward
from console.services.course import visits as visit_service
from console.views.common.change_bridge import ChangeBridge
from console.views.common.offline import OfflineBanner, ReconnectProbe
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker
from console.views.patient.visit_register_dialog import DONE, VisitRegisterDialog
from tests.conftest import pg_server_url
from tests.factories import NURSE, add_staff
from tests.gui.ward_data import seed_small_ward
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.pg

BANNER_BUDGET_S = 10.0  # the promise
SAVE_DEADLINE_S = 6.0  # the runner's deadline in this test (the console's default is 30 s)
TYPED = "Dose given at 14:05, PICC site calm."


@pytest.fixture
def proxy(pg_url: str) -> Iterator[TcpProxy]:
    server = make_url(pg_server_url() or pg_url)
    with TcpProxy(server.port or 5432) as tcp:
        yield tcp


@pytest.fixture
def proxied_db(pg_url: str, proxy: TcpProxy, day: date) -> Iterator[Database]:
    url = make_url(pg_url).set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)
    db = open_ward(url, migrate=False)
    add_staff(db, NURSE, Role.E_NURSE)
    seed_small_ward(db, day)
    yield db
    db.dispose()


def test_a_black_holed_link_raises_the_banner_and_the_save_fails_with_the_form_kept(
        qtbot: QtBot, proxied_db: Database, proxy: TcpProxy, gui_settings: QSettings) -> None:
    worker = Worker(Runner(proxied_db, NURSE, deadline_seconds=SAVE_DEADLINE_S))
    context = ScreenContext(runner=worker.runner, user=NURSE, worker=worker,
                            changes=ChangeBridge(), settings=gui_settings)
    banner = OfflineBanner()
    qtbot.addWidget(banner)
    probe = ReconnectProbe(context, first_delay=0.5, max_delay=1.0)
    banner.attach(probe)
    with read_only(proxied_db) as session:
        visit_id = session.scalars(select(Visit.id).where(Visit.status == VisitStatus.PLANNED)
                                   .order_by(Visit.id)).first()
        assert visit_id is not None
        visit = visit_service.visit_rows(session, Visit.id == visit_id)[0]
    dialog = VisitRegisterDialog(context, visit, DONE, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.observations, TYPED)
    try:
        assert probe.heartbeat.isActive()  # PostgreSQL: the heartbeat runs while online
        proxy.black_hole()
        cut = time.monotonic()
        # Nobody does anything: the heartbeat alone finds the silence.
        qtbot.waitUntil(banner.isVisible, timeout=round(BANNER_BUDGET_S * 1000))
        assert time.monotonic() - cut < BANNER_BUDGET_S
        sent = time.monotonic()
        dialog.submit()  # sent into the silence
        qtbot.waitUntil(lambda: not dialog.is_saving,
                        timeout=round((SAVE_DEADLINE_S + 5) * 1000))
        assert time.monotonic() - sent < SAVE_DEADLINE_S + 3
        assert dialog.isVisible()
        assert dialog.banner.isVisible()
        text = dialog.banner.text()  # no connection within 5 s, or no answer within the deadline
        assert text.startswith("Not saved: the database did not answer (")
        assert "what you typed is kept" in text
        assert dialog.observations.toPlainText() == TYPED
        # The link returns: the console reconnects by itself and the same form saves.
        with qtbot.waitSignal(probe.reconnected, timeout=15_000):
            proxy.restore()
        assert not banner.isVisible()
        with qtbot.waitSignal(dialog.saved, timeout=15_000):
            dialog.submit()
        with read_only(proxied_db) as session:
            done = session.get(Visit, visit.id)
            assert done is not None
            assert (done.status, done.observations) == (VisitStatus.DONE, TYPED)
    finally:
        probe.stop()
        proxy.restore()
        worker.shutdown()


def test_an_operation_on_a_silent_connection_ends_at_its_deadline(
        proxied_db: Database, proxy: TcpProxy) -> None:
    """The pooled connection is alive when the link goes silent: the watchdog cuts it at the
    deadline and the operation says so; nothing is left half-saved."""
    from sqlalchemy import text

    from console.db import DatabaseUnavailable
    from console.services.core import operations

    runner = Runner(proxied_db, NURSE, deadline_seconds=2.0)
    assert runner.run(lambda s: s.execute(text("SELECT 1")).scalar_one()).value == 1
    proxy.black_hole()
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailable) as info:
            runner.run(lambda s: s.execute(text("UPDATE setting SET value = value")),
                       write=True)
        assert time.monotonic() - started < 4.0
        assert "no answer within 2 s" in str(info.value)
        assert info.value.save_state == operations.NOT_SAVED
    finally:
        proxy.restore()
    assert runner.run(lambda s: s.execute(text("SELECT 2")).scalar_one()).value == 2
