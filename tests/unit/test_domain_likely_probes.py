"""What an interview with no competencies set most likely probed (QA14 F10)."""

from __future__ import annotations

from nextround.domain.likely_probes import LIKELY_MAX, likely_probes
from nextround.frameworks.files import builtin_framework


def test_a_mock_pitch_offers_its_format_then_what_the_process_heard():
    framework = builtin_framework()
    heard = [("customer-focus", 1.0), ("customer-focus", 0.4), ("negotiation", 0.5)]
    likely = likely_probes(framework, "presentation", ["negotiation"], heard)
    assert likely == ["presentation", "communication", "negotiation", "customer-focus"]
    assert "design-craft" not in likely


def test_ids_off_the_framework_are_skipped_and_the_list_is_short():
    framework = builtin_framework()
    heard = [(c.id, 0.5) for c in framework.competencies] + [("no-such-skill", 9.0)]
    likely = likely_probes(framework, "behavioural", [], heard)
    assert len(likely) == LIKELY_MAX and "no-such-skill" not in likely


def test_nothing_to_go_on_offers_nothing():
    assert likely_probes(builtin_framework(), "behavioural", [], []) == []


def test_a_group_exercise_offers_collaboration_and_communication_first():
    # QA17 F4: an assessment centre's group task is about working with the others.
    likely = likely_probes(builtin_framework(), "group_exercise", [], [])
    assert likely == ["collaboration", "communication"]
