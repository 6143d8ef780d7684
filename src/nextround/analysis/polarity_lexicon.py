"""General word lists and phrase patterns for reading the polarity of feedback and indicators."""

# These lists describe how interviewers, managers and competency frameworks talk about
# behaviour in general; they were written from general knowledge of such texts, not from
# any evaluation file. Words are lemmas (the reader strips -s/-ed/-ing/-ly/-er before a
# second lookup), weights are rough strengths: ~1 a clear judgement, ~0.4 a mild one.
# "Topic" words (problem, risk, structure) carry little weight alone but become evidence
# when negated or governed: "no structure", "resolves conflict", "never missed a deadline".

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``; keeps long word lists readable."""
    return frozenset(text.split())


def _words(weight: float, text: str) -> dict[str, float]:
    return dict.fromkeys(text.split(), weight)


POSITIVE: dict[str, float] = {
    **_words(
        1.5,
        """
        excellent outstanding exceptional superb brilliant impressive exemplary stellar
        remarkable phenomenal fantastic first-rate top-notch world-class glowing""",
    ),
    **_words(
        1.0,
        """
        strong great good solid clear crisp concise articulate eloquent compelling persuasive
        perfect promising
        convincing engaging structured organised organized methodical systematic logical
        rigorous thorough meticulous diligent accurate precise reliable dependable
        effective efficient productive proactive decisive pragmatic sensible balanced
        objective impartial transparent honest candid genuine authentic humble curious
        inquisitive enthusiastic passionate energetic motivated driven committed dedicated
        determined resilient tenacious persistent calm composed confident assured poised
        professional respectful courteous approachable empathetic compassionate caring
        considerate supportive helpful collaborative cooperative co-operative inclusive
        adaptable flexible versatile resourceful creative innovative inventive imaginative
        insightful perceptive astute thoughtful reflective self-aware mature strategic
        visionary forward-thinking analytical knowledgeable skilled competent capable
        accomplished responsive timely punctual accountable trustworthy ethical principled
        constructive inspiring inspirational motivating encouraging influential credible
        diplomatic tactful attentive focused purposeful relevant valuable successful
        open-minded receptive coachable willing keen eager well-prepared well-structured
        well-organised well-organized well-informed informed excel exceed impress
        outperform succeed thrive shine empower inspire motivate champion foster nurture
        mentor coach empathise empathize appreciate praise celebrate recognise recognize
        encourage welcome embrace ownership accountability initiative integrity clarity
        rigour rigor insight strength talent asset commendable praiseworthy admirable
        conscientious dynamic fair tireless positive well hard-working hardworking
        incredible invaluable
        flawless faultless fearless seamless selfless effortless unflappable unafraid
        resourcefulness thoughtfulness generous generosity patient patience tact
        ingenious shrewd savvy well-rounded well-judged well-reasoned well-argued
        self-motivated self-starter go-getter can-do forward-looking outward-looking
        customer-focused customer-centric people-focused results-focused results-oriented
        solution-focused solutions-focused data-driven evidence-based joined-up
        user-centred user-centered user-centric user-focused human-centred human-centered
        human-centric customer-centred customer-centered people-centred people-centric
        client-focused client-centric detail-oriented
        trustworthiness dependability reliability consistency exemplify""",
    ),
    **_words(
        0.8,
        """
        able aware mindful prepared consistent realistic practical useful appropriate ambitious
        careful sound robust quality high-quality professionalism enthusiasm confidence
        initiative leadership credibility judgement judgment vision empathy resilience
        commitment dedication maturity curiosity humility honesty respect trust
        achieve deliver improve enhance strengthen exceed adapt grow learn listen support
        enable empower guide steer involve consult collaborate cooperate share inform clarify
        articulate persuade influence negotiate convince advocate promote cultivate
        innovate initiate pioneer anticipate prioritise prioritize organise organize
        plan ensure simplify streamline delegate contribute volunteer acknowledge
        better best success achievement progress impact engaged updated
        supported welcomed valued respected trusted ability willingness capacity readiness
        satisfactory""",
    ),
    **_words(0.6, "open right"),
    **_words(
        0.4,
        """
        explain communicate present build develop create lead drive maintain monitor
        track review check verify evaluate assess analyse analyze consider weigh reflect
        investigate explore research seek involve engage help value include complete
        finish commit structure depth detail evidence rigour preparation
        awareness understanding knowledge expertise skill strategy results
        team-player proactively regular active readily
        willingly openly promptly actively depth breadth nuance""",
    ),
}

NEGATIVE: dict[str, float] = {
    **_words(
        1.5,
        """
        terrible awful appalling dreadful abysmal unacceptable incompetent disastrous
        toxic hostile abusive bully harass discriminate humiliate belittle berate
        ridicule""",
    ),
    **_words(
        1.0,
        """
        poor weak weakness bad worse lacking unclear vague confusing confused muddled
        disorganised disorganized unstructured chaotic messy sloppy careless rambling
        ramble waffle waffly verbose long-winded superficial shallow simplistic generic
        inadequate insufficient deficient inconsistent erratic unreliable unpredictable
        rigid inflexible stubborn dogmatic defensive arrogant dismissive condescending
        patronising patronizing aggressive confrontational argumentative abrasive abrupt
        curt rude disrespectful sarcastic cynical negative pessimistic passive apathetic
        complacent lazy disengaged unmotivated indifferent inattentive unprofessional
        unprepared underprepared unresponsive unhelpful uncooperative unapproachable
        aloof secretive evasive territorial divisive parochial insular siloed blinkered
        narrow myopic short-sighted short-termist unrealistic impractical unworkable
        naive impulsive rash reckless hasty indecisive hesitant reluctant unwilling
        resistant averse risk-averse change-averse autocratic dictatorial domineering
        overbearing controlling bossy authoritarian unfair biased inappropriate
        irrelevant ineffective inefficient unproductive unsuccessful incomplete inaccurate
        error-prone unfocused scattered illogical unsubstantiated unsupported
        unimaginative uncreative formulaic unaware oblivious ignorant nervous anxious
        flustered rattled struggle fail failure lack lacklustre lackluster mediocre
        underwhelming disappointing disappointed concern concerned worry worried doubt
        reservation hesitation flaw flawed mistake blunder avoid ignore blame dismiss
        resist refuse neglect overlook disregard undermine obstruct hinder stifle
        suppress discourage demotivate micromanage procrastinate dither hesitate
        interrupt dominate impose dictate criticise criticize complain moan grumble whinge
        gossip exaggerate mislead misjudge misread misunderstand underestimate
        overestimate overcomplicate overcommit overpromise underdeliver underperform
        overreact overrule override withhold hoard delay miss forget lose lost waste abandon
        rush jump assume deny exclude favour favor offload abdicate tolerate condone
        confusion chaos friction resentment silo duplication bureaucracy disruptive
        distraction inconsistency complacency arrogance negativity apathy afraid
        scared fearful timid unnecessary panic assumption favouritism favoritism isolation
        alone withdraw disengage uncomfortable unimportant dwell grudge ego bypass
        circumvent overload overburden overwhelm overwhelmed overstretch overanalyse
        overanalyze overthink overengineer overstate overrely overreach overstep overspend
        overrun overdo overprotect overmanage overwork undervalue underutilise underutilize
        underinvest underuse mismanage miscommunicate misrepresent misinform misuse
        misinterpret misallocate misdirect thoughtless tactless aimless pointless useless
        clueless helpless heedless mindless wasteful neglectful forgetful boastful deceitful
        resentful spiteful harmful duplicate distracted distract shout yell snap sulk
        threat threaten manipulate manipulative blinkered inward-looking self-serving
        self-centred self-centered selfish egotistical opinionated know-it-all
        closed-minded narrow-minded close-minded half-hearted half-baked ill-prepared
        ill-considered ill-judged unapologetic unaccountable uncommunicative unproven
        ambivalent noncommittal non-committal disinterested uninterested uninspiring
        unambitious directionless muddle ramble stall stagnate drift flounder falter
        slip slippage sloppiness lapse omission oversight angry upset frustrated irritated
        annoyed irritable excuse hide conceal insist stubbornness boring bored dull
        pushy intrusive nitpick nit-pick fuss grudging begrudging rigidly blame-shifting
        inconvenience sidetrack sidetracked firefight firefighting cling fear invisible whim
        stressed cliquey clique gossip rumour rumor argue shun eschew compete mess oversell oversold
        undersell undersold downplay underplay
        skip substandard careless
        contradict conflate confuse mumble patronise patronize inconsiderate insensitive
        intolerant impatient unfriendly cold distant closed dismissively unable
        unclearly poorly badly weakly carelessly rarely seldom overly excessively
        unnecessarily unilaterally overconfident overambitious over-ambitious
        over-optimistic defensively blindly narrowly jargon tangent red-flag shortfall
        gap weakness rude late overdue vague""",
    ),
    **_words(
        0.6,
        """
        limited basic average patchy sporadic uneven mixed lukewarm slow reactive quiet
        underperformance moody
        hesitantly junior inexperienced rusty tentative sceptical skeptical complicated
        convoluted lengthy tangential repetitive unconvincing costly error
        outdated stale bland clunky stilted wooden robotic unpolished""",
    ),
    # Indicators use "prefers" mostly to set up a flaw ("prefers to work alone").
    **_words(0.5, "prefer"),
    **_words(0.8, "wrong"),
}

# Words that are topics more than judgements: weak alone, but evidence once negated,
# governed ("resolves conflict", "avoids risk") or counted ("no issues").
NEGATIVE_TOPICS: dict[str, float] = _words(
    0.15,
    """
    problem issue risk conflict challenge challenging difficulty obstacle barrier
    setback crisis pressure stress ambiguity uncertainty complexity complex tough
    criticism complaint deadline bottleneck incident disagreement tension difficult""",
)

# Words that rarely end in polarity on their own but flip what follows them.
NEGATORS: dict[str, float] = {
    "not": 1.0,
    "never": 1.0,
    "no": 1.0,
    "nor": 1.0,
    "neither": 1.0,
    "without": 1.0,
    "cannot": 1.0,
    "nobody": 1.0,
    "none": 1.0,
    "nothing": 1.0,
    "zero": 1.0,  # "with zero lost orders", "zero missed deadlines"
    "hardly": 0.9,
    "barely": 0.9,
    "rarely": 0.9,
    "seldom": 0.9,
    "infrequently": 0.8,
    "scarcely": 0.9,
    "less": 0.6,
    "fewer": 0.6,
    "little": 0.8,
    "few": 0.6,
}

# Negators that stand for a gap even when nothing judgemental follows them
# ("rarely attends", "without consulting others", "little evidence of").
NEGATOR_DEFAULT: dict[str, float] = {
    "not": -0.55,
    "never": -0.6,
    "no": -0.5,
    "nor": -0.5,
    "neither": -0.5,
    "without": -0.7,
    "cannot": -0.6,
    "hardly": -0.7,
    "barely": -0.7,
    "rarely": -0.8,
    "seldom": -0.8,
    "infrequently": -0.6,
    "scarcely": -0.7,
    "little": -0.6,
    "few": -0.4,
    "nobody": -0.3,
    "none": -0.3,
    "nothing": -0.3,
    "less": 0.0,
    "fewer": 0.0,
    "zero": 0.0,  # "grew it from zero to ten teams" judges nothing
    "rather than": 0.0,
    "instead of": 0.0,
    "in place of": 0.0,
    "as opposed to": 0.0,
}

# Verbs whose object decides: avoiding a flaw ("avoids jargon") is good practice, while
# avoiding a challenge ("avoids conflict") or a good habit ("resists feedback") is not.
AVOIDANCE_VERBS: frozenset[str] = word_set("avoid resist refuse reject shun eschew")

# Verbs and adjectives that take an object whose own polarity should not count again:
# "lacked structure" is one gap, "resolves conflict" one strength.
NEGATIVE_GOVERNORS: frozenset[str] = word_set("""
    lack lacking fail failure struggle unable reluctant unwilling refuse hesitant neglect
    forget avoid ignore resist dismiss overlook miss disregard reject undermine block
    obstruct hinder stifle suppress discourage lose abandon withhold hoard waste deny
    blame criticise criticize poor weak limited insufficient inadequate absence
    overcomplicate inconsistent unclear vague overly excessively undersell undersold
    downplay underplay
    """)

POSITIVE_GOVERNORS: frozenset[str] = word_set("""
    resolve address tackle overcome mitigate prevent reduce minimise minimize eliminate
    fix handle manage challenge confront identify anticipate spot flag learn admit
    acknowledge cope defuse de-escalate diffuse correct remedy solve navigate embrace
    thrive calm composed resilient welcome fill bridge check test review inspect
    audit investigate diagnose troubleshoot highlight surface deal recover contain settle
    soothe reassure support help coach forgive deliver counter combat repair rectify
    reverse guard escalate report explain
    """)

INTENSIFIERS: dict[str, float] = {
    "very": 1.4,
    "really": 1.4,
    "extremely": 1.6,
    "highly": 1.4,
    "incredibly": 1.6,
    "exceptionally": 1.6,
    "particularly": 1.3,
    "truly": 1.4,
    "remarkably": 1.5,
    "genuinely": 1.3,
    "deeply": 1.3,
    "hugely": 1.5,
    "super": 1.4,
    "so": 1.3,
    "totally": 1.4,
    "completely": 1.4,
    "entirely": 1.3,
    "always": 1.3,
    "consistently": 1.3,
    "constantly": 1.3,
    "continually": 1.3,
    "repeatedly": 1.4,
    "frequently": 1.2,
    "often": 1.1,
    "especially": 1.3,
    "seriously": 1.4,
    "significantly": 1.3,
    "markedly": 1.3,
    "notably": 1.2,
    "most": 1.2,
    "utterly": 1.6,
    "absolutely": 1.5,
}

DOWNTONERS: dict[str, float] = {
    "somewhat": 0.6,
    "slightly": 0.6,
    "fairly": 0.7,
    "rather": 0.8,
    "quite": 0.9,
    "partly": 0.6,
    "partially": 0.6,
    "occasionally": 0.7,
    "sometimes": 0.75,
    "reasonably": 0.6,
    "relatively": 0.7,
    "moderately": 0.6,
    "mostly": 0.8,
    "generally": 0.85,
    "largely": 0.85,
    "adequately": 0.5,
    "sufficiently": 0.6,
    "okay": 0.4,
    "ok": 0.4,
    "decent": 0.6,
    "decently": 0.6,
}


# Words that begin a behaviour indicator ("Keeps stakeholders informed") rather than a
# sentence about someone; a framework's indicators describe good practice unless they
# name a flaw, so an indicator with no flaw reads as a (weak) strength.
INDICATOR_LEAD_ADVERBS: frozenset[str] = word_set("""
    always consistently regularly actively proactively readily openly clearly often
    frequently willingly genuinely visibly routinely continually effectively quickly
    confidently carefully promptly systematically
    """)

# Subjects after which a present-tense verb describes a habit ("She keeps others informed",
# "I listen before deciding"), the way self-assessments and indicators are written.
INDICATOR_SUBJECTS: frozenset[str] = word_set("""
    i you we they he she individual person candidate employee manager leader jobholder
    colleague member staff
    """)

NOT_HABIT_VERBS: frozenset[str] = word_set("""
    am is are was were be been has have had do does did will would can could shall should
    may might must need needs got get gets went go goes came come comes took take takes
    made make makes gave give gives said say says told tell tells met meet meets saw see
    sees thought think thinks felt feel feels found find finds knew know knows left leave
    spoke speak speaks wrote write writes ran run runs began begin begins led lead leads
    kept keep brought bring built build showed show shows also just then really the a an
    chose held heard sent spent stood understood won lost taught caught sought bought fought
    drew grew threw wore sat became fell forgot hid rose drove froze oversaw undertook
    withdrew won't wouldn't can't couldn't shouldn't mustn't shan't haven't hasn't hadn't
    don't doesn't didn't isn't aren't wasn't weren't regret
    """)

# Base-form verbs that open imperative indicators ("Take an interest in ...", "Ensure
# ..."), the way many frameworks phrase what good looks like.
IMPERATIVE_VERBS: frozenset[str] = word_set("""
    act adapt address agree aim align allow analyse analyze anticipate apply articulate
    ask assess balance be become build challenge champion check clarify coach collaborate
    commit communicate consider consult contribute coordinate create deal decide define
    delegate deliver demonstrate design develop drive embrace empower enable encourage
    engage ensure establish evaluate explain explore facilitate find focus follow foster
    gather generate get give help identify implement improve influence inform initiate
    inspire involve keep lead learn listen look maintain make manage measure mentor model
    monitor motivate negotiate offer own plan prepare present prioritise prioritize
    promote protect provide question reach recognise recognize reflect remain research
    resolve respect respond review reward see seek set share show simplify solve speak
    stay strive support take think track treat understand use value welcome work
    """)

NOT_INDICATOR_VERBS: frozenset[str] = word_set("""
    was this thus yes as us its his perhaps overall sometimes always unless less plus
    status news series basis emphasis thanks meeting morning evening something nothing
    everything anything during feeling building training interesting according including
    following regarding concerning outstanding being string ceiling
    """)

# Past participles without a regular ending: "Having read your application, ...".
IRREGULAR_PARTICIPLES: frozenset[str] = word_set("""
    read done gone seen met heard thought made had sent spent found told felt kept left
    brought caught built run won held understood
    """)

# Words the suffix stripper would otherwise misread ("later" is not "late"; a "manager"
# or a "leader" is a role, not someone who manages or leads well).
NOT_LEMMATISED: frozenset[str] = word_set("""
    later latest lately news only early manager managers leader leaders reviewer reviewers
    """)

# Praise verbs that are as often nouns: "Mid-year review", "delivery lead", "Helen
# (mentor)". Their bare form counts only where a verb can stand (``polarity_scoring``).
NOUN_OR_VERB: frozenset[str] = word_set("mentor coach champion plan review lead value")
# Of those, the roles that praise whoever is called one: "a natural mentor", "a great lead".
PRAISED_ROLES: frozenset[str] = word_set("mentor coach champion lead")

# Words after which a bare "plan"/"review" is a verb: "able to plan", "we review", "will
# lead", "don't plan"; adverbs in -ly ("regularly review") are recognised by their ending.
VERB_TAKERS: frozenset[str] = word_set("""
    to i you we they will would can could should might may must shall not n't never always
    often also and or then
    """)

PLURAL_SUBJECT_FOLLOWERS: frozenset[str] = word_set("""
    are were have had do did will would can could should may might must need were

    """)

# Verbs by which the person shows what an aside says the panel values: "they value
# ownership, which you showed" is praise, "..., which you did not bring" a gap. Only the
# person shows ("which they showed" may be the company); anyone may see it in them.
SHOWING_VERBS: frozenset[str] = word_set("""
    show shows showed shown showing demonstrate demonstrates demonstrated demonstrating
    display displays displayed exhibit exhibits exhibited bring brings brought
    embody embodies embodied evidence evidenced
    """)
SEEING_VERBS: frozenset[str] = word_set("see sees saw seen seeing")
THE_PERSON: frozenset[str] = word_set("you i he she")

# Flaws that praise can be about ("honest about mistakes", "learns from failure").
FLAW_NOUNS: frozenset[str] = word_set(
    "mistake error failure weakness flaw limitation shortcoming fault setback blind-spot"
)

# Openings of interview questions and prompts, which ask rather than judge: an imperative
# stem ("Tell me about a time ..."), or a wh-word with an auxiliary and "you" ("How did
# you ..."), so that "What stood out was her clarity" is still read.
QUESTION_STEMS: frozenset[str] = frozenset(
    (
        *("tell me", "tell us", "describe a", "describe an", "describe the", "describe how"),
        *("describe your", "describe what", "give me", "give us", "walk me", "talk me"),
        *("share an", "share a", "talk about"),
    )
)
QUESTION_WORDS: frozenset[str] = word_set("what how why where which who when")
QUESTION_AUXILIARIES: frozenset[str] = word_set(
    "did do does would will could can should have has had are were is was"
)
QUESTION_SUBJECTS: frozenset[str] = word_set("you your we i they he she")
