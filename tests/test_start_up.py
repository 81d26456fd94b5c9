"""Issue 17, a fast start: what a desk's start loads and when the garbage collector runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    return done.stdout.strip()


def test_no_young_collections_during_start_up_until_it_is_done() -> None:
    out = _python(
        "import gc; before = gc.get_threshold()[0]; import console; "
        "during = gc.get_threshold()[0]; console.start_up_done(); "
        "print(before, during, gc.get_threshold()[0])")
    before, during, after = map(int, out.split())
    assert during == 1_000_000 > before
    assert after == before


def test_start_up_done_freezes_what_start_up_made_before_collecting_again() -> None:
    """The first young collection after start-up walks only what came after it: what start-up
    allocated (modules, mappers, the first screen) is frozen, not walked (issue 17: 85-190 ms
    of frozen window just after the census painted)."""
    out = _python(
        "import gc, console, collections; kept = [collections.OrderedDict() for _ in range(5000)]; "
        "before = gc.get_freeze_count(); console.start_up_done(); "
        "print(before, gc.get_freeze_count(), gc.get_count()[0], gc.isenabled())")
    before, frozen, young, enabled = out.split()
    assert int(before) == 0
    assert int(frozen) >= 5000  # the start-up's objects, out of the collector's sight
    assert int(young) < 700  # nothing left for the next young collection to walk
    assert enabled == "True"


def test_a_command_collects_as_usual(monkeypatch: pytest.MonkeyPatch) -> None:
    import console.cli

    done: list[bool] = []
    monkeypatch.setattr(console.cli, "start_up_done", lambda: done.append(True))
    assert console.cli.main(["--database", "nosuch://x", "staff"]) != 0  # the handler ran
    assert done == [True]


def test_a_desk_start_does_not_load_the_commands() -> None:
    """``eward --database … --user …`` opens the window without the command modules (their
    services and document schemas); a command still gets the full parser."""
    out = _python(
        "import sys, console.app\n"
        "console.app.run_gui = lambda url, user: print(url, user, sorted(m for m in sys.modules"
        " if m.endswith('_commands') or m.startswith('pydantic'))) or 0\n"
        "import console.cli\n"
        "assert console.cli.main(['--database', 'sqlite:///w.sqlite', '--user', 'ABE']) == 0\n")
    assert out == "sqlite:///w.sqlite ABE []"


def test_a_desk_paints_its_census_before_the_mappers_are_configured(tmp_path: Path) -> None:
    """What a desk reads before its census is painted (opening the ward with its reference
    data, the user's roles, the census with its stock and overdue visits) is Core, so the ORM's
    mappers are configured only later, on the worker (issue 17: about 60 ms of the cold start).
    The first ORM statement still configures them as before."""
    url = f"sqlite:///{tmp_path / 'ward.sqlite'}"
    subprocess.run([sys.executable, "-m", "console", "--database", url, "seed", "--demo"],
                   capture_output=True, check=True, cwd=ROOT)
    out = _python(
        "from sqlalchemy import inspect, select\n"
        "from console.models import Admission, Visit\n"
        "from console.services.core.access import role_names_of\n"
        "from console.services.core.ward import open_ward\n"
        "from console.services.course.census import load_census\n"
        f"db = open_ward({url!r})\n"
        "with db.session() as session:\n"
        "    roles = role_names_of(session, 'ABE')\n"
        "    census = load_census(session)\n"
        "    before = inspect(Admission).configured\n"
        "    session.scalars(select(Visit).limit(1)).first()\n"
        "print(len(census.rows) > 0, bool(roles), before, inspect(Admission).configured)\n")
    assert out == "True True False True"
