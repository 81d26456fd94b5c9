"""The audit trail and the change feed, written by the database itself (issue 13, issue 21).

Every INSERT, UPDATE and DELETE on a ward table, whoever issues it (an ORM flush, a bulk
statement, ``psql``), writes in the same transaction
- one ``change_log`` row (table, row id, the admission it belongs to): other desks watch it, and
- one ``audit_event`` row with the before/after of the changed columns,
from a row trigger. On PostgreSQL the trigger function runs with its owner's rights
(``SECURITY DEFINER``), so a login needs no INSERT on either table and cannot forge a row; it
also sends ``NOTIFY eward_change`` (delivered at commit). The person is the database login
(``ew_<ward>_<initials>``) when there is one, else what the console set for the transaction
(``eward.user``; believed only on the owner's own connection: ``console.db_guards``).

On SQLite the trigger calls ``eward_user()``, a function registered on each connection that
answers with the person of the current unit of work.

``sync_audit_triggers`` (re)creates what is missing or stale from the live schema; it runs after
every migration, so a migration that adds or changes a table needs no trigger code of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from console import db_guards

FEED_TABLES = frozenset({"change_log", "audit_event", "access_event", "alembic_version"})
NOTIFY_CHANNEL = "eward_change"
USER_SETTING = "eward.user"  # PostgreSQL: the console's person for this transaction
SQLITE_USER_FUNCTION = "eward_user"


@dataclass(frozen=True)
class TableShape:
    name: str
    columns: tuple[str, ...]
    primary_key: tuple[str, ...]

    @property
    def admission_column(self) -> str | None:
        if self.name == "admission":
            return "id"
        return "admission_id" if "admission_id" in self.columns else None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


# -- the live schema -------------------------------------------------------------------------

def audited_shapes(conn: Connection) -> list[TableShape]:
    """Every ward table of the live database with its columns and primary key."""
    if conn.dialect.name == "sqlite":
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        shapes = []
        for name in names:
            if name in FEED_TABLES or name.startswith("_alembic"):
                continue
            info = conn.exec_driver_sql(f"PRAGMA table_info({_q(name)})").all()
            cols = tuple(str(r[1]) for r in info)
            pk = tuple(str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
            shapes.append(TableShape(name, cols, pk or cols))
        return shapes
    rows = conn.execute(text(
        "SELECT c.relname, a.attname, a.attnum, "
        "       coalesce((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
        "                 WHERE k.attnum = a.attnum), 0) AS pkpos "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema() "
        "ORDER BY c.relname, a.attnum")).all()
    by_table: dict[str, list[tuple[str, int]]] = {}
    for table, column, _num, pkpos in rows:
        by_table.setdefault(str(table), []).append((str(column), int(pkpos or 0)))
    pg_shapes = []
    for table, found in sorted(by_table.items()):
        if table in FEED_TABLES:
            continue
        columns = tuple(name for name, _pos in found)
        keyed = sorted((pos, name) for name, pos in found if pos)
        pg_shapes.append(TableShape(table, columns, tuple(name for _pos, name in keyed) or columns))
    return pg_shapes


# -- SQLite: a trigger per table and action, columns spelled out -------------------------------

_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"


def _sqlite_row_id(shape: TableShape, ref: str) -> str:
    return " || ',' || ".join(f"CAST({ref}.{_q(c)} AS TEXT)" for c in shape.primary_key)


def _sqlite_admission(shape: TableShape, ref: str) -> str:
    column = shape.admission_column
    return f"{ref}.{_q(column)}" if column else "NULL"


def _sqlite_object(shape: TableShape, ref: str) -> str:
    return "json_object(" + ", ".join(f"{_lit(c)}, {ref}.{_q(c)}" for c in shape.columns) + ")"


def sqlite_trigger_sql(shape: TableShape) -> dict[str, str]:
    """The three triggers of one table: name → CREATE TRIGGER statement."""
    t = _q(shape.name)
    name = _lit(shape.name)
    user = f"{SQLITE_USER_FUNCTION}()"

    def feed(action: str, ref: str, before: str, after: str, source: str = "") -> str:
        rid, adm = _sqlite_row_id(shape, ref), _sqlite_admission(shape, ref)
        log = (f"INSERT INTO change_log (at, table_name, row_id, action, \"user\", admission_id) "
               f"VALUES ({_SQLITE_NOW}, {name}, {rid}, '{action}', {user}, {adm});")
        audit = (f"INSERT INTO audit_event (at, \"user\", table_name, row_id, action, "
                 f"admission_id, before, after) SELECT {_SQLITE_NOW}, {user}, {name}, {rid}, "
                 f"'{action}', {adm}, {before}, {after}{source};")
        return f"{log} {audit}"

    diff = " UNION ALL ".join(f"SELECT {_lit(c)} AS k, OLD.{_q(c)} AS o, NEW.{_q(c)} AS n"
                              for c in shape.columns)
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in shape.columns)
    prefix = f"eward_audit_{shape.name}"
    return {
        f"{prefix}_insert": (
            f"CREATE TRIGGER {prefix}_insert AFTER INSERT ON {t} BEGIN "
            + feed("insert", "NEW", "NULL", _sqlite_object(shape, "NEW")) + " END"),
        f"{prefix}_update": (
            f"CREATE TRIGGER {prefix}_update AFTER UPDATE ON {t} WHEN {changed} BEGIN "
            + feed("update", "NEW", "json_group_object(k, o)", "json_group_object(k, n)",
                   f" FROM ({diff}) WHERE o IS NOT n") + " END"),
        f"{prefix}_delete": (
            f"CREATE TRIGGER {prefix}_delete AFTER DELETE ON {t} BEGIN "
            + feed("delete", "OLD", _sqlite_object(shape, "OLD"), "NULL") + " END"),
    }


def _sqlite_present(conn: Connection) -> dict[str, str]:
    return {str(name): str(sql) for name, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'eward_audit_%'"
    ).all()}


def _sqlite_wanted(shapes: Sequence[TableShape]) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for shape in shapes:
        wanted.update(sqlite_trigger_sql(shape))
    return wanted


def _pg_present(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute(text(
        "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE t.tgname = 'eward_audit' AND n.nspname = current_schema()"))}


def _sync_sqlite(conn: Connection, shapes: Sequence[TableShape]) -> int:
    present = _sqlite_present(conn)
    wanted = _sqlite_wanted(shapes)
    changed = 0
    for name in present.keys() - wanted.keys():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")
        changed += 1
    for name, sql in wanted.items():
        if present.get(name) != sql:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")
            conn.exec_driver_sql(sql)
            changed += 1
    return changed


# -- PostgreSQL: one function, a trigger per table ---------------------------------------------

PG_FUNCTIONS = (
    r"""
CREATE OR REPLACE FUNCTION eward_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  rec jsonb := coalesce(new_row, old_row);
  before_cols jsonb;
  after_cols jsonb;
  rid text;
  who text := eward_acting_user();
  adm integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(k, old_row -> k), jsonb_object_agg(k, new_row -> k)
      INTO before_cols, after_cols
      FROM jsonb_object_keys(new_row) AS k
     WHERE (old_row -> k) IS DISTINCT FROM (new_row -> k);
    IF after_cols IS NULL THEN
      RETURN NULL;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    after_cols := new_row;
  ELSE
    before_cols := old_row;
  END IF;
  SELECT string_agg(rec ->> c, ',' ORDER BY n) INTO rid
    FROM unnest(TG_ARGV) WITH ORDINALITY AS pk(c, n);
  adm := CASE WHEN TG_TABLE_NAME = 'admission' THEN (rec ->> 'id')::integer
              ELSE (rec ->> 'admission_id')::integer END;
  INSERT INTO change_log (at, table_name, row_id, action, "user", admission_id)
  VALUES (now(), TG_TABLE_NAME, coalesce(rid, '?'), lower(TG_OP), who, adm);
  INSERT INTO audit_event (at, "user", table_name, row_id, action, admission_id, before, after)
  VALUES (now(), who, TG_TABLE_NAME, coalesce(rid, '?'), lower(TG_OP), adm,
          before_cols::text, after_cols::text);
  PERFORM pg_notify('eward_change', TG_TABLE_NAME);
  RETURN NULL;
END $$""",
)


def _pg_trigger_sql(shape: TableShape) -> str:
    args = ", ".join(_lit(c) for c in shape.primary_key)
    return (f"CREATE TRIGGER eward_audit AFTER INSERT OR UPDATE OR DELETE ON {_q(shape.name)} "
            f"FOR EACH ROW EXECUTE FUNCTION eward_audit({args})")


def _sync_postgresql(conn: Connection, shapes: Sequence[TableShape]) -> int:
    db_guards.install_guards(conn)  # eward_acting_user() and the guards the audit relies on
    for sql in PG_FUNCTIONS:
        conn.exec_driver_sql(sql.replace("%", "%%"))
    present = _pg_present(conn)
    changed = 0
    for shape in shapes:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS eward_audit ON {_q(shape.name)}")
        conn.exec_driver_sql(_pg_trigger_sql(shape))
        changed += shape.name not in present
    return changed


def sync_audit_triggers(conn: Connection) -> int:
    """Create or refresh the audit triggers of every ward table; how many were (re)made."""
    shapes = audited_shapes(conn)
    if conn.dialect.name == "sqlite":
        return _sync_sqlite(conn, shapes)
    return _sync_postgresql(conn, shapes)


def audit_triggers_in_sync(conn: Connection) -> bool:
    """True when every ward table has its trigger (and, on SQLite, for its current columns)."""
    shapes = audited_shapes(conn)
    if conn.dialect.name == "sqlite":
        return _sqlite_present(conn) == _sqlite_wanted(shapes)
    return _pg_present(conn) >= {s.name for s in shapes}


def drop_audit_triggers(conn: Connection) -> None:
    """Remove every audit trigger (a downgrade below the revision that introduced them)."""
    if conn.dialect.name == "sqlite":
        for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'eward_audit_%'").all():
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_q(name)}")
        return
    for (table,) in conn.execute(text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'eward_audit'")).all():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS eward_audit ON {_q(table)}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS eward_audit()")
