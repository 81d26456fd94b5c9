"""The care plan as a PDF for the municipality, the patient's name and CPR on every page
(R-MESSAGE: printouts carry the CPR on every page; R-CAREPLAN).

A plain text PDF (PDF 1.4, Helvetica in WinAnsi, so Danish letters print) written without a
GUI toolkit, so the service can attach it to the message it drafts. Lines are wrapped to the
page; a page header names the patient, the CPR and "page n of m".
"""

from __future__ import annotations

import textwrap

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN, LEADING, FONT_SIZE = 56, 14, 10
WRAP = 92  # characters a line of 10 pt Helvetica holds between the margins
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN - 3 * LEADING) // LEADING


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _lines(text: str) -> list[str]:
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        out.extend(textwrap.wrap(paragraph, WRAP) or [""])
    return out


def header_text(name: str, cpr: str, page: int, pages: int) -> str:
    return f"{name}   CPR {cpr}   Plejeforløbsplan   side {page} af {pages}"


def care_plan_pdf(text: str, *, name: str, cpr: str, title: str = "Plejeforløbsplan") -> bytes:
    """A4 pages of ``text`` under ``title``; every page starts with the name and the CPR."""
    lines = _lines(text)
    chunks = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    streams = []
    for n, chunk in enumerate(chunks, start=1):
        y = PAGE_H - MARGIN
        ops = [b"BT", b"/F1 9 Tf", f"{MARGIN} {y} Td".encode(),
               b"(" + _escape(header_text(name, cpr, n, len(chunks))) + b") Tj", b"ET",
               b"BT", f"/F1 {FONT_SIZE + 3} Tf".encode(),
               f"{MARGIN} {y - 2 * LEADING} Td".encode(), b"(" + _escape(title) + b") Tj",
               f"/F1 {FONT_SIZE} Tf".encode(), f"{LEADING} TL".encode()]
        for line in chunk:
            ops.append(b"T* (" + _escape(line) + b") Tj")
        ops.append(b"ET")
        streams.append(b"\n".join(ops))
    return _document(streams)


def _document(streams: list[bytes]) -> bytes:
    """Catalog 1, Pages 2, Font 3, then a Page and its content stream per page."""
    count = len(streams)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>"]
    for i, stream in enumerate(streams):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
                       .encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream
                       + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe6\xf8\xe5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    return bytes(out)
