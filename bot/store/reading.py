"""Reading the question log for reports, alongside a running bot (WAL lets both proceed)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.errors import TalentBotError
from bot.store.schema import SCHEMA_VERSION, SchemaTooNewError, migrate, schema_version
from bot.store.timefmt import format_time, parse_time


class QuestionLogUnavailable(TalentBotError):
    """The question log is missing or cannot be read; the message says which and why."""


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    asked_at: dt.datetime
    lang: str
    outcome: str
    entry_id: str | None
    score: float | None
    question: str
    feedback: int | None
    user_hash: str
    none_of_these: bool
    chosen_entry_id: str | None
    partial: bool = False  # answered in part: the message asked more than the answer covers

    @property
    def unanswered(self) -> bool:
        """A gap: declined, answered only in part, or the user rejected every suggestion."""
        return self.outcome == "decline" or self.none_of_these or self.partial


_COLUMNS = (
    "id, asked_at, lang, outcome, entry_id, score, question, feedback, user_hash,"
    " none_of_these, chosen_entry_id, partial"
)


def read_questions(
    db_path: Path, since: dt.datetime | None = None, until: dt.datetime | None = None
) -> list[LoggedQuestion]:
    """Rows asked in ``[since, until)``, oldest first. Raises ``QuestionLogUnavailable``."""
    clauses: list[str] = []
    parameters: list[str] = []
    if since is not None:
        clauses.append("asked_at >= ?")
        parameters.append(format_time(since))
    if until is not None:
        clauses.append("asked_at < ?")
        parameters.append(format_time(until))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    connection = _connect(db_path)
    try:
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM questions{where} ORDER BY asked_at, id",  # noqa: S608 - fixed text
            parameters,
        ).fetchall()
    except sqlite3.Error as error:
        raise QuestionLogUnavailable(f"cannot read {db_path}: {error}") from error
    finally:
        connection.close()
    return [_to_question(row) for row in rows]


def _connect(db_path: Path) -> sqlite3.Connection:
    if not db_path.is_file():
        raise QuestionLogUnavailable(
            f"no question log at {db_path} (the bot creates it when it answers its first question)"
        )
    try:
        connection = sqlite3.connect(db_path, timeout=5.0, isolation_level=None)
    except sqlite3.Error as error:
        raise QuestionLogUnavailable(f"cannot open {db_path}: {error}") from error
    try:
        if schema_version(connection) < SCHEMA_VERSION:
            migrate(connection)  # an older release's log: bring it forward, as the bot would
        connection.execute("PRAGMA query_only = ON")
    except (sqlite3.Error, SchemaTooNewError) as error:
        connection.close()
        raise QuestionLogUnavailable(f"cannot read {db_path}: {error}") from error
    return connection


def _to_question(row: tuple[object, ...]) -> LoggedQuestion:
    (
        row_id,
        asked_at,
        lang,
        outcome,
        entry_id,
        score,
        question,
        feedback,
        user_hash,
        none,
        chosen,
        partial,
    ) = row
    return LoggedQuestion(
        id=int(str(row_id)),
        asked_at=parse_time(str(asked_at)),
        lang=str(lang),
        outcome=str(outcome),
        entry_id=None if entry_id is None else str(entry_id),
        score=None if score is None else float(str(score)),
        question=str(question),
        feedback=None if feedback is None else int(str(feedback)),
        user_hash=str(user_hash),
        none_of_these=bool(none),
        chosen_entry_id=None if chosen is None else str(chosen),
        partial=bool(partial),
    )
