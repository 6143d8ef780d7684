"""Phrase patterns for advice: how managers and mentors phrase a development point.

Feedback rarely says "weak at X"; it says "she suggested I look at X", "it would be great
to see more X" or "maybe keep answers tighter". The topic of such advice is usually a
good thing ("structure", "data-driven decisions"), so word by word it reads as praise,
and an embedding probe trained on behaviour indicators agrees. An "advice" phrase names
the gap and swallows the praise words after it up to the end of its clause (see
``polarity_scoring``). An "aside" phrase describes what assessors value in general ("the
panel values crisp answers"), which is context rather than evidence about the person, so
nothing after it in the clause is judged. A "neutral" entry shields a pleasantry that
the hedges would otherwise read as a wish ("great to see you again").

Each pattern is a (kind, weight, regex) entry of ``polarity_phrases.PHRASES``; they are
tried before the hedges there, whose shorter matches would otherwise win.
"""

from __future__ import annotations

from nextround.analysis.polarity_asking import ASKING_VERBS, COURTESY_IMPERATIVE
from nextround.analysis.polarity_lexicon import IMPERATIVE_VERBS

# Who advice is addressed to: the user writes "I", a reviewer writes "you". Third-person
# forms are left out on purpose: "he suggested they adopt Kanban" praises his suggestion.
_TO_THE_PERSON = r"(?:i|you)"
_SELF = r"(?:yourself|myself|himself|herself|themselves|themself)"
# Verbs of change that a gentle "maybe"/"perhaps" turns into advice ("maybe keep answers
# tighter"): the frameworks' indicator verbs and those reviewers ask with.
_ADVICE_VERBS = "|".join(sorted(IMPERATIVE_VERBS | ASKING_VERBS))
# What a wish asks to see more of; "great to see you again" is a greeting, not advice.
_MORE_OF = (
    r"(?:more|less|fewer|further|deeper|greater|clearer|stronger|better|a bit|a little|"
    r"a touch|some|evidence|examples?)"
)

# What a panel wanted, expected or hoped for, in the past tense: said after an interview,
# it names what the person did not show ("what we wanted was more evidence of X" too).
# "Wanted to see more X" asks for more of
# anything but the person ("we'd love to see more of you"); a bare "wanted more" only
# for what an answer holds ("evidence", "depth", "detail"), since "she wanted more
# responsibility" tells of a wish of her own.
_WISH_VERB = (
    r"(?:(?:wanted|expected|expecting|(?:had )?hoped for|looked for)(?: (?:was|were))?|"
    r"(?:was|were) after)"
)
_WISH_TO_SEE = r"(?:wanted|(?:had )?hoped|expected|expecting) to (?:see|hear|get|have)"
_A_LITTLE = (
    r"(?:(?:a (?:bit|little|lot|touch)|slightly|much|far|even|rather|quite a bit|"
    r"a great deal|significantly) )?"
)
_WHAT_AN_ANSWER_HOLDS = (
    r"(?:evidence|examples?|depth|detail|details|specifics|specificity|substance|insight|"
    r"data|numbers|metrics|figures|clarity|structure|focus|emphasis|context|reflection|"
    r"rigou?r|precision|breadth|concrete|tangible|measurable|quantified|stories|proof|"
    r"demonstration|signs?|sense)"
)
# A recruiter who "wanted to hear more about your experience, so ..." invites; a wish to
# see more of the person or the place ("more of the team") judges nothing either.
_NOT_A_SHORTFALL = (
    r"(?! (?:about|of|on) (?:you|yourself|your (?:background|experience|career|plans|"
    r"interests?|application|availability|motivations?|cv|profile|story))\b"
    r"(?! (?:of|in|with|at|leading|managing|running|handling|using|delivering)\b)|"
    r" of (?:him|her|them|us|the (?:team|office|ward|site|company|people))\b)"
)
_WISHED_MORE = (
    rf"{_WISH_VERB} {_A_LITTLE}more{_NOT_A_SHORTFALL}(?: {_WHAT_AN_ANSWER_HOLDS}\b| "
    r"(?:on|about|around|in the way of)\b| from (?:you|her|him|them|the candidate)\b| of "
    r"(?:your|how|what|why|the|that|this|a|an)\b|(?=\s*(?:[.;!]|$)))|"
    rf"{_WISH_TO_SEE} {_A_LITTLE}more\b{_NOT_A_SHORTFALL}"
)

# Advice to use what is already there is encouragement: "you should lead with it", "make
# more of that", "play it up". What it points back to is a strength, so only a pronoun,
# "your strengths" or what the person has to show ("lead with your migration story") as
# the object; "lead with the numbers" or "your recommendation" still asks for a change.
# Making more of something, building or drawing on it, says it is worth having, so
# "make more of your budget experience" is encouragement whatever it names.
_POINTS_BACK = (
    r"(?:it|this|that|them|those|these|your (?:\w+ )?strengths?)\b"
    r"(?!\s*(?:of|which|that|who|you|is|was|are|were)\b)"
)
# What the person has to show: "your migration story", "your budget experience".
_WHAT_THEY_HAVE = (
    r"your (?:[\w-]+ ){0,2}?(?:experience|background|track record|achievements?|results|"
    r"stories|story|examples?|skills?)\b"
)
USING_A_STRENGTH = (
    r"(?:lead|open) with "
    rf"(?:{_POINTS_BACK}|{_WHAT_THEY_HAVE})|do (?:a lot |much |even )?more of {_POINTS_BACK}|"
    r"(?:make (?:(?:a lot |much |far |even )?more|the most|full use|"
    r"good use|use) of|build on|play up|draw on) "
    rf"(?:{_POINTS_BACK}|{_WHAT_THEY_HAVE})|"
    r"play (?:it|this|that|them|those|these) up\b|use (?:it|this|that|them) (?:more|often)\b"
)

# What an obligation asks of the person: "executive summaries should lead with the
# decision", "she should build more confidence with data", "you must quantify". Not an
# epistemic "must have" or "must be", a "should have" (a hedge in ``polarity_phrases``), a
# negated one, praise ("should be proud"), a wish to keep going ("should continue to") or
# what a relative clause or a passive says of a thing ("the cases which should be referred").
_OBLIGED = (
    r"(?<!\bwhat )(?<!\bas )(?<!\bhow )(?<!\bwhich )(?<!\bthat )(?<!\bwho )(?<!\bwhen )"
    r"(?:should|ought to|must(?! be\b))"
    r"(?: (?:also|really|definitely|probably|perhaps|maybe|still|now|first|then|try to|start to|"
    r"learn to|aim to|look to|work to|make sure to))* "
    r"(?!(?:be|feel) (?:very |really |so |rightly |justly |rather |quite )?(?:proud|pleased|"
    r"commended|congratulated|happy|praised|recognised|recognized|confident|thrilled|glad)\b|"
    r"(?:have|not|never|continue|know|see|hear|be aware|expect|get to|definitely hire|hire)\b|"
    r"be \w+(?:ed|en)\b|(?:keep|carry) (?:doing|up|going|on)\b)[a-z]+"
)
# Verbs an imperative addressed to the person opens with ("bring one story where you ...",
# "frame your answer as ..."); praise in the imperative ("keep doing what you do", "be
# proud of yourself") and e-mail framing ("see you then", "look forward to ...", "find
# attached your ...") are not.
_ASKING_VERBS = "|".join(sorted(ASKING_VERBS, key=lambda verb: (-len(verb), verb)))
_NOT_COURTESY = rf"(?!{COURTESY_IMPERATIVE})"
# What a course of learning is called: "take a short course on A/B testing", "do some
# training in negotiation", "read a book on ...".
_LEARNING = (
    r"(?:courses?|class(?:es)?|training|workshops?|certifications?|certificates?|bootcamps?|"
    r"tutorials?|books?|programmes?|programs?|moocs?|modules?|lessons?|primers?)"
)

# Tried after the hedges, so "should grow in ..." keeps its hedge cue.
OBLIGATION_PHRASES: tuple[tuple[str, float, str], ...] = (("advice", -1.0, _OBLIGED),)

ADVICE_PHRASES: tuple[tuple[str, float, str], ...] = (
    # Before the obligations and hedges that start at the same modal ("should", "could").
    (
        "praise",
        0.8,
        r"(?:(?:should|could|must|might|ought to|need to|want to|may want to|might want to|"
        rf"can) (?:\w+ )?)?(?:{USING_A_STRENGTH})",
    ),
    # An imperative that opens a statement and names the person: a request for change.
    # Framework indicators use the imperative too ("Plan ahead"), but for nobody in
    # particular; the reader in "bring one story where you ..." is the person.
    (
        "advice",
        -1.0,
        rf"^(?:(?:and|so|then|also|please|just|now) )?{_NOT_COURTESY}(?:{_ASKING_VERBS})\b"
        r"(?=[^.;!?]*\byou(?:r|rs|rself|'re|'ve|'d|'ll)?\b)",
    ),
    # An imperative that asks for more or less of something: "Focus less on process",
    # "talk more about outcomes". "Focus on outcomes" stays the practice it names.
    (
        "advice",
        -1.0,
        rf"^(?:(?:and|so|then|also|please|just|now) )?{_NOT_COURTESY}(?:{_ASKING_VERBS}) (?:\w+ )?"
        r"(?:less|fewer)\b",
    ),
    # Encouragement to dare what the person holds back from: "Don't be afraid to push back".
    ("advice", -1.0, r"(?:don't|do not|never) be (?:afraid|scared|shy|too shy) (?:to|of)\b"),
    # The reviewer's own recommendation of a change: "would recommend brushing up on SQL",
    # "I suggest practising". A behaviour ("Suggests organising a meeting") is no advice.
    (
        "advice",
        -1.0,
        r"(?:(?:i|we)(?:'d| would)?|would) (?:strongly |really |definitely |also )?"
        r"(?:suggest|recommend|advise) (?!hiring\b|having\b)[a-z]+ing\b",
    ),
    # A course of learning recommended: "take a short course on A/B testing basics".
    (
        "advice",
        -1.0,
        r"(?:take|do|try|sign up for|enrol(?:l)? (?:in|on|for)|attend|book|get|consider|read|"
        r"complete|pick up|join|go on|invest in|look (?:at|into|for)|find) (?:a|an|some|one|"
        rf"another|more|a few|a couple of) (?:[\w/-]+ ){{0,3}}?{_LEARNING}\b",
    ),
    # "She suggested I look at systems thinking", "recommended that you try".
    (
        "advice",
        -1.0,
        r"(?:suggest|recommend|advise|advize|urge)(?:s|d|ed|ing)?(?: to me)?(?: that)? "
        rf"{_TO_THE_PERSON}\b|(?:advis|urg|encourag)(?:ed|es|e|ing) (?:me|you) to|"
        r"(?:my|one|our) (?:small |minor |quick |gentle |friendly |main )?suggestion"
        r"(?: would be| is| for|(?= ?[:–—-]))",
    ),
    # "It would be great to see more structure", "it'd be good to hear a bit more".
    (
        "advice",
        -1.0,
        r"(?:would|'d) (?:be|have been) (?:\w+ )?(?:great|good|nice|helpful|useful|better|"
        rf"ideal|valuable|beneficial|interesting) to (?:see|hear) {_MORE_OF}",
    ),
    # A recruiter's "it would be great to see you again" is a pleasantry, not a wish for
    # change; "great to see you take more ownership" still is (the hedges read it).
    (
        "neutral",
        0.0,
        r"(?:would|'d) be (?:\w+ )?(?:great|good|nice|lovely) to (?:see|meet|hear from|"
        r"catch up with|speak to|talk to) you\b(?! (?:take|show|bring|push|spend|use|give|"
        r"lead|try|be|do|work|focus|get)\b)",
    ),
    # A wish for the person to act is a development point: "I'd like to see you build
    # buffers first", "we would love to see her take on more". A recruiter's "we'd love to
    # see you apply again" is a pleasantry, so "again" and "for a future role" are not.
    (
        "advice",
        -1.0,
        r"(?:i|we)(?:'d| would) (?:really )?(?:like|love|want) to see "
        rf"(?:(?:you|her|him|them) (?:\w+ )?(?:{_ADVICE_VERBS})\b|{_MORE_OF}\b)"
        r"(?! (?:again|back|for (?:a |the |another |other |future )?(?:future|other|another|"
        r"new|next|different)\b))",
    ),
    # What the panel wanted and did not get: "they were looking for more examples".
    (
        "advice",
        -1.0,
        rf"(?:was|were) (?:really |also )?(?:looking|hoping) (?:for|to see) {_MORE_OF}",
    ),
    # Told after the event, a wish for more is what was missing: "we wanted more evidence
    # of X", "they expected more depth", "I wanted to hear more about how you ...".
    ("advice", -1.0, _WISHED_MORE),
    # ... and what would have helped: "More evidence of influencing would have helped", "a
    # clearer structure would have been good", "some concrete numbers would have made a big
    # difference". Its subject, more of something or something indefinite, is what was
    # missing; a person ("a candidate like you would have been great") is not.
    (
        "advice",
        -1.0,
        r"(?:^|(?<=[,;:] ))(?:(?:(?:a (?:bit|little|touch|lot) |some |slightly |much |a )?"
        r"(?:more|clearer|stronger|deeper|sharper|better|tighter|firmer))|"
        r"(?:some|a few|a couple of|one or two|an?|another|an extra|any)"
        r"(?! (?:[\w-]+ )?(?:candidates?|persons?|people|applicants?|hires?|roles?|jobs?|"
        r"positions?|offers?|colleagues?|managers?|one|of (?:you|us|them|the))\b)) "
        r"(?:[\w'/-]+ ){1,8}?"
        r"(?:would|could|might)(?: really| definitely| certainly| probably)? have "
        r"(?:helped|been (?:good|great|nice|helpful|useful|better|welcome|valuable|ideal|"
        r"stronger)|made (?:a|the|all the) (?:big |real |huge )?difference|strengthened)",
    ),
    # "I think you could push yourself on ...", "should stretch herself further".
    (
        "advice",
        -1.0,
        r"(?:could|should|might|need to|needs to|try to|must|want to) (?:\w+ )?"
        rf"(?:push|stretch|challenge) (?:{_SELF}|harder|further)",
    ),
    # The review register's development point: "Could delegate more of the reporting work",
    # "she could involve the team earlier". Not the writer's own plans ("we could spend more
    # time on onboarding"), a purpose ("so that she could focus more on"), nor readiness
    # for more ("could take on more", "could handle more scope"), which is praise.
    (
        "advice",
        -1.0,
        r"(?<!\bso )(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?<!\bwe )(?<!\bi )(?<!\bthey )"
        r"(?:could|might)(?: (?:also|perhaps|maybe|still|probably|definitely|certainly|really))?"
        r" (?!(?:be|have|not|never|see|hear|tell|say|take on|handle|manage|ask|do with|"
        r"easily|already|hardly)\b)[a-z]+ (?:[\w&'/-]+ ){0,4}?(?:more|less|fewer|earlier|"
        r"sooner|often|further)\b",
    ),
    # A comparative asks for change: "keep answers a little tighter", "keep updates shorter".
    # "Keep meetings short" (no comparative) stays the good practice it describes.
    (
        "advice",
        -1.0,
        r"keep (?:\w+ ){0,3}?(?:a (?:little|bit|touch|lot) |slightly |even |much )?"
        r"(?:tighter|shorter|crisper|briefer|simpler|sharper|clearer|(?:more|less|fewer) \w+)",
    ),
    # "comms were good, maybe keep answers tighter": a softened imperative.
    ("advice", -1.0, rf"(?:maybe|perhaps),? (?:just |also |try to )?(?:{_ADVICE_VERBS})"),
    # Hedged excess: "your answers were a little long", "slightly rushed".
    (
        "hedge",
        -0.9,
        r"(?:a (?:little|bit|touch)|slightly|somewhat|rather|overly) (?:long|lengthy|wordy|"
        r"long-winded|rushed|quiet|slow|dense|fast|brief|terse|rambly|scripted|rehearsed)",
    ),
    # A send-off ("good luck!!", "best of luck with the search") wishes, it judges nothing.
    ("neutral", 0.0, r"(?:good|best of|the best of) luck\b"),
    # Thanks for the candidate's patience or time, or for the chance to meet them, is
    # courtesy, not praise of a trait.
    (
        "neutral",
        0.0,
        r"(?:appreciat|valu|enjoy)(?:e|es|ed|ing) (?:your|you taking the|the) (?:time|patience|"
        r"interest|understanding|flexibility|application|effort to (?:apply|come|travel)|"
        r"(?:opportunity|chance) to (?:meet|speak|talk|chat|learn|hear))",
    ),
    # The assessors' liking aimed at the person is praise: "the panel loved your energy",
    # "we were impressed by how you framed it", "they valued your candour". Aimed at
    # anything else ("the panel loved the product") it says nothing about the person.
    (
        "praise",
        1.0,
        r"(?:(?:lov|lik|enjoy|admir|valu|appreciat)(?:e|es|ed|ing|s)?|"
        r"(?:was|were|am|are|'m|'re|felt|got) (?:really |very |so |particularly |genuinely |"
        r"quite |all )?(?:impressed|taken|struck) (?:by|with)"
        r")(?: (?:seeing|hearing|watching))? (?:your|how you|the way you|that you|his|her)\b",
    ),
    # What assessors value in general is context, not a reading of the person; "the team
    # values your input" (a possessive or "you" after it) is still read.
    (
        "aside",
        0.0,
        r"(?:the |our |my )?(?:panel|panels|interviewers?|hiring (?:manager|team|panel)s?|"
        r"team|company|business|committee|leadership|clients?|we|they) (?:\w+ )?"
        r"(?:values?|prizes?|looks? for|cares? about|wants?|expects?|(?:likes?|loves?) to see|"
        r"(?:is|are) looking for)(?! (?:your|his|her|their|you|how you|the way you)\b)",
    ),
)
