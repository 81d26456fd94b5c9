"""The Dispatch screen's route sheet (logged per patient, then written) and map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.db import Database
from console.models import AccessEvent, Visit
from console.services.core.uow import read_only
from console.views.common.screen import ScreenContext
from tests.gui.test_dispatch_screen import open_screen
from tests.test_dispatch import add_visit, assign

MakeContext = Callable[[Database], ScreenContext]


def test_route_sheet_is_logged_for_each_patient_then_written(
        qtbot: QtBot, disp_db: Database, cars: dict[tuple[str, str], int],
        context_for: MakeContext, tmp_path: Path) -> None:
    car = cars[("NAE-1", "day")]
    first, second = add_visit(disp_db, "09:00", "11:00"), add_visit(disp_db, "11:00", "13:00")
    assign(disp_db, first, car)
    assign(disp_db, second, car)
    screen = open_screen(qtbot, context_for(disp_db))
    extras = screen.extras
    screen.board.select(car)
    assert extras.sheet_button.isEnabled()
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(extras.sheet_written, timeout=10_000) as written:
        extras.print_route_sheet(out)
    assert written.args == [str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    with read_only(disp_db) as s:
        admissions = set(s.scalars(select(Visit.admission_id).where(Visit.id.in_((first, second)))))
        logged = s.execute(select(AccessEvent.admission_id, AccessEvent.purpose)).all()
    assert {(a, "print") for a in admissions} == set(logged)
    qtbot.waitUntil(screen.context.worker.is_idle)


def test_the_map_draws_the_days_routes(qtbot: QtBot, disp_db: Database,
                                       cars: dict[tuple[str, str], int],
                                       context_for: MakeContext) -> None:
    car = cars[("NAE-1", "day")]
    assign(disp_db, add_visit(disp_db, "09:00", "11:00"), car)
    add_visit(disp_db, "12:00", "14:00")  # stays in the tray
    screen = open_screen(qtbot, context_for(disp_db))
    extras = screen.extras
    dialog = extras.open_map()
    qtbot.addWidget(dialog)
    assert extras.map is not None
    qtbot.waitUntil(lambda: extras.map is not None and extras.map.route_count == 1,
                    timeout=10_000)
    assert extras.map.stop_count >= 1
    dialog.close()
    qtbot.waitUntil(screen.context.worker.is_idle)
