"""``talent-bot healthcheck``: exit 0 when the running bot is healthy, else 1; one line of output.

Polling mode checks the heartbeat file the bot refreshes in the data folder; webhook mode
checks that the webhook port accepts connections. It reads the same environment as ``run``
but needs no token.
"""

from __future__ import annotations

import argparse
import sys

from bot.config import load_settings
from bot.errors import ConfigError
from bot.health import check_health


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Reads and checks the same settings as `talent-bot run` (see docs/configuration.md) "
        "but needs no TELEGRAM_BOT_TOKEN; a bad value is reported as unhealthy."
    )


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(require_token=False)
    except ConfigError as exc:
        print(f"unhealthy: bad configuration: {'; '.join(exc.messages)}")
        return 1
    healthy, message = check_health(settings)
    print(message)
    sys.stdout.flush()
    return 0 if healthy else 1
