"""What PostgreSQL itself enforces, whoever connects (issue 21).

The console checks every rule before it writes, but a person with ``psql`` and their own login
bypasses the console. These functions and triggers make the database hold the rules that matter
most for trust, whatever the client:

- **who is acting**: a ward login (``ew_<ward>_<initials>``, ``console.dbnames``) is the person;
  the console's ``eward.user`` setting is believed only on the owner's own connection (the
  embedded/demo case, and set-up), never on a ward login's;
- **signatures only by doctors** (R-SIGNED): only a member of the ward's e-doctor group can set
  a round's signed state; the signer and the time are the session's own login and ``now()``,
  never what the client wrote; a round without the signed state carries no signer; a signed
  round's note is read-only (only its place in the day's list may move); an addendum's author
  and time are likewise the session's;
- **the access log**: written only through ``eward_log_access`` (SECURITY DEFINER), which stamps
  the person and the time itself; no login has INSERT on ``access_event`` or ``audit_event``;
- **append-only**: nobody, the owner included, updates or deletes audit or access rows, except
  the retention purge (``eward_purge_access_log``), which an admin may run and which never
  deletes rows younger than three years (EHDS art. 9) and leaves an audit row of its own;
- **messages kept as received or sent** (R-MESSAGE): only a draft is deleted, with its files;
  the bytes received and a message's direction never change.

The schema owner can still drop these triggers: that power, and its control, are in
``docs/safety/hazard-log.md``. All of this is PostgreSQL only; the embedded SQLite database has
one local user and relies on the console's checks.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, text

from console import dbnames

RETENTION_FLOOR_YEARS = 3
APPEND_ONLY = ("audit_event", "access_event")
ACCESS_PURPOSES = ("view", "print", "export", "emergency")
# A signed round's columns that stay as signed (R-SIGNED); only its place in the list may move.
SIGNED_COLUMNS = ("admission_id", "round_date", "status", "doctor", "nurse", "participants",
                  "prep_notes", "subjective", "objective", "assessment", "plan", "decision",
                  "crp_other_day_reason", "signed_by", "signed_at")
GUARD_TRIGGERS = {  # trigger name -> table
    "eward_round_guard": "ward_round",
    "eward_addendum_guard": "round_addendum",
    "eward_append_only": "access_event",
    "eward_message_guard": "message",
    "eward_attachment_guard": "message_attachment",
}


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def guard_functions(database: str) -> tuple[str, ...]:
    """The guard functions of this ward's database (the ward's role names are baked in)."""
    prefix = dbnames.login_prefix(database)
    group = dbnames.GROUP_PREFIX + dbnames.ward_key(database) + "_"
    frozen_old = ", ".join(f"OLD.{c}" for c in SIGNED_COLUMNS)
    frozen_new = ", ".join(f"NEW.{c}" for c in SIGNED_COLUMNS)
    purposes = ", ".join(_lit(p) for p in ACCESS_PURPOSES)
    return (
        f"""
CREATE OR REPLACE FUNCTION eward_login_initials() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN starts_with(session_user::text, {_lit(prefix)})
                   AND length(session_user::text) > {len(prefix)}
              THEN upper(substr(session_user::text, {len(prefix) + 1})) END
$$""",
        f"""
CREATE OR REPLACE FUNCTION eward_is_member(suffix text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {_lit(group)} || suffix) THEN
    RETURN false;
  END IF;
  RETURN pg_has_role(session_user, {_lit(group)} || suffix, 'MEMBER');
END $$""",
        """
CREATE OR REPLACE FUNCTION eward_is_ward_login() RETURNS boolean
LANGUAGE sql STABLE AS $$
  -- a person's own login (not the owner's connection: set-up, the embedded demo)
  SELECT eward_login_initials() IS NOT NULL OR eward_is_member('staff')
$$""",
        r"""
CREATE OR REPLACE FUNCTION eward_acting_user() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  me text := eward_login_initials();
BEGIN
  IF me IS NOT NULL THEN
    RETURN me;
  END IF;
  IF eward_is_member('staff') THEN  -- a ward member under another name: its own name
    RETURN upper(left(session_user::text, 16));
  END IF;
  RETURN nullif(current_setting('eward.user', true), '');
END $$""",
        f"""
CREATE OR REPLACE FUNCTION eward_round_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ward_login boolean := eward_is_ward_login();
BEGIN
  IF NOT ward_login THEN
    RETURN NEW;  -- the owner's own connection (set-up, the embedded demo): see the hazard log
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'signed' THEN
    IF ROW({frozen_new}) IS DISTINCT FROM ROW({frozen_old}) THEN
      RAISE EXCEPTION 'round % is signed and read-only; add an addendum (R-SIGNED)', OLD.id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = 'signed' THEN
    IF NOT eward_is_member('e_doctor') THEN
      RAISE EXCEPTION 'only an e-doctor signs a round (R-SIGNED)'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.signed_by := eward_acting_user();
    NEW.signed_at := now();
  ELSIF NEW.signed_by IS NOT NULL OR NEW.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a round carries a signer only when a doctor signs it (R-SIGNED)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$""",
        r"""
CREATE OR REPLACE FUNCTION eward_addendum_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF eward_is_ward_login() THEN
    NEW.written_by := eward_acting_user();
    NEW.written_at := now();
  END IF;
  RETURN NEW;
END $$""",
        r"""
CREATE OR REPLACE FUNCTION eward_message_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT eward_is_ward_login() THEN
    RETURN COALESCE(NEW, OLD);  -- the owner's own connection (set-up, the embedded demo)
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'drafted' THEN
      RAISE EXCEPTION 'message % is %, not a draft: only a draft is ever deleted (R-MESSAGE)',
        OLD.id, OLD.state USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.raw IS NOT NULL AND NEW.raw IS DISTINCT FROM OLD.raw
     OR NEW.direction IS DISTINCT FROM OLD.direction THEN
    RAISE EXCEPTION 'message % is kept as it was received or sent (R-MESSAGE)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$""",
        r"""
CREATE OR REPLACE FUNCTION eward_attachment_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF eward_is_ward_login()
     AND (SELECT state FROM message WHERE id = OLD.message_id) <> 'drafted' THEN
    RAISE EXCEPTION 'the files of message % are kept: only a draft''s are removed (R-MESSAGE)',
      OLD.message_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$""",
        f"""
CREATE OR REPLACE FUNCTION eward_log_access(p_patient integer, p_admission integer,
    p_purpose text, p_roles text, p_reason text, p_flagged boolean, p_until timestamptz)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  new_id bigint;
BEGIN
  IF p_purpose NOT IN ({purposes}) THEN
    RAISE EXCEPTION 'unknown access purpose' USING ERRCODE = 'check_violation';
  END IF;
  IF p_purpose = 'emergency' AND coalesce(btrim(p_reason), '') = '' THEN
    RAISE EXCEPTION 'a break-the-glass access needs a reason' USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO access_event (at, "user", patient_id, admission_id, purpose, roles, reason,
                            flagged, until)
  VALUES (now(), eward_acting_user(), p_patient, p_admission, p_purpose, left(p_roles, 80),
          p_reason, coalesce(p_flagged, false) OR p_purpose = 'emergency', p_until)
  RETURNING id INTO new_id;
  RETURN new_id;
END $$""",
        f"""
CREATE OR REPLACE FUNCTION eward_purge_access_log(p_before timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  gone bigint;
BEGIN
  IF eward_is_ward_login()
     AND NOT eward_is_member('admin') THEN
    RAISE EXCEPTION 'only an admin purges the access log'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_before > now() - interval '{RETENTION_FLOOR_YEARS} years' THEN
    RAISE EXCEPTION 'the access log is kept at least {RETENTION_FLOOR_YEARS} years'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('eward.purge', 'on', true);
  DELETE FROM access_event WHERE at < p_before;
  GET DIAGNOSTICS gone = ROW_COUNT;
  PERFORM set_config('eward.purge', 'off', true);
  INSERT INTO audit_event (at, "user", table_name, row_id, action, after)
  VALUES (now(), eward_acting_user(), 'access_event', 'before ' || p_before::text, 'purge',
          json_build_object('deleted', gone)::text);
  RETURN gone;
END $$""",
        r"""
CREATE OR REPLACE FUNCTION eward_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'access_event'
     AND current_setting('eward.purge', true) = 'on'
     AND current_user = (SELECT tableowner FROM pg_tables
                          WHERE tablename = 'access_event' AND schemaname = current_schema()) THEN
    RETURN NULL;  -- the retention purge, inside eward_purge_access_log only
  END IF;
  RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$""",
    )


def _triggers() -> tuple[str, ...]:
    statements = [
        "DROP TRIGGER IF EXISTS eward_round_guard ON ward_round",
        "CREATE TRIGGER eward_round_guard BEFORE INSERT OR UPDATE ON ward_round "
        "FOR EACH ROW EXECUTE FUNCTION eward_round_guard()",
        "DROP TRIGGER IF EXISTS eward_addendum_guard ON round_addendum",
        "CREATE TRIGGER eward_addendum_guard BEFORE INSERT OR UPDATE ON round_addendum "
        "FOR EACH ROW EXECUTE FUNCTION eward_addendum_guard()",
        "DROP TRIGGER IF EXISTS eward_message_guard ON message",
        "CREATE TRIGGER eward_message_guard BEFORE UPDATE OR DELETE ON message "
        "FOR EACH ROW EXECUTE FUNCTION eward_message_guard()",
        "DROP TRIGGER IF EXISTS eward_attachment_guard ON message_attachment",
        "CREATE TRIGGER eward_attachment_guard BEFORE DELETE ON message_attachment "
        "FOR EACH ROW EXECUTE FUNCTION eward_attachment_guard()",
    ]
    for table in APPEND_ONLY:
        statements += [
            f"DROP TRIGGER IF EXISTS eward_append_only ON {table}",
            f"CREATE TRIGGER eward_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION eward_refuse_change()",
        ]
    return tuple(statements)


def _statements(database: str) -> tuple[str, ...]:
    return (*guard_functions(database), *_triggers())


def _stamp(database: str) -> str:
    """What the installed guards are: a digest of their SQL (for this database's names)."""
    return "eward-guards " + hashlib.sha256("\n".join(_statements(database)).encode()
                                            ).hexdigest()[:16]


def _database(conn: Connection) -> str:
    return str(conn.execute(text("SELECT current_database()")).scalar_one())


def install_guards(conn: Connection) -> None:
    """(Re)create the guard functions and triggers (PostgreSQL; idempotent)."""
    database = _database(conn)
    for sql in _statements(database):
        conn.exec_driver_sql(sql.replace("%", "%%"))
    conn.exec_driver_sql(f"COMMENT ON FUNCTION eward_acting_user() IS {_lit(_stamp(database))}")


def guards_present(conn: Connection) -> bool:
    """The guards of this version are installed (checked at every start: cheap, no locks)."""
    stamp = conn.execute(text(
        "SELECT obj_description(p.oid, 'pg_proc') FROM pg_proc p "
        "JOIN pg_namespace s ON s.oid = p.pronamespace "
        "WHERE p.proname = 'eward_acting_user' AND s.nspname = current_schema()")).scalar()
    if stamp != _stamp(_database(conn)):
        return False
    found = {(str(t), str(n)) for t, n in conn.execute(text(
        "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace s ON s.oid = c.relnamespace "
        "WHERE s.nspname = current_schema() AND t.tgname LIKE 'eward\\_%'"))}
    wanted = {(table, name) for name, table in GUARD_TRIGGERS.items()}
    wanted.add(("audit_event", "eward_append_only"))
    return wanted <= found

