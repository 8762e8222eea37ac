"""The handlers: read the update, call the core, render, send. ``app.py`` wires them in order.

They reach their collaborators through this object (the engine provider, the question
journal, the flood limiter), never through ``bot_data``. The engine is fetched once per update
from the provider, so a hot reload that swaps it never mixes two knowledge bases in one reply.

Nothing a user waits for waits for the disk: a question's row is only handed to the journal
(which queues it), and feedback and "none of these" are recorded in a background task beside
the acknowledgement.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from telegram import InlineQueryResultArticle, InputTextMessageContent, Message, Update
from telegram.constants import ChatType
from telegram.error import Conflict, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.knowledge.model import LANGS, Lang
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot import render
from bot.telegram_bot.flood import FloodLimiter, Verdict
from bot.telegram_bot.journal import QuestionJournal
from bot.telegram_bot.sending import edit, reply, send
from bot.telegram_bot.texts import text

if TYPE_CHECKING:
    from bot.faq import FaqEngine

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
EngineProvider = Callable[[], "FaqEngine"]
A = TypeVar("A", bound=cd.Action)

# The engine reads at most a few hundred characters; more is cut before it is asked.
MAX_QUESTION_CHARS = 1000
INLINE_RESULTS = 5
INLINE_CACHE_SECONDS = 60
LANGUAGE_KEY = "lang"  # in user_data: the /lang preference
# Answers whose 👎 follow-up was sent, so pressing 👎 again does not repeat it.
REMEMBERED_FOLLOWUPS = 10_000
_LANG_ALIASES: dict[str, Lang] = {
    "en": "en", "english": "en", "英文": "en", "英语": "en",
    "zh": "zh", "cn": "zh", "chinese": "zh", "中文": "zh", "汉语": "zh",
}  # fmt: skip


def action_is(kind: type[cd.Action]) -> Callable[[object], bool]:
    """A ``CallbackQueryHandler`` pattern: the button decodes to an action of this kind."""
    return lambda data: isinstance(data, str) and isinstance(cd.decode(data), kind)


class FaqHandlers:
    def __init__(
        self,
        engine: EngineProvider,
        journal: QuestionJournal,
        flood: FloodLimiter,
    ) -> None:
        self.engine = engine
        self.journal = journal
        self.flood = flood
        self._followed_up: OrderedDict[tuple[int, int | str], None] = OrderedDict()

    # --- languages --------------------------------------------------------------------------

    @staticmethod
    def preference(context: Context) -> Lang | None:
        chosen = context.user_data.get(LANGUAGE_KEY) if context.user_data is not None else None
        return chosen if chosen in LANGS else None

    def ui_lang(self, update: Update, context: Context) -> Lang:
        """The /lang preference, else Telegram's language_code (Chinese for zh*), else English."""
        chosen = self.preference(context)
        if chosen is not None:
            return chosen
        user = update.effective_user
        code = (user.language_code or "") if user else ""
        return "zh" if code.lower().startswith("zh") else "en"

    # --- commands ---------------------------------------------------------------------------

    async def start(self, update: Update, context: Context) -> None:
        lang = self.ui_lang(update, context)
        await reply(_message(update), render.render_greeting(lang, self.engine().topics(lang)))

    async def help(self, update: Update, context: Context) -> None:
        lang = self.ui_lang(update, context)
        await reply(_message(update), render.render_help(lang, context.bot.username))

    async def topics(self, update: Update, context: Context) -> None:
        lang = self.ui_lang(update, context)
        await reply(_message(update), render.render_topics(lang, self.engine().topics(lang)))

    async def sources(self, update: Update, context: Context) -> None:
        lang = self.ui_lang(update, context)
        await reply(_message(update), render.render_sources(lang, self.engine().sources()))

    async def lang(self, update: Update, context: Context) -> None:
        choice = _LANG_ALIASES.get(" ".join(context.args or ()).strip().lower())
        if choice is None:
            rendered = render.render_language_choice(
                self.preference(context), self.ui_lang(update, context)
            )
            await reply(_message(update), rendered)
            return
        self._set_preference(context, choice)
        await reply(_message(update), render.render_notice("lang_set", choice))

    async def unknown_command(self, update: Update, context: Context) -> None:
        message = _message(update)
        command = (message.text or "").split(maxsplit=1)[0]
        in_private = message.chat.type == ChatType.PRIVATE
        # In groups an unaddressed /command is probably for another bot.
        if in_private or command.lower().endswith(f"@{context.bot.username}".lower()):
            await reply(
                message, render.render_notice("unknown_command", self.ui_lang(update, context))
            )

    # --- questions ----------------------------------------------------------------------------

    async def question(self, update: Update, context: Context) -> None:
        message = _message(update)
        question = question_text(message.text or "", context.bot.username)
        if not question:  # only "@bot": greet instead of asking the engine nothing
            await self.start(update, context)
            return
        answer = self.engine().ask(question, lang=self.preference(context))
        ref = await self.journal.record(answer, _user_id(update))
        await reply(message, render.render_reply(answer, ref))

    async def not_text(self, update: Update, context: Context) -> None:
        await reply(
            _message(update), render.render_notice("not_text", self.ui_lang(update, context))
        )

    async def inline_query(self, update: Update, context: Context) -> None:
        query = update.inline_query
        if query is None:
            return
        words = query.query.strip()[:MAX_QUESTION_CHARS]
        preference = self.preference(context)
        found = self.engine().search(words, lang=preference, limit=INLINE_RESULTS) if words else ()
        results = [_inline_result(render.render_inline_article(r)) for r in found]
        # Results follow a /lang preference, so Telegram must not share them between users.
        personal = preference is not None
        await query.answer(results, cache_time=INLINE_CACHE_SECONDS, is_personal=personal)

    # --- buttons ------------------------------------------------------------------------------

    async def show_topics(self, update: Update, context: Context) -> None:
        action = await _button(update, cd.ShowTopics)
        if action is None:
            return await self.expired(update, context)
        await _show(
            update,
            context,
            render.render_topics(action.lang, self.engine().topics(action.lang)),
        )

    async def show_topic(self, update: Update, context: Context) -> None:
        action = _decoded(update, cd.ShowTopic)
        if action is None:
            return await self.expired(update, context)
        engine = self.engine()
        topic = next((t for t in engine.topics(action.lang) if t.topic_id == action.topic_id), None)
        questions = engine.questions_in_topic(action.topic_id, action.lang)
        if topic is None or not questions:
            await self.expired(update, context)
            return
        await _answer_query(update, None)
        await _show(update, context, render.render_topic(action.lang, topic.name, questions))

    async def show_answer(self, update: Update, context: Context) -> None:
        action = _decoded(update, cd.ShowAnswer)
        if action is None:
            return await self.expired(update, context)
        await self._send_entry(update, context, action.entry_id, action.lang, ref=None)

    async def choose_suggestion(self, update: Update, context: Context) -> None:
        action = _decoded(update, cd.ChooseSuggestion)
        if action is None:
            return await self.expired(update, context)
        if await self._send_entry(update, context, action.entry_id, action.lang, ref=action.ref):
            chose = self.journal.chose(action.ref, _user_id(update), action.entry_id)
            _in_background(context, update, chose)

    async def none_of_these(self, update: Update, context: Context) -> None:
        action = await _button(update, cd.NoneOfThese)
        if action is None:
            return await self.expired(update, context)
        _in_background(context, update, self.journal.none_of_these(action.ref, _user_id(update)))
        await _show(update, context, render.render_notice("none_of_these_thanks", action.lang))

    async def feedback(self, update: Update, context: Context) -> None:
        action = _decoded(update, cd.Feedback)
        if action is None:
            return await self.expired(update, context)
        # The log keeps the first vote on a row; a second press or an old button changes
        # nothing there, and the user sees the same short thanks.
        vote = self.journal.feedback(action.ref, _user_id(update), action.vote)
        _in_background(context, update, vote)
        await _answer_query(update, text("feedback_thanks", action.lang))
        if action.vote == "down" and self._first_followup(update):
            engine = self.engine()
            answer = engine.reply_for_entry(action.entry_id, action.lang)
            related = answer.related if answer else ()
            followup = render.render_feedback_followup(
                action.lang, related, engine.topics(action.lang)
            )
            await send(context.bot, _chat_id(update), followup)

    async def choose_language(self, update: Update, context: Context) -> None:
        action = await _button(update, cd.ChooseLanguage)
        if action is None:
            return await self.expired(update, context)
        self._set_preference(context, action.lang)
        await _show(update, context, render.render_notice("lang_set", action.lang))

    async def expired(self, update: Update, context: Context) -> None:
        """A button we cannot read (forged, another version) or whose target no longer exists."""
        await _answer_query(update, text("expired", self.ui_lang(update, context)))

    async def _send_entry(
        self, update: Update, context: Context, entry_id: str, lang: Lang, ref: int | None
    ) -> bool:
        """Send an entry's answer as a new message; False (and "expired") if it is gone."""
        answer = self.engine().reply_for_entry(entry_id, lang)
        if answer is None:
            await self.expired(update, context)
            return False
        await _answer_query(update, None)
        await send(context.bot, _chat_id(update), render.render_reply(answer, ref))
        return True

    # --- cross-cutting --------------------------------------------------------------------------

    async def flood_gate(self, update: Update, context: Context) -> None:
        """Runs before every handler: over the limit, one notice, then silence."""
        verdict = self.flood.check(_user_id(update))
        if verdict is Verdict.ALLOW:
            return
        lang = self.ui_lang(update, context)
        query = update.callback_query
        if query is not None:
            await query.answer(text("flood", lang) if verdict is Verdict.NOTICE else None)
        elif verdict is Verdict.NOTICE and update.effective_message is not None:
            await reply(update.effective_message, render.render_notice("flood", lang))
        raise ApplicationHandlerStop

    async def error(self, update: object, context: Context) -> None:
        """Log the failure, tell the user, keep running."""
        # No update, job or task: fetching updates failed (it is retried).
        fetching = update is None and context.job is None and context.coroutine is None
        if fetching and isinstance(context.error, TelegramError):
            _log_polling_error(context.error)
            return
        update_id = update.update_id if isinstance(update, Update) else None
        logger.error("Handling update %s failed", update_id, exc_info=context.error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        lang = self.ui_lang(update, context)
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(text("error", lang))
            else:
                await send(
                    context.bot, update.effective_chat.id, render.render_notice("error", lang)
                )
        except TelegramError as exc:
            logger.warning("Could not tell the user about the failure: %s", exc)

    def _first_followup(self, update: Update) -> bool:
        """True the first time 👎 is pressed under this answer (remembered for a while)."""
        query = update.callback_query
        if query is None:
            return True
        message = query.message
        key: tuple[int, int | str] = (
            (message.chat.id, message.message_id)
            if message is not None
            else (_user_id(update), query.data or "")
        )
        if key in self._followed_up:
            return False
        self._followed_up[key] = None
        if len(self._followed_up) > REMEMBERED_FOLLOWUPS:
            self._followed_up.popitem(last=False)
        return True

    @staticmethod
    def _set_preference(context: Context, lang: Lang) -> None:
        if context.user_data is not None:
            context.user_data[LANGUAGE_KEY] = lang


# --- helpers ------------------------------------------------------------------------------


def question_text(raw: str, username: str | None) -> str:
    """The question without the bot's @mention, capped in length."""
    if username:
        raw = re.sub(rf"@{re.escape(username)}\b", " ", raw, flags=re.IGNORECASE)
    return " ".join(raw[: MAX_QUESTION_CHARS * 2].split())[:MAX_QUESTION_CHARS]


def _in_background(context: Context, update: Update, work: Coroutine[Any, Any, None]) -> None:
    """Bookkeeping that may wait for the disk runs beside the reply, not before it.

    python-telegram-bot awaits these tasks when it stops, before the log is closed, and
    hands their failures to the error handler with the update.
    """
    context.application.create_task(work, update=update)


def _message(update: Update) -> Message:
    message = update.effective_message
    if message is None:  # the handlers' filters only let messages through
        raise ValueError(f"update {update.update_id} has no message")
    return message


def _user_id(update: Update) -> int:
    user = update.effective_user
    return user.id if user else 0


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    if chat is None:
        raise ValueError(f"update {update.update_id} has no chat")
    return chat.id


async def _show(update: Update, context: Context, rendered: render.Rendered) -> None:
    """Replace the message whose button was pressed, or send anew if it is too old to edit."""
    query = update.callback_query
    message = query.message if query else None
    if isinstance(message, Message):
        await edit(message, rendered)
    else:
        await send(context.bot, _chat_id(update), rendered)


def _decoded(update: Update, kind: type[A]) -> A | None:
    """The pressed button's action; None if it is not of this kind (empty data skips patterns)."""
    query = update.callback_query
    action = cd.decode(query.data if query else None)
    return action if isinstance(action, kind) else None


async def _button(update: Update, kind: type[A]) -> A | None:
    """Decode the pressed button and stop the client's spinner."""
    action = _decoded(update, kind)
    if action is not None:
        await _answer_query(update, None)
    return action


async def _answer_query(update: Update, notice: str | None) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer(notice)


def _inline_result(article: render.InlineArticle) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=article.result_id,
        title=article.title,
        description=article.description,
        input_message_content=InputTextMessageContent(article.message),
    )


def _log_polling_error(error: TelegramError) -> None:
    """One line an operator can act on, instead of a traceback per retry."""
    if isinstance(error, Conflict):
        logger.error(
            "Polling failed: another bot instance is polling with this token, or a webhook is "
            "set (%s). This bot receives no messages, and its health check fails, until the "
            "other stops. Retrying.",
            error,
        )
    elif isinstance(error, NetworkError):
        logger.warning("Polling failed: cannot reach the Bot API (%s). Retrying.", error)
    else:
        logger.error("Polling failed: %s. Retrying.", error)
