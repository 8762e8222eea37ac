"""``talent-bot check``: every phrasing must retrieve its own entry.

A phrasing answered with ANOTHER entry is an error: a user typing exactly what staff wrote
would get a confidently wrong answer, the failure users hate most; the two entries' phrasings
need telling apart. A phrasing that only gets a "did you mean?" or a decline is a warning: the
entry is still reachable (it is offered among the suggestions, or through its other phrasings
and the topic list), and an edit should not be blocked for a phrasing that is merely vague.
"""

from __future__ import annotations

from bot.knowledge.model import LANGS, KnowledgeBase
from bot.knowledge.problems import Problem, Severity
from bot.matching.settings import MatchSettings
from bot.matching.shared import matcher_for


def check_phrasings_retrieve_their_entry(
    knowledge: KnowledgeBase, settings: MatchSettings | None = None
) -> list[Problem]:
    matcher = matcher_for(knowledge, settings or MatchSettings())
    problems: list[Problem] = []
    for entry in knowledge.entries:
        for lang in LANGS:
            for number, question in enumerate(entry.questions.get(lang, ())):
                match = matcher.match(question, lang)
                if match.kind == "answer" and match.entry_id == entry.id:
                    continue
                where = entry.where(f"questions.{lang}.{number}")
                if match.kind == "answer":
                    message = (
                        f"phrasing {question!r} of entry {entry.id} is answered with entry "
                        f"{match.entry_id}; reword it or the other entry's phrasings"
                    )
                    severity = Severity.ERROR
                else:
                    message = (
                        f"phrasing {question!r} of entry {entry.id} gets a {match.kind}, "
                        "not its own answer; make it more specific"
                    )
                    severity = Severity.WARNING
                problems.append(Problem(where.file, where.line, where.column, message, severity))
    return problems
