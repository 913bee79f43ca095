"""Opening juwei databases: SQLite by path (the embedded default) or any SQLAlchemy URL.

This module is the only place that knows SQLite pragmas and transaction modes. Every command's writes
run inside :meth:`Store.write`: one transaction, begun with ``BEGIN IMMEDIATE`` on SQLite so two clerks
writing at once queue on the busy timeout instead of losing an update.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlmodel import Session

from juwei.errors import DatabaseError
from juwei.i18n import t
from juwei.storage import capture  # noqa: F401  (follows which rows each write transaction touches)

DEFAULT_DB = "juwei.db"
BUSY_TIMEOUT_MS = int(os.environ.get("JUWEI_BUSY_TIMEOUT_MS", "10000"))

# One key for PostgreSQL's transaction-level advisory lock that every juwei write transaction takes:
# writes to one database queue one after another, as SQLite's BEGIN IMMEDIATE makes them queue.
WRITE_LOCK_KEY = 0x6A75776569  # "juwei"

# Called with the session at the end of every write transaction, just before it commits (the audit
# trail registers its check that every row written was recorded). Storage knows nothing of services.
PRE_COMMIT_HOOKS: list[Callable[[Session], None]] = []


def busy_timeout_ms() -> int:
    """How long a writer waits for another clerk's transaction: ``JUWEI_BUSY_TIMEOUT_MS`` (default 10 s)."""
    try:
        return max(0, int(os.environ.get("JUWEI_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _test_pause() -> None:
    """Tests only: ``JUWEI_TEST_PAUSE_IN_TRANSACTION=SECONDS`` sleeps inside every write transaction,
    after the command's work and before the commit, so a test can kill the process mid-transaction or
    hold the write lock; with ``JUWEI_TEST_PAUSE_RELEASE=FILE`` the pause ends early when FILE appears.
    The one place these variables are read."""
    pause = os.environ.get("JUWEI_TEST_PAUSE_IN_TRANSACTION")
    if pause:
        marker = os.environ.get("JUWEI_TEST_PAUSE_MARKER")
        if marker:  # tells the test the transaction is open
            Path(marker).write_text("paused")
        release = os.environ.get("JUWEI_TEST_PAUSE_RELEASE")
        deadline = time.monotonic() + float(pause)
        while time.monotonic() < deadline and not (release and Path(release).exists()):
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))

# The Alembic revisions in order; the last is the schema this code writes. A test checks this list
# against the migration scripts, so the check below needs no Alembic import at start-up.
SCHEMA_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


def database_url(db: str) -> str:
    """A plain path means SQLite; anything with ``://`` is a SQLAlchemy URL."""
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None


def describe(db: str) -> str:
    """The database as shown to a clerk: the path, or the URL without its password."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    return make_url(db).render_as_string(hide_password=True)


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get("juwei_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def _server_begin(connection) -> None:
    """PostgreSQL: a write transaction first waits (up to the busy timeout) for the database's write lock."""
    if connection.get_execution_options().get("juwei_write") and connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = {busy_timeout_ms()}")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except Exception as exc:  # unknown driver, malformed URL
        raise DatabaseError(t("cannot open database {db}: {reason}", db=describe(url), reason=exc)) from None
    event.listen(engine, "begin", _server_begin)
    return engine


def create_sqlite_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def locked_message() -> str:
    return t("the database is busy: another clerk is writing to it; try again in a moment")


class Store:
    """An open juwei database."""

    def __init__(self, db: str):
        self.db = db
        self.url = database_url(db)
        self.path = sqlite_path(self.url)
        self.engine = make_engine(self.url)
        self._schema_trusted = False

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for a command's writes: committed at the end, rolled back on any error."""
        with self._translate_errors(), self.engine.connect() as conn:
            conn = conn.execution_options(juwei_write=True)
            with conn.begin():
                if not self._schema_trusted:
                    self._refuse_planted(conn)
                with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
                    yield session
                    session.flush()
                    for hook in PRE_COMMIT_HOOKS:
                        hook(session)
                    session.flush()
                    _test_pause()

    def _refuse_planted(self, conn) -> None:
        """A trigger or view juwei did not create can change or drop what a command writes while the
        command reports success: refuse to write at all (reading, verifying and checking still work)."""
        from juwei.storage.schema import triggers_and_views

        planted = triggers_and_views(conn)
        if planted:
            kind, name, _table = planted[0]
            raise DatabaseError(t("the database {db} holds a {kind} juwei did not create ({name}), which can change "
                                  "what is written; nothing is written until it is removed (see `juwei db check`)",
                                  db=describe(self.db), kind=kind, name=name))
        self._schema_trusted = True

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._translate_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            message = str(exc.orig) if exc.orig is not None else str(exc)
            if "locked" in message or "busy" in message or "lock timeout" in message:
                raise DatabaseError(locked_message()) from None
            raise DatabaseError(t("database error on {db}: {reason}", db=describe(self.db),
                                  reason=message.splitlines()[0])) from None
        except (DataError, IntegrityError) as exc:  # a value or a constraint the server refuses
            message = str(exc.orig) if exc.orig is not None else str(exc)
            raise DatabaseError(t("the database refused the change (nothing was written): {reason}",
                                  reason=message.splitlines()[0])) from None

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def table_names(self) -> list[str]:
        with self.engine.connect() as conn:
            return inspect(conn).get_table_names()

    def is_empty(self) -> bool:
        """No tables at all: a server database that nobody has initialised yet."""
        with self.engine.connect() as conn:
            return not inspect(conn).get_table_names()

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(db: str) -> Store:
    """Open an existing juwei database at the current schema; refuse clearly otherwise."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseError(t("no juwei database at {path}; run `juwei init` or pass --db", path=db))
    store = Store(db)
    try:
        revision = store.schema_revision()
    except OperationalError as exc:
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        raise DatabaseError(t("cannot open database {db}: {reason}", db=describe(db), reason=reason)) from None
    except Exception as exc:  # a file that is not SQLite, a server that refuses us
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise DatabaseError(t("cannot open database {db}: {reason}", db=describe(db), reason=reason)) from None
    if revision is None and store.is_empty():
        store.dispose()
        raise DatabaseError(t("no juwei database at {path}; run `juwei init` or pass --db", path=describe(db)))
    check_revision(db, revision)
    return store


def check_revision(db: str, revision: str | None) -> None:
    if revision == SCHEMA_HEAD:
        return
    if revision is None:
        raise DatabaseError(t("{db} is not a juwei database (it has no schema version)", db=describe(db)))
    if revision in SCHEMA_REVISIONS:
        raise DatabaseError(t("the database {db} has an older schema ({old}, current {new}); "
                              "run `juwei db upgrade` first", db=describe(db), old=revision, new=SCHEMA_HEAD))
    raise DatabaseError(t("the database {db} was written by a newer juwei (schema {old}); "
                          "upgrade juwei to use it", db=describe(db), old=revision))


SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_foreign(db: str, tables: list[str]) -> None:
    shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
    raise DatabaseError(t("{db} already holds tables that are not juwei's ({tables}); init creates a new "
                          "database or adds a community to a juwei database: choose another --db",
                          db=describe(db), tables=shown))


def _check_new_sqlite_place(path: Path, db: str) -> None:
    """Where ``init`` may create (or open) a SQLite file: an ordinary file that is empty or SQLite, or a
    new name in a folder."""
    if path.is_dir():
        raise DatabaseError(t("--db: {path} is a folder; give a database file name (for example {example})",
                              path=db, example=str(Path(db) / "juwei.db")))
    if path.exists():
        import stat

        if not stat.S_ISREG(path.stat().st_mode):
            raise DatabaseError(t("--db: {path} is not an ordinary file", path=db))
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise DatabaseError(t("cannot open database {db}: {reason}", db=db, reason=exc.strerror or exc)) from None
        if head and head != SQLITE_HEADER:
            raise DatabaseError(t("{db} is not a juwei database (not an SQLite file); choose another --db", db=db))
        if head:  # look read-only first: opening it as juwei does would switch another program's file to WAL
            import sqlite3

            try:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    tables = [name for (name,) in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
                finally:
                    conn.close()
            except sqlite3.DatabaseError as exc:
                raise DatabaseError(t("cannot open database {db}: {reason}", db=db, reason=exc)) from None
            if tables and "alembic_version" not in tables:
                _refuse_foreign(db, tables)
    elif path.parent.exists() and not path.parent.is_dir():
        raise DatabaseError(t("--db: {path} is not a folder", path=str(path.parent)))


def create_store(db: str) -> Store:
    """Create a new database (file 0600) or initialise an empty server database at the head schema."""
    from sqlmodel import SQLModel

    from juwei.storage.models import load_all

    load_all()

    if not db.strip():
        raise DatabaseError(t("--db: give a database file path or a URL"))
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None:
        _check_new_sqlite_place(path, db)
        if not path.exists():
            try:
                create_sqlite_file(path)
            except OSError as exc:
                raise DatabaseError(t("cannot create {path}: {reason}", path=db, reason=exc.strerror or exc)) from None
    store = Store(db)
    try:
        revision = store.schema_revision()
        tables = store.table_names()
    except Exception as exc:  # a corrupt file, a server that cannot be reached or refuses us
        store.dispose()
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise DatabaseError(t("cannot open database {db}: {reason}", db=describe(db), reason=reason)) from None
    if revision is not None:
        check_revision(db, revision)
        return store  # an existing juwei database: init adds another community to it
    if tables:  # someone else's database: juwei's tables must not be mixed into it
        store.dispose()
        _refuse_foreign(db, tables)
    with store.engine.begin() as conn:
        SQLModel.metadata.create_all(conn)
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": SCHEMA_HEAD})
    return store
