"""Alembic environment: uses the caller's connection when given (console.db.upgrade)."""

from alembic import context
from sqlalchemy import create_engine

import console.models  # noqa: F401 - registers every table on the metadata
from console.models.base import Base, postgresql_partial_indexes

postgresql_partial_indexes()  # the partial indexes' conditions as PostgreSQL has them

config = context.config
target_metadata = Base.metadata


def _configure(connection):  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
