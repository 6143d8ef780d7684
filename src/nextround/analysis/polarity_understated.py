"""Criticism that understates: a behaviour narrowed by "only", a flaw softened by "a bit".

Reviewers rarely write "narrow" or "poor". They say what the person did and add that it
was all they did ("Focused on the first fix only", "looked at the happy path only", "just
tested the main flow"), where the verb alone ("focused") reads as praise; or they soften
a judgement with a hedge ("your examples felt a bit dated", "somewhat generic",
"slightly surface-level"), where the adjective may be one no lexicon lists. Both are gaps.

Each pattern is a (kind, weight, regex) entry of ``polarity_phrases.PHRASES``; a "mild"
entry is read as a hedge unless the word it softens is praise ("a little more confident",
"slightly better"), which ``polarity_scoring`` checks in the lexicon. They are written from
how feedback phrases such points in general, not from any one text.
"""

from __future__ import annotations

# What a person attends to, tries or covers: the behaviours "only" narrows down.
_SCOPE_VERBS = (
    r"(?:focus(?:es|ed|ing|sed|sing)?|look(?:s|ed|ing)?|consider(?:s|ed|ing)?|cover(?:s|ed|ing)?|"
    r"test(?:s|ed|ing)?|check(?:s|ed|ing)?|think(?:s|ing)?|thought|talk(?:s|ed|ing)?|"
    r"address(?:es|ed|ing)?|mention(?:s|ed|ing)?|spoke|speak(?:s|ing)?|consult(?:s|ed|ing)?|"
    r"discuss(?:es|ed|ing)?|explor(?:e|es|ed|ing)|us(?:e|es|ed|ing)|rel(?:y|ies|ied|ying)|"
    r"answer(?:s|ed|ing)?|offer(?:s|ed|ing)?|present(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
    r"list(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|review(?:s|ed|ing)?|"
    r"ask(?:s|ed|ing)?|involv(?:e|es|ed|ing)|touch(?:es|ed|ing)?|skim(?:s|med|ming)?|"
    r"cit(?:e|es|ed|ing)|gave|giv(?:e|es|ing)|show(?:s|ed|ing|n)?|shar(?:e|es|ed|ing)|"
    r"compar(?:e|es|ed|ing)|analys(?:e|es|ed|ing)|analyz(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|"
    r"propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|explain(?:s|ed|ing)?|engag(?:e|es|ed|ing)|"
    r"research(?:es|ed|ing)?|optimi[sz](?:e|es|ed|ing)|validat(?:e|es|ed|ing)|"
    r"mapp?(?:s|ed|ing)?|measur(?:e|es|ed|ing)|includ(?:e|es|ed|ing)|fix(?:es|ed|ing)?)"
)
# What "only" may narrow a behaviour to without a flaw: "focused only on what mattered".
_WHAT_MATTERS = (
    r"(?! ?(?:[\w'-]+ ){0,3}?(?:what (?:matter|mattered|matters|counts|counted|was needed|is "
    r"needed)|essentials?|key|important|relevant|priorit\w*|necessary|needed|critical|"
    r"when (?:needed|necessary|appropriate|required)|if (?:needed|necessary)|facts?|"
    r"evidence|data)\b)"
)
# Who narrowed: "I just checked with the panel" is the writer's own errand, and "has just
# presented" means a moment ago.
_NOT_RECENT = r"(?<!\bi )(?<!\bwe )(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!'ve )(?<!\bwas )"
_NARROWING = r"(?:only|just|solely|merely|exclusively)"

NARROWED_PHRASES: tuple[tuple[str, float, str], ...] = (
    # "only considered one option", "just looked at the happy path".
    (
        "criticism",
        -1.0,
        rf"{_NOT_RECENT}{_NARROWING} (?:ever |really )?{_SCOPE_VERBS}\b{_WHAT_MATTERS}",
    ),
    # "considered only one option", "looked at only the first fix".
    (
        "criticism",
        -1.0,
        rf"{_SCOPE_VERBS}(?: (?:on|at|about|to|with|through|into|over|up))? "
        rf"(?:only|solely|exclusively)\b{_WHAT_MATTERS}",
    ),
    # "Focused on the first fix only", "looked at the happy path only", "tested the main
    # flow only before release": "only" after the object, at the end of its clause.
    (
        "criticism",
        -1.0,
        rf"{_SCOPE_VERBS}(?: (?:on|at|about|to|with|through|into|over|up))? {_WHAT_MATTERS}"
        r"(?:[\w'/-]+ ){1,5}?only"
        r"(?=\s*(?:[.,;:!)]|$)| (?:and|but|before|after|when|so|which|while|until)\b)",
    ),
)

# Hedges that soften a judgement: "a bit", "slightly", "somewhat".
_HEDGE = r"(?:a little bit|a (?:bit|little|touch|tad)|slightly|somewhat|kind of|sort of)"
# How the judgement is passed: "felt a bit dated", "came across as slightly rehearsed".
_SEEMED = (
    r"(?:is|are|was|were|'s|'re|felt|feels|feel|seemed|seems|seem|looked|looks|look|sounded|"
    r"sounds|sound|came across(?: as)?|comes across(?: as)?|come across(?: as)?|got|gets|"
    r"became|becomes|went|goes|ran|runs|read|reads)"
)
# Words after a hedge that are not a judgement softened: a comparative asks for change
# (read elsewhere), "a bit of" and "a little time" measure, "slightly ahead" is good news.
_NOT_SOFTENED = (
    r"(?!(?:more|less|fewer|better|best|of|like|too|ahead|above|early|earlier|over|under|"
    r"longer|later|different|differently|unusual|surprised|bit)\b)"
)

MILD_PHRASES: tuple[tuple[str, float, str], ...] = (
    # "Your portfolio examples felt a bit dated", "the answer was somewhat generic".
    (
        "mild",
        -0.9,
        rf"{_SEEMED}(?: (?:still|also|just|maybe|perhaps|probably|all))? {_HEDGE} "
        rf"{_NOT_SOFTENED}[a-z][a-z'-]+",
    ),
    # "Felt dated", "looked tired", "the examples were dated.": how the work came across,
    # judged with no hedge. Not "a dated plan" nor "was dated 3 March", which have dates.
    (
        "hedge",
        -0.9,
        r"(?:felt|feels|looked|looks|seemed|seems|sounded|sounds|came across as|comes across "
        r"as|read as|reads as)(?: (?:quite|rather|very|really|pretty|fairly|all|just))? "
        r"(?:dated|tired|stale|old-fashioned)\b|(?:is|are|was|were|'s|'re)(?: (?:quite|rather|"
        r"very|really|pretty|fairly|all|just))? (?:dated|old-fashioned)(?=\s*(?:[.,;:!]|$))",
    ),
)
