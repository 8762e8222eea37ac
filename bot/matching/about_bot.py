"""Questions about the bot itself, found by what they ask rather than by their spelling.

A phrasing of the small talk answers them all the same: "are you a real person or a bot"
answers "am i chatting with a human or some AI thing"; "who made you" answers "is this bot run
by alphaess?". So each reading below is tried on the message and then on the small-talk
phrasings, and the small talk with a phrasing that reads the same is the answer: no small-talk
id is written here, and staff may rename them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.matching.analysis import Analysed, talk_form
from bot.matching.bot_name import chinese_name_as_this_bot, words_naming_the_bot
from bot.matching.index import KbIndex, SmallTalkPhrasing
from bot.matching.smalltalk import PARTICLES
from bot.matching.words import SUBJECT_STEMS, SUBJECT_WORDS, stem

# Questions about the bot itself in wordings no phrasing holds whole: whether a person or a
# machine answers ("am i chatting with a human or some AI thing", 你是真人还是机器人), and what
# it can help with ("what kinds of things can u help me with here", 你都能帮我做些啥).
_HUMAN = frozenset(("human", "humans", "peopl", "real"))  # "person" reads "peopl"
_MACHINE = frozenset(("bot", "ai", "robot", "machin", "chatbot", "automat", "program"))
_HUMAN_CHINESE = re.compile("真人|活人|人工客服")
_MACHINE_CHINESE = re.compile("机器人|人工智能|机器|程序|(?i:ai)")
_HELPING = frozenset(("help", "handl", "answer", "assist", "do"))
_ASKING_WHAT = frozenset(("what", "what_kind", "which"))
_HELPING_CHINESE = re.compile(
    "(?:你|您|阁下|机器人|这个号|这个账号|(?i:bot)).{0,6}(?:能|会|可以).{0,3}"
    "(?:帮|做|干|回答|答|问|协助)"
    ".{0,4}(?:什么|啥|哪些|哪方面|嘛|何种)"
)
# "请问您能提供哪些帮助": the help the bot provides, asked of the bot itself (not 你们, a company),
# and help named as such: "你能提供什么" may ask a company what it sells.
_PROVIDING_HELP_CHINESE = re.compile(
    "(?:你|您|阁下)(?!们).{0,4}(?:能|会|可以).{0,3}提供.{0,4}(?:什么|啥|哪些|哪方面|何种)"
    "(?:样的)?(?:帮助|协助|帮忙|服务|支持)?的?(?:帮助|协助|帮忙)"
)
# The words such a question is made of, besides the bot's own: nothing about a subject.
_CAPABILITY_WORDS = frozenset(("what_kind", "quest", "thing", "stuff", "topic", "here", "answer"))
# Whom the asker is talking with, asked in that order ("who am i talking to", "what exactly am
# I chatting with"): "who do i talk to about the programme" asks for a contact instead.
_TALKING = frozenset(("talk", "chatt", "speak"))
_TALKING_WITH = re.compile(r"\b(?:who|what|what_kind|which)\b.*\bam i (?:talk|chatt|speak)\b")
# "a person or a program", as typed: the synonyms read "program" as the entries' "project", a
# subject ("are there programmes for people like me" asks about one).
_PERSON_OR_PROGRAM = re.compile(
    r"\b(?:person|human|people|real)\b(?: \w+){0,3}? or (?:\w+ ){0,3}?programm?e?s?\b"
    r"|\bprogramm?e?s?\b(?: \w+){0,3}? or (?:\w+ ){0,3}?(?:person|human|people)\b"
)


# The bot as the subject of a question about where it comes from ("r u from tongzhou?", "is
# this bot run by alphaess?", "who made you", 你是哪个公司的, 这个机器人多少钱): whatever it
# names, it asks about the bot, not about the subject. Only in these shapes: "can you run me
# through", "you made a mistake", "thank you from bristol" ask other things.
# Compared as analysed: stems and canonical tokens ("built" reads "establish", "created"
# "innovat", "programmed" "project").
_BEING = frozenset(("are", "were", "is", "was"))  # "is this bot ..." reads "is you ..."
_MADE = frozenset(
    map(stem, str.split("from run made owned built based affiliated paid part establish"))
)
_MAKERS = frozenset(
    map(stem, str.split("make made build establish innovat develop project own run"))
)
_BOT_AS_SUBJECT_CHINESE = re.compile(
    "(?:这个|这|该)机器人(?:是谁|是哪|由|归|属于|多少钱|收费|要钱)"
    "|你是(?:哪|什么)(?:个|家)?(?:公司|单位|机构|部门)|你(?:是|属于)哪(?:里|儿)的"
    # "你的目的是什么", "那你的作用有哪些", "你的目的是什么谢谢": the bot's own purpose, asked,
    # with little before or after it (not 他们的目的, the guests'; nor "请问你的目的是介绍博士活动
    # 吗" or "参加博士活动你的目的是什么", the asker's; nor "政策3.0对你的作用是什么", what the
    # policy does for the asker; nor "你的作用是什么AlphaESS总部在哪", which goes on to ask more)
    "|^.{0,5}(?<!对)你的(?:目的|用途|作用|任务)(?:到底)?(?:是|有)?(?:什么|啥|甚么|哪些).{0,4}$"
)


def _bot_is_subject(text: str, tokens: tuple[str, ...]) -> bool:
    return (
        any(
            (first in _BEING and second == "you" and third in _MADE)
            or (first == "who" and second in _MAKERS and third == "you")
            for first, second, third in zip(tokens, tokens[1:], tokens[2:], strict=False)
        )
        or _BOT_AS_SUBJECT_CHINESE.search(text) is not None
    )


def _human_or_machine(text: str, tokens: frozenset[str]) -> bool:
    if tokens & _HUMAN and tokens & _MACHINE:
        return "or" in tokens or "you" in tokens
    return bool(_HUMAN_CHINESE.search(text) and _MACHINE_CHINESE.search(text))


def _whom_one_talks_with(text: str, tokens: frozenset[str]) -> bool:
    return _TALKING_WITH.search(text) is not None


def _what_you_can_do(text: str, tokens: frozenset[str]) -> bool:
    english = "you" in tokens and bool(tokens & _HELPING) and bool(tokens & _ASKING_WHAT)
    return english or _HELPING_CHINESE.search(text) is not None


# The bot's name alone ("tongzhou helper", 通州小助手呀), read as "you" (``talk_form``): the
# asker calls it, and is told who it is, as a phrasing asking only that would be.
_YOU = (frozenset(("you",)), frozenset("你"))
# "what is this", "what's this", 你是啥 on their own ask what the bot is; as a phrasing, "what is
# this" would also read as "what is this priority" (fuzzy and containing matches). Particles and
# a few fillers may come with them: "so what is this for", "hmm what is this thing", 你是啥东西呀.
_WHAT_THIS_IS = frozenset(
    (frozenset(("what", "is", "this")), frozenset(("what", "this")), frozenset("你是啥"))
)
_FILLERS = PARTICLES | frozenset(("so", "hmm", "for", "about", "all", "thing", "exactly", *"东西"))
# ... as the phrasings asking only who or what the bot is do ("what is you" is the small-talk
# form of "what is this bot").
_ASKING_WHO_YOU_ARE = frozenset(
    map(frozenset, (("who", "are", "you"), ("what", "are", "you"), ("what", "is", "you")))
) | frozenset(map(frozenset, ("你是谁", "你是什么")))


def _only_the_bots_name(analysed: Analysed, talk_tokens: tuple[str, ...]) -> bool:
    return frozenset(talk_tokens) - PARTICLES in _YOU and bool(
        words_naming_the_bot(analysed.surface)
    )


def about_the_bot(index: KbIndex, analysed: Analysed) -> tuple[str, float] | None:
    """The small talk answering a question about the bot itself, found by what it asks rather
    than by its spelling: the small talk with a phrasing asking the same (``are you a real
    person or a bot``, ``what can you help me with``). The bot's name alone ("tongzhou helper")
    asks who it is. The bot as the subject ("is this bot run by alphaess?") is read next,
    whatever else the question names; otherwise a question
    naming anything the knowledge base speaks of, or a subject of its own, asks about that
    instead ("what can you do about housing")."""
    text, talk_tokens = talk_form(analysed)
    if (
        _only_the_bots_name(analysed, talk_tokens)
        or frozenset(talk_tokens) - _FILLERS in _WHAT_THIS_IS
    ) and (
        found := _small_talk_where(index, lambda phrasing: phrasing.tokens in _ASKING_WHO_YOU_ARE)
    ):
        return found
    # The Chinese as typed (synonyms read 钱 in 多少钱 as "fund"), the bot's name as "this bot".
    typed = chinese_name_as_this_bot("".join(analysed.surface))
    if _bot_is_subject(typed, talk_tokens) and (
        found := _small_talk_where(
            index, lambda phrasing: _bot_is_subject(phrasing.text, tuple(phrasing.text.split()))
        )
    ):
        return found
    if _PROVIDING_HELP_CHINESE.search("".join(analysed.surface)) and (
        found := _small_talk_where(index, _on_phrasing(_what_you_can_do))
    ):
        return found
    tokens = frozenset(talk_tokens)
    # "u a real person or AI?": the person asked about is the bot, not a subject; and so is the
    # program in "a person or a program".
    asked_of_the_bot = _HUMAN
    if _PERSON_OR_PROGRAM.search(" ".join(word.casefold() for word in analysed.surface)):
        tokens |= {"program"}
        asked_of_the_bot = _HUMAN | {"project"}
    content = {
        word
        for word in analysed.words
        if (word in index.vocabulary or word in SUBJECT_STEMS or word in SUBJECT_WORDS)
        and word not in _CAPABILITY_WORDS
        and not word.startswith("?")  # "这个机器人能干嘛" reads 干嘛 as "why"
        and word not in _MACHINE
    }
    for asks in _ABOUT_THE_BOT:
        if asks is _human_or_machine:
            named = content - asked_of_the_bot
        elif asks is _whom_one_talks_with:
            named = content - _TALKING
        else:
            named = content
        if named:
            continue
        if asks(text, tokens) and (found := _small_talk_where(index, _on_phrasing(asks))):
            return found
    return None


def _on_phrasing(
    asks: Callable[[str, frozenset[str]], bool],
) -> Callable[[SmallTalkPhrasing], bool]:
    return lambda phrasing: asks(phrasing.text, phrasing.tokens)


def _small_talk_where(
    index: KbIndex, asks: Callable[[SmallTalkPhrasing], bool]
) -> tuple[str, float] | None:
    """The small talk of the first phrasing asking the same, sure of it."""
    for phrasing in index.smalltalk:
        if asks(phrasing):
            return phrasing.smalltalk_id, 100.0
    return None


_ABOUT_THE_BOT: tuple[Callable[[str, frozenset[str]], bool], ...] = (
    _human_or_machine,
    _whom_one_talks_with,
    _what_you_can_do,
)
