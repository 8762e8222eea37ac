"""What the matcher decides for a question, as the rule tests compare it."""

from __future__ import annotations

from bot.faq import FaqEngine


def outcome(engine: FaqEngine, question: str) -> tuple[str, str | None]:
    match = engine.matcher.match(question)
    return match.kind, match.entry_id


def answers_or_not(engine: FaqEngine, question: str, expected: str | None) -> bool:
    """``question`` is answered with entry ``expected``; or, when that is None, not answered."""
    kind, entry_id = outcome(engine, question)
    if expected is None:
        return kind != "answer"
    return (kind, entry_id) == ("answer", expected)
