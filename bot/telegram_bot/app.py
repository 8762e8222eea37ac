"""The Telegram application: every handler and its order, start-up and shutdown, in one place.

    holder = faq_engine_holder(settings.knowledge_dir, settings.cache_dir)
    application = build_application(settings, holder)
    run_application(application, settings)      # polling, or webhook when a URL is set

The engine comes from an ``EngineHolder``: the bot then reloads it when the knowledge folder
changes, on SIGHUP and on /reload, and tells the admins when a reload fails. A plain
zero-argument callable returning a ``FaqEngine`` also works (a fixed engine, no reloads).
While running, the bot keeps the question log in the data folder (``question_log=False``
turns it off). Handler groups run in order: -1 is the flood gate (it may stop an update), 0
the handlers proper (first match wins, so specific before general).
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Collection, Sequence
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    JobQueue,
    MessageHandler,
    filters,
)

from bot.config import OFFICIAL_BASE_URL, Settings, WebhookSettings
from bot.faq import FaqEngine
from bot.knowledge.model import Lang
from bot.reload import EngineHolder
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot.filters import ADDRESSED
from bot.telegram_bot.flood import FloodLimiter
from bot.telegram_bot.handlers import EngineProvider, FaqHandlers, action_is
from bot.telegram_bot.heartbeat import LONG_POLL_SECONDS, Heartbeat, PollingRequest
from bot.telegram_bot.logs import install_redaction, quiet_noisy_loggers
from bot.telegram_bot.ordering import PerChatOrder
from bot.telegram_bot.ratelimit import RetryingRateLimiter
from bot.telegram_bot.staff import StaffTools
from bot.telegram_bot.texts import ADMIN_COMMANDS, COMMANDS

logger = logging.getLogger(__name__)

# Each menu language and the language_code it is registered for (English is the default).
MENU_LANGUAGES: tuple[tuple[Lang, str | None], ...] = (("en", None), ("zh", "zh"))

# Opt in to python-telegram-bot's coming timedelta durations now: without it, every 429 it
# parses (``RetryAfter.retry_after``) emits a deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "true")

# What ``ApplicationBuilder`` builds with a rate limiter and the default context types.
BotApplication = Application[
    ExtBot[int],
    ContextTypes.DEFAULT_TYPE,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]


def default_rate_limiter() -> BaseRateLimiter[int]:
    """Telegram's documented limits (30 messages/s, 20/min per group), with retries after 429."""
    return RetryingRateLimiter(max_retries=5)


def build_application(
    settings: Settings,
    engine: EngineHolder[FaqEngine] | EngineProvider,
    *,
    question_log: bool = True,
    flood: FloodLimiter | None = None,
    rate_limiter: BaseRateLimiter[int] | None = None,
    concurrent_updates: int = 16,
    reload_debounce_ms: int = 800,
) -> BotApplication:
    if settings.token is None:
        raise ValueError("build_application needs settings with a token")
    # Only polling has a heartbeat: the webhook's health check tries the port.
    heartbeat = Heartbeat(settings) if settings.webhook is None else None
    staff = StaffTools(settings, engine, question_log=question_log, debounce_ms=reload_debounce_ms)
    handlers = FaqHandlers(
        engine=staff.engine, journal=staff.journal, flood=flood or FloodLimiter()
    )

    async def post_init(application: BotApplication) -> None:
        await register_commands(application, settings.admin_ids)
        await staff.open(application.bot)
        if heartbeat is not None:
            heartbeat.start()

    async def post_stop(application: BotApplication) -> None:
        await staff.stop_reloading()  # no admin messages while the connection closes

    async def post_shutdown(application: BotApplication) -> None:
        await staff.close()
        if heartbeat is not None:
            await heartbeat.stop()

    builder = (
        ApplicationBuilder()
        .token(settings.token.reveal())
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(rate_limiter or default_rate_limiter())
        .concurrent_updates(PerChatOrder(concurrent_updates))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
    )
    if heartbeat is not None:
        builder = builder.get_updates_request(PollingRequest(heartbeat))
    application = builder.build()

    new_message = filters.UpdateType.MESSAGE  # edits of old messages are not new questions
    addressed = new_message & (ADDRESSED | filters.COMMAND)
    # Staff commands match only for the admins, in private: for anyone else they fall through
    # to the unknown-command reply, exactly like a made-up command.
    from_admin = new_message & filters.ChatType.PRIVATE & filters.User(settings.admin_ids)

    # -1: the flood gate sees every message and button meant for the bot.
    application.add_handler(MessageHandler(addressed, handlers.flood_gate), group=-1)
    application.add_handler(CallbackQueryHandler(handlers.flood_gate), group=-1)

    # 0: commands, questions, everything else the bot is sent, then buttons and inline mode.
    application.add_handlers(
        [
            CommandHandler("start", handlers.start, filters=new_message),
            CommandHandler("help", handlers.help, filters=new_message),
            CommandHandler("topics", handlers.topics, filters=new_message),
            CommandHandler("sources", handlers.sources, filters=new_message),
            CommandHandler("lang", handlers.lang, filters=new_message),
            CommandHandler("stats", staff.stats, filters=from_admin),
            CommandHandler("unanswered", staff.unanswered, filters=from_admin),
            CommandHandler("reload", staff.reload, filters=from_admin),
            MessageHandler(filters.COMMAND & new_message, handlers.unknown_command),
            MessageHandler(filters.TEXT & addressed, handlers.question),
            MessageHandler(filters.ATTACHMENT & addressed, handlers.not_text),
            CallbackQueryHandler(handlers.show_topics, pattern=action_is(cd.ShowTopics)),
            CallbackQueryHandler(handlers.show_topic, pattern=action_is(cd.ShowTopic)),
            CallbackQueryHandler(handlers.show_answer, pattern=action_is(cd.ShowAnswer)),
            CallbackQueryHandler(
                handlers.choose_suggestion, pattern=action_is(cd.ChooseSuggestion)
            ),
            CallbackQueryHandler(handlers.none_of_these, pattern=action_is(cd.NoneOfThese)),
            CallbackQueryHandler(handlers.feedback, pattern=action_is(cd.Feedback)),
            CallbackQueryHandler(handlers.choose_language, pattern=action_is(cd.ChooseLanguage)),
            CallbackQueryHandler(handlers.expired),  # forged, outdated or unknown buttons
            InlineQueryHandler(handlers.inline_query),
        ]
    )

    application.add_error_handler(handlers.error)
    return application


async def register_commands(application: BotApplication, admin_ids: Collection[int] = ()) -> None:
    """The command menu, in English by default and in Chinese for Chinese-language clients;
    in each admin's private chat, with the staff commands added.

    A failure is logged, not fatal: the menu is a convenience, answering questions is the job.
    """
    bot = application.bot
    try:
        for lang, language_code in MENU_LANGUAGES:
            menu = [BotCommand(name, about) for name, about in COMMANDS[lang]]
            await bot.set_my_commands(menu, language_code=language_code)
    except TelegramError as exc:
        logger.warning("Could not register the command menu: %s", exc)
    for admin in sorted(admin_ids):
        # A chat scope outranks a language at the default scope, so both languages again.
        try:
            for lang, language_code in MENU_LANGUAGES:
                menu = [BotCommand(n, a) for n, a in (*COMMANDS[lang], *ADMIN_COMMANDS[lang])]
                scope = BotCommandScopeChat(admin)
                await bot.set_my_commands(menu, scope=scope, language_code=language_code)
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            logger.warning("Could not register the staff command menu for admin %d: %s", admin, exc)


def run_application(
    application: BotApplication,
    settings: Settings,
    *,
    stop_signals: Sequence[int] | None = (signal.SIGINT, signal.SIGTERM),
) -> None:
    """Serve until a stop signal (or ``application.stop_running()``), then shut down cleanly.

    Tests that run the bot in a thread, where signal handlers cannot be installed, pass
    ``stop_signals=None`` and stop it with ``stop_running``.
    """
    webhook = settings.webhook
    if webhook is None:
        logger.info("Starting in polling mode")
        application.run_polling(
            allowed_updates=ALLOWED_UPDATES, timeout=LONG_POLL_SECONDS, stop_signals=stop_signals
        )
        return
    logger.info("Starting in webhook mode on %s:%d", webhook.listen, webhook.port)
    application.run_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=webhook.url_path,
        webhook_url=webhook.url,
        secret_token=webhook.secret.reveal(),
        allowed_updates=ALLOWED_UPDATES,
        stop_signals=stop_signals,
    )


def protect_logs(settings: Settings) -> Callable[[], None]:
    """Keep the token out of every log line; call before the application is built."""
    quiet_noisy_loggers()
    return install_redaction(settings.secrets())


def _cannot_listen(webhook: WebhookSettings) -> str | None:
    """Why the webhook's address and port cannot be listened on, found before start-up.

    python-telegram-bot registers the webhook with Telegram before it binds the port, so a
    port found taken only then leaves Telegram posting updates to nothing.
    """
    try:
        family = socket.AF_INET6 if ":" in webhook.listen else socket.AF_INET
        with socket.create_server((webhook.listen, webhook.port), family=family):
            return None
    except OSError as error:
        reason = error.strerror or str(error)
        return (
            f"{reason} ({webhook.listen}:{webhook.port}); check TALENT_BOT_LISTEN and "
            "TALENT_BOT_PORT, and that no other program uses the port"
        )


def serve(settings: Settings, engine: EngineHolder[FaqEngine] | EngineProvider) -> int:
    """Build and run the bot; the exit status for ``talent-bot run``."""
    protect_logs(settings)
    if settings.webhook is not None and (problem := _cannot_listen(settings.webhook)):
        print(f"talent-bot run: cannot listen for the webhook: {problem}", file=sys.stderr)
        return 1
    application = build_application(settings, engine)
    try:
        run_application(application, settings)
    except InvalidToken:
        # The Bot API answers an unknown token and an unknown path alike (401 or 404).
        other_server = (
            ""
            if settings.api_base_url == OFFICIAL_BASE_URL
            else ", or TELEGRAM_API_BASE_URL is not the address of a Bot API server"
        )
        print(
            "talent-bot run: Telegram rejected TELEGRAM_BOT_TOKEN (value not shown); "
            f"check it with @BotFather{other_server}",
            file=sys.stderr,
        )
        return 1
    except BadRequest as exc:  # reached, but refused: in webhook mode, the webhook's address
        setting = "TALENT_BOT_WEBHOOK_URL" if settings.webhook else "the settings"
        print(
            f"talent-bot run: the Bot API refused a start-up request: {exc}. Check {setting}"
            + (" (Telegram accepts ports 443, 80, 88 and 8443)" if settings.webhook else ""),
            file=sys.stderr,
        )
        return 1
    except NetworkError as exc:
        print(
            f"talent-bot run: cannot reach the Bot API at start-up: {exc}. "
            "Check the network, or TELEGRAM_API_BASE_URL if it is set",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # taken between the probe and the start: rare, but possible
        print(f"talent-bot run: cannot listen for the webhook: {exc}", file=sys.stderr)
        return 1
    logger.info("Stopped")
    return 0
