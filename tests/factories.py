"""Test data builders: staff with roles and referral documents."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any

from console.db import Database
from console.models import Role, Staff, StaffRole
from console.services.core.uow import unit_of_work
from console.timeutil import LOCAL_TZ, now_utc

DOCTOR, NURSE, DISPATCHER = "DOC", "NUR", "DIS"


def add_staff(db: Database, initials: str, *roles: Role, name: str | None = None) -> None:
    with unit_of_work(db, "system") as s:
        staff = Staff(initials=initials, name=name or f"Test {initials}")
        staff.roles = [StaffRole(role=r) for r in roles]
        s.add(staff)


def add_ward_staff(db: Database) -> None:
    add_staff(db, DOCTOR, Role.E_DOCTOR, name="Dorthe Læge")
    add_staff(db, NURSE, Role.E_NURSE, name="Nina Sygeplejerske")
    add_staff(db, DISPATCHER, Role.DISPATCHER, name="Dennis Disponent")


def referral(day: date = date(2026, 11, 23), **overrides: Any) -> dict[str, Any]:
    """A valid referral (municipal, antibiotic 3x/day, 7 days) admitted at 10:00 local on ``day``,
    or a few minutes ago when that is still to come (tests run at any hour: a test of today's
    ward at 07:30 must not admit its patient in the future)."""
    at = min(datetime(day.year, day.month, day.day, 10, 0, tzinfo=LOCAL_TZ),
             now_utc().astimezone(LOCAL_TZ).replace(second=0, microsecond=0) - timedelta(minutes=5))
    doc: dict[str, Any] = {
        "patient": {
            "cpr": "010150-1234", "name": "Test Testesen", "address": "Testvej 1, 4700 Næstved",
            "municipality": "Sorø", "phone": "20 30 40 50", "gp": "Lægehuset Sorø",
            "relatives": [{"name": "Hanne Testesen", "phone": "21 31 41 51", "relation": "wife"}],
        },
        "admitted_at": at.isoformat(),
        "referred_by": "Medicinsk afdeling, Holbæk",
        "responsible_doctor": DOCTOR,
        "condition": "pneumonia",
        "consent": {"informed_by": DOCTOR, "at": (at - timedelta(minutes=30)).isoformat(),
                    "written_info_given": True},
        "provider": "municipality",
        "planned_end": (day + timedelta(days=6)).isoformat(),
        "regimen": [{
            "kind": "antibiotic", "drug": "Piperacillin/Tazobactam", "dose": "4 g",
            "doses_per_day": 3, "dose_times": ["08:00", "15:00", "22:00"],
            "system": "codan_mix_add", "iv_access": "picc",
            "first_dose_given_in_hospital": False, "start": day.isoformat(), "days": 7,
            "iv_access_remove_by": (day + timedelta(days=7)).isoformat(),
        }],
        "medication_list_updated": True,
    }
    for path, value in overrides.items():
        set_path(doc, path, value)
    return doc


def set_path(doc: dict[str, Any], path: str, value: Any) -> None:
    """``set_path(d, "regimen.0.doses_per_day", 4)``; value ``DELETE`` removes the key."""
    parts = path.split(".")
    target: Any = doc
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    last = parts[-1]
    if value is DELETE:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


DELETE = object()


def with_changes(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    new = copy.deepcopy(doc)
    for path, value in changes.items():
        set_path(new, path, value)
    return new
