"""Latency, load time and memory of the engine against a naive rapidfuzz baseline.

    .venv/bin/python benchmarks/latency.py              # shipped, 1,000 and 10,000 entries
    .venv/bin/python benchmarks/latency.py --sizes 0    # the shipped knowledge base only
    .venv/bin/python benchmarks/latency.py --sizes 1000 --from-yaml 1000  # and from YAML, cached

For each knowledge base the same questions (the dev set's, repeated) are answered by:

- the engine: ``FaqEngine.ask`` (normalise, match, decide, build the reply);
- the naive baseline: ``process.extractOne(question, all_phrasings, scorer=fuzz.WRatio)``.

For the shipped knowledge base, a row below gives the engine's rules alone
(``use_examples=False``): what the labelled examples' second opinion costs per question. The dev
set's questions are themselves examples, which the second opinion's nearness checks pass at once,
so another row times the same questions with them left out of the examples: questions it has
never seen. A last row times the held-out sets' questions (``benchmarks/eval/holdout*.yaml``),
each once: no version of the engine has learnt or been tuned on them, and they are longer and
more varied than the dev set's.

Generated knowledge bases keep the shipped entries and add synthetic ones with their own
vocabulary: pseudo-words drawn with a Zipf-like skew (a few common, most rare, as in real
text), mixed with the shipped vocabulary, and Chinese phrasings from a wide range of common
characters. "load" is building the engine from the in-memory knowledge base (all indexes);
``--from-yaml`` also writes the generated base as a knowledge folder and times what
``FaqEngine.load`` does (parse the YAML, run the checks that can find errors, build the
indexes; it never shows warnings, so the checks that can only warn are skipped) and what hot
reload does (every check, warnings included, plus the self-check that every phrasing retrieves
its own entry, matching each phrasing once: slow at 10,000 entries). Then the engine hot reload
built goes through the engine cache (``bot.enginecache``) as at the bot's start-up, and the
"cached" row times loading the same unchanged folder again through it (hashing the key,
reading and checking the file, unpickling): what a restart costs. It also gives the time to hash
the key alone, the time storing the engine added to the cold load (hashing the folder before and
after, pickling, writing), and the cache file's size. The generated folder has content errors
(near-duplicate phrasings, numbers) that would stop the real loaders from storing its engine, so
the benchmark stores the engine it built itself. Peak memory is the largest Python allocation
(tracemalloc) while building the engine; the process's peak resident memory is printed at the
end.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import enginecache  # noqa: E402
from bot.checking import check_folder  # noqa: E402
from bot.faq import FaqEngine  # noqa: E402
from bot.knowledge import validate_folder  # noqa: E402
from bot.knowledge.model import LANGS, Citation, Entry, KnowledgeBase, Lang  # noqa: E402
from bot.matching.evaluation import load_labelled  # noqa: E402
from bot.matching.settings import MatchSettings  # noqa: E402
from bot.matching.shared import one_matcher_per_knowledge_base  # noqa: E402
from bot.paths import shipped_knowledge_dir  # noqa: E402

SYLLABLES = tuple(
    str.split(
        "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka ke "
        "ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si "
        "so su ta te ti to tu va ve vi vo za ze zi zo tion ment ness ing er al ic"
    )
)
EN_TEMPLATES = (
    "What is the {a} {b}?",
    "{a} {b}",
    "how does {a} work with {c}",
    "When was the {a} {b} {c} introduced?",
    "who runs the {c} {a}",
    "Could you tell me about {b} and {c} for {a}, please?",
)
ZH_TEMPLATES = ("{x}是什么？", "{x}{y}", "请问{y}{x}在哪里？")
# Common CJK characters: the shipped knowledge base's plus a slice of the unified block.
CJK_SLICE = [chr(code) for code in range(0x4E00, 0x4E00 + 3000, 3)]


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_pick(rng: random.Random, items: Sequence[str]) -> str:
    # Index ~ exponential: item 0 common, the tail rare.
    index = min(int(rng.expovariate(1 / (len(items) / 8))), len(items) - 1)
    return items[index]


GENERATED_SOURCE = "generated-notes"


def generated_kb(base: KnowledgeBase, extra: int, seed: int = 7) -> KnowledgeBase:
    """``base`` plus ``extra`` synthetic entries, each quoting its own sentence of a
    synthetic source document (so quotes, like phrasings, vary from entry to entry)."""
    rng = random.Random(seed)
    vocabulary = pseudo_words(rng, max(2000, extra * 2))
    real_words = sorted({w for e in base.entries for w in e.questions["en"][0].lower().split()})
    characters = sorted({c for e in base.entries for q in e.questions["zh"] for c in q}) + CJK_SLICE
    template = base.entries[0]
    entries: list[Entry] = list(base.entries)
    sentences: list[str] = []
    for number in range(extra):

        def word() -> str:
            return zipf_pick(rng, vocabulary) if rng.random() < 0.85 else rng.choice(real_words)

        def chinese() -> str:
            return "".join(rng.choice(characters) for _ in range(rng.randint(2, 4)))

        english = tuple(
            t.format(a=word(), b=word(), c=word()) for t in rng.sample(EN_TEMPLATES, k=6)
        )
        zh = tuple(t.format(x=chinese(), y=chinese()) for t in ZH_TEMPLATES)
        questions: dict[Lang, tuple[str, ...]] = {"en": english, "zh": zh}
        subject = english[0].removeprefix("What is the ").rstrip("?")
        sentence = f"The {subject} supports {word()} and {word()} in entry {number}."
        sentences.append(sentence)
        entries.append(
            dataclasses.replace(
                template,
                id=f"generated-{number}",
                questions=questions,
                answer={
                    "en": f"A generated answer about {subject}.",
                    "zh": f"关于{chinese()}的回答。",
                },
                citations=(Citation(GENERATED_SOURCE, sentence, template.position),),
                related=(),
                review_by=dt.date(2030, 1, 1),
            )
        )
    source = dataclasses.replace(
        base.sources[0],
        id=GENERATED_SOURCE,
        title="Generated notes",
        file=f"sources/{GENERATED_SOURCE}.txt",
        text="\n".join(sentences) + "\n",
    )
    return dataclasses.replace(base, entries=tuple(entries), sources=(*base.sources, source))


def percentiles(samples_ns: list[int]) -> tuple[float, float]:
    ordered = sorted(samples_ns)
    p50 = statistics.median(ordered) / 1000
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] / 1000
    return p50, p99


def held_out_questions() -> list[str]:
    """Every question of the held-out sets (benchmarks/eval/holdout*.yaml), in file order."""
    return [
        item.question
        for path in sorted((ROOT / "benchmarks/eval").glob("holdout*.yaml"))
        for item in load_labelled(path)
    ]


def timed(function: Callable[[str], object], questions: Sequence[str]) -> list[int]:
    samples: list[int] = []
    for question in questions:
        start = time.perf_counter_ns()
        function(question)
        samples.append(time.perf_counter_ns() - start)
    return samples


def build_measured(kb: KnowledgeBase) -> tuple[FaqEngine, float, float]:
    """The engine, the seconds to build it, and the peak MB allocated while building it.

    The time is taken on a plain build; tracemalloc (which slows allocation down) watches a
    second one.
    """
    gc.collect()
    start = time.perf_counter()
    engine = FaqEngine(kb)
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    FaqEngine(kb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return engine, seconds, peak / 2**20


@dataclasses.dataclass(frozen=True)
class YamlLoad:
    """Seconds to load a knowledge folder, cold and through the engine cache."""

    engine_load: float  # as FaqEngine.load does: parse, the checks that find errors, index
    hot_reload: float  # as hot reload and start-up do: every check, the self-check included
    store: float  # after a cold load: hashing the folder twice, pickling, writing the file
    cached: float  # the same unchanged folder loaded again: hashing, reading, unpickling
    key: float  # hashing the folder and the rest of the key alone
    cache_mb: float  # the cache file


def yaml_load_seconds(kb: KnowledgeBase) -> YamlLoad:
    """Seconds to load ``kb`` written as a knowledge folder: as ``FaqEngine.load`` does, as
    hot reload does (``bot.reload.load_faq_engine``), and again through the engine cache."""
    import shutil

    import yaml

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "knowledge"
        shutil.copytree(shipped_knowledge_dir(), folder)
        generated = [e for e in kb.entries if e.id.startswith("generated-")]
        source = kb.sources[-1]
        (folder / source.file).write_text(source.text, encoding="utf-8")
        record = {
            "id": source.id,
            "title": source.title,
            "site": source.site,
            "section": source.section,
            "url": source.url,
            "date": source.date,
            "file": source.file,
        }
        with (folder / "sources.yaml").open("a", encoding="utf-8") as sources_file:
            listed = yaml.safe_dump([record], allow_unicode=True).rstrip("\n")
            sources_file.write("\n  " + listed.replace("\n", "\n  ") + "\n")
        records = [
            {
                "id": e.id,
                "topic": e.topic,
                "questions": {lang: list(e.questions[lang]) for lang in LANGS},
                "answer": dict(e.answer),
                "citations": [{"source": c.source_id, "quote": c.quote} for c in e.citations],
                "related": [],
                "review_by": e.review_by,
            }
            for e in generated
        ]
        (folder / "generated.yaml").write_text(
            yaml.safe_dump({"entries": records}, allow_unicode=True), encoding="utf-8"
        )
        # The steps FaqEngine.load and load_faq_engine take, called directly: generated
        # entries trip content checks (near-duplicate phrasings, numbers), which make those
        # refuse the folder but must not stop the timing.
        gc.collect()
        start = time.perf_counter()
        result = validate_folder(folder, warnings=False)
        if result.kb is None:
            raise SystemExit(f"generated folder does not load: {result.errors[:3]}")
        FaqEngine(result.kb)
        engine_load = time.perf_counter() - start
        gc.collect()
        start = time.perf_counter()
        with one_matcher_per_knowledge_base():
            result = check_folder(folder)
            if result.kb is None:
                raise SystemExit(f"generated folder does not load: {result.errors[:3]}")
            engine = FaqEngine(result.kb)
        hot_reload = time.perf_counter() - start
        return YamlLoad(engine_load, hot_reload, *cached_load_seconds(folder, engine))


def cached_load_seconds(folder: Path, engine: FaqEngine) -> tuple[float, float, float, float]:
    """Store the engine hot reload built through the engine cache, as the bot's start-up does
    (its folder's content errors would stop the real loader from storing it), then load the
    unchanged folder again through the cache: (store, cached load, key, cache file MB)."""
    settings = MatchSettings()
    cache_dir = folder.parent / "cache"

    def rebuilt() -> FaqEngine:
        raise SystemExit("the engine cache missed an unchanged folder")

    def through_cache(build: Callable[[], FaqEngine]) -> tuple[FaqEngine, float]:
        gc.collect()
        start = time.perf_counter()
        found = enginecache.load_through_cache(
            build, knowledge_dir=folder, settings=settings, level="full", cache_dir=cache_dir
        )
        return found, time.perf_counter() - start

    _, store = through_cache(lambda: engine)
    found, cached = through_cache(rebuilt)
    question = "how many talent projects has tongzhou supported"
    if found.ask(question).to_json() != engine.ask(question).to_json():
        raise SystemExit("the cached engine answers differently")
    keys = []
    for _ in range(3):
        start = time.perf_counter()
        enginecache.cache_key(folder, settings, "full")
        keys.append(time.perf_counter() - start)
    size = sum(path.stat().st_size for path in cache_dir.iterdir())
    return store, cached, min(keys), size / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the questions")
    parser.add_argument(
        "--from-yaml",
        type=int,
        nargs="*",
        default=[],
        metavar="SIZE",
        help="for these sizes, also time loads from YAML, as FaqEngine.load and as hot reload "
        "(slow at scale)",
    )
    args = parser.parse_args(argv)

    result = validate_folder(shipped_knowledge_dir())
    if result.kb is None:
        print("the shipped knowledge base has errors; run talent-bot check", file=sys.stderr)
        return 1
    shipped = result.kb
    questions = [item.question for item in load_labelled(ROOT / "knowledge/examples/dev.yaml")]
    questions = questions * args.repeat

    start = time.perf_counter()
    FaqEngine.load()
    print(f"shipped knowledge base: FaqEngine.load() {1000 * (time.perf_counter() - start):.0f} ms")
    print(f"{len(questions)} questions per row ({args.repeat} passes over the dev set)\n")
    print(
        "| knowledge base   | entries | phrasings | load (s) | peak MB | engine p50 | engine p99 "
        "| naive p50 | naive p99 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in [0, *[s for s in args.sizes if s > 0]]:
        kb = shipped if size == 0 else generated_kb(shipped, size - len(shipped.entries))
        engine, load_seconds, peak_mb = build_measured(kb)
        phrasings = [q for e in kb.entries for lang in LANGS for q in e.questions[lang]]
        timed(engine.ask, questions[:50])  # warm the caches both ways
        engine_ns = timed(engine.ask, questions)
        naive_ns = timed(
            lambda q, p=phrasings: process.extractOne(q, p, scorer=fuzz.WRatio),  # type: ignore[misc]
            questions,
        )
        e50, e99 = percentiles(engine_ns)
        n50, n99 = percentiles(naive_ns)
        name = "shipped" if size == 0 else f"generated {size:,}"
        print(
            f"| {name:<16} | {len(kb.entries):>7,} | {len(phrasings):>9,} | {load_seconds:8.2f} "
            f"| {peak_mb:7.1f} | {e50:7.0f} us | {e99:7.0f} us | {n50:6.0f} us | {n99:6.0f} us |"
        )
        if size == 0:
            # What the examples' second opinion costs: the same engine without it, same run.
            alone = FaqEngine(kb, MatchSettings(use_examples=False))
            timed(alone.ask, questions[:50])
            a50, a99 = percentiles(timed(alone.ask, questions))
            print(f"|   its rules alone (use_examples=False): p50 {a50:.0f} us, p99 {a99:.0f} us |")
            # The dev set's questions are among the examples, and a question the examples hold
            # word for word passes their nearness checks at once: the same questions, unlearnt.
            unseen = engine.without_examples(questions)
            timed(unseen.ask, questions[:50])
            u50, u99 = percentiles(timed(unseen.ask, questions))
            print(
                f"|   the same questions, left out of the examples: p50 {u50:.0f} us, "
                f"p99 {u99:.0f} us |"
            )
            # Those are the dev set's questions, among the shortest; the held-out sets' are
            # written as varied as askers are, and no version of the engine has learnt them.
            # (The engine is warm from the rows above: each is timed once, as asked.)
            held_out = held_out_questions()
            if held_out:
                h50, h99 = percentiles(timed(engine.ask, held_out))
                naive_held_out = timed(
                    lambda q, p=phrasings: process.extractOne(q, p, scorer=fuzz.WRatio),  # type: ignore[misc]
                    held_out,
                )
                hn50, hn99 = percentiles(naive_held_out)
                print(
                    f"|   the held-out sets' {len(held_out):,} questions, once each: p50 "
                    f"{h50:.0f} us, p99 {h99:.0f} us (naive: p50 {hn50:.0f} us, "
                    f"p99 {hn99:.0f} us) |"
                )
        if size in args.from_yaml:
            loads = yaml_load_seconds(kb)
            cold = loads.engine_load
            print(f"|   from YAML, as FaqEngine.load (parse, checks, index): {cold:.2f} s |")
            print(f"|   from YAML, as hot reload (also the self-check): {loads.hot_reload:.2f} s |")
            print(
                f"|   cached: the unchanged folder loaded again: {loads.cached:.2f} s "
                f"(key {1000 * loads.key:.0f} ms; storing it after a cold load "
                f"{loads.store:.2f} s; cache file {loads.cache_mb:.0f} MB) |"
            )
    max_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak resident memory (ru_maxrss): {max_rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
