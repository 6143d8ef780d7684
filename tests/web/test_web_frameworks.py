"""Frameworks: list, show, choose, and import from YAML, JSON or CSV; a bad file changes nothing."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from nextround.domain.feedback import FeedbackSource
from nextround.services.frameworks import active_framework_id
from tests.web.conftest import Browser, field_error, web_words

YAML = b"""name: Acme principles
competencies:
  - name: Customer obsession
    description: Starts from the customer and works backwards.
  - name: Bias for action
    description: Decides quickly when a decision can be undone.
"""
CSV = b"name,description\nOwnership,Acts for the whole company\nFrugality,Does more with less\n"


def _ids(nextround: Nextround) -> list[str]:
    with nextround.uow() as uow:
        return uow.frameworks.ids()


def _import(browser: Browser, name: str, body: bytes, **fields: str):  # type: ignore[no-untyped-def]
    return browser.post(
        "/frameworks/import", fields, files={"file": (name, body, "application/octet-stream")}
    )


def test_list_and_show_the_built_in_framework(browser: Browser) -> None:
    page = browser.get("/frameworks")
    assert page.status_code == 200
    assert "nextround core interview competencies" in page.text and "In use" in page.text
    shown = browser.get("/frameworks/nextround-core")
    assert shown.status_code == 200 and "Risk management" in shown.text
    assert "Sample questions" in shown.text
    assert browser.get("/frameworks/nope").status_code == 404


def test_import_yaml_then_use_it(browser: Browser, sqlite_app: Nextround) -> None:
    response = _import(browser, "acme-principles.yaml", YAML)
    assert response.status_code == 303
    assert "Imported Acme principles: 2 competencies." in browser.get("/frameworks").text
    assert "acme-principles" in _ids(sqlite_app)
    used = browser.post("/frameworks/acme-principles/use")
    assert used.status_code == 303
    with sqlite_app.uow() as uow:
        assert active_framework_id(uow) == "acme-principles"
    # The profile now reads on the imported framework.
    assert "Customer obsession" in browser.get("/profile/customer-obsession").text
    # A new version without a competency a verdict names: the import says so.
    from nextround.analysis.lexical import LexicalMapper
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import active_framework
    from nextround.services.review import review_statement

    with sqlite_app.uow() as uow:
        framework = active_framework(uow)
        _, (statement,) = add_mapped_feedback(
            uow, "Starts from the customer.", FeedbackSource.MENTOR,
            lambda: LexicalMapper(framework), framework.id,
        )  # fmt: skip
    with sqlite_app.uow() as uow:
        review_statement(uow, statement.id, ["customer-obsession"])
    smaller = YAML.split(b"  - name: Customer obsession")[0] + YAML.split(b"backwards.\n")[1]
    replaced = _import(browser, "acme-principles.yaml", smaller, replace="1")
    assert replaced.status_code == 303
    assert (
        "Note: 1 confirmed statement names a competency this version no longer has "
        "(customer-obsession)"
    ) in browser.get("/frameworks").text


def test_import_json_and_csv_with_an_id_and_use_right_away(
    browser: Browser, sqlite_app: Nextround
) -> None:
    doc = {"id": "lp", "name": "LPs", "competencies": [{"name": "Dive deep", "description": "x"}]}
    assert _import(browser, "lp.json", json.dumps(doc).encode()).status_code == 303
    assert _import(browser, "values.csv", CSV, framework_id="acme", use="1").status_code == 303
    assert {"lp", "acme"} <= set(_ids(sqlite_app))
    with sqlite_app.uow() as uow:
        assert active_framework_id(uow) == "acme"


def test_bad_files_are_explained_next_to_the_field_and_change_nothing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    cases = [
        ("broken.json", b"{not json", "is not valid JSON"),
        ("no-desc.yaml", b"name: X\ncompetencies:\n  - name: A\n", "description"),
        ("notes.txt", YAML, "use a .yaml, .yml, .json or .csv file"),
        ("latin1.csv", "name,description\nÉté,é\n".encode("latin-1"), "is not UTF-8"),
        ("empty.csv", b"title,text\nA,B\n", "needs a header row"),
    ]
    for name, body, message in cases:
        response = _import(browser, name, body, framework_id="kept-id")
        assert response.status_code == 422, name
        error = field_error(response.text, "import-file") or ""
        assert message in error and "Nothing was imported" in error, (name, error)
        assert 'value="kept-id"' in response.text  # the input is kept
    missing = browser.post("/frameworks/import", {})
    assert missing.status_code == 422
    assert "choose a" in (field_error(missing.text, "import-file") or "").lower()
    assert _ids(sqlite_app) == ["nextround-core"]


def test_an_id_clash_is_shown_by_the_id_field(browser: Browser, sqlite_app: Nextround) -> None:
    assert _import(browser, "acme.yaml", YAML).status_code == 303
    again = _import(browser, "acme.yaml", YAML)
    assert again.status_code == 422
    clash = web_words(field_error(again.text, "import-framework-id"))
    assert "already imported; tick “Replace a framework with the same id”" in clash
    builtin = _import(browser, "acme.yaml", YAML, framework_id="nextround-core")
    refused = web_words(field_error(builtin.text, "import-framework-id"))
    assert "built-in framework's id; give yours another id under “Store it under the id”" in refused
    bad_id = _import(browser, "acme.yaml", YAML, framework_id="Not An Id!")
    assert "must be lower-case" in (field_error(bad_id.text, "import-framework-id") or "")
    replaced = _import(browser, "acme.yaml", YAML, replace="1")
    assert replaced.status_code == 303
    assert _ids(sqlite_app) == ["nextround-core", "acme"]


def test_an_oversized_framework_is_refused(
    make_web: Callable[..., TestClient],
) -> None:
    with make_web(upload_limit_bytes=1024) as client:
        browser = Browser(client)
        big = YAML + b"#" * 2048
        response = _import(browser, "big.yaml", big)
        assert response.status_code == 413
        assert "uploads are limited to 1 KB" in response.text
        assert "To import it, run nextround framework import big.yaml in a terminal" in (
            response.text
        )
        assert 'href="/frameworks/big"' not in browser.get("/frameworks").text


def test_framework_forms_need_the_token(browser: Browser, sqlite_app: Nextround) -> None:
    browser.get("/frameworks")
    refused = browser.client.post(
        "/frameworks/import", files={"file": ("a.yaml", YAML, "application/x-yaml")}
    )
    assert refused.status_code == 403
    assert browser.client.post("/frameworks/nextround-core/use").status_code == 403
    assert _ids(sqlite_app) == ["nextround-core"]


def test_an_upload_is_named_and_its_notes_and_switch_are_explained(
    browser: Browser, sqlite_app: Nextround
) -> None:
    from nextround.analysis.lexical import LexicalMapper
    from nextround.services.feedback import add_mapped_feedback
    from nextround.services.frameworks import active_framework

    with sqlite_app.uow() as uow:
        framework = active_framework(uow)
        add_mapped_feedback(
            uow, "Clear, calm stakeholder updates.", FeedbackSource.MENTOR,
            lambda: LexicalMapper(framework), framework.id,
        )  # fmt: skip
    body = "name;description;owner\nFührung;Leads;x\n领导力;Leads too;y\n".encode()
    response = _import(browser, "führung.csv", body, framework_name="Leadership", use="1")
    assert response.status_code == 303
    page = " ".join(browser.get("/frameworks").text.split())
    assert "Imported Leadership: 2 competencies and in use." in page
    assert "Note: Ignored the column owner" in page
    assert "Note: Ids made from names beyond a-z: fuhrung (Führung), competency-2 (领导力)" in page
    assert "Note: Your profile, plan and story coverage leave out 1 feedback statement" in page
    again = _import(browser, "führung.csv", body, replace="1")
    assert again.status_code == 303
    assert "Imported Führung: 2 competencies; it stays in use." in browser.get("/frameworks").text


def test_an_upload_with_a_misspelt_key_imports_and_names_the_key_it_meant(
    browser: Browser, sqlite_app: Nextround
) -> None:
    body = b"name: Team\ncompetencies:\n  - {name: Ownership, description: d, indicator: [x]}\n"
    assert _import(browser, "team.yaml", body).status_code == 303
    page = html.unescape(" ".join(browser.get("/frameworks").text.split()))
    assert "Imported Team: 1 competency." in page
    assert "1 competency · id <code>team</code>" in page
    assert (
        "Note: 'indicator' in Ownership is not read: did you mean 'indicators'? Rename it "
        "and import the file again; until then, what it holds is left out." in page
    )
    assert "team" in _ids(sqlite_app)


def test_a_csv_with_several_problems_lists_each_row_and_imports_nothing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    bad = b"name,description\nOwnership,Acts for the company\nInvent and Simplify,\n,Speed.\n"
    response = _import(browser, "hyperscale.csv", bad)
    assert response.status_code == 422
    error = field_error(response.text, "import-file") or ""
    assert "hyperscale.csv has 2 problems; fix them and import it again:" in error
    assert "row 3 (Invent and Simplify): description is empty; fill it in\n" in error
    assert "row 4: name is empty; fill it in" in error and "Nothing was imported" in error
    assert _ids(sqlite_app) == ["nextround-core"]
