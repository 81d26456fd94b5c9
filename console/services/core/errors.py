"""Errors that speak to people: which rule, which field, what to do (design rule 10).

The CLI maps them to exit codes (2 rule/input, 3 conflict) and the views show them as they are.
"""

from __future__ import annotations

from datetime import datetime

from console.db import DatabaseError, DatabaseUnavailable
from console.redact import redacted
from console.timeutil import format_local

__all__ = [
    "Conflict",
    "DatabaseError",
    "DatabaseUnavailable",
    "Forbidden",
    "InvalidInput",
    "NotFound",
    "RuleViolation",
    "ServiceError",
    "SimultaneousWrite",
    "Unexpected",
    "database_refusal",
    "required_text",
]


class ServiceError(Exception):
    code = "ERROR"
    exit_code = 1

    def __init__(self, message: str, field: str | None = None) -> None:
        # a message quoting what was typed never carries a CPR number into an error output,
        # a log or a traceback, whichever field it was typed into (issues 15 and 21)
        message = redacted(message)
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class RuleViolation(ServiceError):
    """An IV-agreement rule (domain.md R-…) or a validation rule was broken; nothing was saved."""

    exit_code = 2

    def __init__(self, rule_id: str, field: str | None, message: str) -> None:
        super().__init__(message, field)
        self.rule_id = rule_id
        self.code = rule_id

    def __str__(self) -> str:
        where = f" ({self.field})" if self.field else ""
        return f"{self.rule_id}{where}: {self.message}"


class InvalidInput(RuleViolation):
    """Bad input that no agreement rule names (malformed date, unknown code…)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__("INPUT", field, message)


def required_text(value: str, field: str, message: str) -> str:
    """The typed text without its surrounding blanks; blank text is refused with ``message``."""
    text = value.strip()
    if not text:
        raise InvalidInput(field, message)
    return text


class NotFound(ServiceError):
    code = "NOT_FOUND"
    exit_code = 2

    def __init__(self, what: str, key: object) -> None:
        # the field is the id the caller gave (a refusal always names its field: issue 15)
        super().__init__(f"No {what} with id {key}.", "id")
        self.what = what
        self.key = key


class Conflict(ServiceError):
    """Somebody else changed the row since it was loaded; the person must reload or re-apply."""

    code = "CONFLICT"
    exit_code = 3

    def __init__(self, what: str, who: str | None, when: datetime | None,
                 changes: tuple[tuple[str, object, object], ...] = ()) -> None:
        by = who or "another desk"
        self.changes = changes  # (column, their old value, their new value), newest last
        at = f" at {format_local(when, '%H:%M')}" if when else ""
        super().__init__(
            f"This {what} was changed by {by}{at} after you opened it. "
            "Reload to see their change, then apply yours again.",
            None,
        )
        self.what = what
        self.who = who
        self.when = when


class SimultaneousWrite(Conflict):
    """Another desk wrote the same thing at the same moment (a unique key taken meanwhile, a
    serialisation failure): nothing of this action was saved, and ``message`` says what to look
    at. Exit 3 like every conflict; the message names no patient (issue 15)."""

    def __init__(self, what: str, message: str, field: str | None = None) -> None:
        ServiceError.__init__(self, message, field)
        self.what, self.who, self.when = what, None, None
        self.changes = ()


class Forbidden(ServiceError):
    code = "FORBIDDEN"
    exit_code = 2


class Unexpected(ServiceError):
    """Something broke that no rule explains (a bug): one sentence for the person, the details
    in the log under ``reference`` (the log entry names no patient)."""

    code = "UNEXPECTED"
    exit_code = 1

    def __init__(self, kind: str, reference: str) -> None:
        super().__init__(f"Something unexpected went wrong ({kind}); the log has the details "
                         f"under reference {reference}.", None)
        self.kind = kind
        self.reference = reference


def database_refusal(exc: BaseException) -> str | None:
    """The sentence for a write PostgreSQL refused by its grants (SQLSTATE 42501), else None.

    The database is the last line of the role checks (issue 8): should a write get past the
    service's check, the person still gets one clear sentence, not a traceback.
    """
    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else "permission denied"
    return (f"The database refused this ({detail}): your database login does not hold the role "
            "for it. Ask an admin to check your roles.")
