"""``talent-bot check [DIR]``: list every problem in a knowledge folder, one per line.

Errors come first as ``file:line:column: message``, then warnings under a ``warnings:`` heading,
then a one-line summary. The exit status is 1 when there is any error, else 0. ``--format json``
prints ``{"errors": [...], "warnings": [...], "ok": bool, "files": n}`` instead.

The checks themselves live in ``bot.checking``, which hot reload shares, so a rejected edit
reads exactly as this command reports it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.checking import check_folder, format_problems
from bot.knowledge import CheckResult
from bot.paths import configured_knowledge_dir, shipped_knowledge_dir


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
