"""GUI fixtures: a small ward, per-test QSettings, a main window, and a worker leak check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from console.app import create_main_window
from console.db import Database
from console.services.core.operations import Runner
from console.timeutil import today_local
from console.views.common.change_bridge import ChangeBridge
from console.views.common.screen import ScreenContext
from console.views.common.worker import Worker, live_workers
from console.views.main_window import MainWindow
from tests.gui.ward_data import seed_small_ward

pytestmark = pytest.mark.gui
LEAK_GRACE_MS = 2_000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test whose body leaves background work running (napari's thread-leak check).

    Checked right after the test body, before fixtures tear windows down (which would wait).
    A follow-up read that ends within a grace of its own (the reload after a refused write,
    on a machine busy with another run) is not a leak: the check failed CI on exactly that.
    """
    body_passed = False
    try:
        result = yield
        body_passed = True
        return result
    finally:
        leaking = [w for w in live_workers() if not w.is_idle()
                   and not (body_passed and w.wait_for_idle(LEAK_GRACE_MS))]
        for worker in leaking:
            worker.shutdown()
        for worker in live_workers():  # a thread may still be returning from run()
            worker.wait_for_threads()
        if leaking and body_passed:
            pytest.fail(f"{item.name} left {len(leaking)} worker(s) with operations running: "
                        "wait for them, e.g. qtbot.waitUntil(worker.is_idle).")


@pytest.fixture
def day() -> date:
    return today_local()


@pytest.fixture
def ward_db(sqlite_db: Database, day: date) -> Database:
    seed_small_ward(sqlite_db, day)
    return sqlite_db


@pytest.fixture
def gui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context_for(qtbot: QtBot, gui_settings: QSettings) -> Iterator[Callable[[Database],
                                                                            ScreenContext]]:
    """Build a ScreenContext for a database; its worker is drained at teardown."""
    made: list[Worker] = []

    def make(db: Database) -> ScreenContext:
        worker = Worker(Runner(db, "TST"))
        made.append(worker)
        return ScreenContext(runner=worker.runner, user="TST", worker=worker, changes=ChangeBridge(),
                             settings=gui_settings)

    yield make
    for worker in made:
        worker.shutdown()


@pytest.fixture
def main_window(qtbot: QtBot, ward_db: Database, gui_settings: QSettings,
                day: date) -> Iterator[MainWindow]:
    """The console as TST, an e-doctor on the ward (a care role opens records, R-ACCESS)."""
    from console.models import Role
    from tests.factories import add_staff

    add_staff(ward_db, "TST", Role.E_DOCTOR, name="Tom Test")
    window = create_main_window(ward_db, "TST", gui_settings, day=day)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(window.context.worker.is_idle, timeout=10_000)
    yield window
    window.context.worker.wait_for_idle()


@pytest.fixture
def disp_db(sqlite_db: Database) -> Database:
    """A ward whose GUI test user (TST) is a dispatcher (the dispatch screen's tests)."""
    from console.models import Role
    from tests.factories import add_staff, add_ward_staff

    add_ward_staff(sqlite_db)
    add_staff(sqlite_db, "TST", Role.DISPATCHER, name="Tom Test")
    return sqlite_db


@pytest.fixture
def cars(disp_db: Database) -> dict[tuple[str, str], int]:
    """Day and evening shifts for every base on the dispatch tests' day, all cars in service."""
    from tests.test_dispatch import make_shifts

    return make_shifts(disp_db)
