"""The dispatch rules every path shares: the board, a hand assignment, the planner, the demo.

- **R-SHIFT**: an MBE visit must start inside its window and end inside its car's shift
  (``start_range``); travel to and from it is checked by the route schedule (``routing``).
- **Nearest base**: a visit belongs to the base the car reaches it from soonest (by the travel
  provider), which is how the tray filter and the planner's scope agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TypeVar

from console.services.core.travel import Place

K = TypeVar("K")


def start_range(window_start: datetime, window_end: datetime, service_minutes: int,
                shift_start: datetime, shift_end: datetime) -> tuple[datetime, datetime] | None:
    """R-SHIFT: the earliest and latest start of a visit in a shift, or None when none fits."""
    earliest = max(window_start, shift_start)
    latest = min(window_end, shift_end - timedelta(minutes=service_minutes))
    return (earliest, latest) if earliest <= latest else None


def fits_shift(window_start: datetime, window_end: datetime, service_minutes: int,
               shift_start: datetime, shift_end: datetime) -> bool:
    """R-SHIFT: could the visit start in its window and end inside this shift?"""
    return start_range(window_start, window_end, service_minutes, shift_start,
                       shift_end) is not None


def nearest(places: Mapping[K, Place], to: Place,
            minutes: Callable[[Place, Place], float]) -> K:
    """The key of the place a car reaches ``to`` from soonest (ties: the first given)."""
    return min(places, key=lambda key: minutes(places[key], to))
