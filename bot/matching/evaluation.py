"""Score the engine on a labelled question file (``talent-bot eval``, benchmarks, tests).

A labelled file is a YAML list of items::

    - q: "wher is tongzou"
      expect: tongzhou-location        # an entry id, or "decline", or "smalltalk"
      answer: '(?i)Jiangsu|江苏'        # a regex the reply text must match (entry items)

An in-scope item counts as correct when the reply is an **answer** and its text matches the
regex; an out-of-scope item when the reply is anything but an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.answers import Reply

DECLINE = "decline"
SMALLTALK = "smalltalk"


class EvalFileError(ValueError):
    """The labelled file cannot be read or an item is malformed."""


@dataclass(frozen=True)
class LabelledQuestion:
    question: str
    expect: str  # entry id, "decline" or "smalltalk"
    answer_pattern: str | None

    @property
    def in_scope(self) -> bool:
        return self.expect not in (DECLINE, SMALLTALK)


@dataclass(frozen=True)
class Miss:
    item: LabelledQuestion
    kind: str
    entry_id: str | None
    score: float | None
    suggested: tuple[str, ...]
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.item.question,
            "expect": self.item.expect,
            "kind": self.kind,
            "entry_id": self.entry_id,
            "score": None if self.score is None else round(self.score, 2),
            "suggested": list(self.suggested),
            "reason": self.reason,
        }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class EvalReport:
    in_scope: int = 0
    in_scope_correct: int = 0
    out_of_scope: int = 0
    rejected: int = 0
    smalltalk: int = 0
    smalltalk_correct: int = 0
    suggest_outcomes: int = 0  # in-scope items that got a "did you mean?"
    suggest_containing: int = 0  # ... whose suggestions include the expected entry
    kinds: dict[str, int] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.in_scope_correct, self.in_scope)

    @property
    def rejection_rate(self) -> float | None:
        return _ratio(self.rejected, self.out_of_scope)

    @property
    def suggest_hit_rate(self) -> float | None:
        return _ratio(self.suggest_containing, self.suggest_outcomes)

    @property
    def smalltalk_accuracy(self) -> float | None:
        return _ratio(self.smalltalk_correct, self.smalltalk)

    def to_json(self) -> dict[str, Any]:
        return {
            "in_scope": {
                "total": self.in_scope,
                "correct": self.in_scope_correct,
                "accuracy": self.accuracy,
            },
            "out_of_scope": {
                "total": self.out_of_scope,
                "rejected": self.rejected,
                "rejection_rate": self.rejection_rate,
            },
            "suggest": {
                "total": self.suggest_outcomes,
                "containing_expected": self.suggest_containing,
                "share": self.suggest_hit_rate,
            },
            "smalltalk": {
                "total": self.smalltalk,
                "correct": self.smalltalk_correct,
                "accuracy": self.smalltalk_accuracy,
            },
            "kinds": dict(sorted(self.kinds.items())),
            "misses": [miss.to_json() for miss in self.misses],
        }


def load_labelled(path: Path) -> list[LabelledQuestion]:
    """Read a labelled file; raises ``EvalFileError`` naming the first bad item."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise EvalFileError(f"{path}: cannot read: {error}") from error
    if not isinstance(data, list):
        raise EvalFileError(f"{path}: expected a list of items with q, expect and answer")
    items: list[LabelledQuestion] = []
    for number, raw in enumerate(data, start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("q"), str):
            raise EvalFileError(f"{path}: item {number}: needs a text 'q'")
        expect = raw.get("expect")
        pattern = raw.get("answer")
        if not isinstance(expect, str) or not expect:
            raise EvalFileError(f"{path}: item {number}: needs 'expect' (entry id or decline)")
        if pattern is not None and not isinstance(pattern, str):
            raise EvalFileError(f"{path}: item {number}: 'answer' must be a regex")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                raise EvalFileError(f"{path}: item {number}: bad regex: {error}") from error
        items.append(LabelledQuestion(raw["q"], expect, pattern))
    return items


def evaluate(items: Sequence[LabelledQuestion], ask: Callable[[str], Reply]) -> EvalReport:
    report = EvalReport()
    for item in items:
        reply = ask(item.question)
        report.kinds[reply.kind] = report.kinds.get(reply.kind, 0) + 1
        suggested = tuple(s.entry_id for s in reply.suggestions)
        reason = _judge(item, reply, suggested, report)
        if reason:
            report.misses.append(
                Miss(item, reply.kind, reply.entry_id, reply.score, suggested, reason)
            )
    return report


def _judge(
    item: LabelledQuestion, reply: Reply, suggested: tuple[str, ...], report: EvalReport
) -> str:
    """Count the item in ``report``; return why it is a miss, or "" when it is right."""
    if item.expect == DECLINE:
        report.out_of_scope += 1
        if reply.kind != "answer":
            report.rejected += 1
            return ""
        return f"answered with {reply.entry_id} instead of declining"
    if item.expect == SMALLTALK:
        report.smalltalk += 1
        if reply.kind == "smalltalk":
            report.smalltalk_correct += 1
            return ""
        return f"{reply.kind} instead of small talk"
    report.in_scope += 1
    if reply.kind == "suggest":
        report.suggest_outcomes += 1
        if item.expect in suggested:
            report.suggest_containing += 1
    if reply.kind != "answer":
        return f"{reply.kind} instead of an answer"
    if item.answer_pattern is not None and not re.search(item.answer_pattern, reply.text):
        return f"answered with {reply.entry_id}, which does not match {item.answer_pattern!r}"
    report.in_scope_correct += 1
    return ""
