"""Open a database by URL: SQLite (WAL, foreign keys, explicit BEGIN) or PostgreSQL, migrated to head."""
from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import InputError
from ..settings import get_settings

DEFAULT_URL = "sqlite:///extractor.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Serialises concurrent first opens of one PostgreSQL database (any constant works).
_PG_MIGRATION_LOCK = 0x6578_7472


def resolve_url(url: str | None) -> str:
    """The URL given, else EXTRACTOR_DB, else an SQLite file in the working directory."""
    return url or get_settings().db or DEFAULT_URL


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # pysqlite's own BEGIN handling is off so that ours (below) is the only one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000",
                       "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        # Writers take the lock up front: a deferred BEGIN that later upgrades to a write fails
        # with "database is locked" at once instead of waiting for busy_timeout.
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, pool_size: int | None = None) -> Engine:
    """An Engine for `url`; raises InputError naming the URL when it cannot be understood.
    pool_size (PostgreSQL): connections held at most, overflow included; None: 10 + 20."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(url, "store", "not a database URL",
                         "Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/db.") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 30})
        _sqlite_hooks(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we install
        # A fixed pool per process (API workers share the server's max_connections): callers
        # beyond it wait for a connection instead of opening more.
        size, overflow = (10, 20) if pool_size is None else (max(1, pool_size), 0)
        return create_engine(parsed, pool_size=size, max_overflow=overflow, pool_pre_ping=True)
    raise InputError(url, "store", f"unsupported database {parsed.get_backend_name()!r}",
                     "Use an sqlite:/// or postgresql+psycopg:// URL.")


def missing_sqlite_file(url: str) -> None:
    """Raise InputError when `url` is an SQLite file that does not exist (for commands that read)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # make_engine says what is wrong with it
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    if not Path(parsed.database).expanduser().exists():
        raise InputError(url, "store", f"no store at {parsed.database} (the file does not exist)",
                         "Check the path or EXTRACTOR_DB; to start an empty store there, add --create "
                         "(ingest and batch --db create it too).")


def _search_path(url: URL) -> str | None:
    """The schema named by `?options=-csearch_path=NAME` (the libpq way to choose one)."""
    options = url.query.get("options") or ""
    options = options if isinstance(options, str) else " ".join(options)
    match = re.search(r"search_path\s*=\s*([^\s,]+)", options)
    return match[1].strip('"') if match else None


def missing_schema(url: URL) -> InputError:
    """The error for a PostgreSQL URL whose search_path names a schema that does not exist."""
    schema = _search_path(url)
    plain = url.set(drivername="postgresql", query={}).render_as_string(hide_password=True)
    name = f'"{schema}"' if schema else "NAME"
    return InputError(url.render_as_string(hide_password=True), "store",
                      f"the schema {schema or 'in the search_path'} does not exist",
                      f"Create it first: psql {plain} -c 'CREATE SCHEMA {name};' "
                      "(or run CREATE SCHEMA in any SQL client), then run this again.")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
