"""A span of time in the reader's words: ``12 min``, ``1 h 40 min``, ``3 h``, ``2 d 4 h``.

One formatter for the clocks a screen shows beside a row (an escalation's acknowledge and
resolve clocks, how long a referral has waited)."""

from __future__ import annotations

from console.views.common.i18n import translate

_CTX = "Durations"


def duration_text(minutes: int) -> str:
    """``12 min``, ``1 h 40 min``, ``3 h``; ``2 d 4 h`` past a day (the sign is the caller's)."""
    minutes = abs(minutes)
    if minutes < 60:
        return translate(_CTX, "{m} min", m=minutes)
    hours, rest = divmod(minutes, 60)
    if hours >= 24:
        return translate(_CTX, "{d} d {h} h", d=hours // 24, h=hours % 24)
    if rest == 0:
        return translate(_CTX, "{h} h", h=hours)
    return translate(_CTX, "{h} h {m} min", h=hours, m=rest)
