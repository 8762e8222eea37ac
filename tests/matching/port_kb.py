"""A small knowledge base built in code, so matcher rules are tested on data the test controls.

A module of its own with a name unique in the test tree (test folders have no packages, so a
``conftest`` imported by name would be whichever conftest Python found first)."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.model import (
    Citation,
    Entry,
    KnowledgeBase,
    Lang,
    Position,
    SmallTalk,
    Source,
    SynonymGroup,
    Topic,
)

HERE = Position("test.yaml", 1, 1)
SOURCE_TEXT = (
    "The harbour opens at 6 am. The ferry to the island costs 20 yuan. "
    "The museum shows old ships and maps."
)


def entry(
    entry_id: str, en: tuple[str, ...], zh: tuple[str, ...], answer: str, quote: str
) -> Entry:
    return Entry(
        id=entry_id,
        topic="port",
        questions={"en": en, "zh": zh},
        answer={"en": answer, "zh": answer},
        citations=(Citation("port-guide", quote, HERE),),
        related=(),
        review_by=dt.date(2030, 1, 1),
        position=HERE,
    )


def tiny_kb(synonyms: tuple[tuple[str, ...], ...] = ()) -> KnowledgeBase:
    names: dict[Lang, str] = {"en": "The port", "zh": "港口"}
    return KnowledgeBase(
        root="memory",
        sources=(
            Source(
                id="port-guide",
                title="Port guide",
                site="example",
                section="guides",
                url="http://example.invalid/port",
                date=dt.date(2024, 1, 2),
                photo_credit=None,
                file="sources/port.txt",
                text=SOURCE_TEXT,
                position=HERE,
            ),
        ),
        topics=(Topic("port", names, HERE),),
        entries=(
            entry(
                "harbour-hours",
                ("When does the harbour open?", "harbour opening time", "harbour hours"),
                ("港口几点开门？", "港口开放时间"),
                "The harbour opens at 6 am.",
                "The harbour opens at 6 am.",
            ),
            entry(
                "ferry-price",
                ("How much is the ferry?", "ferry ticket price", "ferry to the island"),
                ("渡轮多少钱？", "去岛上的渡轮票价"),
                "The ferry to the island costs 20 yuan.",
                "The ferry to the island costs 20 yuan.",
            ),
            entry(
                "museum",
                ("What does the museum show?", "museum exhibits", "old ships"),
                ("博物馆展出什么？", "博物馆展品"),
                "The museum shows old ships and maps.",
                "The museum shows old ships and maps.",
            ),
        ),
        smalltalk=(
            SmallTalk(
                "greeting",
                {"en": ("hi", "hello"), "zh": ("你好",)},
                {"en": "Hello!", "zh": "你好！"},
                HERE,
            ),
            SmallTalk(
                "thanks",
                {"en": ("thanks", "thank you"), "zh": ("谢谢",)},
                {"en": "You're welcome.", "zh": "不客气。"},
                HERE,
            ),
        ),
        synonyms=tuple(SynonymGroup(group, HERE) for group in synonyms),
    )
