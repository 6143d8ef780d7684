"""Security: CSRF, the access token, the Host check, headers, upload limits, escaping."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from nextround.bootstrap import Nextround
from nextround.errors import InvalidInputError
from nextround.services.applications import get_application
from nextround.web.security import check_bind, is_loopback
from tests.web.conftest import BASE, Browser, load_demo_journey

TOKEN = "s3cret-token-for-the-tests-0123456789"


# -- CSRF -------------------------------------------------------------------------------------


def test_post_without_the_token_is_refused_and_changes_nothing(
    browser: Browser, sqlite_app: Nextround
) -> None:
    browser.get("/")  # a session cookie, but no token in the form
    response = browser.client.post(
        "/applications", data={"company": "A", "role_title": "B", "applied_on": "2026-10-01"}
    )
    assert response.status_code == 403
    assert "Nothing was changed" in response.text
    with sqlite_app.uow() as uow:
        assert uow.applications.count() == 0


def test_post_with_a_wrong_or_foreign_token_is_refused(browser: Browser) -> None:
    browser.get("/")
    data = {"csrf_token": "forged", "company": "A", "role_title": "B", "applied_on": "2026-10-01"}
    assert browser.client.post("/applications", data=data).status_code == 403
    # A token from another session does not fit this session's cookie.
    other = TestClient(browser.client.app, base_url=BASE)
    stolen = Browser(other).token()
    data["csrf_token"] = stolen
    assert browser.client.post("/applications", data=data).status_code == 403


def test_a_forged_cookie_is_not_trusted(client: TestClient) -> None:
    client.cookies.set("nextround_csrf", "attacker-chosen.value")
    response = client.post("/applications", data={"csrf_token": "attacker-chosen", "company": "A"})
    assert response.status_code == 403


def test_header_token_works_for_htmx(browser: Browser) -> None:
    token = browser.token()
    response = browser.client.post(
        "/applications",
        data={"company": "A", "role_title": "B", "applied_on": "2026-10-01"},
        headers={"X-CSRF-Token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_cross_origin_post_is_refused_even_with_a_token(browser: Browser) -> None:
    response = browser.post(
        "/applications",
        {"company": "A", "role_title": "B", "applied_on": "2026-10-01"},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert "another site" in response.text


def test_every_state_changing_route_demands_the_token(browser: Browser) -> None:
    app_id = browser.add_application()
    browser.get("/")
    for path in (
        "/applications",
        f"/applications/{app_id}/edit",
        f"/applications/{app_id}/move",
        f"/applications/{app_id}/rounds",
        f"/applications/{app_id}/interviews",
        f"/applications/{app_id}/decision",
        f"/applications/{app_id}/close",
        f"/applications/{app_id}/reopen",
        f"/applications/{app_id}/feedback",
        f"/applications/{app_id}/contacts",
        f"/applications/{app_id}/delete",
        f"/applications/{app_id}/feedback/preview",
        "/rounds/1",
        "/interviews/1",
        "/interviews/1/debrief",
        "/feedback/statements/1",
        "/plan/refresh",
        "/plan/done",
        "/plan/undo",
        "/stories",
        "/stories/check",
        "/stories/1",
        "/stories/1/delete",
        "/frameworks/import",
        "/frameworks/nextround-core/use",
        "/data/import",
    ):
        assert browser.client.post(path, data={"confirm": "1"}).status_code == 403, path


# -- the access token and the Host check ------------------------------------------------------


def test_loopback_server_refuses_foreign_host_names(make_web: Callable[..., TestClient]) -> None:
    assert make_web(base_url="http://localhost:8000").get("/").status_code == 200
    assert make_web(base_url="http://[::1]:8000").get("/").status_code == 200
    rebinding = make_web(base_url="http://attacker.example:8000").get("/")
    assert rebinding.status_code == 400


def test_token_is_required_on_every_request(make_web: Callable[..., TestClient]) -> None:
    client = make_web(base_url="http://192.168.1.20:8000", access_token=TOKEN)
    for path in ("/", "/applications", "/data/backup.json", "/static/app.css"):
        assert client.get(path).status_code == 401, path
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert client.get("/?token=wrong").status_code == 401


def test_token_in_the_address_becomes_a_cookie(make_web: Callable[..., TestClient]) -> None:
    client = make_web(base_url="http://192.168.1.20:8000", access_token=TOKEN)
    response = client.get(f"/applications?token={TOKEN}&sort=company", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/applications?sort=company"
    assert "httponly" in response.headers["set-cookie"].lower()
    assert TOKEN not in response.headers["set-cookie"]
    assert client.get("/").status_code == 200
    assert client.get("/data/backup.json").status_code == 200
    client.cookies.clear()
    client.cookies.set("nextround_access", "tampered.value")
    assert client.get("/").status_code == 401


def test_check_bind_refuses_non_loopback_without_a_strong_token() -> None:
    check_bind("127.0.0.1", "")
    check_bind("::1", "")
    check_bind("localhost", "")
    with pytest.raises(InvalidInputError, match="NEXTROUND_ACCESS_TOKEN"):
        check_bind("0.0.0.0", "")
    with pytest.raises(InvalidInputError, match="at least 16"):
        check_bind("0.0.0.0", "short")
    check_bind("0.0.0.0", TOKEN)
    assert is_loopback("127.0.0.2") and not is_loopback("10.0.0.1")


# -- headers ------------------------------------------------------------------------------------


def test_security_headers_on_pages_and_errors(browser: Browser) -> None:
    for response in (browser.get("/"), browser.get("/nowhere"), browser.get("/static/app.css")):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    assert browser.get("/").headers["cache-control"] == "no-store"
    assert "no-store" not in browser.get("/static/app.css").headers.get("cache-control", "")


def test_pages_have_no_inline_script_or_style(browser: Browser, sqlite_app: Nextround) -> None:

    loaded = load_demo_journey(sqlite_app)
    browser.post("/plan/refresh")
    for path in (
        "/",
        "/applications",
        f"/applications/{loaded.main_application}",
        "/data",
        "/feedback",
        "/profile",
        "/profile/risk-management",
        "/plan",
        "/stories",
        "/stories/1",
        "/stories/new",
        "/frameworks",
        "/frameworks/nextround-core",
    ):
        html = browser.get(path).text
        assert re.findall(r"<script(?![^>]*\bsrc=)", html) == [], path
        assert " style=" not in html and "<style" not in html, path
        assert not re.search(r"<[^>]+\son[a-z]+=", html), path


# -- uploads --------------------------------------------------------------------------------------


def _backup_bytes(browser: Browser) -> bytes:
    response = browser.get("/data/backup.json")
    assert response.status_code == 200
    return response.content


def test_upload_over_the_limit_is_refused_before_parsing(
    make_web: Callable[..., TestClient],
) -> None:
    client = make_web(upload_limit_bytes=50_000)
    browser = Browser(client)
    big = b'{"format": "nextround-backup", "pad": "' + b"x" * 600_000 + b'"}'
    response = browser.post(
        "/data/import", files={"backup": ("huge.json", big, "application/json")}
    )
    assert response.status_code == 413
    assert "limited to 49 KB" in response.text and "Nothing was imported" in response.text
    # Advice a person at the browser can follow: no "split the data", no bare variable name.
    page = html.unescape(response.text)
    assert "Split" not in page
    assert "To restore it, run nextround import json FILE in a terminal on this computer" in page
    assert "start it again with a higher limit, e.g. NEXTROUND_UPLOAD_LIMIT_BYTES=2097152" in page


def test_upload_just_over_the_limit_is_refused_next_to_the_field(
    make_web: Callable[..., TestClient],
) -> None:
    client = make_web(upload_limit_bytes=50_000)
    browser = Browser(client)
    response = browser.post(
        "/data/import", files={"backup": ("big.json", b" " * 60_000, "application/json")}
    )
    assert response.status_code == 413
    assert 'id="import-backup-error"' in response.text
    assert "The file big.json is 59 KB; uploads are limited to 49 KB" in response.text
    assert "run nextround import json big.json in a terminal" in response.text
    assert "NEXTROUND_UPLOAD_LIMIT_BYTES=2097152 nextround serve (2 MB)" in response.text


def test_failed_import_changes_nothing(browser: Browser, sqlite_app: Nextround) -> None:
    app_id = browser.add_application(company="Keep Me")
    doc = json.loads(_backup_bytes(browser))
    doc["tables"]["applications"][0]["applied_on"] = "not-a-date"
    response = browser.post(
        "/data/import",
        {"replace": "1"},
        files={"backup": ("broken.json", json.dumps(doc).encode(), "application/json")},
    )
    assert response.status_code == 422
    assert "Nothing was imported" in response.text
    with sqlite_app.uow() as uow:
        assert get_application(uow, app_id).company == "Keep Me"
        assert uow.applications.count() == 1
    for junk, said in (
        (b"\xff\xfe", "The file x.json is not UTF-8 text; is it a nextround backup? Nothing"),
        (b"{not json", "The file x.json is not valid JSON: Expecting property name"),
        (b'{"format": "something-else"}', "This is not a nextround backup"),
    ):
        bad = browser.post(
            "/data/import", {"replace": "1"}, files={"backup": ("x.json", junk, "text/plain")}
        )
        error = re.search(r'id="import-backup-error">([^<]*)<', bad.text)
        assert bad.status_code == 422 and error, bad.text
        assert html.unescape(error.group(1)).startswith(said), error.group(1)


def test_import_needs_a_file_and_replace_for_a_full_database(browser: Browser) -> None:
    browser.add_application()
    none = browser.post("/data/import", {})
    assert none.status_code == 422 and "choose a backup file" in none.text.lower()
    data = _backup_bytes(browser)
    refused = browser.post("/data/import", files={"backup": ("b.json", data, "application/json")})
    assert refused.status_code == 422
    assert "Replace everything" in refused.text
    # A file that is no backup says so first: ticking Replace would not help it.
    junk = browser.post(
        "/data/import", files={"backup": ("x.json", b'{"hello": 1}', "application/json")}
    )
    error = re.search(r'id="import-backup-error">([^<]*)<', junk.text)
    assert junk.status_code == 422 and error, junk.text
    assert "Nothing was imported" in error.group(1) and "already holds" not in error.group(1)
    # Nor does a picture, a resume or a PDF: each says what it is.
    resume = json.dumps({"basics": {"name": "Priya"}, "work": []}).encode()
    for name, raw, said in (
        ("fake.json", b"\x89PNG\r\n\x1a\n\x00\xff", "The file fake.json is a PNG image, not a"),
        ("cv.json", resume, "This is a JSON Resume, not a nextround backup; upload it under"),
        ("cv.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3", "The file cv.pdf is a PDF document, not a"),
    ):
        junk = browser.post("/data/import", files={"backup": (name, raw, "application/json")})
        error = re.search(r'id="import-backup-error">([^<]*)<', junk.text)
        assert junk.status_code == 422 and error, junk.text
        assert html.unescape(error.group(1)).startswith(said), error.group(1)
        assert "already holds" not in error.group(1)


def test_backup_round_trips_through_the_web(
    browser: Browser, make_web: Callable[..., TestClient]
) -> None:
    app_id = browser.add_application(company="Roundtrip GmbH")
    browser.post(
        f"/applications/{app_id}/rounds",
        {"name": "Screen", "kind": "screen", "started_on": "2026-10-03"},
    )
    data = _backup_bytes(browser)
    fresh = Browser(make_web())
    response = fresh.post("/data/import", files={"backup": ("b.json", data, "application/json")})
    assert response.status_code == 303
    assert "Restored 1 application, 1 round" in fresh.get("/data").text
    assert "Roundtrip GmbH" in fresh.get("/applications").text
    replaced = fresh.post(
        "/data/import", {"replace": "1"}, files={"backup": ("b.json", data, "application/json")}
    )
    assert replaced.status_code == 303
    # What "Replace everything" overwrote is said, as the CLI's --replace says it, and kept.
    shown = fresh.get("/data").text
    assert "in place of 1 application, 1 round" in shown
    kept = re.search(r"What was there is kept in (\S+before-import-[\d-]+\.json)\.", shown)
    assert kept is not None
    assert "Roundtrip GmbH" in Path(kept.group(1)).read_text("utf-8")


def test_downloads_are_attachments(browser: Browser) -> None:
    browser.add_application()
    for path, kind in (
        ("/data/backup.json", "application/json"),
        ("/data/applications.csv", "text/csv"),
        ("/data/interviews.ics", "text/calendar"),
    ):
        response = browser.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(kind)
        assert "attachment;" in response.headers["content-disposition"]
        assert "2026-11-25" in response.headers["content-disposition"]


def test_cached_pages_carry_each_sessions_own_token(browser: Browser) -> None:
    app_id = browser.add_application()
    other = Browser(TestClient(browser.client.app, base_url=BASE))
    for path in ("/", "/applications", f"/applications/{app_id}"):
        mine, theirs = browser.get(path).text, other.get(path).text
        token_pattern = r'name="csrf_token" value="([^"]+)"'
        assert set(re.findall(token_pattern, mine)) == {browser.token()}
        assert set(re.findall(token_pattern, theirs)) == {other.token()}
        placeholder = browser.client.app.state.renderer.token_placeholder
        assert placeholder not in mine


def test_every_form_carries_the_sessions_own_token(browser: Browser) -> None:
    """The forms' macros render a stand-in once per process; each answer fills in the token."""
    app_id = browser.add_application()
    other = Browser(TestClient(browser.client.app, base_url=BASE))
    placeholder = browser.client.app.state.renderer.token_placeholder
    token_pattern = r'name="csrf_token" value="([^"]+)"'
    pages = (
        "/data",
        "/options",
        "/frameworks",
        "/stories/new",
        f"/applications/{app_id}?form=new-round",
    )
    for path in pages:
        mine, theirs = browser.get(path).text, other.get(path).text
        assert set(re.findall(token_pattern, mine)) == {browser.token()}, path
        assert set(re.findall(token_pattern, theirs)) == {other.token()}, path
        assert placeholder not in mine
    fragment = browser.get(
        f"/applications/{app_id}/forms/new-round", headers={"HX-Request": "true"}
    ).text
    assert set(re.findall(token_pattern, fragment)) == {browser.token()}
    assert placeholder not in fragment
