"""``eward order TASK ADMISSION`` and ``eward order --list``: the MBE task catalogue
(R-MBE-TASKS) and ordering a task for a course."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from datetime import time, timedelta
from typing import Any

from console.commands.context import UsageError
from console.commands.parsing import parse_clock, parse_day
from console.services.core.uow import unit_of_work
from console.timeutil import format_local, local_datetime, now_utc, today_local


def register(add: Callable[..., Any]) -> None:
    p = add("order", _order, help="order an MBE task for a course (R-MBE-TASKS); --list: "
                                  "the tasks")
    p.add_argument("task", nargs="?", help="the task's code (see --list)")
    p.add_argument("admission_id", nargs="?", type=int)
    p.add_argument("--list", action="store_true", help="the task catalogue")
    p.add_argument("--date", help="the day of the window (default today)")
    p.add_argument("--from", dest="start", help="the window opens HH:MM (default: now)")
    p.add_argument("--to", dest="end", help="the window closes HH:MM (default: the task's "
                                            "window from the start)")
    p.add_argument("--note", help="what the crew should know")


def _order(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.course.mbe_tasks import TASKS
    from console.services.course.orders import order_task

    if args.list:
        ctx.emit([asdict(t) for t in TASKS], "\n".join(
            f"{t.code:17} {t.minutes:3} min  {t.kind.value:12} {t.title}"
            + (f"  [needs: {', '.join(t.needs)}]" if t.needs else "")
            + (f"  records: {', '.join(t.analyses) or t.records}") for t in TASKS))
        return 0
    if not args.task or args.admission_id is None:
        raise UsageError("Give the task and the admission: eward order TASK ADMISSION "
                         "(eward order --list shows the tasks).", "task")
    day = parse_day(args.date) or today_local()
    start_clock, end_clock = parse_clock(args.start, "--from"), parse_clock(args.end, "--to")
    start = (local_datetime(day, start_clock) if start_clock is not None
             else max(now_utc(), local_datetime(day, time(0))))
    end = local_datetime(day, end_clock) if end_clock is not None else None
    if end is not None and end <= start and start_clock is None:
        end += timedelta(days=1)  # "--to 02:00" ordered late in the evening: the night after
    with unit_of_work(ctx.database(), ctx.user) as session:
        row = order_task(session, args.admission_id, args.task, window_start=start,
                         window_end=end, note=args.note)
    ctx.emit(asdict(row), f"Visit {row.id}: {row.task} for {row.patient}, "
                          f"{format_local(row.window_start, '%d/%m %H:%M')}–"
                          f"{format_local(row.window_end, '%H:%M')}, {row.service_minutes} min; "
                          "in the dispatcher's tray.")
    return 0
