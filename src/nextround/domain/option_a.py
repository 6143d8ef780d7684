"""Option A: the person's weighted criteria, their dream role and its must-haves.

A must-have can carry a rule so the record answers it without asking: ``scope>=4`` (a
criterion's rating), ``work_mode=remote,hybrid`` (the application's work mode), words in
one of its fields: ``location~amsterdam,remote``, ``level~staff,principal`` or
``role~platform``, or an offer's terms as `decision set` recorded them: ``base>=110k``,
``first_year>=150000 EUR`` (also ``variable``, ``sign_on``). Written after the text in
square brackets: "no relocation [location~netherlands,remote]". Without a rule the person
says per application whether it is met.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from nextround.domain import values
from nextround.domain.journey import WorkMode
from nextround.errors import DomainError

RATING_MIN, RATING_MAX = 1, 5
MAX_WEIGHT = 100.0
DEFAULT_THRESHOLD = 3.5
MAX_CRITERIA = 20
MAX_MUST_HAVES = 20
_EPSILON = 1e-9

#: The issue's example criteria, equally weighted until the person says otherwise.
DEFAULT_CRITERIA = (
    ("scope", "Scope and impact"),
    ("growth", "Growth"),
    ("mission", "Mission"),
    ("team", "Team and manager"),
    ("compensation", "Compensation"),
    ("location", "Location and remote"),
    ("learning", "Learning"),
)

_ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
_AT_LEAST = re.compile(r"^(?P<criterion>[a-z][a-z0-9-]*)\s*>=\s*(?P<minimum>[1-5])$")
# "base>=110000", "first_year >= 150k EUR": checked before _AT_LEAST, which would take
# "base" for a criterion id (a criterion of that name is still "base>=4": 1 to 5 alone).
_OFFER_AT_LEAST = re.compile(
    r"^(?P<term>base|variable|sign[_-]on|first[_-]year)\s*>=\s*"
    r"(?P<amount>(?![1-5]$)[^\s]+)(?:\s+(?P<currency>[A-Za-z]{3}))?$"
)
_WORK_MODE = re.compile(r"^work_mode\s*=\s*(?P<values>[a-z_, ]+)$")
# The application's fields a rule can look for words in, and what each is called in words.
WORD_FIELDS = {"location": "location", "level": "level", "role": "role title"}
_WORDS = re.compile(r"^(?P<field>location|level|role)\s*~\s*(?P<values>.+)$")
# "level=staff": a word field written like work_mode, which compares whole values.
_WORDS_WITH_EQUALS = re.compile(r"^(?P<field>location|level|role)\s*=\s*(?P<values>.+)$")
#: What a rule can check, said in every error about a rule and in the help.
RULE_FIELDS = (
    "a criterion's rating ([scope>=4]: the id of one of your criteria, at least 1 to 5), the "
    "work mode ([work_mode=remote,hybrid]: remote, hybrid or onsite), or words in the "
    "location, level or role title ([location~amsterdam,remote], [level~staff,principal], "
    "[role~platform]), or an offer's terms ([base>=110k], [first_year>=150000 EUR]; also "
    "variable and sign_on)"
)
_EXAMPLE = "no relocation [location~amsterdam,remote]"
_TRAILING_RULE = re.compile(r"^(?P<text>.*?)\s*\[(?P<rule>[^\[\]]+)\]\s*$", re.DOTALL)


def is_id(ident: str) -> bool:
    """Whether ``ident`` can be taken as an id as it is (case aside)."""
    return _ID.match(ident.strip().lower()) is not None


def check_id(ident: str, what: str = "criterion id") -> str:
    """A short lower-case id such as 'scope' or 'work-life'."""
    checked = ident.strip().lower()
    if not _ID.match(checked):
        raise DomainError(
            f"{what} {ident!r} is not valid; use lower-case letters, digits and hyphens, "
            "starting with a letter (at most 40)"
        )
    return checked


def check_rating(value: int, what: str) -> int:
    """A 1-5 rating."""
    if not RATING_MIN <= value <= RATING_MAX:
        raise DomainError(f"{what} must be {RATING_MIN}-{RATING_MAX}, not {value}")
    return value


def check_threshold(value: float) -> float:
    """The score an opportunity needs to count as close to Option A."""
    if not RATING_MIN <= value <= RATING_MAX:
        raise DomainError(
            f"the threshold is a score between {RATING_MIN} and {RATING_MAX}, not {value:g}"
        )
    return value


def percent_shares(weights: Sequence[float]) -> tuple[int, ...]:
    """Whole percentages of the total, adding up to exactly 100 (largest remainder).

    Rounded one by one, shares drift: weights 3, 2, 2, 1, 3, 2, 1 give 21 + 14 + 14 + 7 + 21
    + 14 + 7 = 98%, and a person checking the sum loses trust in every other figure. So
    each share is rounded down, and the points still missing go one each to the largest
    remainders; on equal remainders to the earlier criterion, so the same weights always
    print the same shares.
    """
    total = sum(weights)
    if not weights or total <= 0:
        return tuple(0 for _ in weights)
    exact = [w * 100 / total for w in weights]
    # The tolerance keeps float noise (14.000000001 or 13.9999999) from moving a whole point.
    shares = [math.floor(x + _EPSILON) for x in exact]
    remainders = [round(x - s, 9) for x, s in zip(exact, shares, strict=True)]
    by_remainder = sorted(range(len(exact)), key=lambda i: (-remainders[i], i))
    for i in by_remainder[: 100 - sum(shares)]:
        shares[i] += 1
    return tuple(shares)


def share_labels(weights: Sequence[float]) -> tuple[str, ...]:
    """Each weight's share as printed: whole percentages adding up to 100, when they can be.

    Largest-remainder rounding gives seven equal weights 15, 15, 14, 14, 14, 14, 14%, which
    reads as if two criteria counted more. When equal weights would print unequal shares,
    each share is shown as what it is instead: "≈14%", equal for equal weights.
    """
    shares = percent_shares(weights)
    by_weight: dict[float, set[int]] = {}
    for weight, share in zip(weights, shares, strict=True):
        by_weight.setdefault(weight, set()).add(share)
    if all(len(seen) == 1 for seen in by_weight.values()):
        return tuple(f"{share}%" for share in shares)
    total = sum(weights)
    exact = [w * 100 / total for w in weights]
    # Half up, as people round: 12.5% is "≈13%" (Python's round() would say 12).
    nearest = [math.floor(x + 0.5 + _EPSILON) for x in exact]
    return tuple(
        f"{n}%" if abs(x - n) < 1e-6 else f"≈{n}%" for x, n in zip(exact, nearest, strict=True)
    )


@dataclass(frozen=True)
class Criterion:
    """Something the person weighs, with how much it matters and what would be enough."""

    id: str
    name: str
    weight: float = 1.0
    # The rating that fully satisfies the criterion; 5 unless "good enough" is less.
    target: int = RATING_MAX

    @property
    def in_sentence(self) -> str:
        """The name mid-sentence: "Compensation" reads "compensation", "OTE" stays "OTE".

        Only a first word written as an ordinary capitalised word is lowered: the rest is
        as the person typed it.
        """
        name = self.name
        if len(name) > 1 and name[0].isupper() and name[1].islower():
            return name[0].lower() + name[1:]
        return name

    def check(self) -> Criterion:
        """The criterion with its fields validated."""
        what = f"the weight of {self.name} ({self.id})"
        if not math.isfinite(self.weight):
            raise DomainError(
                f"{what} must be a number above 0 and at most {MAX_WEIGHT:g}, not "
                f"{self.weight:g}; give a plain number such as 2 or 1.5"
            )
        if self.weight <= 0:
            raise DomainError(
                f"{what} must be above 0, not {self.weight:g}; to leave it out, remove the "
                "criterion instead of weighting it 0"
            )
        if self.weight > MAX_WEIGHT:
            # Only the shares count (a weight over the sum of all), so a smaller scale loses
            # nothing.
            raise DomainError(
                f"{what} must be at most {MAX_WEIGHT:g}, not {self.weight:g}; weights count "
                "only against each other, so scale them down: 5 against 1 weighs as 500 "
                "against 100"
            )
        check_rating(self.target, f"the target of {self.name} ({self.id})")
        return replace(self, id=check_id(self.id), name=values.name(self.name, "criterion name"))


class RuleKind(StrEnum):
    """What a must-have's rule looks at."""

    AT_LEAST = "at_least"
    WORK_MODE = "work_mode"
    LOCATION = "location"
    LEVEL = "level"
    ROLE = "role"
    OFFER = "offer"


#: The offer terms a rule can check, by the name written in it, and what each is in words.
OFFER_TERMS = {
    "base": ("base_salary", "base salary"),
    "variable": ("variable_pay", "variable pay"),
    "sign_on": ("sign_on", "sign-on bonus"),
    "first_year": ("first_year", "first-year total"),
}


#: The rule kinds that look for words in one of the application's fields.
WORD_RULES = (RuleKind.LOCATION, RuleKind.LEVEL, RuleKind.ROLE)


@dataclass(frozen=True)
class Rule:
    """How the record answers a must-have."""

    kind: RuleKind
    criterion: str | None = None
    minimum: int | None = None
    values: tuple[str, ...] = ()
    #: An offer rule's currency, when it names one (``base>=110000 USD``).
    currency: str | None = None

    def __str__(self) -> str:
        if self.kind is RuleKind.AT_LEAST:
            return f"{self.criterion}>={self.minimum}"
        if self.kind is RuleKind.OFFER:
            code = f" {self.currency}" if self.currency else ""
            return f"{self.criterion}>={self.minimum}{code}"
        if self.kind is RuleKind.WORK_MODE:
            return "work_mode=" + ",".join(self.values)
        return f"{self.kind.value}~" + ",".join(self.values)


def parse_rule(text: str) -> Rule:
    """'scope>=4', 'work_mode=remote,hybrid', or words: 'location~amsterdam,remote'.

    The fields words are looked for in: location, level and role (the role title).
    """
    raw = " ".join(text.split())
    if match := _OFFER_AT_LEAST.match(raw):
        return _offer_rule(raw, match)
    if match := _AT_LEAST.match(raw):
        return Rule(RuleKind.AT_LEAST, check_id(match["criterion"]), int(match["minimum"]))
    if match := _WORK_MODE.match(raw):
        modes = tuple(v.strip() for v in match["values"].split(",") if v.strip())
        unknown = [m for m in modes if m not in {w.value for w in WorkMode}]
        if unknown or not modes:
            from nextround.domain.choice_words import synonyms_for
            from nextround.domain.near_miss import did_you_mean

            typed = (unknown or [""])[0]
            guess = did_you_mean(
                typed, [w.value for w in WorkMode], synonyms=synonyms_for(WorkMode)
            )
            raise DomainError(
                f"work mode {typed!r} in rule {raw!r} is not one of: "
                + ", ".join(w.value for w in WorkMode)
                + (guess if typed else "")
            )
        return Rule(RuleKind.WORK_MODE, values=modes)
    if match := _WORDS.match(raw):
        words = tuple(v.strip().casefold() for v in match["values"].split(",") if v.strip())
        if words:
            return Rule(RuleKind(match["field"]), values=words)
    if match := _WORDS_WITH_EQUALS.match(raw):
        field_name, words_given = match["field"], match["values"].strip()
        raise DomainError(
            f"rule {raw!r} looks for words in the {WORD_FIELDS[field_name]}: write it with ~, "
            f"[{field_name}~{words_given}] (met when the {WORD_FIELDS[field_name]} contains "
            "one of the words)"
        )
    raise DomainError(f"rule {raw!r} is not understood; a rule can check {RULE_FIELDS}")


def _offer_rule(raw: str, match: re.Match[str]) -> Rule:
    """'base>=110k USD': an offer term at least an amount, in a currency if one is named."""
    from nextround.domain.offer_terms import currency
    from nextround.domain.typed_numbers import UnreadNumberError, money

    term = match["term"].replace("-", "_")
    typed = match["amount"]
    try:
        minimum = money(typed.lstrip("$€£¥₹"), f"in rule {raw!r}, the amount")
    except UnreadNumberError as exc:
        said = str(exc).replace("goes in --currency", f"goes after it: [{term}>=110k USD]")
        raise DomainError(said) from None
    code = currency(match["currency"]) if match["currency"] else None
    return Rule(RuleKind.OFFER, term, minimum, currency=code)


def _name_for(rule: Rule) -> str:
    """A name that says what a rule checks, to suggest when a must-have has none."""
    if rule.kind is RuleKind.OFFER:
        said = OFFER_TERMS[rule.criterion or "base"][1]
        return f"{said} {rule.minimum:,}+" + (f" {rule.currency}" if rule.currency else "")
    if rule.kind is RuleKind.AT_LEAST:
        return f"{rule.criterion} {rule.minimum} or more"
    if rule.kind is RuleKind.WORK_MODE:
        return " or ".join(rule.values)
    if rule.kind is RuleKind.LOCATION:
        return "no relocation"
    return f"{WORD_FIELDS[rule.kind.value]}: {' or '.join(rule.values)}"


def criterion_id_for(name: str) -> str:
    """The id a criterion gets from its display name: 'Work-life balance' -> 'work-life-balance'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = "-".join(re.findall(r"[a-z0-9]+", plain.casefold()))[:40].rstrip("-")
    if not slug:
        return "criterion"
    return slug if slug[0].isalpha() else f"c-{slug}"[:40].rstrip("-")


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > 40:
            break
        slug = candidate
    if not slug or not slug[0].isalpha():
        slug = f"must-{slug}".strip("-")[:40]
    return slug


@dataclass(frozen=True)
class MustHave:
    """Something Option A cannot do without."""

    id: str
    text: str
    rule: Rule | None = None

    @classmethod
    def parse(cls, raw: str, taken: set[str] | None = None) -> MustHave:
        """'no relocation [location~netherlands,remote]': text, then an optional rule."""
        match = _TRAILING_RULE.match(raw.strip())
        text, rule = (match["text"], parse_rule(match["rule"])) if match else (raw, None)
        if "[" in text or "]" in text:
            # A rule typed with a bracket missing would otherwise become part of the name.
            raise DomainError(
                f"must-have {raw.strip()!r} has an unclosed or stray bracket; write its rule "
                f"last, in one pair of brackets, e.g. '{_EXAMPLE}'"
            )
        if not text.strip():
            # The name is what every warning shows; the rule only answers it from the record.
            if rule is None:
                raise DomainError(
                    f"a must-have needs a name, then optionally a rule in brackets, e.g. "
                    f"'{_EXAMPLE}'"
                )
            raise DomainError(
                f"must-have {raw.strip()!r} has a rule but no name; write the name first, "
                f"e.g. '{_name_for(rule)} [{rule}]'"
            )
        checked = values.name(text, "must-have")
        ident, n = _slug(checked), 2
        base = ident
        while taken and ident in taken:
            ident, n = f"{base[:36]}-{n}", n + 1
        return cls(ident, checked, rule)

    def __str__(self) -> str:
        return f"{self.text} [{self.rule}]" if self.rule else self.text


@dataclass(frozen=True)
class OptionA:
    """The dream role: a description, must-haves, weighted criteria and a threshold score."""

    criteria: tuple[Criterion, ...]
    description: str | None = None
    must_haves: tuple[MustHave, ...] = ()
    threshold: float = DEFAULT_THRESHOLD
    # False while the person has not saved their own criteria: the defaults are in use.
    defined: bool = False

    @classmethod
    def defaults(cls) -> OptionA:
        """The example criteria, all of weight 1, nothing defined yet."""
        return cls(tuple(Criterion(i, n) for i, n in DEFAULT_CRITERIA))

    def check(self) -> OptionA:
        """Raise DomainError unless the definition is consistent; returns it normalised."""
        if not self.criteria:
            raise DomainError("Option A needs at least one criterion")
        if len(self.criteria) > MAX_CRITERIA or len(self.must_haves) > MAX_MUST_HAVES:
            raise DomainError(
                f"keep it to {MAX_CRITERIA} criteria and {MAX_MUST_HAVES} must-haves at most"
            )
        criteria = tuple(c.check() for c in self.criteria)
        ids = [c.id for c in criteria]
        if len(set(ids)) != len(ids):
            raise DomainError("each criterion id may appear only once")
        check_threshold(self.threshold)
        for must in self.must_haves:
            if must.rule and must.rule.kind is RuleKind.AT_LEAST and must.rule.criterion not in ids:
                raise DomainError(
                    f"must-have {must.text!r} refers to criterion {must.rule.criterion!r}, "
                    f"which is not one of yours ({', '.join(ids)})"
                )
        description = values.text(self.description, "Option A description", limit=5_000)
        return replace(self, criteria=criteria, description=description)

    def criterion(self, criterion_id: str) -> Criterion:
        """One criterion by id."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise DomainError(
            f"no criterion {criterion_id!r}; yours are: {', '.join(c.id for c in self.criteria)}"
        )

    def must_have(self, must_id: str) -> MustHave:
        """One must-have by id."""
        for m in self.must_haves:
            if m.id == must_id:
                return m
        known = ", ".join(m.id for m in self.must_haves) or "none defined yet"
        raise DomainError(f"no must-have {must_id!r}; yours are: {known}")

    @property
    def total_weight(self) -> float:
        """The sum of all weights."""
        return sum(c.weight for c in self.criteria)

    def shares(self) -> tuple[int, ...]:
        """Each criterion's whole-percent share of the total weight, adding up to 100."""
        return percent_shares([c.weight for c in self.criteria])

    def share_labels(self) -> tuple[str, ...]:
        """Each criterion's share as printed: equal weights always show equal shares."""
        return share_labels([c.weight for c in self.criteria])

    def reweighted(self, criterion_id: str, factor: float) -> OptionA:
        """The same Option A with one weight multiplied (for sensitivity)."""
        return replace(
            self,
            criteria=tuple(
                replace(c, weight=c.weight * factor) if c.id == criterion_id else c
                for c in self.criteria
            ),
        )

    def to_json(self) -> dict[str, Any]:
        """The definition as stored and as `options show --json` prints it."""
        return {
            "description": self.description,
            "threshold": self.threshold,
            "must_haves": [
                {"id": m.id, "text": m.text, "rule": str(m.rule) if m.rule else None}
                for m in self.must_haves
            ],
            "criteria": [
                {"id": c.id, "name": c.name, "weight": c.weight, "target": c.target}
                for c in self.criteria
            ],
            "defined": self.defined,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> OptionA:
        """Read a stored definition back (it is checked again, so a bad restore is caught)."""
        try:
            return cls(
                criteria=tuple(
                    Criterion(c["id"], c["name"], float(c["weight"]), int(c.get("target", 5)))
                    for c in data["criteria"]
                ),
                description=data.get("description"),
                must_haves=tuple(
                    MustHave(m["id"], m["text"], parse_rule(m["rule"]) if m.get("rule") else None)
                    for m in data.get("must_haves", [])
                ),
                threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
                defined=True,
            ).check()
        except (KeyError, TypeError, ValueError) as exc:
            raise DomainError(
                f"the stored Option A is damaged ({exc!r})",
                cli_hint="set it again with `nextround options define` and "
                "`nextround options criteria set`",
                web_hint="set it again under “Your Option A” and “Criteria, weights and targets”",
            ) from None


@dataclass(eq=False)
class OptionRating:
    """How one opportunity measures up, in the person's own 1-5 ratings and verdicts."""

    application_id: int
    scores: dict[str, int] = field(default_factory=dict)
    must_haves: dict[str, bool] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def rate(
        self,
        option_a: OptionA,
        scores: Mapping[str, int | None],
        verdicts: Mapping[str, bool | None],
    ) -> None:
        """Set (or with None, clear) ratings and must-have verdicts; all checked first."""
        for criterion_id, score in scores.items():
            option_a.criterion(criterion_id)
            if score is not None:
                check_rating(score, f"the rating for {criterion_id}")
        for must_id in verdicts:
            option_a.must_have(must_id)
        # New dicts rather than changes in place: the stored row is only rewritten when the
        # ORM sees a different value, and an in-place change would look like no change.
        new_scores = dict(self.scores)
        new_verdicts = dict(self.must_haves)
        for criterion_id, score in scores.items():
            if score is None:
                new_scores.pop(criterion_id, None)
            else:
                new_scores[criterion_id] = score
        for must_id, verdict in verdicts.items():
            if verdict is None:
                new_verdicts.pop(must_id, None)
            else:
                new_verdicts[must_id] = verdict
        self.scores = new_scores
        self.must_haves = new_verdicts
