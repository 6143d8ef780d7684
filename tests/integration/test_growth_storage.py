"""The growth engine's storage on both backends: the embedding cache and the JSON backup."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, inspect, select

from nextround.analysis.embedding_cache import CACHE_BATCH_SIZE, text_key
from nextround.domain.competency import Polarity
from nextround.domain.feedback import FeedbackSource
from nextround.errors import DomainError, NotFoundError
from nextround.frameworks.files import read_framework_file
from nextround.io.backup import NOT_BACKED_UP
from nextround.services import data
from nextround.services.debriefs import record_debrief
from nextround.services.feedback import (
    FeedbackChanges,
    FeedbackLinks,
    add_mapped_feedback,
    edit_feedback,
    remove_feedback,
)
from nextround.services.frameworks import get_framework, import_framework
from nextround.services.mapping import confirmed_examples
from nextround.services.plan import done, refresh_plan, week
from nextround.services.profile import gather_evidence
from nextround.services.review import review_statement
from nextround.services.stories import add_story
from nextround.store import tables as t
from tests.integration.migration_steps import downgrade
from tests.unit.growth_fakes import keyword_mapper, seed_process
from tests.unit.growth_fixtures import FRAMEWORK


def _cache_rows(app) -> list[tuple[str, str, bytes]]:
    with app.engine.connect() as conn:
        return [
            (r.model_id, r.text_hash, bytes(r.vector))
            for r in conn.execute(select(t.embedding_cache))
        ]


# -- the embedding cache -------------------------------------------------------------------------


def test_the_store_round_trips_vectors_exactly_by_model_and_key(app):
    rng = np.random.default_rng(0)
    vectors = {f"k{i:04d}": rng.standard_normal(384).astype(np.float32) for i in range(1_200)}
    with app.uow() as uow:
        uow.embeddings.put_many("model-a", vectors)
        uow.embeddings.put_many("model-b", {"k0000": np.ones(384, dtype=np.float32)})
        uow.commit()
    with app.uow() as uow:
        # more keys than one IN (...) query takes on old SQLite: looked up in chunks
        found = uow.embeddings.get_many("model-a", [*vectors, "absent"])
        other = uow.embeddings.get_many("model-b", ["k0000", "k0001"])
        assert uow.embeddings.count() == 1_201
        assert uow.embeddings.count("model-b") == 1
    assert set(found) == set(vectors)
    assert all(np.array_equal(found[k], v) for k, v in vectors.items())
    assert found["k0001"].dtype == np.float32
    assert list(other) == ["k0000"] and np.array_equal(other["k0000"], np.ones(384))


def test_putting_a_stored_key_again_keeps_one_row(app):
    with app.uow() as uow:
        uow.embeddings.put_many("m", {"k": np.ones(4, dtype=np.float32)})
        uow.embeddings.put_many("m", {"k": np.ones(4, dtype=np.float32), "j": np.zeros(4)})
        uow.commit()
    with app.uow() as uow:
        found = uow.embeddings.get_many("m", ["k", "j"])
        assert np.array_equal(found["k"], np.ones(4)) and np.array_equal(found["j"], np.zeros(4))
        assert uow.embeddings.count() == 2


def test_two_writers_caching_the_same_text_both_keep_their_work(make_app, database_url):
    # Two `feedback add` at once embed a shared sentence and both cache it: on PostgreSQL
    # the second insert failed with UniqueViolation and took the user's feedback with it.
    first, second = make_app(database_url), make_app(database_url)
    first.engine  # noqa: B018 - migrate before the race
    cached = threading.Event()
    failures: list[BaseException] = []

    def first_writer() -> None:
        try:
            with first.uow() as uow:
                uow.embeddings.put_many("m", {"shared": np.ones(4, dtype=np.float32)})
                uow.flush()
                cached.set()
                time.sleep(0.5)  # the other command inserts the same key meanwhile
                uow.commit()
        except BaseException as exc:  # reported by the main thread
            cached.set()
            failures.append(exc)

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert cached.wait(30)
    with second.uow() as uow:
        uow.embeddings.put_many(
            "m", {"shared": np.ones(4, dtype=np.float32), "own": np.zeros(4, dtype=np.float32)}
        )
        uow.commit()
    thread.join()
    assert failures == []
    with second.uow(writes=False) as uow:
        assert uow.embeddings.count("m") == 2


class SpyEmbedder:
    """Passes through to the real embedder and records what it was asked."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        return self.inner.embed(texts)


@pytest.mark.model
def test_mapper_vectors_are_cached_in_batches_and_reused(app, real_embedder):
    spy = SpyEmbedder(real_embedder)
    app.__dict__["embedder"] = spy
    # Without the package's own vectors, as for a framework the package does not ship, so
    # every text of the framework goes through the database's cache.
    app.__dict__["package_vectors"] = {}
    with app.uow() as uow:
        framework = get_framework(uow)
        app.mapper(uow, framework).map(["Never identified the risks."])
        uow.commit()
    asked = [text for call in spy.calls for text in call]
    assert len(asked) == len(set(asked)) > CACHE_BATCH_SIZE  # each text once
    assert max(len(call) for call in spy.calls) <= CACHE_BATCH_SIZE
    assert len(spy.calls) >= 2
    rows = _cache_rows(app)
    assert len(rows) == len(asked)
    assert {model for model, _, _ in rows} == {"all-MiniLM-L6-v2"}
    by_key = {key: blob for _, key, blob in rows}
    name = framework.competencies[0].name
    assert text_key(name) == hashlib.sha256(name.encode("utf-8")).hexdigest()
    stored = np.frombuffer(by_key[text_key(name)], dtype="<f4")
    assert stored.shape == (384,)
    assert np.allclose(stored, real_embedder.embed([name])[0], atol=1e-6)

    # The next command builds its mapper from the cache: the model computes nothing.
    spy.calls.clear()
    with app.uow() as uow:
        mapper = app.mapper(uow, get_framework(uow))
        again = mapper.map(["Never identified the risks."])
        uow.commit()
    assert spy.calls == []
    assert len(_cache_rows(app)) == len(rows)
    assert again[0][0].competency_id == "risk-management"


@pytest.mark.model
def test_a_new_database_keeps_only_the_users_texts_and_embeds_nothing_else(app, real_embedder):
    spy = SpyEmbedder(real_embedder)
    app.__dict__["embedder"] = spy
    app.package_vectors  # noqa: B018 - read (or made once) from the models folder
    spy.calls.clear()
    with app.uow() as uow:
        found = app.mapper(uow, get_framework(uow)).map(["Never identified the risks."])
        uow.commit()
    # The built-in framework's texts come with the package: only the statement is embedded
    # and kept in the database.
    asked = [text for call in spy.calls for text in call]
    assert asked and all("risks" in text.lower() for text in asked), asked
    assert len(_cache_rows(app)) == len(set(asked))
    assert found[0][0].competency_id == "risk-management"


@pytest.mark.model
def test_vectors_computed_in_a_failed_command_are_not_kept(sqlite_model_app):
    with sqlite_model_app.uow() as uow:
        sqlite_model_app.mapper(uow, get_framework(uow)).map(["Never identified the risks."])
        assert uow.embeddings.count() > 0  # in this transaction only
    assert _cache_rows(sqlite_model_app) == []


# -- the backup ------------------------------------------------------------------------------------

SECOND = """\
name: Company principles
competencies:
  - name: Communication
    description: Writes and speaks so that others can act on it.
  - name: Bias for action
    description: Decides quickly when a decision can be reversed.
    questions: [Tell me about a calculated risk you took.]
"""


def _fill(app, tmp_path: Path) -> None:
    """Rows in every growth table, including two frameworks sharing a competency id."""
    second = tmp_path / "principles.yaml"
    second.write_text(SECOND, encoding="utf-8")
    with app.uow() as uow:
        import_framework(uow, read_framework_file(second).framework)
        import_framework(uow, FRAMEWORK, use=True)
    seeded = seed_process(
        app.uow(),
        "Zoë's Café",
        interviews=[("Whiteboard case", datetime(2026, 11, 2, 10, 30, tzinfo=UTC), ["systems"])],
    )
    mapper = keyword_mapper()
    with app.uow() as uow:
        record_debrief(
            uow, seeded.interview_ids[0], 2, went_well="Opened with the goal — “clear”",
            ratings={"systems-thinking": 2, "communication": 4},
            questions=["How would this flow fail?", "Tell me about a risk."], mapper=mapper,
        )  # fmt: skip
    added = []
    for source, text, links in [
        (FeedbackSource.RECRUITER, "Risk management did not come through.",
         FeedbackLinks(application_id=seeded.application_id)),
        (FeedbackSource.INTERVIEWER, "Strong communicator, but the flow lacked a system view.",
         FeedbackLinks(interview_id=seeded.interview_ids[0])),
        (FeedbackSource.MENTOR, "You never mitigate the risks you see.", FeedbackLinks()),
    ]:  # fmt: skip
        with app.uow() as uow:
            _, statements = add_mapped_feedback(
                uow,
                text,
                source,
                lambda: mapper,
                "test",
                received_on=date(2026, 11, 10),
                links=links,
            )
        added.append(statements)
    with app.uow() as uow:
        review_statement(uow, added[-1][0].id, ["risk-management"], Polarity.GAP)
    # The recruiter's statement confirmed as mapped: with the mentor's, two reviewed sources
    # make the risk gap recur, so the plan has actions to store; the interviewer's waits.
    with app.uow() as uow:
        review_statement(uow, added[0][0].id)
    with app.uow() as uow:
        add_story(
            uow,
            {"title": "Forty sites", "action": "I ran a pre-mortem on the risks.",
             "result": "Zero lost orders."},
            mapper=mapper, accept_suggestions=True,
        )  # fmt: skip
    with app.uow() as uow:
        plan = refresh_plan(uow, 365, 120)
    with app.uow() as uow:
        week(uow)
    with app.uow() as uow:
        done(uow, plan.actions[0].id)
    with app.uow() as uow:
        uow.embeddings.put_many("all-MiniLM-L6-v2", {"abc": np.ones(384, dtype=np.float32)})
        uow.commit()


GROWTH_TABLES = (
    "frameworks", "competencies", "preferences", "statements", "debriefs",
    "debrief_questions", "stories", "plan_actions",
)  # fmt: skip


@pytest.fixture
def another_database_url(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A second empty database on the same backend."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    from tests.postgres_server import create_database

    return create_database(request.getfixturevalue("postgres_base_url"))


def test_backup_round_trips_the_growth_tables_exactly_without_the_cache(
    app, make_app, another_database_url, tmp_path
):
    _fill(app, tmp_path)
    with app.uow() as uow:
        doc = data.export_backup(uow)
    assert "embedding_cache" in NOT_BACKED_UP
    assert "embedding_cache" not in doc["tables"]
    for name in GROWTH_TABLES:
        assert doc["tables"][name], f"{name} has no rows to round-trip"
    ids = [c["id"] for c in doc["tables"]["competencies"]]
    assert ids.count("communication") == 2  # one in each imported framework

    restored = make_app(another_database_url)
    with restored.uow() as uow:
        counts = data.restore_backup(uow, doc)
    assert counts["statements"] == len(doc["tables"]["statements"])
    with restored.uow() as uow:
        again = data.export_backup(uow)
    assert {**again, "exported_at": None} == {**doc, "exported_at": None}
    with restored.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.embedding_cache)).scalar() == 0
    # and the restored data reads back into the same domain objects
    with app.uow() as a, restored.uow() as b:
        assert [s.suggestions for s in a.statements.unconfirmed()] == [
            s.suggestions for s in b.statements.unconfirmed()
        ]
        assert a.frameworks.get("principles") == b.frameworks.get("principles")
        assert a.plan.all() == b.plan.all()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("competencies", r"\$\.tables\.competencies: framework_id \+ id must be unique"),
        ("preferences", r"\$\.tables\.preferences: key must be unique"),
    ],
)
def test_a_backup_repeating_a_primary_key_is_refused_in_one_line(
    app, make_app, another_database_url, tmp_path, table, message
):
    from nextround.errors import InvalidInputError

    _fill(app, tmp_path)
    with app.uow() as uow:
        doc = data.export_backup(uow)
    doc["tables"][table].append(dict(doc["tables"][table][0]))
    restored = make_app(another_database_url)
    with restored.uow() as uow, pytest.raises(InvalidInputError, match=message):
        data.restore_backup(uow, doc)
    with restored.uow() as uow:
        assert uow.frameworks.ids() == ["nextround-core"]


# -- removing feedback ----------------------------------------------------------------------------


def test_removing_feedback_takes_its_statements_and_what_they_taught(app):
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    mapper = keyword_mapper()
    ids = []
    for text in ("Risk management did not come through.", "Risk management was weak."):
        with app.uow() as uow:
            item, statements = add_mapped_feedback(
                uow, text, FeedbackSource.RECRUITER, lambda: mapper, "test",
                received_on=date(2026, 11, 10),
            )  # fmt: skip
            ids.append((item.id, statements[0].id))
    with app.uow() as uow:
        assert uow.statements.count_unconfirmed() == 2
        review_statement(uow, ids[0][1], ["risk-management"], Polarity.GAP)
    with app.uow() as uow:
        assert uow.statements.count_unconfirmed() == 1
        removed = remove_feedback(uow, ids[0][0])
    assert (removed.statements, removed.confirmed) == (1, 1)
    with app.uow() as uow:
        assert [f.id for f in uow.feedback.list()] == [ids[1][0]]
        assert [s.id for s in uow.statements.unconfirmed()] == [ids[1][1]]
        assert uow.statements.confirmed() == []
        assert confirmed_examples(uow, get_framework(uow, "test")) == []
        with pytest.raises(NotFoundError, match=f"no feedback with id {ids[0][0]}"):
            remove_feedback(uow, ids[0][0])
    with app.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.statements)).scalar() == 1


def test_editing_feedback_moves_its_evidence_with_it(app):
    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    first = seed_process(app.uow(), "Acme")
    second = seed_process(app.uow(), "Birch")
    mapper = keyword_mapper()
    with app.uow() as uow:
        item, statements = add_mapped_feedback(
            uow, "Risk management did not come through.", FeedbackSource.RECRUITER,
            lambda: mapper, "test", received_on=date(2026, 11, 10),
            links=FeedbackLinks(application_id=first.application_id),
        )  # fmt: skip
        review_statement(uow, statements[0].id, ["risk-management"], Polarity.GAP)
    changes = FeedbackChanges(
        source=FeedbackSource.HIRING_MANAGER,
        links=FeedbackLinks(application_id=second.application_id),
    )
    with app.uow() as uow:
        edit_feedback(uow, item.id, changes)
    with app.uow() as uow:
        framework = get_framework(uow, "test")
        moved = gather_evidence(uow, framework, second.application_id)
        assert [(e.text, e.source) for e in moved] == [
            ("Risk management did not come through.", FeedbackSource.HIRING_MANAGER)
        ]
        assert gather_evidence(uow, framework, first.application_id) == []
        assert uow.statements.get(statements[0].id).confirmed
    # A refused edit leaves the row as it was.
    with app.uow() as uow, pytest.raises(DomainError, match="in the future"):
        edit_feedback(uow, item.id, FeedbackChanges(received_on=date(2099, 1, 1)))
    with app.uow() as uow:
        assert uow.feedback.get(item.id).received_on == date(2026, 11, 10)


# -- the framework a debrief is rated on -----------------------------------------------------


def test_upgrading_puts_existing_debriefs_on_the_framework_in_use(app):
    from nextround.store.database import HEAD_REVISION, current_revision, upgrade

    with app.uow() as uow:
        import_framework(uow, FRAMEWORK, use=True)
    seeded = seed_process(
        app.uow(), "Tempoline", interviews=[("Case", datetime(2026, 11, 2, tzinfo=UTC), [])]
    )
    with app.uow() as uow:
        record_debrief(uow, seeded.interview_ids[0], 3, ratings={"communication": 4})
    # Back to the schema before debriefs knew their framework, then forward again.
    downgrade(app.engine, "0005")
    assert "framework_id" not in {c["name"] for c in inspect(app.engine).get_columns("debriefs")}
    upgrade(app.engine)
    assert current_revision(app.engine) == HEAD_REVISION
    with app.engine.connect() as conn:
        assert conn.execute(select(t.debriefs.c.framework_id)).scalars().all() == ["test"]
    with app.uow() as uow:
        rated = gather_evidence(uow, uow.frameworks.get("test"))
    assert [(e.competency_id, e.text) for e in rated] == [("communication", "Self-rating 4/5")]
