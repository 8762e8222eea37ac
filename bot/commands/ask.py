"""``talent-bot ask "QUESTION"``: answer one question; ``ask --json -`` answers one per line.

Without ``--json`` the reply is printed as a person would read it: the answer, its sources with
their verbatim quotes, and follow-up questions (or the "did you mean?" list, or the topics).
With ``--json`` it is one object, ``Reply.to_json()``; with ``-`` as the question, standard
input is read line by line and one object is written (and flushed) per line, in order.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from bot.answers import Reply
from bot.errors import KnowledgeError
from bot.faq import FaqEngine
from bot.knowledge.model import Lang
from bot.paths import configured_knowledge_dir, env_path

_LABELS: dict[Lang, dict[str, str]] = {
    "en": {"sources": "Sources", "related": "Related questions"},
    "zh": {"sources": "来源", "related": "相关问题"},
}


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """``--lang`` and ``--knowledge``, shared by ask, chat and eval."""
    parser.add_argument(
        "--lang",
        choices=("en", "zh"),
        help="reply in this language (default: the language the question is written in)",
    )
    parser.add_argument(
        "--knowledge",
        type=Path,
        metavar="DIR",
        help="the knowledge folder (default: $TALENT_BOT_KNOWLEDGE_DIR, else the shipped one); "
        "if $TALENT_BOT_CACHE_DIR is set, the built engine is cached there for the next start",
    )


def load_engine(directory: Path | None) -> FaqEngine | None:
    """The engine, or None after printing every knowledge error to standard error.

    The engine cache is used only when ``TALENT_BOT_CACHE_DIR`` names its folder: a command run
    by hand must not leave files in the working directory.
    """
    try:
        return FaqEngine.load(
            directory or configured_knowledge_dir(), cache_dir=env_path("TALENT_BOT_CACHE_DIR")
        )
    except KnowledgeError as error:
        print("The knowledge base has errors (run talent-bot check):", file=sys.stderr)
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", help='the question, or "-" to read one per line from stdin')
    add_engine_options(parser)
    parser.add_argument("--json", action="store_true", help="print the reply as one JSON object")


def run(args: argparse.Namespace) -> int:
    engine = load_engine(args.knowledge)
    if engine is None:
        return 2
    if args.question == "-":
        try:
            for line in sys.stdin:
                reply = engine.ask(line.rstrip("\r\n"), args.lang)
                _write(reply, as_json=args.json, out=sys.stdout)
                sys.stdout.flush()
        except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return 0
    _write(engine.ask(args.question, args.lang), as_json=args.json, out=sys.stdout)
    return 0


def _write(reply: Reply, *, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json.dumps(reply.to_json(), ensure_ascii=False) + "\n")
    else:
        out.write(render_text(reply) + "\n")


def _listed(number: int, text: str, numbered: bool) -> str:
    return f"  {number}. {text}" if numbered else f"  - {text}"


def render_text(reply: Reply, numbered: bool = False) -> str:
    """The reply as plain text for a terminal (a decline's text already names the topics).

    ``numbered`` numbers the suggestions and follow-ups, for the chat, where typing a number
    picks one.
    """
    labels = _LABELS[reply.lang]
    lines = [reply.text]
    if reply.kind == "answer":
        if reply.sources:
            lines += ["", f"{labels['sources']}:"]
            previous = None
            for source in reply.sources:
                heading = f"  {source.title} ({source.date}) {source.url}"
                if heading != previous:  # quotes from one document go under one heading
                    lines.append(heading)
                    previous = heading
                lines.append(f"    \u201c{source.quote}\u201d")
        if reply.related:
            lines += ["", f"{labels['related']}:"]
            lines += [
                _listed(number, item.question, numbered)
                for number, item in enumerate(reply.related, start=1)
            ]
    elif reply.kind == "suggest":
        lines += [
            _listed(number, item.question, numbered)
            for number, item in enumerate(reply.suggestions, start=1)
        ]
    return "\n".join(lines)
