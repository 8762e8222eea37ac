"""Fixtures shared by test modules in several folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.paths import shipped_knowledge_dir


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge folder that a test may edit, break or cache from."""
    folder = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), folder)
    return folder
