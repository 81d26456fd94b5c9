"""Cold start: from a new Python process to a painted census, against an empty PySide6 window.

Issue 17 asks for the console's start to be measured as a person meets it: the process starts,
the console imports, the window is built, the census loads on the worker, and its rows are
painted. The same run measures an empty PySide6 window (a QMainWindow shown and painted) so the
ratio holds on a noisy machine. Each sample is a fresh interpreter (no warm imports); the two
kinds alternate, so load on the machine hits both alike.

The child reports its phases (milliseconds since the parent started it): ``imported`` (the
console's modules), ``built`` (the main window constructed), ``painted`` (the census has its rows
and the window has painted them). The demo ward is seeded once into a temporary SQLite file.

    .venv/bin/python -m bench.cold_start [--repeat 9] [--date YYYY-MM-DD] [--entry eward]

Output: one JSON document (every sample, the medians, and ``median_ratio_console_over_empty``),
then a short table. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

CHILD_EMPTY = r"""
import sys, time, json
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
imported = time.time()
window = QMainWindow(); window.resize(1400, 900); window.show()
built = time.time()
app.processEvents(); window.repaint()
painted = time.time()
print(json.dumps({k: round((v - t0) * 1000, 1) for k, v in
                  (("imported", imported), ("built", built), ("painted", painted))}))
"""

# Both console children: the census's rows painted (``marks["painted"]``), then ``quit()``.
_WATCH_CENSUS = r"""
import sys, time, json
from PySide6.QtCore import QTimer
t0 = float(sys.argv[1])
url, user = sys.argv[2], sys.argv[3]
marks = {}
def watch_census(window, quit):
    census = window.screens["census"]
    def painted_rows():
        if "painted" not in marks and census.model.rowCount() > 0:
            window.repaint()
            marks["painted"] = time.time()
            quit()
    census.loaded.connect(lambda *_: QTimer.singleShot(0, painted_rows))
    QTimer.singleShot(0, painted_rows)
    QTimer.singleShot(30_000, quit)
def report(**extra):
    print(json.dumps({k: round((marks.get(k, float("nan")) - t0) * 1000, 1)
                      for k in ("imported", "built", "painted")} | extra))
"""

CHILD_CONSOLE = _WATCH_CENSUS + r"""
from PySide6.QtCore import QSettings
from console.app import create_main_window, ensure_application
from console.services.core.ward import open_ward
app = ensure_application()
marks["imported"] = time.time()
db = open_ward(url)
settings = QSettings(sys.argv[4], QSettings.Format.IniFormat)
window = create_main_window(db, user, settings)
window.resize(1400, 900); window.show()
marks["built"] = time.time()
watch_census(window, app.quit)
app.exec()
window.context.worker.shutdown()
report(rows=window.screens["census"].model.rowCount())
"""

# ``--entry eward``: the way ``make run`` starts a desk, through the ``eward`` command's main
# (argument parsing, language, sign-in, change watcher and all); ``imported`` is then the moment
# the command hands over to the GUI, before the QApplication is made.
CHILD_EWARD = _WATCH_CENSUS + r"""
from PySide6.QtWidgets import QApplication
import console.app as gui
build, run = gui.create_main_window, gui.run_gui
def create_main_window(*args, **kwargs):
    window = build(*args, **kwargs)
    marks["built"] = time.time()
    watch_census(window, QApplication.quit)
    return window
def run_gui(*args, **kwargs):
    marks["imported"] = time.time()
    return run(*args, **kwargs)
gui.create_main_window, gui.run_gui = create_main_window, run_gui
from console.cli import main
report(exit=main(["--database", url, "--user", user]))
"""


def _env(config_home: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if config_home:  # the eward child's window settings (QSettings), not the person's own
        env["XDG_CONFIG_HOME"] = config_home
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(code: str, *args: str, config_home: str | None = None) -> dict[str, Any]:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code, repr(t0), *args], capture_output=True,
                         text=True, env=_env(config_home), cwd=ROOT, timeout=120, check=True)
    wall = (time.time() - t0) * 1000
    sample: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    sample["process_exit"] = round(wall, 1)
    # the child's processor time, start to exit (steadier than the wall clock on a busy machine)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sample["cpu"] = round((after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
                          * 1000, 1)
    return sample


def _seed(path: Path, day: date) -> str:
    url = f"sqlite:///{path}"
    subprocess.run([sys.executable, "-m", "console", "--database", url, "seed", "--demo",
                    "--date", day.isoformat()], check=True, env=_env(), cwd=ROOT,
                   capture_output=True)
    return url


def _compile_console() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "console")], check=True,
                   env=_env(), cwd=ROOT, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--date", type=date.fromisoformat, default=date.today())
    parser.add_argument("--entry", choices=("direct", "eward"), default="direct",
                        help="direct: the window built as bench children always did; eward: "
                             "through the eward command, as `make run` starts a desk")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        config_home = str(Path(tmp) / "config")
        url = _seed(Path(tmp) / "ward.sqlite", args.date)
        ini = str(Path(tmp) / "settings.ini")
        empty: list[dict[str, Any]] = []
        console: list[dict[str, Any]] = []
        # The console's bytecode written once, as a desk's first start writes it: the children
        # inherit PYTHONDONTWRITEBYTECODE where it is set, and then compiled every module from
        # source in every sample (about 0.15 s of each start on this machine).
        _compile_console()
        child = (CHILD_CONSOLE, url, "ABE", ini) if args.entry == "direct" else (
            CHILD_EWARD, url, "ABE")
        # one warm-up: the OS's file cache (and, for eward, the window's saved size)
        _run(*child, config_home=config_home)
        for i in range(args.repeat):
            print(f"sample {i + 1}/{args.repeat}", file=sys.stderr)
            empty.append(_run(CHILD_EMPTY))
            console.append(_run(*child, config_home=config_home))

    def med(samples: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(s[key] for s in samples), 1)

    phases = ("imported", "built", "painted")
    report = {
        "machine": {"nproc": os.cpu_count(), "python": sys.version.split()[0]},
        "repeat": args.repeat,
        "entry": args.entry,
        "empty_window_ms": {k: med(empty, k) for k in phases},
        "console_ms": {k: med(console, k) for k in phases},
        "median_ratio_console_over_empty": round(med(console, "painted") / med(empty, "painted"),
                                                 2),
        "median_cpu_ms": {"empty": med(empty, "cpu"), "console": med(console, "cpu")},
        "samples": {"empty": empty, "console": console},
    }
    print(json.dumps(report, indent=1))
    print(f"{'phase':<10}{'empty window':>14}{'console':>10}")
    for k in phases:
        print(f"{k:<10}{report['empty_window_ms'][k]:>14}{report['console_ms'][k]:>10}")
    print(f"ratio painted console/empty: {report['median_ratio_console_over_empty']}")
    print(f"processor time to exit: {report['median_cpu_ms']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
