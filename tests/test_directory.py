"""The municipal contact directory (issue 7): seeding, admin-only edits, validation with field
names, conflicts on stale versions (two desks on both backends), R-FREQ following an admin's
switch, and the ``eward directory`` CLI contract."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from datetime import date
from importlib.resources import files
from typing import Any

import pytest
from sqlalchemy import func, select

from console.cli import main
from console.db import Database
from console.models import ContactTeam, MunicipalContact, Role
from console.services.core.errors import Conflict, Forbidden, InvalidInput, RuleViolation
from console.services.core.reference_data import ensure_reference_data
from console.services.core.uow import read_only, unit_of_work
from console.services.course.admissions import admit
from console.services.course.referral import parse_referral
from console.services.escalations import directory
from tests.factories import DOCTOR, add_staff, add_ward_staff, referral

ADMIN, OTHER_ADMIN = "ADM", "AD2"
FOUR_A_DAY = {"regimen.0.doses_per_day": 4,
              "regimen.0.dose_times": ["07:00", "12:00", "17:00", "22:00"]}


@pytest.fixture
def admin_db(db: Database) -> Database:
    add_staff(db, ADMIN, Role.ADMIN, name="Anne Admin")
    add_staff(db, OTHER_ADMIN, Role.ADMIN, name="Bo Admin")
    add_staff(db, "NIN", Role.E_NURSE, name="Nina Sygeplejerske")
    return db


def contact_of(db: Database, municipality: str, team: str) -> directory.ContactEntry:
    with read_only(db) as s:
        return next(c for c in directory.contacts_for(s, municipality) if c.team == team)


def save(db: Database, user: str, contact: directory.ContactEntry | None = None,
         **changes: Any) -> directory.ContactEntry:
    base: dict[str, Any] = {"municipality": "Sorø", "team": "other", "name": "Visitationen Sorø",
                            "phone": "00 00 15 09", "hours": "08-15", "note": None, "active": True}
    if contact is not None:
        base = {k: getattr(contact, k) for k in base}
        base["expected_version"] = contact.version
    base.update(changes)
    with unit_of_work(db, user) as s:
        return directory.save_contact(s, contact.id if contact else None, **base)


# -- seeding ---------------------------------------------------------------------------------------

def test_every_municipality_has_an_acute_team_and_home_nursing(db: Database) -> None:
    with read_only(db) as s:
        entries = directory.list_directory(s)
    assert len(entries) == 17
    for entry in entries:
        assert sorted(c.team for c in entry.contacts) == ["acute_team", "home_nursing"], entry.name
        assert all(c.active and c.phone for c in entry.contacts)
    phones = [c.phone for e in entries for c in e.contacts]
    assert len(set(phones)) == 34  # one number each


def test_seed_numbers_are_marked_as_demo_numbers() -> None:
    text = files("resources.reference").joinpath("municipal_contacts.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 34
    assert all(row["source"].startswith("demo number, not the real one") for row in rows)


def test_seeding_again_adds_nothing_and_keeps_an_admins_edits(admin_db: Database) -> None:
    acute = contact_of(admin_db, "Sorø", "acute_team")
    home = contact_of(admin_db, "Sorø", "home_nursing")
    save(admin_db, ADMIN, acute, phone="57 57 57 57", hours="07-22")
    save(admin_db, ADMIN, home, name="Sygeplejen Sorø", active=False)
    with unit_of_work(admin_db, "system") as s:
        ensure_reference_data(s)
    with read_only(admin_db) as s:
        assert s.scalar(select(func.count()).select_from(MunicipalContact)) == 34
        soro = {c.id: c for c in directory.contacts_for(s, "Sorø")}
    assert (soro[acute.id].phone, soro[acute.id].hours) == ("57 57 57 57", "07-22")
    assert (soro[home.id].name, soro[home.id].active) == ("Sygeplejen Sorø", False)


def test_seeding_fills_in_a_team_that_is_missing(admin_db: Database) -> None:
    with unit_of_work(admin_db, "system") as s:
        s.delete(s.get(MunicipalContact, contact_of(admin_db, "Faxe", "acute_team").id))
    with unit_of_work(admin_db, "system") as s:
        ensure_reference_data(s)
    assert contact_of(admin_db, "Faxe", "acute_team").name == "Akutteam Faxe"


# -- who may edit ----------------------------------------------------------------------------------

@pytest.mark.parametrize("user", ["NIN", None])
def test_only_an_admin_edits_the_directory(admin_db: Database, user: str | None) -> None:
    acute = contact_of(admin_db, "Sorø", "acute_team")
    with pytest.raises(Forbidden) as err:
        save(admin_db, user, acute, phone="11 11 11 11")  # type: ignore[arg-type]
    assert err.value.field == "user"
    assert "admin" in err.value.message
    with pytest.raises(Forbidden), unit_of_work(admin_db, user) as s:
        directory.update_municipality(s, "Sorø", four_daily_agreement=True)
    with read_only(admin_db, user) as s:
        assert not directory.may_edit_directory(s)
        assert not directory.get_municipality(s, "Sorø").four_daily_agreement
    assert contact_of(admin_db, "Sorø", "acute_team") == acute


def test_an_admin_adds_retires_and_moves_contacts(admin_db: Database) -> None:
    with read_only(admin_db, ADMIN) as s:
        assert directory.may_edit_directory(s)
    new = save(admin_db, ADMIN, phone=" +45  00 00 15 09 ")
    assert (new.municipality, new.team, new.phone, new.version) == ("Sorø", "other",
                                                                    "+45 00 00 15 09", 1)
    retired = save(admin_db, ADMIN, new, active=False)
    assert retired.version == 2
    with read_only(admin_db) as s:
        assert new.id not in [c.id for c in directory.contacts_for(s, "Sorø", active_only=True)]
        assert new.id in [c.id for c in directory.contacts_for(s, "Sorø")]
    moved = save(admin_db, ADMIN, retired, municipality="Ringsted", team=ContactTeam.OTHER)
    assert moved.municipality == "Ringsted"


# -- validation ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"phone": "12ab 34"}, "phone", "digits and spaces"),
    ({"phone": "56+20 20 20"}, "phone", "+ only in front"),
    ({"phone": "  "}, "phone", "Give the phone number"),
    ({"phone": "12"}, "phone", "2 digits"),
    ({"name": " "}, "name", "Give the contact's name"),
    ({"name": "Akutteam Sorø"}, "name", "already in Sorø's directory"),
    ({"team": "dentist"}, "team", "acute_team, home_nursing, other"),
    ({"hours": "x" * 65}, "hours", "At most 64"),
    ({"municipality": " "}, "municipality", "Give the municipality"),
])
def test_bad_input_names_its_field(admin_db: Database, changes: dict[str, Any], field: str,
                                   words: str) -> None:
    with pytest.raises(InvalidInput) as err:
        save(admin_db, ADMIN, **changes)
    assert err.value.field == field
    assert words in err.value.message
    with read_only(admin_db) as s:
        assert s.scalar(select(func.count()).select_from(MunicipalContact)) == 34


def test_unknown_municipality_is_refused(admin_db: Database) -> None:
    with pytest.raises(RuleViolation) as err:
        save(admin_db, ADMIN, municipality="Atlantis")
    assert (err.value.rule_id, err.value.field) == ("R-MUNICIPALITY", "municipality")
    with pytest.raises(RuleViolation, match="Atlantis"), read_only(admin_db) as s:
        directory.contacts_for(s, "Atlantis")


def test_municipality_phone_is_validated_and_can_be_cleared(admin_db: Database) -> None:
    with pytest.raises(InvalidInput) as err, unit_of_work(admin_db, ADMIN) as s:
        directory.update_municipality(s, "Sorø", phone="fifty-seven")
    assert err.value.field == "phone"
    with unit_of_work(admin_db, ADMIN) as s:
        entry = directory.update_municipality(s, "Sorø", phone="57 87 60 00")
    assert (entry.phone, entry.version) == ("57 87 60 00", 2)
    with unit_of_work(admin_db, ADMIN) as s:
        entry = directory.update_municipality(s, "Sorø", phone="", expected_version=2)
    assert (entry.phone, entry.version) == (None, 3)


# -- conflicts -------------------------------------------------------------------------------------

def test_stale_contact_edit_names_who_changed_it(admin_db: Database) -> None:
    seen = contact_of(admin_db, "Køge", "acute_team")
    save(admin_db, OTHER_ADMIN, seen, phone="56 56 56 56")
    with pytest.raises(Conflict) as err:
        save(admin_db, ADMIN, seen, phone="11 22 33 44")
    assert err.value.who == OTHER_ADMIN
    assert err.value.when is not None
    assert f"changed by {OTHER_ADMIN} at" in err.value.message
    assert contact_of(admin_db, "Køge", "acute_team").phone == "56 56 56 56"


def test_stale_municipality_edit_names_who_changed_it(admin_db: Database) -> None:
    with read_only(admin_db) as s:
        version = directory.get_municipality(s, "Lejre").version
    with unit_of_work(admin_db, OTHER_ADMIN) as s:
        directory.update_municipality(s, "Lejre", four_daily_agreement=True,
                                      expected_version=version)
    with pytest.raises(Conflict) as err, unit_of_work(admin_db, ADMIN) as s:
        directory.update_municipality(s, "Lejre", phone="46 46 46 46", expected_version=version)
    assert err.value.who == OTHER_ADMIN
    with read_only(admin_db) as s:
        assert directory.get_municipality(s, "Lejre").phone is None


def test_two_admin_desks_edit_the_same_contact_one_wins(admin_db: Database) -> None:
    """Both desks loaded version N. Desk A saves and holds its transaction open; desk B's save
    waits for A's row lock (PostgreSQL FOR UPDATE; SQLite BEGIN IMMEDIATE), then sees A's new
    version and gets a Conflict naming A — never a silent overwrite."""
    seen = contact_of(admin_db, "Næstved", "acute_team")
    a_saved, release_a = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def desk(user: str, phone: str, first: bool) -> None:
        try:
            if not first:
                a_saved.wait(10)
            with unit_of_work(admin_db, user) as s:
                directory.save_contact(s, seen.id, municipality="Næstved", team="acute_team",
                                       name=seen.name, phone=phone, hours=seen.hours,
                                       note=seen.note, active=True, expected_version=seen.version)
                if first:
                    a_saved.set()
                    release_a.wait(10)
            outcome[user] = "saved"
        except Exception as exc:
            outcome[user] = exc

    threads = [threading.Thread(target=desk, args=(ADMIN, "11 11 11 11", True)),
               threading.Thread(target=desk, args=(OTHER_ADMIN, "22 22 22 22", False))]
    for t in threads:
        t.start()
    assert a_saved.wait(10)
    time.sleep(0.3)
    assert threads[1].is_alive(), "desk B should be waiting for desk A's lock"
    release_a.set()
    for t in threads:
        t.join(15)
    assert outcome[ADMIN] == "saved"
    assert isinstance(outcome[OTHER_ADMIN], Conflict), outcome
    assert outcome[OTHER_ADMIN].who == ADMIN
    stored = contact_of(admin_db, "Næstved", "acute_team")
    assert (stored.phone, stored.version) == ("11 11 11 11", seen.version + 1)


# -- R-FREQ follows the admin's switch -------------------------------------------------------------

def test_R_FREQ_municipality_switched_to_4x_by_an_admin_allows_4x_municipal(
        admin_db: Database) -> None:
    add_ward_staff(admin_db)
    day = date(2026, 11, 23)
    with pytest.raises(RuleViolation) as err, unit_of_work(admin_db, DOCTOR) as s:
        admit(s, parse_referral(referral(day, **FOUR_A_DAY)))  # Sorø: no agreement yet
    assert (err.value.rule_id, err.value.field) == ("R-FREQ", "regimen[0].doses_per_day")
    with unit_of_work(admin_db, ADMIN) as s:
        assert directory.update_municipality(s, "Sorø", four_daily_agreement=True
                                             ).four_daily_agreement
    with unit_of_work(admin_db, DOCTOR) as s:
        result = admit(s, parse_referral(referral(day, **FOUR_A_DAY)))
    assert result.tariff == "AB4X"
    with unit_of_work(admin_db, ADMIN) as s:  # and back: 4x is refused again
        directory.update_municipality(s, "Sorø", four_daily_agreement=False)
    with pytest.raises(RuleViolation, match="Sorø has no agreement"), \
            unit_of_work(admin_db, DOCTOR) as s:
        admit(s, parse_referral(referral(day, **FOUR_A_DAY, **{"patient.cpr": "020250-1234"})))


# -- the CLI ---------------------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


@pytest.fixture
def cli_db(sqlite_url: str, sqlite_db: Database) -> str:
    add_staff(sqlite_db, ADMIN, Role.ADMIN)
    add_staff(sqlite_db, "NUR", Role.E_NURSE)
    return sqlite_url


def test_cli_lists_the_directory(capsys: pytest.CaptureFixture[str], cli_db: str) -> None:
    code, payload = run(capsys, "directory", "--database", cli_db, "--json")
    assert code == 0
    assert len(payload) == 17
    assert set(payload[0]) == {"id", "name", "main_town", "phone", "four_daily_agreement",
                               "version", "contacts"}
    code, payload = run(capsys, "--database", cli_db, "directory", "--municipality", "Sorø",
                        "--json")
    assert code == 0
    assert [e["name"] for e in payload] == ["Sorø"]
    assert [c["team"] for c in payload[0]["contacts"]] == ["acute_team", "home_nursing"]
    code, payload = run(capsys, "directory", "--municipality", "Atlantis", "--database", cli_db,
                        "--json")
    assert code == 2
    assert payload["error"]["code"] == "R-MUNICIPALITY"


def test_cli_set_municipality(capsys: pytest.CaptureFixture[str], cli_db: str) -> None:
    args = ("--database", cli_db, "--json")
    code, payload = run(capsys, "directory", "set-municipality", "Sorø", "--four-daily", "yes",
                        "--phone", "57 87 60 00", "--user", ADMIN, *args)
    assert code == 0
    assert (payload["four_daily_agreement"], payload["phone"], payload["version"]) == (
        True, "57 87 60 00", 2)
    code, payload = run(capsys, "directory", "set-municipality", "Sorø", "--four-daily", "no",
                        "--version", "1", "--user", ADMIN, *args)
    assert code == 3
    assert payload["error"]["code"] == "CONFLICT"
    assert f"changed by {ADMIN}" in payload["error"]["message"]
    code, payload = run(capsys, "directory", "set-municipality", "Sorø", "--four-daily", "no",
                        "--user", "NUR", *args)
    assert code == 2
    assert payload["error"]["code"] == "FORBIDDEN"
    assert payload["error"]["field"] == "user"
    assert "needs the role admin" in payload["error"]["message"]


def test_cli_set_contact(capsys: pytest.CaptureFixture[str], cli_db: str) -> None:
    args = ("--database", cli_db, "--user", ADMIN, "--json")
    code, added = run(capsys, "directory", "set-contact", "--municipality", "Sorø", "--team",
                      "other", "--name", "Visitationen Sorø", "--phone", "00 00 15 09", *args)
    assert code == 0
    assert (added["name"], added["active"], added["version"]) == ("Visitationen Sorø", True, 1)
    code, changed = run(capsys, "directory", "set-contact", str(added["id"]), "--phone",
                        "00 00 15 10", "--inactive", "--version", "1", *args)
    assert code == 0
    assert (changed["name"], changed["phone"], changed["active"], changed["version"]) == (
        "Visitationen Sorø", "00 00 15 10", False, 2)
    code, payload = run(capsys, "directory", "set-contact", str(added["id"]), "--active",
                        "--version", "1", *args)
    assert code == 3
    assert payload["error"]["code"] == "CONFLICT"
    code, payload = run(capsys, "directory", "set-contact", str(added["id"]), "--phone",
                        "ring me", *args)
    assert code == 2
    assert payload["error"]["code"] == "INPUT"
    assert payload["error"]["field"] == "phone"
    code, payload = run(capsys, "directory", "set-contact", "--municipality", "Sorø", "--team",
                        "other", "--phone", "00 00 15 11", *args)
    assert code == 2
    assert payload["error"]["field"] == "name"
    code, payload = run(capsys, "directory", "set-contact", "9999", "--phone", "00 00 15 11",
                        *args)
    assert code == 2
    assert payload["error"]["code"] == "NOT_FOUND"
