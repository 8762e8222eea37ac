"""What a button means, as a short versioned string (Telegram allows 64 bytes of callback data).

    1|T|en                       show the topics
    1|t|en|policy                show the questions in a topic
    1|a|en|policy-3-0            show an answer (topic lists, related questions)
    1|s|en|42|policy-3-0         a "did you mean?" candidate chosen, for question-log row 42
    1|n|en|42                    "none of these", for row 42
    1|f|en|u|42|policy-3-0       👍 (u) or 👎 (d) on the answer to row 42
    1|l|zh                       choose the reply language

The row reference is ``-`` when the question was not logged. ``decode`` returns ``None`` for
anything it cannot read — another version, a forged string, a bad id — and the handler then
says the button has expired. Ids are checked for shape here and for existence by the handler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.knowledge.model import LANGS, Lang

VERSION = "1"
MAX_BYTES = 64
_SEPARATOR = "|"
_ID = re.compile(r"[a-z0-9-]{1,40}")
_REF = re.compile(r"[0-9]{1,12}")

Vote = Literal["up", "down"]


@dataclass(frozen=True)
class ShowTopics:
    lang: Lang


@dataclass(frozen=True)
class ShowTopic:
    lang: Lang
    topic_id: str


@dataclass(frozen=True)
class ShowAnswer:
    lang: Lang
    entry_id: str


@dataclass(frozen=True)
class ChooseSuggestion:
    lang: Lang
    ref: int | None
    entry_id: str


@dataclass(frozen=True)
class NoneOfThese:
    lang: Lang
    ref: int | None


@dataclass(frozen=True)
class Feedback:
    lang: Lang
    vote: Vote
    ref: int | None
    entry_id: str


@dataclass(frozen=True)
class ChooseLanguage:
    lang: Lang


Action = (
    ShowTopics | ShowTopic | ShowAnswer | ChooseSuggestion | NoneOfThese | Feedback | ChooseLanguage
)


class CallbackDataTooLong(ValueError):
    """An action that does not fit in Telegram's 64 bytes (ids are capped to prevent this)."""


def encode(action: Action) -> str:
    fields = _fields(action)
    data = _SEPARATOR.join((VERSION, *fields))
    if len(data.encode()) > MAX_BYTES:
        raise CallbackDataTooLong(f"{len(data.encode())} bytes: {data[:80]}")
    return data


def _fields(action: Action) -> tuple[str, ...]:
    match action:
        case ShowTopics(lang):
            return ("T", lang)
        case ShowTopic(lang, topic_id):
            return ("t", lang, topic_id)
        case ShowAnswer(lang, entry_id):
            return ("a", lang, entry_id)
        case ChooseSuggestion(lang, ref, entry_id):
            return ("s", lang, _ref_text(ref), entry_id)
        case NoneOfThese(lang, ref):
            return ("n", lang, _ref_text(ref))
        case Feedback(lang, vote, ref, entry_id):
            return ("f", lang, "u" if vote == "up" else "d", _ref_text(ref), entry_id)
        case ChooseLanguage(lang):
            return ("l", lang)


def decode(data: str | None) -> Action | None:
    """The action a button stands for, or ``None`` when the data is not ours or not current."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    version, _, rest = data.partition(_SEPARATOR)
    if version != VERSION:
        return None
    fields = rest.split(_SEPARATOR)
    if len(fields) < 2 or fields[1] not in LANGS:
        return None
    kind, lang, args = fields[0], _lang(fields[1]), fields[2:]
    try:
        return _action(kind, lang, args)
    except ValueError:
        return None


def _action(kind: str, lang: Lang, args: list[str]) -> Action | None:
    match kind, args:
        case "T", []:
            return ShowTopics(lang)
        case "t", [topic_id]:
            return ShowTopic(lang, _ident(topic_id))
        case "a", [entry_id]:
            return ShowAnswer(lang, _ident(entry_id))
        case "s", [ref, entry_id]:
            return ChooseSuggestion(lang, _ref(ref), _ident(entry_id))
        case "n", [ref]:
            return NoneOfThese(lang, _ref(ref))
        case "f", [vote, ref, entry_id] if vote in ("u", "d"):
            return Feedback(lang, "up" if vote == "u" else "down", _ref(ref), _ident(entry_id))
        case "l", []:
            return ChooseLanguage(lang)
    return None


def _lang(value: str) -> Lang:
    return "zh" if value == "zh" else "en"


def _ident(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(value)
    return value


def _ref_text(ref: int | None) -> str:
    return "-" if ref is None else str(ref)


def _ref(value: str) -> int | None:
    if value == "-":
        return None
    if not _REF.fullmatch(value):
        raise ValueError(value)
    return int(value)
