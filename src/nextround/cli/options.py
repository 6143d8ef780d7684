"""`nextround options`: Option A, weighted criteria, ratings, the ranking and its robustness."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from nextround.cli.common import console, escape, paragraph, print_json, state
from nextround.cli.option_ranking import render_ranking
from nextround.cli.option_views import (
    assessment_json,
    print_offer_comparison,
    render_assessment,
    render_criteria,
    render_option_a,
    sensitivity_json,
)
from nextround.errors import InvalidInputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Your Option A: weighted criteria, must-haves, and opportunities ranked against it.",
)
criteria_app = typer.Typer(
    add_completion=False,
    invoke_without_command=True,
    help="List your criteria and weights, or change them.",
)
app.add_typer(criteria_app, name="criteria")

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
_YES = {"yes", "y", "true", "met", "1"}
_NO = {"no", "n", "false", "missed", "0"}
_CLEAR = {"-", "none", "clear"}


def _pairs(tokens: list[str], what: str) -> list[tuple[str, str]]:
    pairs = []
    for token in tokens:
        key, sep, value = token.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InvalidInputError(f"{token!r} is not {what}, e.g. scope=3")
        pairs.append((key.strip().lower(), value.strip().lower()))
    return pairs


def _number(value: str, key: str, kind: type[int] | type[float]) -> Any:
    """A weight (a decimal comma reads too) or a 1-5 rating/target, as ``kind`` says."""
    from nextround.domain.typed_numbers import UnreadNumberError, decimal, rating

    try:
        return rating(value, key) if kind is int else decimal(value)
    except UnreadNumberError as exc:
        if kind is int:
            raise InvalidInputError(f"{key}={value!r}: {exc.hint}") from None
        raise InvalidInputError(
            f"{key}={value!r}: the value must be a number; {exc.hint}"
        ) from None


def _option_number(value: str | None, option: str) -> float | None:
    """A number given to an option (--threshold 3,5 reads as 3.5)."""
    from nextround.domain.typed_numbers import UnreadNumberError, decimal

    if value is None:
        return None
    try:
        return decimal(value)
    except UnreadNumberError as exc:
        raise InvalidInputError(f"{option} {value!r} is not a number; {exc.hint}") from None


@app.command("show")
def show(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Your Option A: description, must-haves, threshold and criteria."""
    from nextround.services.options import get_option_a

    with state(ctx).app.uow(writes=False) as uow:
        option_a = get_option_a(uow)
    if as_json:
        print_json(option_a.to_json())
        return
    render_option_a(option_a)


@app.command("define")
def define(
    ctx: typer.Context,
    description: Annotated[
        str | None, typer.Option(help="Your dream role in a few sentences.")
    ] = None,
    must: Annotated[
        list[str] | None,
        typer.Option(
            "--must",
            # Rich reads [...] as markup in help text: the backslashes keep the brackets.
            help="A must-have: its name, then optionally a rule in brackets that the record "
            "answers. A rule checks a criterion's rating ('a mission I care about "
            "\\[mission>=4]'), the work mode ('remote or hybrid \\[work_mode=remote,hybrid]'), "
            "or words in the location, level or role title ('no relocation "
            "\\[location~amsterdam,remote]', 'Staff or above \\[level~staff,principal]', "
            "'platform work \\[role~platform]'), or the offer's terms as `decision set` "
            "recorded them ('base pay 110k+ \\[base>=110000]'; also first_year, variable, "
            "sign_on, and a currency after the amount: \\[first_year>=150k USD]). Repeat; the "
            "list replaces the old one.",
        ),
    ] = None,
    no_musts: Annotated[bool, typer.Option("--no-musts", help="Remove every must-have.")] = False,
    threshold: Annotated[
        str | None,
        typer.Option(help="Lowest score (1-5) you would say yes to, e.g. 3.5 (or 3,5)."),
    ] = None,
) -> None:
    """Describe Option A: the role you want, its must-haves and your threshold."""
    from nextround.services.options import define as define_option_a

    if must and no_musts:
        raise InvalidInputError("give --must or --no-musts, not both")
    if description is None and must is None and not no_musts and threshold is None:
        raise InvalidInputError("nothing to change; give --description, --must or --threshold")
    with state(ctx).app.uow() as uow:
        option_a = define_option_a(
            uow,
            description=description,
            must_haves=[] if no_musts else must,
            threshold=_option_number(threshold, "--threshold"),
        )
    render_option_a(option_a)


@criteria_app.callback()
def criteria(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List your criteria and their weights."""
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.options import get_option_a

    with state(ctx).app.uow(writes=False) as uow:
        option_a = get_option_a(uow)
    if as_json:
        print_json(option_a.to_json()["criteria"])
        return
    if not option_a.defined:
        console().print("[dim]Defaults, all weight 1: `options criteria set scope=3 ...`[/]")
    render_criteria(option_a)


@criteria_app.command("set")
def criteria_set(
    ctx: typer.Context,
    weights: Annotated[
        list[str] | None,
        typer.Argument(help="New weights as ID=WEIGHT, e.g. scope=3 growth=1.5 (or 1,5)."),
    ] = None,
    target: Annotated[
        list[str] | None,
        typer.Option(help="A target as ID=1-5 (the rating that is enough); repeat."),
    ] = None,
) -> None:
    """Change the weights (and targets) of your criteria."""
    from nextround.services.options import set_weights

    new_weights = {k: _number(v, k, float) for k, v in _pairs(weights or [], "ID=WEIGHT")}
    targets = {k: _number(v, k, int) for k, v in _pairs(target or [], "ID=TARGET")}
    if not new_weights and not targets:
        raise InvalidInputError("nothing to change; give ID=WEIGHT, e.g. scope=3")
    with state(ctx).app.uow() as uow:
        option_a = set_weights(uow, new_weights, targets)
    render_criteria(option_a)


@criteria_app.command("add")
def criteria_add(
    ctx: typer.Context,
    criterion_id: Annotated[
        str,
        typer.Argument(
            help="Short id, e.g. 'work-life', or its name in words, e.g. "
            "'Data/fintech domain' (the id is then made from it)."
        ),
    ],
    name: Annotated[str | None, typer.Option(help="Display name (default: from the id).")] = None,
    weight: Annotated[
        str, typer.Option(help="How much it counts, e.g. 2 or 1.5 (1,5 works too).")
    ] = "1",
    target: Annotated[int, typer.Option(help="The 1-5 rating that is enough.")] = 5,
) -> None:
    """Add a criterion of your own."""
    from nextround.domain.option_a import criterion_id_for, is_id
    from nextround.services.options import add_criterion

    if name is None and not is_id(criterion_id):
        # Words rather than an id: the web's form takes a name alone, so the command does too.
        name, criterion_id = criterion_id.strip(), criterion_id_for(criterion_id)
    label = name or criterion_id.replace("-", " ").capitalize()
    weight_value = _option_number(weight, "--weight")
    assert weight_value is not None  # the option has a default
    with state(ctx).app.uow() as uow:
        option_a = add_criterion(uow, criterion_id, label, weight_value, target)
    render_criteria(option_a)


@criteria_app.command("remove")
def criteria_remove(
    ctx: typer.Context, criterion_id: Annotated[str, typer.Argument(help="Criterion id.")]
) -> None:
    """Remove a criterion (ratings for it are kept, unused)."""
    from nextround.services.options import remove_criterion

    with state(ctx).app.uow() as uow:
        option_a = remove_criterion(uow, criterion_id)
    render_criteria(option_a)


# -- rating and ranking ------------------------------------------------------------------------


@app.command("rate")
def rate(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(help="Application id (see `nextround app list`).")],
    values: Annotated[
        list[str] | None,
        typer.Argument(
            help="CRITERION=1-5 or MUST-HAVE=yes|no (use - to clear), e.g. scope=4 "
            "no-relocation=no. Without values: show how it measures up."
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Rate an opportunity against your criteria and must-haves."""
    from nextround.services.options import assess_application, get_option_a
    from nextround.services.options import rate as rate_opportunity

    with state(ctx).app.uow() as uow:
        if values:
            option_a = get_option_a(uow)
            criteria = {c.id for c in option_a.criteria}
            musts = {m.id for m in option_a.must_haves}
            scores: dict[str, int | None] = {}
            verdicts: dict[str, bool | None] = {}
            for key, value in _pairs(values, "CRITERION=1-5 or MUST-HAVE=yes|no"):
                if key in criteria:
                    scores[key] = None if value in _CLEAR else _number(value, key, int)
                elif key in musts:
                    verdicts[key] = _verdict(key, value)
                else:
                    known = ", ".join(sorted(criteria | musts))
                    raise InvalidInputError(
                        f"{key!r} is neither a criterion nor a must-have ({known})"
                    )
            assessment = rate_opportunity(uow, app_id, scores, verdicts)
        else:
            assessment = assess_application(uow, app_id)
    if as_json:
        print_json(assessment_json(assessment))
        return
    render_assessment(assessment)


def _verdict(key: str, value: str) -> bool | None:
    if value in _CLEAR:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InvalidInputError(f"{key}={value!r}: say yes or no (or - to clear)")


@app.command("rank")
def rank(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help="Only processes still open.")] = False,
    as_json: AsJson = False,
) -> None:
    """Rated opportunities ranked against Option A, and whether ±20% on a weight changes it.

    Score: the weighted mean of the 1-5 ratings. Gap to Option A: the weighted
    root-mean-square shortfall below each criterion's target, in rating points (0 means
    Option A is met everywhere; a surplus on one criterion never offsets a shortfall on
    another, and one deep miss weighs more than several small ones).

    Order, best first: an opportunity that misses a must-have comes after every one that
    does not; then by score, a partial one (not every criterion rated) by its "at least",
    the score if every unrated criterion got a 1 ("floor" in --json).
    """
    from nextround.services.options import ranking
    from nextround.services.other_offers import (
        answer_clashes,
        offers_side_by_side,
        offers_side_by_side_json,
    )

    with state(ctx).app.uow(writes=False) as uow:
        view = ranking(uow, open_only=open_only)
        # An offer due before another process's interview: the time to ask for is now.
        clashes = answer_clashes(uow)
        compared = offers_side_by_side(uow)
        compared_json = offers_side_by_side_json(uow) if as_json else []
    if as_json:
        print_json(
            {
                "option_a": view.option_a.to_json(),
                "ranking": [
                    {"rank": i, **assessment_json(a)}
                    for i, a in enumerate(view.assessments, start=1)
                ],
                "sensitivity": sensitivity_json(view.sensitivity),
                "not_ranked": [assessment_json(a) for a in view.unscored],
                "unrated": view.unrated,
                # Offers with terms, per currency: two or more, else [].
                "offers_side_by_side": compared_json,
                # Offers whose answer is due before another process's next interview.
                "answer_before_interviews": clashes,
            }
        )
        return
    render_ranking(view)
    for clash in clashes:
        paragraph(f"[yellow]{escape(clash)}[/]", 0, 2)
    if compared:
        console().print()
        print_offer_comparison(compared)
