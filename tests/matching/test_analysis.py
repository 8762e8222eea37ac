"""The shortcuts the analysis takes for speed give what the plain definitions give."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from bot.matching.analysis import (
    _QUESTION_WORDS,
    SynonymMap,
    _asks_whether_events_are_held,
    _question_kinds,
    all_stop_phrases,
    analyse,
    is_stopword,
    raw_tokens,
    stop_mask,
)
from bot.matching.normalise import _ASCII_DROPPED, _ASCII_TABLE, _CHARACTERS, is_han, normalise
from bot.matching.units import EVENTS_HELD
from bot.matching.words import CHINESE_STOP_PHRASES, stem

# Canonical tokens of every kind: English, a Chinese character, Chinese words.
SYNONYMS = SynonymMap(
    [
        ("phd", "doctoral", "博士"),
        ("startup", "start up", "start-ups", "初创企业"),
        ("go public", "ipo", "上市"),
        ("省", "province"),
        ("人才新政", "talent policy", "new talent policy"),
        ("talent", "人才"),
    ]
)
PIECES = [
    *("phd", "doctoral", "博士", "start up", "start-ups", "初创企业", "go public", "ipo", "上市"),
    *("省", "province", "人才新政", "talent", "policy", "new", "what", "is", "the", "a", "of"),
    *("who", "whom", "where", "3.0", "2023", "Talent's", "？", "!", "ＡＢＣ", "通州區", "café"),
    *"人才新政资助是什么为什么谁在哪里哪儿干嘛的了吗",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=12).flatmap(
    lambda pieces: st.sampled_from(["", " "]).map(lambda glue: glue.join(pieces))
)


def scanned(synonyms: SynonymMap, tokens: list[str]) -> list[str]:
    """Synonym replacement by its definition: at each token, the longest phrase found there."""
    phrases = synonyms._phrases
    longer = sorted((phrase for phrase in phrases if len(phrase) > 1), key=lambda p: (-len(p), p))
    result: list[str] = []
    position = 0
    while position < len(tokens):
        for phrase in longer:
            if tuple(tokens[position : position + len(phrase)]) == phrase:
                result.append(phrases[phrase])
                position += len(phrase)
                break
        else:
            result.append(phrases.get((tokens[position],), tokens[position]))
            position += 1
    return result


def assembled(
    tokens: tuple[str, ...], canonical: frozenset[str]
) -> tuple[str, list[str], list[str]]:
    """The match string, content words and Chinese runs, one token at a time."""
    parts: list[str] = []
    words: list[str] = []
    runs: list[str] = []
    run: list[str] = []
    for token in tokens:
        if len(token) == 1 and is_han(token):
            if parts and not run:
                parts.append(" ")
            run.append(token)
            parts.append(token)
            continue
        if run:
            runs.append("".join(run))
            run = []
        if parts:
            parts.append(" ")
        parts.append(token)
        if token in canonical or not is_stopword(token):
            words.append(token)
    if run:
        runs.append("".join(run))
    return "".join(parts), words, runs


@given(TEXTS)
def test_analyse_matches_the_token_by_token_definition(text: str) -> None:
    analysed = analyse(text, SYNONYMS)
    stems = [stem(token) for token in raw_tokens(normalise(text))]
    assert list(analysed.tokens) == scanned(SYNONYMS, stems)
    match, words, runs = assembled(analysed.tokens, SYNONYMS.canonical_tokens)
    assert analysed.text == match
    assert analysed.runs == tuple(runs)
    assert analysed.words[: len(words)] == tuple(words)
    assert all(kind.startswith("?") for kind in analysed.words[len(words) :])


STOP_PIECES = sorted(
    {piece for phrase in CHINESE_STOP_PHRASES for piece in (phrase, phrase[1:], phrase[:-1])} - {""}
)


@given(st.lists(st.sampled_from([*STOP_PIECES, "人", "才"]), min_size=1, max_size=4).map("".join))
@example("想问下")  # "想" + "问下" would cover it, but "想问" is taken first and "下" is left
def test_all_stop_phrases_reads_runs_as_the_mask_does(run: str) -> None:
    assert all_stop_phrases(run) == all(stop_mask(run))


def test_the_ascii_table_is_the_character_table() -> None:
    for code in range(128):
        translated = bytes([code]).translate(_ASCII_TABLE, _ASCII_DROPPED).decode("ascii")
        assert translated == (_CHARACTERS[code] or "")


# Words each test in _question_kinds looks for, and some it does not.
SURFACE_WORDS = [
    *("what", "which", "who", "why", "where", "reason", "how", "come", "y", "for", "do", "does"),
    *("events", "event", "meetups", "anything", "any", "ever", "hold", "host", "the", "is"),
    *("kind", "of", "organisation", "exactly", "make", "known", "tongzhou", "2024", "phd"),
    *"有没有活动论坛什么为谁哪",
]


@given(st.lists(st.sampled_from(SURFACE_WORDS), min_size=1, max_size=8), st.booleans())
@example(["有", "活", "动"], True)
@example(["does", "tongzhou", "hold", "events"], False)
@example(["what", "events", "are", "there"], False)
def test_question_kinds_skips_only_tests_that_cannot_succeed(
    surface: list[str], has_chinese: bool
) -> None:
    kinds = set(_question_kinds(surface, has_chinese))
    assert (EVENTS_HELD in kinds) == _asks_whether_events_are_held(surface, "".join(surface))
    asked = {_QUESTION_WORDS[word] for word in _QUESTION_WORDS.keys() & surface}
    assert asked <= kinds
