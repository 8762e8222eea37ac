"""The labelled question sets keep the shape their README promises.

The sets the engine learns from (``knowledge/examples/``) and the held-out ones it is measured
on (``benchmarks/eval/``) are only worth something if they are big enough, bilingual, full of
near misses, independent of the knowledge base's own phrasings, and share no question; these
tests hold them to that.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
KNOWLEDGE_DIR = REPO / "knowledge"
PATHS = {
    path.stem: path
    for folder in (KNOWLEDGE_DIR / "examples", REPO / "benchmarks" / "eval")
    for path in folder.glob("*.yaml")
}
FILES = tuple(sorted(PATHS))

ENTRY_IDS = frozenset(
    {
        "tongzhou-location",
        "talent-priority",
        "policy-3-0",
        "industrial-chains",
        "talent-hubs",
        "talent-events",
        "doctoral-event-date",
        "doctoral-event-guests",
        "doctoral-event-purpose",
        "alphaess-headquarters",
        "alphaess-talent-project",
        "alphaess-business",
        "alphaess-global-reach",
        "talent-projects-funding",
        "talent-projects-outcomes",
        "about-source",
    }
)
NON_ENTRY_LABELS = frozenset({"decline", "smalltalk"})

MIN_ITEMS_PER_FILE = 110
MIN_CHINESE_SHARE_PER_FILE = 0.35
MIN_DECLINES_PER_FILE = 30
MIN_SMALLTALK_PER_FILE = 3
MIN_ITEMS_PER_ENTRY_PER_FILE = 3
MIN_TRADITIONAL_PER_FILE = 2
MIN_FULL_WIDTH_PER_FILE = 2

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
NOT_WORD = re.compile(r"[\W_]+")
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(PATHS[name].read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{name}.yaml must be a YAML list"
    return data


def _comparable(text: str) -> str:
    """Ignore width, case, punctuation and whitespace: what a matcher's normaliser ignores."""
    return NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _is_chinese(question: str) -> bool:
    return HAN.search(question) is not None


@pytest.fixture(scope="module")
def eval_sets() -> dict[str, list[dict[str, Any]]]:
    return {name: _load(name) for name in FILES}


@pytest.mark.parametrize("name", FILES)
def test_items_are_well_formed(name: str) -> None:
    for item in _load(name):
        assert isinstance(item, dict), item
        assert set(item) <= {"q", "expect", "answer"}, item
        assert isinstance(item.get("q"), str), item
        assert item["q"].strip(), item
        assert item.get("expect") in ENTRY_IDS | NON_ENTRY_LABELS, item
        if item["expect"] in ENTRY_IDS:
            assert isinstance(item.get("answer"), str), f"entry item needs an answer regex: {item}"
            re.compile(item["answer"])
        else:
            assert "answer" not in item, f"decline/smalltalk items carry no answer: {item}"


@pytest.mark.parametrize("name", FILES)
def test_file_has_the_promised_size_and_mix(name: str) -> None:
    items = _load(name)
    questions = [item["q"] for item in items]
    labels = Counter(item["expect"] for item in items)

    assert len(items) >= MIN_ITEMS_PER_FILE
    chinese = sum(_is_chinese(q) for q in questions)
    assert chinese / len(items) >= MIN_CHINESE_SHARE_PER_FILE
    traditional = [q for q in questions if _is_chinese(q) and TO_SIMPLIFIED.convert(q) != q]
    assert len(traditional) >= MIN_TRADITIONAL_PER_FILE
    full_width = [q for q in questions if unicodedata.normalize("NFKC", q) != q]
    assert len(full_width) >= MIN_FULL_WIDTH_PER_FILE
    assert labels["decline"] >= MIN_DECLINES_PER_FILE
    assert labels["smalltalk"] >= MIN_SMALLTALK_PER_FILE
    thin = {e: labels[e] for e in ENTRY_IDS if labels[e] < MIN_ITEMS_PER_ENTRY_PER_FILE}
    assert not thin, f"entries with too few questions in {name}.yaml: {thin}"


def test_both_folders_hold_sets() -> None:
    # A set moved or renamed by mistake would silently drop out of what is checked.
    folders = {path.parent.name for path in PATHS.values()}
    assert folders == {"examples", "eval"}, folders
    assert len(FILES) == len(PATHS) >= 90


def test_whole_set_meets_the_matching_issue(eval_sets: dict[str, list[dict[str, Any]]]) -> None:
    items = [item for name in FILES for item in eval_sets[name]]
    assert len(items) >= 150
    assert sum(_is_chinese(item["q"]) for item in items) / len(items) >= 0.30
    assert sum(item["expect"] == "decline" for item in items) >= 40


def test_no_question_is_repeated_within_or_across_files(
    eval_sets: dict[str, list[dict[str, Any]]],
) -> None:
    seen: dict[str, str] = {}
    for name in FILES:
        for item in eval_sets[name]:
            key = _comparable(item["q"])
            assert key not in seen, f"{item['q']!r} in {name}.yaml repeats one in {seen[key]}.yaml"
            seen[key] = name


def _knowledge_files() -> list[Path]:
    if not KNOWLEDGE_DIR.is_dir():
        return []
    return sorted(p for p in KNOWLEDGE_DIR.rglob("*") if p.suffix in {".yaml", ".yml"})


def _phrasings(node: object, under_questions: bool = False) -> Iterator[str]:
    """Every string stored under a `questions` key, whatever the nesting (per language or not)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _phrasings(value, under_questions or key == "questions")
    elif isinstance(node, list):
        for value in node:
            yield from _phrasings(value, under_questions)
    elif isinstance(node, str) and under_questions:
        yield node


def test_no_question_copies_a_knowledge_base_phrasing(
    eval_sets: dict[str, list[dict[str, Any]]],
) -> None:
    files = _knowledge_files()
    if not files:
        pytest.skip("no knowledge/*.yaml in the repository yet")
    phrasings = {
        _comparable(text)
        for path in files
        for text in _phrasings(yaml.safe_load(path.read_text(encoding="utf-8")))
    }
    if not phrasings:
        pytest.skip("the knowledge files hold no `questions` yet")
    copied = [
        f"{name}.yaml: {item['q']!r}"
        for name in FILES
        for item in eval_sets[name]
        if _comparable(item["q"]) in phrasings
    ]
    assert not copied, "eval questions identical to knowledge-base phrasings:\n" + "\n".join(copied)
