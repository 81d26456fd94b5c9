"""Parsing the command line's values: dates and sizes (a bad one is a ``UsageError``)."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time

from console.commands.context import UsageError
from console.timeutil import today_local

DAY_HELP = "ward day YYYY-MM-DD (default today)"


def add_day_option(parser: argparse.ArgumentParser, help: str = DAY_HELP) -> None:
    """The ``--date`` option of a command that works on one ward day."""
    parser.add_argument("--date", help=help)


def ward_day(args: argparse.Namespace) -> date:
    """The ward day ``--date`` names, today's when it is left out."""
    return parse_day(args.date) or today_local()


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



def parse_clock(value: str | None, field: str) -> time | None:
    """A wall-clock time ``HH:MM`` (``--from``, ``--to``)."""
    if value is None:
        return None
    try:
        return datetime.strptime(value.strip(), "%H:%M").time()
    except ValueError:
        raise UsageError(f"'{value}' is not a time: use HH:MM.", field) from None
