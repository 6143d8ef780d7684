"""Phrase patterns for a verdict on what the person did: "needs work", "others were stronger".

Some criticism names its topic first and judges it after: "Data skills need work", "your
risk section is still thin", "it's a blocker". The topic is often a good thing ("skills",
"confidence"), so word by word, and to an embedding probe trained on behaviour indicators,
the statement reads as praise. Others judge by comparison ("others were stronger in data",
"the other finalists had more hands-on experience") or by excess ("some of your answers
were quite long"), where the praise word ("stronger") belongs to someone else or the
degree word ("quite") is what criticises. A "verdict" phrase names the gap: like a named
development area (see ``polarity_areas``) it decides its clause, so the praise words before
it count only as its topic, and like advice it swallows the praise words after it.

They are written from how reviewers and recruiters phrase such verdicts in general, never
from one text. Each is a (kind, weight, regex) entry of ``polarity_phrases.PHRASES``.
"""

from __future__ import annotations

# Who the person is compared with: "others", "the other finalists", "another candidate",
# "the successful candidate", "someone who ...".
_OTHERS = (
    r"(?:others|(?:the |some |several |a few |many |most |both |all )?other (?:candidates?|"
    r"applicants?|finalists?|people|interviewees|contenders)|the (?:other|successful|chosen|"
    r"preferred|winning|selected) (?:candidates?|applicants?|finalists?|person|people|hire|"
    r"profiles?)|another (?:candidate|applicant|finalist|person|profile)|someone else|"
    r"somebody else|the rest of the (?:field|shortlist|group|pool)|(?:a |one )?(?:candidates?|"
    r"applicants?|finalists?|person|people|someone|somebody|profiles?) (?:who|that|whose \w+))"
)
# What they had over the person; "were strong" alone praises the field, not a comparison.
_HAD = (
    r"(?:was|were|had|has|have|came across as|come across as|seemed|appeared|showed|brought|"
    r"demonstrated|offered|did|could show|could demonstrate|felt)"
)
_MORE = (
    r"(?:(?:a (?:bit|little|lot)|slightly|much|far|simply|just|clearly|somewhat|significantly)"
    r" )?(?:stronger|better|deeper|broader|richer|greater|closer|sharper|clearer|further|"
    r"more|a (?:stronger|better|closer|clearer|broader|deeper) )"
)
# Words for too much of something said or written.
_LONG = (
    r"(?:long|lengthy|wordy|verbose|long-winded|rambling|rambly|drawn[- ]out|convoluted|"
    r"waffly|over-long|overlong)"
)
_DEGREE = (
    r"(?:quite|very|really|pretty|fairly|a (?:bit|little|touch)(?: too)?|slightly|somewhat|"
    r"rather|overly|too|a little on the|a bit on the|on the)"
)
_COPULA = (
    r"(?:is|are|was|were|'s|'re|felt|feels|seemed|seems|got|gets|ran|runs|came across as|"
    r"comes across as|tended to be|tends to be|tend to be|could be|can be|became)"
)
# What is said or written: "your answers were long" criticises them without a degree word.
_SAID = (
    r"(?:answers?|responses?|replies|explanations?|examples?|stories|story|presentations?|"
    r"updates?|e-?mails?|messages?|slides?|decks?|documents?|docs?|reports?|introductions?|"
    r"intro|pitch|summary|summaries|write-?ups?|narratives?|monologues?)"
)
# "still thin", "pretty thin", "still a bit thin": how far along, then how much.
_STILL = (
    r"(?:(?:still|also|currently) )?(?:(?:quite|pretty|fairly|rather|very|really|too|somewhat|"
    r"slightly|overly|a (?:bit|little|touch)(?: too)?) )?"
)

# The person named in the comparison: "... stronger than you", "... than yours".
_THAN_YOU = r"(?=[^,;:.!?]*\bthan (?:you|yours|your)\b)"

# Who holds a concern: the reviewers ("we had", "there were", "our main"), not the person
# ("you listened to concerns about", "raised concerns about the timeline").
_HELD_BY_REVIEWER = (
    r"(?:had|have|has|having|were|was|are|is|remain|remains|remained|our|my|their|one|a|the) "
)

VERDICT_PHRASES: tuple[tuple[str, float, str], ...] = (
    # A comparison the person loses, said of them: "the other finalist was stronger than
    # you on pricing".
    ("verdict", -1.0, rf"{_OTHERS}(?:,? \w+)? {_HAD} {_MORE}{_THAN_YOU}"),
    # "You weren't as strong as the other candidate", "not quite so confident as": the
    # denial falls on the quality compared, past the "as" that would end its reach.
    (
        "negator",
        1.0,
        r"(?:[a-z]+n't|not)(?: (?:quite|nearly|always|anywhere near|really))? (?:as|so) "
        r"(?=[a-z-]+ as\b)",
    ),
    # What the other candidate had, with the person left out: "the other finalists had
    # more hands-on experience", "we went with someone who had more depth", "another
    # applicant was a better fit". It explains the hiring decision and describes someone
    # else; what it names is no evidence of the person's skill either way, so the rest of
    # the clause is about them too (an "aside"), until a conjunction brings the person
    # back ("..., which you lacked").
    ("aside", 0.0, rf"{_OTHERS}(?:,? \w+)? {_HAD} {_MORE}"),
    # What the role wishes for: "we're looking for someone who can hit the ground running".
    # What someone "can" or "will" do describes the hire to come, not the person; what they
    # lack is a requirement (see ``polarity_requirements``), read before this.
    (
        "aside",
        0.0,
        r"(?:looking for|seeking|searching for|after|need|needs|want|wants|hoping to find) "
        r"(?:someone|somebody|a (?:candidate|person|profile|designer|developer|engineer|"
        r"manager|leader|colleague)|an (?:applicant|engineer)) (?:who|that) (?:can|could|will|"
        r"would|is able to|is going to)\b",
    ),
    # Too much of it: "some of your answers were quite long", "the deck was a bit wordy".
    ("verdict", -1.0, rf"{_COPULA} {_DEGREE} {_LONG}\b"),
    ("verdict", -1.0, rf"{_SAID} (?:\w+ )?{_COPULA}(?: {_DEGREE})? {_LONG}\b"),
    # The topic named, then judged: "Data skills need work", "needs more polish".
    (
        "verdict",
        -1.0,
        r"(?:(?:still|also|really|definitely|clearly|probably) )?(?:needs?|needed|requires?|"
        r"required)(?: (?:a lot of|a lot more|a bit more|a bit of|"
        r"a little more|some|more|further|real|serious|significant|much more|lots of))? "
        r"(?:work|improvement|improving|development|developing|attention|polish|polishing|"
        r"strengthening|building|practice|practising|practicing)\b",
    ),
    # "Your risk section is still thin", "it's a blocker for the roles you want".
    (
        "verdict",
        -1.0,
        rf"(?:is|are|was|were|'s|'re|remains?|remained|stays?|stayed|looks?|looked|seems?|"
        rf"seemed|felt|feels) {_STILL}(?:thin|patchy|shaky|sketchy|underdeveloped|undercooked|"
        r"lacking|missing|light|a (?:real |big |major |clear |key )?(?:weakness|blocker|gap|"
        r"concern|red flag|sticking point|weak spot|blind spot)|not (?:there|where it needs to "
        r"be) yet)\b",
    ),
    # "We had concerns about how you handle performance management": a worry about a
    # topic is a gap whatever the topic, and the topic's words ("handle", "management")
    # are only what it is about. "No concerns about ..." is read before this, as praise.
    (
        "verdict",
        -1.0,
        rf"{_HELD_BY_REVIEWER}(?:(?:some|a few|a couple of|several|real|serious|major|"
        r"significant|big|genuine|slight|minor|strong|certain|main|key|lingering|remaining|"
        r"further|other|also|still) )*(?:concerns?|reservations?|worries) (?:about|around|"
        r"regarding|concerning|over|with|as to|re|on)\b",
    ),
    # "Possibly a question mark over people leadership", "question marks around your
    # depth": a doubt about a topic, said as a mark against it, is a gap whatever the
    # topic's words. Not "no question mark over", read as praise before this.
    (
        "verdict",
        -1.0,
        r"(?<!\bno )(?<!\bnot a )(?<!\bnever a )(?:(?:big|real|slight|small|little|"
        r"genuine|remaining|lingering|open|some|one|a|the|still) )*question[- ]marks? "
        r"(?:about|around|regarding|concerning|over|with|as to|against|on)\b",
    ),
)
