"""E-mail cruft around feedback: signatures, dated titles, thanks and decision talk."""

import pytest

from nextround.analysis.left_out import left_out
from nextround.analysis.statement_text import signature_kind
from nextround.analysis.statements import split_statements


def texts(source: str) -> list[str]:
    return [s.text for s in split_statements(source)]


def test_a_signature_after_a_blank_line_following_the_sign_off_is_dropped():
    source = (
        "Hi Sam,\n\nYour risk examples were thin.\n\nBest,\nAl\n\n"
        "Al Brook\nHead of Hiring | Northwind Bank\nal.brook@northwind.example\n+44 20 7946 0000\n"
    )
    assert texts(source) == ["Your risk examples were thin."]


def test_a_bare_name_after_cheers_is_dropped():
    assert texts("Great energy in the panel.\n\nCheers,\nDana\n") == ["Great energy in the panel."]


def test_a_postscript_after_the_signature_is_still_read():
    source = "Strong answers.\n\nThanks,\nAl\n\nPS the panel felt your pricing answer was vague.\n"
    assert texts(source) == ["Strong answers.", "PS the panel felt your pricing answer was vague."]


def test_a_signature_without_a_sign_off_is_dropped_at_the_end():
    source = (
        "The team felt your risk examples were thin.\n\n"
        "Jo Park\nRecruiter | Acme Health\njo.park@acme.example\n"
    )
    assert texts(source) == ["The team felt your risk examples were thin."]


def test_capitalised_notes_at_the_end_are_not_mistaken_for_a_signature():
    # No contact details and no "Job | Company" line: these are feedback notes.
    source = "Overall a good round.\n\nStrong Communicator\nClear Thinker\n"
    assert texts(source) == ["Overall a good round.", "Strong Communicator", "Clear Thinker"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("jo.park@acme.example", "contact"),
        ("Mobile: +44 7700 900123", "contact"),
        ("www.acme.example/careers", "contact"),
        ("Recruiter | Acme Health", "title"),
        ("Director of Operations, Fernhill Logistics", "name"),
        ("Jo Park", "name"),
        ("Your answers were a little long.", None),
        ("the panel liked your data story", None),
    ],
)
def test_signature_kinds(line, kind):
    assert signature_kind(line) == kind


def test_a_dated_title_line_is_not_a_statement():
    source = "Mid-year review, June 2026 (manager: Lee Ortiz)\n\nSam is a dependable lead.\n"
    assert texts(source) == ["Sam is a dependable lead."]
    source = "Call with my mentor, 3 Mar\n\nShe said my updates are too long.\n"
    assert texts(source) == ["She said my updates are too long."]


@pytest.mark.parametrize(
    "title",
    [
        "Annual performance review 2025 - Jo Marsh (Senior Analyst)",
        "Quarterly check-in 2026 — Priya Shah",
        "Peer feedback for Alex",
        "Notes from my call with Dana",
    ],
)
def test_a_title_naming_its_document_or_year_is_not_a_statement(title):
    assert texts(f"{title}\n\nJo is a dependable lead.\n") == ["Jo is a dependable lead."]
    source = f"{title}\n\nJo is a dependable lead.\n"
    assert left_out(source, [(s.start, s.end) for s in split_statements(source)]) == []


def test_a_first_line_that_is_a_sentence_or_has_no_date_stays():
    assert texts("Great call on 3 March.\n\nMore next week.") == [
        "Great call on 3 March.",
        "More next week.",
    ]
    assert texts("Marketing 2026 plan was clear\n\nGood.")[0] == "Marketing 2026 plan was clear"
    assert texts("Great demo on 3 March\n\nMore next week.")[0] == "Great demo on 3 March"
    assert texts("Debrief notes, 3 March") == ["Debrief notes, 3 March"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you so much for taking the time to interview with us for the Senior Analyst "
        "role, and for your patience while we made our decision.",
        "I'm sorry to say that we have decided to move forward with another candidate.",
        "I’m sorry to say that we’ve decided to move forward with another candidate.",
        "Unfortunately we have decided not to progress your application.",
        "It was a really tough call - we had four strong finalists.",
        "I did gather some feedback from the interviewers which I hope is useful.",
        "We'd genuinely love to stay in touch and I'll keep your details on file.",
        "After careful consideration, the hiring panel has decided to move forward with "
        "another candidate for the Head of Customer Success position.",
        "The hiring team went with another candidate for this role.",
        "Having considered your application, we won't be moving forward at this time.",
        "Thanks for your time - we will be in touch next week.",
        "Vielen Dank für Ihre Bewerbung – leider haben wir uns für eine andere Kandidatin "
        "entschieden.",
        "After careful consideration, we have decided to pursue other candidates whose "
        "experience more closely matches our needs.",
        "We have decided to move forward with another candidate whose background is a closer "
        "fit for our current needs.",
        "We decided to hire another candidate whose experience better aligns with what we are "
        "looking for.",
        "After careful consideration we decided to pursue candidates whose skills match the role.",
        "This was a truly difficult decision - you made it to the final round and the whole "
        "team enjoyed meeting you.",
        "You were one of our final two candidates.",
        "I know the assessment day was a long one!",
        "Everyone on the panel enjoyed speaking with you.",
        "I wanted to get back to you personally.",
        "I wanted to share some feedback from the interviewers.",
    ],
)
def test_thanks_and_decision_talk_are_dropped(sentence):
    assert texts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Unfortunately, your system design answer was too shallow.",
        "The team felt your risk examples were thin.",
        "It was a tough call because your stakeholder answer lacked depth.",
        "We decided your pricing model was excellent.",
        "After a long discussion we decided to move forward with another candidate, as your "
        "forecasting experience was limited.",
        "We went with another candidate who had more experience running vendor tenders.",
        # A reason about the person's experience is kept, whatever template surrounds it.
        "After careful consideration, we have decided to pursue other candidates with more "
        "hands-on experience running enterprise negotiations.",
        "After careful consideration, we have decided to pursue other candidates whose "
        "experience in B2B pricing more closely matches our needs.",
        "We went with another candidate whose experience more closely matches our needs in "
        "enterprise sales.",
    ],
)
def test_feedback_in_or_near_decision_talk_is_kept(sentence):
    assert texts(sentence) != []


@pytest.mark.parametrize(
    ("sentence", "feedback"),
    [
        (
            "I wanted to let you know that your pricing answer lacked depth.",
            "your pricing answer lacked depth.",
        ),
        (
            "As discussed, your stakeholder map was excellent.",
            "your stakeholder map was excellent.",
        ),
        ("Hope this helps - the case study was too shallow.", "the case study was too shallow."),
        (
            "I wanted to share some feedback:\n  the roadmap answer was vague.",
            "the roadmap answer was vague.",
        ),
        (
            "Thanks for your time - unfortunately, the case study was too shallow.",
            "the case study was too shallow.",
        ),
        (
            "Thanks for your time - unfortunately the portfolio did not show enough research "
            "for this role.",
            "the portfolio did not show enough research for this role.",
        ),
        # After thanks, a rest that reads neutral is still kept when it speaks of the person.
        (
            "Thanks for your time – your portfolio focused on visual work for this role.",
            "your portfolio focused on visual work for this role.",
        ),
        (
            "Danke für deine Zeit – leider war dein Portfolio für diese Rolle zu wenig auf "
            "Forschung ausgerichtet.",
            "leider war dein Portfolio für diese Rolle zu wenig auf Forschung ausgerichtet.",
        ),
        (
            "The whole panel enjoyed meeting you, and your pricing model came up in the debrief.",
            "your pricing model came up in the debrief.",
        ),
        (
            "Everyone enjoyed meeting you, and Jo said she'd put you in front of our clients.",
            "Jo said she'd put you in front of our clients.",
        ),
        # A template choice of "candidates whose skills match the role" gives no reason;
        # the reason after it is the feedback.
        (
            "After careful consideration we decided to pursue candidates whose skills match "
            "the role, as your forecasting experience was limited.",
            "your forecasting experience was limited.",
        ),
        (
            "We went with another candidate whose experience more closely matches our needs, "
            "because your stakeholder management was weak.",
            "your stakeholder management was weak.",
        ),
    ],
)
def test_feedback_after_framing_or_courtesy_is_kept_without_it(sentence, feedback):
    (statement,) = split_statements(sentence)
    assert statement.text == feedback
    assert " ".join(sentence[statement.start : statement.end].split()) == feedback
