"""A statement cut after "However," prints opening with a capital; its JSON keeps it as cut."""

import json

TEXT = (
    "Your stakeholder management was excellent. However, in the ML system design interview "
    "you struggled to explain the trade-offs between batch and online scoring."
)
CUT = "in the ML system design interview you struggled"
SHOWN = "In the ML system design interview you struggled"


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_feedback_add_and_show_quote_a_cut_statement_as_a_sentence(cli):
    added = _flat(cli.ok("feedback", "add", TEXT))
    assert SHOWN in added and CUT not in added, added
    shown = _flat(cli.ok("feedback", "show", "1"))
    # The whole text is printed as typed ("However, in the …"); the statement opens itself.
    assert f"#2 gap {SHOWN}" in shown or f"#2 neutral {SHOWN}" in shown, shown
    stored = json.loads(cli.ok("feedback", "show", "1", "--json"))
    assert [s["text"] for s in stored["statements"]][1].startswith(CUT)
    pending = json.loads(cli.ok("feedback", "review", "--json"))
    assert any(p["statement"]["text"].startswith(CUT) for p in pending)
