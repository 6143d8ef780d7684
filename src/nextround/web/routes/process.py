"""Rounds and interviews: add and edit the stages and sessions of a process."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter
from starlette.responses import RedirectResponse, Response

from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Round, WentOn
from nextround.domain.labels import words
from nextround.errors import DomainError, NotFoundError
from nextround.services import process as process_service
from nextround.services.calling_off import RoundInterviews
from nextround.services.frameworks import name_probed
from nextround.services.lookup import application_of_interview, application_of_round
from nextround.services.process import (
    InterviewFields,
    InterviewSaved,
    RoundFields,
    ending_left_open,
    next_round,
    record_interview,
    round_date_note,
)
from nextround.services.process_removal import (
    InterviewRemoval,
    RoundRemoval,
    remove_interview,
    remove_round,
)
from nextround.store.uow import SqlUnitOfWork
from nextround.web import journey_forms as jf
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader
from nextround.web.rendering import moment
from nextround.web.routes.detail import render_detail, submit

router = APIRouter()


@router.post("/applications/{app_id}/rounds")
def new_round(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Add the next round; the rounds still pending before it are passed, unless kept."""
    reader = FormReader("new-round", form)
    fields = jf.read_round(reader)
    keep_pending = reader.flag("keep_pending")

    def add(uow: SqlUnitOfWork, f: RoundFields) -> tuple[Noted, WentOn]:
        went = next_round(uow, app_id, f, keep_pending=keep_pending)
        return _noted(uow, went.round), went

    def done(saved: tuple[Noted, WentOn]) -> tuple[str, str]:
        (round_, note, _, _), went = saved
        said = [f"Added round {round_.position}: {round_.name}.", went.text()]
        if went.passed:
            one = len(went.passed) == 1
            said.append(
                f"If {'it' if one else 'one'} is still open, set its outcome back to Pending "
                "under “Edit round”."
            )
        said.append(f"Note: {note}." if note else "")
        return f"round-{round_.id}", " ".join(part for part in said if part)

    return submit(web, app_id, reader, fields, run=add, routes=jf.ROUND_ERRORS, done=done)


@router.get("/rounds/{round_id}")
def round_page(round_id: int, web: WebDep) -> Response:
    """A round is shown on its application's page: the address of its forms leads there."""
    owner = web.read(lambda uow: application_of_round(uow, round_id))
    return RedirectResponse(f"/applications/{owner}#round-{round_id}", status_code=303)


@router.get("/interviews/{interview_id}")
def interview_page(interview_id: int, web: WebDep) -> Response:
    """An interview is shown in its round on the application's page: its forms lead there."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    return RedirectResponse(f"/applications/{owner}#interview-{interview_id}", status_code=303)


@router.post("/rounds/{round_id}")
def change_round(round_id: int, web: WebDep, form: FormDep) -> Response:
    """Change a round: its dates, outcome, notes."""
    owner = web.read(lambda uow: application_of_round(uow, round_id))
    reader = FormReader(f"round-{round_id}", form)
    fields = jf.read_round(reader, editing=True)
    return submit(
        web,
        owner,
        reader,
        fields,
        run=lambda uow, f: _noted(uow, *_changed(process_service.change_round(uow, round_id, f))),
        routes=jf.ROUND_ERRORS,
        done=_reported("Saved"),
        warn=lambda saved: (
            "The application is still open. If this ended the process, record it under "
            "“Close the application”."
            if saved[2]
            else None
        ),
    )


def _changed(followed: RoundInterviews) -> tuple[Round, str]:
    return followed.round, followed.text()


def _noted(uow: SqlUnitOfWork, round_: Round, followed: str = "") -> Noted:
    """The round, its date note, whether it was lost with the process open, and more.

    More: what its new outcome did to its interviews ("" when nothing). The date note (None
    when in step) says when its date is out of step with the rounds around it; a round rejected
    or withdrawn from while the application is still open asks for the decision.
    """
    assert round_.id is not None
    left_open = ending_left_open(uow, round_.id) is not None
    return round_, round_date_note(uow, round_.id), left_open, followed


Noted = tuple[Round, str | None, bool, str]


def _reported(verb: str) -> Callable[[Noted], tuple[str, str]]:
    """The anchor and message after a round is saved, with its date note if it has one."""

    def done(saved: Noted) -> tuple[str, str]:
        round_, note, _, followed = saved
        message = f"{verb} round {round_.position}: {round_.name}."
        if followed:
            message += f" {followed}"
        return f"round-{round_.id}", f"{message} Note: {note}." if note else message

    return done


@router.post("/applications/{app_id}/interviews")
def new_interview(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Add an interview to one of the application's rounds."""
    reader = FormReader(f"new-interview-{form.get('round', '')}", form)
    round_id = reader.integer("round", "the round")
    fields = jf.read_interview(reader)

    def add(uow: SqlUnitOfWork, f: InterviewFields) -> tuple[InterviewSaved, list[str]]:
        # By id, not stage number: a page left open while an earlier round was deleted
        # would otherwise add the interview to the round that moved into that number.
        position = None
        if round_id is not None:
            owner, round_ = uow.applications.get_round(round_id)
            if owner.id != app_id:
                raise NotFoundError("round", round_id, f"application {app_id} has no such round")
            position = round_.position
        return _with_notes(uow, f, lambda: record_interview(uow, app_id, position, f))

    return submit(
        web,
        app_id,
        reader,
        fields,
        run=add,
        routes=jf.INTERVIEW_ERRORS,
        done=_interview_saved("Added"),
    )


@router.post("/interviews/{interview_id}")
def change_interview(interview_id: int, web: WebDep, form: FormDep) -> Response:
    """Change an interview."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    reader = FormReader(f"interview-{interview_id}", form)
    fields = jf.read_interview(reader, editing=True)

    def save(uow: SqlUnitOfWork, f: InterviewFields) -> tuple[InterviewSaved, list[str]]:
        _, _, stored = uow.applications.get_interview(interview_id)
        changes = jf.interview_changes(f, stored)
        return _with_notes(
            uow, changes, lambda: process_service.change_interview(uow, interview_id, changes)
        )

    return submit(
        web,
        owner,
        reader,
        fields,
        run=save,
        routes=jf.INTERVIEW_ERRORS,
        done=_interview_saved("Saved"),
    )


def _with_notes(
    uow: SqlUnitOfWork, fields: InterviewFields, save: Callable[[], InterviewSaved]
) -> tuple[InterviewSaved, list[str]]:
    """Save an interview whose competencies may be named by id or name, with any notes."""
    notes = name_probed(uow, fields)
    return save(), notes


def _interview_saved(verb: str) -> Callable[[tuple[InterviewSaved, list[str]]], tuple[str, str]]:
    """The anchor and message after an interview is saved, with its notes and new people."""

    def done(saved: tuple[InterviewSaved, list[str]]) -> tuple[str, str]:
        recorded, notes = saved
        interview = recorded.interview
        # When it is, on both clocks: a new time zone alone keeps the moment, and says so.
        when = f", on {moment(interview.scheduled_at, interview.time_zone)}"
        parts = [
            f"{verb} the interview {interview.title}{when if interview.scheduled_at else ''}.",
            *(f"Note: {n}." for n in notes),
        ]
        if verb == "Added" and interview.scheduled_at is None:
            # Without a time it is missing from the week's plan and the calendar file.
            parts.append(
                "No time given: add it with “Edit interview”, so it shows in the week's plan "
                "and the interviews calendar (.ics)."
            )
        if recorded.new_people:
            names = ", ".join(
                c.name if c.role is ContactRole.INTERVIEWER else f"{c.name} ({words(c.role)})"
                for c in recorded.new_people
            )
            parts.append(f"Added to People: {names}; add an email there for thank-you notes.")
        parts += [f"Note: {text}." for text in recorded.met_before]
        message = " ".join(parts)
        return f"interview-{interview.id}", message

    return done


@router.post("/rounds/{round_id}/delete")
def delete_round(round_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete a round added by mistake, after an explicit confirmation."""
    owner = web.read(lambda uow: application_of_round(uow, round_id))
    return _confirmed_removal(
        web,
        owner,
        FormReader(f"delete-round-{round_id}", form),
        remove=lambda uow: remove_round(uow, round_id),
        anchor=lambda _: "process",
    )


@router.post("/interviews/{interview_id}/delete")
def delete_interview(interview_id: int, web: WebDep, form: FormDep) -> Response:
    """Delete an interview added by mistake, after an explicit confirmation."""
    owner = web.read(lambda uow: application_of_interview(uow, interview_id))
    return _confirmed_removal(
        web,
        owner,
        FormReader(f"delete-interview-{interview_id}", form),
        remove=lambda uow: remove_interview(uow, interview_id),
        anchor=lambda removed: f"round-{removed.round.id}",
    )


R = TypeVar("R", RoundRemoval, InterviewRemoval)


def _confirmed_removal(
    web: Web,
    owner: int,
    reader: FormReader,
    remove: Callable[[SqlUnitOfWork], R],
    anchor: Callable[[R], str],
) -> Response:
    """Run a removal once its box is ticked; say what went and what was kept."""
    if not reader.confirmed():
        return render_detail(web, owner, reader.state, 422)
    try:
        removed = web.write(remove)
    except DomainError as exc:
        reader.explain(exc, ())
        return render_detail(web, owner, reader.state, 422)
    message = " ".join(filter(None, [f"Deleted {removed.summary}.", removed.kept]))
    return web.redirect(f"/applications/{owner}#{anchor(removed)}", message)
