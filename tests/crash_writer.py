"""A writer process for tests/test_sqlite_crash_safety.py: commit, say so, repeat until killed.

    python -m tests.crash_writer SQLITE_URL ADMISSION_ID PREFIX

Opens the database as a desk does (``console.db.open_ward``: WAL, ``synchronous=FULL``,
``BEGIN IMMEDIATE`` for writers) and then, in a loop, commits one unit of work holding
``rows_in_unit(n)`` CRP results tagged ``PREFIX-n`` (each with its audit event and change-feed
row, from the flush hook). Only after ``unit_of_work`` has committed does it print
``ack PREFIX-n`` and flush stdout: a printed line is an acknowledged commit. It prints ``ready``
first, and never stops by itself (the test kills it with SIGKILL).
"""

from __future__ import annotations

import sys

from console.models import LabResult
from console.services.core.uow import unit_of_work
from console.services.core.ward import open_ward
from console.timeutil import now_utc

ANALYSIS_PREFIX = "crash:"


def rows_in_unit(n: int) -> int:
    """1-4 rows per unit, so a torn unit (some rows, not all) would show."""
    return 1 + n % 4


def main(argv: list[str]) -> int:
    url, admission_id, prefix = argv[0], int(argv[1]), argv[2]
    db = open_ward(url, migrate=False)
    print("ready", flush=True)
    n = 0
    while True:
        tag = f"{prefix}-{n}"
        with unit_of_work(db, "crash") as session:
            session.add_all(
                LabResult(admission_id=admission_id, analysis=f"{ANALYSIS_PREFIX}{tag}",
                          value=float(i), taken_at=now_utc(), recorded_by="crash")
                for i in range(rows_in_unit(n)))
        print(f"ack {tag}", flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
