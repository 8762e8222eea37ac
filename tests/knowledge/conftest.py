"""A fresh copy of the shipped knowledge folder for each test, and tools to break it precisely.

Tests break the real folder rather than a toy one, so every rule is proven on the data the bot
ships. Expected positions are computed from the edited text, never hard-coded, so the tests
keep passing while staff edit the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.knowledge import CheckResult, validate_folder
from bot.knowledge.problems import Problem
from bot.paths import shipped_knowledge_dir

# The review dates in the shipped folder are in the future relative to this day.
CHECK_DAY = "2026-01-01"


Anchors = str | tuple[str, ...]


def _skip_to(text: str, anchors: Anchors) -> int:
    """The offset of the last anchor, each searched after the previous one."""
    start = 0
    for anchor in (anchors,) if isinstance(anchors, str) else anchors:
        start = text.index(anchor, start)
    return start


class KnowledgeFolder:
    """A writable copy of the shipped knowledge folder."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def text(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str, after: Anchors = ()) -> None:
        """Replace the first ``old`` found after the ``after`` anchors (in turn) with ``new``."""
        text = self.text(name)
        start = _skip_to(text, after)
        index = text.index(old, start)  # fails loudly if the shipped data changed shape
        self.write(name, text[:index] + new + text[index + len(old) :])

    def position(self, name: str, needle: str, after: Anchors = ()) -> tuple[int, int]:
        """1-based line and column of the first ``needle`` after the ``after`` anchors."""
        text = self.text(name)
        start = _skip_to(text, after)
        index = text.index(needle, start)
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return line, column

    def value_position(self, name: str, key: str, after: Anchors = ()) -> tuple[int, int]:
        """Where the value of the first ``key:`` after ``after`` starts (e.g. a '>-' block)."""
        line, column = self.position(name, f"{key}:", after)
        row = self.text(name).splitlines()[line - 1]
        rest = row[column - 1 + len(key) + 1 :]
        return line, column + len(key) + 1 + (len(rest) - len(rest.lstrip()))

    def check(self) -> CheckResult:
        return validate_folder(self.path, today=dt.date.fromisoformat(CHECK_DAY))

    @staticmethod
    def only(problems: list[Problem], fragment: str) -> Problem:
        """The one problem whose message contains ``fragment``."""
        matching = [p for p in problems if fragment in p.message]
        assert len(matching) == 1, f"{fragment!r} in {[p.format() for p in problems]}"
        return matching[0]


@pytest.fixture
def folder(tmp_path: Path) -> KnowledgeFolder:
    """The shipped folder without its 20,000 example questions, which no test here is about and
    which would add half a second to every check (test_examples_loader.py writes its own)."""
    target = tmp_path / "knowledge"
    shutil.copytree(shipped_knowledge_dir(), target, ignore=shutil.ignore_patterns("examples"))
    return KnowledgeFolder(target)
