"""Typed input documents (issue 15): the pieces every document schema is built from.

Each input document (a referral, an escalation…) is one pydantic model with ``extra="forbid"``:
an unknown key (a typo such as ``dosetimes``) is refused with the key named, never ignored.
Text is normalised to Unicode NFC, stripped, refused when it holds control characters (a NUL
byte) and held to the length of the database column it is stored in, read from the model, so
SQLite (which would store anything) and PostgreSQL (which would fail) give the same answer.
A refusal becomes ``InvalidInput(field, message)``: exit 2, the field named, nothing written.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
)
from pydantic_core import PydanticCustomError
from sqlalchemy.orm import InstrumentedAttribute

from console.redact import redacted
from console.services.core.errors import InvalidInput
from console.services.core.text_guard import control_character

UNBOUNDED_TEXT = 10_000  # a Text column's limit: the same on both databases
YEARS = range(1900, 2201)  # dates and times are read in these years only
BOUND = 1_000_000  # whole numbers beyond this are no one's input (and overflow a calendar)
M = TypeVar("M", bound=BaseModel)


class Document(BaseModel):
    """The base of every input document: unknown keys refused, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def column_length(column: InstrumentedAttribute[Any]) -> int:
    """The declared length of a model's string column (``UNBOUNDED_TEXT`` for Text)."""
    length = getattr(column.property.columns[0].type, "length", None)
    return int(length) if length else UNBOUNDED_TEXT


def _clean(*, multiline: bool, optional: bool) -> Any:
    def clean(value: Any) -> Any:
        if optional and (value is None or (isinstance(value, str) and not value.strip())):
            return None  # missing, null or blank: not given
        if not isinstance(value, str):
            raise PydanticCustomError("text_type", "must be text")
        text = unicodedata.normalize("NFC", value).strip()
        if control_character(text, multiline=multiline):
            raise PydanticCustomError("control_character",
                                      "holds a control character (such as a NUL byte)")
        return text
    return BeforeValidator(clean)


# Use as ``Annotated[str, LINE, limit(column_length(Patient.name))]``: the one way text comes in.
LINE = _clean(multiline=False, optional=False)
MULTILINE = _clean(multiline=True, optional=False)
OPTIONAL_LINE = _clean(multiline=False, optional=True)
OPTIONAL_MULTILINE = _clean(multiline=True, optional=True)


def limit(max_length: int) -> Any:
    """Required text: 1 to ``max_length`` characters after NFC and stripping."""
    return Field(min_length=1, max_length=max_length)


def at_most(max_length: int) -> Any:
    return Field(max_length=max_length)


# Optional free text (a reason, a note): missing, null or blank is None.
Note = Annotated[Annotated[str, at_most(UNBOUNDED_TEXT)] | None, OPTIONAL_LINE]
NoteLines = Annotated[Annotated[str, at_most(UNBOUNDED_TEXT)] | None, OPTIONAL_MULTILINE]


def _iso(kind: type[date] | type[datetime] | type[time], error: str) -> Any:
    """Only ISO text (never a number read as seconds since 1970), parsed by Python itself."""
    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            raise PydanticCustomError("iso_type", "must be written as ISO text")
        try:
            parsed = kind.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError(error, "is not well formed") from None
        year = getattr(parsed, "year", YEARS.start)
        if year not in YEARS:  # far outside any course; keeps date arithmetic from overflowing
            raise PydanticCustomError("year_range", "is not between {first} and {last}",
                                      {"first": YEARS.start, "last": YEARS.stop - 1})
        return parsed
    return BeforeValidator(parse)


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise PydanticCustomError("timezone_aware", "has no UTC offset: add one, e.g. +01:00")
    return value


IsoDate = Annotated[date, _iso(date, "date_parsing")]
IsoTime = Annotated[time, _iso(time, "time_parsing")]
IsoDateTime = Annotated[datetime, AfterValidator(_aware), _iso(datetime, "datetime_parsing")]
Whole = StrictInt
Flag = StrictBool

_MESSAGES = {
    "missing": "{field} is required.",
    "extra_forbidden": "'{key}' is not a field of this document: check its spelling ({field}).",
    "string_too_long": "{field} is too long: at most {max_length} characters.",
    "string_too_short": "{field} is required.",
    "too_short": "{field} needs at least {min_length} item(s).",
    "too_long": "{field} has too many items: at most {max_length}.",
    "int_type": "{field} must be a whole number.",
    "int_from_float": "{field} must be a whole number.",
    "bool_type": "{field} must be true or false.",
    "float_type": "{field} must be a number.",
    "greater_than_equal": "{field} must be at least {ge}.",
    "less_than_equal": "{field} must be at most {le}.",
    "greater_than": "{field} must be above {gt}.",
    "enum": "'{input}' is not one of: {expected}.",
    "literal_error": "'{input}' is not one of: {expected}.",
    "date_from_datetime_parsing": "{field}: '{input}' is not a date: use YYYY-MM-DD.",
    "date_parsing": "{field}: '{input}' is not a date: use YYYY-MM-DD.",
    "date_from_datetime_inexact": "{field}: '{input}' is not a date: use YYYY-MM-DD.",
    "datetime_parsing": "{field}: '{input}' is not a date-time: use e.g. 2026-11-23T10:00:00+01:00.",
    "datetime_from_date_parsing": "{field}: '{input}' is not a date-time: use e.g. "
                                  "2026-11-23T10:00:00+01:00.",
    "time_parsing": "{field}: '{input}' is not a time: use HH:MM.",
    "year_range": "{field}: '{input}' is not between {first} and {last}.",
    "timezone_aware": "{field} has no UTC offset: add one, e.g. +01:00 for Danish "
                      "winter time.",
    "control_character": "{field} holds a control character (such as a NUL byte): remove it.",
    "model_type": "{field} must be an object.",
    "dict_type": "{field} must be an object.",
    "list_type": "{field} must be a list.",
    "tuple_type": "{field} must be a list.",
}


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("regimen", 0, "dose")`` → ``regimen[0].dose``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def refusal(exc: ValidationError, document: str) -> InvalidInput:
    """The first problem pydantic found, as one sentence naming its field."""
    err = exc.errors(include_url=False)[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    # pydantic puts a union's or a validator's branch name in the location: keep the data's path
    field = field_path(loc) or document
    ctx = dict(err.get("ctx") or {})
    raw = err.get("input")
    # echo short input back, but never a CPR number typed into the wrong field (issue 15)
    shown = redacted(raw) if isinstance(raw, str | int | float) and len(str(raw)) <= 40 \
        else "the value"
    template = _MESSAGES.get(err["type"])
    if template is None:
        return InvalidInput(field, f"{field} {err['msg']}.")
    return InvalidInput(field, template.format(field=field, key=loc[-1] if loc else document,
                                               input=shown, **ctx))


def parse_document(model: type[M], data: Any, document: str) -> M:
    """Validate ``data`` (parsed JSON) as ``model``, or raise ``InvalidInput`` naming the field."""
    if not isinstance(data, dict):
        raise InvalidInput(document, f"The {document} must be a JSON object.")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise refusal(exc, document) from None
