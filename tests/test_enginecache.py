"""The engine cache: what the key covers, hits and misses, damaged and untrusted files, pruning."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import enginecache
from bot.errors import KnowledgeError
from bot.faq import FaqEngine
from bot.matching.evaluation import load_labelled
from bot.matching.settings import MatchSettings
from bot.reload import load_faq_engine

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = MatchSettings()
SOURCE_TEXT = "sources/tongzhou-talent-2024-04-12.txt"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def questions() -> list[str]:
    return [item.question for item in load_labelled(ROOT / "knowledge/examples/dev.yaml")]


class Builds:
    """A build function for ``load_through_cache`` that counts its calls."""

    def __init__(self, knowledge: Path) -> None:
        self.knowledge = knowledge
        self.count = 0

    def __call__(self) -> FaqEngine:
        self.count += 1
        return FaqEngine.load(self.knowledge)


def load(
    knowledge: Path,
    cache: Path,
    build: Callable[[], FaqEngine],
    level: enginecache.Level = "errors",
    settings: MatchSettings = SETTINGS,
) -> FaqEngine:
    return enginecache.load_through_cache(
        build, knowledge_dir=knowledge, settings=settings, level=level, cache_dir=cache
    )


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("engine-*.pickle"))


def replies(engine: FaqEngine, questions: list[str]) -> list[str]:
    return [json.dumps(engine.ask(q).to_json(), ensure_ascii=False) for q in questions]


def test_without_a_cache_folder_every_load_builds(knowledge: Path, tmp_path: Path) -> None:
    build = Builds(knowledge)
    for _ in range(2):
        enginecache.load_through_cache(
            build, knowledge_dir=knowledge, settings=SETTINGS, level="errors", cache_dir=None
        )
    assert build.count == 2
    assert not list(tmp_path.rglob("engine-*.pickle"))


# --- hits -------------------------------------------------------------------------------------


def test_a_hit_answers_byte_for_byte_as_the_engine_it_stored(
    knowledge: Path, cache: Path, questions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    built = FaqEngine.load(knowledge, cache_dir=cache)
    assert len(cache_files(cache)) == 1

    def must_not_run(*_args: object, **_options: object) -> object:
        raise AssertionError("the folder was checked again: a miss")

    monkeypatch.setattr("bot.faq.validate_folder", must_not_run)
    cached = FaqEngine.load(knowledge, cache_dir=cache)
    assert cached is not built
    assert replies(cached, questions) == replies(built, questions)
    assert cached.topics("zh") == built.topics("zh")
    assert cached.sources() == built.sources()


def test_without_a_cache_folder_nothing_is_written(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    FaqEngine.load(knowledge)
    load_faq_engine(knowledge)
    assert sorted(tmp_path.rglob("*")) == before


def test_the_folder_is_private_and_so_are_its_files(knowledge: Path, tmp_path: Path) -> None:
    cache = tmp_path / "data" / "cache"
    FaqEngine.load(knowledge, cache_dir=cache)
    assert cache.stat().st_mode & 0o777 == 0o700
    (stored,) = cache_files(cache)
    assert stored.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in cache.iterdir()] == [stored.name]  # no temporary file left


# --- the key ----------------------------------------------------------------------------------


def key(knowledge: Path, level: enginecache.Level = "errors", **settings: object) -> str:
    return enginecache.cache_key(knowledge, dataclasses.replace(SETTINGS, **settings), level)


def edit(knowledge: Path, name: str, old: str, new: str) -> None:
    path = knowledge / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES: dict[str, Callable[[Path], None]] = {
    "a knowledge file edited": lambda k: edit(k, "tongzhou.yaml", "Jiangsu", "Jiangsu "),
    "a knowledge file added": lambda k: (k / "more.yaml").write_text("entries: []\n"),
    "a knowledge file removed": lambda k: (k / "smalltalk.yaml").unlink(),
    "a knowledge file renamed": lambda k: (k / "events.yaml").rename(k / "happenings.yaml"),
    "a source text edited": lambda k: edit(k, SOURCE_TEXT, "Tongzhou", "TongZhou"),
    "a file in a new subfolder": lambda k: (k / "sources" / "x").mkdir(),
    "a hidden file added": lambda k: (k / ".notes").write_text("x"),
    "a link to a folder retargeted": lambda k: (k / "link").symlink_to("sources"),
}


def test_the_key_is_the_same_for_the_same_files_whatever_their_times(knowledge: Path) -> None:
    before = key(knowledge)
    for path in knowledge.rglob("*"):
        os.utime(path, (1_000_000, 1_000_000))
    assert key(knowledge) == before


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_to_the_folder_changes_the_key(knowledge: Path, change: str) -> None:
    before = key(knowledge)
    CHANGES[change](knowledge)
    assert key(knowledge) != before


def test_a_link_to_a_folder_is_keyed_by_its_target(knowledge: Path) -> None:
    (knowledge / "other").mkdir()
    (knowledge / "texts").symlink_to("sources")
    before = key(knowledge)
    (knowledge / "texts").unlink()
    (knowledge / "texts").symlink_to("other")
    assert key(knowledge) != before


def test_settings_level_path_code_and_libraries_change_the_key(
    knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = key(knowledge)
    keys = {
        base,
        key(knowledge, answer_threshold=41.0),
        key(knowledge, fuzzy_scorer="ratio"),
        key(knowledge, "full"),
    }
    moved = tmp_path / "moved"
    shutil.copytree(knowledge, moved)
    keys.add(key(moved))  # the engine records the folder's path
    monkeypatch.setattr(enginecache, "source_digest", lambda: "other code")
    keys.add(key(knowledge))
    monkeypatch.setattr(enginecache, "environment_digest", lambda: "other libraries")
    keys.add(key(knowledge))
    assert len(keys) == 7


def test_the_code_digest_covers_every_python_file_of_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "bot"
    shutil.copytree(enginecache._PACKAGE_DIR, package, ignore=shutil.ignore_patterns("_*knowledge"))
    monkeypatch.setattr(enginecache, "_PACKAGE_DIR", package)
    digests = set()
    try:
        for change in (
            lambda: None,
            lambda: (package / "matching" / "words.py").write_text("# edited\n", "utf-8"),
            lambda: (package / "matching" / "new.py").write_text("", "utf-8"),
            lambda: (package / "matching" / "new.py").rename(package / "matching" / "old.py"),
        ):
            change()
            enginecache.source_digest.cache_clear()
            digests.add(enginecache.source_digest())
            assert enginecache.source_digest() in digests  # read once per process
    finally:
        enginecache.source_digest.cache_clear()
    assert len(digests) == 4


def test_the_environment_digest_names_the_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    enginecache.environment_digest.cache_clear()
    before = enginecache.environment_digest()
    monkeypatch.setattr(enginecache, "LIBRARIES", (*enginecache.LIBRARIES, "no-such-package"))
    enginecache.environment_digest.cache_clear()
    try:
        assert enginecache.environment_digest() != before
    finally:
        enginecache.environment_digest.cache_clear()


def test_a_changed_folder_is_a_miss_and_undoing_the_change_a_hit(
    knowledge: Path, cache: Path
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    edit(knowledge, "tongzhou.yaml", "Jiangsu province", "Jiangsu Province")
    changed = load(knowledge, cache, build)
    assert build.count == 2
    assert "Jiangsu Province" in changed.ask("Where is Tongzhou?").text
    edit(knowledge, "tongzhou.yaml", "Jiangsu Province", "Jiangsu province")
    reverted = load(knowledge, cache, build)
    assert build.count == 2
    assert "Jiangsu province" in reverted.ask("Where is Tongzhou?").text


def test_other_settings_are_a_miss(knowledge: Path, cache: Path) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    load(knowledge, cache, build, settings=dataclasses.replace(SETTINGS, min_margin=5.0))
    assert build.count == 2


def test_an_engine_built_from_a_folder_that_changed_meanwhile_is_not_stored(
    knowledge: Path, cache: Path
) -> None:
    def build() -> FaqEngine:
        engine = FaqEngine.load(knowledge)
        edit(knowledge, "tongzhou.yaml", "Jiangsu", "Jiangsu ")
        return engine

    load(knowledge, cache, build)
    assert cache_files(cache) == []


# --- levels -----------------------------------------------------------------------------------


def test_a_full_entry_serves_an_errors_request(
    knowledge: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_faq_engine(knowledge, cache)
    monkeypatch.setattr("bot.faq.validate_folder", pytest.fail)
    assert FaqEngine.load(knowledge, cache_dir=cache).knowledge.entries


def test_an_errors_entry_never_serves_a_full_request(knowledge: Path, cache: Path) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build, "errors")
    load(knowledge, cache, build, "full")
    assert build.count == 2
    load(knowledge, cache, build, "full")
    load(knowledge, cache, build, "errors")
    assert build.count == 2
    assert len(cache_files(cache)) == 2


def test_an_invalid_folder_is_never_cached_and_still_raises(knowledge: Path, cache: Path) -> None:
    (knowledge / "topics.yaml").write_text("topics: [", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(KnowledgeError) as raised:
            FaqEngine.load(knowledge, cache_dir=cache)
        assert any(p.file == "topics.yaml" for p in raised.value.problems)
        with pytest.raises(KnowledgeError):
            load_faq_engine(knowledge, cache)
    assert cache_files(cache) == []


# --- damaged files ----------------------------------------------------------------------------


def damage_truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def damage_cut_at_the_end(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


def damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def damage_flipped_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def damage_garbage(path: Path) -> None:
    path.write_bytes(b"not a cache file at all" * 100)


def damage_other_key(path: Path) -> None:
    key = path.name.removeprefix("engine-").removesuffix(".pickle")
    path.write_bytes(path.read_bytes().replace(key.encode(), b"0" * 64, 1))


def damage_not_an_engine(path: Path) -> None:
    payload = b"\x80\x05K*."  # pickle of the int 42
    key = path.name.removeprefix("engine-").removesuffix(".pickle")
    path.write_bytes(enginecache._header(key, payload) + payload)


def damage_unknown_class(path: Path) -> None:
    payload = b"cbot.gone\nThing\n(tR."  # protocol 0: call bot.gone.Thing()
    key = path.name.removeprefix("engine-").removesuffix(".pickle")
    path.write_bytes(enginecache._header(key, payload) + payload)


DAMAGES = [
    damage_truncated,
    damage_cut_at_the_end,
    damage_empty,
    damage_flipped_byte,
    damage_garbage,
    damage_other_key,
    damage_not_an_engine,
    damage_unknown_class,
]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__.removeprefix("damage_"))
def test_a_damaged_file_is_a_miss_and_is_written_again(
    knowledge: Path, cache: Path, damage: Callable[[Path], None]
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    (stored,) = cache_files(cache)
    damage(stored)
    engine = load(knowledge, cache, build)
    assert build.count == 2
    assert engine.ask("Where is Tongzhou?").kind == "answer"
    load(knowledge, cache, build)
    assert build.count == 2, "the rewritten file is a hit"


# --- untrusted files --------------------------------------------------------------------------


@pytest.fixture
def warnings(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.WARNING, logger="bot.enginecache")
    return caplog


def test_a_file_others_may_write_is_refused(
    knowledge: Path, cache: Path, warnings: pytest.LogCaptureFixture
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    (stored,) = cache_files(cache)
    for mode in (0o620, 0o602):
        stored.chmod(mode)
        load(knowledge, cache, build)
        assert "writable by group or others" in warnings.text
        warnings.clear()
    assert build.count == 3


def test_a_folder_others_may_write_is_not_used(
    knowledge: Path, cache: Path, warnings: pytest.LogCaptureFixture
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    cache.chmod(0o770)
    load(knowledge, cache, build)
    assert build.count == 2
    assert len(warnings.records) == 1, "one warning per load"
    assert "writable by group or others" in warnings.text
    for stored in cache_files(cache):
        stored.unlink()
    load(knowledge, cache, build)
    assert cache_files(cache) == [], "nothing is written there either"


def test_a_file_or_folder_of_another_user_is_refused(
    knowledge: Path,
    cache: Path,
    warnings: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    monkeypatch.setattr(enginecache, "current_user", lambda: os.geteuid() + 1)
    load(knowledge, cache, build)
    assert build.count == 2
    assert "belongs to uid" in warnings.text


def test_a_file_of_another_user_in_our_folder_is_refused(
    knowledge: Path,
    cache: Path,
    warnings: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build = Builds(knowledge)
    load(knowledge, cache, build)
    (stored,) = cache_files(cache)
    ours = os.geteuid()
    real_status = enginecache._trusted_status

    def as_if_another_user_wrote_it(status: os.stat_result, path: Path, *, folder: bool) -> bool:
        if not folder:
            fields = list(status)
            fields[4] = ours + 1  # st_uid
            status = os.stat_result(fields)
        return real_status(status, path, folder=folder)

    monkeypatch.setattr(enginecache, "_trusted_status", as_if_another_user_wrote_it)
    load(knowledge, cache, build)
    assert build.count == 2
    assert f"belongs to uid {ours + 1}" in warnings.text
    assert stored.exists()


# --- failures to write ------------------------------------------------------------------------


def test_a_cache_folder_that_cannot_be_made_does_not_fail_the_load(
    knowledge: Path, tmp_path: Path, warnings: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for cache in (blocker, blocker / "cache"):
        assert FaqEngine.load(knowledge, cache_dir=cache).knowledge.entries
        assert load_faq_engine(knowledge, cache).knowledge.entries
    assert "going on without caching" in warnings.text


def test_a_cache_folder_inside_the_knowledge_folder_is_not_used(
    knowledge: Path, warnings: pytest.LogCaptureFixture
) -> None:
    cache = knowledge / "cache"
    assert FaqEngine.load(knowledge, cache_dir=cache).knowledge.entries
    assert not cache.exists()
    assert "inside the knowledge folder" in warnings.text


def test_a_full_disk_does_not_fail_the_load(
    knowledge: Path,
    cache: Path,
    warnings: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(enginecache.os, "fsync", disk_full)
    assert FaqEngine.load(knowledge, cache_dir=cache).knowledge.entries
    assert len(warnings.records) == 1
    assert "No space left on device" in warnings.text
    assert list(cache.iterdir()) == [], "the temporary file is removed"


def test_an_engine_that_cannot_be_pickled_is_served_all_the_same(
    knowledge: Path, cache: Path, warnings: pytest.LogCaptureFixture
) -> None:
    def build() -> FaqEngine:
        engine = FaqEngine.load(knowledge)
        engine.unpicklable = lambda: None  # type: ignore[attr-defined]
        return engine

    assert load(knowledge, cache, build).knowledge.entries
    assert "cannot store" in warnings.text
    assert list(cache.iterdir()) == []


# --- pruning ----------------------------------------------------------------------------------


def test_only_the_most_recently_used_files_are_kept(knowledge: Path, cache: Path) -> None:
    build = Builds(knowledge)
    variants = [dataclasses.replace(SETTINGS, max_candidates=n) for n in range(30, 35)]
    for settings in variants:
        load(knowledge, cache, build, settings=settings)
        for stored in cache_files(cache):  # all 10 s older, so the next one stored is newest
            older = stored.stat().st_mtime - 10
            os.utime(stored, (older, older))
    assert len(cache_files(cache)) == enginecache.KEEP
    assert build.count == 5
    load(knowledge, cache, build, settings=variants[2])  # the oldest kept, used again
    assert build.count == 5
    load(knowledge, cache, build, settings=variants[0])  # stored again: one must go
    assert build.count == 6
    assert len(cache_files(cache)) == enginecache.KEEP
    load(knowledge, cache, build, settings=variants[2])
    assert build.count == 6, "variant 2 was used most recently, so it was kept"
    load(knowledge, cache, build, settings=variants[3])
    assert build.count == 7, "variant 3, used least recently, was pruned"


def test_temporary_files_left_by_a_dead_write_are_removed(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    dead = cache / ".engine-dead.tmp"
    young = cache / ".engine-young.tmp"
    for path in (dead, young):
        path.write_bytes(b"partial")
    os.utime(dead, (1_000_000, 1_000_000))
    enginecache.prune(cache)
    assert not dead.exists()
    assert young.exists()


def test_a_last_good_record_goes_with_its_engine(knowledge: Path, cache: Path) -> None:
    build = Builds(knowledge)
    variants = [dataclasses.replace(SETTINGS, max_candidates=n) for n in range(30, 35)]
    for settings in variants:  # each its own last-good record, for other settings
        load(knowledge, cache, build, level="full", settings=settings)
        for stored in [*cache_files(cache), *cache.glob("last-good-*")]:
            older = stored.stat().st_mtime - 10
            os.utime(stored, (older, older))
    assert len(cache_files(cache)) == enginecache.KEEP
    assert len(list(cache.glob("last-good-*"))) == enginecache.KEEP
    assert enginecache.last_good(cache, knowledge, variants[-1]) is not None
    assert enginecache.last_good(cache, knowledge, variants[0]) is None  # its engine was pruned
