"""``talent-bot run``: serve the bot on Telegram until SIGTERM or SIGINT.

Configuration comes from the environment (see ``bot.config``). Polling is the default;
setting ``TALENT_BOT_WEBHOOK_URL`` (with ``TALENT_BOT_WEBHOOK_SECRET``) selects webhook mode.
The knowledge folder is reloaded when its files change, on SIGHUP, and on an admin's /reload;
the question log is kept in the data folder, the built engine in the cache folder.
Exit status: 0 after a clean shutdown, 2 for bad settings (a data folder it cannot write to
included), 1 when the Bot API cannot be reached at start-up or the knowledge folder has errors
and no version of it without errors is cached.
``telegram`` is imported only inside ``run``.
"""

from __future__ import annotations

import argparse
import sys

from bot.config import load_settings
from bot.errors import ConfigError, KnowledgeError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Settings come from the environment: TELEGRAM_BOT_TOKEN (required), "
        "TELEGRAM_API_BASE_URL, TALENT_BOT_KNOWLEDGE_DIR, TALENT_BOT_DATA_DIR, "
        "TALENT_BOT_CACHE_DIR, TALENT_BOT_ADMIN_IDS, TALENT_BOT_WEBHOOK_URL, "
        "TALENT_BOT_WEBHOOK_SECRET, "
        "TALENT_BOT_LISTEN, TALENT_BOT_PORT, TALENT_BOT_LOG_LEVEL, TALENT_BOT_RETENTION_DAYS. "
        "See docs/configuration.md."
    )


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(require_writable_data_dir=True)
    except ConfigError as exc:
        print("talent-bot run: cannot start, the configuration has problems:", file=sys.stderr)
        for message in exc.messages:
            print(f"  {message}", file=sys.stderr)
        return 2

    from bot.reload import faq_engine_holder
    from bot.telegram_bot.app import serve
    from bot.telegram_bot.logs import configure_logging

    configure_logging(settings.log_level)
    try:
        # The holder lets the bot reload the folder on changes, SIGHUP and /reload; the cache
        # makes a restart with an unchanged folder take a second, not minutes.
        holder = faq_engine_holder(settings.knowledge_dir, settings.cache_dir)
    except KnowledgeError as exc:
        print(f"talent-bot run: the knowledge base in {settings.knowledge_dir} has errors:",
              file=sys.stderr)  # fmt: skip
        for problem in exc.problems:
            print(f"  {problem.format()}", file=sys.stderr)
        return 1

    return serve(settings, holder)
