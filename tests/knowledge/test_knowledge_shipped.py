"""The knowledge base that ships with the bot passes every check."""

from __future__ import annotations

from bot.knowledge import validate_folder
from bot.knowledge.loader import load_knowledge
from bot.paths import shipped_knowledge_dir


def test_the_shipped_knowledge_base_has_no_errors():
    result = validate_folder(shipped_knowledge_dir())

    assert [p.format() for p in result.errors] == []
    assert result.kb is not None


def test_its_only_possible_warnings_are_review_dates():
    result = validate_folder(shipped_knowledge_dir())

    assert [p.format() for p in result.warnings if "review date" not in p.message] == []


def test_it_loads_every_file_it_holds():
    kb, problems = load_knowledge(shipped_knowledge_dir())

    assert problems == []
    assert kb is not None
    assert kb.sources
    assert kb.topics
    assert kb.entries
    assert kb.smalltalk
    assert kb.synonyms
    assert {entry.topic for entry in kb.entries} == {topic.id for topic in kb.topics}
