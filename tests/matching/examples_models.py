"""Small example models shared by the tests of the examples' readings and of the decision."""

from __future__ import annotations

from bot.knowledge.model import Example, Position
from bot.matching.examples import ExampleModel
from bot.matching.settings import MatchSettings

HERE = Position("examples/asked.yaml", 1, 1)


def labelled(*pairs: tuple[str, str]) -> list[Example]:
    return [Example(question, label, HERE) for question, label in pairs]


FERRY_EXAMPLES = labelled(
    ("where does the ferry leave from", "ferry-pier"),
    ("ferry pier location", "ferry-pier"),
    ("which dock for the boat", "ferry-pier"),
    ("when does the museum open", "museum-hours"),
    ("museum opening times", "museum-hours"),
    ("how much is a ferry ticket", "decline"),
    ("ferry ticket price", "decline"),
    ("hello there", "smalltalk"),
)
FERRY = ExampleModel(FERRY_EXAMPLES)
SMALL_TALK = labelled(
    ("hello", "greeting"),
    ("good morning", "greeting"),
    ("thanks a lot", "thanks"),
    ("many thanks", "thanks"),
    ("谢谢", "thanks"),
)
CHATTY = ExampleModel(
    [
        *FERRY_EXAMPLES,
        *labelled(
            ("hi there, anyone around", "smalltalk"),
            ("cheers, thanks so much", "smalltalk"),
        ),
    ],
    SMALL_TALK,
)
# Thresholds a model of eight examples can reach; the shipped defaults need thousands.
LAX = MatchSettings(
    example_probability=0.5,
    example_entry_over_declined=0.0,
    example_entry_over_declined_asking_beyond=0.0,
    example_answerable_per_piece=0.0,
    example_margin=5.0,
    example_smalltalk_probability=0.5,
    example_smalltalk_kind_probability=0.5,
    example_decline_probability=0.5,
    example_swap_probability=0.5,
    example_doubted_below=0.0,  # off, as the next: their own tests turn them on
    example_near_declined_below=0.0,
)
