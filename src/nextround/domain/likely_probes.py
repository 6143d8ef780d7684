"""The competencies an interview most likely probed, to offer first when it names none."""

from __future__ import annotations

from collections.abc import Iterable

from nextround.domain.competency import Framework

#: What an interview's format tends to probe on the built-in framework, when nothing else
#: says; ids missing from the framework in use are skipped.
FORMAT_PROBES: dict[str, tuple[str, ...]] = {
    "presentation": ("presentation", "communication"),
    "case": ("problem-solving", "data-informed-decisions"),
    "technical": ("technical-depth", "problem-solving"),
    "practical_exercise": ("problem-solving", "planning-execution"),
    "system_design": ("systems-thinking", "technical-depth"),
    "coding": ("technical-depth", "problem-solving"),
    "group_exercise": ("collaboration", "communication"),
}
#: Enough to rate in a minute; the rest stay one click away.
LIKELY_MAX = 8


def likely_probes(
    framework: Framework,
    interview_format: str,
    tagged_elsewhere: Iterable[str],
    heard: Iterable[tuple[str, float]],
) -> list[str]:
    """The framework's competency ids an interview with none set most likely probed, best first.

    Its format's usual ones come first, then what the process's other interviews are set to
    probe and what its feedback is about, by weight: a mock pitch for a sales role offers
    presenting and customer focus, not design craft. Empty when nothing points anywhere,
    so the caller shows the whole framework instead.

    ``heard``: (competency id, weight) for each statement of the process's feedback.
    """
    known = {c.id for c in framework.competencies}
    weight: dict[str, float] = {}
    for competency_id in tagged_elsewhere:
        weight[competency_id] = weight.get(competency_id, 0.0) + 1.0
    for competency_id, confidence in heard:
        weight[competency_id] = weight.get(competency_id, 0.0) + confidence
    first = [c for c in FORMAT_PROBES.get(interview_format, ()) if c in known]
    ranked = sorted((c for c in weight if c in known and c not in first), key=lambda c: -weight[c])
    return (first + ranked)[:LIKELY_MAX]
