"""Written Cantonese read as Mandarin, so "AlphaESS 係做咩行業㗎" meets "AlphaESS是做什么行业的".

The knowledge base's Chinese is Mandarin. Cantonese writes the same questions with its own
function words (係, 咩, 嘅, 邊, 點, 嚟 ...), which would otherwise be unseen words counting
against an answer. Only words that are Cantonese, or Cantonese in the place they stand, are
rewritten: 系 stays in 关系 and 系统, 边 in 旁边, 点 in 地点, 间 in 时间. The text is
normalised first (simplified characters, lower case), so the table is in simplified form.
"""

from __future__ import annotations

import re

# Longest first where one is the start of another; each maps to its Mandarin reading.
_WORDS = {
    "系唔系": "是不是",
    "系咪": "是不是",
    "系咩": "是什么",
    "系乜": "是什么",
    "系点": "是怎样",
    "点样": "怎么样",
    "点解": "为什么",
    "点睇": "怎么看",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "做嘢": "上班",
    "机械人": "机器人",
    "嘢": "东西",
    "返嚟": "来",
    "仲会": "还会",
    "入嚟": "进来",
    "张相": "照片",
    "影嘅": "拍的",
    "边日": "哪天",
    "睇返": "看",
    "咩": "什么",
    "乜": "什么",
    "嘅": "的",
    "嚟": "来",
    "喺": "在",
    "唔": "不",
    "冇": "没有",
    "佢哋": "他们",
    "佢": "他",
    "哋": "们",
    "咗": "了",
    "嗰": "那",
    "𠮶": "那",  # 嗰 as the simplification step writes it
    "啲": "些",
    "咁": "这么",
    "睇": "看",
    "畀": "给",
    "揾": "找",
    "几多": "多少",
    "边度": "哪里",
    "喺边度": "在哪里",
    "喺边": "在哪",
    "而家": "现在",
    "成点": "成怎样",
    "边个市": "哪个市",
    "边个省": "哪个省",
    "边个区": "哪个区",
    "边个": "谁",
    "边几日": "哪几天",
    "几日": "几天",
    "两日": "两天",
    "㗎": "",
    "啩": "",
    "噃": "",
}
_WORD = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
# 系 as the verb "to be": not inside the Mandarin words that use it (关系, 系统, 院系 ...).
_TO_BE = re.compile("(?<![关联体院派直星语水父母])系(?![统列数])")
# 边 as "which", before a measure word, a number or a noun it asks about (边间公司, 边两日).
_WHICH = re.compile("边(?=[间位种类样处年天日次家些两几一篇条])")
# 间 as the measure word for companies, after a number ("30间子公司", "几间").
_MEASURE = re.compile(r"(?<=[\d几多少两一二三四五六七八九十百这哪])间")
# 呢 as "this", before a measure word (呢间公司, 呢篇文章), not the Mandarin particle.
_THIS = re.compile("呢(?=[间个篇啲些位种样次场家])")
# Characters only Cantonese writes. A text without one is Mandarin and is left as it is: the
# words above that share Mandarin characters (系, 边, 点, 几, 间) would misread it ("重点解决",
# "旁边一家", "中文系").
# 边 asking "which" before 度, 个, 类, 种, 样, 篇 or 间 is Cantonese too ("通州最重视边类人才"),
# where no Mandarin word ends in 边 (旁边, 这边, 左右两边 ...).
_CANTONESE = re.compile(
    "[咩乜嘅嚟喺唔冇佢哋咗嗰𠮶啲咁咪睇畀揾㗎啩噃嘢]"
    "|(?<![旁这那两左右身周半东南西北里外上下前后一海岸路河江手湖池街桥床窗门溪山多天])边(?=[度个类种样篇间])"
)


def to_mandarin(text: str) -> str:
    """``text`` with its Cantonese function words replaced by their Mandarin readings."""
    if _CANTONESE.search(text) is None:
        return text
    text = _WORD.sub(lambda found: _WORDS[found.group()], text)
    text = _TO_BE.sub("是", text)
    text = _WHICH.sub("哪", text)
    text = _THIS.sub("这", text)
    return _MEASURE.sub("家", text)
