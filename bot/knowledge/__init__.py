"""The knowledge base: loading a folder of YAML, and checking it before anyone is answered from it.

``validate_folder`` is the one call most code needs: it loads a folder, runs every integrity
check, and returns the knowledge base with its errors and warnings, sorted by place. Code that
only needs to know whether the folder may be served (``FaqEngine.load``) asks for the errors
alone, and the checks that can only warn are skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge.checks import check_knowledge
from bot.knowledge.loader import load_folder
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Problem, Severity


@dataclass(frozen=True)
class CheckResult:
    """A checked folder. ``kb`` is None when loading found errors (a partial base is useless)."""

    kb: KnowledgeBase | None
    errors: list[Problem]
    warnings: list[Problem]
    files: list[str] = field(default_factory=list)  # every file read, relative to the folder

    @property
    def ok(self) -> bool:
        return not self.errors


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: loading a large folder allocates millions of
    small objects (YAML nodes, marks, records) and, left on, the collector walks them over and
    over (a third of the time for 10,000 entries). Reference counting still frees them.
    Unpickling a cached engine (``bot.enginecache``) is nearly twice as fast with it paused."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def validate_folder(
    directory: Path | str, today: dt.date | None = None, *, warnings: bool = True
) -> CheckResult:
    """Load ``directory`` and check it, reporting every problem in every file at once.

    The integrity checks also run where loading found problems: on the records that loaded, and
    on the readable fields of those that did not. So staff see a wrong quote together with a
    syntax error in another file, or a bad date in the same entry.

    ``warnings=False`` looks for errors only: the checks that can only warn (Traditional
    characters, review dates, ...) are skipped and the result has no warnings. Its errors are
    exactly those of a full check. For code that never shows warnings to anyone, such as
    ``FaqEngine.load``; whatever reports to staff (``talent-bot check``, hot reload) keeps them.
    """
    with collector_paused():
        loaded = load_folder(Path(directory))
        problems = [
            *loaded.problems,
            *check_knowledge(
                loaded.kb,
                today,
                declarations=loaded.declarations,
                incomplete=loaded.incomplete,
                warnings=warnings,
            ),
        ]
    unique = sorted(set(problems))
    return CheckResult(
        kb=None if loaded.has_errors else loaded.kb,
        errors=[p for p in unique if p.severity is Severity.ERROR],
        warnings=[p for p in unique if p.severity is Severity.WARNING] if warnings else [],
        files=loaded.files,
    )


__all__ = ["CheckResult", "collector_paused", "validate_folder"]
