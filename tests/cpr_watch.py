"""Issues 15 and 21: no CPR number in any log record or CLI error, across the whole suite.

Every log record emitted while a test runs (any logger, at whatever level the test lets
through) and every error the CLI reports (``console.cli._error``: the JSON ``error`` object or
the ``eward: …`` line) is searched for something shaped like a CPR number: six digits that
form a day and month, an optional hyphen, four digits, in any script's digits once normalised.
The JSON data a command was asked to print is not searched (that is its job); a CPR a user
typed into a wrong field and that the refusal echoes would be found.

At the end of the session the findings are listed with the test and the number masked, and the
run fails (exit status 1) if there are any.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest

_CPR = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d\d-?\d{4}(?!\d)")


def cpr_like(text: str) -> bool:
    return _CPR.search(unicodedata.normalize("NFKC", text)) is not None


class CprWatch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.test = "(outside a test)"
        self.findings: list[tuple[str, str, str]] = []  # (test, where, masked text)

    def found(self, where: str, text: str) -> None:
        if cpr_like(text):
            masked = _CPR.sub("DDMMYY-XXXX", unicodedata.normalize("NFKC", text))
            self.findings.append((self.test, where, masked[:200]))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            said = record.getMessage()
        except Exception:  # a record whose arguments do not format: look at its parts
            said = f"{record.msg} {record.args}"
        if record.exc_info and record.exc_info[1] is not None:
            said += f" {record.exc_info[1]!r}"
        self.found(f"log {record.name}", said)


WATCH = CprWatch()


def _watched_error(error: Callable[..., int]) -> Callable[..., int]:
    def watched(ctx: Any, code: str, field: str | None, message: str, exit_code: int) -> int:
        WATCH.found(f"CLI error {code}", f"{field or ''} {message}")
        return error(ctx, code, field, message, exit_code)
    return watched


def pytest_sessionstart(session: pytest.Session) -> None:
    import console.cli

    logging.getLogger().addHandler(WATCH)
    console.cli._error = _watched_error(console.cli._error)  # type: ignore[assignment]


def pytest_runtest_setup(item: pytest.Item) -> None:
    WATCH.test = item.nodeid


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    logging.getLogger().removeHandler(WATCH)
    if WATCH.findings and exitstatus == 0:
        session.exitstatus = 1


def report(terminalreporter: pytest.TerminalReporter) -> None:
    if not WATCH.findings:
        terminalreporter.write_line("CPR watch: no CPR number in any log record or CLI error")
        return
    terminalreporter.write_line(
        f"CPR watch: {len(WATCH.findings)} log records or CLI errors carry a CPR number "
        "(issues 15 and 21):", red=True)
    for test, where, text in WATCH.findings[:50]:
        terminalreporter.write_line(f"  {test}: {where}: {text}")
