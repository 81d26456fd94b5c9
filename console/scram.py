"""A PostgreSQL SCRAM-SHA-256 password verifier, computed here (issue 21).

``CREATE ROLE … PASSWORD 'plain'`` puts the plaintext into the statement, and so into the
server log whenever the statement fails or statement logging is on. PostgreSQL accepts a
pre-hashed verifier instead (``SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>``,
RFC 5802/7677) and stores it as it is: the password never leaves this process.

PostgreSQL normalises a password with SASLprep (RFC 4013) before hashing and uses the raw bytes
when SASLprep refuses it; libpq does the same when it signs in, so this module must too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stringprep
import unicodedata

ITERATIONS = 4096  # PostgreSQL's default scram_iterations
_PROHIBITED = (stringprep.in_table_c12, stringprep.in_table_c21_c22, stringprep.in_table_c3,
               stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6,
               stringprep.in_table_c7, stringprep.in_table_c8, stringprep.in_table_c9)


def saslprep(password: str) -> bytes:
    """RFC 4013 as PostgreSQL applies it: the prepared bytes, or the raw UTF-8 when refused."""
    raw = password.encode("utf-8")
    if password.isascii():
        return raw
    mapped = "".join(" " if stringprep.in_table_c12(c) else c
                     for c in password if not stringprep.in_table_b1(c))
    prepared = unicodedata.normalize("NFKC", mapped)
    if not prepared or any(test(c) for c in prepared for test in _PROHIBITED):
        return raw
    rand_al = [stringprep.in_table_d1(c) for c in prepared]
    if any(rand_al) and (any(stringprep.in_table_d2(c) for c in prepared)
                         or not (rand_al[0] and rand_al[-1])):
        return raw
    return prepared.encode("utf-8")


def scram_verifier(password: str, *, salt: bytes | None = None,
                   iterations: int = ITERATIONS) -> str:
    """The verifier PostgreSQL stores for ``password`` (a fresh random salt unless given)."""
    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", saslprep(password), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"
