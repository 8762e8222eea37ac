"""What triggers a reload: file changes (not editor litter) and SIGHUP."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest
from reload_fakes import load_fake_engine
from watchfiles import Change

from bot.reload import (
    EngineHolder,
    KnowledgeChangeFilter,
    ReloadResult,
    install_sighup_reload,
    watch_knowledge,
)

PATIENCE_SECONDS = 60  # generous: a loaded CI machine may be slow, and nothing is timed


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    directory.mkdir()
    (directory / "policy.yaml").write_text("housing: 3000\n")
    return directory


async def edit_until_reloaded(
    path: Path, texts: list[str], results: asyncio.Queue[ReloadResult]
) -> ReloadResult:
    """Write the edit (again, if the watcher wasn't listening yet) until a reload reports."""
    for attempt in range(PATIENCE_SECONDS):
        path.write_text(texts[attempt % len(texts)])
        try:
            return await asyncio.wait_for(results.get(), timeout=1)
        except TimeoutError:
            continue
    raise AssertionError("the watcher never reported a reload")


async def test_watcher_reloads_a_valid_edit_and_reports_a_broken_one(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    results: asyncio.Queue[ReloadResult] = asyncio.Queue()
    stop = asyncio.Event()
    watcher = asyncio.create_task(
        watch_knowledge(holder, results.put_nowait, debounce_ms=100, stop_event=stop)
    )
    try:
        policy = folder / "policy.yaml"
        result = await edit_until_reloaded(policy, ["housing: 5000\n"], results)
        assert result.ok
        assert "housing: 5000" in holder.engine.answer()
        while not results.empty():  # repeated writes may have queued more reports
            assert results.get_nowait().ok

        good = holder.engine
        broken = await edit_until_reloaded(policy, ["housing: BROKEN\n"], results)
        assert not broken.ok
        assert broken.errors == ("policy.yaml:1:10: this value is broken",)
        assert holder.engine is good
    finally:
        stop.set()
        await asyncio.wait_for(watcher, PATIENCE_SECONDS)


async def test_watcher_can_be_cancelled(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    watcher = asyncio.create_task(watch_knowledge(holder, debounce_ms=100))
    await asyncio.sleep(0.1)
    watcher.cancel()
    with pytest.raises(asyncio.CancelledError):
        await watcher


@pytest.mark.parametrize(
    "name",
    [
        ".policy.yaml.swp",
        ".policy.yaml.swx",
        "policy.yaml~",
        ".#policy.yaml",
        "#policy.yaml#",
        "4913",
        "policy.yaml.tmp",
        "policy.yaml.bak",
        ".~lock.policy.yaml#",
        ".goutputstream-ABC123",
    ],
)
def test_editor_litter_is_ignored(folder: Path, name: str) -> None:
    assert KnowledgeChangeFilter()(Change.modified, str(folder / name)) is False


@pytest.mark.parametrize(
    "name", ["policy.yaml", "topics.yml", "sources/article.txt", "..data", "..2026_11_24"]
)
def test_real_files_are_watched(folder: Path, name: str) -> None:
    # ("..data" is how a Kubernetes ConfigMap swaps in new files: it must reload.)
    assert KnowledgeChangeFilter()(Change.modified, str(folder / name)) is True


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")
async def test_sighup_reloads_and_reports(folder: Path) -> None:
    holder = EngineHolder.load(folder, load_fake_engine)
    results: asyncio.Queue[ReloadResult] = asyncio.Queue()
    remove = install_sighup_reload(holder, results.put_nowait)
    try:
        (folder / "policy.yaml").write_text("housing: 7000\n")
        os.kill(os.getpid(), signal.SIGHUP)
        result = await asyncio.wait_for(results.get(), PATIENCE_SECONDS)
        assert result.ok
        assert "housing: 7000" in holder.engine.answer()
    finally:
        remove()
