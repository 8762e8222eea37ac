"""Staff tools in the chat: the question log, hot reload, and the admin commands.

    staff = StaffTools(settings, engine)   # engine: an EngineHolder (reloadable) or a provider
    post_init:     await staff.open(application.bot)   # the log, the folder watcher, SIGHUP
    post_stop:     await staff.stop_reloading()
    post_shutdown: await staff.close()                  # writes what is queued, then closes

The handlers hold ``staff.journal`` from the start; the log is plugged into it once open. A
reload that fails is logged by ``bot.reload`` and sent here to every admin, however it was
started (a file change, SIGHUP or /reload). ``app.py`` registers /stats, /unanswered and
/reload for the admins' private chats only: anyone else falls through to the unknown-command
reply, so nothing betrays that they exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import re
import threading
from collections.abc import Callable, Sequence

from telegram import Bot, Update
from telegram.error import TelegramError

from bot.config import Settings
from bot.faq import FaqEngine
from bot.reload import (
    EngineHolder,
    ReloadCallback,
    ReloadResult,
    install_sighup_reload,
    reload_and_report,
    start_watching,
)
from bot.report_admin import fetch_stats, fetch_unanswered, format_groups_text
from bot.store import LogJournal, QuestionLog, QuestionLogUnavailable
from bot.telegram_bot.handlers import Context, EngineProvider
from bot.telegram_bot.journal import NoJournal, PluggableJournal
from bot.telegram_bot.render import Rendered, render_staff_report
from bot.telegram_bot.sending import reply, send

logger = logging.getLogger(__name__)

DEFAULT_GAP_PERIOD = "7d"  # as ``talent-bot report``
GAP_GROUPS = 10
_PERIOD = re.compile(r"(\d{1,4})\s*([hdw])", re.IGNORECASE)
_UNITS = {"h": ("hour", dt.timedelta(hours=1)), "d": ("day", dt.timedelta(days=1)),
          "w": ("week", dt.timedelta(weeks=1))}  # fmt: skip


class StaffTools:
    def __init__(
        self,
        settings: Settings,
        engine: EngineProvider | EngineHolder[FaqEngine],
        *,
        question_log: bool = True,
        debounce_ms: int = 800,
    ) -> None:
        self.settings = settings
        self.holder = engine if isinstance(engine, EngineHolder) else None
        self.engine: EngineProvider = engine.get if isinstance(engine, EngineHolder) else engine
        self.keep_log = question_log
        self.debounce_ms = debounce_ms
        self.journal = PluggableJournal()
        self.log: QuestionLog | None = None
        self._bot: Bot | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._remove_sighup: Callable[[], None] = lambda: None
        self._last_announced: ReloadResult | None = None

    # --- lifecycle --------------------------------------------------------------------------

    async def open(self, bot: Bot) -> None:
        """Open the question log and start reloading on changes; call with the loop running."""
        self._bot = bot
        if self.keep_log and self.log is None:
            self.log = QuestionLog.start(
                self.settings.data_dir, retention_days=self.settings.retention_days
            )
            self.journal.target = LogJournal(self.log)
        if self.holder is not None and self._watcher is None:
            self._watcher = start_watching(
                self.holder, self.announce_reload, debounce_ms=self.debounce_ms
            )
            self._remove_sighup = _reload_on_sighup(self.holder, self.announce_reload)
            if self.holder.start_problems is not None:
                await self.announce_reload(self.holder.start_problems)

    async def stop_reloading(self) -> None:
        self._remove_sighup()
        self._remove_sighup = lambda: None
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    async def close(self) -> None:
        """Stop reloading, then close the log once everything queued is written."""
        await self.stop_reloading()
        log, self.log = self.log, None
        self.journal.target = NoJournal()
        if log is not None:
            await log.aclose()

    # --- reloads ----------------------------------------------------------------------------

    async def announce_reload(self, result: ReloadResult, skip: int | None = None) -> None:
        """The reload callback: a failed reload goes to every admin (but ``skip``), and so does
        the first reload that succeeds after one (the errors they were told of are fixed).

        Coalesced requests share one result; it is announced once.
        """
        if result is self._last_announced:
            return
        if result.ok and (self._last_announced is None or self._last_announced.ok):
            return
        self._last_announced = result
        report = reload_report(result)
        for admin in sorted(self.settings.admin_ids):
            if admin != skip:
                await self._tell(admin, report)

    async def _tell(self, chat_id: int, rendered: Rendered) -> None:
        if self._bot is None:
            return
        try:
            await send(self._bot, chat_id, rendered)
        except TelegramError as error:  # an admin who never opened a chat with the bot
            logger.warning("Could not send the reload report to admin %d: %s", chat_id, error)

    # --- admin commands (registered for admins only) ------------------------------------------

    async def stats(self, update: Update, context: Context) -> None:
        message = update.effective_message
        log = self.log
        if message is None:
            return
        if log is None:
            await reply(message, render_staff_report("The question log is not open."))
            return
        try:
            summary = await fetch_stats(log, dt.datetime.now(dt.UTC))
        except QuestionLogUnavailable as error:
            await reply(message, render_staff_report("Cannot read the question log", str(error)))
            return
        await reply(message, render_staff_report("Questions asked", summary.to_text()))

    async def unanswered(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None:
            return
        period = parse_period(context.args or ())
        if period is None:
            usage = "Usage: /unanswered [24h | 7d | 2w | all] (default: the last 7 days)"
            await reply(message, render_staff_report(usage))
            return
        length, label = period
        log = self.log
        if log is None:
            await reply(message, render_staff_report("The question log is not open."))
            return
        since = None if length is None else dt.datetime.now(dt.UTC) - length
        try:
            groups = await fetch_unanswered(log, since, GAP_GROUPS, self.engine())
        except QuestionLogUnavailable as error:
            await reply(message, render_staff_report("Cannot read the question log", str(error)))
            return
        title = f"Unanswered questions, {label}, biggest gaps first"
        await reply(message, render_staff_report(title, format_groups_text(groups)))

    async def reload(self, update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None:
            return
        if self.holder is None:
            note = "Reloading is off: this bot runs a fixed knowledge base."
            await reply(message, render_staff_report(note))
            return
        asker = update.effective_user.id if update.effective_user else None
        # The asker gets the result here; the other admins hear about a failure as usual.
        tell_others = functools.partial(self.announce_reload, skip=asker)
        result = await reload_and_report(self.holder, tell_others)
        await reply(message, reload_report(result))


def reload_report(result: ReloadResult) -> Rendered:
    if result.ok:
        return render_staff_report(f"✅ {result.summary()}")
    header = result.summary().splitlines()[0]
    return render_staff_report(f"⚠️ {header}", "\n".join(result.errors))


def parse_period(args: Sequence[str]) -> tuple[dt.timedelta | None, str] | None:
    """``/unanswered``'s period: ``24h``, ``7d``, ``2w`` or ``all``; None if unreadable."""
    words = " ".join(args).strip().lower() or DEFAULT_GAP_PERIOD
    if words in ("all", "everything"):
        return None, "all kept"
    match = _PERIOD.fullmatch(words)
    if match is None or int(match.group(1)) == 0:
        return None
    count = int(match.group(1))
    unit, step = _UNITS[match.group(2).lower()]
    return step * count, f"the last {count} {unit}{'' if count == 1 else 's'}"


def _reload_on_sighup(
    holder: EngineHolder[FaqEngine], on_result: ReloadCallback
) -> Callable[[], None]:
    """SIGHUP reloads, where a signal handler can be installed (the main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        logger.debug("Not on the main thread: SIGHUP does not reload (file changes still do)")
        return lambda: None
    try:
        return install_sighup_reload(holder, on_result)
    except (ValueError, RuntimeError, NotImplementedError) as error:
        logger.warning("Cannot reload on SIGHUP here: %s", error)
        return lambda: None
