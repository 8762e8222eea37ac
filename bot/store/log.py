"""The private question log: one SQLite row per question, written by one background thread.

The chat adapter must never wait for the disk, so every write is handed to a queue and a
single writer thread owns the only writing connection:

* ``record`` picks the row id itself (milliseconds since 2020, counted on within a process:
  about 12 digits, so it fits any button's callback data) and returns it at once; the insert
  happens a moment later. Ids can be guessed, so feedback only ever changes the asker's own
  row (matched by the hashed user id).
* Feedback and "did you mean?" choices go through the same queue, so they always land after
  their row's insert, and their callers await the answer without blocking the event loop.
* A full disk, a locked or corrupt database or a read-only data folder is logged once per
  spell of trouble; meanwhile ``record`` returns ``None`` and feedback changes nothing. The
  writer keeps retrying, and says so when the log works again.

Durability: WAL journal with ``synchronous=FULL``. Surviving a killed process only needs each
commit to reach the operating system, which WAL gives even with ``NORMAL``; ``FULL`` also
fsyncs the WAL on every commit, so a committed row survives a power cut or kernel crash as
well. The writer commits in batches, so the extra fsync costs little: after the first row
of a batch it lingers a moment (``_GROUP_COMMIT_SECONDS``) for more to arrive, so under load
many questions share one transaction and one fsync, and a row being queued does not wake
the writer each time. A flush, a feedback change or closing cuts the wait short.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.answers import Reply
from bot.store.salt import hash_user, load_or_create_salt
from bot.store.schema import migrate
from bot.store.timefmt import format_time, utc_now

logger = logging.getLogger(__name__)

DB_FILE_NAME = "questions.sqlite3"
DEFAULT_RETENTION_DAYS = 90
MAX_QUESTION_CHARS = 16_384  # far beyond Telegram's 4,096; keeps one row from bloating the file
_MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer
# Row ids are milliseconds since this moment, kept unique by counting on from the last one:
# about 12 digits until 2051, short enough for any button's callback data, and increasing.
_ROW_ID_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp()
_BATCH_SIZE = 256
# How long the writer waits for more rows before committing a batch. Rows get their id at
# once and nobody waits for their commit, so this only delays the disk, never an answer.
_GROUP_COMMIT_SECONDS = 0.05
_QUEUE_SIZE = 10_000
_HOUSEKEEPING_SECONDS = 3600.0  # how often old rows are purged while running
_REOPEN_SECONDS = 30.0  # how often a broken log retries opening
_REPEAT_ERROR_SECONDS = 3600.0  # at most one error line an hour about the log

Choice = Literal["feedback", "none_of_these", "chosen"]


@dataclass(frozen=True)
class _Insert:
    row_id: int
    asked_at: str
    lang: str
    outcome: str
    entry_id: str | None
    score: float | None
    question: str
    user_id: int | str  # hashed in the writer thread; never stored
    partial: bool = False  # an answer to one part of the message (Reply.partial)


@dataclass(frozen=True)
class _Update:
    choice: Choice
    row_id: int
    user_id: int | str
    value: int | str
    result: Future[bool]


@dataclass(frozen=True)
class _Flush:
    result: Future[bool]


_STOP = object()
_Item = _Insert | _Update | _Flush | object


class QuestionLog:
    """The question log in ``data_dir``. Create with :meth:`start`; close with :meth:`aclose`."""

    def __init__(
        self,
        data_dir: Path,
        *,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], dt.datetime] = utc_now,
        busy_timeout_seconds: float = 5.0,
        housekeeping_seconds: float = _HOUSEKEEPING_SECONDS,
    ) -> None:
        if retention_days is not None and retention_days < 1:
            raise ValueError("retention_days must be at least 1 (or None to keep every row)")
        self.data_dir = data_dir
        self.path = data_dir / DB_FILE_NAME
        self.retention_days = retention_days
        self._clock = clock
        self._busy_timeout = busy_timeout_seconds
        self._housekeeping_seconds = housekeeping_seconds
        self._queue: queue.Queue[_Item] = queue.Queue(maxsize=_QUEUE_SIZE)
        self._thread = threading.Thread(target=self._run, name="question-log", daemon=True)
        self._closed = False
        self._put_lock = threading.Lock()
        # Set when something a caller waits for is queued: the writer stops lingering.
        self._hurry = threading.Event()
        self._id_lock = threading.Lock()
        self._last_row_id = 0
        # Written by the writer thread, read anywhere: plain booleans are atomic to read.
        self._failing = False
        self._connection: sqlite3.Connection | None = None
        self._salt: bytes | None = None
        self._last_open_attempt = -math.inf
        self._last_housekeeping = -math.inf
        self._failure_since_flush = False
        self._last_error_logged = -math.inf
        self._failure_announced = False

    @classmethod
    def start(
        cls,
        data_dir: Path,
        *,
        retention_days: int | None = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], dt.datetime] = utc_now,
        busy_timeout_seconds: float = 5.0,
        housekeeping_seconds: float = _HOUSEKEEPING_SECONDS,
    ) -> QuestionLog:
        """Start the writer thread. Opening, migrating and purging happen there, not here."""
        log = cls(
            data_dir,
            retention_days=retention_days,
            clock=clock,
            busy_timeout_seconds=busy_timeout_seconds,
            housekeeping_seconds=housekeeping_seconds,
        )
        log._thread.start()
        return log

    @property
    def healthy(self) -> bool:
        """False while the last write or open failed, or after closing."""
        return not self._failing and not self._closed and self._thread.is_alive()

    # --- the API the chat adapter calls --------------------------------------------------

    def record_nowait(
        self,
        *,
        question: str,
        lang: str,
        outcome: str,
        entry_id: str | None,
        score: float | None,
        user_id: int | str,
        asked_at: dt.datetime | None = None,
        partial: bool = False,
    ) -> int | None:
        """Queue one question's row and return its id, or ``None`` if the log isn't working.

        ``entry_id``/``score`` are the answer's entry, or the closest candidate for a
        suggestion or a decline (the gap report shows it). Never raises, never blocks.
        """
        # While the log is failing the row is still queued (the trouble may have passed by
        # the time it is written) but no id is handed out, so no feedback button points at it.
        was_healthy = self.healthy
        row_id = self._next_row_id()
        try:
            item = _Insert(
                row_id=row_id,
                asked_at=format_time(asked_at or self._clock()),
                lang=_clean(lang, 16),
                outcome=_clean(outcome, 16),
                entry_id=None if entry_id is None else _clean(entry_id, 200),
                score=_clean_score(score),
                question=_clean(question, MAX_QUESTION_CHARS),
                user_id=user_id,
                partial=bool(partial),
            )
        except Exception as error:  # a caller's mistake must not cost the user an answer
            self._note_failure(f"cannot log a question: {type(error).__name__}: {error}")
            return None
        if not self._put(item) or not was_healthy:
            return None
        return row_id

    async def record(
        self,
        *,
        question: str,
        lang: str,
        outcome: str,
        entry_id: str | None,
        score: float | None,
        user_id: int | str,
        asked_at: dt.datetime | None = None,
        partial: bool = False,
    ) -> int | None:
        """Async spelling of :meth:`record_nowait`; returns at once."""
        return self.record_nowait(
            question=question,
            lang=lang,
            outcome=outcome,
            entry_id=entry_id,
            score=score,
            user_id=user_id,
            asked_at=asked_at,
            partial=partial,
        )

    async def record_reply(
        self, reply: Reply, user_id: int | str, asked_at: dt.datetime | None = None
    ) -> int | None:
        """Log the question a reply answered: :meth:`record` with the fields taken from it.

        For a suggestion the entry is the first candidate; for a decline, the closest
        candidate the engine names (none when the question shared nothing with any entry).
        """
        entry_id, score = reply.entry_id, reply.score
        best = reply.suggestions[0] if reply.suggestions else reply.closest
        if entry_id is None and best is not None:
            entry_id, score = best.entry_id, best.score if best.score is not None else score
        return self.record_nowait(
            question=reply.question,
            lang=reply.lang,
            outcome=reply.kind,
            entry_id=entry_id,
            score=score,
            user_id=user_id,
            asked_at=asked_at,
            partial=reply.partial,
        )

    async def record_feedback(self, row_id: int, user_id: int | str, value: int) -> bool:
        """Set 👍 (+1) or 👎 (-1) on the user's own row, once. True if this call changed it.

        An unknown row, another user's row, a second press, or a broken log: False, no error.
        """
        if value not in (1, -1):
            return False
        return await self._update("feedback", row_id, user_id, value)

    async def mark_none_of_these(self, row_id: int, user_id: int | str) -> bool:
        """After a suggestion, the user chose "None of these": counts as unanswered."""
        return await self._update("none_of_these", row_id, user_id, 1)

    async def mark_chosen(self, row_id: int, user_id: int | str, entry_id: str) -> bool:
        """After a suggestion, the user picked ``entry_id``."""
        return await self._update("chosen", row_id, user_id, _clean(entry_id, 200))

    async def flush(self) -> bool:
        """Wait until everything queued so far is committed. False if any of it was lost."""
        future: Future[bool] = Future()
        if not self._put(_Flush(future)):
            return False
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Write what is queued, then stop the writer. Blocks; from async code use aclose."""
        with self._put_lock:
            if self._closed:
                return
            self._closed = True  # from here on nothing more is queued, so _STOP comes last
        if self._thread.is_alive():
            self._queue.put(_STOP)  # blocking put: closing must not drop queued rows
            self._hurry.set()
            self._thread.join()

    async def aclose(self) -> None:
        await asyncio.to_thread(self.close)

    # --- queueing -------------------------------------------------------------------------

    def _next_row_id(self) -> int:
        with self._id_lock:
            now = int((self._clock().timestamp() - _ROW_ID_EPOCH) * 1000)
            self._last_row_id = max(self._last_row_id + 1, now)
            return self._last_row_id

    def _put(self, item: _Item) -> bool:
        with self._put_lock:
            if self._closed or not self._thread.is_alive():
                return False
            try:
                self._queue.put_nowait(item)
            except queue.Full:
                full = True
            else:
                if not isinstance(item, _Insert):
                    self._hurry.set()
                return True
        if full:
            self._failure_since_flush = True
            self._note_failure("the write queue is full (the disk is too slow or stuck)")
        return False

    async def _update(
        self, choice: Choice, row_id: int, user_id: int | str, value: int | str
    ) -> bool:
        if not isinstance(row_id, int) or not 0 < row_id <= _MAX_ROW_ID:
            return False
        future: Future[bool] = Future()
        if not self._put(_Update(choice, row_id, user_id, value, future)):
            return False
        return await asyncio.wrap_future(future)

    # --- the writer thread ------------------------------------------------------------------

    def _run(self) -> None:
        self._ensure_open()
        stopping = False
        while not stopping:
            try:
                first = self._queue.get(timeout=self._seconds_to_housekeeping())
            except queue.Empty:
                self._housekeeping()
                continue
            if isinstance(first, _Insert) and self._connection is not None:
                self._hurry.wait(_GROUP_COMMIT_SECONDS)  # let more rows join this commit
            self._hurry.clear()  # whatever hurried is taken below
            batch = [first]
            while len(batch) < _BATCH_SIZE:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            stopping = any(item is _STOP for item in batch)
            items = [item for item in batch if item is not _STOP]
            try:
                self._write_batch(items)
            except Exception:  # a bug here must not leave callers waiting for ever
                logger.exception("question log: unexpected failure writing a batch")
                for item in items:
                    if isinstance(item, _Update | _Flush):
                        _resolve(item.result, False)
            if time.monotonic() - self._last_housekeeping >= self._housekeeping_seconds:
                self._housekeeping()
        self._drop_connection()

    def _seconds_to_housekeeping(self) -> float:
        if self._connection is None:  # broken: retry opening even when no question comes in
            return min(_REOPEN_SECONDS, self._housekeeping_seconds)
        elapsed = time.monotonic() - self._last_housekeeping
        return max(0.01, self._housekeeping_seconds - elapsed)

    def _ensure_open(self) -> sqlite3.Connection | None:
        if self._connection is not None:
            return self._connection
        if time.monotonic() - self._last_open_attempt < min(
            _REOPEN_SECONDS, self._housekeeping_seconds
        ):
            return None
        self._last_open_attempt = time.monotonic()
        connection: sqlite3.Connection | None = None
        try:
            self._salt = load_or_create_salt(self.data_dir)
            # The questions are private: create the file owner-only (SQLite gives its WAL
            # and shared-memory files the same permissions).
            os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
            connection = sqlite3.connect(
                self.path, timeout=self._busy_timeout, isolation_level=None, check_same_thread=True
            )
            mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                logger.warning("question log: WAL journal unavailable here (using %s)", mode)
            connection.execute("PRAGMA synchronous=FULL")
            migrate(connection)
        except Exception as error:  # disk, permissions, corruption, a newer schema, the unforeseen
            if connection is not None:
                connection.close()
            self._note_failure(f"cannot open {self.path}: {error}")
            return None
        self._connection = connection
        self._continue_row_ids(connection)
        self._note_success()
        self._purge_old_rows()
        self._last_housekeeping = time.monotonic()
        return connection

    def _continue_row_ids(self, connection: sqlite3.Connection) -> None:
        """Count on from the last stored id: a restart right after a burst, which ran the ids
        ahead of the clock, must not hand them out again."""
        try:
            highest = connection.execute("SELECT MAX(id) FROM questions").fetchone()[0]
        except sqlite3.Error:
            return
        with self._id_lock:
            self._last_row_id = max(self._last_row_id, int(highest or 0))

    def _housekeeping(self) -> None:
        self._last_housekeeping = time.monotonic()
        if self._ensure_open() is not None:
            self._purge_old_rows()

    def _purge_old_rows(self) -> None:
        if self.retention_days is None or self._connection is None:
            return
        cutoff = format_time(self._clock() - dt.timedelta(days=self.retention_days))
        try:
            deleted = self._connection.execute(
                "DELETE FROM questions WHERE asked_at < ?", (cutoff,)
            ).rowcount
        except sqlite3.Error as error:
            self._note_failure(f"cannot delete old rows: {error}")
            return
        if deleted:
            logger.info(
                "question log: deleted %d rows older than %d days", deleted, self.retention_days
            )

    def _write_batch(self, batch: list[_Item]) -> None:
        updates = [item for item in batch if isinstance(item, _Update)]
        flushes = [item for item in batch if isinstance(item, _Flush)]
        changed: dict[int, bool] = {}
        committed = False
        writes = [item for item in batch if isinstance(item, _Insert | _Update)]
        connection = self._ensure_open()
        if not writes:
            committed = True
        elif connection is not None and self._salt is not None:
            try:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    for item in writes:
                        if isinstance(item, _Insert):
                            self._insert(connection, self._salt, item)
                        elif isinstance(item, _Update):
                            changed[id(item)] = self._apply(connection, self._salt, item)
                    connection.execute("COMMIT")
                except BaseException:
                    _rollback(connection)  # keep the original error, not the rollback's
                    raise
                committed = True
            except sqlite3.Error as error:
                self._note_failure(f"cannot write to {self.path}: {error}")
                if isinstance(error, sqlite3.DatabaseError) and not isinstance(
                    error, sqlite3.OperationalError
                ):
                    self._drop_connection()  # corrupt: reopen (and re-check) later
        if committed and writes:
            self._note_success()
        if not committed:
            self._failure_since_flush = True
        for update in updates:
            _resolve(update.result, committed and changed.get(id(update), False))
        for flush in flushes:
            _resolve(flush.result, committed and not self._failure_since_flush)
            self._failure_since_flush = False

    def _insert(self, connection: sqlite3.Connection, salt: bytes, item: _Insert) -> None:
        values = (
            item.asked_at,
            item.lang,
            item.outcome,
            item.entry_id,
            item.score,
            item.question,
            hash_user(salt, item.user_id),
            int(item.partial),
        )
        sql = (
            "INSERT INTO questions (id, asked_at, lang, outcome, entry_id, score, question,"
            " user_hash, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        try:
            connection.execute(sql, (item.row_id, *values))
        except sqlite3.IntegrityError:
            # The id was handed out before the log had read the last stored one (a restart
            # during a burst). Keep the question under a new id; only its buttons miss it.
            connection.execute(sql, (self._next_row_id(), *values))

    @staticmethod
    def _apply(connection: sqlite3.Connection, salt: bytes, item: _Update) -> bool:
        owner = hash_user(salt, item.user_id)
        if item.choice == "feedback":
            sql = (
                "UPDATE questions SET feedback = ? "
                "WHERE id = ? AND user_hash = ? AND feedback IS NULL"
            )
        elif item.choice == "none_of_these":
            sql = (
                "UPDATE questions SET none_of_these = ? WHERE id = ? AND user_hash = ?"
                " AND outcome = 'suggest' AND none_of_these = 0 AND chosen_entry_id IS NULL"
            )
        else:
            sql = (
                "UPDATE questions SET chosen_entry_id = ? WHERE id = ? AND user_hash = ?"
                " AND outcome = 'suggest' AND none_of_these = 0 AND chosen_entry_id IS NULL"
            )
        cursor = connection.execute(sql, (item.value, item.row_id, owner))
        return cursor.rowcount == 1

    def _drop_connection(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None

    def _note_failure(self, message: str) -> None:
        if self._failing:
            return
        self._failing = True
        # A nearly full disk can succeed and fail in turns; one error per spell would still
        # flood the log, so a new spell soon after the last error is only a debug line.
        now = time.monotonic()
        if now - self._last_error_logged < _REPEAT_ERROR_SECONDS:
            logger.debug("question log: failing again: %s", message)
            return
        self._last_error_logged = now
        self._failure_announced = True
        logger.error(
            "question log: %s; questions are still answered but not logged until this is fixed",
            message,
        )

    def _note_success(self) -> None:
        if not self._failing:
            return
        self._failing = False
        if self._failure_announced:
            self._failure_announced = False
            logger.warning("question log: writing again after the earlier failure")
        else:
            logger.debug("question log: writing again")


def _rollback(connection: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (a full disk does that).
    if connection.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def _resolve(future: Future[bool], value: bool) -> None:
    if not future.done():
        future.set_result(value)


def _clean(text: str, limit: int) -> str:
    """Any string a user can send, made storable: lone surrogates replaced, length capped."""
    return text[:limit].encode("utf-8", "replace").decode("utf-8")


def _clean_score(score: float | None) -> float | None:
    if score is None:
        return None
    try:
        value = float(score)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
