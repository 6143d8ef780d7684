"""CSRF protection: a per-session token in a signed cookie, echoed by every form and htmx call."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from itsdangerous import BadSignature, Signer
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request, cookie_parser

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "nextround_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CsrfError(Exception):
    """A state-changing request without the session's token (or from another origin)."""


class CsrfCookie:
    """Gives each browser session a random token in a signed cookie; puts it in request state.

    The signature (the signed double-submit pattern) means a cookie planted by another site
    on a shared parent domain cannot carry a token of the attacker's choosing.
    """

    def __init__(self, app: ASGIApp, secret: bytes) -> None:
        self.app = app
        self.signer = Signer(secret, salt="nextround.csrf")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cookie = cookie_parser(Headers(scope=scope).get("cookie", "")).get(CSRF_COOKIE)
        token: str | None = None
        if cookie:
            try:
                token = self.signer.unsign(cookie).decode("ascii")
            except (BadSignature, UnicodeDecodeError):
                token = None
        state = scope.setdefault("state", {})
        state["csrf_cookie_valid"] = token is not None
        state["csrf_token"] = token = token or secrets.token_urlsafe(32)
        if state["csrf_cookie_valid"]:
            await self.app(scope, receive, send)
            return
        signed = self.signer.sign(token).decode("ascii")
        secure = "; Secure" if scope.get("scheme") == "https" else ""

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.append(
                    "set-cookie",
                    f"{CSRF_COOKIE}={signed}; Path=/; HttpOnly; SameSite=Lax{secure}",
                )
            await send(message)

        await self.app(scope, receive, send_with_cookie)


async def verify_csrf(request: Request) -> None:
    """Dependency run before every route: refuse unsafe methods without the right token."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise CsrfError(f"the request came from another site ({origin})")
    expected = request.state.csrf_token if request.state.csrf_cookie_valid else None
    submitted: object = request.headers.get(CSRF_HEADER)
    if submitted is None and request.headers.get("content-type", "").startswith(_FORM_TYPES):
        submitted = (await request.form()).get(CSRF_FIELD)
    if not expected or not isinstance(submitted, str):
        raise CsrfError("the form carried no valid session token")
    if not secrets.compare_digest(submitted.encode("utf-8"), expected.encode("utf-8")):
        raise CsrfError("the form's session token does not match")
