"""What a question is made of, as the matcher reads it: the units the knowledge base knows and
does not, and what the question asks for."""

from __future__ import annotations

from dataclasses import dataclass, field

# Question kinds only an entry with a phrasing of that kind answers (see KbIndex.answers_kind).
WHERE = "?where"
WHY = "?why"
DO = "?do"
# ... and whether events are held at all (see bot/matching/analysis.py)
EVENTS_HELD = "?events"
# The canonical token, stemmed, of the purpose synonyms ("purpose", "point", "goal", 目的).
PURPOSE = "purpos"


@dataclass
class QueryUnits:
    """The question's content units, sorted into those the knowledge base knows and not."""

    known: dict[str, float] = field(default_factory=dict)  # unit -> IDF weight
    unknown: dict[str, float] = field(default_factory=dict)  # unit -> weight
    counting: bool = False  # asks how many
    dating: bool = False  # asks when
    asking_day: bool = False  # asks for the day itself, not only the year or month
    listing: bool = False  # asks for a list of names
    listed: str | None = None  # of what, where it says so ("list the events": "event")
    greeting: bool = False  # it contains small-talk words ("hi", "谢谢")
    confirming: bool = False  # it offers a fact to check ("it was 500 projects, right?")
    locating: bool = False  # it asks where ("where is", "it is in Suzhou, right?")
    coming: bool = False  # its asking clause asks for a gathering still to come ("next event")
    # Chinese places it offers for checking, subject words in them a guess ("人才枢纽设在大学吗")
    places_offered: tuple[str, ...] = ()
    counted: frozenset[str] = frozenset()  # what it asks the number of ("talent hubs")
    included: frozenset[str] = frozenset()  # what the count takes in too ("incl locals")
    dates: frozenset[str] = frozenset()  # numbers that are days or months ("march 26")
    # rough figures offered ("like 50 countries?"), each with what it counts ("countri"), or ""
    guessed: dict[str, str] = field(default_factory=dict)
    # figures a yes-or-no question offers ("was it 1 billion yuan?"), each with what it counts
    offered: dict[str, str] = field(default_factory=dict)
    # unit -> the units on the other side of an "or" ("subsidies or services")
    alternatives: dict[str, frozenset[str]] = field(default_factory=dict)
