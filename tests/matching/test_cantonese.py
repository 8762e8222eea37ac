"""Written Cantonese is read as Mandarin, and Mandarin words that share its characters are not."""

from __future__ import annotations

import pytest

from bot.faq import FaqEngine
from bot.matching.cantonese import to_mandarin
from bot.matching.normalise import normalise


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("alphaess 系做咩行业㗎", "alphaess 是做什么行业"),
        ("啲英国专家系边几日嚟通州嘅", "些英国专家是哪几天来通州的"),
        ("通州对人才嘅态度系点", "通州对人才的态度是怎样"),
        ("佢哋喺边度", "他们在哪里"),
        ("30间子公司叫咩名", "30家子公司叫什么名"),
        ("点解通州咁重视人才", "为什么通州这么重视人才"),
        ("系咪3月", "是不是3月"),
        ("通州喺边", "通州在哪"),
        ("通州喺边度", "通州在哪里"),
        ("啲人才项目而家发展成点", "些人才项目现在发展成怎样"),
        # 边 asking "which" is Cantonese even where no other character says so.
        ("通州最重视边类人才", "通州最重视哪类人才"),
    ],
)
def test_cantonese_function_words_become_mandarin(cantonese: str, mandarin: str) -> None:
    assert to_mandarin(cantonese) == mandarin


@pytest.mark.parametrize(
    "mandarin",
    [
        "人才和产业有什么关系",
        "联系电话",
        "学校的院系",
        "系统",
        "旁边",
        "活动地点",
        "什么时间",
        "期间",
        "旁边类似的企业",
        "我喜欢在湖边度假",
        "多边合作",
        "这边个人能申请吗",
    ],
)
def test_mandarin_words_sharing_its_characters_are_left_alone(mandarin: str) -> None:
    assert to_mandarin(mandarin) == mandarin


@pytest.mark.parametrize(
    ("cantonese", "mandarin"),
    [
        ("AlphaESS 係做咩行業㗎", "AlphaESS是做什么行业的"),
        ("啲英國專家係邊幾日嚟通州嘅", "英国专家是哪几天来通州的"),
        ("AlphaESS總部喺邊度", "AlphaESS总部在哪里"),
    ],
)
def test_a_cantonese_question_gets_the_mandarin_questions_answer(
    shipped: FaqEngine, cantonese: str, mandarin: str
) -> None:
    heard = shipped.matcher.match(cantonese)
    expected = shipped.matcher.match(mandarin)
    assert heard.kind == expected.kind == "answer"
    assert heard.entry_id == expected.entry_id
    assert heard.lang == "zh"


def test_traditional_cantonese_is_converted_before_it_is_read() -> None:
    assert to_mandarin(normalise("佢哋係邊個")) == "他们是谁"
