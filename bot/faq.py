"""The FAQ engine: one knowledge base, its matcher, and the replies built from them.

This is the whole public surface the CLI and the Telegram adapter use::

    engine = FaqEngine.load()                  # the shipped knowledge base, checked
    reply = engine.ask("Where is Tongzhou?")   # a Reply: answer / suggest / decline / smalltalk

Replies are plain data (``bot.answers``); each front end renders them its own way.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from pathlib import Path

from bot.answers import Reply, SourceRef, Suggestion, TopicRef
from bot.errors import KnowledgeError
from bot.knowledge import validate_folder
from bot.knowledge.model import Entry, KnowledgeBase, Lang
from bot.matching.outcome import Candidate, Match
from bot.matching.settings import MatchSettings
from bot.matching.shared import matcher_for
from bot.paths import shipped_knowledge_dir

_SUGGEST_TEXT: dict[Lang, str] = {
    "en": "I'm not sure which of these you mean. Did you mean:",
    "zh": "我不太确定您想问的是哪一个。您是想问：",
}
_SUGGEST_ONE_TEXT: dict[Lang, str] = {
    "en": "I'm not sure I understood. Did you mean:",
    "zh": "我不太确定是否理解了您的问题。您是想问：",
}
# A decline is the notice, then the topics sentence; the chat and Telegram show the notice
# alone (Reply.notice) above their own topic lists (numbers, buttons).
_DECLINE_NOTICE: dict[Lang, str] = {
    "en": "Sorry, my sources don't cover that, so I can't answer it. I only answer from {sources}.",
    "zh": "抱歉，我的资料来源没有涉及这个问题，所以无法回答。我只根据{sources}回答问题。",
}
_DECLINE_TOPICS: dict[Lang, str] = {
    "en": " I can answer questions about: {topics}.",
    "zh": "我可以回答以下方面的问题：{topics}。",
}
_SOURCE_FORMAT: dict[Lang, str] = {
    "en": "\u201c{title}\u201d ({date})",
    "zh": "《{title}》（{date}）",
}
_TOPIC_SEPARATOR: dict[Lang, str] = {"en": "; ", "zh": "、"}
# After an answer to one part of a message asking several things
_PARTIAL_NOTE: dict[Lang, str] = {
    "en": "My sources say nothing about the rest of your question.",
    "zh": "您问题的其余部分，我的资料来源没有涉及。",
}


class FaqEngine:
    """Answers questions from one knowledge base. Immutable once built; safe to share."""

    def __init__(self, knowledge: KnowledgeBase, settings: MatchSettings | None = None) -> None:
        self.knowledge = knowledge
        self.settings = settings or MatchSettings()
        self.matcher = matcher_for(knowledge, self.settings)
        self._smalltalk = {talk.id: talk for talk in knowledge.smalltalk}

    @classmethod
    def load(
        cls,
        directory: Path | None = None,
        settings: MatchSettings | None = None,
        *,
        cache_dir: Path | None = None,
    ) -> FaqEngine:
        """Check and load a knowledge folder (the shipped one by default).

        Raises ``KnowledgeError`` carrying every error if the folder has any. Warnings are not
        looked for: nothing here would show them (``talent-bot check`` and hot reload do).
        With ``cache_dir``, an engine built before from the same files, code and settings is
        taken from there, and a newly built one is stored there (``bot.enginecache``).
        """
        folder = directory or shipped_knowledge_dir()
        chosen = settings or MatchSettings()

        def build() -> FaqEngine:
            result = validate_folder(folder, warnings=False)
            if result.errors or result.kb is None:
                raise KnowledgeError(result.errors)
            return cls(result.kb, chosen)

        from bot.enginecache import load_through_cache  # it imports this module

        return load_through_cache(
            build, knowledge_dir=folder, settings=chosen, level="errors", cache_dir=cache_dir
        )

    def without_examples(self, questions: Iterable[str]) -> FaqEngine:
        """This engine as it would be had no example asked one of ``questions``: evaluating on
        questions the engine learnt from would measure its memory, not its reading."""
        other = copy.copy(self)
        other.matcher = self.matcher.without_examples(questions)
        return other

    # --- questions ----------------------------------------------------------------------------

    def ask(self, question: str, lang: Lang | None = None) -> Reply:
        """The reply to ``question``; ``lang`` overrides the language detected from the script."""
        return self.reply_for_match(question, self.matcher.match(question, lang))

    def reply_for_match(self, question: str, match: Match) -> Reply:
        lang = match.lang
        if match.kind == "answer" and match.entry_id is not None:
            entry = self.knowledge.entry(match.entry_id)
            if entry is not None:
                reply = self._answer(question, entry, lang, match.score)
                if match.partial:
                    return dataclasses.replace(
                        reply, text=f"{reply.text}\n\n{_PARTIAL_NOTE[lang]}", partial=True
                    )
                return reply
        if match.kind == "smalltalk" and match.entry_id in self._smalltalk:
            talk = self._smalltalk[match.entry_id]
            return Reply(
                question=question,
                lang=lang,
                kind="smalltalk",
                text=talk.answer[lang],
                entry_id=talk.id,
                score=match.score,
            )
        if match.kind == "suggest" and match.candidates:
            suggestions = self._suggestions(match.candidates, lang)
            return Reply(
                question=question,
                lang=lang,
                kind="suggest",
                text=(_SUGGEST_TEXT if len(suggestions) > 1 else _SUGGEST_ONE_TEXT)[lang],
                score=match.score,
                suggestions=suggestions,
            )
        closest = self._suggestions(match.candidates[:1], lang)
        return self._decline(question, lang, match.score, closest[0] if closest else None)

    def reply_for_entry(self, entry_id: str, lang: Lang) -> Reply | None:
        """The answer to an entry chosen from a button or a list; None for an unknown id."""
        entry = self.knowledge.entry(entry_id)
        if entry is None:
            return None
        return self._answer(entry.questions[lang][0], entry, lang, None)

    def search(self, query: str, lang: Lang | None = None, limit: int = 5) -> tuple[Reply, ...]:
        """Up to ``limit`` answers for inline search, best first; () when nothing is relevant."""
        match, ranked = self.matcher.match_and_rank(query, lang)
        if match.kind not in ("answer", "suggest") or limit <= 0:
            return ()
        floor = self.settings.suggest_threshold
        replies: list[Reply] = []
        # The answer first, whatever its place in the rules' ranking: the labelled examples may
        # have chosen the runner-up, or an entry the rules gave a low confidence.
        answered = self.knowledge.entry(match.entry_id or "") if match.kind == "answer" else None
        if answered is not None:
            replies.append(self._answer(query, answered, match.lang, match.score))
        for candidate in ranked:
            if candidate.score < floor or len(replies) >= limit:
                break
            entry = self.knowledge.entry(candidate.entry_id)
            if entry is not None and entry is not answered:
                replies.append(self._answer(query, entry, match.lang, candidate.score))
        return tuple(replies)

    # --- browsing -----------------------------------------------------------------------------

    def topics(self, lang: Lang) -> tuple[TopicRef, ...]:
        return tuple(TopicRef(topic.id, topic.names[lang]) for topic in self.knowledge.topics)

    def questions_in_topic(self, topic_id: str, lang: Lang) -> tuple[Suggestion, ...]:
        return tuple(
            Suggestion(entry.id, entry.questions[lang][0])
            for entry in self.knowledge.entries_in_topic(topic_id)
        )

    def sources(self) -> tuple[SourceRef, ...]:
        return tuple(
            SourceRef(source.id, source.title, source.date.isoformat(), source.url, "")
            for source in self.knowledge.sources
        )

    # --- replies ------------------------------------------------------------------------------

    def _answer(self, question: str, entry: Entry, lang: Lang, score: float | None) -> Reply:
        sources: list[SourceRef] = []
        for citation in entry.citations:
            source = self.knowledge.source(citation.source_id)
            if source is not None:
                sources.append(
                    SourceRef(
                        source.id,
                        source.title,
                        source.date.isoformat(),
                        source.url,
                        citation.quote,
                    )
                )
        related = tuple(
            Suggestion(other.id, other.questions[lang][0])
            for other in (self.knowledge.entry(entry_id) for entry_id in entry.related)
            if other is not None
        )
        return Reply(
            question=question,
            lang=lang,
            kind="answer",
            text=entry.answer[lang],
            entry_id=entry.id,
            score=score,
            sources=tuple(sources),
            related=related,
        )

    def _suggestions(self, candidates: tuple[Candidate, ...], lang: Lang) -> tuple[Suggestion, ...]:
        found: list[Suggestion] = []
        for candidate in candidates:
            entry = self.knowledge.entry(candidate.entry_id)
            if entry is not None:
                found.append(Suggestion(entry.id, entry.questions[lang][0], candidate.score))
        return tuple(found)

    def _decline_notice(self, lang: Lang) -> str:
        cited = _SOURCE_FORMAT[lang]
        return _DECLINE_NOTICE[lang].format(
            sources=_TOPIC_SEPARATOR[lang].join(
                cited.format(title=s.title, date=s.date.isoformat()) for s in self.knowledge.sources
            )
        )

    def _decline(
        self, question: str, lang: Lang, score: float | None, closest: Suggestion | None
    ) -> Reply:
        topics = self.topics(lang)
        notice = self._decline_notice(lang)
        text = notice + _DECLINE_TOPICS[lang].format(
            topics=_TOPIC_SEPARATOR[lang].join(topic.name for topic in topics)
        )
        return Reply(
            question=question,
            lang=lang,
            kind="decline",
            text=text,
            score=score,
            topics=topics,
            closest=closest,
            notice=notice,
        )
