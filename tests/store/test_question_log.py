"""The question log's everyday behaviour: rows, feedback, choices, salt and privacy."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from bot.store import MAX_QUESTION_CHARS, SALT_FILE_NAME, QuestionLog, read_questions


async def record(
    log: QuestionLog, question: str = "housing subsidy?", user_id: int = 42, outcome: str = "answer"
) -> int:
    row_id = await log.record(
        question=question,
        lang="en",
        outcome=outcome,
        entry_id="housing",
        score=88.5,
        user_id=user_id,
    )
    assert row_id is not None
    return row_id


async def test_a_recorded_question_is_one_row_with_every_field(question_log: QuestionLog) -> None:
    row_id = await record(question_log)
    assert await question_log.flush()
    [row] = read_questions(question_log.path)
    assert row.id == row_id
    assert (row.question, row.lang, row.outcome, row.entry_id, row.score) == (
        "housing subsidy?",
        "en",
        "answer",
        "housing",
        88.5,
    )
    assert row.feedback is None
    assert not row.none_of_these
    assert row.chosen_entry_id is None
    assert row.asked_at.tzinfo is not None
    assert len(row.user_hash) == 64


async def test_row_ids_are_unique_increasing_and_short(tmp_path: Path) -> None:
    first = QuestionLog.start(tmp_path / "data")
    ids = [await record(first, f"q{i}") for i in range(500)]
    await first.aclose()
    second = QuestionLog.start(tmp_path / "data")
    assert await second.flush()  # opened: it counts on from the last stored id
    ids += [await record(second, f"r{i}") for i in range(500)]
    await second.aclose()
    assert ids == sorted(ids)
    assert len(set(ids)) == 1000
    assert all(0 < i < 10**12 for i in ids)  # 12 digits until 2051
    assert all(len(f"feedback:down:{i}".encode()) <= 64 for i in ids)
    assert {row.id for row in read_questions(tmp_path / "data" / "questions.sqlite3")} == set(ids)


async def test_an_id_that_is_already_taken_still_keeps_the_question(tmp_path: Path) -> None:
    import datetime as dt
    import sqlite3

    moment = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    log = QuestionLog.start(tmp_path / "data", clock=lambda: moment)
    assert await log.flush()
    expected = int((moment - dt.datetime(2020, 1, 1, tzinfo=dt.UTC)).total_seconds() * 1000)
    # another writer (say, a restarted process during a burst) already used that id
    with sqlite3.connect(log.path) as other:
        other.execute(
            "INSERT INTO questions (id, asked_at, lang, outcome, question, user_hash)"
            " VALUES (?, '2029-12-31T00:00:00.000000Z', 'en', 'answer', 'earlier', 'x')",
            (expected,),
        )
    row_id = await record(log, "clash")
    assert row_id == expected
    assert await log.flush()
    await log.aclose()
    stored = {row.question: row.id for row in read_questions(log.path)}
    assert stored == {"earlier": expected, "clash": expected + 1}


NASTY = [
    "x" * 10_000,
    "👍🏽🇨🇳 住房补贴有吗？ 👨‍👩‍👧",
    "nul\x00inside\x00",
    "control \x01\x02\x1b[31m red \x7f",
    "'); DROP TABLE questions;--",
    '" OR 1=1; --',
    "<b>html</b> &amp; <script>alert(1)</script>",
    "",
    "   ",
    "\u202eright-to-left override",
    "line\nbreaks\r\nand\ttabs",
]


async def test_it_refuses_nothing_a_user_can_send(question_log: QuestionLog) -> None:
    ids = {await record(question_log, text): text for text in NASTY}
    assert await question_log.flush()
    stored = {row.id: row.question for row in read_questions(question_log.path)}
    assert stored == ids


async def test_lone_surrogates_and_huge_text_are_stored_safely(question_log: QuestionLog) -> None:
    lone = await record(question_log, "broken \ud800 surrogate")
    huge = await record(question_log, "y" * (MAX_QUESTION_CHARS * 3))
    assert await question_log.flush()
    stored = {row.id: row.question for row in read_questions(question_log.path)}
    assert stored[lone] == "broken ? surrogate"
    assert stored[huge] == "y" * MAX_QUESTION_CHARS


async def test_feedback_is_set_once_by_the_asker_only(question_log: QuestionLog) -> None:
    row_id = await record(question_log, user_id=1)
    assert await question_log.record_feedback(row_id, 2, -1) is False  # someone else's row
    assert await question_log.record_feedback(row_id, 1, 1) is True
    assert await question_log.record_feedback(row_id, 1, 1) is False  # pressed twice
    assert await question_log.record_feedback(row_id, 1, -1) is False  # changing one's mind
    assert await question_log.record_feedback(123456789, 1, 1) is False  # unknown row
    assert await question_log.record_feedback(-5, 1, 1) is False  # forged id
    assert await question_log.record_feedback(2**70, 1, 1) is False  # does not fit SQLite
    assert await question_log.record_feedback(row_id, 1, 7) is False  # not a feedback value
    [row] = read_questions(question_log.path)
    assert row.feedback == 1


async def test_none_of_these_and_a_chosen_suggestion_are_exclusive(
    question_log: QuestionLog,
) -> None:
    rejected = await record(question_log, "subsidy?", outcome="suggest")
    picked = await record(question_log, "funding?", outcome="suggest")
    answered = await record(question_log, "housing?", outcome="answer")
    assert await question_log.mark_none_of_these(rejected, 42) is True
    assert await question_log.mark_none_of_these(rejected, 42) is False
    assert await question_log.mark_chosen(rejected, 42, "housing") is False
    assert await question_log.mark_chosen(picked, 7, "startup-funding") is False  # not theirs
    assert await question_log.mark_chosen(picked, 42, "startup-funding") is True
    assert await question_log.mark_none_of_these(picked, 42) is False
    assert await question_log.mark_none_of_these(answered, 42) is False  # not a suggestion
    rows = {row.id: row for row in read_questions(question_log.path)}
    assert rows[rejected].none_of_these
    assert rows[rejected].unanswered
    assert rows[rejected].chosen_entry_id is None
    assert rows[picked].chosen_entry_id == "startup-funding"
    assert not rows[picked].none_of_these
    assert not rows[answered].none_of_these


async def test_salt_is_private_created_once_and_reused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = QuestionLog.start(data)
    row_id = await record(first, user_id=555)
    await first.aclose()
    salt_path = data / SALT_FILE_NAME
    salt = salt_path.read_bytes()
    assert len(salt) >= 32
    assert stat.S_IMODE(os.stat(salt_path).st_mode) == 0o600

    second = QuestionLog.start(data)
    # the same user is recognised after a restart, so an old answer's 👍 still counts
    assert await second.record_feedback(row_id, 555, 1) is True
    await second.aclose()
    assert salt_path.read_bytes() == salt
    assert [p.name for p in data.iterdir() if p.name.endswith(".tmp")] == []


async def test_the_log_files_are_private(question_log: QuestionLog) -> None:
    await record(question_log)
    assert await question_log.flush()
    files = [p for p in question_log.data_dir.iterdir() if p.name.startswith("questions")]
    assert {p.name for p in files} >= {"questions.sqlite3", "questions.sqlite3-wal"}
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path.name


async def test_raw_user_ids_never_reach_the_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = QuestionLog.start(data)
    user_id = 987654321123
    row_id = await record(log, user_id=user_id)
    await log.record_feedback(row_id, user_id, -1)
    assert await log.flush()
    [row] = read_questions(log.path)
    # the hash is stable and salted: not the plain SHA-256 of the id
    import hashlib

    assert row.user_hash != hashlib.sha256(str(user_id).encode()).hexdigest()
    needle = str(user_id).encode()
    for path in data.iterdir():  # the database, its WAL and anything else written there
        assert needle not in path.read_bytes(), path.name
    await log.aclose()
    for path in data.iterdir():
        assert needle not in path.read_bytes(), path.name


async def test_close_writes_everything_queued(tmp_path: Path) -> None:
    log = QuestionLog.start(tmp_path / "data")
    ids = [
        log.record_nowait(
            question=f"q{i}", lang="zh", outcome="decline", entry_id=None, score=None, user_id=i
        )
        for i in range(500)
    ]
    assert None not in ids
    await log.aclose()
    assert {row.id for row in read_questions(log.path)} == set(ids)
    # after closing, nothing is accepted and nothing raises
    assert (
        await log.record(
            question="late", lang="en", outcome="answer", entry_id=None, score=None, user_id=1
        )
        is None
    )
    assert await log.record_feedback(ids[0] or 0, 0, 1) is False
    assert await log.flush() is False


def test_retention_days_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="retention_days"):
        QuestionLog(tmp_path, retention_days=0)


async def test_record_reply_takes_the_fields_from_the_reply(question_log: QuestionLog) -> None:
    from bot.answers import Reply, Suggestion

    answer = Reply("where is tongzhou", "en", "answer", "text", entry_id="where", score=91.0)
    suggest = Reply(
        "funding?",
        "en",
        "suggest",
        "did you mean",
        score=44.0,
        suggestions=(Suggestion("talent-funding", "How much?", 44.0), Suggestion("b", "B", 40.0)),
    )
    decline = Reply("住房补贴", "zh", "decline", "sorry", score=12.0)
    near = Reply(
        "phd housing", "en", "decline", "sorry", score=12.5, closest=Suggestion("phd", "Q?", 12.5)
    )
    ids = [
        await question_log.record_reply(reply, user_id=9)
        for reply in (answer, suggest, decline, near)
    ]
    assert await question_log.flush()
    rows = {row.id: row for row in read_questions(question_log.path)}
    got = [(rows[i].outcome, rows[i].lang, rows[i].entry_id, rows[i].score) for i in ids if i]
    assert got == [
        ("answer", "en", "where", 91.0),
        ("suggest", "en", "talent-funding", 44.0),
        ("decline", "zh", None, 12.0),
        ("decline", "en", "phd", 12.5),
    ]


def test_any_text_at_all_is_stored_as_sent(tmp_path: Path) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    log = QuestionLog.start(tmp_path / "data")
    sent: dict[int, str] = {}

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.characters(codec=None), max_size=300), st.integers())
    def record_any(text: str, user_id: int) -> None:
        row_id = log.record_nowait(
            question=text,
            lang="en",
            outcome="decline",
            entry_id=text[:20] or None,
            score=None,
            user_id=user_id,
        )
        assert row_id is not None
        sent[row_id] = text

    record_any()
    log.close()
    stored = {row.id: row.question for row in read_questions(log.path)}
    assert set(stored) == set(sent)
    for row_id, text in sent.items():
        # only lone surrogates (not valid Unicode text) are replaced
        assert stored[row_id] == text.encode("utf-8", "replace").decode("utf-8")


async def test_an_answer_to_part_of_a_message_is_logged_as_a_gap(question_log: QuestionLog) -> None:
    from bot.answers import Reply

    whole = Reply("where is tongzhou", "en", "answer", "text", entry_id="where", score=91.0)
    part = Reply(
        "how many projects, and what is the deadline?",
        "en",
        "answer",
        "372 projects. My sources say nothing about the rest of your question.",
        entry_id="talent-projects-funding",
        score=90.5,
        partial=True,
    )
    ids = [await question_log.record_reply(reply, user_id=9) for reply in (whole, part)]
    assert await question_log.flush()
    rows = {row.id: row for row in read_questions(question_log.path)}
    assert [(rows[i].partial, rows[i].unanswered) for i in ids if i] == [
        (False, False),
        (True, True),
    ]
