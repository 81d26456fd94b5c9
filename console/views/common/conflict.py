"""Showing a ``Conflict`` to the person (design rule 5): who changed it, when, and what to do.

``conflict_message`` words it; ``ConflictBanner`` shows it inside a dialog or screen with a
Reload button, keeping whatever the person typed so they can apply it again after the reload.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QWidget

from console.services.core.errors import Conflict
from console.timeutil import format_local
from console.views.common.i18n import QT_TRANSLATE_NOOP
from console.views.common.widgets import hidden_bar, push_button, wrapped_label

_CTX = "Conflict"
BANNER_STYLE = ("QFrame#conflictBanner { background: #fff1c2; border: 1px solid #e0b000;"
                " border-radius: 4px; } QFrame#conflictBanner QLabel { color: #7a4b00; }")
# What the services name in a Conflict ("visit", "visit 12", "car HOL-1", …): "this …" per kind,
# worded whole because Danish "this" follows the noun's gender (dette besøg, denne bil).
THIS_KIND = {  # the longer names first: the first that fits is used
    "escalation (already acknowledged)": QT_TRANSLATE_NOOP(
        _CTX, "this escalation (already acknowledged)"),
    "escalation (already resolved)": QT_TRANSLATE_NOOP(_CTX, "this escalation (already resolved)"),
    "plan (a car was removed)": QT_TRANSLATE_NOOP(_CTX, "this plan (a car was removed)"),
    "escalation": QT_TRANSLATE_NOOP(_CTX, "this escalation"),
    "record": QT_TRANSLATE_NOOP(_CTX, "this record"),
    "admission": QT_TRANSLATE_NOOP(_CTX, "this admission"),
    "regimen": QT_TRANSLATE_NOOP(_CTX, "this regimen"),
    "visit": QT_TRANSLATE_NOOP(_CTX, "this visit"),
    "round": QT_TRANSLATE_NOOP(_CTX, "this round"),
    "delivery": QT_TRANSLATE_NOOP(_CTX, "this delivery"),
    "car": QT_TRANSLATE_NOOP(_CTX, "this car"),
    "municipality": QT_TRANSLATE_NOOP(_CTX, "this municipality"),
    "directory contact": QT_TRANSLATE_NOOP(_CTX, "this directory contact"),
}


def _this(what: str) -> str:
    """"this visit 12" in the reader's language (an unknown kind as "this {what}")."""
    for kind, text in THIS_KIND.items():
        if what == kind or what.startswith(kind + " "):
            return QCoreApplication.translate(_CTX, text) + what[len(kind):]
    return QCoreApplication.translate(_CTX, "this {what}").format(what=what)


def conflict_message(error: Conflict) -> str:
    """"Changed by NIN at 10:42 — reload to see their change, then apply yours again."."""
    who = error.who or QCoreApplication.translate(_CTX, "another desk")
    if error.when is not None:
        head = QCoreApplication.translate(_CTX, "Changed by {who} at {time}").format(
            who=who, time=format_local(error.when, "%H:%M"))
    else:
        head = QCoreApplication.translate(_CTX, "Changed by {who}").format(who=who)
    what = _this(error.what)
    tail = QCoreApplication.translate(
        _CTX, "{what} changed after you opened it. Reload to see their change, then apply "
              "yours again (what you typed is kept).").format(what=what[:1].upper() + what[1:])
    text = f"{head} — {tail}"
    if error.changes:
        shown = "; ".join(f"{name.replace('_', ' ')}: {_value(old)} → {_value(new)}"
                          for name, old, new in error.changes[:MAX_CHANGES_SHOWN])
        text += "\n" + QCoreApplication.translate(_CTX, "Their change: {changes}").format(
            changes=shown)
    return text


MAX_CHANGES_SHOWN = 5


def _value(value: object) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


class ConflictBanner(QFrame):
    """A quiet amber bar: the conflict sentence and a Reload button (hidden until needed)."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = wrapped_label()
        self.reload_button = push_button(self.tr("Reload"), clicked=self.reload_requested)
        hidden_bar(self, "conflictBanner", BANNER_STYLE, self.label, self.reload_button)

    def show_conflict(self, error: Conflict) -> None:
        self.label.setText(conflict_message(error))
        self.setVisible(True)

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)
