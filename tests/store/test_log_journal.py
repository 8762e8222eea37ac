"""LogJournal: the question log behind the chat adapter's hooks."""

from __future__ import annotations

from bot.answers import Reply, Suggestion
from bot.store import LogJournal, QuestionLog, read_questions


async def test_the_hooks_land_on_the_right_rows(question_log: QuestionLog) -> None:
    journal = LogJournal(question_log)
    answer = Reply("where is tongzhou", "en", "answer", "text", entry_id="where", score=91.0)
    suggest = Reply(
        "funding?",
        "en",
        "suggest",
        "did you mean",
        score=44.0,
        suggestions=(Suggestion("talent-funding", "How much?", 44.0),),
    )
    rejected = Reply(
        "subsidy?",
        "en",
        "suggest",
        "did you mean",
        score=40.0,
        suggestions=(Suggestion("talent-funding", "How much?", 40.0),),
    )
    answered = await journal.record(answer, 5)
    picked = await journal.record(suggest, 5)
    none = await journal.record(rejected, 5)
    await journal.feedback(answered, 5, "down")
    await journal.feedback(answered, 5, "up")  # second press: ignored
    await journal.feedback(None, 5, "up")  # a button for an unlogged question
    await journal.chose(picked, 5, "talent-funding")
    await journal.none_of_these(none, 5)
    await journal.none_of_these(none, 6)  # someone else's button
    await journal.chose(None, 5, "x")
    await journal.none_of_these(None, 5)
    assert await question_log.flush()
    rows = {row.id: row for row in read_questions(question_log.path)}
    assert answered is not None
    assert picked is not None
    assert none is not None
    assert rows[answered].feedback == -1
    assert rows[picked].chosen_entry_id == "talent-funding"
    assert rows[none].none_of_these
    assert rows[none].unanswered
