"""An invitation to reapply once the person has more X is mapped by what X names."""

import pytest

from nextround.analysis.text_normalise import normalise_statement, strip_reapply


@pytest.mark.parametrize(
    ("said", "named"),
    [
        # QA11 F7: "apply" pulled this to learning agility; renewals and a quota are the point.
        (
            "Apply again once you have more experience running a renewals team with a quota.",
            "experience running a renewals team with a quota.",
        ),
        (
            "Please do apply again when you have more hands-on experience with Kubernetes.",
            "hands-on experience with Kubernetes.",
        ),
        (
            "We'd love to see you apply again once you've got more experience leading teams.",
            "experience leading teams.",
        ),
        (
            "Once you have a couple more years in a product role, we would love to hear from you.",
            "years in a product role",
        ),
    ],
)
def test_the_condition_is_what_is_mapped(said, named):
    assert strip_reapply(said) == named
    assert "apply" not in normalise_statement(said).lower()


@pytest.mark.parametrize(
    "said",
    [
        "Your answer on renewals was thin.",
        "Please apply the framework more consistently once you have the data.",
        "Feel free to apply again.",
    ],
)
def test_other_sentences_are_left_as_they_are(said):
    assert strip_reapply(said) == said
