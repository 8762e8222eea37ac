"""A stand-in engine and loader so the reload machinery is tested on its own.

The "engine" is the folder's YAML files read in full; a line containing ``BROKEN`` is an
error at that line and column, reported the way the real loader reports problems.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import KnowledgeError
from bot.knowledge.problems import Problem


@dataclass(frozen=True)
class FakeEngine:
    files: dict[str, str]

    def answer(self) -> str:
        return "|".join(f"{name}={text.strip()}" for name, text in sorted(self.files.items()))


def load_fake_engine(directory: Path) -> FakeEngine:
    files: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        files[path.name] = text
        for number, line in enumerate(text.splitlines(), start=1):
            if "BROKEN" in line:
                column = line.index("BROKEN") + 1
                problems.append(Problem(path.name, number, column, "this value is broken"))
    if problems:
        raise KnowledgeError(problems)
    if not files:
        raise FileNotFoundError(f"no knowledge files in {directory}")
    return FakeEngine(files)


@dataclass
class GatedLoader:
    """Counts builds, and can hold a build until released (to overlap reload requests)."""

    builds: int = 0
    gate: threading.Event = field(default_factory=threading.Event)
    started: threading.Event = field(default_factory=threading.Event)

    def __call__(self, directory: Path) -> FakeEngine:
        self.builds += 1
        self.started.set()
        self.gate.wait(timeout=60)
        return load_fake_engine(directory)
