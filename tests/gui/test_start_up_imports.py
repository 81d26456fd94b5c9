"""Issue 17, a fast start: what is loaded by the time the census's rows are painted.

A fresh interpreter starts the console as a desk does (``bench/cold_start.py``'s child) and
lists the modules it holds once the census has painted its rows. What only other screens,
dialogs, exports or later reads need must not be among them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from console.db import Database

ROOT = Path(__file__).resolve().parents[2]

PAINT_AND_LIST = r"""
import json, sys
from PySide6.QtCore import QSettings, QTimer
from console.app import create_main_window, ensure_application
from console.services.core.ward import open_ward
app = ensure_application()
window = create_main_window(open_ward(sys.argv[1]), "TST",
                            QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
census = window.screens["census"]
found = []
def painted():
    if census.model.rowCount() and not found:
        window.repaint()
        found.append(sorted(sys.modules))
        app.quit()
census.loaded.connect(lambda: QTimer.singleShot(0, painted))
QTimer.singleShot(30_000, app.quit)
app.exec()
window.context.worker.shutdown()
print(json.dumps(found[0] if found else None))
"""

# Exports, charts, the route planner, documents, keyrings, migrations, PostgreSQL's dialect (the
# test ward is SQLite), the other screens' services: each loads when first used, never for the
# first painted census.
NOT_AT_START = (
    "openpyxl", "matplotlib", "numpy", "pyvrp", "fhir", "PIL", "keyring", "alembic",
    "pydantic", "psycopg", "sqlalchemy.dialects.postgresql", "console.reports", "console.medcom",
    "console.services.escalations.escalations", "console.services.dispatch",
    "console.services.monitoring", "console.services.rounds", "console.services.messaging",
    "console.services.logistics.deliveries", "console.views.dashboard",
    "console.views.dispatch", "console.views.visit_board", "console.views.patient",
)


def test_the_census_paints_without_the_heavy_modules(ward_db: Database, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run(
        [sys.executable, "-c", PAINT_AND_LIST, ward_db.url.render_as_string(hide_password=False),
         str(tmp_path / "ui.ini")], capture_output=True, text=True, env=env, cwd=ROOT,
        timeout=120, check=True)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert modules is not None, "the census never painted rows"
    assert "console.views.census.screen" in modules  # the list is the painted console's
    loaded = sorted(m for m in modules if m.startswith(NOT_AT_START))
    assert loaded == []
