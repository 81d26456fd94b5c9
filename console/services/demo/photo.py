"""The demo's one photograph: a drawn stand-in for a municipal nurse's picture of an IV site
(skin, a cannula's dressing, a red rim). A PNG made here, so the demo needs no image files.

It is a placeholder and looks like one: flat colours, no real patient.
"""

from __future__ import annotations

import functools
import struct
import zlib

WIDTH, HEIGHT = 240, 160
SKIN, DRESSING, REDNESS = (226, 184, 156), (245, 245, 240), (196, 74, 64)


def _pixel(x: int, y: int) -> tuple[int, int, int]:
    cx, cy = WIDTH // 2, HEIGHT // 2
    if abs(x - cx) < 34 and abs(y - cy) < 22:
        return DRESSING
    d = ((x - cx) / 70) ** 2 + ((y - cy) / 46) ** 2
    if d < 1:  # the red rim fades out towards healthy skin
        w = 1 - d
        return tuple(round(s + (r - s) * w) for s, r in zip(SKIN, REDNESS, strict=True))  # type: ignore[return-value]
    return SKIN


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


@functools.cache
def iv_site_png() -> bytes:
    rows = b"".join(b"\x00" + bytes(c for x in range(WIDTH) for c in _pixel(x, y))
                    for y in range(HEIGHT))
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b""))
