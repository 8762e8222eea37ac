"""What a question guesses a subject is all about, or that a group holds.

"Is policy 3.0 basically all cash?" guesses what the policy is about: the entry saying what it
is about corrects the guess, and the words guessed are no evidence for the entry about cash. "Is
new energy storage one of the 10 key chains?" guesses a member of a group: only an entry naming
both can answer, and the chains' entry names none, so the member counts as a subject the sources
lack.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence, Set

from bot.matching.index import KbIndex
from bot.matching.units import QueryUnits

_FOCUS_HEDGES = frozenset(str.split("mainly mostly basically just only all really primarily"))
_FOCUS_ENDS = frozenset(str.split("right correct or isnt is"))
_BEING = frozenset(str.split("is are was were"))


def focus_guessed(surface: tuple[str, ...]) -> tuple[str, ...]:
    """ "policy 3.0 is mainly about handing out cash, right?", "3.0 = just more cash?": what
    the asker guesses something is all about, for the entry saying what it focuses on to
    correct, not a subject of its own. The words after "mainly about" or "just" (no figures:
    "just 400 million?" offers a number, read as such), up to the question's tag."""
    for at, word in enumerate(surface):
        if word not in _FOCUS_HEDGES:
            continue
        start = at + 1 + (surface[at + 1 : at + 2] == ("about",))
        # "is policy 3.0 basically all cash": hedges in a row guess one focus, after the last
        while surface[start : start + 1] and surface[start] in _FOCUS_HEDGES:
            start += 1
        # "is 3.0 basically cash", but "a global player or mostly domestic" offers an option
        if (
            word != "just"
            and surface[at + 1 : at + 2] != ("about",)
            and (_BEING.isdisjoint(surface[:at]) or surface[at - 1 : at] == ("or",))
        ):
            continue
        guessed: list[str] = []
        for following in surface[start : start + 4]:
            if following in _FOCUS_ENDS:
                break
            guessed.append(following)
        if guessed and not any(w[0].isdigit() for w in guessed):
            return tuple(guessed)
    return ()


def wrong_focus(
    guessed: Set[str], known: Set[str], entry_units: Sequence[frozenset[str]]
) -> Set[str]:
    """Of the known units ``guessed`` as what a subject is all about (``focus_guessed``), those
    no entry about the subject (holding every other known unit) uses: "3.0 is mainly about
    cash, right?" is no evidence for the entry about cash; but "the phd event was basically
    about cooperation?" guesses what the event's own entry says."""
    focus = guessed & known
    subject = known - focus
    if not focus or not subject:
        return frozenset()
    about_the_subject = [units for units in entry_units if subject <= units]
    if not about_the_subject or any(focus & units for units in about_the_subject):
        return frozenset()
    return focus


_MEMBER_HEDGES = frozenset(
    str.split("also actually really still counted included just even itself as")
)
_POINTERS = frozenset(str.split("it this that they these those"))
# "is X one of ...", "does X count as one of ...", "was X among ..."
_COUNTING = frozenset(("count", "counts", "counted"))
_BEING_A_MEMBER = _BEING | _COUNTING
_AUXILIARIES = frozenset(str.split("does do did would is are was were"))
_GROUP_OPENINGS = frozenset(str.split("the those these its their"))
# where the group's name ends and a clause about it starts ("the talent projects the district
# brought in", "the chains that tongzhou named", "... or just a normal company")
_GROUP_ENDS = frozenset(str.split("the that which who it they them or and in to"))
_OWNERS = frozenset(str.split("tongzhou tongzhous nantong district districts alphaess"))
_NOT_A_MEMBER = frozenset(str.split("so what which who how"))


def member_guessed(surface: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ "is new energy storage one of the 10 key chains?", "was a prof from oxford among the
    guests": the member the asker guesses a group has, and the group's head noun ("chains";
    none for "one of them"), for only an entry naming both to confirm (the chains' entry names
    none; "is alphaess one of the talent projects" names what the projects' entry does)."""
    for at, pair in enumerate(itertools.pairwise(surface)):
        if pair != ("one", "of") and pair[0] != "among":
            continue
        # "one of my colleagues asked, is biotech one of them": the next "one of" may be it
        being = [n for n in range(max(0, at - 8), at) if surface[n] in _BEING_A_MEMBER]
        if not being:
            continue
        member = [w for w in surface[being[-1] + 1 : at] if w not in _MEMBER_HEDGES]
        # "does textiles count as one of them": the member before "count" ("what counts as
        # one of them" guesses none)
        if not member and surface[being[-1]] in _COUNTING:
            before = surface[max(0, being[-1] - 2) : being[-1]]
            member = [w for w in before if w not in _AUXILIARIES and w not in _NOT_A_MEMBER]
        if not member or not _POINTERS.isdisjoint(member[:1]):
            continue
        # the group after "one of" or "among"
        start = at + (2 if pair == ("one", "of") else 1)
        start += surface[start : start + 1] != () and surface[start] in _GROUP_OPENINGS
        return tuple(member), _head_of_the_group(surface[start:])
    return (), ()


def _head_of_the_group(words: tuple[str, ...]) -> tuple[str, ...]:
    """The group's head noun, the last word before a clause about it ("the chains tongzhou
    identified", "the 5 companies the district supported", "... or just a normal firm"), after
    its owner and describing words ("the district('s) introduced talent projects")."""
    head: tuple[str, ...] = ()
    for word in words:
        if word in _GROUP_ENDS:
            break
        if word in _OWNERS or (word.endswith("ed") and len(word) > 4):
            if head:
                break
            continue
        head = (word,)
    return head


def wrong_member(
    member: Set[str], group: Set[str], known: Set[str], entry_units: Sequence[frozenset[str]]
) -> Set[str]:
    """Of the units of a ``member`` guessed (``member_guessed``), those no entry naming the
    ``group`` uses, when some entry names it; unless an entry about the member shares two
    more of the ``known`` words ("is alphaess one of the talent ventures the district
    attracted": the entry saying it was an attracted talent project)."""
    naming = [units for units in entry_units if group <= units]
    if not group or not naming or any(member & units for units in naming):
        return frozenset()
    others = {unit for unit in known - member if not unit[0].isdigit()}
    if any(member & units and len(others & units) >= 2 for units in entry_units):
        return frozenset()
    return member


def unsay_a_wrong_focus(
    focus: tuple[str, ...],
    units: QueryUnits,
    index: KbIndex,
    words_of: Callable[[str], tuple[str, ...]],
    weight: float,
) -> None:
    """ "3.0 is mainly about cash, right?": of the ``focus`` a question guesses
    (``Guesses.focus``), what no entry about the subject uses (``wrong_focus``) counts as
    unknown, at ``weight``, not as evidence for the entry about it."""
    if not focus:
        return
    guessed = {index.whole(w) for w in words_of(" ".join(focus))}
    _count_as_unknown(wrong_focus(guessed, units.known.keys(), index.entry_units), units, weight)


def unsay_a_wrong_member(
    member: tuple[str, ...],
    group: tuple[str, ...],
    units: QueryUnits,
    index: KbIndex,
    words_of: Callable[[str], tuple[str, ...]],
    weight: float,
) -> None:
    """ "is new energy storage one of the key chains?": a ``member`` guessed
    (``Guesses.member``) that no entry naming the group uses is what the question asks about,
    and the group's entry cannot say: it counts as unknown, at ``weight``, like a subject the
    sources lack (so does one the knowledge base has no word of: "is biotech one of them")."""
    if not member:
        return
    guessed = {index.whole(w) for w in words_of(" ".join(member))}
    named = {index.whole(w) for w in words_of(" ".join(group))} & units.known.keys()
    wrong = (
        wrong_member(guessed & units.known.keys(), named, units.known.keys(), index.entry_units)
        if named
        else wrong_focus(guessed, units.known.keys(), index.entry_units)
    )
    _count_as_unknown(wrong, units, weight)
    # a member the knowledge base has no word for ("is biotech one of them"); "FREng fellows"
    # is read by its known word
    if guessed.isdisjoint(units.known):
        for unit in guessed & units.unknown.keys():
            units.unknown[unit] = max(units.unknown[unit], weight)


def _count_as_unknown(wrong: Set[str], units: QueryUnits, weight: float) -> None:
    for unit in wrong:
        units.known.pop(unit)
        units.unknown[unit] = weight
