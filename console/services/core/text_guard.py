"""The last line for text on its way to the database (issue 15): whatever path wrote it (a
document, a command-line option, a dialog), a string longer than its column or holding a control
character is refused before the flush, as ``InvalidInput`` naming ``table.column``.

Without it SQLite stored such text silently and PostgreSQL failed with a traceback (exit 1), so
the two databases gave different answers; now both give exit 2 and write nothing. The typed
documents (``input_schema``) refuse the same text earlier, naming the document's field.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from console.services.core.errors import InvalidInput


def control_character(text: str, *, multiline: bool) -> bool:
    """Whether ``text`` holds a control character (NUL…) or a lone surrogate: what PostgreSQL
    refuses and SQLite stores silently. A multi-line text may hold line breaks and tabs."""
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def check_row_text(row: Any) -> None:
    """Raise ``InvalidInput`` for the first text attribute of ``row`` its column cannot hold."""
    mapper = inspect(row).mapper
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if not isinstance(column.type, String):
            continue
        value = getattr(row, attr.key, None)
        if not isinstance(value, str):
            continue
        field = f"{mapper.local_table.name}.{column.name}"
        length = column.type.length
        if length is not None and len(value) > length:
            raise InvalidInput(field, f"{field} is too long: at most {length} characters.")
        if control_character(value, multiline=isinstance(column.type, Text) or length is None):
            raise InvalidInput(field, f"{field} holds a control character (such as a NUL byte): "
                               "remove it.")


@event.listens_for(Session, "before_flush")
def _guard_text(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    for row in (*session.new, *session.dirty):
        check_row_text(row)
