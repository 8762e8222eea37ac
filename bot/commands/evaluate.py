"""``talent-bot eval FILE``: score the matcher on a labelled question file.

Prints the in-scope accuracy (an answer whose text matches the item's regex), the
out-of-scope rejection rate, the share of "did you mean?" outcomes that offered the right
entry, the small-talk accuracy, and every miss. ``--json`` prints the same as one object.
The exit status is 0 whatever the figures (2 if the file or the knowledge base is unreadable):
it measures, it does not gate.

The engine learns wording from the knowledge base's example questions, and the project's
labelled files are among them: an example asking one of the file's questions is left out
first, so the figures are for questions the engine has not learnt (``--keep-examples`` keeps
them, to see what it answers today).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bot.commands.ask import add_engine_options, load_engine
from bot.matching.evaluation import EvalFileError, EvalReport, evaluate, load_labelled


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a YAML list of {q, expect, answer} items")
    add_engine_options(parser)
    parser.add_argument("--json", action="store_true", help="print the results as one object")
    parser.add_argument(
        "--keep-examples",
        action="store_true",
        help="keep the example questions that ask the file's questions (by default they are "
        "left out, so the file is scored as unseen)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        items = load_labelled(args.file)
    except EvalFileError as error:
        print(error, file=sys.stderr)
        return 2
    engine = load_engine(args.knowledge)
    if engine is None:
        return 2
    left_out = 0
    if not args.keep_examples:
        learnt = engine.without_examples(item.question for item in items)
        left_out = engine.matcher.example_count - learnt.matcher.example_count
        engine = learnt
    report = evaluate(items, lambda question: engine.ask(question, args.lang))
    if args.json:
        text = json.dumps(
            {**report.to_json(), "examples_left_out": left_out}, ensure_ascii=False, indent=2
        )
    else:
        text = render_report(report) + (
            f"\n\n{left_out} example questions asking this file's questions were left out"
            if left_out
            else ""
        )
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
    return 0


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def render_report(report: EvalReport) -> str:
    lines = [
        f"in-scope accuracy:     {_percent(report.accuracy)}"
        f"  ({report.in_scope_correct}/{report.in_scope} answered correctly)",
        f"out-of-scope rejected: {_percent(report.rejection_rate)}"
        f"  ({report.rejected}/{report.out_of_scope} not answered)",
        f"suggestions with the right entry: {_percent(report.suggest_hit_rate)}"
        f"  ({report.suggest_containing}/{report.suggest_outcomes} suggest outcomes)",
        f"small talk recognised: {_percent(report.smalltalk_accuracy)}"
        f"  ({report.smalltalk_correct}/{report.smalltalk})",
        "outcomes: " + ", ".join(f"{kind} {count}" for kind, count in sorted(report.kinds.items())),
        "",
        f"misses ({len(report.misses)}):" if report.misses else "no misses",
    ]
    for miss in report.misses:
        score = "-" if miss.score is None else f"{miss.score:.1f}"
        lines.append(f"  [{miss.item.expect}] {miss.item.question!r}")
        lines.append(f"      {miss.reason} (score {score})")
        if miss.suggested:
            lines.append(f"      suggested: {', '.join(miss.suggested)}")
    return "\n".join(lines)
