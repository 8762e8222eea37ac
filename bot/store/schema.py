"""The question log's SQLite schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[i]`` takes a database from version ``i`` to ``i + 1``. A release that changes the
schema appends one step; it never edits an old one, so every database in the field can be
brought forward one step at a time. A database newer than this code is refused rather than
guessed at.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence

from bot.errors import TalentBotError

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: one row per question. ``id`` is chosen by the log (milliseconds since 2020) so
    # the chat adapter gets it at once, without waiting for the insert, for its buttons.
    (
        """
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            asked_at TEXT NOT NULL,          -- UTC, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (sorts as text)
            lang TEXT NOT NULL,              -- 'en' | 'zh'
            outcome TEXT NOT NULL,           -- 'answer' | 'suggest' | 'decline' | 'smalltalk'
            entry_id TEXT,                   -- the answer's entry, or the closest candidate
            score REAL,                      -- that entry's score, 0..100
            question TEXT NOT NULL,
            feedback INTEGER CHECK (feedback IN (-1, 1)),
            user_hash TEXT NOT NULL          -- HMAC-SHA256 of the user id with the local salt
        )
        """,
        "CREATE INDEX questions_asked_at ON questions (asked_at)",
    ),
    # 1 -> 2: what the user did with a "did you mean?" reply.
    (
        "ALTER TABLE questions ADD COLUMN none_of_these INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE questions ADD COLUMN chosen_entry_id TEXT",
    ),
    # 2 -> 3: an answer to one part of a message asking several things (the rest is a gap).
    ("ALTER TABLE questions ADD COLUMN partial INTEGER NOT NULL DEFAULT 0",),
)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNewError(TalentBotError):
    """The question log was written by a newer release; this one will not touch it."""


def schema_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    connection: sqlite3.Connection, migrations: Sequence[Sequence[str]] = MIGRATIONS
) -> int:
    """Bring the database up to ``len(migrations)``, each step in its own transaction.

    Returns the version it found. The connection must be in autocommit mode
    (``isolation_level=None``) so the explicit transactions here are the only ones.
    """
    found = schema_version(connection)
    target = len(migrations)
    if found > target:
        raise SchemaTooNewError(
            f"the question log has schema version {found}, newer than this release's {target}"
        )
    for version in range(found, target):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process (the bot and a report, say) may have taken this step while we
            # waited for the lock: read the version again inside the transaction.
            if schema_version(connection) > version:
                connection.execute("COMMIT")
                continue
            for statement in migrations[version]:
                connection.execute(statement)
            # PRAGMA takes no parameters; version is an int we computed, not outside input.
            connection.execute(f"PRAGMA user_version = {version + 1:d}")
        except BaseException:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    return found
