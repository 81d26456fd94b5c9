"""The status bar's escalation count, on every desk.

Its own module so that the escalations' service (which brings the order, visit and delivery
services with it) loads when the count is first asked for, on the worker's thread after the
census is painted, not with the window (issue 17: a fast start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from console.services.escalations.escalations import StatusSnapshot


def status_snapshot(session: Session) -> StatusSnapshot:
    """The open escalations' counts and the urgent ones nobody has acknowledged."""
    from console.services.escalations import escalations

    return escalations.status_snapshot(session)
