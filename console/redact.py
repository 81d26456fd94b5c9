"""Keep patient data out of logs and error sentences (issue 15, issue 21).

A database's own message can carry row values (PostgreSQL's ``DETAIL: Key (cpr)=(…)``); a
traceback's messages can carry whatever a statement was given. What the console logs for an
unexpected error is therefore the error's type and where it happened, never its message, and a
message that must be shown is passed through ``redacted`` first.
"""

from __future__ import annotations

import re
import traceback

# CPR numbers written with or without the dash, in any script's digits once normalised.
# Any hyphen-like dash between the halves (a full-width or minus sign one too).
_CPR = re.compile(r"(?<!\d)\d{6}[-\u2010-\u2015\u2212\ufe63\uff0d]?\d{4}(?!\d)")
# PostgreSQL's key detail: Key (col, …)=(value, …) …
_KEY_DETAIL = re.compile(r"\)=\((.*?)\)", re.DOTALL)
_DETAIL_LINE = re.compile(r"^\s*DETAIL:.*$", re.MULTILINE)


def mask_cpr(cpr: str) -> str:
    """A CPR as screens and lists show it: the birth date, the serial hidden (``DDMMYY-XXXX``)."""
    return f"{cpr[:6]}-XXXX" if len(cpr) >= 6 else "XXXXXX-XXXX"


def redacted(value: object) -> str:
    """``value`` as text with CPR numbers, key values and DETAIL lines taken out."""
    text = str(value)
    text = _DETAIL_LINE.sub("DETAIL: (withheld)", text)
    text = _KEY_DETAIL.sub(")=(…)", text)
    return _CPR.sub("[cpr]", text)


def where_it_broke(exc: BaseException) -> str:
    """The error's type and its stack (file, line, function, source line) without messages."""
    frames = traceback.format_tb(exc.__traceback__)
    return f"{type(exc).__name__}\n" + "".join(frames)
