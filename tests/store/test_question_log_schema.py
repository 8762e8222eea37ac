"""The schema is versioned and migrates; old rows are purged after the retention period."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot.store import DB_FILE_NAME, QuestionLog, read_questions
from bot.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


async def test_new_database_has_current_version_and_wal(tmp_path: Path) -> None:
    log = QuestionLog.start(tmp_path)
    assert await log.flush()
    await log.aclose()
    with sqlite3.connect(tmp_path / DB_FILE_NAME) as connection:
        assert schema_version(connection) == SCHEMA_VERSION == len(MIGRATIONS)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_a_version_1_log_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE_NAME
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    assert schema_version(connection) == 1
    connection.execute(
        "INSERT INTO questions (id, asked_at, lang, outcome, entry_id, score, question, user_hash)"
        " VALUES (7, '2026-11-20T10:00:00.000000Z', 'zh', 'decline', NULL, 12.5, '住房补贴', 'h')"
    )
    connection.close()

    log = QuestionLog.start(tmp_path, clock=lambda: NOW)
    assert await log.flush()
    await log.aclose()
    with sqlite3.connect(path) as check:
        assert schema_version(check) == SCHEMA_VERSION
    [row] = read_questions(path)
    assert (row.id, row.question, row.outcome, row.score) == (7, "住房补贴", "decline", 12.5)
    assert row.none_of_these is False
    assert row.chosen_entry_id is None
    assert row.partial is False


def test_the_report_reader_migrates_an_old_log_too(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE_NAME
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, MIGRATIONS[:1])
    connection.close()
    assert read_questions(path) == []
    with sqlite3.connect(path) as check:
        assert schema_version(check) == SCHEMA_VERSION


async def seed(log: QuestionLog, ages_in_days: list[float]) -> None:
    for age in ages_in_days:
        await log.record(
            question=f"{age} days old",
            lang="en",
            outcome="answer",
            entry_id=None,
            score=None,
            user_id=1,
            asked_at=NOW - dt.timedelta(days=age),
        )
    assert await log.flush()


async def test_rows_older_than_retention_are_deleted_at_open(tmp_path: Path) -> None:
    first = QuestionLog.start(tmp_path, retention_days=None, clock=lambda: NOW)
    await seed(first, [0, 1, 29, 31, 89, 91, 400])
    await first.aclose()
    assert len(read_questions(tmp_path / DB_FILE_NAME)) == 7

    second = QuestionLog.start(tmp_path, clock=lambda: NOW)  # the default: 90 days
    assert await second.flush()
    await second.aclose()
    kept = sorted(row.question for row in read_questions(tmp_path / DB_FILE_NAME))
    assert kept == ["0 days old", "1 days old", "29 days old", "31 days old", "89 days old"]

    third = QuestionLog.start(tmp_path, retention_days=30, clock=lambda: NOW)
    assert await third.flush()
    await third.aclose()
    kept = sorted(row.question for row in read_questions(tmp_path / DB_FILE_NAME))
    assert kept == ["0 days old", "1 days old", "29 days old"]


async def test_rows_are_also_purged_while_running(tmp_path: Path) -> None:
    clock = [NOW]
    log = QuestionLog.start(
        tmp_path, retention_days=2, clock=lambda: clock[0], housekeeping_seconds=0.05
    )
    await seed(log, [0, 1])
    clock[0] = NOW + dt.timedelta(days=5)  # time passes; the next housekeeping purges

    async def purged() -> bool:
        return read_questions(tmp_path / DB_FILE_NAME) == []

    for _ in range(400):
        if await purged():
            break
        await asyncio.sleep(0.05)
    assert await purged()
    await log.aclose()


async def test_the_writer_retries_after_a_failed_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("a file where the data folder should be, for now")
    log = QuestionLog.start(data, housekeeping_seconds=0.05)
    assert (
        await log.record(
            question="lost", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
        )
        is None
        or not await log.flush()
    )
    assert not log.healthy
    data.unlink()  # staff fix the folder; the bot keeps running
    for _ in range(400):
        if log.healthy:
            break
        await asyncio.sleep(0.05)
    row_id = await log.record(
        question="logged again", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
    )
    assert row_id is not None
    await log.aclose()
    assert [row.id for row in read_questions(data / DB_FILE_NAME)] == [row_id]


def test_a_step_another_process_took_meanwhile_is_not_taken_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.store import schema

    path = tmp_path / DB_FILE_NAME
    first = sqlite3.connect(path, isolation_level=None)
    migrate(first, MIGRATIONS[:2])
    second = sqlite3.connect(path, isolation_level=None)
    # The second reads version 2, then the first brings the log forward before the second
    # takes its lock.
    real = schema.schema_version
    reads: list[int] = []

    def stale_then_real(connection: sqlite3.Connection) -> int:
        reads.append(1)
        return 2 if len(reads) == 1 else real(connection)

    migrate(first)
    monkeypatch.setattr(schema, "schema_version", stale_then_real)
    schema.migrate(second)  # would add the column again without reading the version in its lock
    monkeypatch.undo()
    assert schema_version(second) == SCHEMA_VERSION
    first.close()
    second.close()
