"""The reply as data: text, sources and suggestions, with no output format.

The CLI prints it, the Telegram adapter renders it to HTML, and ``to_json`` gives the
``talent-bot ask --json`` object. Nothing here formats for a particular medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.knowledge.model import Lang
from bot.matching.outcome import Kind


@dataclass(frozen=True)
class SourceRef:
    source_id: str
    title: str
    date: str  # ISO date of the source
    url: str
    quote: str


@dataclass(frozen=True)
class Suggestion:
    entry_id: str
    question: str  # the entry's canonical question, in the reply language
    score: float | None = None


@dataclass(frozen=True)
class TopicRef:
    topic_id: str
    name: str  # in the reply language


@dataclass(frozen=True)
class Reply:
    question: str
    lang: Lang
    kind: Kind
    text: str  # the reply body, plain text, in the reply language
    entry_id: str | None = None
    score: float | None = None
    sources: tuple[SourceRef, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()  # "did you mean?" candidates (kind == "suggest")
    related: tuple[Suggestion, ...] = ()  # follow-up questions (kind == "answer")
    topics: tuple[TopicRef, ...] = field(default=())  # offered with a decline
    # A decline's text without the sentence naming the topics, for front ends that list the
    # topics themselves (numbers in the chat, buttons in Telegram); "" for other kinds.
    notice: str = ""
    # For a decline: the entry the question came closest to, with its score, so the question
    # log can show which entry an unanswered question was near. Not part of ``to_json``, whose
    # shape the command line promises (a decline's ``entry_id`` there stays null).
    closest: Suggestion | None = None
    # For an answer to one part of a message asking several things: the text ends saying the
    # sources cover nothing of the rest. Not part of ``to_json`` either (the note is in "answer").
    partial: bool = False

    def to_json(self) -> dict[str, Any]:
        """The object ``talent-bot ask --json`` prints; fields that don't apply are null/empty."""
        return {
            "question": self.question,
            "lang": self.lang,
            "kind": self.kind,
            "entry_id": self.entry_id,
            "score": None if self.score is None else round(self.score, 2),
            "answer": self.text,
            "sources": [
                {"title": s.title, "date": s.date, "url": s.url, "quote": s.quote}
                for s in self.sources
            ],
            "suggestions": [
                {
                    "entry_id": s.entry_id,
                    "question": s.question,
                    "score": None if s.score is None else round(s.score, 2),
                }
                for s in self.suggestions
            ],
        }
