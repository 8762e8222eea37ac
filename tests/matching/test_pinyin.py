"""Chinese typed as pinyin is read back into the knowledge base's Chinese."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from outcomes import outcome

from bot.faq import FaqEngine
from bot.matching.pinyin import PinyinReader


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("alphaess de zongbu zai nali", "alphaess-headquarters"),
        ("haiwai boshi huodong shi shenme shihou", "doctoral-event-date"),
        ("rencai xiangmu you duoshao ge", "talent-projects-funding"),
        ("tongzhou gaoxin qiye 有几家", "talent-projects-outcomes"),
    ],
)
def test_a_question_in_pinyin_is_answered(shipped: FaqEngine, question: str, entry_id: str) -> None:
    assert outcome(shipped, question) == ("answer", entry_id)


def test_pinyin_is_read_as_the_knowledge_bases_chinese(shipped: FaqEngine) -> None:
    reader = PinyinReader(shipped.knowledge)
    assert reader.read("alphaess zuo shenme de") == "alphaess 做什么的"
    assert reader.read("tongzhou zai nar") == "tongzhou 在哪儿"  # the spoken -r is 儿
    # no space is left between Chinese words: a space splits a Chinese question in two
    assert reader.read("gaoxin qiye 有多少家") == "高新企业有多少家"
    assert reader.read("tongzhou fangjia duoshao") == "tongzhou 房价多少"
    # a synonym in pinyin ("rencai" beside 人才) is read with the words around it
    assert reader.read("rencai zhandian 建在哪") == "人才站点建在哪"


@pytest.mark.parametrize(
    "question",
    [
        "where is tongzhou",  # words the knowledge base uses in English
        "is tongzhou in hebei or jiangsu?",  # places under their English names
        "is there any support for women?",  # one English word that sounds like 我们
        "ma",  # one syllable alone
        "通州在哪",  # no Latin letters at all
    ],
)
def test_english_and_chinese_are_left_as_typed(shipped: FaqEngine, question: str) -> None:
    assert PinyinReader(shipped.knowledge).read(question) == question


def test_the_table_is_built_only_for_a_question_that_may_hold_pinyin(shipped: FaqEngine) -> None:
    reader = PinyinReader(shipped.knowledge)
    reader.read("where is tongzhou")
    reader.read("通州在哪")
    assert reader._table is None
    reader.read("tongzhou zai nali")
    assert reader._table is not None


@pytest.mark.parametrize(
    "question", ["tongzhou fangjia duoshao", "nantong jichang zai nali", "zhufang butie you ma"]
)
def test_what_the_sources_lack_is_declined_in_pinyin_too(shipped: FaqEngine, question: str) -> None:
    assert outcome(shipped, question)[0] != "answer"


def test_the_pinyin_dictionaries_are_kept_out_of_the_collectors_sight() -> None:
    # Loaded on the first question with Latin words: some 190,000 lists that every full
    # collection would otherwise walk again, for the life of the process.
    code = (
        "import gc\n"
        "from bot.faq import FaqEngine\n"
        "engine = FaqEngine.load()\n"
        "engine.ask('tongzhou zai nali')\n"
        "engine.ask('where is tongzhou')\n"
        "print(len(gc.get_objects()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
        check=True,
    )
    assert int(result.stdout) < 20_000
