"""Form state for templates, and typed reading of submitted fields with an error per field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from starlette.datastructures import ImmutableMultiDict, UploadFile

from nextround.domain.calendar_days import calendar_day, calendar_moment, example_day
from nextround.domain.labels import capitalised
from nextround.domain.text_lines import split_lines
from nextround.domain.values import FieldRules
from nextround.errors import InvalidInputError, NextroundError
from nextround.web.csrf import CSRF_FIELD

E = TypeVar("E", bound=StrEnum)

#: Which field a domain message is about: the domain's messages lead with the field's name
#: ("company is required…", "duration 900 min is not possible…"), so a pattern per field
#: finds where to show it. Anything unmatched is shown at the top of the form.
ErrorRoutes = Sequence[tuple[str, str]]


class FormState:
    """What a form shows: the values typed (or stored), and an error next to each bad field."""

    def __init__(
        self,
        key: str,
        values: Mapping[str, str] | None = None,
        errors: Mapping[str, str] | None = None,
        error: str | None = None,
    ) -> None:
        self.key = key
        self.values = dict(values or {})
        self.errors = dict(errors or {})
        self.error = error
        self._focus_given = False

    def value(self, name: str) -> str:
        """The field's value as text."""
        return self.values.get(name, "")

    def checked(self, name: str) -> bool:
        """Whether a checkbox is ticked."""
        return self.values.get(name, "") not in ("", "0", "off", "false")

    def error_for(self, name: str) -> str | None:
        """The message to show next to a field."""
        return self.errors.get(name)

    def field_id(self, name: str) -> str:
        """A page-unique element id for a field of this form."""
        return f"{self.key}-{name}".replace("_", "-")

    @property
    def failed(self) -> bool:
        """Whether the form has any error to show."""
        return bool(self.errors or self.error)

    def takes_focus(self, name: str | None = None) -> bool:
        """Whether this control gets ``autofocus``, so the page lands on it without a script.

        A form shown again with errors is often far below the top of its page: the browser
        scrolls to the first field with an error, or to the message about the whole form
        (``name`` None). Templates ask in the order they render, so the first one shown wins;
        a form without errors never takes the focus.
        """
        if self._focus_given:
            return False
        self._focus_given = bool(self.error) if name is None else name in self.errors
        return self._focus_given


class FormReader:
    """Reads submitted fields into typed values; problems are kept per field, not raised."""

    def __init__(self, key: str, data: ImmutableMultiDict[str, Any]) -> None:
        values = {k: v for k, v in data.multi_items() if isinstance(v, str)}
        self.data = data
        self.state = FormState(key, values)

    def raw(self, name: str) -> str:
        """The field as typed."""
        return self.state.value(name)

    def text(self, name: str) -> str | None:
        """Optional text; empty means not given. The domain trims and checks it."""
        value = self.raw(name)
        return value if value.strip() else None

    def required(self, name: str) -> str:
        """Text the domain requires; passed on even when empty, so its own message shows."""
        return self.raw(name)

    def date(self, name: str, what: str, *, required: bool = False) -> date | None:
        """A YYYY-MM-DD date."""
        value = self.raw(name).strip()
        if not value:
            if required:
                self.fail(name, f"give the {what}, e.g. {example_day().isoformat()}")
            return None
        try:
            return calendar_day(value, "")  # no field name: the message sits under the field
        except InvalidInputError as exc:
            self.fail(name, exc.message.strip())
            return None

    def moment(self, name: str) -> datetime | None:
        """A date and time, without an offset unless one is typed: the caller places it."""
        value = self.raw(name).strip()
        if not value:
            return None
        try:
            # No field name: the message sits under the field. Says which part is wrong.
            return calendar_moment(value, "")
        except InvalidInputError as exc:
            self.fail(name, exc.message.strip())
            return None

    def integer(self, name: str, what: str) -> int | None:
        """An optional whole number."""
        value = self.raw(name).strip()
        if not value:
            return None
        if not re.fullmatch(r"[+-]?\d{1,9}", value):
            self.fail(name, f"{what} must be a whole number, not {value!r}")
            return None
        return int(value)

    def money(self, name: str, what: str) -> int | None:
        """An optional sum of money in whole units: 120000, 120,000 or 120k."""
        from nextround.domain.typed_numbers import UnreadNumberError, money

        value = self.raw(name).strip()
        if not value:
            return None
        try:
            return money(value, what)
        except UnreadNumberError as exc:
            self.fail(name, exc.hint.replace("in --currency", "in the Currency field"))
            return None

    def choice(self, name: str, enum: type[E], *, default: E | None = None) -> E | None:
        """One of an enum's values; empty gives ``default``."""
        value = self.raw(name).strip()
        if not value:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            self.fail(name, f"{value!r} is not one of: {allowed}")
            return default

    def words(self, name: str) -> list[str]:
        """Comma-separated items, such as tags; the words of one item stay together."""
        return [w.strip() for w in re.split(r"[,\n]+", self.raw(name)) if w.strip()]

    def lines(self, name: str) -> list[str]:
        """Non-empty lines."""
        return [line.strip() for line in split_lines(self.raw(name)) if line.strip()]

    def flag(self, name: str) -> bool:
        """A checkbox."""
        return self.state.checked(name)

    def confirmed(self, doing: str = "deleting") -> bool:
        """Whether the confirming "confirm" box of a delete form is ticked; if not, says so."""
        if self.flag("confirm"):
            return True
        self.fail("confirm", f"tick the box to confirm; {doing} cannot be undone")
        return False

    def upload(self, name: str) -> UploadFile | None:
        """An uploaded file, if one was chosen."""
        value = self.data.get(name)
        if isinstance(value, UploadFile) and value.filename:
            return value
        return None

    def upload_within(
        self, name: str, limit: int, missing: str, too_big: Callable[[UploadFile], str]
    ) -> UploadFile | None:
        """The file chosen in ``name``; none chosen, or one over ``limit``, fails the field.

        ``too_big`` says what to do about a file that is too big, after "the file x is 3 MB; ".
        A file over the limit is still returned, so the page can answer 413 rather than 422.
        """
        from nextround.web.limits import describe_size

        upload = self.upload(name)
        if upload is None:
            self.fail(name, missing)
        elif upload.size is not None and upload.size > limit:
            said = f"the file {upload.filename} is {describe_size(upload.size)}; "
            self.fail(name, said + too_big(upload))
        return upload

    def check(self, name: str, rule: Callable[[], object]) -> None:
        """Apply a domain rule to a readable field now, so its error shows with the others'.

        Without it, a form told of one bad field per submit: the use case stops at the
        first broken rule, and is not even called while a date cannot be read.
        """
        if name in self.state.errors:
            return
        try:
            rule()
        except NextroundError as exc:
            self.fail(name, exc.for_web())

    def check_fields(self, fields: Mapping[str, Any], rules: FieldRules) -> None:
        """Apply each given field's own rule (see values.FieldRules); every bad one is kept."""
        for name, rule in rules.items():
            if name in fields:
                self.check(name, partial(rule, fields))

    def fail(self, name: str, message: str) -> None:
        """Record a problem with a field (the first one per field is kept)."""
        self.state.errors.setdefault(name, capitalised(message))

    @property
    def ok(self) -> bool:
        """Whether every field was readable."""
        return not self.state.failed

    def explain(self, exc: NextroundError, routes: ErrorRoutes) -> FormState:
        """Put a use case's error next to the field it is about, or atop the form."""
        message = exc.for_web()
        for field, pattern in routes:
            if re.search(pattern, message, re.IGNORECASE):
                self.fail(field, message)
                return self.state
        self.state.error = capitalised(message)
        return self.state


def values_of(pairs: Iterable[tuple[str, object]]) -> dict[str, str]:
    """Field values as the text a form shows (None as empty)."""
    return {name: "" if value is None else str(value) for name, value in pairs}


class FormBook:
    """The forms of a page: each filled from stored values, except the one that just failed."""

    def __init__(self, failed: FormState | None = None, wanted: str | None = None) -> None:
        self.failed = failed
        self.wanted = wanted
        self.shown: set[str] = set()

    def inline(self, key: str) -> bool:
        """Whether to render form ``key`` in the page (it failed, or was asked for)."""
        return key == self.wanted or self.is_open(key)

    def get(self, key: str, values: Mapping[str, str] | None = None) -> FormState:
        """The form ``key``: as the user submitted it if it failed, else from ``values``."""
        self.shown.add(key)
        if self.failed is not None and self.failed.key == key:
            return self.failed
        return FormState(key, values)

    @property
    def failed_unseen(self) -> bool:
        """Whether the failed form is not on the page (its use case no longer applies)."""
        return self.failed is not None and self.failed.key not in self.shown

    def messages(self) -> list[str]:
        """Every message of the failed form, for showing it at the top of the page."""
        if self.failed is None:
            return []
        return [m for m in (self.failed.error, *self.failed.errors.values()) if m]

    def typed(self) -> list[str]:
        """The words typed into the failed form, in field order, to show when it is unseen.

        Free text only (anything with a space in it): a debrief posted from a page left
        open after its interview was moved is refused, and the page no longer has its form,
        so without this the user's writing would be gone.
        """
        if self.failed is None:
            return []
        return [
            value.strip()
            for name, value in self.failed.values.items()
            if name != CSRF_FIELD and len(value.strip().split()) > 1
        ]

    def is_open(self, key: str) -> bool:
        """Whether ``key`` is the form that failed (so its disclosure starts open)."""
        return self.failed is not None and self.failed.key == key
