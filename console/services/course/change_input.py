"""The command-line inputs that change a running course, each one declared schema (issue 15):
a regimen change, a visit done, a visit missed. The keys are the options as typed (``--from``),
so a refusal names the option; ``eward schema regimen-change`` prints the schema.

The dialogs hand the services the same typed values directly; the services' rules (R-DOSE,
R-FREQ, R-CHANGE-PAST, R-REGISTER…) and the text guard decide for both.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import ConfigDict, Field

from console.models import Regimen, Visit
from console.services.core import input_schema as schema

# given or not, but never blank; R-DOSE parses it
_DOSE = Annotated[str, schema.limit(schema.column_length(Regimen.dose)), schema.LINE] | None
_BY = Annotated[Annotated[str, schema.at_most(schema.column_length(Visit.performed_by))] | None,
                schema.OPTIONAL_LINE]
_VERSION = Annotated[schema.Whole | None, Field(ge=1, le=schema.BOUND)]


class Options(schema.Document):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class RegimenChangeOptions(Options):
    """``eward regimen change ID --from … [--dose …] [--doses-per-day …] [--dose-times …]``."""

    effective_from: schema.IsoDateTime = Field(alias="--from")
    dose: _DOSE = Field(default=None, alias="--dose")
    doses_per_day: schema.Whole | None = Field(default=None, alias="--doses-per-day",
                                               ge=-schema.BOUND, le=schema.BOUND)
    dose_times: list[schema.IsoTime] | None = Field(default=None, alias="--dose-times",
                                                    max_length=8)
    end_date: schema.IsoDate | None = Field(default=None, alias="--end-date")
    version: _VERSION = Field(default=None, alias="--version")


class VisitDoneOptions(Options):
    """``eward visit done ID --minutes N [--at …] [--crp …] [--note …] [--by …]``."""

    at: schema.IsoDateTime | None = Field(default=None, alias="--at")  # default: now
    minutes: schema.Whole = Field(alias="--minutes", ge=-schema.BOUND, le=schema.BOUND)
    crp: float | None = Field(default=None, alias="--crp", allow_inf_nan=False)
    note: schema.NoteLines = Field(default=None, alias="--note")
    by: _BY = Field(default=None, alias="--by")
    version: _VERSION = Field(default=None, alias="--version")


class VisitMissedOptions(Options):
    """``eward visit missed ID --reason …``."""

    reason: Annotated[str, schema.limit(schema.UNBOUNDED_TEXT), schema.MULTILINE] = Field(
        alias="--reason")
    version: _VERSION = Field(default=None, alias="--version")


def _whole(value: str | None) -> Any:
    """An option's text as a number when it reads as one (the schema says what it must be)."""
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value


def parse_regimen_change(values: dict[str, str | None]) -> RegimenChangeOptions:
    data: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
    for key in ("--doses-per-day", "--version"):
        if key in data:
            data[key] = _whole(data[key])
    if "--dose-times" in data:
        data["--dose-times"] = [t.strip() for t in str(data["--dose-times"]).split(",")]
    return schema.parse_document(RegimenChangeOptions, data, "regimen change")


def parse_visit_done(values: dict[str, str | None]) -> VisitDoneOptions:
    data: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
    for key in ("--minutes", "--version", "--crp"):
        if key in data:
            data[key] = _whole(data[key])
    if isinstance(data.get("--crp"), int):
        data["--crp"] = float(data["--crp"])
    return schema.parse_document(VisitDoneOptions, data, "visit done")


def parse_visit_missed(values: dict[str, str | None]) -> VisitMissedOptions:
    data: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
    if "--version" in data:
        data["--version"] = _whole(data["--version"])
    return schema.parse_document(VisitMissedOptions, data, "visit missed")

