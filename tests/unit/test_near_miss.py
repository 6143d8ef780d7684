"""Did you mean …? Spelling near misses and natural words for a choice."""

from __future__ import annotations

import pytest

from nextround.domain.near_miss import did_you_mean, nearest, word_key
from nextround.domain.notes import parse_tone
from nextround.domain.option_a import parse_rule
from nextround.errors import DomainError


def test_a_synonym_names_its_option_as_the_options_write_it():
    assert word_key(" Careers-Page ") == "careers_page"
    options = ["linkedin", "careers-page"]
    assert nearest("Website", options, synonyms={"website": "careers_page"}) == "careers-page"
    assert did_you_mean("linkdin", options) == "; did you mean 'linkedin'?"
    # A synonym for an option not offered here suggests nothing rather than a wrong one.
    assert nearest("website", ["linkedin"], synonyms={"website": "careers_page"}) is None


def test_tones_and_option_a_work_modes_suggest_natural_words():
    with pytest.raises(DomainError, match=r"did you mean 'check-in'\?$"):
        parse_tone("follow-up")
    with pytest.raises(DomainError, match=r"did you mean 'remote'\?$"):
        parse_rule("work_mode=wfh")
