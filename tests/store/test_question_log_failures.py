"""A broken data folder or database is logged once and never disturbs answering."""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import DB_FILE_NAME, QuestionLog, QuestionLogUnavailable, read_questions

LOGGER = "bot.store.log"


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER and r.levelno >= logging.ERROR]


async def ask_many(log: QuestionLog, count: int) -> list[int | None]:
    ids = []
    for i in range(count):
        ids.append(
            await log.record(
                question=f"question {i}",
                lang="en",
                outcome="answer",
                entry_id="e",
                score=90.0,
                user_id=i,
            )
        )
        await log.flush()
    return ids


async def assert_broken_but_harmless(log: QuestionLog, caplog: pytest.LogCaptureFixture) -> None:
    await log.flush()
    ids = await ask_many(log, 30)
    assert ids == [None] * 30
    assert not log.healthy
    assert await log.record_feedback(1, 1, 1) is False
    assert await log.mark_none_of_these(1, 1) is False
    assert len(errors(caplog)) == 1, [r.getMessage() for r in errors(caplog)]
    await log.aclose()


async def test_data_folder_that_cannot_be_created(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    log = QuestionLog.start(blocker / "data")
    await assert_broken_but_harmless(log, caplog)
    assert "cannot open" in errors(caplog)[0].getMessage()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
async def test_read_only_data_folder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o500)
    try:
        log = QuestionLog.start(data)
        await assert_broken_but_harmless(log, caplog)
    finally:
        data.chmod(0o700)


async def test_database_path_that_is_a_folder(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    (data / DB_FILE_NAME).mkdir(parents=True)
    await assert_broken_but_harmless(QuestionLog.start(data), caplog)


async def test_corrupt_database_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILE_NAME).write_bytes(b"this is not a database\x00" * 400)
    await assert_broken_but_harmless(QuestionLog.start(data), caplog)
    with pytest.raises(QuestionLogUnavailable):
        read_questions(data / DB_FILE_NAME)


async def test_database_from_a_newer_release_is_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / DB_FILE_NAME) as connection:
        connection.execute("PRAGMA user_version = 99")
    await assert_broken_but_harmless(QuestionLog.start(data), caplog)
    with pytest.raises(QuestionLogUnavailable, match="newer"):
        read_questions(data / DB_FILE_NAME)


async def test_locked_database_fails_once_then_recovers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    log = QuestionLog.start(data, busy_timeout_seconds=0.05)
    before = await log.record(
        question="before", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
    )
    assert await log.flush()
    locker = sqlite3.connect(data / DB_FILE_NAME, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        lost = await log.record(
            question="while locked",
            lang="en",
            outcome="answer",
            entry_id=None,
            score=None,
            user_id=1,
        )
        assert lost is not None  # the trouble was not known yet
        assert await log.flush() is False
        assert await ask_many(log, 20) == [None] * 20
        assert await log.record_feedback(before or 0, 1, 1) is False
        assert await log.flush() is False  # that feedback was lost too
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert len(errors(caplog)) == 1
    # the next write succeeds, and then ids are handed out again
    await log.record(
        question="after", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
    )
    assert await log.flush()
    assert log.healthy
    again = await log.record(
        question="again", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
    )
    assert again is not None
    assert await log.record_feedback(again, 1, 1) is True
    await log.aclose()
    assert any("writing again" in r.getMessage() for r in caplog.records if r.name == LOGGER)
    questions = {row.question for row in read_questions(data / DB_FILE_NAME)}
    assert {"before", "after", "again"} <= questions
    assert "while locked" not in questions
    assert len(errors(caplog)) == 1


def test_report_reader_explains_a_missing_log(tmp_path: Path) -> None:
    with pytest.raises(QuestionLogUnavailable, match="no question log"):
        read_questions(tmp_path / DB_FILE_NAME)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file-size limits")
def test_full_disk_is_logged_once_and_answering_goes_on(tmp_path: Path) -> None:
    child = Path(__file__).with_name("disk_full_child.py")
    data = tmp_path / "data"
    finished = subprocess.run(
        [sys.executable, str(child), str(data)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)
    assert summary["answered"] == 300
    assert summary["stored"] > 0  # it worked until the disk "filled"
    assert summary["refused"] > 0
    assert len(summary["errors"]) == 1, summary["errors"]
    assert "cannot write" in summary["errors"][0]
    with sqlite3.connect(data / DB_FILE_NAME) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


async def test_record_does_not_wait_for_a_stuck_writer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = QuestionLog.start(data, busy_timeout_seconds=120)
    assert await log.flush()
    locker = sqlite3.connect(data / DB_FILE_NAME, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        # the writer is now stuck waiting for the lock; recording still returns at once
        ids = [
            await log.record(
                question=f"q{i}", lang="en", outcome="answer", entry_id=None, score=None, user_id=i
            )
            for i in range(100)
        ]
        assert None not in ids
        assert len(read_questions(data / DB_FILE_NAME)) == 0
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert await log.flush()  # the writer got the lock in time: nothing was lost
    await log.aclose()
    assert {row.id for row in read_questions(data / DB_FILE_NAME)} == set(ids)


async def test_trouble_that_comes_and_goes_is_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    log = QuestionLog.start(data, busy_timeout_seconds=0.05)
    assert await log.flush()
    for _ in range(5):
        locker = sqlite3.connect(data / DB_FILE_NAME, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        await log.record(
            question="locked out", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
        )
        assert await log.flush() is False
        locker.execute("ROLLBACK")
        locker.close()
        await log.record(
            question="fine again", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
        )
        assert await log.flush()
    await log.aclose()
    assert len(errors(caplog)) == 1
    recoveries = [r for r in caplog.records if "writing again" in r.getMessage()]
    assert len([r for r in recoveries if r.levelno >= logging.WARNING]) == 1
