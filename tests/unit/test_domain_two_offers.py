"""Two offers at once: the note after an acceptance, the second-yes warning, the wording."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from nextround.domain.gone_quiet import quiet_advice
from nextround.domain.offer_deadline import (
    Accepted,
    AcceptedOffer,
    AnswerDue,
    OfferWaiting,
    already_accepted,
    latest_accepted,
)

TODAY = date(2026, 11, 27)
NORTHWIND = AnswerDue("Northwind Software", date(2026, 11, 25), TODAY, 1)


def test_the_offer_still_waiting_is_named_with_the_command_that_declines_it():
    waiting = OfferWaiting("Northwind Software", 1, NORTHWIND)
    assert waiting.command_line() == (
        "You still have an offer from Northwind Software waiting (answer by Wed 25 Nov, "
        "overdue by 2 days): decline it with `nextround decision edit 1 --response declined`."
    )
    # On the web, the same words around a link to the company, and no command line syntax.
    before, company, after = waiting.on_page()
    assert company == "Northwind Software"
    assert f"{before}{company}{after}".startswith(waiting.waiting)
    assert "nextround" not in after and "--response" not in after


def test_an_offer_without_a_deadline_is_named_without_one():
    assert OfferWaiting("Lumen", 4).waiting == "You still have an offer from Lumen waiting"


def test_the_reminder_leads_with_declining_once_another_offer_is_accepted():
    assert "--outcome offer --response accepted` (or declined)" in NORTHWIND.command()
    assert NORTHWIND.action() == "Answer Northwind Software's offer by Wed 25 Nov"
    declining = replace(NORTHWIND, accepted_elsewhere="Aurora Analytics GmbH")
    assert declining.command() == (
        "you have accepted Aurora Analytics GmbH's offer: decline it, or accept it instead: "
        "`nextround decision edit 1 --response declined` (or accepted)"
    )
    assert declining.action() == "Decline Northwind Software's offer by Wed 25 Nov"
    assert declining.where("“Change the decision”").startswith(
        "You have accepted Aurora Analytics GmbH's offer: decline it, or accept it instead"
    )
    assert declining.to_json()["accepted_elsewhere"] == "Aurora Analytics GmbH"
    assert "accepted_elsewhere" not in NORTHWIND.to_json()


def test_a_second_acceptance_is_warned_about_naming_the_first_and_its_day():
    aurora = AcceptedOffer("Aurora Analytics GmbH", 3, date(2026, 11, 27))
    assert already_accepted([aurora], 1) == [aurora]
    assert already_accepted([aurora], 3) == []  # correcting the accepted one itself
    assert (
        aurora.warning(TODAY) == "You have already accepted Aurora Analytics GmbH's offer (27 Nov)."
    )
    assert aurora.warning(date(2027, 1, 4)).endswith("(27 Nov 2026).")


def test_quiet_processes_are_to_withdraw_from_once_an_offer_is_accepted():
    assert quiet_advice(False, command_line=True).startswith("Follow up once, or close it")
    after = quiet_advice(True, command_line=True)
    assert after.startswith("You have accepted an offer: withdraw from these to let them know")
    assert "--as withdrawal" in after
    assert "Follow up" not in quiet_advice(True, command_line=False)


def test_several_accepted_name_the_latest_accepted_and_say_how_many():
    # Accepted last by its day, not by its id: application 2 was accepted after 5.
    later = AcceptedOffer("Aurora Analytics", 2, date(2026, 11, 26))
    earlier = AcceptedOffer("Lumen Cloud", 5, date(2026, 11, 20))
    assert latest_accepted([later, earlier]) == Accepted("Aurora Analytics", 2)
    # The same day: then the higher id, as recorded later.
    same_day = AcceptedOffer("Kite", 1, date(2026, 11, 26))
    assert latest_accepted([later, same_day]) == Accepted("Aurora Analytics", 2)
    assert latest_accepted([]) is None
    declining = replace(NORTHWIND, accepted_elsewhere="Aurora Analytics", accepted_count=2)
    assert declining.command().startswith(
        "you have accepted 2 offers, the latest Aurora Analytics's: decline it"
    )
    assert declining.where("“Change the decision”").startswith(
        "You have accepted 2 offers, the latest Aurora Analytics's: decline it"
    )
    assert declining.to_json()["accepted_offers"] == 2


def test_the_offer_still_waiting_in_json_carries_its_deadline_and_the_note():
    waiting = OfferWaiting("Northwind Software", 1, NORTHWIND)
    assert waiting.to_json() == {
        "application_id": 1,
        "company": "Northwind Software",
        "answer_by": {"answer_by": "2026-11-25", "days_left": -2, "overdue": True},
        "note": waiting.command_line(),
    }
    assert OfferWaiting("Lumen", 4).to_json()["answer_by"] is None
