"""The upload size limit: requests with bigger bodies are refused before anything is parsed."""

from __future__ import annotations

import shlex
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.datastructures import Headers

if TYPE_CHECKING:
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Room for the multipart framing and the other form fields around an uploaded file.
FORM_OVERHEAD = 256 * 1024
#: Bodies declared bigger than this many times the cap are refused without reading them.
DRAIN_FACTOR = 8


class RequestTooLargeError(Exception):
    """A request body over the limit."""

    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.size = size
        self.limit = limit


def describe_size(size: int) -> str:
    """Bytes as people say them: 5 MB, 812 KB (binary units, like the 5 MB default limit)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


_MB = 1024 * 1024


def larger_upload_advice(
    path: str, size: int | None, limit: int, filename: str | None = None
) -> str:
    """What to do with a file over the limit, as steps a person at the browser can take.

    Splitting a backup is no option, and a web page cannot change the limit: the command
    line reads files of any size, or the app can be started again with a higher limit.
    """
    wanted = max(size or 0, 2 * limit)
    higher = (wanted + _MB - 1) // _MB * _MB + _MB  # a whole number of MB, above the file
    file = shlex.quote(filename) if filename else "FILE"
    if path.startswith("/frameworks"):
        use = f"To import it, run nextround framework import {file}"
    else:
        use = f"To restore it, run nextround import json {file}"
    where = "in the file's folder" if filename else "with FILE the path to the file"
    return (
        f"{use} in a terminal on this computer, {where}: files read there have no upload "
        "limit. Or stop nextround and start it again with a higher limit, e.g. "
        f"NEXTROUND_UPLOAD_LIMIT_BYTES={higher} nextround serve ({describe_size(higher)})."
    )


class BodyLimit:
    """Refuses request bodies over ``limit`` plus form overhead, with a clear page.

    A body declared too large is answered at once with ``too_large``'s page. The body is
    first read and dropped (up to a bound) because a browser that is cut off mid-upload
    shows a connection error instead of our message. A body that only turns out too
    large while streaming raises RequestTooLargeError, which the app renders the same way.
    """

    def __init__(
        self,
        app: ASGIApp,
        limit: int,
        too_large: Callable[[Scope, RequestTooLargeError], Awaitable[Response]],
    ) -> None:
        self.app = app
        self.limit = limit
        self.cap = limit + FORM_OVERHEAD
        self.too_large = too_large

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        size = int(declared) if declared and declared.isdigit() else None
        if size is not None and size > self.cap:
            if size <= self.cap * DRAIN_FACTOR:
                await _drain(receive)
            response = await self.too_large(scope, RequestTooLargeError(size, self.limit))
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.cap:
                    raise RequestTooLargeError(None, self.limit)
            return message

        await self.app(scope, counting_receive, send)


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
