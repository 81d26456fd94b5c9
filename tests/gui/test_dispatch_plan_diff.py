"""The plan dialog's re-plan diff and break column (issue 18, R-BREAK): the dispatcher reads
which visits change car before accepting, and when each crew's break is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from console.db import Database
from console.models import Setting
from console.services.core.uow import read_only, unit_of_work
from console.services.dispatch.planner import propose_plan
from console.timeutil import format_local
from console.views.dispatch.plan_tables import PlanMovesModel, PlanRoutesModel, RouteColumn
from tests.test_dispatch import DAY, add_visit, assign


def test_the_moves_and_breaks_are_shown(qtmodeltester: ModelTester, disp_db: Database,
                                        cars: dict[tuple[str, str], int]) -> None:
    with unit_of_work(disp_db, "system") as s:
        s.merge(Setting(key="break_minutes", value="30"))
    far = add_visit(disp_db, "09:00", "13:00", name="Ada Far")
    assign(disp_db, far, cars[("HOL-1", "day")])  # a Næstved visit on a Holbæk car: it moves
    tray = add_visit(disp_db, "10:00", "12:00", dlat=0.01, name="Bo Tray")
    with read_only(disp_db) as s:
        proposal = propose_plan(s, DAY, time_limit=30.0, iterations=300)
    assert proposal.diff is not None
    moves = PlanMovesModel()
    moves.set_moves(proposal.diff.moves)
    qtmodeltester.check(moves, force_py=True)
    rows = {moves.index(r, 0).data(): [moves.index(r, c).data() for c in range(5)]
            for r in range(moves.rowCount())}
    assert rows["Ada Far"][1] == "HOL-1"
    assert rows["Ada Far"][2] != "HOL-1"
    assert rows["Ada Far"][2].startswith("NAE")
    assert rows["Bo Tray"][1] == "tray"
    assert moves.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    routes = PlanRoutesModel()
    routes.set_routes(proposal.routes)
    qtmodeltester.check(routes, force_py=True)
    used = next(n for n, r in enumerate(proposal.routes) if r.stops)
    rest_at = proposal.routes[used].rest_at
    assert rest_at is not None
    assert routes.index(used, RouteColumn.BREAK).data().startswith(format_local(rest_at))
    assert tray in {s.visit_id for r in proposal.routes for s in r.stops}
