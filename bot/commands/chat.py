"""``talent-bot chat``: talk to the bot in this terminal, with no Telegram token.

Type a question in English or Chinese. Answers come with their sources; suggestions,
follow-up questions and topics are numbered, and typing a number picks one. Commands:
``topics`` (or ``/topics``), ``/lang en|zh|auto``, ``/help``, and ``quit`` (or end of input).
In a terminal, lines can be edited and recalled with the arrow keys; otherwise standard
input is read line by line, so a file of questions can be piped in.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from dataclasses import dataclass
from typing import Literal, TextIO

from bot.answers import Reply
from bot.commands.ask import add_engine_options, load_engine, render_text
from bot.faq import FaqEngine
from bot.knowledge.model import Lang

_QUIT = frozenset({"quit", "exit", "/quit", "/exit", "q", "退出"})
_TOPICS = frozenset({"topics", "/topics", "话题", "主题", "/start"})

_TEXT: dict[Lang, dict[str, str]] = {
    "en": {
        "welcome": (
            "Ask me about Tongzhou district's talent policy, in English or Chinese.\n"
            "Type a number to pick from a list, 'topics' to browse, /help for help, "
            "'quit' to leave."
        ),
        "help": (
            "Commands:\n"
            "  topics or /topics   list the topics, then pick one by its number\n"
            "  a number            pick a numbered suggestion, question or topic\n"
            "  /lang en|zh|auto    reply in English, in Chinese, or in the question's language\n"
            "  /help               this help\n"
            "  quit                leave (end of input works too)"
        ),
        "topics": "Topics (type a number):",
        "decline_topics": "I can answer questions about these topics (type a number):",
        "questions": "Questions in {topic} (type a number):",
        "pick": "Type a number to pick one.",
        "none": "None of these? Rephrase your question, or type 'topics' to browse.",
        "lang": "Replies will be in English.",
        "auto": "Replies will follow the language of each question.",
        "bad_lang": "Use /lang en, /lang zh or /lang auto.",
        "bad_number": "There is no item {number} in the last list.",
        "no_list": "There is no list to pick from yet. Ask a question, or type 'topics' to browse.",
        "bye": "Goodbye!",
    },
    "zh": {
        "welcome": "请用中文或英文提问关于通州区人才政策的问题。输入数字选择列表中的项目，"
        "输入“topics”浏览话题，/help 查看帮助，quit 退出。",
        "help": (
            "命令：\n"
            "  topics 或 /topics   列出话题，再输入编号选择\n"
            "  数字                选择带编号的建议、问题或话题\n"
            "  /lang en|zh|auto    用英文、中文或按提问语言回复\n"
            "  /help               帮助\n"
            "  quit                退出（输入结束也会退出）"
        ),
        "topics": "话题（输入编号）：",
        "decline_topics": "我可以回答以下话题的问题（输入编号）：",
        "questions": "“{topic}”下的问题（输入编号）：",
        "pick": "输入编号选择。",
        "none": "都不是？请换个说法提问，或输入“topics”浏览话题。",
        "lang": "之后将用中文回复。",
        "auto": "之后将按提问的语言回复。",
        "bad_lang": "请使用 /lang en、/lang zh 或 /lang auto。",
        "bad_number": "上一个列表中没有第 {number} 项。",
        "no_list": "目前没有可选的列表。请直接提问，或输入“topics”浏览话题。",
        "bye": "再见！",
    },
}


@dataclass(frozen=True)
class Option:
    kind: Literal["entry", "topic"]
    id: str


class ChatSession:
    """One conversation: the language preference and the last numbered list."""

    def __init__(self, engine: FaqEngine, out: TextIO, lang: Lang | None = None) -> None:
        self.engine = engine
        self.out = out
        self.preference: Lang | None = lang
        self.lang: Lang = lang or "en"
        self.options: list[Option] = []

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def text(self, key: str, **values: object) -> str:
        return _TEXT[self.lang][key].format(**values)

    def handle(self, line: str) -> bool:
        """React to one line; False when the user wants to leave."""
        line = line.strip()
        command = line.casefold()
        if not line:
            return True
        if command in _QUIT:
            self.say(self.text("bye"))
            return False
        if command in ("/help", "help", "?", "帮助"):
            self.say(self.text("help"))
        elif command in _TOPICS:
            self.show_topics()
        elif command.startswith("/lang"):
            self.set_language(command.removeprefix("/lang").strip())
        elif line.isdecimal() and len(line) <= 3:
            # A bare number is a pick from a list, not a question, even before any list.
            if self.options:
                self.pick(int(line))
            else:
                self.say(self.text("no_list"))
        else:
            self.show(self.engine.ask(line, self.preference))
        return True

    def set_language(self, value: str) -> None:
        if value in ("en", "zh"):
            self.preference = self.lang = "en" if value == "en" else "zh"
            self.say(self.text("lang"))
        elif value == "auto":
            self.preference = None
            self.say(self.text("auto"))
        else:
            self.say(self.text("bad_lang"))

    def show_topics(self) -> None:
        topics = self.engine.topics(self.lang)
        self.options = [Option("topic", topic.topic_id) for topic in topics]
        lines = [self.text("topics")]
        lines += [f"  {n}. {topic.name}" for n, topic in enumerate(topics, start=1)]
        self.say("\n".join(lines))

    def pick(self, number: int) -> None:
        if not 1 <= number <= len(self.options):
            self.say(self.text("bad_number", number=number))
            return
        option = self.options[number - 1]
        if option.kind == "topic":
            questions = self.engine.questions_in_topic(option.id, self.lang)
            name = next(
                (t.name for t in self.engine.topics(self.lang) if t.topic_id == option.id), ""
            )
            self.options = [Option("entry", q.entry_id) for q in questions]
            lines = [self.text("questions", topic=name)]
            lines += [f"  {n}. {q.question}" for n, q in enumerate(questions, start=1)]
            self.say("\n".join(lines))
            return
        reply = self.engine.reply_for_entry(option.id, self.lang)
        if reply is not None:
            self.show(reply)

    def show(self, reply: Reply) -> None:
        self.lang = reply.lang
        if reply.kind == "decline":
            # The numbered topics below replace the sentence that names them.
            self.say(reply.notice or reply.text)
        else:
            self.say(render_text(reply, numbered=True))
        if reply.kind == "answer":
            self.options = [Option("entry", item.entry_id) for item in reply.related]
        elif reply.kind == "suggest":
            self.options = [Option("entry", item.entry_id) for item in reply.suggestions]
            self.say(self.text("none"))
        elif reply.kind == "decline":
            self.options = [Option("topic", topic.topic_id) for topic in reply.topics]
            lines = [self.text("decline_topics")]
            lines += [f"  {n}. {topic.name}" for n, topic in enumerate(reply.topics, start=1)]
            self.say("\n".join(lines))
        else:
            self.options = []
        self.say("")


def configure(parser: argparse.ArgumentParser) -> None:
    add_engine_options(parser)


def run(args: argparse.Namespace) -> int:
    engine = load_engine(args.knowledge)
    if engine is None:
        return 2
    session = ChatSession(engine, sys.stdout, args.lang)
    interactive = sys.stdin.isatty()
    if interactive:
        # Line editing and history for input(): without it the arrow keys type escape codes
        # into the question. Some Pythons are built without it; the chat works all the same.
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401
    session.say(session.text("welcome"))
    while True:
        if interactive:
            try:
                line = input("> ")
            except EOFError:
                break
        else:
            line = sys.stdin.readline()
            if not line:  # end of input
                break
        if not session.handle(line):
            break
    return 0
