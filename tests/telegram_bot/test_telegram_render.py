"""Rendering: escaping, the source block, and splitting long text into valid messages."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import ClassVar

from hypothesis import given
from hypothesis import strategies as st

from bot.answers import Reply, SourceRef, Suggestion, TopicRef
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot.render import (
    MAX_MESSAGE_CHARS,
    Block,
    pack,
    render_inline_article,
    render_reply,
    render_sources,
)

SOURCE = SourceRef("s", "Title <&>", "2024-04-12", 'http://example.org/a?b=1&c="2"', "Quote <i>")


class TagBalance(HTMLParser):
    """Checks tags nest properly and only Telegram's tags appear."""

    ALLOWED: ClassVar[frozenset[str]] = frozenset({"b", "i", "a", "code", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in self.ALLOWED, tag
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def well_formed(markup: str) -> str:
    parser = TagBalance()
    parser.feed(markup)
    parser.close()
    assert not parser.stack
    return "".join(parser.text)


def answer(text: str, quote: str = "Quote <i>") -> Reply:
    source = SourceRef(SOURCE.source_id, SOURCE.title, SOURCE.date, SOURCE.url, quote)
    return Reply(
        question="q",
        lang="en",
        kind="answer",
        text=text,
        entry_id="e-1",
        score=90.0,
        sources=(source,),
        related=(Suggestion("e-2", "Related <question>?"),),
    )


def test_answer_escapes_everything_from_the_knowledge_base() -> None:
    rendered = render_reply(answer("Text <script>alert(1)</script> & more"), ref=7)
    (message,) = rendered.chunks
    visible = well_formed(message)
    assert "Text <script>alert(1)</script> & more" in visible
    assert "<script>" not in message
    assert "<blockquote expandable>Quote &lt;i&gt;</blockquote>" in message
    assert 'href="http://example.org/a?b=1&amp;c=&quot;2&quot;"' in message
    labels = [[b.label for b in row] for row in rendered.buttons]
    assert labels == [["👍", "👎"], ["Related <question>?"]]  # labels are plain text
    assert cd.decode(rendered.buttons[0][0].data) == cd.Feedback("en", "up", 7, "e-1")


def test_decline_echoes_the_question_escaped_and_short() -> None:
    question = "<b>hi</b> " + "x" * 500
    reply = Reply(question, "en", "decline", "no", topics=(TopicRef("t", "Topic"),))
    (message,) = render_reply(reply).chunks
    assert "&lt;b&gt;hi&lt;/b&gt;" in message
    assert "x" * 100 not in message
    well_formed(message)


def test_a_decline_names_the_topics_on_buttons_only() -> None:
    from bot.faq import FaqEngine

    engine = FaqEngine.load()
    for lang in ("en", "zh"):
        reply = engine.ask("does the policy cover housing", lang)
        assert all(topic.name in reply.text for topic in reply.topics)  # for ask and JSON
        rendered = render_reply(reply)
        (message,) = rendered.chunks
        labels = [button.label for row in rendered.buttons for button in row]
        for topic in reply.topics:
            assert topic.name not in message
            assert topic.name in labels
        assert html.unescape(reply.notice) in html.unescape(message)


def test_suggest_has_candidates_and_none_of_these() -> None:
    reply = Reply(
        "q", "zh", "suggest", "", suggestions=(Suggestion("a", "A?"), Suggestion("b", "B?"))
    )
    rendered = render_reply(reply, ref=None)
    actions = [cd.decode(row[0].data) for row in rendered.buttons]
    assert actions == [
        cd.ChooseSuggestion("zh", None, "a"),
        cd.ChooseSuggestion("zh", None, "b"),
        cd.NoneOfThese("zh", None),
    ]


def test_a_long_answer_is_split_into_valid_messages_keeping_every_character() -> None:
    body = "Line with <tags> & ampersands. " * 400  # about 12,000 characters
    quote = "A quote & more. " * 400
    rendered = render_reply(answer(body, quote))
    assert len(rendered.chunks) > 2
    visible = ""
    for chunk in rendered.chunks:
        assert len(chunk) <= MAX_MESSAGE_CHARS
        visible += well_formed(chunk)
    squashed = re.sub(r"\s+", "", visible)
    assert re.sub(r"\s+", "", body) in squashed
    assert re.sub(r"\s+", "", quote) in squashed


@given(st.text(min_size=1, max_size=9000))
def test_any_text_packs_into_well_formed_messages(text: str) -> None:
    rendered = pack([Block(text, "<blockquote expandable>", "</blockquote>"), Block(text)])
    kept = ""
    for chunk in rendered.chunks:
        assert len(chunk) <= MAX_MESSAGE_CHARS
        kept += well_formed(chunk)
    assert re.sub(r"\s+", "", kept) == re.sub(r"\s+", "", text * 2)


def test_sources_list_and_inline_article() -> None:
    (message,) = render_sources("en", [SOURCE]).chunks
    assert html.escape(SOURCE.title, quote=False) in message
    assert SOURCE.date in message
    well_formed(message)
    article = render_inline_article(answer("Body"))
    assert article.result_id == "e-1"
    assert "<blockquote expandable>" in article.message
    assert len(article.message) <= MAX_MESSAGE_CHARS
