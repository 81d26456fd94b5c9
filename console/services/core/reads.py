"""Which tables a service call read: the change feed reloads a screen when one of them changes.

A screen never keeps a hand-written list of the tables it shows (issue 13): the worker runs its
load inside ``tracking()``, and every statement the load executes (ORM queries, relationship
loads, Core selects) adds the tables it names. A statement that cannot be read (raw SQL text)
makes the answer "unknown", and the screen then reloads on any change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.sql import ClauseElement, TableClause, visitors

_current: ContextVar[Reads | None] = ContextVar("eward_reads", default=None)


@dataclass
class Reads:
    tables: set[str] = field(default_factory=set)
    unknown: bool = False

    def result(self) -> frozenset[str] | None:
        """The tables read, or None when some statement could not be read."""
        return None if self.unknown else frozenset(self.tables)


def tables_of(statement: ClauseElement) -> set[str]:
    return {element.name for element in visitors.iterate(statement)
            if isinstance(element, TableClause) and getattr(element, "name", None)}


def _on_execute(_conn: Any, clauseelement: Any, *_args: Any) -> None:
    reads = _current.get()
    if reads is None:
        return
    if isinstance(clauseelement, ClauseElement):
        found = tables_of(clauseelement)
        if found:
            reads.tables |= found
            return
    reads.unknown = True


def install(engine: Engine) -> None:
    if not event.contains(engine, "before_execute", _on_execute):
        event.listen(engine, "before_execute", _on_execute)


@contextmanager
def tracking() -> Iterator[Reads]:
    reads = Reads()
    token = _current.set(reads)
    try:
        yield reads
    finally:
        _current.reset(token)
