"""Whether a question asks for the web address of something other than what holds one.

The knowledge base may give one web address (the source article's site). "alphaess website?",
"link to policy 3.0" and "人才新政3.0的官网链接有吗" ask for the address of a company or a
policy, which no entry gives: the entry about policy 3.0 says what the policy is, and the entry
with the site gives the article's. "link to the original story", "原文链接", "which website did
this come from" and "their website says 'global' ..." ask for no other address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.matching.index import KbIndex

# English words whose units stand for a web address, read through the knowledge base's
# synonyms (官网, 网址, url, site ...)
WEB_WORDS = ("website", "link")

_ADDRESS_WORDS = frozenset(str.split("website websites homepage link links url urls"))
# "site" alone may be a place ("alphaess's site", "a site visit"), "page" a page of a report
_QUALIFIED = {"site": frozenset(("web", "official")), "page": frozenset(("home", "web"))}
_LINKING = frozenset(str.split("for of to"))
_LINK = frozenset(("link", "links"))
_JOINING = frozenset((("to",), ("with",), ("up",)))
_BEFORE_A_LINK = frozenset(str.split("the a an any their its official direct web download"))
_SAYING = frozenset(str.split("says said say claims claimed states stated shows showed lists"))
# Where the phrase naming whose address it is stops
_PHRASE_ENDS = frozenset(
    str.split(
        "where what which who when how why pls please plz thanks is are was do does did "
        "and or n if so in on from want wants need needs got get give send"
    )
)
_NOT_A_NAME = frozenset(
    str.split("the a an official english chinese s your their its this that home web")
)
_ORIGINAL = frozenset(str.split("original source sources"))
# (链接 inside 产业链接近, 链接下来 is no link)
_CHINESE_ADDRESS = re.compile(
    r"([\u4e00-\u9fffa-z0-9.]{1,12}?)的?(?:官方网站|官网|网站|网址|(?<!业)链接(?![近纳连续下]))"
)

_PEOPLE = re.compile("[我你他她]")
# "AlphaESS官网上说总部在南通": what the site says
_CHINESE_SAYING = re.compile("[上里]?(?:说|說|写|寫|显示|顯示|提到|称|稱)")


def whose_address(surface: Sequence[str], typed: str) -> str:
    """The words naming whose web address is asked for: "alphaess" in "alphaess website?" and
    "link to policy 3.0", "人才新政3.0" in "人才新政3.0的官网" ("" when none is named)."""
    for at, word in enumerate(surface):
        # "site" after "web" or "official", "page" after "home" ("homepage" reads "home page")
        after = _QUALIFIED.get(word)
        is_address = word in _ADDRESS_WORDS or bool(
            after and surface[at - 1 : at] and surface[at - 1] in after
        )
        # "alphaess website says they're in 120 countries": the site is where a claim was read
        if not is_address or (surface[at + 1 : at + 2] and surface[at + 1] in _SAYING):
            continue
        # "how does the event link to policy 3.0": a verb, not an address ("full text link?",
        # "the link to policy 3.0" are addresses)
        if (
            word in _LINK
            and at
            and surface[at - 1] not in _BEFORE_A_LINK
            and surface[at + 1 : at + 2] in _JOINING
        ):
            continue
        if surface[at + 1 : at + 2] and surface[at + 1] in _LINKING:
            named = []
            for following in surface[at + 2 : at + 6]:
                if following in _PHRASE_ENDS:
                    break
                named.append(following)
        else:
            named = []
            for before in reversed(surface[max(0, at - 4) : at]):
                if before in _PHRASE_ENDS:
                    break
                named.insert(0, before)
        named = [word for word in named if word not in _NOT_A_NAME]
        # "link to the original story": the source's own address
        if not _ORIGINAL.isdisjoint(named):
            return ""
        if named:
            return " ".join(named)
    # Every Chinese word for an address holds 网 or 链: without them the pattern, which tries a
    # name of up to 12 characters at every position, cannot match (and costs most on long text).
    if "网" not in typed and "链" not in typed:
        return ""
    found = _CHINESE_ADDRESS.search(typed)
    if found is not None and _CHINESE_SAYING.match(typed, found.end()):
        return ""
    if found is None:
        return ""
    # "请给我人才新政3.0的官网": whose, after the people; "hr发我个链接": a link someone sent
    return _PEOPLE.split(found.group(1))[-1].lstrip("个")


class AddressHolders:
    """What the entries giving a web address speak of, worked out once per index."""

    def __init__(self, index: KbIndex, words_of: Callable[[str], tuple[str, ...]]) -> None:
        self.web = frozenset(unit for word in WEB_WORDS for unit in words_of(word))
        holders = [units for units in index.entry_units if not units.isdisjoint(self.web)]
        others = [units for units in index.entry_units if units.isdisjoint(self.web)]
        self.held: frozenset[str] = frozenset().union(*holders)
        self.held_only = self.held - frozenset().union(*others)
        self._vocabulary = index.vocabulary

    def asks_for_another(self, named: tuple[str, ...]) -> bool:
        """The ``named`` units (whose address is asked for) include one the entries giving an
        address never speak of but another entry does, and none only they speak of ("原文",
        "original story"). A name no entry knows ("the outlet") says nothing either way."""
        subjects = {
            unit
            for unit in named
            if unit not in self.web and not unit.startswith("?") and unit in self._vocabulary
        }
        if not subjects or not self.held or not self.held_only.isdisjoint(subjects):
            return False
        return not subjects <= self.held
