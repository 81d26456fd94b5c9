"""One course from admission to discharge against a simulated municipal system and GP on the
mailbox transport (issue 16, "Done means": R-CAREPLAN, R-ACCEPT, R-MESSAGE, R-EPIKRISE).

PYTEST_DONT_REWRITE: these tests handle patient data; a failure must never print a CPR.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from console.db import Database
from console.medcom import IncomingCareCommunication
from console.models import Admission, DischargeOutcome
from console.services.core.errors import RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.course import change_regimen, discharge
from console.services.course.referral import parse_referral
from console.services.messaging import agreement, careplan, inbox, outbox, reads
from console.timeutil import now_utc, today_local
from tests.factories import DOCTOR, NURSE, add_ward_staff, referral
from tests.messaging_sim import PartnerSystem, set_setting, set_up_parties

DAY = today_local() - timedelta(days=2)  # a course under way: changes apply from now


def _one(partner: PartnerSystem) -> IncomingCareCommunication:
    sent = [m for m in partner.take() if isinstance(m, IncomingCareCommunication)]
    assert len(sent) == 1
    return sent[0]


def _receive(db: Database) -> None:
    with unit_of_work(db, NURSE) as s:
        inbox.receive_from_mailbox(s)


def _send(db: Database, message_id: int, user: str = NURSE) -> None:
    with unit_of_work(db, user) as s:
        outbox.send_message(s, message_id)


def _state(db: Database, message_id: int) -> reads.MessageRow:
    with read_only(db) as s:
        return reads.read_message(s, message_id)


def test_a_course_end_to_end_with_a_simulated_municipality_and_gp(db: Database,
                                                                   tmp_path: object) -> None:
    add_ward_staff(db)
    set_up_parties(db)
    partner = PartnerSystem(tmp_path / "mailbox")  # type: ignore[operator]
    set_setting(db, "medcom_outbox", str(partner.box.outbox))
    set_setting(db, "medcom_inbox", str(partner.box.inbox))
    with unit_of_work(db, DOCTOR) as s:
        adm = admit(s, parse_referral(referral(DAY, planned_end=(DAY + timedelta(days=13)).isoformat(),
                                               **{"regimen.0.days": 14}))).admission_id
    # admit -> care plan sent -> AA -> "Plejeforløbsplan ok" -> municipal doses accepted
    with unit_of_work(db, NURSE) as s:
        plan_id = careplan.draft_care_plan(s, adm)
    _send(db, plan_id)
    plan = _one(partner)
    partner.acknowledge(plan)
    _receive(db)
    assert _state(db, plan_id).state == "acknowledged"
    partner.answer(plan, "Modtaget, vi overtager doserne.", "Plejeforløbsplan ok")
    _receive(db)
    with read_only(db) as s:
        assert not agreement.read_agreement(s, adm).awaiting_acceptance
    # regimen change -> a dated update of the plan, sent
    with read_only(db) as s:
        found = s.get(Admission, adm)
        assert found is not None
        reg = found.regimens[0].id
    with unit_of_work(db, DOCTOR) as s:
        change_regimen(s, reg, effective_from=now_utc() + timedelta(hours=1),
                       end_date=DAY + timedelta(days=16))
    with read_only(db) as s:
        [update] = reads.list_messages(s, admission_id=adm, state="drafted")
    assert update.text is not None
    assert update.text.startswith("Opdateret ")
    _send(db, update.id)
    assert _one(partner).text.startswith("Opdateret ")
    # discharge -> the epikrise gate -> epikrise to the GP -> discharge report to the municipality
    with pytest.raises(RuleViolation, match="epikrise"), unit_of_work(db, DOCTOR) as s:
        discharge(s, adm, outcome=DischargeOutcome.COMPLETED, epikrise_sent=False,
                  municipality_informed=True)
    with unit_of_work(db, DOCTOR) as s:
        epikrise = careplan.draft_epikrise(s, adm, text="Erysipelas, behandlet i hjemmet.")
    _send(db, epikrise, DOCTOR)
    to_gp = _one(partner)
    with unit_of_work(db, DOCTOR) as s:
        assert discharge(s, adm, outcome=DischargeOutcome.COMPLETED, epikrise_sent=False,
                         municipality_informed=True).responsibility == "ehospital"
    with read_only(db) as s:
        [report] = reads.list_messages(s, admission_id=adm, state="drafted")
    assert report.purpose == "discharge_report"
    _send(db, report.id)
    report_sent = _one(partner)
    # a lost acknowledgement -> red after the timeout -> resend with new ids -> AA
    set_setting(db, "medcom_ack_timeout_minutes", "0")
    assert _state(db, report.id).overdue
    with unit_of_work(db, NURSE) as s:
        outbox.resend_message(s, report.id)
    again = _one(partner)
    assert again.envelope.header_id != report_sent.envelope.header_id
    partner.acknowledge(again)
    partner.acknowledge(to_gp)  # the GP has the epikrise
    _receive(db)
    assert _state(db, report.id).state == "acknowledged"
    with read_only(db) as s:
        assert agreement.read_agreement(s, adm).responsibility == "gp"
