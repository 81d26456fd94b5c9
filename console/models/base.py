"""Declarative base, naming convention, UTC timestamps and the version column mixin."""

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import Column, DateTime, Enum, Index, Integer, MetaData, String, event, text
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, declared_attr, mapped_column, object_session
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.types import TypeDecorator

# session.info key: the initials of the person whose unit of work this session is
# (``console.services.core.uow`` sets it; the database's audit trigger and the stamps read it).
USER_KEY = "eward_user"

# Set before the first migration so every constraint has a stable, predictable name
# (Alembic naming.rst); SQLite batch migrations depend on it.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC instants on every backend.

    PostgreSQL stores ``timestamptz``; SQLite stores text, which comes back naive, so it is
    re-labelled as UTC on the way out. Naive values are refused on the way in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store timezone-aware UTC")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: VARCHAR + CHECK constraint holding the enum's *values*."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(str(m.value)) for m in enum_cls) + 8,
        values_callable=lambda cls: [str(m.value) for m in cls],
        validate_strings=True,
    )


_POSTGRESQL_WHERE: list[tuple[Index, str]] = []


def partial_index(name: str, *columns: str, where: str, unique: bool = False) -> Index:
    """An index over the rows ``where`` holds, on both databases.

    SQLite's condition is given here, PostgreSQL's by ``postgresql_partial_indexes()`` when a
    PostgreSQL database is opened: as a keyword here it loaded SQLAlchemy's PostgreSQL dialect
    and its four drivers on every SQLite desk's start (~30 ms; issue 17).
    """
    index = Index(name, *columns, unique=unique, sqlite_where=text(where))
    _POSTGRESQL_WHERE.append((index, where))
    return index


def postgresql_partial_indexes() -> None:
    """Give the partial indexes their PostgreSQL condition (idempotent)."""
    for index, where in _POSTGRESQL_WHERE:
        index.dialect_options["postgresql"]["where"] = text(where)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


def columns(model: type[Base]) -> ReadOnlyColumnCollection[str, Column[Any]]:
    """A mapped class's table columns, for reads that need rows and not objects.

    A statement of these compiles as plain Core: the ORM's mappers need not be configured first
    (about 60 ms of pure Python that the first ORM statement of a process pays). The census and
    what it reads use them, so a desk paints its census before the mappers are configured
    (issue 17: the cold start); the first ORM statement configures them later, on the worker.
    """
    return model.__table__.c  # type: ignore[return-value]  # a Table's columns are Columns


class Versioned:
    """Rows a person edits: an optimistic-lock counter plus who changed the row last and when.

    SQLAlchemy's ``version_id_col`` makes every UPDATE check the version it read; services also
    compare the version an edit was *based on* and raise ``Conflict(who, when)`` (design rule 5).
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_by: Mapped[str | None] = mapped_column(String(16), nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr receives the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


@event.listens_for(Versioned, "before_insert", propagate=True)
@event.listens_for(Versioned, "before_update", propagate=True)
def _stamp_versioned(_mapper: Mapper[Any], _conn: Connection, target: Versioned) -> None:
    """Who changed the row last and when, for the conflict message (design rule 5)."""
    session = object_session(target)
    if session is not None and target in session.dirty \
            and not session.is_modified(target, include_collections=False):
        return  # flushed for a relationship only: the row's own columns did not change
    user = session.info.get(USER_KEY) if session is not None else None
    target.updated_at = datetime.now(UTC)
    target.updated_by = user if isinstance(user, str) else None
