"""Subcommands of ``eward``, one module per area; each exposes ``register(add)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def register_all(add: Callable[..., Any]) -> None:
    from console.commands import (
        access_commands,
        course_commands,
        db_commands,
        dispatch_commands,
        escalation_commands,
        logistics_commands,
        message_commands,
        order_commands,
        print_commands,
        referral_commands,
        report_commands,
        rota_commands,
        round_commands,
        security_commands,
        tariff_commands,
        ward_commands,
    )

    db_commands.register(add)
    ward_commands.register(add)
    course_commands.register(add)
    round_commands.register(add)
    escalation_commands.register(add)
    logistics_commands.register(add)
    report_commands.register(add)
    security_commands.register(add)
    dispatch_commands.register(add)
    rota_commands.register(add)
    tariff_commands.register(add)
    message_commands.register(add)
    print_commands.register(add)
    referral_commands.register(add)
    access_commands.register(add)
    order_commands.register(add)
