"""EngineHolder: atomic swaps on valid edits, the old engine on invalid ones, coalescing."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from reload_fakes import FakeEngine, GatedLoader, load_fake_engine

from bot.errors import KnowledgeError
from bot.reload import EngineHolder, ReloadResult, reload_and_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    (directory / "policy.yaml").write_text("housing: 3000\n")
    (directory / "topics.yaml").write_text("topics: [housing]\n")
    return directory


def test_initial_load_raises_on_invalid_knowledge(folder: Path) -> None:
    (folder / "policy.yaml").write_text("ok: 1\nhousing: BROKEN\n")
    with pytest.raises(KnowledgeError) as caught:
        EngineHolder.load(folder, load_fake_engine)
    assert [p.format() for p in caught.value.problems] == ["policy.yaml:2:10: this value is broken"]


async def test_valid_edit_swaps_the_engine(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    before = holder.engine
    assert holder.generation == 1
    (folder / "policy.yaml").write_text("housing: 5000\n")
    result = await holder.reload()
    assert result == ReloadResult(True, folder, (), 2)
    assert holder.engine is not before
    provider = holder.get  # what the chat adapter is given
    assert provider() is holder.engine
    assert "housing: 5000" in holder.engine.answer()
    assert "housing: 3000" in before.answer()  # the old engine object is untouched


async def test_invalid_edit_keeps_the_old_engine_and_says_where(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    before = holder.engine
    (folder / "policy.yaml").write_text("housing: 5000\nfunding: BROKEN\n")
    (folder / "topics.yaml").write_text("  BROKEN\n")
    result = await holder.reload()
    assert not result.ok
    assert result.errors == (
        "policy.yaml:2:10: this value is broken",
        "topics.yaml:1:3: this value is broken",
    )
    assert holder.engine is before
    assert holder.generation == 1
    summary = result.summary()
    assert "NOT reloaded" in summary
    assert "previous version is still answering" in summary
    assert summary.splitlines()[1:] == list(result.errors)

    (folder / "policy.yaml").write_text("housing: 6000\n")
    (folder / "topics.yaml").write_text("topics: [housing]\n")
    fixed = await holder.reload()
    assert fixed.ok
    assert fixed.generation == 2
    assert "housing: 6000" in holder.engine.answer()


async def test_a_vanished_folder_keeps_the_old_engine(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    before = holder.engine
    shutil.rmtree(folder)
    result = await holder.reload()
    assert not result.ok
    assert len(result.errors) == 1
    assert result.errors[0].startswith(f"{folder}: could not load: FileNotFoundError")
    assert holder.engine is before


async def test_concurrent_requests_coalesce_into_one_follow_up(folder: Path) -> None:
    loader = GatedLoader()
    loader.gate.set()
    holder = EngineHolder.load(folder, loader)
    assert loader.builds == 1
    loader.gate.clear()
    loader.started.clear()

    first = asyncio.create_task(holder.reload())
    await asyncio.to_thread(loader.started.wait, 60)
    # an edit lands while the first build is running, then many requests pile up
    (folder / "policy.yaml").write_text("housing: 9000\n")
    waiting = [asyncio.create_task(holder.reload()) for _ in range(10)]
    await asyncio.sleep(0)
    loader.gate.set()
    first_result = await first
    results = await asyncio.gather(*waiting)

    assert loader.builds == 3  # the initial load, the running reload, ONE follow-up
    assert first_result.ok
    assert all(r == results[0] for r in results)
    assert results[0].generation == 3
    assert "housing: 9000" in holder.engine.answer()  # the follow-up saw the late edit


async def test_questions_during_reloads_see_one_whole_engine(folder: Path) -> None:
    holder: EngineHolder[FakeEngine] = EngineHolder.load(folder, load_fake_engine)
    valid = {holder.engine.answer()}
    answers: list[str] = []
    stop = asyncio.Event()

    async def ask_repeatedly() -> None:
        while not stop.is_set():
            engine = holder.engine  # once per question
            await asyncio.sleep(0)  # the answer is built across awaits
            answers.append(engine.answer())

    askers = [asyncio.create_task(ask_repeatedly()) for _ in range(5)]
    for amount in range(10):
        (folder / "policy.yaml").write_text(f"housing: {amount}\n")
        (folder / "topics.yaml").write_text(f"topics: [t{amount}]\n")
        result = await holder.reload()
        assert result.ok
        valid.add(holder.engine.answer())
        (folder / "topics.yaml").write_text("BROKEN\n")  # a half-finished edit
        assert not (await holder.reload()).ok
    stop.set()
    await asyncio.gather(*askers)
    assert answers
    assert set(answers) <= valid  # never a mix of two versions, never the broken one


async def test_reload_and_report_survives_a_failing_callback(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    seen: list[ReloadResult] = []

    async def failing_callback(result: ReloadResult) -> None:
        seen.append(result)
        raise RuntimeError("the admin chat is unreachable")

    result = await reload_and_report(holder, failing_callback)
    assert result.ok
    assert seen == [result]
    assert "the reload callback failed" in caplog.text

    plain: list[ReloadResult] = []
    assert (await reload_and_report(holder, plain.append)).ok
    assert len(plain) == 1
