"""Replies as Telegram HTML plus button rows, with no Telegram import (easy to test).

Everything taken from the knowledge base or the user passes through ``html.escape``. A message
is built from blocks (a paragraph, a source, a quote); blocks are packed into messages of at
most 4,096 characters, and a block longer than that is cut on plain text and re-wrapped in its
tags, so no message ever carries broken markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answers import Reply, SourceRef, Suggestion, TopicRef
from bot.knowledge.model import LANGS, Lang
from bot.telegram_bot import callback_data as cd
from bot.telegram_bot.texts import LANGUAGE_NAMES, text

MAX_MESSAGE_CHARS = 4096
MAX_BUTTON_CHARS = 100  # clients cut long labels anyway; this keeps updates small
MAX_ECHO_CHARS = 80  # how much of a user's question a decline repeats


@dataclass(frozen=True)
class Button:
    label: str  # plain text: Telegram shows button labels verbatim
    data: str  # encoded callback data


@dataclass(frozen=True)
class Block:
    """``opening + escape(body) + closing``; ``body`` is plain text, the tags are trusted HTML."""

    body: str
    opening: str = ""
    closing: str = ""

    def html(self) -> str:
        return self.opening + html.escape(self.body, quote=False) + self.closing


@dataclass(frozen=True)
class Rendered:
    chunks: tuple[str, ...]  # HTML messages, each within the size limit; the last carries buttons
    buttons: tuple[tuple[Button, ...], ...] = ()


def trusted(markup: str) -> Block:
    """A block of our own HTML (templates with escaped values filled in)."""
    return Block(body="", opening=markup)


def escape(value: str) -> str:
    return html.escape(value, quote=False)


def shorten(value: str, limit: int) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def button(label: str, action: cd.Action) -> Button:
    return Button(shorten(label, MAX_BUTTON_CHARS), cd.encode(action))


# --- replies to questions ---------------------------------------------------------------------


def render_reply(reply: Reply, ref: int | None = None) -> Rendered:
    """The message for any reply the engine gives; ``ref`` is the question-log row, if any."""
    if reply.kind == "answer":
        return render_answer(reply, ref)
    if reply.kind == "suggest":
        return render_suggest(reply, ref)
    if reply.kind == "decline":
        return render_decline(reply)
    return pack([Block(reply.text)])


def render_answer(reply: Reply, ref: int | None = None) -> Rendered:
    lang = reply.lang
    blocks = [Block(reply.text), *source_blocks(reply.sources, lang)]
    rows: list[tuple[Button, ...]] = []
    if reply.entry_id is not None:
        rows.append(
            (
                button("👍", cd.Feedback(lang, "up", ref, reply.entry_id)),
                button("👎", cd.Feedback(lang, "down", ref, reply.entry_id)),
            )
        )
    if reply.related:
        blocks.append(trusted(f"<i>{escape(text('related_label', lang))}</i>"))
        rows.extend(question_rows(reply.related, lang))
    return pack(blocks, rows)


def source_blocks(sources: Iterable[SourceRef], lang: Lang) -> list[Block]:
    blocks: list[Block] = []
    for source in sources:
        blocks.append(trusted(source_line(source, lang)))
        if source.quote:
            blocks.append(Block(source.quote, "<blockquote expandable>", "</blockquote>"))
    return blocks


def source_line(source: SourceRef, lang: Lang) -> str:
    label = escape(text("source_label", lang))
    title = escape(source.title)
    address = html.escape(source.url, quote=True)
    link = f'<a href="{address}">{escape(source.url)}</a>'
    return f"📄 <b>{label}:</b> {title}, {escape(source.date)}\n{link}"


def render_suggest(reply: Reply, ref: int | None = None) -> Rendered:
    lang = reply.lang
    rows = [
        (button(s.question, cd.ChooseSuggestion(lang, ref, s.entry_id)),) for s in reply.suggestions
    ]
    rows.append((button(text("none_of_these", lang), cd.NoneOfThese(lang, ref)),))
    return pack([Block(reply.text or text("suggest_intro", lang))], rows)


def render_decline(reply: Reply) -> Rendered:
    """The engine's plain "not covered" text under the question it could not answer; the topic
    buttons below it take the place of the sentence naming them."""
    lang = reply.lang
    echo = Block(shorten(reply.question, MAX_ECHO_CHARS), "❓ <i>", "</i>")
    shown = reply.notice or reply.text
    body = Block(shown) if shown else trusted(escape(text("decline", lang)))
    return pack([echo, body], topic_rows(reply.topics, lang))


def question_rows(questions: Sequence[Suggestion], lang: Lang) -> list[tuple[Button, ...]]:
    return [(button(q.question, cd.ShowAnswer(lang, q.entry_id)),) for q in questions]


def topic_rows(topics: Sequence[TopicRef], lang: Lang) -> list[tuple[Button, ...]]:
    buttons = [button(t.name, cd.ShowTopic(lang, t.topic_id)) for t in topics]
    return [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


# --- commands and navigation ------------------------------------------------------------------


def render_greeting(lang: Lang, topics: Sequence[TopicRef]) -> Rendered:
    return pack([trusted(text("greeting", lang))], topic_rows(topics, lang))


def render_help(lang: Lang, username: str) -> Rendered:
    return pack([trusted(text("help", lang).format(username=escape(username)))])


def render_topics(lang: Lang, topics: Sequence[TopicRef]) -> Rendered:
    return pack([trusted(text("topics_title", lang))], topic_rows(topics, lang))


def render_topic(lang: Lang, topic_name: str, questions: Sequence[Suggestion]) -> Rendered:
    rows = question_rows(questions, lang)
    rows.append((button(text("back_to_topics", lang), cd.ShowTopics(lang)),))
    return pack([trusted(text("topic_title", lang).format(topic=escape(topic_name)))], rows)


def render_sources(lang: Lang, sources: Sequence[SourceRef]) -> Rendered:
    lines = [
        f'• <b>{escape(s.title)}</b>, {escape(s.date)}\n<a href="{html.escape(s.url, quote=True)}">'
        f"{escape(s.url)}</a>"
        for s in sources
    ]
    return pack([trusted(text("sources_title", lang)), *(trusted(line) for line in lines)])


def render_language_choice(current: Lang | None, lang: Lang) -> Rendered:
    name = LANGUAGE_NAMES[current] if current else text("lang_auto", lang)
    prompt = escape(text("lang_usage", lang)).replace(escape("{current}"), escape(name))
    row = tuple(button(LANGUAGE_NAMES[choice], cd.ChooseLanguage(choice)) for choice in LANGS)
    return pack([trusted(prompt)], [row])


def render_feedback_followup(
    lang: Lang, related: Sequence[Suggestion], topics: Sequence[TopicRef]
) -> Rendered:
    rows = question_rows(related, lang) + topic_rows(topics, lang)
    return pack([trusted(escape(text("feedback_sorry", lang)))], rows)


def render_notice(key: str, lang: Lang) -> Rendered:
    return pack([trusted(escape(text(key, lang)))])


def render_staff_report(title: str, body: str = "") -> Rendered:
    """For the admins: a bold title over plain text kept as it is (``<pre>``), split if long."""
    blocks = [Block(title, "<b>", "</b>")]
    if body.strip():
        blocks.append(Block(body, "<pre>", "</pre>"))
    return pack(blocks)


# --- inline mode ----------------------------------------------------------------------------


@dataclass(frozen=True)
class InlineArticle:
    result_id: str
    title: str  # plain text
    description: str  # plain text
    message: str  # HTML, within the size limit


def render_inline_article(reply: Reply) -> InlineArticle:
    """One inline result: the answer with its source, as a single message (no buttons)."""
    blocks = [Block(reply.text), *source_blocks(reply.sources, reply.lang)]
    message = pack(blocks).chunks[0]
    source = reply.sources[0].title if reply.sources else ""
    title = reply.suggestions[0].question if reply.suggestions else reply.question
    return InlineArticle(
        result_id=(reply.entry_id or "answer")[:64],
        title=shorten(title, 100),
        description=shorten(f"{reply.text} ({source})" if source else reply.text, 200),
        message=message,
    )


# --- packing --------------------------------------------------------------------------------


def pack(
    blocks: Sequence[Block],
    buttons: Sequence[tuple[Button, ...]] = (),
    limit: int = MAX_MESSAGE_CHARS,
) -> Rendered:
    """Join blocks with blank lines into as few messages as fit within ``limit`` characters."""
    pieces = [piece for block in blocks for piece in _fit(block, limit)]
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
            continue
        chunks.append(current)
        current = piece
    if current or not chunks:
        chunks.append(current)
    return Rendered(tuple(chunks), tuple(buttons))


def _fit(block: Block, limit: int) -> list[str]:
    whole = block.html()
    if len(whole) <= limit:
        return [whole]
    room = limit - len(block.opening) - len(block.closing)
    if room <= 0:
        return [whole[:limit]]  # only our own templates could be this long; never happens
    parts: list[str] = []
    body = block.body
    while body:
        size = _longest_prefix(body, room)
        parts.append(block.opening + escape(body[:size]) + block.closing)
        body = body[size:].lstrip("\n")
    return parts


def _longest_prefix(body: str, room: int) -> int:
    """The longest prefix whose escaped form fits in ``room``, cut at a line or word if possible."""
    size = min(len(body), room)
    while size > 1 and len(escape(body[:size])) > room:
        size = max(1, size - max(1, (len(escape(body[:size])) - room)))
    if size < len(body):
        for separator in ("\n", " "):
            cut = body.rfind(separator, 0, size)
            if cut > size // 2:
                return cut + 1
    return size
