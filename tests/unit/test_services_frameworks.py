"""Framework use cases on the fake unit of work: list, import, use, and the active fallback."""

import re
from dataclasses import replace

import pytest

from nextround.errors import DomainError, NotFoundError
from nextround.frameworks.files import BUILTIN_ID
from nextround.services.frameworks import (
    ACTIVE_KEY,
    active_framework,
    active_framework_id,
    competency_ids,
    get_framework,
    import_framework,
    list_frameworks,
    probed_competencies,
    use_framework,
)
from tests.unit.growth_fakes import FakeGrowthUnitOfWork
from tests.unit.growth_fixtures import FRAMEWORK


@pytest.fixture
def uow() -> FakeGrowthUnitOfWork:
    return FakeGrowthUnitOfWork()


def test_the_builtin_framework_is_listed_first_and_in_use_by_default(uow):
    with uow:
        rows = list_frameworks(uow)
        assert active_framework_id(uow) == BUILTIN_ID
    assert [r.id for r in rows] == [BUILTIN_ID]
    assert rows[0].active and rows[0].builtin
    assert rows[0].competencies >= 20


def test_import_stores_the_framework_without_switching_to_it(uow):
    with uow:
        import_framework(uow, FRAMEWORK)
    with uow:
        rows = {r.id: r for r in list_frameworks(uow)}
        assert uow.frameworks.get("test") == FRAMEWORK
        assert active_framework_id(uow) == BUILTIN_ID
    assert rows["test"].competencies == 4
    assert not rows["test"].active and not rows["test"].builtin


def test_import_with_use_makes_it_the_active_framework(uow):
    with uow:
        import_framework(uow, FRAMEWORK, use=True)
    with uow:
        assert active_framework(uow) == FRAMEWORK
        assert get_framework(uow) == FRAMEWORK
        assert get_framework(uow, BUILTIN_ID).id == BUILTIN_ID


def test_import_refuses_the_builtin_id(uow):
    impostor = replace(FRAMEWORK, id=BUILTIN_ID, name="Impostor")
    with uow, pytest.raises(DomainError, match=r"built-in framework's id") as caught:
        import_framework(uow, impostor)
    assert "--id" in caught.value.for_cli()
    assert "“Store it under the id”" in caught.value.for_web()
    assert uow.commits == 0
    with uow:
        assert uow.frameworks.get(BUILTIN_ID).name != "Impostor"


def test_import_refuses_to_overwrite_silently(uow):
    with uow:
        import_framework(uow, FRAMEWORK)
    renamed = replace(FRAMEWORK, name="Second version", competencies=FRAMEWORK.competencies[:2])
    with uow, pytest.raises(DomainError, match=r"already imported") as caught:
        import_framework(uow, renamed)
    assert re.search(r"already imported.*--replace.*--id", caught.value.for_cli())
    with uow:
        assert uow.frameworks.get("test").name == "Test framework"
        assert len(uow.frameworks.get("test").competencies) == 4


def test_import_with_replace_overwrites(uow):
    with uow:
        import_framework(uow, FRAMEWORK)
    renamed = replace(FRAMEWORK, name="Second version", competencies=FRAMEWORK.competencies[:2])
    with uow:
        import_framework(uow, renamed, replace=True)
    with uow:
        assert uow.frameworks.get("test").name == "Second version"
        assert len(uow.frameworks.get("test").competencies) == 2
        assert uow.frameworks.ids() == [BUILTIN_ID, "test"]


def test_use_switches_and_use_of_an_unknown_id_changes_nothing(uow):
    with uow:
        import_framework(uow, FRAMEWORK)
    with uow:
        assert use_framework(uow, "test") == FRAMEWORK
    with uow:
        assert active_framework_id(uow) == "test"
        assert [r.id for r in list_frameworks(uow) if r.active] == ["test"]
    with uow, pytest.raises(NotFoundError, match="no framework with id nope"):
        use_framework(uow, "nope")
    with uow:
        assert active_framework_id(uow) == "test"
    with uow:
        use_framework(uow, BUILTIN_ID)
    with uow:
        assert active_framework_id(uow) == BUILTIN_ID


def test_a_stale_choice_falls_back_to_the_builtin_framework(uow):
    # e.g. a backup restored without the imported framework the preference names
    with uow:
        uow.preferences.set(ACTIVE_KEY, "gone", uow.now())
        uow.commit()
    with uow:
        assert active_framework_id(uow) == BUILTIN_ID
        assert active_framework(uow).id == BUILTIN_ID
        rows = list_frameworks(uow)
    assert [r.id for r in rows if r.active] == [BUILTIN_ID]


def test_get_framework_of_an_unknown_id_is_not_found(uow):
    with uow, pytest.raises(NotFoundError, match="framework"):
        get_framework(uow, "nope")


@pytest.mark.parametrize(
    "ref",
    [
        "risk-management",
        "Risk management",
        "RISK MANAGEMENT",
        " risk_management ",
        "risk: management",
    ],
)
def test_a_competency_is_found_by_id_or_by_name(ref):
    found = FRAMEWORK.find(ref)
    assert found is not None and found.id == "risk-management"


def test_an_unknown_competency_gets_the_nearest_one_or_where_the_ids_are():
    assert FRAMEWORK.find("risk managment") is None
    assert FRAMEWORK.hint("risk managment") == "did you mean 'risk-management' (Risk management)?"
    assert FRAMEWORK.find("") is None and FRAMEWORK.find("  ") is None
    assert FRAMEWORK.hint("xylophone") == (
        f"see `nextround framework show {FRAMEWORK.id}` for the ids"
    )


def test_a_word_that_only_looks_like_a_competency_is_not_offered_as_it():
    from nextround.frameworks.files import builtin_framework

    # "delegation" and "negotiation" share letters, not meaning (QA6).
    assert "negotiation" not in builtin_framework().hint("delegation")
    assert "'stakeholder-management'" in builtin_framework().hint("stakeholder mgmt")


def test_a_word_the_ids_start_with_is_suggested_but_never_taken():
    assert FRAMEWORK.find("risk") is None
    assert FRAMEWORK.hint("risk") == "did you mean 'risk-management' (Risk management)?"
    with pytest.raises(DomainError, match=r"'risk' is not a competency .*'risk-management'"):
        competency_ids(FRAMEWORK, ["risk"])


def test_a_word_several_competencies_contain_lists_them_all():
    hint = FRAMEWORK.hint("management")
    assert hint.startswith("did you mean one of ")
    assert "'risk-management'" in hint and "'stakeholder-management'" in hint
    assert "'systems-thinking'" not in hint


def test_a_word_too_short_to_mean_much_gets_no_partial_matches():
    assert "did you mean one of" not in FRAMEWORK.hint("m")


def test_an_unknown_competency_says_where_they_are_listed_in_each_surfaces_words():
    with pytest.raises(DomainError) as refused:
        competency_ids(FRAMEWORK, ["xylophone"])
    assert refused.value.for_cli() == (
        f"'xylophone' is not a competency of “{FRAMEWORK.name}”; see `nextround framework "
        f"show {FRAMEWORK.id}` for the ids"
    )
    assert refused.value.for_web() == (
        f"'xylophone' is not a competency of “{FRAMEWORK.name}”; its competencies are listed "
        "on the Frameworks page"
    )


def test_competency_ids_turns_names_into_ids_once_each():
    assert competency_ids(FRAMEWORK, ["Risk management", "risk-management"]) == ["risk-management"]
    with pytest.raises(
        DomainError, match=r"'risk managment' is not a competency of .*did you mean"
    ):
        competency_ids(FRAMEWORK, ["risk managment"])


def test_an_interviews_competencies_keep_an_unknown_tag_with_a_note():
    probed = probed_competencies(FRAMEWORK, ["Risk management", " ", "okr-setting"])
    assert probed.ids == ["risk-management", "okr-setting"]
    # Shown as it is on the web too: a guess when one is near, never a command.
    assert probed.notes == [
        f"'okr-setting' is not a competency of “{FRAMEWORK.name}”; it is kept as a tag, but a "
        "debrief asks only about the framework's competencies"
    ]
    (near,) = probed_competencies(FRAMEWORK, ["risk-managment-x"]).notes
    assert near.startswith(f"'risk-managment-x' is not a competency of “{FRAMEWORK.name}” (did ")
    with pytest.raises(DomainError, match=r"'risk managment' is not .*did you mean"):
        probed_competencies(FRAMEWORK, ["risk managment"])


@pytest.mark.parametrize("typed", ["teamwork", "Team-work", "team work", "team player"])
def test_everyday_words_for_collaboration_name_it_in_the_builtin_framework(typed):
    from nextround.frameworks.files import builtin_framework

    framework = builtin_framework()
    assert competency_ids(framework, [typed]) == ["collaboration"]
    assert probed_competencies(framework, [typed]) == probed_competencies(
        framework, ["collaboration"]
    )


def test_an_everyday_word_is_read_only_where_the_framework_has_its_competency():
    from nextround.domain.competency import EVERYDAY_NAMES
    from nextround.frameworks.files import builtin_framework

    builtin = builtin_framework()
    assert all(builtin.find(word).id == target for word, target in EVERYDAY_NAMES.items())
    # The test framework has no collaboration: "teamwork" stays an unknown tag there.
    assert FRAMEWORK.competency("collaboration") is None
    assert probed_competencies(FRAMEWORK, ["teamwork"]).ids == ["teamwork"]
    # "Leadership" could mean more than one competency: a suggestion, never a pick.
    assert builtin.find("leadership") is None
    assert "people-leadership" in (builtin.guess("leadership") or "")


@pytest.mark.parametrize("typed", ["TEST", FRAMEWORK.name, FRAMEWORK.name.upper()])
def test_a_framework_is_found_by_its_id_or_name_case_aside(uow, typed):
    with uow:
        import_framework(uow, FRAMEWORK)
    with uow:
        assert get_framework(uow, typed).id == "test"
        assert use_framework(uow, typed).id == "test"


@pytest.mark.parametrize("typed", ["tset", "tests", "Test framewrok"])
def test_a_mistyped_framework_id_is_answered_with_the_nearest_one(uow, typed):
    with uow:
        import_framework(uow, FRAMEWORK)
    for command in (use_framework, get_framework):
        with uow, pytest.raises(NotFoundError) as raised:
            command(uow, typed)
        assert raised.value.for_cli() == (
            f"no framework with id {typed}; did you mean 'test' ({FRAMEWORK.name})? "
            "see `nextround framework list`"
        )


def test_an_id_like_no_framework_only_says_where_the_list_is(uow):
    with uow, pytest.raises(NotFoundError) as raised:
        use_framework(uow, "zzz")
    assert raised.value.for_cli() == "no framework with id zzz; see `nextround framework list`"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hiring", "people-leadership"),
        ("Recruiting", "people-leadership"),
        ("performance management", "people-leadership"),
        ("people management", "people-leadership"),
        ("coaching", "developing-others"),
        ("Mentoring", "developing-others"),
    ],
)
def test_a_managers_everyday_words_name_a_builtin_competency(typed, meant):
    from nextround.frameworks.files import builtin_framework

    assert competency_ids(builtin_framework(), [typed]) == [meant]


def test_a_managers_everyday_word_is_no_competency_where_the_framework_lacks_it():
    # The test framework has neither people leadership nor developing others.
    assert FRAMEWORK.competency("people-leadership") is None
    assert probed_competencies(FRAMEWORK, ["hiring"]).ids == ["hiring"]
    from nextround.frameworks.files import builtin_framework

    # "Performance" alone is no everyday name: a suggestion at most, never a pick.
    assert builtin_framework().find("performance") is None
