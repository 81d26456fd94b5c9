"""The confidential line at the foot of every printed page that names patients (issue 20): the
route sheet's and the packing and run list's, one sentence in one place."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from console.timeutil import now_utc, to_local

_CTX = "RouteSheetPdf"  # where the sentence was first translated


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def confidential_footer(page: int, pages: int) -> str:
    """``<p class="foot">``: confidential patient data, keep out of sight, shred after the
    shift, when printed, and the page number when there is more than one page."""
    printed = to_local(now_utc()).strftime("%d/%m/%Y %H:%M")
    text = _t("CONFIDENTIAL — patient data (sundhedsloven). Keep out of sight in the car and "
              "shred after the shift. Printed {when} · eWard Console").format(when=printed)
    if pages > 1:
        text += " · " + _t("page {page} of {pages}").format(page=page, pages=pages)
    return f'<p class="foot">{escape(text)}</p>'
