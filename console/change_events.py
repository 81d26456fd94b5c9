"""What changed on the shared database: the value the change watcher hands every screen.

Plain values (no Qt, no database): ``console.sync`` makes them from the change log, the views'
change bridge carries them to the GUI thread, and a screen decides from them what to reload.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangedRow:
    table: str
    row_id: str
    admission_id: int | None


@dataclass(frozen=True)
class ChangeEvent:
    """What changed since the last event: the tables, and (when ``complete``) every row.

    A screen reloads when a table it read is among ``tables``; a screen that can reload single
    rows uses ``rows`` (each with the admission it belongs to). ``complete`` is False when the
    rows are not all known (after a reconnect, a restored database or more rows than
    ``MAX_ROWS_PER_EVENT``): then only a full reload is right.
    """

    tables: frozenset[str]
    rows: tuple[ChangedRow, ...] = ()
    complete: bool = False
    everything: bool = False  # anything may have changed (the database is back after an outage)

    def touches(self, tables: frozenset[str] | None) -> bool:
        """Whether a screen that read ``tables`` (None: unknown) must hear of this."""
        return self.everything or tables is None or bool(self.tables & tables)

    def admissions(self, tables: frozenset[str] | None = None) -> frozenset[int] | None:
        """The admissions whose rows changed in ``tables`` (default: all); None when a changed
        row belongs to no admission or the rows are not all known (reload everything)."""
        if not self.complete:
            return None
        found: set[int] = set()
        for row in self.rows:
            if tables is not None and row.table not in tables:
                continue
            if row.admission_id is None:
                return None
            found.add(row.admission_id)
        return frozenset(found)

    @staticmethod
    def of_tables(tables: frozenset[str]) -> ChangeEvent:
        return ChangeEvent(frozenset(tables))

    @staticmethod
    def of_everything() -> ChangeEvent:
        return ChangeEvent(frozenset(), everything=True)
