"""What goes in a delivery: doses per regimen line plus the IV box (R-IVBOX). Pure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PackLine:
    regimen_id: int | None
    item: str
    quantity: int


# R-IVBOX: besides the medicine: patient information, infusion sets, 10 ml NaCl flushes, a sharps
# box and supplies for placing an IV access.
FLUSHES_PER_DOSE = 2


def packing_list(doses: list[tuple[int | None, str, int]]) -> list[PackLine]:
    """``doses`` are (regimen id, "drug dose", number of doses); the IV box items follow them."""
    lines = [PackLine(rid, label, n) for rid, label, n in doses if n > 0]
    total = sum(line.quantity for line in lines)
    if total == 0:
        return []
    return [
        *lines,
        PackLine(None, "infusion sets", total),
        PackLine(None, "10 ml NaCl flushes", FLUSHES_PER_DOSE * total),
        PackLine(None, "sharps box", 1),
        PackLine(None, "IV access supplies", 1),
        PackLine(None, "patient information", 1),
    ]


def describe(lines: list[PackLine]) -> str:
    return "; ".join(f"{line.item} × {line.quantity}" for line in lines)
