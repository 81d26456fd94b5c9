"""What a table model must do to go from the rows it shows to a new load: computed anywhere,
applied on the GUI thread.

``plan_rows(base, loaded)`` is plain Python over frozen rows (no Qt object is touched), so a
screen can have it computed on the worker's pool thread right after its load (issue 17: on a
visit board of 8,000 visits, reading every row's key and sort value and comparing every row
with the one it replaces froze the window about 40 ms on each reload).
``FrozenRowsModel.apply_plan`` then only emits the signals the plan names; a plan made against
rows the model no longer shows (a change or a sort in between) is computed again there.

``RowsBase`` is what the plan starts from: the rows and keys shown, how a row is keyed, the
order and its sort value, and the sort values already known (a row not replaced keeps its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt

from console.views.common.row_order import ordered

Row = TypeVar("Row")
Order = tuple[int, Qt.SortOrder, int]  # column, order, role
Ranges = tuple[tuple[int, int], ...]


def ranges(rows: Iterable[int]) -> Ranges:
    """Sorted row numbers as contiguous (first, last) ranges."""
    out: list[tuple[int, int]] = []
    for row in sorted(rows):
        if out and row == out[-1][1] + 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return tuple(out)


@dataclass(frozen=True, eq=False)
class RowsBase(Generic[Row]):
    """The model as it stands: the start of a plan (taken on the GUI thread)."""

    rows: tuple[Row, ...]
    keys: tuple[object, ...]
    key: Callable[[Row], object]
    order: Order | None = None
    value: Callable[[Row], Any] | None = None  # the sort value of ``order`` (None: no order)
    known: dict[object, tuple[Row, Any]] = field(default_factory=dict)  # key → (row, value)


@dataclass(frozen=True, eq=False)
class RowsPlan(Generic[Row]):
    """The signals that take ``base`` to ``rows``, in the order they are applied."""

    base: RowsBase[Row]
    loaded: tuple[Row, ...]  # as the service gave them
    rows: tuple[Row, ...]  # as shown: in the model's order
    keys: tuple[object, ...]
    index: dict[object, int]  # key → its row in ``rows``
    known: dict[object, tuple[Row, Any]]  # the sort values of ``rows``, for the next plan
    reset: bool = False  # keys repeat, or nothing of the old rows is kept: one model reset
    removed: Ranges = ()  # of ``base.rows``, removed last range first
    rearrange: tuple[int, ...] | None = None  # the kept rows' new order (old positions)
    inserted: Ranges = ()  # of ``rows``, inserted first range first
    changed: Ranges = ()  # of ``rows``: same key, another value


def in_order(base: RowsBase[Row], rows: tuple[Row, ...], keys: list[object]
             ) -> tuple[tuple[Row, ...], list[object], dict[object, tuple[Row, Any]]]:
    """``rows`` and their ``keys`` in the base's order (as given without one), and each row's
    sort value by key (a row that was not replaced keeps the value it had)."""
    if base.order is None or base.value is None or not rows:
        return rows, keys, {}
    known, fresh, value_of = base.known, {}, base.value

    def value(n: int) -> Any:
        row, key = rows[n], keys[n]
        hit = known.get(key)
        if hit is None or hit[0] is not row:
            hit = (row, value_of(row))
        fresh[key] = hit
        return hit[1]

    positions = ordered(range(len(rows)), value, base.order[1])
    return tuple(rows[n] for n in positions), [keys[n] for n in positions], fresh


def plan_rows(base: RowsBase[Row], loaded: Sequence[Row]) -> RowsPlan[Row]:
    """How to show ``loaded`` from ``base``: gone rows removed, the kept ones reordered in one
    move, new ones inserted in runs, and ``dataChanged`` only for rows whose value changed."""
    loaded = tuple(loaded)
    rows, keys, known = in_order(base, loaded, [base.key(r) for r in loaded])
    position = {k: n for n, k in enumerate(keys)}
    if len(position) != len(keys):  # keys not unique: no identity to keep
        return RowsPlan(base, loaded, rows, tuple(keys), position, known, reset=True)
    removed = ranges(n for n, k in enumerate(base.keys) if k not in position)
    kept = [position[k] for k in base.keys if k in position]
    rearrange = None if kept == sorted(kept) else tuple(sorted(range(len(kept)),
                                                               key=kept.__getitem__))
    if not kept and rows:  # the first fill: one reset, not a thousand inserts
        return RowsPlan(base, loaded, rows, tuple(keys), position, known, reset=True,
                        removed=removed)
    old = dict(zip(base.keys, base.rows, strict=True))
    inserted = ranges(n for n, k in enumerate(keys) if k not in old)
    changed = ranges(n for n, (k, row) in enumerate(zip(keys, rows, strict=True))
                     if (was := old.get(k)) is not None and was is not row and was != row)
    return RowsPlan(base, loaded, rows, tuple(keys), position, known, removed=removed,
                    rearrange=rearrange, inserted=inserted, changed=changed)
