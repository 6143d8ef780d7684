"""Who may talk to the server: the access token, loopback Host names, and security headers."""

from __future__ import annotations

import hashlib
import ipaddress
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode

from itsdangerous import BadSignature, Signer
from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.responses import PlainTextResponse, RedirectResponse, Response

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS_COOKIE = "nextround_access"
SECRET_FILE = "web-secret"
MIN_TOKEN_LENGTH = 16

# No inline script or style anywhere: htmx is configured (meta tag) not to inject styles or
# evaluate code, and charts use presentation attributes only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin rather than no-referrer: with no-referrer, browsers send "Origin: null" on
    # our own form posts, which would defeat the Origin check.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


def load_secret(data_dir: Path) -> bytes:
    """The key that signs cookies, kept in the data folder so restarts keep sessions valid."""
    path = data_dir / SECRET_FILE
    try:
        secret = path.read_bytes()
        if len(secret) >= 32:
            return secret
    except OSError:
        pass
    secret = secrets.token_bytes(32)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(secret)
    except OSError:
        pass  # a read-only data folder: sessions then last as long as the process
    return secret


def is_loopback(host: str) -> bool:
    """Whether a bind address or Host name only reaches this machine."""
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str) -> None:
    """Refuse to listen beyond this machine without a strong access token."""
    from nextround.errors import InvalidInputError

    if is_loopback(host):
        return
    if not token:
        raise InvalidInputError(
            f"refusing to listen on {host}, which other machines can reach, without an access "
            "token; set NEXTROUND_ACCESS_TOKEN (e.g. to the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(24))'`) or bind 127.0.0.1"
        )
    if len(token) < MIN_TOKEN_LENGTH:
        raise InvalidInputError(
            f"NEXTROUND_ACCESS_TOKEN is {len(token)} characters; use at least "
            f"{MIN_TOKEN_LENGTH} random characters on a non-loopback bind"
        )


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


class SecurityHeaders:
    """Adds the security headers to every response, and no-store to everything but assets."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_asset = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in present]
                if not is_asset and b"cache-control" not in present:
                    # Pages hold personal data: keep them out of shared and disk caches.
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AccessGuard:
    """Lets a request in only with the access token (when one is set) and a sane Host.

    Without a token the server only listens on loopback, and the Host check stops a web
    page from reaching it through DNS rebinding. With a token, every request must carry it
    as ``Authorization: Bearer`` or the cookie set by visiting any page with ``?token=``.
    """

    def __init__(self, app: ASGIApp, token: str, secret: bytes) -> None:
        self.app = app
        self.token = token.encode("utf-8")
        self.signer = Signer(secret, salt="nextround.access")
        self.fingerprint = hashlib.sha256(self.token).hexdigest().encode("ascii")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if not self.token:
            if not is_loopback(_host_name(headers.get("host", ""))):
                await PlainTextResponse(
                    "This server only answers on localhost addresses.", status_code=400
                )(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "token" in query and scope["method"] in ("GET", "HEAD"):
            await self._exchange(scope, receive, send, query)
            return
        if self._carries_token(headers):
            await self.app(scope, receive, send)
            return
        await _refuse(scope, receive, send)

    def _carries_token(self, headers: Headers) -> bool:
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and secrets.compare_digest(
            given.strip().encode("utf-8"), self.token
        ):
            return True
        cookie = cookie_parser(headers.get("cookie", "")).get(ACCESS_COOKIE)
        if not cookie:
            return False
        try:
            value = self.signer.unsign(cookie)
        except BadSignature:
            return False
        return secrets.compare_digest(value, self.fingerprint)

    async def _exchange(
        self, scope: Scope, receive: Receive, send: Send, query: dict[str, str]
    ) -> None:
        """Trade ``?token=`` for a cookie, and drop the token from the address bar."""
        if not secrets.compare_digest(query.pop("token").encode("utf-8"), self.token):
            await _refuse(scope, receive, send)
            return
        target = scope["path"] + (f"?{urlencode(query)}" if query else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            ACCESS_COOKIE,
            self.signer.sign(self.fingerprint).decode("ascii"),
            httponly=True,
            samesite="lax",
            secure=scope.get("scheme") == "https",
            max_age=60 * 60 * 24 * 30,
        )
        await response(scope, receive, send)


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    response: Response = PlainTextResponse(
        "nextround needs its access token. Open this address with ?token=YOUR_TOKEN once "
        "(the value of NEXTROUND_ACCESS_TOKEN), or send 'Authorization: Bearer YOUR_TOKEN'.",
        status_code=401,
        headers={"www-authenticate": 'Bearer realm="nextround"'},
    )
    await response(scope, receive, send)
