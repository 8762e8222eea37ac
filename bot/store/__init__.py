"""The private question log: what was asked, how it went, and the feedback; no identities.

    log = QuestionLog.start(data_dir, retention_days=90)  # writer thread; opens there
    row_id = await log.record_reply(reply, user_id)     # int | None, returns at once
    await log.record_feedback(row_id, user_id, +1)      # True only the first time, own row
    await log.mark_none_of_these(row_id, user_id)       # after a "did you mean?"
    await log.mark_chosen(row_id, user_id, entry_id)    # ... or the suggestion they picked
    await log.aclose()                                  # writes what is queued, then stops

``LogJournal(log)`` wraps it in the chat adapter's hook names. ``record`` takes the fields
one by one instead of a Reply. Row ids are positive integers of
about 12 digits (below 10**12 until 2051), made for callback data. User ids are hashed with
a salt kept in the data folder; they are never stored. ``read_questions(log.path, since,
until)`` reads rows back for reports.
"""

from bot.store.journal import LogJournal
from bot.store.log import DB_FILE_NAME, DEFAULT_RETENTION_DAYS, MAX_QUESTION_CHARS, QuestionLog
from bot.store.reading import LoggedQuestion, QuestionLogUnavailable, read_questions
from bot.store.salt import SALT_FILE_NAME

__all__ = [
    "DB_FILE_NAME",
    "DEFAULT_RETENTION_DAYS",
    "MAX_QUESTION_CHARS",
    "SALT_FILE_NAME",
    "LogJournal",
    "LoggedQuestion",
    "QuestionLog",
    "QuestionLogUnavailable",
    "read_questions",
]
