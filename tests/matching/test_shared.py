"""A reload's self-check and the engine it builds share one matcher; nothing else shares one."""

from __future__ import annotations

import pytest

from bot.faq import FaqEngine
from bot.matching import shared
from bot.matching.selfcheck import check_phrasings_retrieve_their_entry
from bot.matching.settings import MatchSettings
from bot.paths import shipped_knowledge_dir
from bot.reload import load_faq_engine


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every matcher built from now on."""
    built: list[object] = []

    class Counted(shared.Matcher):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            built.append(self)

    monkeypatch.setattr(shared, "Matcher", Counted)
    return built


def test_a_reload_checks_and_serves_with_one_matcher(builds: list[object]) -> None:
    engine = load_faq_engine(shipped_knowledge_dir())

    assert builds == [engine.matcher]
    assert engine.ask("Where is Tongzhou?").kind == "answer"


def test_outside_a_reload_every_engine_builds_its_own(
    shipped: FaqEngine, builds: list[object]
) -> None:
    check_phrasings_retrieve_their_entry(shipped.knowledge)
    first, second = FaqEngine(shipped.knowledge), FaqEngine(shipped.knowledge)

    assert len(builds) == 3
    assert first.matcher is not second.matcher


def test_other_settings_get_their_own_matcher(shipped: FaqEngine, builds: list[object]) -> None:
    with shared.one_matcher_per_knowledge_base():
        usual = FaqEngine(shipped.knowledge)
        stricter = FaqEngine(shipped.knowledge, MatchSettings(answer_threshold=60.0))
        again = FaqEngine(shipped.knowledge)

    assert usual.matcher is again.matcher
    assert stricter.matcher is not usual.matcher
    assert len(builds) == 2
