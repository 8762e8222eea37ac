"""The FaqEngine surface the CLI and the Telegram adapter code against."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.answers import Reply
from bot.errors import KnowledgeError
from bot.faq import FaqEngine
from bot.knowledge import checks
from bot.matching.outcome import Candidate, Match
from bot.paths import shipped_knowledge_dir


@pytest.fixture(scope="module")
def engine() -> FaqEngine:
    return FaqEngine.load()


def test_load_defaults_to_the_shipped_knowledge_base(engine: FaqEngine) -> None:
    assert Path(engine.knowledge.root).resolve() == shipped_knowledge_dir().resolve()
    assert engine.knowledge.entries


def test_load_raises_with_every_error_for_a_broken_folder(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder)
    (folder / "topics.yaml").write_text("topics: [", encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        FaqEngine.load(folder)
    assert raised.value.problems
    assert all(p.file for p in raised.value.problems)


def test_load_looks_for_errors_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing shows FaqEngine.load's warnings, so the checks that can only warn are skipped."""
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder)

    def must_not_run(*_args: object) -> object:
        raise AssertionError("a check that can only warn ran")

    monkeypatch.setattr(checks, "_traditional_characters", must_not_run)
    monkeypatch.setattr(checks, "check_review_dates", must_not_run)

    assert FaqEngine.load(folder).knowledge.entries


def test_an_answer_carries_sources_with_verbatim_quotes_and_related_questions(
    engine: FaqEngine,
) -> None:
    reply = engine.ask("Where is Tongzhou?")
    assert reply.kind == "answer"
    entry = engine.knowledge.entry(reply.entry_id or "")
    assert entry is not None
    assert reply.text == entry.answer["en"]
    assert reply.sources
    for source_ref in reply.sources:
        source = engine.knowledge.source(source_ref.source_id)
        assert source is not None
        assert source_ref.title == source.title
        assert source_ref.url == source.url
        assert source_ref.date == source.date.isoformat()
        assert " ".join(source_ref.quote.split()) in " ".join(source.text.split())
    assert [r.entry_id for r in reply.related] == list(entry.related)
    assert reply.score is not None


def test_the_reply_language_follows_the_question(engine: FaqEngine) -> None:
    reply = engine.ask("通州在哪里")
    entry = engine.knowledge.entry(reply.entry_id or "")
    assert entry is not None
    assert (reply.lang, reply.text) == ("zh", entry.answer["zh"])
    assert all(re.search(r"[\u4e00-\u9fff]", r.question) for r in reply.related)
    assert engine.ask("通州在哪里", "en").text == entry.answer["en"]


def test_a_decline_says_the_sources_do_not_cover_it_and_lists_the_topics(
    engine: FaqEngine,
) -> None:
    for question, lang in (("What salary does a postdoc get?", "en"), ("博士后工资多少", "zh")):
        reply = engine.ask(question)
        assert (reply.kind, reply.lang, reply.entry_id) == ("decline", lang, None)
        for topic in engine.knowledge.topics:
            assert topic.names[lang] in reply.text
        assert len(reply.topics) == len(engine.knowledge.topics)
        assert not reply.sources


def test_a_decline_names_the_entry_it_came_closest_to(engine: FaqEngine) -> None:
    question = "Does the talent policy cover housing?"
    reply = engine.ask(question)
    best = engine.matcher.match(question).candidates[0]
    assert (reply.kind, reply.entry_id) == ("decline", None)
    assert reply.closest is not None
    assert (reply.closest.entry_id, reply.closest.score) == (best.entry_id, best.score)
    entry = engine.knowledge.entry(best.entry_id)
    assert entry is not None
    assert reply.closest.question == entry.questions["en"][0]
    assert reply.to_json()["entry_id"] is None  # the command line's shape is unchanged
    assert "closest" not in reply.to_json()
    nothing_shared = engine.ask("qwxzv")
    assert (nothing_shared.kind, nothing_shared.closest) == ("decline", None)


def test_small_talk_replies_in_the_question_language(engine: FaqEngine) -> None:
    assert engine.ask("hello").kind == "smalltalk"
    reply = engine.ask("你好")
    assert (reply.kind, reply.lang) == ("smalltalk", "zh")


def test_reply_for_entry(engine: FaqEngine) -> None:
    entry = engine.knowledge.entries[0]
    reply = engine.reply_for_entry(entry.id, "zh")
    assert reply is not None
    assert (reply.kind, reply.entry_id, reply.text) == ("answer", entry.id, entry.answer["zh"])
    assert reply.question == entry.questions["zh"][0]
    assert engine.reply_for_entry("no-such-entry", "en") is None


def test_topics_and_their_questions(engine: FaqEngine) -> None:
    topics = engine.topics("zh")
    assert [t.topic_id for t in topics] == [t.id for t in engine.knowledge.topics]
    first = engine.knowledge.topics[0]
    questions = engine.questions_in_topic(first.id, "en")
    expected = engine.knowledge.entries_in_topic(first.id)
    assert [q.entry_id for q in questions] == [e.id for e in expected]
    assert [q.question for q in questions] == [e.questions["en"][0] for e in expected]
    assert engine.questions_in_topic("no-such-topic", "en") == ()


def test_search_returns_answers_best_first_or_nothing(engine: FaqEngine) -> None:
    results = engine.search("doctoral event", limit=3)
    assert 1 <= len(results) <= 3
    assert all(isinstance(r, Reply) and r.kind == "answer" for r in results)
    scores = [r.score or 0 for r in results]
    assert scores == sorted(scores, reverse=True)
    assert engine.search("What salary does a postdoc get?") == ()
    assert engine.search("") == ()
    assert engine.search("doctoral event", limit=0) == ()


def test_sources_list_every_document_without_quotes(engine: FaqEngine) -> None:
    sources = engine.sources()
    assert [s.source_id for s in sources] == [s.id for s in engine.knowledge.sources]
    assert all(s.quote == "" for s in sources)


def test_to_json_has_exactly_the_documented_fields(engine: FaqEngine) -> None:
    fields = {"question", "lang", "kind", "entry_id", "score", "answer", "sources", "suggestions"}
    answer = engine.ask("policy 3.0").to_json()
    assert set(answer) == fields
    assert set(answer["sources"][0]) == {"title", "date", "url", "quote"}
    decline = engine.ask("visa").to_json()
    assert (decline["entry_id"], decline["sources"], decline["suggestions"]) == (None, [], [])


def test_a_single_suggestion_is_not_offered_as_a_choice_among_several() -> None:
    engine = FaqEngine.load()
    one = (Candidate("tongzhou-location", 35.0),)
    several = (*one, Candidate("talent-hubs", 33.0))
    for lang in ("en", "zh"):
        single = engine.reply_for_match("q", Match("suggest", lang, score=35.0, candidates=one))
        double = engine.reply_for_match("q", Match("suggest", lang, score=35.0, candidates=several))
        assert (len(single.suggestions), len(double.suggestions)) == (1, 2)
        assert single.text != double.text
    assert (
        "which of these"
        not in engine.reply_for_match("q", Match("suggest", "en", score=35.0, candidates=one)).text
    )
