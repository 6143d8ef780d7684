"""Reading a STAR story from a file: plain labels, Markdown headings and bold labels."""

from __future__ import annotations

import pytest

from nextround.domain.story_text import read_star_text
from nextround.errors import InvalidInputError

PARTS = {
    "title": "T",
    "situation": "S",
    "task": "Tk",
    "action": "I mapped 31 steps.",
    "result": "4 weeks.",
}


def test_a_markdown_story_file_reads_its_heading_as_the_title() -> None:
    text = (
        "# Carrier onboarding\n\n## Situation\nForty carriers waited.\n\n"
        "## Action\nI split them into waves.\n\nResult: Onboarding took 4 weeks, not 9.\n"
    )
    assert read_star_text(text) == {
        "title": "Carrier onboarding",
        "situation": "Forty carriers waited.",
        "action": "I split them into waves.",
        "result": "Onboarding took 4 weeks, not 9.",
    }


@pytest.mark.parametrize(
    "action",
    [
        "**Action:** I mapped 31 steps.",
        "**Action**: I mapped 31 steps.",
        "__Action:__ I mapped 31 steps.",
        "__Action__: I mapped 31 steps.",
        "## Action: I mapped 31 steps.",
        "### **Action**\nI mapped 31 steps.",
        "**Action:**\nI mapped 31 steps.",
        "**Actions**\nI mapped 31 steps.",
        "ACTION: I mapped 31 steps.",
    ],
)
def test_bold_and_heading_labels_start_a_part_like_plain_ones(action: str) -> None:
    # The tester's file: plain labels first, then Markdown bold ones. The bold ones used to
    # be filed under the task, leaving action and result empty.
    text = f"Title: T\nSituation: S\nTask: Tk\n{action}\n**Result:** 4 weeks.\n"
    assert read_star_text(text) == PARTS


def test_a_file_with_only_bold_labels_is_read() -> None:
    text = "**Title:** T\n**Situation:** S\n**Task:** Tk\n**Action:** I mapped 31 steps.\n"
    assert read_star_text(text + "__Result:__ 4 weeks.") == PARTS


def test_bold_words_opening_a_sentence_and_plain_colons_stay_in_the_part() -> None:
    text = (
        "Title: T\nAction: I did three things:\n**First** I mapped the steps.\n"
        "Note: the team agreed.\nResult: 4 weeks."
    )
    assert read_star_text(text)["action"] == (
        "I did three things:\n**First** I mapped the steps.\nNote: the team agreed."
    )


def test_a_deeper_heading_inside_a_part_is_its_text() -> None:
    text = "# T\n## Action\n### Week 1\nI mapped it.\n## Result\n4 weeks."
    assert read_star_text(text)["action"] == "### Week 1\nI mapped it."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A heading that names no part is refused, not filed under the part above it.
        ("Title: T\nResult: 4 weeks.\n## Lessons\nAsk early.", r"line 3 \('## Lessons'\) heads"),
        ("Title: T\nResult: 4 weeks.\n**Lessons:**\nAsk early.", r"line 3 .* not a story part"),
        ("# T\n## Action\nI did it.\n## Notes\nx", r"line 4 \('## Notes'\) heads a section"),
        # Text before the first part would otherwise be dropped without a word.
        ("Some notes first\nSituation: S", r"line 1 \('Some notes first'\) comes before any"),
        ("Action: A\nAction: B", r"line 2 \('Action: B'\) starts the action a second time"),
        # Still refused: a text with no part at all.
        ("Just some notes about a project.\n", r"found no story parts in the file"),
    ],
)
def test_what_cannot_be_placed_is_refused_with_the_line(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        read_star_text(text)


def test_labels_inside_one_paragraph_start_their_parts_when_once_and_in_order() -> None:
    # QA16 Q9: one pasted paragraph put everything in the situation (score 5%).
    text = (
        "Situation: Our Lyon hub missed 12% of slots. Task: I had to recover them. "
        "**Action:** I mapped the 14 stakeholders. Result: On-time went from 88% to 97.5%."
    )
    assert read_star_text(text) == {
        "situation": "Our Lyon hub missed 12% of slots.",
        "task": "I had to recover them.",
        "action": "I mapped the 14 stakeholders.",
        "result": "On-time went from 88% to 97.5%.",
    }
    # Out of order, or a label not at a sentence start: the line stays as written.
    assert read_star_text("Situation: x. Result: y. Task: z.") == {
        "situation": "x. Result: y. Task: z."
    }
    assert read_star_text("Situation: the move, Task: none.") == {
        "situation": "the move, Task: none."
    }
