"""When Telegram misbehaves: 429s, 500s, slow and dropped connections, failing requests, floods.
Each question is still answered exactly once, and the bot keeps running."""

from __future__ import annotations

import itertools
import logging

import bot_updates as tg
import pytest
from bot_harness import StartBot, buttons, fake_token
from fake_bot_api import Call

from bot.faq import FaqEngine
from bot.telegram_bot.flood import FloodLimiter
from bot.telegram_bot.render import escape, render_reply
from bot.telegram_bot.texts import text

QUESTION = "How much funding can a talent project get?"
MODES = ["polling", "webhook"]
_users = itertools.count(20_000)


def answers(calls: list[Call], chat_id: int) -> list[Call]:
    return [
        c
        for c in calls
        if c.method == "sendMessage"
        and c.outcome.startswith("ok")
        and int(c.params["chat_id"]) == chat_id
    ]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("kind", "count", "options"),
    [
        ("429", 1, {"retry_after": 1}),
        ("500", 2, {}),
        ("slow", 1, {"delay": 1.5}),
        ("drop", 1, {}),
    ],
)
def test_a_fault_delays_the_answer_but_never_loses_or_repeats_it(
    start_bot: StartBot,
    engine: FaqEngine,
    mode: str,
    kind: str,
    count: int,
    options: dict[str, float],
) -> None:
    bot = start_bot(mode)
    user = next(_users)
    bot.api.inject("sendMessage", kind, count, **options)
    (answer,) = bot.ask(tg.text_message(user, QUESTION), user)
    assert answer.params["text"] == "\n\n".join(render_reply(engine.ask(QUESTION)).chunks)
    faulted = [c for c in bot.api.calls("sendMessage") if c.outcome == kind]
    assert len(faulted) == (0 if kind == "slow" else count)
    # The next question goes through too, and the first was still answered only once.
    (second,) = bot.ask(tg.text_message(user, "/help"), user)
    assert "/topics" in second.params["text"]
    assert len(answers(bot.api.calls(), user)) == 2


@pytest.mark.parametrize("mode", MODES)
def test_a_failing_request_reaches_the_error_handler_and_the_bot_carries_on(
    start_bot: StartBot, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    bot = start_bot(mode)
    user = next(_users)
    bot.api.inject("sendMessage", "400", 1, description="Bad Request: can't parse entities")
    (apology,) = bot.ask(tg.text_message(user, QUESTION), user)
    assert apology.params["text"] == escape(text("error", "en"))
    assert "Handling update" in caplog.text
    assert "can't parse entities" in caplog.text.lower()
    (answer,) = bot.ask(tg.text_message(user, QUESTION), user)
    assert "<blockquote expandable>" in answer.params["text"]


def test_a_failing_button_is_answered_with_an_apology(start_bot: StartBot) -> None:
    bot = start_bot()
    user = next(_users)
    (menu,) = bot.ask(tg.text_message(user, "/topics"), user)
    bot.api.inject("editMessageText", "400", 1)
    _, data = buttons(menu)[0]
    mark = bot.mark()
    bot.api.enqueue_update(tg.callback_query(user, data, menu.result))
    apology = bot.api.wait_for(
        lambda calls: (
            [
                c
                for c in calls[mark:]
                if c.method == "answerCallbackQuery" and c.params.get("text") == text("error", "en")
            ]
            or [c for c in calls[mark:] if c.method == "sendMessage"]
        ),
        what="an apology",
    )
    assert apology


@pytest.mark.parametrize("mode", MODES)
def test_flooding_earns_one_notice_then_silence(start_bot: StartBot, mode: str) -> None:
    # A long window, so a slow machine can never let it pass during the test.
    bot = start_bot(mode, flood=FloodLimiter(limit=3, window=3600))
    user = next(_users)
    mark = bot.mark()
    for _ in range(6):
        bot.deliver(tg.text_message(user, QUESTION))
    sent = bot.wait_sent(user, count=4, since=mark)
    # A button press from the same chat is handled after those six (one chat, one order); it
    # is over the limit too, so it is acknowledged silently, proving the flood was processed.
    (menu,) = sent[:1]
    ack = bot.press(tg.callback_query(user, "1|T|en", menu.result))
    assert "text" not in ack.params
    replies = answers(bot.api.calls(), user)
    assert len(replies) == 4
    assert replies[3].params["text"] == escape(text("flood", "en"))
    assert all("<blockquote expandable>" in r.params["text"] for r in replies[:3])


def test_token_never_appears_in_logs_even_at_debug(
    start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot = start_bot(TALENT_BOT_LOG_LEVEL="DEBUG")
    user = next(_users)
    bot.api.inject("sendMessage", "500", 1)
    bot.ask(tg.text_message(user, QUESTION), user)
    bot.api.inject("sendMessage", "400", 1)
    bot.ask(tg.text_message(user, QUESTION), user)
    bot.stop()
    assert caplog.records, "nothing was logged: the test would prove nothing"
    assert any(r.name.startswith("telegram") for r in caplog.records)
    secret_part = fake_token().split(":")[1]
    assert fake_token() not in caplog.text
    assert secret_part not in caplog.text
    for record in caplog.records:
        assert secret_part not in record.getMessage()
