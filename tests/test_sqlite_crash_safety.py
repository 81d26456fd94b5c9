"""SQLite crash safety: kill -9 a writer in the middle of its writes, many times.

A writer process (``tests/crash_writer.py``) opens the database as a desk does and commits small
units of work in a loop, printing ``ack <tag>`` after each commit. The test kills it with SIGKILL
at a random moment (sometimes before its first commit ends, usually in the middle of a stream
of commits), then checks, every time:

- ``PRAGMA integrity_check`` says ``ok`` (the file and its write-ahead log are consistent);
- every acknowledged unit is there, whole (all of its rows);
- no unit is torn: a unit that was in flight at the kill is either whole or absent;
- the CRP rows, their change-feed rows and their audit events agree in number (they commit
  together or not at all).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from console.services.core.ward import open_ward
from console.timeutil import today_local
from tests.crash_writer import ANALYSIS_PREFIX, rows_in_unit
from tests.gui.ward_data import seed_small_ward

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
KILLS = 24
MIN_KILLS = 20
TIME_BUDGET_S = 45.0  # stop killing early rather than run long on a slow machine
START_TIMEOUT_S = 20.0
SEED = 20_261_208


class WriterRun:
    """One writer process and the lines it printed (read on a thread until EOF)."""

    def __init__(self, url: str, admission_id: int, prefix: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_writer", url, str(admission_id), prefix],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.acks: list[str] = []
        self.ready = threading.Event()
        self.first_ack = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "ready":
                self.ready.set()
            elif word == "ack":
                self.acks.append(rest)
                self.first_ack.set()

    def kill(self) -> int:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        code = self.proc.wait(10)
        self._reader.join(10)  # every ack the writer flushed before it died is read
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()
        self.proc.stderr.close()
        return code


def unit_number(tag: str) -> int:
    return int(tag.rsplit("-", 1)[1])


def check_database(path: Path, acked: set[str]) -> None:
    """Integrity, acknowledged units whole, no torn unit, every row with its feed row."""
    conn = sqlite3.connect(path, timeout=10)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        rows = Counter(dict(conn.execute(
            "SELECT substr(analysis, ?), count(*) FROM lab_result WHERE analysis LIKE ? "
            "GROUP BY analysis", (len(ANALYSIS_PREFIX) + 1, f"{ANALYSIS_PREFIX}%")).fetchall()))
        missing = sorted(t for t in acked if t not in rows)
        assert not missing, f"acknowledged commits lost: {missing[:10]}"
        torn = {t: n for t, n in rows.items() if n != rows_in_unit(unit_number(t))}
        assert not torn, f"units half-saved: {torn}"
        # Only the writer adds CRP rows: each came with one change-feed row and one audit event.
        (results,) = conn.execute("SELECT count(*) FROM lab_result").fetchone()
        (fed,) = conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'lab_result'"
                              " AND action = 'insert'").fetchone()
        (audited,) = conn.execute("SELECT count(*) FROM audit_event WHERE table_name ="
                                  " 'lab_result' AND action = 'insert'").fetchone()
        assert results == fed == audited, "data, change feed and audit did not commit together"
    finally:
        conn.close()


def test_kill_9_mid_write_never_corrupts_or_loses_an_acknowledged_commit(
        tmp_path: Path) -> None:
    path = tmp_path / "eward.sqlite"
    url = f"sqlite:///{path}"
    db = open_ward(url)
    try:
        admission_id = seed_small_ward(db, today_local())["Anna Jensen"]
    finally:
        db.dispose()
    rnd = random.Random(SEED)
    acked: set[str] = set()
    started = time.monotonic()
    kills = 0
    for round_no in range(KILLS):
        if time.monotonic() - started > TIME_BUDGET_S:
            break
        run = WriterRun(url, admission_id, f"r{round_no}")
        try:
            assert run.ready.wait(START_TIMEOUT_S), "the writer did not start"
            if round_no % 4 == 0:
                time.sleep(rnd.uniform(0, 0.005))  # within the first unit of work
            else:
                assert run.first_ack.wait(START_TIMEOUT_S), "the writer committed nothing"
                time.sleep(rnd.uniform(0.01, 0.25))
        finally:
            code = run.kill()
        assert code == -signal.SIGKILL, f"the writer died by itself ({code}): {run.stderr}"
        kills += 1
        acked.update(run.acks)
        check_database(path, acked)
    assert kills >= MIN_KILLS, f"only {kills} kills in {TIME_BUDGET_S} s"
    assert len(acked) > 10 * kills  # the kills really landed among many commits
