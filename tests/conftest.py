"""Fixtures shared by test modules in several folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.paths import shipped_knowledge_dir


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge folder that a test may edit, break or cache from.

    Without its example questions (``examples/``): they add seconds to every load, and what the
    tests using this copy are about (checks, caching, reloading) does not depend on them. The
    tests of the examples load the shipped folder itself, or write their own."""
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder, ignore=shutil.ignore_patterns("examples"))
    return folder
