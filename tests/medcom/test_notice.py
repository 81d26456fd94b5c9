"""HospitalNotification → the course's notice state, for every event, correction and cancellation.

PYTEST_DONT_REWRITE: assertion rewriting is off in this module so a failing comparison shows
only its message, never a patient's CPR.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from console.medcom import (
    Envelope,
    IncomingHospitalNotification,
    NoticeState,
    NotificationEvent,
    PatientRef,
    notice_state_for,
)
from tests.medcom.factories import EPISODE, HOSPITAL, MUNICIPALITY, TEST_CPR

BASE = IncomingHospitalNotification(
    envelope=Envelope("b", "h", datetime(2025, 3, 4, tzinfo=UTC)), sender=HOSPITAL, receiver=MUNICIPALITY,
    patient=PatientRef(TEST_CPR, "Bruno Test Elmer"), event=NotificationEvent.STIN,
    activity="admit-inpatient",
    correction=False, cancellation=False, episode_of_care_id=EPISODE, encounter_status="in-progress",
    period_start=datetime(2025, 3, 4, tzinfo=UTC), period_end=None,
)


@pytest.mark.parametrize("event", list(NotificationEvent))
@pytest.mark.parametrize("kind", ["", "RE_", "AN_"])
def test_notice_state_for_every_notification(event: NotificationEvent, kind: str) -> None:
    notification = dataclasses.replace(BASE, event=event, correction=kind == "RE_",
                                       cancellation=kind == "AN_")
    assert notification.code == kind + event.value
    starts = event in (NotificationEvent.STIN, NotificationEvent.STAA)
    expected = NoticeState.EXPECTED if kind == "AN_" and starts else NoticeState.RECEIVED
    assert notice_state_for(notification) is expected


def test_states_set_by_people_are_never_set_by_a_message() -> None:
    produced = {notice_state_for(dataclasses.replace(BASE, event=e, cancellation=c))
                for e in NotificationEvent for c in (False, True)}
    assert produced == {NoticeState.RECEIVED, NoticeState.EXPECTED}
    assert {NoticeState.CONFIRMED_BY_PHONE, NoticeState.NOT_APPLICABLE}.isdisjoint(produced)
