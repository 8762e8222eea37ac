"""Hot reload, end to end: the real application with a reloadable engine on a copy of the
knowledge folder, questions streaming in from several users through the loopback Bot API.

A valid edit changes an answer while questions keep coming; a broken edit changes nothing for
users and its errors reach every admin; /reload and SIGHUP run the same reload. Expected texts
come from engines loaded from the folder before and after the edit, never hard-coded.
"""

from __future__ import annotations

import html
import itertools
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import bot_updates as tg
import pytest
from bot_harness import WAIT, RunningBot, fake_token, launch
from fake_bot_api import FakeBotApi
from staff_harness import (
    ADMIN_IDS_SETTING,
    ADMINS,
    answer_html,
    copy_knowledge,
    poll,
    process_environ,
    replace_file,
    sent_to,
)

from bot.faq import FaqEngine
from bot.reload import EngineHolder, faq_engine_holder, load_faq_engine

CHANGED = "What is talent new policy 3.0?"  # policy.yaml: its answer is edited
UNCHANGED = "How much funding can a talent project get?"  # projects.yaml: untouched
ANSWER_END = "        apply.\n      zh: >-\n"  # the end of the English answer to CHANGED
ADDED = " Ask the district's talent office for the details."
STREAM_USERS = tuple(range(61_001, 61_005))
_probe_users = itertools.count(62_000)


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    return copy_knowledge(tmp_path)


@pytest.fixture
def holder(knowledge: Path) -> EngineHolder[FaqEngine]:
    return faq_engine_holder(knowledge)


@pytest.fixture
def bot(api: FakeBotApi, holder: EngineHolder[FaqEngine], tmp_path: Path) -> Iterator[RunningBot]:
    running = launch(api, holder, tmp_path / "data", TALENT_BOT_ADMIN_IDS=ADMIN_IDS_SETTING)
    yield running
    running.stop()


def edit_answer(knowledge: Path) -> None:
    policy = knowledge / "policy.yaml"
    original = policy.read_text(encoding="utf-8")
    assert original.count(ANSWER_END) == 1, "policy.yaml changed shape; update ANSWER_END"
    replace_file(policy, original.replace(ANSWER_END, ANSWER_END.replace(".", "." + ADDED, 1)))


def break_topics(knowledge: Path) -> str:
    """Point policy.yaml's entries at a topic that does not exist; returns the old text."""
    policy = knowledge / "policy.yaml"
    original = policy.read_text(encoding="utf-8")
    assert "    topic: policy\n" in original
    replace_file(policy, original.replace("    topic: policy\n", "    topic: no-such-topic\n"))
    return original


class QuestionStream:
    """Several users asking in turn until stopped; what each asked, in order."""

    def __init__(self, bot: RunningBot, questions: tuple[str, ...]) -> None:
        self.bot = bot
        self.questions = questions
        self.asked: dict[int, list[str]] = {user: [] for user in STREAM_USERS}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="question-stream", daemon=True)

    def _run(self) -> None:
        for turn in itertools.count():
            for user in STREAM_USERS:
                question = self.questions[turn % len(self.questions)]
                with self.lock:
                    self.asked[user].append(question)
                self.bot.deliver(tg.text_message(user, question))
            # About 20 questions a second: under Telegram's 30 messages a second, which the
            # bot's rate limiter keeps to, so the answers keep up.
            if self.stopping.wait(0.2):
                return

    def __enter__(self) -> QuestionStream:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(WAIT)
        assert not self.thread.is_alive()

    def count(self, user: int) -> int:
        with self.lock:
            return len(self.asked[user])

    def answered_all(self) -> dict[int, list[str]]:
        """Wait until every question has its answer, then check none comes twice: a last
        question per user is answered after everything it asked before (one chat's updates run
        in order), so an extra answer would show up before it."""
        for user, asked in self.asked.items():
            count = len(asked)
            poll(lambda u=user, n=count: len(sent_to(self.bot, u)) >= n, f"answers to {user}")  # type: ignore[misc]
            self.bot.ask(tg.text_message(user, "/help"), user)
            answers = sent_to(self.bot, user)
            assert len(answers) == count + 1, f"user {user}: not one answer per question"
        return {user: [c.params["text"] for c in sent_to(self.bot, user)] for user in self.asked}


def test_a_valid_edit_under_load_changes_the_answer_and_every_question_gets_one_answer(
    bot: RunningBot, holder: EngineHolder[FaqEngine], knowledge: Path
) -> None:
    old_engine = holder.engine
    old = {q: answer_html(old_engine.ask(q)) for q in (CHANGED, UNCHANGED)}

    with QuestionStream(bot, (CHANGED, UNCHANGED)) as stream:
        # Some answers come from the old knowledge base first.
        poll(
            lambda: all(len(sent_to(bot, user)) >= 2 for user in STREAM_USERS), "the first answers"
        )
        edit_answer(knowledge)
        new_engine = load_faq_engine(knowledge)
        new = {q: answer_html(new_engine.ask(q)) for q in (CHANGED, UNCHANGED)}
        assert new[CHANGED] != old[CHANGED]
        assert html.escape(ADDED, quote=False) in new[CHANGED]

        # Once one user sees the new answer, everything asked from then on gets it.
        poll(
            lambda: any(
                call.params["text"] == new[CHANGED]
                for user in STREAM_USERS
                for call in sent_to(bot, user)
            ),
            "the new answer",
        )
        after_swap = {user: stream.count(user) for user in STREAM_USERS}
        poll(
            lambda: all(stream.count(u) >= after_swap[u] + 6 for u in STREAM_USERS),
            "questions after the swap",
        )
    answers = stream.answered_all()

    for user in STREAM_USERS:
        asked = stream.asked[user]
        replies = answers[user][: len(asked)]
        for index, (question, text) in enumerate(zip(asked, replies, strict=True)):
            assert text in (old[question], new[question]), f"user {user}, question {index}"
            if index >= after_swap[user]:
                assert text == new[question], f"user {user}, question {index} after the swap"
        changed = [
            text for question, text in zip(asked, replies, strict=True) if question == CHANGED
        ]
        first_new = changed.index(new[CHANGED])
        assert all(text == new[CHANGED] for text in changed[first_new:]), "went back to old"
    first_user = answers[STREAM_USERS[0]]
    assert first_user[0] == old[CHANGED], "the stream began before the edit"
    assert holder.generation == 2
    for admin in ADMINS:  # a good reload is only logged, nobody is messaged
        assert sent_to(bot, admin) == []


def test_a_broken_edit_changes_nothing_for_users_and_every_admin_gets_the_errors(
    bot: RunningBot, holder: EngineHolder[FaqEngine], knowledge: Path
) -> None:
    expected = {q: answer_html(holder.engine.ask(q)) for q in (CHANGED, UNCHANGED)}

    with QuestionStream(bot, (CHANGED, UNCHANGED)) as stream:
        poll(lambda: len(sent_to(bot, STREAM_USERS[-1])) >= 2, "the first answers")
        break_topics(knowledge)
        reports = {
            admin: poll(lambda a=admin: sent_to(bot, a), f"the errors for admin {admin}")  # type: ignore[misc]
            for admin in ADMINS
        }
        during = {user: stream.count(user) for user in STREAM_USERS}
        poll(lambda: all(stream.count(u) >= during[u] + 4 for u in STREAM_USERS), "more questions")
    answers = stream.answered_all()

    for admin, (report, *_) in reports.items():
        body = report.params["text"]
        assert report.params["parse_mode"] == "HTML"
        assert "NOT reloaded" in body
        assert re.search(r"policy\.yaml:\d+:\d+: topic 'no-such-topic' does not exist", body), body
        assert "<pre>" in body, f"admin {admin}: errors are shown as they are"
    for user in STREAM_USERS:
        asked = stream.asked[user]
        assert answers[user][: len(asked)] == [expected[q] for q in asked]
    assert holder.generation == 1


def test_reload_by_an_admin_reports_errors_then_success(
    bot: RunningBot, holder: EngineHolder[FaqEngine], knowledge: Path
) -> None:
    admin, other_admin = ADMINS
    original = break_topics(knowledge)
    poll(lambda: sent_to(bot, other_admin), "the watcher's report")
    mark = bot.mark()

    (failed,) = bot.ask(tg.text_message(admin, "/reload"), admin)
    assert "NOT reloaded" in failed.params["text"]
    assert re.search(r"policy\.yaml:\d+:\d+: ", failed.params["text"])
    # The other admins hear about the failed reload too.
    poll(lambda: sent_to(bot, other_admin, since=mark), "the failure for the other admin")

    user = next(_probe_users)
    (answer,) = bot.ask(tg.text_message(user, CHANGED), user)
    assert answer.params["text"] == answer_html(holder.engine.ask(CHANGED))

    mark = bot.mark()
    replace_file(knowledge / "policy.yaml", original)
    edit_answer(knowledge)
    # The watcher's reload succeeds, and every admin hears the errors are fixed.
    for someone in ADMINS:
        (fixed,) = poll(lambda a=someone: sent_to(bot, a, since=mark), f"all clear for {someone}")  # type: ignore[misc]
        assert "Knowledge base reloaded" in fixed.params["text"]
    (done,) = bot.ask(tg.text_message(admin, "/reload"), admin)
    assert "Knowledge base reloaded" in done.params["text"]
    assert str(knowledge) in html.unescape(done.params["text"])
    new_answer = answer_html(load_faq_engine(knowledge).ask(CHANGED))
    user = next(_probe_users)
    (answer,) = bot.ask(tg.text_message(user, CHANGED), user)
    assert answer.params["text"] == new_answer


def test_sighup_reloads_the_running_process(api: FakeBotApi, tmp_path: Path) -> None:
    knowledge = copy_knowledge(tmp_path)
    env = process_environ(
        TELEGRAM_BOT_TOKEN=fake_token(),
        TELEGRAM_API_BASE_URL=api.base_url,
        TALENT_BOT_DATA_DIR=str(tmp_path / "data"),
        TALENT_BOT_KNOWLEDGE_DIR=str(knowledge),
        TALENT_BOT_ADMIN_IDS=ADMIN_IDS_SETTING,
    )
    log = tmp_path / "stderr.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], env=env, stdout=subprocess.DEVNULL, stderr=stderr
        )
    try:
        # Polling starts after post_init, where the SIGHUP handler is installed.
        api.wait_for(lambda calls: any(c.method == "getUpdates" for c in calls), WAIT, "polling")
        process.send_signal(signal.SIGHUP)
        poll(lambda: "(version 2)" in log.read_text(), "the reload in the log")
        assert process.poll() is None, "SIGHUP must reload, not stop the bot"
        api.enqueue_update(tg.text_message(63_001, CHANGED))
        api.wait_for(lambda calls: [c for c in calls if c.method == "sendMessage"], WAIT, "answer")
        process.send_signal(signal.SIGTERM)
        process.wait(WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = log.read_text()
    assert process.returncode == 0, text[-2000:]
    assert "SIGHUP received: reloading the knowledge base" in text
    assert "Knowledge base reloaded from" in text


def test_a_bot_started_on_a_broken_folder_answers_from_its_last_good_version(
    api: FakeBotApi, knowledge: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    expected = answer_html(faq_engine_holder(knowledge, cache).engine.ask(UNCHANGED))
    original = break_topics(knowledge)  # saved while the bot was down
    running = launch(
        api,
        faq_engine_holder(knowledge, cache),
        tmp_path / "data",
        TALENT_BOT_ADMIN_IDS=ADMIN_IDS_SETTING,
    )
    try:
        for admin in ADMINS:
            (report,) = poll(lambda a=admin: sent_to(running, a), f"the errors for {admin}")  # type: ignore[misc]
            assert "NOT loaded at start-up" in report.params["text"]
            assert re.search(r"policy\.yaml:\d+:\d+: topic 'no-such-topic'", report.params["text"])
        user = next(_probe_users)
        (answer,) = running.ask(tg.text_message(user, UNCHANGED), user)
        assert answer.params["text"] == expected

        mark = running.mark()
        replace_file(knowledge / "policy.yaml", original)
        for admin in ADMINS:
            (fixed,) = poll(lambda a=admin: sent_to(running, a, since=mark), f"all clear, {admin}")  # type: ignore[misc]
            assert "Knowledge base reloaded" in fixed.params["text"]
    finally:
        running.stop()
