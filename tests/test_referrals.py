"""Issue 19: the referral queue (R-ELIGIBLE).

A referral waits as "referred" until the e-doctor admits it (through the admission service,
with every eligibility item judged and both talks recorded) or declines it with a reason; never
both. Two desks deciding the same referral: the second gets a conflict (exit 3).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.db import Database
from console.models import Admission, Referral
from console.services.core.errors import Conflict, Forbidden, InvalidInput, RuleViolation
from console.services.core.uow import read_only, unit_of_work
from console.services.core.ward import open_ward
from console.services.course import referrals
from console.services.course.census import load_census
from console.services.course.eligibility import ELIGIBILITY, ELIGIBILITY_KEYS, TALKS
from console.vocabulary import ReferralSource, ReferralStatus
from tests.factories import DELETE, DOCTOR, NURSE, add_ward_staff, referral

ALL_YES = dict.fromkeys(ELIGIBILITY_KEYS, True)


@pytest.fixture
def ward(db: Database) -> Database:
    add_ward_staff(db)
    return db


def _add(db: Database, user: str = NURSE, doc: dict[str, Any] | None = None,
         source: ReferralSource = ReferralSource.DEPARTMENT) -> int:
    with unit_of_work(db, user) as s:
        return referrals.add_referral(s, source, doc or referral()).id


def _assess(db: Database, referral_id: int, **judgement: bool) -> None:
    with unit_of_work(db, DOCTOR) as s:
        referrals.assess_referral(s, referral_id, judgement=judgement or ALL_YES,
                                  referrer_call="Talked with Dr. Holm, med. afd.",
                                  municipality_call="Sorø akutteam can take it on, 3x/day")


def _status(db: Database, referral_id: int) -> Referral:
    with read_only(db) as s:
        row = s.get(Referral, referral_id)
        assert row is not None
        return row


def test_a_referral_arrives_as_referred_and_waits_in_the_queue_and_the_census(
        ward: Database) -> None:
    rid = _add(ward, source=ReferralSource.COPD_PRE_CARE)
    with read_only(ward) as s:
        queue = referrals.list_referrals(s)
        census = load_census(s)
    assert [r.id for r in queue.rows] == [rid]
    row = queue.rows[0]
    assert (row.status, row.source, row.referrer) == ("referred", "copd_pre_care",
                                                      "Medicinsk afdeling, Holbæk")
    assert row.cpr_masked == "010150-XXXX"
    assert row.judgement == tuple((k, None) for k in ELIGIBILITY_KEYS)
    assert row.situation is not None
    assert row.situation.name == "Sorø"
    assert queue.waiting == census.referrals_waiting == 1


def test_r_eligible_the_checklist_has_the_seeds_wording() -> None:
    assert ELIGIBILITY_KEYS == ("clinically_stable", "medically_suitable", "able_to_cooperate",
                                "home_suitable", "video_possible")
    wording = {item.key: item.wording for item in ELIGIBILITY + TALKS}
    assert wording["clinically_stable"] == "Borgerne skal være stabile"
    assert "egnet til at færdiggøre behandlingen i nærmiljøet" in wording["medically_suitable"]
    assert "kan samarbejde om at blive behandlet" in wording["able_to_cooperate"]
    assert "egnet til hjemmebehandling af den kommunale sygepleje" in wording["home_suitable"]
    assert "Videolink" in wording["video_possible"]
    assert "hjemkommunen" in wording["municipality_call"]
    assert all(item.source.startswith("seed 00") for item in ELIGIBILITY + TALKS)


def test_r_eligible_admitting_needs_every_item_judged_yes_and_both_talks(ward: Database) -> None:
    rid = _add(ward)
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(RuleViolation) as info:
        referrals.admit_referral(s, rid)
    assert (info.value.rule_id, info.value.field) == ("R-ELIGIBLE", "clinically_stable")
    _assess(ward, rid, **(ALL_YES | {"video_possible": False}))
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(RuleViolation) as info:
        referrals.admit_referral(s, rid)
    assert info.value.field == "video_possible"
    with unit_of_work(ward, DOCTOR) as s:
        referrals.assess_referral(s, rid, judgement=ALL_YES, referrer_call="ok",
                                  municipality_call=" ")
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(RuleViolation) as info:
        referrals.admit_referral(s, rid)
    assert info.value.field == "municipality_call"
    assert _status(ward, rid).status == ReferralStatus.REFERRED


def test_admitting_a_referral_admits_from_its_document(ward: Database) -> None:
    rid = _add(ward)
    _assess(ward, rid)
    with unit_of_work(ward, DOCTOR) as s:
        decision = referrals.admit_referral(s, rid)
    row = _status(ward, rid)
    assert (row.status, row.admission_id, row.decided_by) == (
        ReferralStatus.ADMITTED, decision.admission_id, DOCTOR)
    assert row.decided_at is not None
    assert row.decline_reason is None
    with read_only(ward) as s:
        admission = s.get(Admission, decision.admission_id)
        assert admission is not None
        assert admission.referred_by == "Medicinsk afdeling, Holbæk"
        assert admission.patient.name == "Test Testesen"
        assert referrals.list_referrals(s).waiting == 0


def test_the_dialog_is_filled_from_the_referral_and_its_edits_are_admitted(
        ward: Database) -> None:
    rid = _add(ward)
    _assess(ward, rid)
    with read_only(ward) as s:
        filled = referrals.referral_for_admission(s, rid)
    assert filled.referral.patient.name == "Test Testesen"
    assert filled.referral.regimen[0].drug == "Piperacillin/Tazobactam"
    from dataclasses import replace

    edited = replace(filled.referral, meeting_link="https://video.example/abc")
    with unit_of_work(ward, DOCTOR) as s:
        decision = referrals.admit_referral(s, rid, expected_version=filled.version,
                                            referral=edited)
    with read_only(ward) as s:
        admission = s.get(Admission, decision.admission_id)
        assert admission is not None
        assert admission.meeting_link == "https://video.example/abc"


def test_declining_needs_a_reason_and_never_admits(ward: Database) -> None:
    rid = _add(ward)
    for reason in (None, "  "):
        with unit_of_work(ward, DOCTOR) as s, pytest.raises(RuleViolation) as info:
            referrals.decline_referral(s, rid, reason=reason)
        assert (info.value.rule_id, info.value.field) == ("R-ELIGIBLE", "decline_reason")
    with unit_of_work(ward, DOCTOR) as s:
        referrals.decline_referral(s, rid, reason="Not stable: needs a hospital bed")
    row = _status(ward, rid)
    assert (row.status, row.decline_reason, row.admission_id) == (
        ReferralStatus.DECLINED, "Not stable: needs a hospital bed", None)
    # declined stays declined: never admitted afterwards
    with unit_of_work(ward, DOCTOR) as s, pytest.raises(Conflict):
        referrals.admit_referral(s, rid)
    with read_only(ward) as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == 0


def test_the_database_holds_admitted_or_declined_never_both(ward: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    rid = _add(ward)
    with pytest.raises(IntegrityError), unit_of_work(ward, DOCTOR) as s:
        row = s.get(Referral, rid)
        assert row is not None
        row.status = ReferralStatus.DECLINED  # no reason, no decision time
        s.flush()


def test_only_a_doctor_decides_nurses_take_in_and_read(ward: Database) -> None:
    rid = _add(ward, NURSE)
    for action in (lambda s: referrals.decline_referral(s, rid, reason="x"),
                   lambda s: referrals.admit_referral(s, rid),
                   lambda s: referrals.assess_referral(s, rid, judgement={}, referrer_call=None,
                                                       municipality_call=None)):
        with unit_of_work(ward, NURSE) as s, pytest.raises(Forbidden):
            action(s)
    with read_only(ward, NURSE) as s:
        assert referrals.list_referrals(s).waiting == 1


def test_a_referral_document_is_checked_when_it_arrives(ward: Database) -> None:
    with unit_of_work(ward, NURSE) as s, pytest.raises(InvalidInput) as info:
        referrals.add_referral(s, ReferralSource.GP, referral(condition="flu"))
    assert info.value.field == "condition"
    assert "010150" not in info.value.message


def test_two_desks_deciding_the_same_referral_the_second_gets_a_conflict(
        ward: Database, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Both desks loaded the queue (version 1); one admits, the other's decline is exit 3."""
    rid = _add(ward)
    _assess(ward, rid)
    version = _status(ward, rid).version
    first = main(["--database", db_url, "--user", DOCTOR, "--json", "referral", "decide",
                  str(rid), "--admit", "--version", str(version)])
    assert first == 0, capsys.readouterr()
    capsys.readouterr()
    second = main(["--database", db_url, "--user", DOCTOR, "--json", "referral", "decide",
                   str(rid), "--decline", "--reason", "full today", "--version", str(version)])
    said = json.loads(capsys.readouterr().out)
    assert second == 3
    assert said["error"]["code"] == "CONFLICT"
    row = _status(ward, rid)
    assert (row.status, row.decline_reason) == (ReferralStatus.ADMITTED, None)


@pytest.mark.pg
def test_two_desks_deciding_at_the_same_moment_on_postgresql(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both desks have checked the person before either locks the referral: the row lock makes
    the second wait, then see the first one's decision: a conflict, whatever it tried."""
    db = open_ward(pg_url, migrate=False)
    try:
        add_ward_staff(db)
        rid = _add(db)
        _assess(db, rid)
        barrier = threading.Barrier(2, timeout=30)
        original = referrals.require_role

        def check_then_wait(*args: Any, **kwargs: Any) -> str:
            user = original(*args, **kwargs)
            barrier.wait()
            return user

        monkeypatch.setattr(referrals, "require_role", check_then_wait)
        outcomes: list[object] = []

        def desk(admit: bool) -> None:
            try:
                with unit_of_work(db, DOCTOR) as s:
                    if admit:
                        outcomes.append(referrals.admit_referral(s, rid).status)
                    else:
                        outcomes.append(referrals.decline_referral(s, rid, reason="full").status)
            except Conflict as exc:
                outcomes.append(exc)

        desks = [threading.Thread(target=desk, args=(flag,)) for flag in (True, False)]
        for t in desks:
            t.start()
        for t in desks:
            t.join(60)
        assert not barrier.broken
        conflicts = [o for o in outcomes if isinstance(o, Conflict)]
        assert len(outcomes) == 2
        assert len(conflicts) == 1
        assert conflicts[0].exit_code == 3
        row = _status(db, rid)
        assert (row.status == ReferralStatus.ADMITTED) == (row.admission_id is not None)
        assert (row.status == ReferralStatus.DECLINED) == (row.decline_reason is not None)
    finally:
        db.dispose()


def test_cli_add_list_assess_decide(ward: Database, db_url: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(referral(), ensure_ascii=False), encoding="utf-8")
    base = ["--database", db_url, "--json"]
    assert main([*base, "--user", NURSE, "referral", "add", str(path), "--source", "gp",
                 "--referrer", "Lægehuset Sorø"]) == 0
    rid = json.loads(capsys.readouterr().out)["id"]
    assert main([*base, "--user", NURSE, "referrals"]) == 0
    queue = json.loads(capsys.readouterr().out)
    assert queue["waiting"] == 1
    assert queue["rows"][0]["referrer"] == "Lægehuset Sorø"
    assert main([*base, "--user", NURSE, "census"]) == 0
    assert json.loads(capsys.readouterr().out)["referrals_waiting"] == 1
    assert main([*base, "--user", DOCTOR, "referral", "decide", str(rid), "--decline"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "decline_reason"
    assess = [*base, "--user", DOCTOR, "referral", "assess", str(rid),
              "--referrer-call", "ok", "--municipality-call", "ok"]
    for key in ELIGIBILITY_KEYS:
        assess += ["--yes", key]
    assert main(assess) == 0
    capsys.readouterr()
    assert main([*base, "--user", DOCTOR, "referral", "decide", str(rid), "--admit"]) == 0
    decided = json.loads(capsys.readouterr().out)
    assert decided["status"] == "admitted"
    assert decided["admission_id"]
    assert main([*base, "--user", DOCTOR, "referral", "decide", "x", "--admit"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["field"] == "id"


def test_R_CPR_a_referral_that_names_nobody_is_refused_and_nothing_is_saved(
        ward: Database) -> None:
    for cpr in ("311399-1234", "abc", "０１０１５０-１２３４"):
        with pytest.raises(RuleViolation) as refused:
            _add(ward, doc=referral(**{"patient.cpr": cpr}))
        assert (refused.value.rule_id, refused.value.field) == ("R-CPR", "patient.cpr")
    with read_only(ward) as s:
        assert s.scalar(select(func.count()).select_from(Referral)) == 0


def test_a_referral_typed_in_is_kept_as_the_document_the_cli_reads(ward: Database) -> None:
    """The intake dialog stores ``referral_document(parsed)``: it reads back as what was typed,
    with relatives, dose times, parents and coordinates (issue 19)."""
    from console.services.course.referral import parse_referral, referral_document

    rich = referral(**{"patient.lat": 55.4, "patient.lon": 11.6,
                       "regimen.0.doses_sent": 4, "crp_day": 4,
                       "crp_day_reason": "Culture answer due on day 4",
                       "parents_informed": {"informed_by": DOCTOR,
                                            "at": "2026-11-23T09:00:00+01:00"}})
    for doc in (referral(), rich, referral(**{"consent": DELETE})):
        typed = parse_referral(doc)
        assert parse_referral(referral_document(typed)) == typed
    rid = _add(ward, doc=referral_document(parse_referral(rich)))
    with unit_of_work(ward, DOCTOR) as s:
        assert referrals.referral_for_admission(s, rid).referral == parse_referral(rich)
