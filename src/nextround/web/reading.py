"""The card that reads feedback mapped on another framework on the one in use, with progress."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.services.framework_reading import ReadElsewhere, read_elsewhere
from nextround.services.ports import GrowthUnitOfWork

#: How the web reads feedback on the framework in use, as a framework's deletion names it.
READ_AGAIN = "“Read my feedback” on the Frameworks page"

#: Pages the card sends the user back to once the reading is done.
BACK_TO = ("/frameworks", "/profile")


@dataclass(frozen=True)
class ReadingCard:
    """What the card shows: what is on other frameworks, or how far the reading has got."""

    framework_id: str
    framework_name: str
    elsewhere: ReadElsewhere
    back: str
    #: Progress units done and in all, once reading has started (0 of 0 before).
    done: int = 0
    total: int = 0
    #: The frameworks it was mapped on when reading started, named as ``other_names``.
    others: str = ""

    @property
    def other_names(self) -> str:
        """The frameworks the feedback is mapped on, by name."""
        on = self.elsewhere.statements or self.elsewhere.questions
        names = [self.elsewhere.names.get(f, f) for f in on]
        if self.others or not names:
            return self.others or "another framework"
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def reading_card(
    uow: GrowthUnitOfWork, back: str, elsewhere: ReadElsewhere | None = None
) -> ReadingCard | None:
    """The card for the framework in use; None when nothing is mapped elsewhere only.

    Nothing: no feedback, nor any question logged in a debrief. ``elsewhere`` is what
    read_elsewhere gave, when the caller has it already.
    """
    framework = uow.frameworks.get(uow.frameworks.in_use())
    elsewhere = elsewhere or read_elsewhere(uow, framework.id)
    if not elsewhere.to_read and not elsewhere.to_map:
        return None
    return ReadingCard(framework.id, framework.name, elsewhere, back_to(back))


def back_to(page: str | None) -> str:
    """The page to go back to: one the card is on, never an address from elsewhere."""
    return page if page in BACK_TO else BACK_TO[0]
