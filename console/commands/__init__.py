"""Subcommands of ``eward``, one module per area; each exposes ``register(add)``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from console.cli import UsageError


def register_all(add: Callable[..., Any]) -> None:
    from console.commands import (
        course_commands,
        db_commands,
        dispatch_commands,
        escalation_commands,
        logistics_commands,
        report_commands,
        round_commands,
        security_commands,
        tariff_commands,
        ward_commands,
    )

    db_commands.register(add)
    ward_commands.register(add)
    course_commands.register(add)
    round_commands.register(add)
    escalation_commands.register(add)
    logistics_commands.register(add)
    report_commands.register(add)
    security_commands.register(add)
    dispatch_commands.register(add)
    tariff_commands.register(add)


def parse_day(value: str | None, field: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"'{value}' is not a date: use YYYY-MM-DD.", field) from None


def parse_size(value: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in value.lower().split("x"))
    except ValueError:
        raise UsageError(f"'{value}' is not a size: use WIDTHxHEIGHT, e.g. 1400x900.",
                         "--size") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise UsageError("Size must be between 200 and 8000 pixels each way.", "--size")
    return w, h
