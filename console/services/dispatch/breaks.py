"""The crew's meal break (R-BREAK, issue 18): its length and window come from settings, per
car-shift; the planner places it, and every route's times (hand edits, the board, the route
sheet) keep room for it. Nothing is stored: the break of a car's route is where the route
arithmetic (``routing.route_times_rested``) puts it, the same for whoever computes it.

The break is held at the car's base (the crew eats at the hospital the car is stationed at): a
stop of ``break_minutes`` that starts ``break_window_from_minutes`` or later after the shift
starts and ends by ``break_window_to_minutes`` after it. A car without visits takes no break on
the board (it is not on the road). Re-planning during the day: a break whose window has closed is
taken to be held (nothing is planned for it), one that is open starts no earlier than now.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from console.services.core.settings_store import get_int
from console.services.dispatch.routing import BREAK_ID, TimedStop, minutes_after

Window = tuple[datetime, datetime, int]  # earliest start, latest start, minutes


def break_window(session: Session, starts_at: datetime, ends_at: datetime) -> Window | None:
    """(earliest start, latest start, minutes) of a shift's break, or None: no break
    (``break_minutes`` 0) or a window the shift cannot hold."""
    length = get_int(session, "break_minutes")
    opens = starts_at + timedelta(minutes=get_int(session, "break_window_from_minutes"))
    closes = min(starts_at + timedelta(minutes=get_int(session, "break_window_to_minutes")),
                 ends_at) - timedelta(minutes=length)
    if length <= 0 or closes < opens:
        return None
    return opens, closes, length


def rest_stop(window: Window | None, ref: datetime, node: int,
              now: datetime | None = None) -> TimedStop | None:
    """The break as a stop at ``node`` (the base) in minutes after ``ref``; None when there is
    none or, re-planning at ``now``, its window has closed."""
    if window is None:
        return None
    opens, closes, length = window
    if now is not None:
        if closes < now:
            return None
        opens = max(opens, now)
    return TimedStop(BREAK_ID, node, minutes_after(ref, opens, up=True),
                     minutes_after(ref, closes, up=False), length)
