"""Which small talk a message is: a greeting, thanks, a goodbye, or a question about the bot.

A message is small talk when it is close to one of the small-talk phrasings as a whole
(``closest``). Otherwise, once the matcher has found that it says nothing about the knowledge
base's subjects, it is small talk when it contains a small-talk word ("thanks", "cya"), or when
it and a phrasing of two tokens or more are one inside the other, the smaller at least two
thirds of the larger, and both or neither negate ("how are you today" holds "how are you"; "see
ya" is most of "see ya later"; "that's not all" is not "that's all"), or when it holds every
word of an English phrasing of three words or more ("wait are you a human typing or some kind
of bot" holds "are you human"). Tokens are words, and
Chinese characters one by one, compared as sets: "你都知道些什么" holds 你知道什么. Which small talk
it is then goes by the tokens the two share (``by_words``), not by the spelling of the whole
message: "ok got it thanks" is thanks, though "who are you" is spelt more like it.

A message that opens with small talk and goes on about itself, the asker or the bot, asking
nothing, is that small talk too (``opened_by_talk``): "thanks, that helps my article", "谢谢你啊
这下我写稿有底了", "hey bot, hello from a phd student".

Only the phrasings sharing a token with the message are compared (``KbIndex.smalltalk_using``).
Questions about the bot in wordings no phrasing holds are read in ``about_bot``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.matching.analysis import Analysed, talk_form
from bot.matching.index import KbIndex, SmallTalkPhrasing
from bot.matching.normalise import normalise

# A message and a phrasing one of which negates and the other not say different things.
_NEGATIONS = frozenset(("not", "no", "dont", "never", "没", "不", "别", "无", "未"))
# Sentence-final particles: tone, not content.
PARTICLES = frozenset("吗啊呢吧呀嘛啦哦")


# Letters drawn out in chat ("hiii", "heyyy", "byeee", "thxxx"): a run of three or more read as
# two ("hellooo" -> "helloo"), then any run as one ("helloo" -> "hello" is not found that way,
# so both are tried).
_DRAWN_OUT = (re.compile(r"(.)\1{2,}"), re.compile(r"(.)\1+"))
_DOUBLED = _DRAWN_OUT[1]


def _talk(index: KbIndex, analysed: Analysed) -> tuple[str, tuple[str, ...]]:
    """``talk_form``, with a drawn-out word read as the small-talk word it draws out."""
    text, tokens = talk_form(analysed)
    using = index.smalltalk_using
    if all(token in using or not token.isascii() for token in tokens):
        return text, tokens
    plain = []
    for token in tokens:
        # Only a word with a doubled letter can be drawn out (most words of a long message have
        # none, and trying both readings of each cost tens of microseconds).
        if token not in using and token.isascii() and _DOUBLED.search(token):
            for drawn_out, kept in zip(_DRAWN_OUT, (r"\1\1", r"\1"), strict=True):
                shorter = drawn_out.sub(kept, token)
                if shorter in using:
                    token = shorter
                    break
        plain.append(token)
    if plain == list(tokens):
        return text, tokens
    return " ".join(plain), tuple(plain)


def closest(index: KbIndex, analysed: Analysed, at_least: float = 0.0) -> tuple[str | None, float]:
    """The small talk whose phrasing is spelt most like the whole message, with the score; none
    below ``at_least`` (which lets rapidfuzz skip phrasings of very different lengths)."""
    if at_least > 100.0:  # a threshold set above any score switches the comparison off
        return None, 0.0
    found = process.extractOne(
        _talk(index, analysed)[0],
        index.smalltalk_texts,
        scorer=fuzz.ratio,
        processor=None,
        score_cutoff=max(at_least, 0.0),
    )
    if found is None or found[1] <= 0:
        return None, 0.0
    return index.smalltalk[found[2]].smalltalk_id, float(found[1])


def by_words(index: KbIndex, analysed: Analysed) -> tuple[str | None, float]:
    """The small talk whose phrasing shares the most tokens with the message, with the score.

    Several phrasings can lie wholly inside a message and tie: the one sharing more of it wins
    ("thanks, take care" is a goodbye: "take care" covers more of it than "thanks").
    """
    text, talk_tokens = _talk(index, analysed)
    tokens = frozenset(talk_tokens)
    sharing = _sharing(index, tokens)
    if not sharing:
        return None, 0.0
    found = process.extract(
        text,
        [index.smalltalk_texts[position] for position in sharing],
        scorer=fuzz.token_set_ratio,
        processor=None,
        limit=None,
    )

    def rank(item: tuple[str, float, int]) -> tuple[float, int, int]:
        position = sharing[item[2]]
        return item[1], len(index.smalltalk[position].tokens & tokens), -position

    best = max(found, key=rank)
    return index.smalltalk[sharing[best[2]]].smalltalk_id, float(best[1])


def containing(index: KbIndex, analysed: Analysed) -> tuple[str, float] | None:
    """The small talk with a phrasing that holds the message or that the message holds (see
    the module's docstring), with the share of the larger the smaller makes, out of 100.
    Chinese particles are left out of both ("你是个啥机器人啊" holds 你是机器人吗)."""
    tokens = frozenset(_talk(index, analysed)[1]) - PARTICLES
    negates = not _NEGATIONS.isdisjoint(tokens)
    best: tuple[int, float, str] | None = None
    for position in _sharing(index, tokens):
        phrasing: SmallTalkPhrasing = index.smalltalk[position]
        small, large = sorted((phrasing.tokens - PARTICLES, tokens), key=len)
        if (
            len(small) >= 2
            and small <= large
            and 3 * len(small) >= 2 * len(large)
            and negates != _NEGATIONS.isdisjoint(phrasing.tokens)
            and (best is None or len(small) > best[0])
        ):
            best = (len(small), 100.0 * len(small) / len(large), phrasing.smalltalk_id)
    return None if best is None else (best[2], best[1])


def holding_a_phrasing(index: KbIndex, analysed: Analysed) -> tuple[str, float] | None:
    """The small talk with an English phrasing of three words or more all of whose words the
    message holds, however long the message, with the share of the message they make out of
    100: "wait are you a human typing or some kind of bot" holds "are you human" ("take care of
    it" does not hold "take care of yourself"). Negation must agree, as in ``containing``.
    Chinese tokens are single characters, which unrelated messages share ("今晚吃什么好" and
    你会什么), so only ``containing`` reads Chinese."""
    talk_tokens = _talk(index, analysed)[1]
    tokens = frozenset(token for token in talk_tokens if token.isascii())
    negates = not _NEGATIONS.isdisjoint(talk_tokens)
    best: tuple[int, float, str] | None = None
    for position in _sharing(index, tokens):
        phrasing: SmallTalkPhrasing = index.smalltalk[position]
        words = frozenset(token for token in phrasing.tokens if token.isascii())
        if (
            len(words) >= 3
            and words <= tokens
            and negates != _NEGATIONS.isdisjoint(phrasing.tokens)
            and (best is None or len(words) > best[0])
        ):
            best = (len(words), 100.0 * len(words) / len(tokens), phrasing.smalltalk_id)
    return None if best is None else (best[2], best[1])


def _sharing(index: KbIndex, tokens: Iterable[str]) -> list[int]:
    """The positions of the small-talk phrasings using any of ``tokens``, in order."""
    using = index.smalltalk_using
    return sorted({position for token in tokens for position in using.get(token, ())})


# "ok thanks, ...": words that may come before the small talk a message opens with.
_LEADING = frozenset(str.split("ok okay alright right well oh so and"))
CHINESE_OPENING_TALK = re.compile(
    r"^\W*(?:好的|好嘞|嗯+|ok)?\W*(谢谢|多谢|感谢|谢啦|你好(?!像)|您好|嗨|哈喽|拜拜|再见|回头见|早上好|晚上好"
    "|在吗|在么|在不在|有人吗|有人在吗)"
)
# "哈喽 在吗在吗 刚关注这个号": the greeting's own question asks nothing of the knowledge base.
_GREETING_QUESTIONS = re.compile("在吗|在么|在不在|有人吗|有人在吗")
_LEAVING = frozenset(str.split("bye goodbye byebye cya 拜拜 再见 回头见"))
# What goes on about the message, the asker or the bot rather than naming a subject ("hi,
# policy 3.0" names one and is asked about).
_SAYING_WORDS = frozenset(
    str.split("i im i'm my me you u your ur that thats that's this it its it's we our bot")
)
_SAYING_CHINESE = re.compile("[我你您这那]|机器人|小助手")
# Asking includes wanting something: "hi, i want to know about policy 3.0", "hi, i need the
# address of alphaess", 你好，我想了解人才政策, 你好，我要艾罗总部地址.
_ASKING_OR_WANTING = re.compile(
    r"[?？]|\b(?:what|whats|which|where|when|how|who|why|is|are|was|were|do|does|did|can|"
    r"could|would|will|any|tell|pls|please|explain|know|wondering|wonder|curious|info|"
    r"information|learn|ask|asking|question|questions|need|want|wanna|give|send|share|show|"
    r"looking|interested|find|hear|talk)\b"
    "|吗|什么|啥|哪|谁|怎|几|多少|是否|是不是|有没有|问|告诉|能不能|了解|知道|咨询|介绍"
    "|想|要|找|查|看看|申请"
)


def opened_by_talk(index: KbIndex, analysed: Analysed, question: str) -> tuple[str, float] | None:
    """The small talk a message opens with, when the rest asks or wants nothing and goes on
    about the message, the asker or the bot (see the module's docstring); else None. The
    matcher only takes it when the message gets no answer otherwise."""
    text = question.casefold()
    if _ASKING_OR_WANTING.search(_GREETING_QUESTIONS.sub(" ", text)):
        return None
    opening = _opening_talk(index, analysed, text)
    if opening is None:
        return None
    # The small talk of the shortest phrasing holding the opening: "thanks, ..." is thanks.
    holding = [
        phrasing
        for phrasing in index.smalltalk
        if opening in phrasing.tokens or (not opening.isascii() and opening in phrasing.text)
    ]
    if not holding:
        return None
    return min(holding, key=lambda phrasing: len(phrasing.text)).smalltalk_id, 100.0


def _opening_talk(index: KbIndex, analysed: Analysed, text: str) -> str | None:
    """The small-talk word or phrase the message opens with, when after it the message says
    nothing or only speaks of itself, the asker or the bot."""
    tokens = analysed.tokens
    leading = 0
    while leading < len(tokens) and tokens[leading] in _LEADING:
        leading += 1
    if leading < len(tokens) and tokens[leading] in index.smalltalk_words:
        said = analysed.surface[leading + 1 :]
        # "bye, gotta run to a meeting": after a goodbye, whatever asks nothing is the reason
        leaving = tokens[leading] in _LEAVING
        return tokens[leading] if leaving or not _SAYING_WORDS.isdisjoint(said) else None
    opening = CHINESE_OPENING_TALK.match(text)
    if opening is None:
        return None
    rest = text[opening.end() :]
    if opening.group(1) in _LEAVING or not re.search(r"\w", rest):
        return opening.group(1)
    return opening.group(1) if _SAYING_CHINESE.search(rest) else None


# Chat's "gm" and "gn" are good morning and good night only as a whole message ("gm!", "gm
# all"): "who is the GM of AlphaESS" asks for a general manager.
_CHAT_GREETING = re.compile(
    r"^\W*(gm|gn)(?:\W+(?:gm|gn|all|everyone|bot|guys|folks|fam|yall|y'all))*\W*$"
)
_SPELLED_OUT = {"gm": "good morning", "gn": "good night"}


# Words that are small talk only as a whole message: "test" (not "is there a language test"),
# "great" or "nice" (not "great britain", "not nice", "is tongzhou nice"). As phrasings they
# would be small-talk words wherever they stand. Compared by their letters alone, width and case
# folded ("Great!!", "ＯＫＡＹ", "testing 1 2 3", "nice1"), unless the message names a version
# ("okay 3.0" names the policy).
_SAID_ALONE = {
    "test": "hi",
    "testing": "hi",
    "test test": "hi",
    "just testing": "hi",
    "this is a test": "hi",
    "nice to meet you": "hi",
    "okay": "ok thanks",
    "okay cool": "ok thanks",
    "great": "thanks",
    "great stuff": "thanks",
    "sounds great": "thanks",
    "great to know": "thanks",
    "nice": "thanks",
    "nice one": "thanks",
    "very nice": "thanks",
    "awesome": "thanks",
}
_LETTERS = re.compile(r"[^\W\d_]+")
_VERSION = re.compile(r"\d\s*\.\s*\d")
# Words said alone, and emoji sent alone, are short: a longer message is not searched for them.
_ALONE_AT_MOST = 64
# Emoji sent alone say what a small-talk word says (the normaliser drops every emoji, which left
# "👍" after an answer declined as a question the sources don't cover): a wave greets; folded
# hands, a thumbs-up, "OK" or clapping thank. Skin tones and other emoji beside them change
# nothing.
_EMOJI_SAYING = {"👋": "hi", "🙏": "thanks", "👍": "thanks", "👌": "thanks", "👏": "thanks"}
_SAYING_EMOJI = re.compile(f"[{''.join(_EMOJI_SAYING)}]")


def spelled_out(question: str) -> str:
    """The small talk a chat shorthand ("gm"), a word said alone ("great!") or an emoji sent
    alone ("👋") says, in words; any other message as it is."""
    folded = question.casefold()
    if found := _CHAT_GREETING.match(folded):
        return _SPELLED_OUT[found.group(1)]
    if len(question) > _ALONE_AT_MOST:
        return question
    plain = unicodedata.normalize("NFKC", folded)
    said = " ".join(_LETTERS.findall(plain))
    if said in _SAID_ALONE and not _VERSION.search(plain):
        return _SAID_ALONE[said]
    emoji = _SAYING_EMOJI.search(question)
    if emoji is not None and not normalise(question):
        return _EMOJI_SAYING[emoji.group()]
    return question
