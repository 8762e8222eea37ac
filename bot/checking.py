"""Everything ``talent-bot check`` verifies, shared by the command and by hot reload.

``validate_folder`` (bot.knowledge) checks the files; ``EXTRA_CHECKS`` adds checks that need more
than the knowledge package, such as every phrasing retrieving its own entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.knowledge import CheckResult, validate_folder
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Problem, Severity
from bot.matching.selfcheck import check_phrasings_retrieve_their_entry

KnowledgeCheck = Callable[[KnowledgeBase], list[Problem]]

# More checks run on a knowledge base that loaded cleanly. Each takes the KnowledgeBase and
# returns its Problems (errors, or warnings with Severity.WARNING). To add one, append it here.
EXTRA_CHECKS: list[KnowledgeCheck] = [check_phrasings_retrieve_their_entry]


def check_folder(
    directory: Path,
    today: dt.date | None = None,
    extra_checks: Iterable[KnowledgeCheck] | None = None,
) -> CheckResult:
    """Everything ``talent-bot check`` reports for ``directory``, EXTRA_CHECKS included."""
    result = validate_folder(directory, today)
    if result.kb is None:
        return result
    extra: list[Problem] = []
    for check in EXTRA_CHECKS if extra_checks is None else extra_checks:
        extra.extend(_run_check(check, result.kb))
    if not extra:
        return result
    problems = sorted({*result.errors, *result.warnings, *extra})
    return CheckResult(
        kb=result.kb,
        errors=[p for p in problems if p.severity is Severity.ERROR],
        warnings=[p for p in problems if p.severity is Severity.WARNING],
        files=result.files,
    )


def _run_check(check: KnowledgeCheck, kb: KnowledgeBase) -> list[Problem]:
    try:
        return list(check(kb))
    except Exception as error:  # a failing check must not hide everything else it missed
        name = getattr(check, "__name__", type(check).__name__)
        message = f"the check {name} failed: {type(error).__name__}: {error}"
        return [Problem(kb.root, 0, 0, message)]


def format_problems(problems: Iterable[Problem]) -> list[str]:
    """One ``file:line:column: message`` line per problem, exactly as ``check`` prints them."""
    return [problem.format() for problem in problems]
