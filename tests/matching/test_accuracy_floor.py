"""The matcher must not get worse on the labelled sets than it is today.

The engine learns wording from the example questions in ``knowledge/examples/`` (the project's
tuning sets, dev to dev18 and holdout to holdout106), so each of those files is scored with its
own questions left out of what the engine learnt (``FaqEngine.without_examples``, as
``talent-bot eval`` does): scoring questions it learnt from would measure its memory.
holdout107 to holdout120 in ``benchmarks/eval/`` are held out: never examples, never tuned on,
each pair run on the engine it was written for (holdout107/108 on 229b73a,
holdout109/110 on 7331e55,
holdout111/112 on 55c09f1,
holdout113/114 on f15c22a,
holdout115/116 on 7badc1c,
holdout117/118 on 82a9cc8,
holdout119/120 on 3aeab04,
holdout121/122 on 8358672,
holdout123/124 on e16b292).

The in-scope and rejection floors sit about 1.5 points below the figures measured when they were
set (at most 0.98), and the small-talk floors at or below them (see ``benchmarks/README.md`` and
``benchmarks/accuracy.py``); raise them when the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq import FaqEngine
from bot.matching.evaluation import evaluate, load_labelled

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES_DIR = ROOT / "knowledge" / "examples"
HELD_OUT_DIR = ROOT / "benchmarks" / "eval"

# file -> (in-scope accuracy floor, out-of-scope rejection floor, small-talk accuracy floor)
# Measured on 2026-12-07 with the default MatchSettings, each example file left out of what the
# engine learnt (in-scope/rejected/small talk, %, after each line). The small-talk floors allow
# one miss more where a set has one.
FLOORS = {
    "dev.yaml": (0.97, 0.98, 1.00),  # 98.9/100.0/100.0
    "dev2.yaml": (0.97, 0.98, 1.00),  # 99.1/100.0/100.0
    "dev3.yaml": (0.98, 0.98, 1.00),  # 100.0/100.0/100.0
    "dev4.yaml": (0.98, 0.95, 1.00),  # 100.0/97.3/100.0
    "dev5.yaml": (0.97, 0.95, 1.00),  # 98.6/97.3/100.0
    "dev6.yaml": (0.98, 0.98, 1.00),  # 100.0/100.0/100.0
    "dev7.yaml": (0.97, 0.95, 1.00),  # 99.3/97.2/100.0
    "dev8.yaml": (0.97, 0.97, 1.00),  # 99.3/98.6/100.0
    "dev9.yaml": (0.98, 0.97, 1.00),  # 100.0/98.6/100.0
    "dev10.yaml": (0.98, 0.98, 1.00),  # 100.0/100.0/100.0
    "holdout59.yaml": (0.93, 0.94, 0.80),  # 95.2/95.9/90.0
    "holdout60.yaml": (0.95, 0.97, 0.80),  # 97.3/98.6/90.0
    "holdout61.yaml": (0.97, 0.98, 1.00),  # 99.3/100.0/100.0
    "holdout62.yaml": (0.97, 0.97, 1.00),  # 98.6/98.6/100.0
    "holdout63.yaml": (0.95, 0.97, 1.00),  # 97.3/98.6/100.0
    "holdout64.yaml": (0.97, 0.98, 1.00),  # 98.6/100.0/100.0
    "holdout65.yaml": (0.97, 0.94, 1.00),  # 99.3/95.9/100.0
    "holdout66.yaml": (0.94, 0.94, 1.00),  # 95.9/95.9/100.0
    "holdout67.yaml": (0.97, 0.95, 1.00),  # 98.6/97.3/100.0
    "holdout68.yaml": (0.95, 0.98, 1.00),  # 97.3/100.0/100.0
    "holdout69.yaml": (0.97, 0.97, 1.00),  # 98.6/98.6/100.0
    "holdout70.yaml": (0.91, 0.93, 0.80),  # 93.2/94.5/90.0
    "holdout71.yaml": (0.93, 0.95, 0.70),  # 95.2/97.3/80.0
    "holdout72.yaml": (0.94, 0.97, 1.00),  # 95.9/98.6/100.0
    "holdout73.yaml": (0.97, 0.95, 1.00),  # 99.3/97.3/100.0
    "holdout74.yaml": (0.91, 0.97, 1.00),  # 93.2/98.6/100.0
    "holdout75.yaml": (0.97, 0.98, 1.00),  # 99.3/100.0/100.0
    "holdout76.yaml": (0.95, 0.95, 0.70),  # 96.6/97.3/80.0
    "holdout77.yaml": (0.96, 0.93, 0.80),  # 98.0/94.5/90.0
    "holdout78.yaml": (0.90, 0.95, 0.60),  # 91.8/97.3/70.0
    "holdout79.yaml": (0.96, 0.95, 0.60),  # 98.0/97.3/70.0
    "holdout80.yaml": (0.92, 0.93, 0.50),  # 93.8/94.5/60.0
    "holdout81.yaml": (0.94, 0.94, 0.80),  # 95.9/95.9/90.0
    "holdout82.yaml": (0.93, 0.93, 0.60),  # 94.6/94.5/70.0 (95.2/97.3/80.0 with holdout83-86)
    # Held out and run once on 44a989f (the rules alone 74.1/98.6/50.0 and 78.9/97.2/77.8),
    # then read; examples since, with the same figures left out.
    "holdout83.yaml": (0.94, 0.98, 0.80),  # 95.9/100.0/90.0
    "holdout84.yaml": (0.95, 0.98, 1.00),  # 97.3/100.0/100.0
    # Held out and run once on 3609c2a (the rules alone 84.4/94.5/60.0 and 84.4/94.4/77.8), then
    # read; examples since (holdout86 left out: 97.3/100.0/100.0).
    "holdout85.yaml": (0.95, 0.98, 0.70),  # 96.6/100.0/80.0
    "holdout86.yaml": (0.95, 0.98, 1.00),  # 97.3/100.0/100.0 (97.3/97.2/100.0 held out)
    # Held out, run once on eb7c627, whose outcomes are 7be68b1's (the rules alone
    # 81.0/97.3/70.0 and 82.3/93.2/60.0), then read; examples since (left out 95.2/97.3/100.0
    # and 95.9/95.9/100.0).
    "holdout87.yaml": (0.93, 0.95, 0.80),  # 94.6/97.3/90.0
    "holdout88.yaml": (0.93, 0.94, 1.00),  # 95.2/95.9/100.0
    # Held out, run once on 3d1d922 (the rules alone 85.7/93.2/80.0 and 85.0/93.2/70.0), then
    # read; examples since (left out 97.3/94.5/100.0 and 95.9/97.3/100.0).
    "holdout89.yaml": (0.95, 0.93, 1.00),  # 97.3/94.5/100.0
    "holdout90.yaml": (0.93, 0.95, 1.00),  # 95.2/97.3/100.0
    # Held out, run once on 0ad9702 (the rules alone 77.6/97.3/70.0 and 74.1/98.6/80.0), then
    # read; examples since (left out 96.6/100.0/100.0 and 93.2/100.0/100.0).
    "holdout91.yaml": (0.95, 0.97, 1.00),  # 96.6/98.6/100.0
    "holdout92.yaml": (0.91, 0.98, 1.00),  # 92.5/100.0/100.0
    # Held out, run once on c963566 (the rules alone 76.2/90.4/90.0 and 80.1/97.3/60.0), then
    # read; examples since (left out 95.9/95.9/100.0 and 97.3/97.3/90.0).
    "holdout93.yaml": (0.94, 0.94, 1.00),  # 95.9/95.9/100.0
    "holdout94.yaml": (0.95, 0.94, 0.90),  # 96.6/95.9/90.0 (97.3/95.9/90.0 at 65c4053)
    # Held out, run on 010b88e (96.6/98.6/100.0 and 93.9/98.6/90.0) and once more on 65c4053,
    # with holdout87-90 among the examples (the rules alone 82.3/95.9/90.0 and 72.8/97.3/50.0),
    # then read; examples since (left out 97.3/97.3/100.0 and 95.9/97.3/90.0).
    "holdout95.yaml": (0.95, 0.97, 1.00),  # 97.3/98.6/100.0
    "holdout96.yaml": (0.93, 0.97, 0.90),  # 94.6/98.6/90.0
    # Held out, run once on c2af7e6 (the rules alone 74.1/95.9/50.0 and 74.1/93.2/80.0). With
    # the small talk's new phrasings (round 37), one small talk of holdout97 is missed, unread:
    # the phrasings together move the small-talk kinds' model (no one of them alone does).
    # Read after holdout113/114's run; examples since (left out 95.9/98.6/90.0 and
    # 96.6/97.3/100.0).
    "holdout97.yaml": (0.94, 0.97, 0.90),  # 95.9/98.6/100.0 (95.9/98.6/90.0 since 29fe189)
    "holdout98.yaml": (0.94, 0.97, 1.00),  # 95.9/98.6/100.0
    # Held out, run once on 29fe189 (the rules alone 81.0/90.4/50.0 and 78.9/95.9/80.0), then
    # read after holdout117/118's run; examples since (left out 99.3/97.3/100.0 and
    # 98.6/97.3/100.0).
    "holdout99.yaml": (0.97, 0.95, 1.00),  # 98.6/97.3/100.0
    "holdout100.yaml": (0.95, 0.95, 1.00),  # 97.3/97.3/100.0
    # Held out, run once on b7b78f3 (the rules alone 77.6/94.5/80.0 and 74.0/97.3/60.0), then
    # read; examples since (left out 98.0/98.6/100.0 and 99.3/98.6/90.0).
    "holdout101.yaml": (0.95, 0.97, 1.00),  # 96.6/98.6/100.0
    "holdout102.yaml": (0.97, 0.97, 0.90),  # 99.3/98.6/90.0
    # Held out, run once on d8b1137 (the rules alone 76.9/98.6/90.0 and 79.6/100.0/70.0), then
    # read; examples since (left out 95.9/100.0/90.0 and 99.3/100.0/100.0).
    "holdout103.yaml": (0.94, 0.98, 0.90),  # 95.2/100.0/90.0
    "holdout104.yaml": (0.98, 0.98, 1.00),  # 99.3/100.0/100.0
    # Held out, run once on 31317ed (the rules alone 85.7/91.8/70.0 and 72.1/90.4/70.0), then
    # read; examples since (left out 98.6/98.6/80.0 and 95.9/93.2/90.0).
    "holdout105.yaml": (0.97, 0.95, 0.80),  # 98.6/97.3/80.0
    "holdout106.yaml": (0.93, 0.91, 0.90),  # 95.2/93.2/90.0
    # Held out, run once on 229b73a (the rules alone 78.2/91.8/70.0 and 74.1/93.2/100.0).
    "holdout107.yaml": (0.94, 0.95, 0.90),  # 95.9/97.3/90.0
    "holdout108.yaml": (0.92, 0.91, 1.00),  # 93.9/93.2/100.0
    # Held out, run once on 7331e55 (the rules alone 80.3/95.9/90.0 and 78.9/94.5/70.0).
    "holdout109.yaml": (0.94, 0.98, 1.00),  # 95.9/100.0/100.0
    "holdout110.yaml": (0.94, 0.94, 1.00),  # 95.9/95.9/100.0
    # Held out, run once on 55c09f1 (the rules alone 81.0/94.5/80.0 and 87.1/91.8/70.0; on
    # e08b2b5, before a review's findings and the answer to each part, 92.5/97.3/100.0 and
    # 94.6/95.9/90.0).
    "holdout111.yaml": (0.92, 0.95, 1.00),  # 93.9/97.3/100.0
    "holdout112.yaml": (0.93, 0.94, 0.90),  # 95.2/95.9/90.0
    # Held out, run once on f15c22a (the rules alone 81.0/98.6/70.0 and 79.6/95.7/100.0).
    "holdout113.yaml": (0.91, 0.97, 0.90),  # 93.2/98.6/90.0
    "holdout114.yaml": (0.94, 0.94, 1.00),  # 95.9/95.7/100.0
    # Held out, run once on 7badc1c, holdout95-98 among the examples (the rules alone
    # 80.3/94.5/80.0 and 86.4/95.8/70.0).
    "holdout115.yaml": (0.97, 0.95, 1.00),  # 98.6/97.3/100.0
    "holdout116.yaml": (0.95, 0.97, 0.90),  # 97.3/98.6/90.0
    # Held out, run once on 82a9cc8 (the rules alone 80.3/94.5/60.0 and 72.8/94.5/90.0).
    "holdout117.yaml": (0.94, 0.97, 1.00),  # 95.9/98.6/100.0
    "holdout118.yaml": (0.95, 0.95, 1.00),  # 97.3/97.3/100.0
    # Held out, run once on 3aeab04, holdout99-106 among the examples and round 40's readings
    # (the rules alone 83.7/91.8/80.0 and 89.8/91.8/90.0).
    "holdout119.yaml": (0.96, 0.98, 1.00),  # 98.0/100.0/100.0
    "holdout120.yaml": (0.97, 0.94, 0.90),  # 98.6/95.9/90.0
    # Held out, run once on 8358672, greetings with only an introduction as small talk (the
    # rules alone 82.9/94.5/90.0 and 84.4/93.2/80.0; 2b5a222, before that, the same figures).
    "holdout121.yaml": (0.95, 0.93, 0.90),  # 96.6/94.5/90.0
    "holdout122.yaml": (0.95, 0.97, 0.80),  # 97.3/98.6/80.0
    # Held out, run once on e16b292, whose outcomes are 8358672's (the rules alone
    # 89.1/93.2/80.0 and 82.3/95.9/70.0; with the introduction reading not kept, the same).
    "holdout123.yaml": (0.97, 0.97, 1.00),  # 98.6/98.6/100.0
    "holdout124.yaml": (0.94, 0.96, 1.00),  # 95.9/97.3/100.0
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_drop_below_todays(shipped: FaqEngine, name: str) -> None:
    path = EXAMPLES_DIR / name if (EXAMPLES_DIR / name).exists() else HELD_OUT_DIR / name
    items = load_labelled(path)
    unseen = shipped.without_examples(item.question for item in items)
    report = evaluate(items, unseen.ask)
    accuracy_floor, rejection_floor, smalltalk_floor = FLOORS[name]
    misses = "\n".join(f"{m.item.question!r}: {m.reason}" for m in report.misses)
    if path.parent == HELD_OUT_DIR:
        # A held-out set's questions must stay unread until it is retired: say how many.
        misses = f"{len(report.misses)} misses (run talent-bot eval once the set is retired)"
    assert (report.accuracy or 0.0) >= accuracy_floor, misses
    assert (report.rejection_rate or 0.0) >= rejection_floor, misses
    assert (report.smalltalk_accuracy or 0.0) >= smalltalk_floor, misses
