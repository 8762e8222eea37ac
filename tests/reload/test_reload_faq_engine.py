"""Hot reload with the real FAQ engine on a copy of the shipped knowledge folder."""

from __future__ import annotations

from pathlib import Path

from bot.commands.check import check_folder, format_problems
from bot.faq import FaqEngine
from bot.reload import EngineHolder, faq_engine_holder

OLD = "Tongzhou is a district of Nantong, in Jiangsu province."
NEW = "Tongzhou is a district of the city of Nantong, in Jiangsu province."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def answer(holder: EngineHolder[FaqEngine]) -> str:
    reply = holder.engine.ask("Where is Tongzhou?")
    assert reply.kind == "answer"
    return reply.text


async def test_a_valid_edit_changes_the_answer(knowledge: Path) -> None:
    holder = faq_engine_holder(knowledge)
    assert answer(holder) == OLD
    edit(knowledge / "tongzhou.yaml", OLD, NEW)
    result = await holder.reload()
    assert result.ok, result.summary()
    assert answer(holder) == NEW


async def test_a_broken_edit_keeps_answering_and_reports_like_check(knowledge: Path) -> None:
    holder = faq_engine_holder(knowledge)
    before = holder.engine
    edit(knowledge / "tongzhou.yaml", OLD, NEW)
    edit(knowledge / "tongzhou.yaml", "review_by: 2027-06-30", "review_by: someday")
    result = await holder.reload()
    assert not result.ok
    assert holder.engine is before
    assert answer(holder) == OLD
    expected = format_problems(check_folder(knowledge).errors)
    assert list(result.errors) == expected
    assert expected
    assert all(line.startswith("tongzhou.yaml:") for line in expected)
    line, column = expected[0].split(":")[1:3]
    assert int(line) > 0
    assert int(column) > 0


async def test_a_deleted_smalltalk_file_is_refused_and_greetings_still_answered(
    knowledge: Path,
) -> None:
    holder = faq_engine_holder(knowledge)
    (knowledge / "smalltalk.yaml").unlink()
    result = await holder.reload()
    assert not result.ok
    assert [line.split(":")[0] for line in result.errors] == ["smalltalk.yaml"]
    assert holder.engine.ask("hello").kind == "smalltalk"
