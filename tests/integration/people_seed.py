"""A small search with people met at two companies and one tied to none, for the People list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from nextround.bootstrap import Nextround
from nextround.domain.contacts import ContactRole
from nextround.domain.journey import Interviewer, RoundKind
from nextround.domain.notes import Note, Recipient, Tone
from nextround.services.applications import add_application
from nextround.services.contacts import add_contact, list_contacts
from nextround.services.process import add_interview, add_round
from nextround.services.stamps import touch


@dataclass(frozen=True)
class People:
    """The ids of what was seeded."""

    orbital: int
    cobalt: int
    ravi: int
    zoe: int
    elodie: int
    sam: int


def seed_people(app: Nextround) -> People:
    """Orbital Pay: Ravi on a held, a called-off and a coming interview; Zoe, the recruiter,
    sent a note. Cobalt: Élodie, the hiring manager, never met yet. Sam: a mentor, no company.

    Dated for the tests' fixed clock (25 Nov 2026).
    """
    with app.uow() as uow:
        orbital = add_application(
            uow, {"company": "Orbital Pay", "role_title": "TPM", "applied_on": date(2026, 9, 1)}
        )
        cobalt = add_application(
            uow, {"company": "Cobalt", "role_title": "Staff PM", "applied_on": date(2026, 9, 3)}
        )
        assert orbital.id is not None and cobalt.id is not None
        add_round(uow, orbital.id, {"name": "Loop", "kind": RoundKind.FINAL_LOOP,
                                    "started_on": date(2026, 10, 1)})  # fmt: skip
        ravi = [Interviewer("Ravi Menon", "Staff engineer")]
        for title, day, off in (("Deep dive", 2, False), ("Panel", 20, True)):
            add_interview(uow, orbital.id, None, {"title": title, "interviewers": ravi,
                          "scheduled_at": datetime(2026, 10, day, 10, tzinfo=UTC),
                          "called_off": off})  # fmt: skip
        add_interview(uow, orbital.id, None, {"title": "Wrap-up", "interviewers": ravi,
                      "scheduled_at": datetime(2026, 12, 2, 9, tzinfo=UTC)})  # fmt: skip
        zoe = add_contact(uow, "Zoe Park", ContactRole.RECRUITER, application_id=orbital.id,
                          email="zoe@orbital.example", phone="+44 20 7946 0000")  # fmt: skip
        elodie = add_contact(uow, "Élodie Marchand", ContactRole.HIRING_MANAGER,
                             application_id=cobalt.id, notes="Met at a meetup.")  # fmt: skip
        sam = add_contact(uow, "Sam Okafor", ContactRole.MENTOR)
        [ravi_id] = [c.id for c in list_contacts(uow, orbital.id) if c.name == "Ravi Menon"]
        for sent_on, to in ((date(2026, 10, 10), zoe), (None, None)):
            # A sent note to Zoe; a draft to Ravi (a draft is no contact yet).
            who = to or uow.contacts.get(ravi_id or 0)
            note = Note(orbital.id, Tone.AFTER_INTERVIEW, f"Thanks, {who.name}", "Thank you.",
                        [Recipient(who.name, who.email, who.id)], sent_on=sent_on)  # fmt: skip
            touch(uow.now(), note)
            uow.notes.add(note)
        uow.commit()
    assert None not in (ravi_id, zoe.id, elodie.id, sam.id)
    return People(orbital.id, cobalt.id, ravi_id or 0, zoe.id or 0, elodie.id or 0, sam.id or 0)
