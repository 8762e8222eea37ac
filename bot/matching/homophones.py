"""Chinese typed by voice or by pinyin input, where the wrong one of two homophones was picked.

"总部再哪里" is "总部在哪里": 再 (again) and 在 (at) are both zai. Only a slip that cannot be
read as written is mended: 再 before a place or a "where" is no "again" ("再哪里办" is still
"where", "再去南通" is "go to Nantong again").
"""

from __future__ import annotations

import re

# 再 right before 哪 (where, which) or a place the sources name: "again" goes before a verb
# ("再去南通"), so there it is "at". Right after a verb of going it is left as typed.
_AGAIN_FOR_AT = re.compile("(?<![去来回到])再(?=哪|那里|那儿|南通|通州|江苏|北京|高新|开发区|园区)")


def mend_homophone_slips(text: str) -> str:
    if "再" not in text:
        return text
    return _AGAIN_FOR_AT.sub("在", text)
