"""Alembic environment, driven by the app itself (core/store.py) and by the tests.

No fileConfig(): it would disable the app's own loggers.
"""

from alembic import context
from sqlalchemy import create_engine

from taskforce_desktop.core.models import Base

target_metadata = Base.metadata

# The FTS5 search index (its virtual table and shadow tables, made in 0002) is no model.
SEARCH_INDEX_TABLE = "search_index"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Keep autogenerate from proposing to drop the search index."""
    is_search_table = name == SEARCH_INDEX_TABLE or str(name).startswith(SEARCH_INDEX_TABLE + "_")
    return not (type_ == "table" and is_search_table)


def _configure_and_run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.begin() as own_connection:
        _configure_and_run(own_connection)


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported; the app migrates its own store.")
run_migrations_online()
