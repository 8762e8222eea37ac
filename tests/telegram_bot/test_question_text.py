"""Handler helpers that need no running bot."""

from __future__ import annotations

from bot.telegram_bot.handlers import MAX_QUESTION_CHARS, question_text


def test_question_text_drops_the_mention_and_caps_the_length() -> None:
    assert question_text("@TalentBot  what is   policy 3.0?", "TalentBot") == "what is policy 3.0?"
    assert question_text("@talentbot hi @other", "TalentBot") == "hi @other"
    assert question_text("@TalentBot", "TalentBot") == ""
    assert len(question_text("x " * 10_000, "TalentBot")) == MAX_QUESTION_CHARS
