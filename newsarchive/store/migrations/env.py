"""Alembic environment for the archive: migrates the connection open_archive() hands over, or a URL.

open_archive() passes its own connection in `config.attributes["connection"]` (already set up for a
write transaction). From the command line, the database comes from `-x db=PATH_OR_URL` or the config's
sqlalchemy.url (the store reads no environment; the CLI's `$NEWSARCHIVE_DB` is not consulted here).
"""

from alembic import context

from newsarchive.store.engine import BEGIN_OPTION, database_url, make_engine
from newsarchive.store.models import Base


def _is_fulltext(name, type_, *_args):
    # The SQLite full-text table and its shadow tables are created by hand, not from the models.
    return not (type_ == "table" and name and name.startswith("articles_fts"))


def _migrate(connection):
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        include_name=_is_fulltext,
    )
    with context.begin_transaction():
        context.run_migrations()


def _command_line_url():
    config = context.config
    db = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    if not db:
        raise SystemExit("alembic: name the archive with -x db=PATH_OR_URL")
    return database_url(db)


connection = context.config.attributes.get("connection")
if connection is not None:
    _migrate(connection)
else:
    engine = make_engine(_command_line_url())
    try:
        with engine.connect() as connection:
            _migrate(connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}))
    finally:
        engine.dispose()
