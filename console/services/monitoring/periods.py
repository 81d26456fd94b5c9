"""Periods of local ward days and the small statistics every dashboard figure uses."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from console.services.core.errors import InvalidInput
from console.timeutil import ward_day_bounds

MAX_PERIOD_DAYS = 3 * 366
LabelledCounts = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Period:
    """Local ward days from ``start`` to ``end``, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput("period", "The period ends before it starts.")
        if (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise InvalidInput("period", "Choose a period of at most three years.")

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1))

    @property
    def weeks(self) -> tuple[date, ...]:
        """The Mondays of the weeks the period touches."""
        first = week_of(self.start)
        return tuple(first + timedelta(weeks=n)
                     for n in range((week_of(self.end) - first).days // 7 + 1))

    @property
    def months(self) -> tuple[date, ...]:
        out, at = [], self.start.replace(day=1)
        while at <= self.end:
            out.append(at)
            at = date(at.year + at.month // 12, at.month % 12 + 1, 1)
        return tuple(out)

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC [start, end) of the period."""
        return ward_day_bounds(self.start)[0], ward_day_bounds(self.end)[1]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class GroupedSeries:
    """Counts per key (a day or a week's Monday) for each group, groups in display order."""

    keys: tuple[date, ...]
    groups: tuple[tuple[str, tuple[int, ...]], ...]

    def series(self, group: str) -> tuple[int, ...]:
        for name, counts in self.groups:
            if name == group:
                return counts
        return tuple(0 for _ in self.keys)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.groups)

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(c[i] for _, c in self.groups) for i in range(len(self.keys)))

    @property
    def total(self) -> int:
        return sum(sum(c) for _, c in self.groups)

    def group_totals(self) -> LabelledCounts:
        return tuple((name, sum(counts)) for name, counts in self.groups)


def grouped(keys: Sequence[date], items: Iterable[tuple[date, str]],
            fixed: Sequence[str] = ()) -> GroupedSeries:
    """Count (key, group) items; ``fixed`` groups always show, in that order, then the rest by
    size. Items whose key is not among ``keys`` are ignored."""
    index = {k: i for i, k in enumerate(keys)}
    counts: dict[str, list[int]] = {g: [0] * len(keys) for g in fixed}
    for key, group in items:
        if key in index:
            counts.setdefault(group, [0] * len(keys))[index[key]] += 1
    rest = sorted((g for g in counts if g not in fixed), key=lambda g: (-sum(counts[g]), g))
    return GroupedSeries(tuple(keys), tuple((g, tuple(counts[g])) for g in (*fixed, *rest)))


def counted(order: Sequence[str], values: Iterable[str]) -> LabelledCounts:
    """Counts in a fixed order, then any other values by size."""
    tally = Counter(values)
    rest = sorted((v for v in tally if v not in order), key=lambda v: (-tally[v], v))
    return tuple((v, tally.get(v, 0)) for v in (*order, *rest))


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def mean(values: Sequence[float]) -> float | None:
    return float(statistics.fmean(values)) if values else None


def share(part: float, whole: float) -> float | None:
    """``part`` of ``whole`` (0-1); None when there is no whole to take a share of."""
    return part / whole if whole else None


# --- census and courses ----------------------------------------------------------------------
