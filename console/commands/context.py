"""What every ``eward`` subcommand is handed: the context (database, user, output) and the
usage error; exit codes. Kept apart from ``console.cli`` so commands never import the entry point.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from console.db import Database, resolve_database_url
from console.services.core.ward import open_ward
from console.settings import ENV_USER, load_user_settings

EXIT_OK, EXIT_UNEXPECTED, EXIT_INPUT, EXIT_CONFLICT = 0, 1, 2, 3


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

    def emit(self, payload: Any, text: str | None = None) -> None:
        if self.json:
            print(json.dumps(payload, ensure_ascii=False, indent=2, default=_json_default))
        else:
            print(text if text is not None else json.dumps(payload, ensure_ascii=False, indent=2,
                                                           default=_json_default))


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
