"""What every ``eward`` subcommand is handed: the context (database, user, output) and the
usage error; exit codes. Kept apart from ``console.cli`` so commands never import the entry point.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from console.db import Database, resolve_database_url
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.settings import ENV_USER, load_user_settings

EXIT_OK, EXIT_UNEXPECTED, EXIT_INPUT, EXIT_CONFLICT = 0, 1, 2, 3

P = ParamSpec("P")
T = TypeVar("T")
R = TypeVar("R")


class UsageError(Exception):
    """Bad command-line input (exit 2)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass
class CliContext:
    database_arg: str | None
    user_arg: str | None
    json: bool
    _db: Database | None = field(default=None, repr=False)

    @property
    def database_url(self) -> str:
        return resolve_database_url(self.database_arg)

    @property
    def user(self) -> str | None:
        return self.user_arg or os.environ.get(ENV_USER) or load_user_settings().user

    def database(self, *, migrate: bool = True) -> Database:
        if self._db is None:
            self._db = open_ward(self.database_url, migrate=migrate)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

    def read(self, fn: Callable[Concatenate[Session, P], T], *args: P.args,
             **kwargs: P.kwargs) -> T:
        """One service read in its own read-only unit of work, as the acting user."""
        with read_only(self.database(), self.user) as session:
            return fn(session, *args, **kwargs)

    def write(self, fn: Callable[Concatenate[Session, P], T], *args: P.args,
              **kwargs: P.kwargs) -> T:
        """One service write in its own unit of work (committed, or rolled back on error)."""
        with unit_of_work(self.database(), self.user) as session:
            return fn(session, *args, **kwargs)

    def emit(self, payload: Any, text: str | None = None) -> None:
        shown = text if text is not None and not self.json else json.dumps(
            payload, ensure_ascii=False, indent=2, default=_json_default)
        try:
            print(shown)
            sys.stdout.flush()
        except BrokenPipeError:
            # `eward visits | head`: the reader has all it wants. Point stdout at /dev/null so
            # the interpreter's own flush at exit does not complain, and exit quietly.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(EXIT_OK) from None

    def emit_rows(self, rows: Sequence[R], line: Callable[[R], str], empty: str = "") -> None:
        """Frozen rows: as JSON objects with ``--json``, else one ``line`` each (``empty`` when
        there are none)."""
        self.emit([asdict(r) for r in rows],  # type: ignore[call-overload]
                  "\n".join(line(r) for r in rows) or empty)


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
