"""Which commands use the engine cache: ``run`` always, ``ask``/``chat``/``eval`` only when
TALENT_BOT_CACHE_DIR is set, ``check`` never."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("engine-*.pickle"))


def test_ask_caches_only_where_talent_bot_cache_dir_says(
    knowledge: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("TALENT_BOT_CACHE_DIR", raising=False)
    assert main(["ask", "--knowledge", str(knowledge), "--json", "Where is Tongzhou?"]) == 0
    uncached = capsys.readouterr().out
    assert list(work.iterdir()) == []
    cache = tmp_path / "cache"
    monkeypatch.setenv("TALENT_BOT_CACHE_DIR", str(cache))
    for _ in range(2):
        assert main(["ask", "--knowledge", str(knowledge), "--json", "Where is Tongzhou?"]) == 0
        assert capsys.readouterr().out == uncached
    assert len(cache_files(cache)) == 1
    assert list(work.iterdir()) == []


def test_check_never_uses_the_cache(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("TALENT_BOT_CACHE_DIR", str(cache))
    assert main(["check", str(knowledge)]) == 0
    assert not cache.exists()
