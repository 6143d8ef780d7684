"""An interviewer as typed: 'Name, Title' or 'Name (Title)', brackets of a name kept."""

from __future__ import annotations

import pytest

from nextround.domain.contacts import ContactRole, role_for_title
from nextround.domain.interviewer_names import read_interviewer
from nextround.domain.journey import Interviewer


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Maya Lindgren", Interviewer("Maya Lindgren")),
        (" Jonas , Director, Operations ", Interviewer("Jonas", "Director, Operations")),
        ("Ana Silva (Engineering Manager)", Interviewer("Ana Silva", "Engineering Manager")),
        ("Riley Chen (Tech Recruiter)", Interviewer("Riley Chen", "Tech Recruiter")),
        ("Dana Ruiz ( CTO )", Interviewer("Dana Ruiz", "CTO")),
        ("Sam Lee (Talent Acquisition)", Interviewer("Sam Lee", "Talent Acquisition")),
        # Brackets that are part of a name stay in it.
        ("Li (Lily) Wang", Interviewer("Li (Lily) Wang")),
        ("Lily Wang (Lily)", Interviewer("Lily Wang (Lily)")),
        ("Ana Silva (she/her)", Interviewer("Ana Silva (she/her)")),
        # A comma says where the title is; brackets after it are the title's.
        ("Li (Lily) Wang, SRE (Payments)", Interviewer("Li (Lily) Wang", "SRE (Payments)")),
    ],
)  # fmt: skip
def test_an_interviewer_is_read_as_typed(typed: str, read: Interviewer) -> None:
    assert read_interviewer(typed) == read


def test_a_bracketed_recruiting_title_makes_a_recruiter_as_a_comma_does() -> None:
    bracketed = read_interviewer("Riley Chen (Technical Recruiter)")
    assert role_for_title(bracketed.title) is ContactRole.RECRUITER
    assert bracketed == read_interviewer("Riley Chen, Technical Recruiter")
