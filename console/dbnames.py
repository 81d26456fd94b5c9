"""The PostgreSQL names of a ward's roles and logins: qualified by the ward's database (issue 21).

PostgreSQL roles belong to the whole server, not to one database. If two wards share a server,
fixed names (``ew_abe``, ``eward_staff``) would let one ward's login open the other's database
and let ``user add`` in one ward reset a person's password in the other. So every name carries
the ward's key, derived from its database name:

- the ward key: the database name in lower case, letters, digits and ``_`` only, at most 24
  characters; when that loses anything (other characters, a longer name) a 6-hex digest of the
  full name is appended, so two databases never share a key;
- groups: ``eward_<key>_staff`` and ``eward_<key>_<role>`` (``e_doctor``, ``e_nurse``, …);
- a person's login: ``ew_<key>_<initials>`` (initials in lower case).

Each role also carries a comment naming its database (``console.dbroles`` checks it before it
touches a role, so a key collision is refused, never silently shared).
"""

from __future__ import annotations

import hashlib
import re

LOGIN_PREFIX = "ew_"
GROUP_PREFIX = "eward_"
KEY_LENGTH = 24
_INITIALS = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,11}$")
ROLE_SUFFIXES = ("staff", "e_doctor", "e_nurse", "dispatcher", "logistics", "admin")


class RolesError(Exception):
    """A role or login request that cannot be carried out (said in one sentence)."""


def ward_key(database: str) -> str:
    """``eward_ward_a`` → ``eward_ward_a``; ``Ward-A`` → ``ward_a_<digest>``."""
    if not database:
        raise RolesError("The database has no name, so its logins cannot be named.")
    clean = re.sub(r"[^a-z0-9_]", "_", database.lower())
    if clean == database and len(clean) <= KEY_LENGTH:
        return clean
    digest = hashlib.sha256(database.encode()).hexdigest()[:6]
    return f"{clean[:KEY_LENGTH - 7]}_{digest}"


def group_role(database: str, suffix: str) -> str:
    """The ward's group role for ``staff`` or a console role code (``e_doctor``…)."""
    if suffix not in ROLE_SUFFIXES:
        raise RolesError(f"'{suffix}' is not a ward role.")
    return f"{GROUP_PREFIX}{ward_key(database)}_{suffix}"


def login_prefix(database: str) -> str:
    return f"{LOGIN_PREFIX}{ward_key(database)}_"


def login_name(initials: str, database: str) -> str:
    """The person's own login in this ward's database (``ABE`` in ``ward_a`` → ``ew_ward_a_abe``)."""
    if not _INITIALS.match(initials):
        raise RolesError(f"'{initials}' cannot be a login: initials are 1-12 letters or digits, "
                         "starting with a letter.")
    return login_prefix(database) + initials.lower()


def initials_of_login(username: str | None, database: str) -> str | None:
    """The initials of a ward login of this database; None for any other user."""
    prefix = login_prefix(database)
    if username and username.startswith(prefix) and len(username) > len(prefix):
        return username[len(prefix):].upper()
    return None
