"""``talent-bot``: one entry point, one module per subcommand under ``bot.commands``.

Each command module exposes ``configure(parser)`` and ``run(args) -> int``. Modules import
``telegram`` only inside ``run`` of the commands that need it, so ``check``, ``ask``, ``chat``,
``eval`` and ``report`` work without it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> (module under bot.commands, one-line help). Order is the order shown in --help.
COMMANDS: dict[str, tuple[str, str]] = {
    "chat": ("chat", "chat with the bot in this terminal (no Telegram token needed)"),
    "ask": ("ask", "answer one question, or one per line from standard input"),
    "check": ("check", "check a knowledge folder and list every problem"),
    "eval": ("evaluate", "score the matcher on a labelled question file"),
    "report": ("report", "summarise the question log: gaps, feedback, totals"),
    "run": ("run", "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)"),
    "healthcheck": ("healthcheck", "exit 0 if the running bot is healthy"),
}

DEFAULT_COMMAND = "chat"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talent-bot",
        description="Answers questions about Tongzhou district's talent policy, with sources.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"bot.commands.{module_name}")
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module.configure(sub)
        sub.set_defaults(handler=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        args_list = [DEFAULT_COMMAND]
    args = parser.parse_args(args_list)
    try:
        result: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    return result
