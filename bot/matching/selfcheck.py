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

# What the bot does instead, as a user would see it: "a suggest" meant nothing to staff.
_INSTEAD = {
    "suggest": 'the bot only asks "Did you mean…?" and offers suggestions',
    "decline": "the bot says it cannot answer it",
    "smalltalk": "the bot takes it for small talk (a greeting, thanks, ...)",
}

# An answer's numbers and named examples count in matching, so an edit to an answer alone can
# move a phrasing: the staff guide (knowledge/README.md) explains what to do then.
_ANSWER_EDITS = ' (an edited answer can cause this too: see "Which entry answers" in README.md)'


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
                        f"phrasing '{question}' of entry '{entry.id}' gets the answer of entry "
                        f"'{match.entry_id}', so a user asking exactly this would get the wrong "
                        f"answer; make it more clearly about '{entry.id}', or reword the "
                        f"phrasings of '{match.entry_id}'{_ANSWER_EDITS}"
                    )
                    severity = Severity.ERROR
                else:
                    message = (
                        f"phrasing '{question}' of entry '{entry.id}' does not get its own "
                        f"answer: {_INSTEAD[match.kind]}; make it more clearly about "
                        f"'{entry.id}'{_ANSWER_EDITS}"
                    )
                    severity = Severity.WARNING
                problems.append(Problem(where.file, where.line, where.column, message, severity))
    return problems
