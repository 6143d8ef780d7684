"""The demo's thank-you note and Option A: every note detail is in the database, trade-offs show."""

from __future__ import annotations

import json
import re

import pytest

from nextround.domain.journey import Status
from nextround.domain.notes import Tone, fitting_tones
from nextround.errors import DomainError
from nextround.services.data import export_backup
from nextround.services.demo import load_demo
from nextround.services.note_drafting import NoteRequest, draft_notes
from nextround.services.notes import get_note
from nextround.services.options import ranking
from tests.integration.test_services_demo import lexical
from tests.unit.test_domain_note_drafts import TEMPLATE_WORDS


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from nextround.bootstrap import Nextround
    from nextround.config import Settings

    folder = tmp_path_factory.mktemp("demo")
    app = Nextround(Settings(data_dir=folder, database_url=f"sqlite:///{folder / 'demo.sqlite3'}"))
    with app.uow() as uow:
        loaded = load_demo(uow, lexical(uow))
    yield app, loaded
    app.close()


def database_words(app) -> set[str]:
    """Every word stored anywhere in the database (the built-in framework's names too)."""
    from nextround.frameworks.files import builtin_framework

    with app.uow() as uow:
        doc = export_backup(uow)
    text = json.dumps(doc["tables"], ensure_ascii=False)
    text += " ".join(c.name for c in builtin_framework().competencies)
    return set(re.findall(r"\w[\w'’-]*", text))


def test_every_note_for_every_process_names_only_what_the_database_holds(demo):
    app, _ = demo
    allowed = database_words(app) | TEMPLATE_WORDS
    with app.uow() as uow:
        app_ids = [a.id for a in uow.applications.all()]
        for app_id in app_ids:
            status = uow.applications.get(app_id).status
            # A thank-you days after the interview may check in instead (QA8 F7).
            late = draft_notes(uow, NoteRequest(app_id)).late is not None
            for tone in Tone:
                if tone not in fitting_tones(status, late=late):
                    # A tone that would speak of an offer or rejection not on record, or
                    # look forward to next steps after a process closed without an answer.
                    unfit = "record the decision first|choose the check-in tone"
                    with pytest.raises(DomainError, match=unfit):
                        draft_notes(uow, NoteRequest(app_id, tone=tone))
                    continue
                drafts = draft_notes(uow, NoteRequest(app_id, tone=tone))
                for draft in drafts.drafts:
                    text = draft.subject + "\n" + draft.body
                    # "Oliver's kind words": a recipient's name in the possessive is his.
                    found = re.findall(r"\b[A-Z][\w'’-]*", text)
                    capitalised = {w.removesuffix("'s") for w in found}
                    assert capitalised <= allowed, (app_id, tone, capitalised - allowed)
                    assert draft.words <= 150


def test_the_demo_note_thanks_the_tempoline_people_for_the_final_loop(demo):
    app, loaded = demo
    with app.uow() as uow:
        item = get_note(uow, loaded.note_id)
        main = uow.applications.get(loaded.main_application)
    note = item.note
    assert (item.company, main.status) == ("Tempoline", Status.REJECTED)
    assert [r.name for r in note.recipients] == ["Maya Lindgren", "Jonas Ekström"]
    assert note.tone is Tone.AFTER_REJECTION
    assert note.sent_on is not None and note.sent_on > main.current_decision.decided_on
    assert "final loop" in note.body
    assert "risk management" in note.body  # the confirmed learning from Maya's feedback
    assert note.body.endswith("Nadia Mensah")


def test_the_ranking_shows_the_declined_offer_far_from_option_a(demo):
    app, loaded = demo
    with app.uow() as uow:
        view = ranking(uow)
    by_app = {a.opportunity.application_id: a for a in view.assessments}
    kestrel = by_app[loaded.applications["kestrel-regchange"]]
    assert kestrel.opportunity.status is Status.DECLINED
    assert view.assessments[-1] is kestrel
    assert kestrel.below_threshold and kestrel.score == pytest.approx(31 / 13)
    assert [v.criterion.id for v in kestrel.gains] == ["compensation"]
    assert {"mission", "scope", "location"} <= {v.criterion.id for v in kestrel.gives_up}
    assert {v.must_have.id for v in kestrel.missed} >= {"no-relocation", "a-mission-i-care-about"}
    assert len(view.assessments) == len(loaded.applications)
    assert view.unrated == 0


def test_one_applications_evidence_is_the_same_read_alone(demo):
    """The application report reads only its process; it must see exactly that evidence."""
    from nextround.services.frameworks import active_framework
    from nextround.services.profile import gather_evidence

    app, loaded = demo
    with app.uow() as uow:
        framework = active_framework(uow)
        everything = gather_evidence(uow, framework)
        for app_id in loaded.applications.values():
            alone = gather_evidence(uow, framework, app_id)
            expected = [e for e in everything if e.application_id == app_id]
            assert sorted(map(repr, alone)) == sorted(map(repr, expected))
            assert alone or app_id == loaded.applications["lumenfold-pm"]
