"""What a user sees, end to end: the real application and the real engine with the shipped
knowledge base, against the loopback Bot API, once in polling mode and once in webhook mode.

Expected texts come from the engine and the renderer at test time, never hard-coded answers.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator

import bot_updates as tg
import pytest
from bot_harness import RunningBot, buttons, fake_token, launch, suggest_questions
from fake_bot_api import BOT_USERNAME, FakeBotApi

from bot.answers import Reply
from bot.faq import FaqEngine
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot.render import MAX_BUTTON_CHARS, escape, render_reply, shorten
from bot.telegram_bot.texts import text

_user_ids = itertools.count(10_000)


@pytest.fixture(scope="module", params=["polling", "webhook"])
def bot(
    request: pytest.FixtureRequest, engine: FaqEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningBot]:
    with FakeBotApi(token=fake_token()) as api:
        running = launch(api, engine, tmp_path_factory.mktemp("data"), str(request.param))
        yield running
        running.stop()


@pytest.fixture
def user() -> int:
    """A fresh user (and private chat) for each test, so preferences never leak between tests."""
    return next(_user_ids)


def expected_html(reply: Reply) -> str:
    return "\n\n".join(render_reply(reply).chunks)


def button_label(question: str) -> str:
    return shorten(question, MAX_BUTTON_CHARS)


def test_start_greets_in_english_with_topic_buttons(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    (call,) = bot.ask(tg.text_message(user, "/start", language_code="en-GB"), user)
    assert call.params["text"] == text("greeting", "en")
    assert call.params["parse_mode"] == "HTML"
    topics = engine.topics("en")
    assert buttons(call) == [(t.name, cd.encode(cd.ShowTopic("en", t.topic_id))) for t in topics]
    for command in ("/help", "/topics", "/sources", "/lang"):
        assert command in call.params["text"]


def test_start_greets_in_chinese_for_a_chinese_client(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    (call,) = bot.ask(tg.text_message(user, "/start", language_code="zh-hans"), user)
    assert call.params["text"] == text("greeting", "zh")
    assert [label for label, _ in buttons(call)] == [t.name for t in engine.topics("zh")]


def test_help_lists_the_commands_and_inline_use(bot: RunningBot, user: int) -> None:
    (call,) = bot.ask(tg.text_message(user, "/help"), user)
    for command in ("/topics", "/sources", "/lang"):
        assert command in call.params["text"]
    assert f"@{BOT_USERNAME}" in call.params["text"]


def test_topics_lead_to_questions_then_to_the_answer(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    (menu,) = bot.ask(tg.text_message(user, "/topics"), user)
    topic = engine.topics("en")[0]
    label, data = buttons(menu)[0]
    assert label == topic.name

    mark = bot.mark()
    bot.press(tg.callback_query(user, data, menu.result))
    edit = bot.wait_sent(user, method="editMessageText", since=mark)[0]
    questions = engine.questions_in_topic(topic.topic_id, "en")
    assert html.escape(topic.name) in edit.params["text"]
    offered = buttons(edit)
    assert [button_label(q.question) for q in questions] == [label for label, _ in offered[:-1]]
    assert offered[-1] == (text("back_to_topics", "en"), cd.encode(cd.ShowTopics("en")))

    mark = bot.mark()
    bot.press(tg.callback_query(user, offered[0][1], edit.result))
    (answer,) = bot.wait_sent(user, since=mark)
    expected = engine.reply_for_entry(questions[0].entry_id, "en")
    assert expected is not None
    assert answer.params["text"] == expected_html(expected)

    mark = bot.mark()
    bot.press(tg.callback_query(user, offered[-1][1], edit.result))
    back = bot.wait_sent(user, method="editMessageText", since=mark)[0]
    assert [label for label, _ in buttons(back)] == [t.name for t in engine.topics("en")]


def test_sources_lists_titles_dates_and_addresses(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    (call,) = bot.ask(tg.text_message(user, "/sources"), user)
    for source in engine.sources():
        assert html.escape(source.title, quote=False) in call.params["text"]
        assert source.date in call.params["text"]
        assert f'href="{html.escape(source.url)}"' in call.params["text"]


def test_english_question_gets_answer_source_quote_feedback_and_related(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    question = "How much funding can a talent project get?"
    expected = engine.ask(question)
    assert expected.kind == "answer"
    (call,) = bot.ask(tg.text_message(user, question), user)
    body = call.params["text"]
    assert body == expected_html(expected)
    source = expected.sources[0]
    assert f"<blockquote expandable>{html.escape(source.quote, quote=False)}</blockquote>" in body
    assert html.escape(source.title, quote=False) in body
    assert source.date in body
    labels = [label for label, _ in buttons(call)]
    assert labels[:2] == ["👍", "👎"]
    assert labels[2:] == [button_label(r.question) for r in expected.related]
    down = cd.decode(buttons(call)[1][1])
    assert isinstance(down, cd.Feedback)
    assert down.ref is not None  # the question's row in the question log
    assert down == cd.Feedback("en", "down", down.ref, str(expected.entry_id))


def test_chinese_question_gets_a_chinese_answer(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    question = "通州在哪里"
    expected = engine.ask(question)
    assert expected.lang == "zh"
    (call,) = bot.ask(tg.text_message(user, question, language_code="en"), user)
    assert call.params["text"] == expected_html(expected)
    up = cd.decode(buttons(call)[0][1])
    assert isinstance(up, cd.Feedback)
    assert up == cd.Feedback("zh", "up", up.ref, str(expected.entry_id))


def test_lang_preference_overrides_detection(bot: RunningBot, engine: FaqEngine, user: int) -> None:
    (confirm,) = bot.ask(tg.text_message(user, "/lang zh"), user)
    assert confirm.params["text"] == escape(text("lang_set", "zh"))
    question = "How much funding can a talent project get?"
    (call,) = bot.ask(tg.text_message(user, question), user)
    assert call.params["text"] == expected_html(engine.ask(question, lang="zh"))

    (usage,) = bot.ask(tg.text_message(user, "/lang"), user)
    choices = buttons(usage)
    assert [cd.decode(data) for _, data in choices] == [
        cd.ChooseLanguage("en"),
        cd.ChooseLanguage("zh"),
    ]
    mark = bot.mark()
    bot.press(tg.callback_query(user, choices[0][1], usage.result))
    bot.wait_sent(user, method="editMessageText", since=mark)
    (call,) = bot.ask(tg.text_message(user, "通州在哪里"), user)
    assert call.params["text"] == expected_html(engine.ask("通州在哪里", lang="en"))


def test_suggestion_offers_candidates_and_none_of_these(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    (question,) = suggest_questions(engine)
    expected = engine.ask(question)
    (call,) = bot.ask(tg.text_message(user, question), user)
    offered = buttons(call)
    assert [label for label, _ in offered[:-1]] == [
        button_label(s.question) for s in expected.suggestions
    ]
    assert offered[-1][0] == text("none_of_these", expected.lang)

    mark = bot.mark()
    bot.press(tg.callback_query(user, offered[0][1], call.result))
    (answer,) = bot.wait_sent(user, since=mark)
    chosen = engine.reply_for_entry(expected.suggestions[0].entry_id, expected.lang)
    assert chosen is not None
    assert answer.params["text"] == expected_html(chosen)

    mark = bot.mark()
    bot.press(tg.callback_query(user, offered[-1][1], call.result))
    (thanks,) = bot.wait_sent(user, method="editMessageText", since=mark)
    assert thanks.params["text"] == escape(text("none_of_these_thanks", expected.lang))


def test_decline_says_so_and_offers_topics(bot: RunningBot, engine: FaqEngine, user: int) -> None:
    question = "What will the weather be in Paris tomorrow?"
    expected = engine.ask(question)
    assert expected.kind == "decline"
    (call,) = bot.ask(tg.text_message(user, question), user)
    assert call.params["text"] == expected_html(expected)
    assert "Paris" in call.params["text"]
    assert [label for label, _ in buttons(call)] == [t.name for t in expected.topics]


def test_feedback_thanks_and_thumbs_down_offers_related_and_topics(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    question = "How much funding can a talent project get?"
    expected = engine.ask(question)
    (call,) = bot.ask(tg.text_message(user, question), user)
    up, down = buttons(call)[:2]

    ack = bot.press(tg.callback_query(user, up[1], call.result))
    assert ack.params["text"] == text("feedback_thanks", "en")

    mark = bot.mark()
    ack = bot.press(tg.callback_query(user, down[1], call.result))
    assert ack.params["text"] == text("feedback_thanks", "en")
    (followup,) = bot.wait_sent(user, since=mark)
    labels = [label for label, _ in buttons(followup)]
    assert labels == [button_label(r.question) for r in expected.related] + [
        t.name for t in engine.topics("en")
    ]


def test_inline_query_offers_up_to_five_answers_with_sources(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    mark = bot.mark()
    bot.deliver(tg.inline_query(user, "funding"))
    (call,) = bot.api.wait_for(
        lambda calls: [c for c in calls[mark:] if c.method == "answerInlineQuery"], what="inline"
    )
    results = call.params["results"]
    expected = engine.search("funding", limit=5)
    assert 1 <= len(results) <= 5
    assert len(results) == len(expected)
    for result, reply in zip(results, expected, strict=True):
        assert result["type"] == "article"
        content = result["input_message_content"]
        assert content["parse_mode"] == "HTML"
        assert html.escape(reply.sources[0].title, quote=False) in content["message_text"]
        assert "<blockquote expandable>" in content["message_text"]


def test_group_answers_only_commands_mentions_and_replies_to_the_bot(
    bot: RunningBot, engine: FaqEngine, user: int
) -> None:
    group = tg.GROUP_ID - user  # a group of its own for this test
    question = "How much funding can a talent project get?"

    def in_group(update: dict[str, object]) -> dict[str, object]:
        message = update["message"]
        assert isinstance(message, dict)
        message["chat"] = {"id": group, "type": "supergroup", "title": "Talent group"}
        return update

    bot.mark()
    bot.deliver(in_group(tg.text_message(user, question, group=True)))
    bot.deliver(in_group(tg.sticker_message(user, group=True)))
    (mentioned,) = bot.ask(
        in_group(tg.text_message(user, f"@{BOT_USERNAME} {question}", group=True)), group
    )
    # Updates from one chat are handled in order, so the chatter before was seen and ignored.
    assert len([c for c in bot.api.calls("sendMessage")[0:] if c.params["chat_id"] == group]) == 1
    assert mentioned.params["text"] == expected_html(engine.ask(question))

    reply_to = tg.bot_message(
        {"id": group, "type": "supergroup"}, "earlier answer", mentioned.result["message_id"]
    )
    (replied,) = bot.ask(
        in_group(tg.text_message(user, question, group=True, reply_to=reply_to)), group
    )
    assert replied.params["text"] == expected_html(engine.ask(question))

    (helped,) = bot.ask(in_group(tg.text_message(user, "/help", group=True)), group)
    assert "/topics" in helped.params["text"]


def test_non_text_messages_get_one_short_reply(bot: RunningBot, user: int) -> None:
    (call,) = bot.ask(tg.sticker_message(user), user)
    assert call.params["text"] == escape(text("not_text", "en"))
    (call,) = bot.ask(tg.photo_message(user, language_code="zh"), user)
    assert call.params["text"] == escape(text("not_text", "zh"))


def test_a_4096_character_message_is_answered(bot: RunningBot, user: int) -> None:
    question = ("How much funding can a talent project get? " * 200)[:4096]
    (call,) = bot.ask(tg.text_message(user, question), user)
    assert 0 < len(call.params["text"]) <= 4096


def test_html_in_a_question_is_escaped(bot: RunningBot, engine: FaqEngine, user: int) -> None:
    question = '<b>bold</b> <a href="http://evil.example">x</a> & </blockquote>'
    (call,) = bot.ask(tg.text_message(user, question), user)
    assert "<b>bold</b>" not in call.params["text"]
    assert "evil.example" not in call.params["text"] or "&lt;a href" in call.params["text"]
    assert call.params["text"] == expected_html(engine.ask(question))


@pytest.mark.parametrize(
    "data",
    [
        "garbage",
        "",
        "9|a|en|talent-projects-funding",  # another version
        "1|a|en|no-such-entry",  # outdated: the entry is gone
        "1|t|zh|no-such-topic",
        "1|f|en|x|1|talent-projects-funding",
        "1|a|fr|talent-projects-funding",
        "1|a|en|" + "x" * 60,
    ],
)
def test_forged_or_outdated_buttons_have_expired(bot: RunningBot, user: int, data: str) -> None:
    (call,) = bot.ask(tg.text_message(user, "/topics"), user)
    ack = bot.press(tg.callback_query(user, data, call.result))
    assert ack.params["text"] == text("expired", "en")


def test_unknown_command_is_answered_in_private(bot: RunningBot, user: int) -> None:
    (call,) = bot.ask(tg.text_message(user, "/nonsense"), user)
    assert call.params["text"] == escape(text("unknown_command", "en"))
