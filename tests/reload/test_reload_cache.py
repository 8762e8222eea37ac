"""Hot reload through the engine cache: an edit is a new engine, undoing it brings the old back."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.reload
from bot.checking import check_folder
from bot.errors import KnowledgeError
from bot.knowledge import CheckResult
from bot.reload import faq_engine_holder

OLD = "Tongzhou is a district of Nantong, in Jiangsu province."
NEW = "Tongzhou is a district of the city of Nantong, in Jiangsu province."


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders hot reload checked (a cache hit checks none)."""
    checked: list[Path] = []

    def counting(directory: Path) -> CheckResult:
        checked.append(directory)
        return check_folder(directory)

    monkeypatch.setattr(bot.reload, "check_folder", counting)
    return checked


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def test_an_edit_is_a_new_engine_and_undoing_it_a_cache_hit(
    knowledge: Path, tmp_path: Path, checks: list[Path]
) -> None:
    cache = tmp_path / "cache"
    holder = faq_engine_holder(knowledge, cache)
    assert len(checks) == 1
    assert holder.engine.ask("Where is Tongzhou?").text == OLD

    edit(knowledge / "tongzhou.yaml", OLD, NEW)
    result = await holder.reload()
    assert result.ok, result.summary()
    assert len(checks) == 2
    assert holder.engine.ask("Where is Tongzhou?").text == NEW

    edit(knowledge / "tongzhou.yaml", NEW, OLD)
    result = await holder.reload()
    assert result.ok, result.summary()
    assert len(checks) == 2, "the engine built before the edit came from the cache"
    assert holder.engine.ask("Where is Tongzhou?").text == OLD
    assert result.generation == 3

    restarted = faq_engine_holder(knowledge, cache)
    assert len(checks) == 2, "a restart with the folder unchanged is a hit"
    assert restarted.engine.ask("Where is Tongzhou?").text == OLD


async def test_a_broken_edit_is_reported_and_not_cached(
    knowledge: Path, tmp_path: Path, checks: list[Path]
) -> None:
    cache = tmp_path / "cache"
    holder = faq_engine_holder(knowledge, cache)
    before = holder.engine
    edit(knowledge / "tongzhou.yaml", "review_by: 2027-06-30", "review_by: someday")
    for _ in range(2):
        result = await holder.reload()
        assert not result.ok
        assert result.errors
        assert holder.engine is before
    assert len(checks) == 3
    assert len(list(cache.glob("engine-*.pickle"))) == 1


async def test_a_folder_broken_while_the_bot_was_down_starts_with_its_last_good_engine(
    knowledge: Path, tmp_path: Path, checks: list[Path]
) -> None:
    cache = tmp_path / "cache"
    holder = faq_engine_holder(knowledge, cache)
    edit(knowledge / "tongzhou.yaml", OLD, NEW)
    assert (await holder.reload()).ok  # the last version without errors is now NEW
    edit(knowledge / "tongzhou.yaml", "review_by: 2027-06-30", "review_by: someday")

    restarted = faq_engine_holder(knowledge, cache)
    assert restarted.engine.ask("Where is Tongzhou?").text == NEW
    problems = restarted.start_problems
    assert problems is not None
    assert not problems.ok
    assert problems.at_start
    assert any(line.startswith("tongzhou.yaml:") for line in problems.errors), problems.errors
    assert "NOT loaded at start-up" in problems.summary()
    assert "last version without errors is answering" in problems.summary()

    edit(knowledge / "tongzhou.yaml", "review_by: someday", "review_by: 2027-06-30")
    fixed = await restarted.reload()
    assert fixed.ok, fixed.summary()
    assert restarted.engine.ask("Where is Tongzhou?").text == NEW
    assert faq_engine_holder(knowledge, cache).start_problems is None  # fixed: a clean start


def test_a_broken_folder_with_nothing_good_cached_still_stops_the_start(
    knowledge: Path, tmp_path: Path
) -> None:
    edit(knowledge / "tongzhou.yaml", "review_by: 2027-06-30", "review_by: someday")
    with pytest.raises(KnowledgeError):
        faq_engine_holder(knowledge, tmp_path / "cache")
    with pytest.raises(KnowledgeError):
        faq_engine_holder(knowledge)  # no cache at all


def test_a_last_good_record_others_could_write_is_not_trusted(
    knowledge: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    faq_engine_holder(knowledge, cache)
    (record,) = cache.glob("last-good-*")
    record.chmod(0o666)
    edit(knowledge / "tongzhou.yaml", "review_by: 2027-06-30", "review_by: someday")
    with pytest.raises(KnowledgeError):
        faq_engine_holder(knowledge, cache)
