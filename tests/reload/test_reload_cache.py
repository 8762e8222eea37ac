"""Hot reload through the engine cache: an edit is a new engine, undoing it brings the old back."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.reload
from bot.checking import check_folder
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
