"""From a HospitalNotification to the course's notice state (R-HANDOVER: a missing notice is a gap).

The notice the console tracks is the advis that tells the municipality the patient is in the
hospital's care (the eHospital admission). MedCom's HospitalNotification IG defines the events;
the mapping is ours:

| notification                         | notice   | why                                                 |
|--------------------------------------|----------|-----------------------------------------------------|
| STIN, STAA (and RE_STIN, RE_STAA)    | received | the start of the stay was notified (or corrected)   |
| AN_STIN, AN_STAA                     | expected | the start was cancelled: a valid notice is awaited  |
| STOR, SLOR, SLHJ, MORS and their RE_ | received | they follow an admission notice                     |
| AN_STOR, AN_SLOR, AN_SLHJ            | received | only the leave or discharge is cancelled            |

``confirmed_by_phone`` and ``not_applicable`` are recorded by the e-nurse, never set by a
message; a notice that arrives after a phone confirmation makes the course "received".
"""

from __future__ import annotations

from console.medcom.codes import NotificationEvent
from console.medcom.incoming import IncomingHospitalNotification
from console.vocabulary import NoticeState

_START_EVENTS = frozenset({NotificationEvent.STIN, NotificationEvent.STAA})


def notice_state_for(notification: IncomingHospitalNotification) -> NoticeState:
    """The notice state a HospitalNotification sets (see the module's table)."""
    if notification.cancellation and notification.event in _START_EVENTS:
        return NoticeState.EXPECTED
    return NoticeState.RECEIVED

