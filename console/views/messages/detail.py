"""The selected message read whole, under the list: who wrote it to whom and when, its text, the
files it carries, and why it needs a person (R-MESSAGE).

The list shows a line per message; a nurse answering a municipal colleague needs the writer's
name to call back, and must see that a photo or a PDF came with the text.
"""

from __future__ import annotations

from console.services.messaging.reads import MessageRow
from console.timeutil import format_local
from console.views.common.i18n import translate
from console.views.common.message_files import file_label

_CTX = "MessageDetail"


def heading(row: MessageRow) -> str:
    """"From Hjemmesygeplejen Sorø · Birgit Berg · 07/12 14:49" (sent: "To … · by …")."""
    when = format_local(row.sent_at or row.created_at, "%d/%m %H:%M")
    party = row.party or translate(_CTX, "unknown party")
    if row.direction == "in":
        parts = [translate(_CTX, "From {party}", party=party), row.author]
    else:
        parts = [translate(_CTX, "To {party}", party=party),
                 translate(_CTX, "by {author}", author=row.author) if row.author else None]
    return " · ".join(p for p in (*parts, when) if p)


def detail_text(row: MessageRow | None) -> str:
    """The whole message as the screen shows it; a hint when none is chosen."""
    if row is None:
        return translate(_CTX, "Choose a message to read it whole, with the files it carries.")
    lines = [heading(row), "", row.text or ""]
    if row.attachments:
        lines += ["", translate(_CTX, "Files: {files}",
                                files=", ".join(file_label(a) for a in row.attachments))]
    why = row.ack_reason or row.problem
    if why:
        lines += ["", why]
    return "\n".join(lines)
