"""A calendar invite on the web: upload it on an application's page, see what it adds, confirm."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from nextround.errors import NextroundError, NotFoundError
from nextround.io.invites import MAX_INVITE_BYTES, Invite, read_invite
from nextround.services.invite_import import (
    ImportedInvite,
    InvitePlan,
    import_invite,
    plan_invite,
)
from nextround.store.uow import SqlUnitOfWork
from nextround.web.deps import FormDep, Web, WebDep
from nextround.web.forms import FormReader
from nextround.web.limits import describe_size

router = APIRouter()

ACCEPT = ".ics,text/calendar"


def _round_position(web: Web, app_id: int, round_id: int | None) -> int | None:
    """The round's stage number, checked to be the application's (by id, as "Add an interview")."""
    if round_id is None:
        return None

    def position(uow: SqlUnitOfWork) -> int:
        owner, round_ = uow.applications.get_round(round_id)
        if owner.id != app_id:
            raise NotFoundError("round", round_id, f"application {app_id} has no such round")
        return round_.position

    return web.read(position)


def _for_what(web: Web, app_id: int, round_id: int | None) -> str | None:
    """'Round 2 (Final loop) of Tidewater Labs': where a refused invite was going, for a retry."""

    def said(uow: SqlUnitOfWork) -> str:
        app = uow.applications.get(app_id)
        if round_id is not None:
            owner, round_ = uow.applications.get_round(round_id)
            if owner.id == app_id:
                return f"Round {round_.position} ({round_.name}) of {app.company}"
        return f"Application {app_id} ({app.company}, {app.role_title})"

    try:
        return web.read(said)
    except NextroundError:
        return None


def _preview(
    web: Web,
    app_id: int,
    *,
    plan: InvitePlan | None = None,
    invite: Invite | None = None,
    raw: str = "",
    round_id: int | None = None,
    me: str = "",
    error: str | None = None,
) -> Response:
    return web.page(
        "invite_preview.html",
        status=422 if error else 200,
        app_id=app_id,
        plan=plan,
        invite=invite,
        raw=raw,
        round_id=round_id,
        me=me,
        error=error,
        for_what=_for_what(web, app_id, round_id) if plan is None else None,
        accept=ACCEPT,
        limit=describe_size(MAX_INVITE_BYTES),
    )


def _refused(exc: NextroundError) -> str:
    said = exc.for_web()
    return f"{said}{'' if said.endswith(('.', '?')) else '.'} Nothing was imported."


def _me(value: str) -> list[str]:
    return [part for part in value.replace(",", " ").split() if part]


@router.post("/applications/{app_id}/invites")
def preview_invite(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Read an uploaded invite and show what importing it would do; nothing is written."""
    reader = FormReader("invite", form)
    round_id = reader.integer("round", "the round")
    me = reader.text("me") or ""
    upload = reader.upload("invite")
    if upload is None:
        return _preview(
            web, app_id, round_id=round_id, me=me, error="Choose the invite file (.ics)."
        )
    raw = upload.file.read(MAX_INVITE_BYTES + 1)
    return _planned(web, app_id, raw, upload.filename or "invite.ics", round_id, me)


def _planned(
    web: Web, app_id: int, raw: bytes, name: str, round_id: int | None, me: str
) -> Response:
    try:
        invite = read_invite(raw, name)
        position = _round_position(web, app_id, round_id)
        plan = web.read(lambda uow: plan_invite(uow, invite, app_id, position, _me(me)))
    except NextroundError as exc:
        return _preview(web, app_id, round_id=round_id, me=me, error=_refused(exc))
    text = raw.decode("utf-8-sig")
    return _preview(web, app_id, plan=plan, invite=invite, raw=text, round_id=round_id, me=me)


@router.post("/applications/{app_id}/invites/import")
def confirm_invite(app_id: int, web: WebDep, form: FormDep) -> Response:
    """Import the invite just previewed, planned again: all its events in one transaction."""
    reader = FormReader("invite", form)
    round_id = reader.integer("round", "the round")
    me = reader.text("me") or ""
    raw = reader.raw("invite_text").encode("utf-8")
    name = reader.text("file_name") or "invite.ics"
    also_here = reader.flag("also_here")
    try:
        invite = read_invite(raw, name)
        position = _round_position(web, app_id, round_id)

        def run(uow: SqlUnitOfWork) -> ImportedInvite:
            plan = plan_invite(uow, invite, app_id, position, _me(me))
            return import_invite(uow, plan, also_here=also_here)

        done = web.write(run)
    except NextroundError as exc:
        return _preview(web, app_id, round_id=round_id, me=me, error=_refused(exc))
    said = done.summary()
    if done.new_people:
        said += f" Added to People: {', '.join(done.new_people)}."
    anchor = f"#interview-{done.interviews[0].id}" if done.interviews else ""
    return web.redirect(f"/applications/{app_id}{anchor}", f"From the invite {name}: {said}")
