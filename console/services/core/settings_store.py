"""Shared configuration in the ``setting`` table, with typed accessors and defaults.

Numbers domain.md marks *configurable* live here, not in code.
"""

from __future__ import annotations

from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models.base import columns
from console.models.reference import Setting

DEFAULTS: dict[str, tuple[str, str]] = {
    "capacity": ("30", "Planned number of admitted patients (R-CAPACITY); over it warns only."),
    "supply_days_initial": ("7", "Days of medicine the transferring ward sends (R-SUPPLY)."),
    "crp_day": ("3", "Course day on which CRP is measured for IV antibiotics (R-CRP3)."),
    "municipal_window_start": ("07:00", "Earliest municipal administration (R-WINDOW)."),
    "municipal_window_end": ("23:00", "Latest municipal administration (R-WINDOW)."),
    "municipal_max_daily": ("3", "Municipal administrations a day without a 4x agreement (R-FREQ)."),
    "day_shift_start": ("07:00", "MBE day shift start (R-SHIFT)."),
    "day_shift_end": ("15:00", "MBE day shift end (R-SHIFT)."),
    "evening_shift_start": ("15:00", "MBE evening shift start (R-SHIFT)."),
    "evening_shift_end": ("23:00", "MBE evening shift end (R-SHIFT)."),
    "max_cars_per_shift": ("4", "Cars per base per shift at most (R-SHIFT)."),
    "break_minutes": ("0", "Length of each car crew's meal break, minutes (e.g. 30); 0: breaks are not "
                      "planned (R-BREAK)."),
    "break_window_from_minutes": ("180", "The break starts at the earliest this many minutes "
                                  "after the shift starts (R-BREAK)."),
    "break_window_to_minutes": ("360", "The break ends at the latest this many minutes after the "
                                "shift starts (R-BREAK)."),
    "replan_move_cost_km": ("5", "Re-planning: moving a visit to another car costs as much as "
                            "this much driving, so small changes win (issue 18)."),
    "e_nurse_hours_start": ("07:30", "E-nurse answers municipal nurses from (R-CONTACT)."),
    "e_nurse_hours_end": ("19:30", "E-nurse answers municipal nurses until (R-CONTACT)."),
    "contact_phone": ("70 20 42 00", "24/7 phone for municipal nurses (R-CONTACT)."),
    "admission_past_days": ("3", "An admission time at most this many days before now "
                            "(R-ADMIT-TIME: a year-old time is a typing slip)."),
    "admission_future_days": ("3", "An admission time at most this many days after now "
                              "(R-ADMIT-TIME)."),
    "max_course_days": ("90", "Longest regimen line, days from start to last dose (R-COURSE-LEN)."),
    "dose_window_minutes": ("60", "A dose visit's window: dose time ± this many minutes."),
    "visit_overdue_grace_minutes": ("30", "Minutes after a visit's window closes before an "
                                    "unregistered visit shows as overdue (R-REGISTER)."),
    "closed_systems": (
        "codan_mix_add,elastomeric_pump,cadd_pump,divibax",
        "Closed administration systems allowed (domain: list configurable).",
    ),
    "iv_access_types": ("pvk,cvk,picc,midline,vip", "IV access types allowed."),
    "first_visit_hours": ("3", "Length of the MBE first visit's time window, hours (R-FIRST)."),
    "escalation_ack_urgent_minutes": ("15", "Target to acknowledge an urgent escalation."),
    "escalation_resolve_urgent_minutes": ("120", "Target to resolve an urgent escalation."),
    "escalation_ack_today_minutes": ("60", "Target to acknowledge a same-day escalation."),
    "escalation_resolve_today_minutes": ("480", "Target to resolve a same-day escalation."),
    "escalation_ack_routine_minutes": ("240", "Target to acknowledge a routine escalation."),
    "escalation_resolve_routine_minutes": ("1440", "Target to resolve a routine escalation."),
    "access_log_retention_years": ("5", "Years to keep the access log (never under 3: EHDS "
                                   "art. 9)."),
    "record_days_after_discharge": ("30", "Days after discharge the clinical staff keep a role "
                                    "for a patient; later openings need a purpose."),
    "break_glass_hours": ("8", "Hours a break-the-glass opening lasts before a new purpose is "
                          "asked."),
    "organisation_name": ("Region Sjælland, eHospital", "The organisation named in access-log "
                          "exports (MinLog)."),
    "travel_road_factor": ("1.3", "Road distance over great-circle distance (travel-time provider)."),
    "delivery_run_start_base": ("", "Base the logistics run starts from (empty: the base "
                                "giving the shortest run)."),
    "travel_speed_kmh": ("65", "Average driving speed for planned travel times, km/h."),
    "medcom_outbox": ("", "Folder a VANS/EDI gateway picks MedCom messages up from (empty: "
                      "medcom/outbox in the data folder)."),
    "medcom_inbox": ("", "Folder received MedCom messages arrive in (empty: medcom/inbox in the "
                     "data folder)."),
    "medcom_ack_timeout_minutes": ("60", "Minutes after sending without an acknowledgement "
                                   "before a message shows red and is offered for resend "
                                   "(R-MESSAGE)."),
}


def get_float(session: Session, key: str) -> float:
    return float(get_setting(session, key))


def get_setting(session: Session, key: str) -> str:
    setting = columns(Setting)  # Core: the census reads one before the mappers are configured
    value = session.scalar(select(setting.value).where(setting.key == key))
    if value is not None:
        return value
    if key in DEFAULTS:
        return DEFAULTS[key][0]
    raise KeyError(key)


def get_int(session: Session, key: str) -> int:
    return int(get_setting(session, key))


def get_time(session: Session, key: str) -> time:
    return time.fromisoformat(get_setting(session, key))


def all_settings(session: Session) -> dict[str, str]:
    stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return {key: stored.get(key, default) for key, (default, _doc) in DEFAULTS.items()}


def get_list(session: Session, key: str) -> list[str]:
    return [item.strip() for item in get_setting(session, key).split(",") if item.strip()]
