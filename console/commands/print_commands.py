"""``eward packing-list``: the courier's packing and run list from a script (issue 20), and the
PDF writing ``eward route-sheet --pdf`` shares.

Without ``--pdf`` it prints what the paper holds; with ``--pdf`` it writes the A4 PDF in the
console's language (``EWARD_LANGUAGE``), readable by its owner only, and the print is logged for
every patient on it (§ 42 a), as a print from the screens is. Errors follow ``console/cli.py``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.commands.parsing import parse_day
from console.services.core.uow import read_only, unit_of_work
from console.timeutil import format_local, today_local


def register(add: Callable[..., Any]) -> None:
    p = add("packing-list", _packing_list, help="the day's packing and run list for deliveries")
    p.add_argument("--date", help="ward day YYYY-MM-DD (default today)")
    p.add_argument("--pdf", type=Path, help="write the printable packing and run list here")


def write_pdf(write: Callable[[Any, Path], Path], document: Any, path: Path) -> None:
    """Render ``document`` with ``write`` in the console's language; only its owner reads it."""
    from console.i18n.runtime import ensure_document_application
    from console.private_files import make_private

    ensure_document_application()
    write(document, path)
    make_private(path)


def _packing_list(args: argparse.Namespace, ctx: Any) -> int:
    from console.services.logistics.delivery_runs import plan_delivery_run, run_list_for_print

    day = parse_day(args.date) or today_local()
    db = ctx.database()
    if args.pdf is None:
        with read_only(db, ctx.user) as session:
            run = plan_delivery_run(session, day)
    else:
        from console.views.logistics.run_print import write_run_list_pdf

        with unit_of_work(db, ctx.user) as session:  # the print is logged per patient
            run = run_list_for_print(session, day)
        write_pdf(write_run_list_pdf, run, args.pdf)
    payload = asdict(run) | {"packing_totals": [asdict(line) for line in run.packing_totals()],
                             "pdf": str(args.pdf) if args.pdf else None}
    lines = [f"{day}: {len(run.stops)} deliveries from {run.start_base} at "
             f"{format_local(run.start_at)}, back about {format_local(run.back_at)}"]
    lines += [f"  load {line.quantity:>3} × {line.item}" for line in run.packing_totals()]
    lines += [f"{s.order:>3}. {format_local(s.eta)} {s.patient:28} {s.address}"
              + (f"  key: {s.key_notes}" if s.key_notes else "") for s in run.stops]
    if args.pdf is not None:
        lines.append(f"Wrote {args.pdf}")
    ctx.emit(payload, "\n".join(lines) if run.stops else f"No open deliveries on {day}.")
    return 0
