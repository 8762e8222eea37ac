"""The question log and the admin commands, end to end: the real application against the
loopback Bot API, with its question log in a temporary data folder, read back read-only.

Expected texts and figures come from the engine at test time, never hard-coded answers.
"""

from __future__ import annotations

import html
import logging
import re
import sqlite3
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import bot_updates as tg
import pytest
from bot_harness import RunningBot, StartBot, buttons, make_settings, suggest_questions
from fake_bot_api import BOT_USERNAME, Call, FakeBotApi
from staff_harness import ADMIN_IDS_SETTING, ADMINS, answer_html, log_rows, poll, sent_to

from bot.faq import FaqEngine
from bot.knowledge.model import Lang
from bot.store import SALT_FILE_NAME
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot.flood import FloodLimiter
from bot.telegram_bot.handlers import question_text
from bot.telegram_bot.render import escape
from bot.telegram_bot.texts import text

ADMIN = ADMINS[0]
ANSWERED = ("How much funding can a talent project get?", "通州在哪里")
DECLINED = ("What will the weather be in Paris tomorrow?", "巴黎明天的天气怎么样？")
STAFF_COMMANDS = ("stats", "unanswered", "reload")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"  # where ``start_bot`` keeps the bot's data


@pytest.fixture
def bot(start_bot: StartBot) -> RunningBot:
    return start_bot(TALENT_BOT_ADMIN_IDS=ADMIN_IDS_SETTING)


def visible(call: Call) -> dict[str, Any]:
    """What the user sees of a sent message: everything but the chat it went to."""
    return {k: v for k, v in call.params.items() if k != "chat_id"}


def log_ref(call: Call) -> int:
    """The question-log row the buttons under an answer point at."""
    action = cd.decode(buttons(call)[0][1])
    assert isinstance(action, cd.Feedback | cd.ChooseSuggestion)
    assert action.ref is not None, "the question was not logged"
    return action.ref


# --- admin commands -----------------------------------------------------------------------


def test_staff_commands_are_unknown_commands_for_everyone_else(bot: RunningBot) -> None:
    users: tuple[tuple[int, Lang], ...] = ((70_001, "en"), (70_002, "zh"))
    for user, language in users:
        (unknown,) = bot.ask(tg.text_message(user, "/foobar", language_code=language), user)
        assert unknown.params["text"] == escape(text("unknown_command", language))
        for command in (*STAFF_COMMANDS, "unanswered 30d", f"stats@{BOT_USERNAME}"):
            update = tg.text_message(user, f"/{command}", language_code=language)
            (reply,) = bot.ask(update, user)
            assert visible(reply) == visible(unknown), f"/{command} gives itself away"

    # An admin in a group gets no figures there either: the commands are for private chats.
    (unknown,) = bot.ask(tg.text_message(ADMIN, f"/foobar@{BOT_USERNAME}", group=True), tg.GROUP_ID)
    for command in STAFF_COMMANDS:
        update = tg.text_message(ADMIN, f"/{command}@{BOT_USERNAME}", group=True)
        (reply,) = bot.ask(update, tg.GROUP_ID)
        assert reply.params["text"] == unknown.params["text"]


def test_only_the_admins_command_menus_list_the_staff_commands(bot: RunningBot) -> None:
    menus = bot.api.state.commands

    def names(scope: str, language: str) -> list[str]:
        return [c["command"] for c in menus.get((scope, language), [])]

    for language in ("", "zh"):
        assert names("", language) == ["start", "topics", "sources", "lang", "help"]
        for admin in ADMINS:
            scope = f'{{"chat_id": {admin}, "type": "chat"}}'
            assert names(scope, language) == [*names("", language), *STAFF_COMMANDS]
    assert len(menus) == 2 + 2 * len(ADMINS)


def test_stats_and_unanswered_show_the_real_figures(bot: RunningBot, engine: FaqEngine) -> None:
    (suggested,) = suggest_questions(engine, 1)
    questions = [*ANSWERED, *DECLINED, suggested]
    replies = [engine.ask(q) for q in questions]
    assert [r.kind for r in replies] == ["answer", "answer", "decline", "decline", "suggest"]
    for user, question in enumerate(questions, start=71_001):
        (call,) = bot.ask(tg.text_message(user, question), user)
    mark = bot.mark()
    bot.press(tg.callback_query(user, buttons(call)[-1][1], call.result))  # "None of these"
    bot.wait_sent(user, method="editMessageText", since=mark)

    (stats,) = bot.ask(tg.text_message(ADMIN, "/stats"), ADMIN)
    body = html.unescape(stats.params["text"])
    total, unanswered = len(questions), len(DECLINED) + 1
    assert f"Today (UTC): {total} questions, {unanswered} unanswered" in body
    assert f"All time: {total} questions, {unanswered} unanswered" in body
    for kind, count in Counter(r.kind for r in replies).items():
        assert f"{kind} {count}" in body
    for lang, count in Counter(r.lang for r in replies).items():
        assert f"{lang} {count}" in body
    for reply in replies[:2]:
        assert f"{reply.entry_id} 1" in body
    assert "<pre>" in stats.params["text"]

    (gaps,) = bot.ask(tg.text_message(ADMIN, "/unanswered"), ADMIN)
    body = html.unescape(gaps.params["text"])
    assert "Unanswered questions, the last 7 days" in body
    for question in (*DECLINED, suggested):
        assert question in body
    assert ANSWERED[0] not in body

    (everything,) = bot.ask(tg.text_message(ADMIN, "/unanswered all"), ADMIN)
    assert DECLINED[0] in html.unescape(everything.params["text"])
    (usage,) = bot.ask(tg.text_message(ADMIN, "/unanswered lately"), ADMIN)
    assert "Usage: /unanswered" in usage.params["text"]


def test_reload_without_a_reloadable_engine_says_so(bot: RunningBot) -> None:
    (reply,) = bot.ask(tg.text_message(ADMIN, "/reload"), ADMIN)
    assert "Reloading is off" in reply.params["text"]


# --- the question log ------------------------------------------------------------------------


def test_feedback_is_recorded_once_and_a_second_press_changes_nothing(
    bot: RunningBot, engine: FaqEngine, data_dir: Path
) -> None:
    user, stranger = 72_001, 72_002
    question = ANSWERED[0]
    expected = engine.ask(question)
    (call,) = bot.ask(tg.text_message(user, question), user)
    row = log_ref(call)
    up, down = buttons(call)[:2]

    mark = bot.mark()
    ack = bot.press(tg.callback_query(user, down[1], call.result))
    assert ack.params["text"] == text("feedback_thanks", "en")
    (followup,) = bot.wait_sent(user, since=mark)
    assert [label for label, _ in buttons(followup)] == [
        *(r.question for r in expected.related),
        *(t.name for t in engine.topics("en")),
    ]
    poll(lambda: log_rows(data_dir, "id = ? AND feedback = -1", row), "the 👎 in the log")

    mark = bot.mark()
    for data in (up[1], down[1]):  # changing one's mind, then pressing 👎 again
        assert bot.press(tg.callback_query(user, data, call.result)).params["text"] == text(
            "feedback_thanks", "en"
        )
    # Someone else's button, and a button for a row that does not exist.
    assert bot.press(tg.callback_query(stranger, up[1], call.result)).params["text"]
    forged = cd.encode(cd.Feedback("en", "up", row + 10**6, str(expected.entry_id)))
    assert bot.press(tg.callback_query(user, forged, call.result)).params["text"]
    # One chat's updates run in order: a second follow-up would come before this answer.
    bot.ask(tg.text_message(user, ANSWERED[1]), user)
    assert len(sent_to(bot, user, since=mark)) == 1, "👎 twice, follow-up twice"

    bot.stop()  # writes everything queued
    (stored,) = log_rows(data_dir, "id = ?", row)
    assert stored["feedback"] == -1
    assert [r["feedback"] for r in log_rows(data_dir, "id != ?", row)] == [None]
    assert not log_rows(data_dir, "id = ?", row + 10**6)


def test_none_of_these_and_a_chosen_suggestion_are_recorded(
    bot: RunningBot, engine: FaqEngine, data_dir: Path
) -> None:
    user = 73_001
    first, second = suggest_questions(engine, 2)
    (declined,) = bot.ask(tg.text_message(user, first), user)
    (picked,) = bot.ask(tg.text_message(user, second), user)

    mark = bot.mark()
    bot.press(tg.callback_query(user, buttons(declined)[-1][1], declined.result))
    (thanks,) = bot.wait_sent(user, method="editMessageText", since=mark)
    lang = engine.ask(first).lang
    assert thanks.params["text"] == escape(text("none_of_these_thanks", lang))
    choice = cd.decode(buttons(picked)[0][1])
    assert isinstance(choice, cd.ChooseSuggestion)
    mark = bot.mark()
    bot.press(tg.callback_query(user, buttons(picked)[0][1], picked.result))
    (answer,) = bot.wait_sent(user, since=mark)
    chosen = engine.reply_for_entry(choice.entry_id, choice.lang)
    assert chosen is not None
    assert answer.params["text"] == answer_html(chosen)

    bot.stop()
    (none_row,) = log_rows(data_dir, "id = ?", log_ref(declined))
    assert (none_row["outcome"], none_row["none_of_these"]) == ("suggest", 1)
    (picked_row,) = log_rows(data_dir, "id = ?", log_ref(picked))
    assert (picked_row["none_of_these"], picked_row["chosen_entry_id"]) == (0, choice.entry_id)


def test_each_question_leaves_one_row_with_a_hashed_user_and_no_identity(
    bot: RunningBot, engine: FaqEngine, data_dir: Path
) -> None:
    user = 74_321
    questions = [
        *ANSWERED,
        DECLINED[0],
        "'); DROP TABLE questions; -- 🙂 how much funding?",
        "funding " * 500,
    ]
    for question in questions:
        bot.ask(tg.text_message(user, question), user)
    bot.stop()

    rows = log_rows(data_dir, "1 ORDER BY id")
    asked = [question_text(q, BOT_USERNAME) for q in questions]  # as the engine was asked
    assert [row["question"] for row in rows] == asked
    assert [row["outcome"] for row in rows] == [engine.ask(q).kind for q in asked]
    assert [row["lang"] for row in rows] == [engine.ask(q).lang for q in asked]
    hashes = {row["user_hash"] for row in rows}
    assert len(hashes) == 1
    assert re.fullmatch(r"[0-9a-f]{64}", hashes.pop())
    for row in rows:
        for column in row.keys():  # noqa: SIM118 (a Row iterates over values)
            assert str(user) not in str(row[column]), f"the raw user id is in {column}"
            assert f"User{user}" not in str(row[column]), f"the user's name is in {column}"
    assert (data_dir / SALT_FILE_NAME).stat().st_mode & 0o077 == 0
    with sqlite3.connect(f"file:{data_dir / 'questions.sqlite3'}?mode=ro", uri=True) as db:
        columns = [info[1] for info in db.execute("PRAGMA table_info(questions)")]
    assert not {"user_id", "username", "first_name", "name"} & set(columns)


@pytest.mark.parametrize("where", ["a regular file", "under a regular file"])
def test_the_bot_keeps_answering_when_the_data_folder_is_unusable(
    api: FakeBotApi,
    engine: FaqEngine,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    where: str,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way\n")
    data_dir = blocker if where == "a regular file" else blocker / "data"
    # Settings refuse a data folder that is a file, so the file takes its place afterwards.
    settings = replace(
        make_settings(api, tmp_path / "data", TALENT_BOT_ADMIN_IDS=ADMIN_IDS_SETTING),
        data_dir=data_dir,
    )
    caplog.set_level(logging.WARNING)
    bot = RunningBot(api, settings, engine, FloodLimiter(limit=1000, window=60)).start()
    try:
        user = 75_001
        for question in (*ANSWERED, *DECLINED, *ANSWERED):
            (call,) = bot.ask(tg.text_message(user, question), user)
            assert call.params["text"] == answer_html(engine.ask(question))
        for label, data in buttons(call)[:2]:
            assert bot.press(tg.callback_query(user, data, call.result)).params["text"], label
        (stats,) = bot.ask(tg.text_message(ADMIN, "/stats"), ADMIN)
        assert "Cannot read the question log" in stats.params["text"]
    finally:
        bot.stop()
    complaints = [
        r for r in caplog.records if r.name == "bot.store.log" and r.levelno >= logging.ERROR
    ]
    assert len(complaints) == 1, [r.getMessage() for r in complaints]
    assert all(c.params["text"] != escape(text("error", "en")) for c in sent_to(bot, user))
