"""``talent-bot check [DIR]``: list every problem in a knowledge folder, one per line.

Errors come first as ``file:line:column: message``, then warnings under a ``warnings:`` heading,
then a one-line summary. The exit status is 1 when there is any error, else 0. ``--format json``
prints ``{"errors": [...], "warnings": [...], "ok": bool, "files": n}`` instead.

Hot reload prints problems with ``format_problems``, so a rejected edit reads exactly as this
command reports it. ``EXTRA_CHECKS`` is where checks from outside bot.knowledge plug in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.knowledge import CheckResult, validate_folder
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.problems import Problem, Severity
from bot.matching.selfcheck import check_phrasings_retrieve_their_entry
from bot.paths import configured_knowledge_dir, shipped_knowledge_dir

KnowledgeCheck = Callable[[KnowledgeBase], list[Problem]]

# More checks run on a knowledge base that loaded cleanly. Each takes the KnowledgeBase and
# returns its Problems (errors, or warnings with Severity.WARNING). To add one, append it here.
EXTRA_CHECKS: list[KnowledgeCheck] = [check_phrasings_retrieve_their_entry]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="the folder to check (default: $TALENT_BOT_KNOWLEDGE_DIR, else the shipped one)",
    )
    parser.add_argument(
        "--knowledge",
        type=Path,
        metavar="DIR",
        dest="knowledge_option",
        help="the same as DIR, spelled as in the other commands",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one problem per line (default); json: one object for programs",
    )


def run(args: argparse.Namespace) -> int:
    directory: Path = (
        args.directory
        or args.knowledge_option
        or configured_knowledge_dir()
        or shipped_knowledge_dir()
    )
    result = check_folder(directory)
    output = render_json(result) if args.format == "json" else render_text(result)
    sys.stdout.write(output)
    return 0 if result.ok else 1


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
        return [Problem(".", 0, 0, f"the check {name} failed: {type(error).__name__}: {error}")]


def format_problems(problems: Iterable[Problem]) -> list[str]:
    """One ``file:line:column: message`` line per problem, exactly as ``check`` prints them."""
    return [problem.format() for problem in problems]


def summary(result: CheckResult) -> str:
    """The last line: "3 errors, 1 warning in 9 files"."""
    return (
        f"{_count(len(result.errors), 'error')}, {_count(len(result.warnings), 'warning')} "
        f"in {_count(len(result.files), 'file')}"
    )


def render_text(result: CheckResult) -> str:
    lines = format_problems(result.errors)
    if result.warnings:
        lines.append("warnings:")
        lines.extend(format_problems(result.warnings))
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def render_json(result: CheckResult) -> str:
    document = {
        "errors": [p.to_dict() for p in result.errors],
        "warnings": [p.to_dict() for p in result.warnings],
        "ok": result.ok,
        "files": len(result.files),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


if __name__ == "__main__":  # python -m bot.commands.check [DIR]
    _parser = argparse.ArgumentParser(prog="talent-bot check")
    configure(_parser)
    sys.exit(run(_parser.parse_args()))
