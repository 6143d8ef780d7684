"""A note as an .eml file (RFC 5322) that any mail client opens, non-ASCII names included."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from nextround.domain.notes import Recipient
from nextround.errors import InvalidInputError


def _address(name: str, email: str) -> Address:
    try:
        return Address(display_name=name, addr_spec=email)
    except (ValueError, IndexError):
        raise InvalidInputError(f"{email!r} ({name}) is not an email address; fix it") from None


def note_message(
    *,
    subject: str,
    body: str,
    recipients: Sequence[Recipient],
    sender_name: str,
    sender_email: str | None,
    sent_at: datetime | None,
) -> bytes:
    """The message as bytes, with headers encoded per RFC 2047 where names are not ASCII.

    People without an address on record are greeted in the text but left out of To (an
    address cannot be made up). A note sent is dated when it went out (``sent_at``); one not
    yet sent has no Date and carries X-Unsent, so Outlook and Thunderbird open it as a draft
    ready to send.
    """
    if not sender_email:
        # RFC 5322 requires a From mailbox, and an address cannot be made up.
        raise InvalidInputError(
            "an .eml needs your own address in From",
            cli_hint='set it once with `nextround note sender "Your Name <you@example.com>"` '
            "or pass --from",
            web_hint="give your name and email under “Who your notes are from” first",
        )
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject
    message["From"] = _address(sender_name, sender_email)
    addressed = [_address(r.name, r.email) for r in recipients if r.email]
    if addressed:
        message["To"] = addressed
    if sent_at is not None:
        message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = make_msgid(domain="nextround.invalid")
    if sent_at is None:
        message["X-Unsent"] = "1"
    # Quoted-printable keeps the file 7-bit clean for any client, while the text stays UTF-8.
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8", cte="quoted-printable")
    return message.as_bytes()
