"""Text normalisation and language detection, shared by questions and phrasings.

``normalise`` turns any string into lower-case letters, digits and single spaces: full-width
forms are folded (NFKC), case is folded, Traditional Chinese becomes Simplified, and everything
else (punctuation, emoji, symbols, control and zero-width characters, HTML tags) is dropped;
HTML character references are read as the characters they stand for.
The one punctuation mark kept is a dot between digits, because "3.0" is a policy's name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from bot.knowledge.model import Lang

# Characters that are invisible formatting rather than separators: removing them joins the
# letters around them ("tal\u200bent" is "talent").
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me", "Mc"})
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")

# Unified ideographs, extension A, compatibility ideographs and the supplementary planes.
_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = re.compile(f"[{_HAN_RANGES}]")
_LATIN_WORD = re.compile(r"[a-zA-Z]+")

# A raw question longer than this is cut before any work is done on it; ``MatchSettings``
# bounds the normalised text further.
RAW_INPUT_LIMIT = 4000


@lru_cache(maxsize=1)
def _t2s() -> object:
    # Imported on first use, so importing this module stays cheap.
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional Chinese characters to Simplified; other text unchanged."""
    if not HAN.search(text):
        return text
    converted: str = _t2s().convert(text)  # type: ignore[attr-defined]
    return converted


class _CharacterTable(dict[int, str | None]):
    """``str.translate`` table, filled lazily: letters and digits stay, invisible formatting
    characters vanish, everything else becomes a space. Dots stay for now (see below)."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        category = unicodedata.category(char)
        if category[0] in "LN" or char == ".":
            kept: str | None = char
        elif category in _INVISIBLE_CATEGORIES:
            kept = None
        else:
            kept = " "
        if len(self) < _TABLE_LIMIT:
            self[code] = kept
        return kept


_TABLE_LIMIT = 200_000
_CHARACTERS = _CharacterTable()
# The same table for ASCII text (most English), applied to its bytes: three times faster.
_ASCII = [_CHARACTERS[code] for code in range(128)]
_ASCII_TABLE = bytes(ord(kept or " ") for kept in _ASCII) + bytes(range(128, 256))
_ASCII_DROPPED = bytes(code for code, kept in enumerate(_ASCII) if kept is None)
_STRAY_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def normalise(text: str) -> str:
    """Lower-case letters, digits and single spaces; see the module docstring."""
    text = text[:RAW_INPUT_LIMIT]
    if "&" in text:
        # Text pasted from a web page: "&nbsp;" is a space and "&#20154;" is 人, not words. Only
        # whole references, ending in ";": html.unescape alone reads "policies&regulations" as
        # "policies®ulations".
        text = _CHARACTER_REFERENCE.sub(lambda found: html.unescape(found[0]), text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if text.isascii():
        text = text.lower()  # NFKC and Chinese conversion change nothing in ASCII
    else:
        # Repeated until stable (twice at most in practice) so the result is a fixed point:
        # case-folding and the Chinese conversion can produce characters NFKC would fold again,
        # and the conversion can produce one it converts again ("薴" to "苧" to "苎").
        for _ in range(4):
            folded = to_simplified(unicodedata.normalize("NFKC", text).casefold())
            if folded == text:
                break
            text = folded
    if "," in text:
        text = _THOUSANDS.sub("", text)  # "1,000 startups": one number, not 1 and 000
    if "'" in text or "\u2019" in text:
        text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", text))
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DROPPED).decode("ascii")
    else:
        text = text.translate(_CHARACTERS)
    if "." in text:
        text = _STRAY_DOT.sub(" ", text)
    return " ".join(text.split())  # the whitespace a regex's \s matches, folded and trimmed


def is_han(char: str) -> bool:
    """True for one Chinese character (the ranges of ``HAN``), by code point: it is hot."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def detect_language(text: str, default: Lang = "en") -> Lang:
    """The language a reply should be in, judged from the script.

    Each Chinese character counts about as much as an English word, so "tongzhou是南通的吗"
    is Chinese while "what is the 人才新政 and when was it launched" is English. Text with
    neither script gets ``default``.
    """
    han = len(HAN.findall(text))
    latin_words = len(_LATIN_WORD.findall(text))
    if han == 0 and latin_words == 0:
        return default
    return "zh" if han >= latin_words else "en"
