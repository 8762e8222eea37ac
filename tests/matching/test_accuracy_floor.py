"""The matcher must not get worse on the labelled sets than it is today.

The in-scope and rejection floors sit about 1.5 points below the figures measured when they were
set, and the small-talk floors at them (see ``benchmarks/README.md`` and
``benchmarks/accuracy.py``); raise them when the engine improves.
dev to dev18 and holdout to holdout68 are tuning sets (each holdout set up to holdout68 was
retired into tuning after its reporting run). holdout69.yaml and holdout70.yaml are the held-out
sets: their floors are set after their single reporting run, without reading their misses;
tuning on those would make them tuning sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.faq import FaqEngine
from bot.matching.evaluation import evaluate, load_labelled

EVAL_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"

# file -> (in-scope accuracy floor, out-of-scope rejection floor, small-talk accuracy floor)
# Measured on 2026-12-06 at d8c1b93 with the default MatchSettings (in-scope/rejected/small
# talk, %): dev 100.0/100.0/100.0, dev2 100.0/100.0/100.0, dev3 99.3/98.6/100.0, dev4
# 97.2/100.0/90.9, dev5 98.6/98.7/100.0, dev6 99.3/100.0/100.0, dev7 97.2/97.2/100.0, dev8
# 100.0/95.9/100.0, dev9 95.9/95.9/100.0, dev10 98.7/97.4/100.0, dev11 95.4/97.3/100.0, dev12
# 97.9/95.7/80.0, dev13 91.7/100.0/100.0, dev14 96.0/98.6/100.0, dev15 83.6/97.2/100.0, dev16
# 93.8/98.6/100.0, dev17 90.4/97.2/100.0, holdout 100.0/98.1/100.0, holdout2 100.0/100.0/100.0,
# holdout3 99.2/100.0/87.5, holdout4 96.9/100.0/100.0, holdout5 98.5/98.6/100.0, holdout6
# 99.3/97.1/100.0, holdout7 98.0/96.1/100.0, holdout8 95.2/97.1/100.0, holdout9 96.6/97.3/100.0,
# holdout10 97.3/100.0/100.0, holdout11 97.9/93.4/90.0, holdout12 96.6/98.6/100.0, holdout13
# 96.6/97.2/100.0, holdout14 93.8/95.7/90.0, holdout15 95.9/95.8/100.0, holdout16 94.5/98.6/100.0,
# holdout17 89.1/91.3/100.0, holdout18 93.9/94.7/100.0, holdout19 92.8/91.8/100.0 and holdout20
# 93.2/97.2/100.0 (both held out then); holdout21 95.2/98.7/90.0 and holdout22 93.4/93.0/83.3
# (held out in round 13, first run at 25100c9); holdout23 93.3/94.9/100.0 and holdout24
# 92.7/92.3/100.0 (held out in round 14, first run at 934b47d); holdout25 95.9/97.3/100.0 and
# holdout26 91.1/98.6/100.0 (held out in round 15, first run at 3ca9180); holdout27
# 92.6/98.6/100.0 and holdout28 92.5/94.4/80.0 (held out in round 16, first run at f69c3f2).
# holdout29 91.7/95.8/100.0 and holdout30 96.7/97.3/70.0 (held out in round 17, first run at
# 535b2fe); holdout31 89.0/97.1/100.0 and holdout32 97.2/95.7/100.0 (held out in round 18,
# first run at aed02e2); holdout33 90.4/94.5/90.0 and holdout34 87.6/93.2/90.0 (held out in
# round 19, first run at 7ba2aea); holdout35 94.5/98.6/100.0 and holdout36 96.5/97.3/100.0
# (held out in round 20, first run at b5ad7f8); holdout37 95.8/95.8/90.0 and holdout38
# 94.0/98.6/80.0 (held out in round 21, first run at 579f806). First run at
# b53cef4: holdout39 91.0/97.1/90.0, holdout40 91.4/97.3/91.7 (held out in round 22);
# holdout41 89.9/92.1/54.5, holdout42 88.4/97.3/54.5 (held out after round 22, first run at
# 8b5cdf0); holdout43 86.8/92.0/81.8 and
# holdout44 85.0/97.3/80.0 (held out in round 23, first run at 5fde357).
FLOORS = {
    "dev.yaml": (0.98, 0.98, 1.00),
    "dev2.yaml": (0.98, 0.98, 1.00),
    "dev3.yaml": (0.97, 0.97, 1.00),
    "dev4.yaml": (0.95, 0.98, 0.90),
    "dev5.yaml": (0.97, 0.97, 1.00),
    "dev6.yaml": (0.97, 0.98, 1.00),
    "dev7.yaml": (0.95, 0.95, 1.00),
    "dev8.yaml": (0.98, 0.94, 1.00),
    "dev9.yaml": (0.94, 0.94, 1.00),
    "dev10.yaml": (0.97, 0.95, 1.00),
    "dev11.yaml": (0.93, 0.95, 1.00),
    "dev12.yaml": (0.96, 0.94, 0.80),
    "dev13.yaml": (0.90, 0.98, 1.00),
    "dev14.yaml": (0.94, 0.97, 1.00),
    "dev15.yaml": (0.82, 0.95, 1.00),
    "dev16.yaml": (0.92, 0.97, 1.00),
    "dev17.yaml": (0.88, 0.95, 1.00),
    # Written in round 23 for tuning (questions asked in unusual ways); first run at 74.7/97.1/70.0,
    # at 9b650cc 79.3/98.6/80.0.
    "dev18.yaml": (0.77, 0.97, 0.80),
    "holdout.yaml": (0.98, 0.96, 1.00),
    "holdout2.yaml": (0.98, 0.98, 1.00),
    "holdout3.yaml": (0.97, 0.98, 0.87),
    "holdout4.yaml": (0.95, 0.98, 1.00),
    "holdout5.yaml": (0.96, 0.97, 1.00),
    "holdout6.yaml": (0.97, 0.95, 1.00),
    "holdout7.yaml": (0.96, 0.94, 1.00),
    "holdout8.yaml": (0.93, 0.95, 1.00),
    "holdout9.yaml": (0.95, 0.95, 1.00),
    "holdout10.yaml": (0.95, 0.98, 1.00),
    "holdout11.yaml": (0.96, 0.91, 0.90),
    "holdout12.yaml": (0.95, 0.97, 1.00),
    "holdout13.yaml": (0.95, 0.95, 1.00),
    "holdout14.yaml": (0.92, 0.94, 0.90),
    "holdout15.yaml": (0.94, 0.94, 1.00),
    "holdout16.yaml": (0.93, 0.97, 1.00),
    "holdout17.yaml": (0.87, 0.89, 1.00),
    "holdout18.yaml": (0.92, 0.93, 1.00),
    "holdout19.yaml": (0.91, 0.90, 1.00),
    "holdout20.yaml": (0.91, 0.95, 1.00),
    "holdout21.yaml": (0.93, 0.97, 0.90),
    "holdout22.yaml": (0.91, 0.91, 0.83),
    "holdout23.yaml": (0.91, 0.93, 1.00),
    "holdout24.yaml": (0.91, 0.90, 1.00),
    "holdout25.yaml": (0.94, 0.95, 1.00),
    "holdout26.yaml": (0.89, 0.97, 1.00),
    "holdout27.yaml": (0.91, 0.97, 1.00),
    "holdout28.yaml": (0.91, 0.93, 0.80),
    "holdout29.yaml": (0.90, 0.94, 1.00),
    "holdout30.yaml": (0.95, 0.95, 0.70),
    # Small talk 9 of 10 since "gm" stopped being a greeting (it is also a general manager).
    "holdout31.yaml": (0.87, 0.95, 0.90),
    "holdout32.yaml": (0.95, 0.94, 0.90),
    "holdout33.yaml": (0.88, 0.93, 0.90),
    "holdout34.yaml": (0.86, 0.91, 0.90),
    "holdout35.yaml": (0.93, 0.97, 1.00),
    "holdout36.yaml": (0.95, 0.95, 1.00),
    "holdout37.yaml": (0.94, 0.94, 0.90),
    "holdout38.yaml": (0.92, 0.97, 0.80),
    "holdout39.yaml": (0.89, 0.95, 0.90),
    "holdout40.yaml": (0.89, 0.95, 0.91),
    "holdout41.yaml": (0.88, 0.90, 0.54),
    "holdout42.yaml": (0.86, 0.95, 0.54),
    # Tuning since round 24; at 9b650cc 92.7/94.7/100.0 and 91.2/98.6/90.0.
    "holdout43.yaml": (0.91, 0.93, 1.00),
    "holdout44.yaml": (0.89, 0.97, 0.90),
    # Tuning since round 25 (held out in round 24: 90.5/98.6/70.0, 93.2/97.2/54.5 at 1270f74);
    # at 01b72a7 95.2/100.0/100.0 and 97.3/100.0/100.0.
    "holdout45.yaml": (0.93, 0.98, 1.00),
    "holdout46.yaml": (0.95, 0.98, 1.00),
    # Tuning since round 26 (held out in round 25: 82.2/100.0/40.0, 80.1/97.2/60.0 at
    # cb15a2e); at 1f75935 84.2/100.0/80.0 and 82.2/97.2/70.0. Small talk 7 of 10 for holdout47
    # since small talk opening a message only wins over an unsure answer ("thanks, that helps
    # my article" is answered with the source).
    "holdout47.yaml": (0.82, 0.98, 0.70),
    "holdout48.yaml": (0.80, 0.95, 0.70),
    # Tuning since round 27 (held out in round 26: 86.6/97.3/90.0 and 74.8/97.3/100.0 at
    # 1f75935); at 2cf9817 89.9/97.3/90.0 and 76.9/97.3/100.0; holdout50 74.8 in scope again
    # once a review dropped rules that fired too widely (the hedges, "gathering", 靠啥吃饭).
    "holdout49.yaml": (0.88, 0.95, 0.90),
    "holdout50.yaml": (0.73, 0.95, 1.00),
    # Tuning since round 28 (held out in round 27: 83.7/92.0/80.0 and 79.7/95.9/100.0 at
    # 2cf9817); at 3841dcc 86.4/92.0/100.0 and 81.1/98.6/100.0.
    "holdout51.yaml": (0.85, 0.90, 1.00),
    "holdout52.yaml": (0.79, 0.97, 1.00),
    # Tuning since round 29 (held out in round 28: 77.6/95.9/80.0 and 78.2/93.2/90.0 at
    # 3841dcc); at d3b3ae3 81.6/98.6/80.0 and 82.3/97.3/90.0.
    "holdout53.yaml": (0.80, 0.97, 0.80),
    "holdout54.yaml": (0.80, 0.95, 0.90),
    # Tuning since round 30 (held out in round 29: 74.5/100.0/60.0 and 66.0/91.8/100.0 at
    # d3b3ae3); at 1f1a037 80.0/100.0/90.0 and 72.8/91.8/100.0.
    "holdout55.yaml": (0.78, 0.98, 0.90),
    "holdout56.yaml": (0.71, 0.90, 1.00),
    # Tuning since round 31 (held out in round 30: 83.7/93.2/70.0 and 91.2/97.4/100.0 at
    # c9b8a0a); at 1a6165a 91.8/94.5/100.0 and 94.6/100.0/100.0.
    "holdout57.yaml": (0.90, 0.93, 1.00),
    "holdout58.yaml": (0.93, 0.98, 1.00),
    # Tuning since round 32 (held out in round 31: 77.6/95.9/80.0 and 83.0/94.5/70.0 at
    # 1a6165a); at 692a3aa 81.6/98.6/90.0 and 86.4/95.9/80.0.
    "holdout59.yaml": (0.80, 0.97, 0.90),
    "holdout60.yaml": (0.85, 0.94, 0.80),
    # Tuning since round 33 (held out in round 32: 91.9/94.7/100.0 and 82.3/93.2/100.0 at
    # 692a3aa); at 632a330 94.6/98.7/100.0 and 87.1/97.3/100.0.
    "holdout61.yaml": (0.93, 0.97, 1.00),
    "holdout62.yaml": (0.85, 0.95, 1.00),
    # Tuning since round 34 (held out in round 33: 87.1/94.5/90.0 and 87.7/91.9/90.0 at
    # 632a330, the same at 2cb4c21); at 5708098 92.5/98.6/100.0 and 91.1/95.9/100.0.
    "holdout63.yaml": (0.91, 0.97, 1.00),
    "holdout64.yaml": (0.89, 0.94, 1.00),
    # Tuning since round 35 (held out in round 34: 81.6/95.9/70.0 and 81.1/95.9/90.0 at
    # 5708098, the same at 2cb4c21); at 8e01226 87.8/98.6/90.0 and 87.2/97.3/90.0.
    "holdout65.yaml": (0.86, 0.97, 0.90),
    "holdout66.yaml": (0.85, 0.95, 0.90),
    # Tuning since round 36 (held out in round 35: 83.0/93.2/90.0 and 87.8/94.5/90.0 at
    # 4e63d6e; 82.3/94.5/90.0 and 87.2/94.5/90.0 at 648a08a); at 8e01226 95.2/97.3/100.0 and
    # 93.9/100.0/100.0.
    "holdout67.yaml": (0.93, 0.95, 1.00),
    "holdout68.yaml": (0.92, 0.98, 1.00),
    # Held out in round 36, first run at 8e01226 (misses unread): 85.7/95.9/100.0 and
    # 78.9/95.9/80.0, the same in and out of scope as before the round (e473148).
    "holdout69.yaml": (0.84, 0.94, 1.00),
    "holdout70.yaml": (0.77, 0.94, 0.80),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_drop_below_todays(shipped: FaqEngine, name: str) -> None:
    report = evaluate(load_labelled(EVAL_DIR / name), shipped.ask)
    accuracy_floor, rejection_floor, smalltalk_floor = FLOORS[name]
    misses = "\n".join(f"{m.item.question!r}: {m.reason}" for m in report.misses)
    assert (report.accuracy or 0.0) >= accuracy_floor, misses
    assert (report.rejection_rate or 0.0) >= rejection_floor, misses
    assert (report.smalltalk_accuracy or 0.0) >= smalltalk_floor, misses
