"""A pasted review's headings and form fields: no statements, listed under their own name."""

import re

from nextround.analysis.document_labels import HEADING_OR_LABEL
from nextround.analysis.not_feedback import read_around
from nextround.analysis.statements import split_statements

# QA16 Q12: the opening of a markdown review exported from an HR tool.
REVIEW = """# Annual Performance Review 2025 — Ines Moreau

**Reviewer:** Paul Girard, VP Operations
**Period:** Jan–Dec 2025

## 1. Delivery and execution (part 3)

- **Excellent** delivery of the WMS rollout across __six__ sites.
- Occasionally over-plans: some milestones had more detail than needed.

Manager: she should push back more firmly when senior stakeholders change scope late.
"""


def test_form_fields_are_no_statements():
    texts = [s.text for s in split_statements(REVIEW)]
    assert not any("Reviewer" in t or "Period" in t or "Paul Girard" in t for t in texts)
    # A label whose value is a judgement is still read.
    assert any(t.startswith("she should push back") for t in texts)


def test_headings_and_fields_are_listed_as_headings_and_labels_not_as_courtesy():
    statements = split_statements(REVIEW)
    usual, asides = read_around(REVIEW, [(s.start, s.end) for s in statements])
    assert usual == []
    listed = [a.text for a in asides if a.reason == HEADING_OR_LABEL]
    assert listed == [
        "Annual Performance Review 2025 — Ines Moreau",
        "Reviewer: Paul Girard, VP Operations",
        "Period: Jan–Dec 2025",
        "1. Delivery and execution (part 3)",
    ]


def test_a_heading_still_heads_the_lines_under_it():
    first = split_statements(REVIEW)[0]
    assert first.heading == "1. Delivery and execution (part 3)"


def test_emphasis_is_dropped_from_the_quoted_statement_and_the_offsets_keep_to_its_words():
    first = split_statements(REVIEW)[0]
    assert first.text == "Excellent delivery of the WMS rollout across six sites."
    raw = REVIEW[first.start : first.end]
    assert raw.startswith("Excellent") and raw.endswith("sites.")
    assert re.sub(r"\*\*|__", "", raw) == first.text


def test_the_kind_is_named_headings_and_labels():
    from nextround.analysis.not_feedback import left_out_kinds

    statements = split_statements(REVIEW)
    usual, asides = read_around(REVIEW, [(s.start, s.end) for s in statements])
    assert left_out_kinds(usual, asides) == "headings and labels"
