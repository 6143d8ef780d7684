"""Phrase patterns for polarity: hedges, idioms of praise and criticism, and shields."""

from __future__ import annotations

from nextround.analysis.decision_talk import (
    APPLICANT_VOLUME,
    DECISION_LEAD_IN,
    DIFFICULT_DECISION,
    GENERIC_FIT,
    HAD_A_STRONGER_CANDIDATE,
    NEEDED_A_LEVEL,
    NO_INDIVIDUAL_FEEDBACK,
    NOT_ABOUT_THE_PERSON,
    NOT_PROCEEDING,
    NOT_SUCCESSFUL,
    OTHERS_PRAISED,
    REGRET_TO_INFORM,
    UNCHANGED_DECISION,
)
from nextround.analysis.polarity_absence import ABSENCE_PHRASES
from nextround.analysis.polarity_advice import ADVICE_PHRASES, OBLIGATION_PHRASES
from nextround.analysis.polarity_areas import GAP_AREA_PHRASES
from nextround.analysis.polarity_comparisons import COMPARISON_PHRASES
from nextround.analysis.polarity_denied_doubt import DENIED_DOUBT_PHRASES
from nextround.analysis.polarity_difficulty import DIFFICULTY_PHRASES
from nextround.analysis.polarity_french import FRENCH_PHRASES
from nextround.analysis.polarity_german import GERMAN_PHRASES
from nextround.analysis.polarity_help import HELP_PHRASES
from nextround.analysis.polarity_progress import PROGRESS_PHRASES
from nextround.analysis.polarity_understated import MILD_PHRASES, NARROWED_PHRASES
from nextround.analysis.polarity_verdicts import VERDICT_PHRASES
from nextround.analysis.vague_verdicts import VAGUE_FIT

# Phrases, tried before single words. Each entry: (kind, weight, regex). Kinds name the
# cue shown to the user; "hedge" is the soft criticism interviewers use instead of
# saying "weak"; "advice" and "aside" are described in ``polarity_advice``, "gap area"
# in ``polarity_areas``, "verdict" in ``polarity_verdicts``, "difficulty" (what the
# person found hard) in ``polarity_difficulty``, "mild" (a hedge unless it softens
# praise) in ``polarity_understated``, "progress" in ``polarity_progress``;
# "neutral" entries only shield ambiguous words ("as well as").
# Negative "hedge" and "criticism" phrases also absorb the next praise word
# ("could have been more structured" is one gap, not a gap and a strength).
PHRASES: tuple[tuple[str, float, str], ...] = (
    # Praise that hedge patterns would otherwise catch.
    (
        "praise",
        1.5,
        r"(?:could|can)(?:n't| ?not) (?:have )?(?:been |be |done |asked for |"
        r"hoped for |wished for )?(?:any |a |an )?(?:better|more|happier|prouder)",
    ),
    # Holding people together: "kept all three aligned", "got the directors on board",
    # "aligning three directors with competing goals".
    (
        "praise",
        1.0,
        r"(?:kept|keeps?|keeping|got|gets?|getting|brought|brings?|bringing) (?:[\w-]+ ){0,3}?"
        r"(?:aligned|on board|onside|on side|in the loop)|"
        r"align(?:s|ed|ing)? (?:the |all |both |[\w-]+ )?(?:\w+ )?(?:stakeholders|directors|"
        r"teams|leaders|leadership|executives|execs|partners|functions|departments|sponsors)|"
        # "without surprises for leadership": nothing sprung on anyone.
        r"(?:no|without(?: any)?) (?:nasty |unpleasant |unwelcome |last-minute |late )?"
        r"surprises",
    ),
    # "You showed real promise": potential, praised.
    (
        "praise",
        1.0,
        r"(?:(?:shows?|showed|showing|shown) (?:\w+ )?|(?:real|great|genuine|huge|clear|a lot "
        r"of|lots of) )promise\b",
    ),
    # "There's nothing you could have done differently": nothing to fault.
    (
        "praise",
        1.2,
        r"(?:nothing|not (?:a (?:single )?thing|anything)) (?:more |else )?(?:that )?you "
        r"(?:could|should|would|might)(?:'ve| have) done (?:differently|better|otherwise)",
    ),
    # Doubt, fault or a reason to hold back denied: "I have no doubt you could do this".
    *DENIED_DOUBT_PHRASES,
    # "It didn't change our view" and "we won't be moving forward" are about the hiring
    # decision: their negation judges nobody, and "I'm afraid" softens the news rather
    # than calling anyone fearful.
    ("neutral", 0.0, UNCHANGED_DECISION),
    ("neutral", 0.0, NOT_PROCEEDING),
    # "You have not been successful on this occasion": the "no", with no reason in it.
    ("neutral", 0.0, NOT_SUCCESSFUL),
    # Praise of the other candidates is no praise of the person: "others were equally strong".
    ("neutral", 0.0, OTHERS_PRAISED),
    # "... whose experience more closely matches our needs": the chosen one's fit, in the
    # template's words; its "better" praises no one.
    ("neutral", 0.0, GENERIC_FIT),
    ("neutral", 0.0, DECISION_LEAD_IN),
    # Why the decision was hard or came with no detail: "the decision was not easy", "due
    # to the high number of applicants we are unable to provide individual feedback", "we
    # regret to inform you". Their "not easy" and "unable" judge nobody.
    ("neutral", 0.0, DIFFICULT_DECISION),
    ("neutral", 0.0, APPLICANT_VOLUME),
    ("neutral", 0.0, NO_INDIVIDUAL_FEEDBACK),
    ("neutral", 0.0, REGRET_TO_INFORM),
    # The decision said not to be about the person: "it came down to availability rather
    # than ability", "this is no reflection on your skills", "just not the right time".
    ("neutral", 0.0, NOT_ABOUT_THE_PERSON),
    # "Not quite the right fit for us at this time": a "no" with no reason judges no skill.
    ("neutral", 0.0, VAGUE_FIT),
    # "We just needed someone more senior", "we simply had a stronger internal candidate":
    # the decision's reason, a level or the chosen candidate, judges no skill of the person
    # and is no behaviour indicator either: what follows is context, as after an aside.
    ("aside", 0.0, NEEDED_A_LEVEL),
    ("aside", 0.0, HAD_A_STRONGER_CANDIDATE),
    ("neutral", 0.0, r"(?:i'm|i am|we're|we are) afraid(?! (?:of|to)\b)"),
    # What the person found hard (see ``polarity_difficulty``), before the hedges that
    # read "find it hard" without a subject.
    *DIFFICULTY_PHRASES,
    # What was not heard or seen, and a lack denied, before the hedges ("not really ...")
    # that start at the same word (see ``polarity_absence``).
    *ABSENCE_PHRASES,
    # Hints, prompting and time in an interview (see ``polarity_help``), before the
    # "needed more help" hedge that would read "needed no prompting" as a gap.
    *HELP_PHRASES,
    *COMPARISON_PHRASES,
    # Advice and named areas before the hedges, whose shorter matches at the same word
    # would win.
    *GAP_AREA_PHRASES,
    *VERDICT_PHRASES,
    *PROGRESS_PHRASES,
    *ADVICE_PHRASES,
    (
        "praise",
        1.2,
        r"(?:above|beyond|exceed\w*|raise[sd]?|raising) (?:the |our |my )?"
        r"(?:bar|expectations?)",
    ),
    (
        "hedge",
        -1.0,
        r"(?:below|under|short of|not at|not up to|beneath) (?:the |our |my )?"
        r"(?:bar|level|standard|expectations?)",
    ),
    (
        "praise",
        0.8,
        r"(?:meet|meets|met|meeting) (?:\w+ )?(?:the |all |our |agreed |tight )?"
        r"(?:bar|expectations?|deadlines?|targets?|commitments?|objectives?|"
        r"goals?|standards?|needs|requirements)",
    ),
    # Soft criticism and suggestions.
    (
        "hedge",
        -1.0,
        r"(?:could|should|might|ought to)(?: perhaps| maybe)? have (?:\w+ ){0,2}"
        r"\w+",
    ),
    (
        "hedge",
        -1.0,
        r"(?:would|'d) (?:have )?(?:liked|loved|like|love|prefer|preferred|want|wanted|"
        r"expect|expected|hope|hoped) (?:to (?:see|hear|have seen|have heard) )?"
        # "... liked you to go a bit deeper", "... wanted her to show more".
        r"(?:(?:you|him|her|them) to (?:\w+ )?)?"
        r"(?:\w+ )?(?:more|further|deeper|greater|clearer|stronger|a bit|a little|"
        r"some|an? |evidence|examples?)",
    ),
    (
        "hedge",
        -0.9,
        r"(?:would|'d) have (?:been )?(?:good|great|nice|helpful|useful|better|"
        r"stronger|valuable|beneficial|ideal)|"
        # "More evidence of influencing would have helped": what was missing.
        r"(?:would|'d) (?:really |definitely |certainly )?have (?:helped|made (?:a|the|all the) "
        r"difference|strengthened (?:it|your|the))",
    ),
    ("hedge", -0.9, r"(?:would|'d|could|will|might|may) (?:\w+ )?benefit from"),
    (
        "hedge",
        -0.8,
        r"(?:would|'d) (?:help|be (?:good|great|nice|helpful|useful|better|"
        r"beneficial|valuable) to)",
    ),
    (
        "hedge",
        -0.8,
        r"(?:could|should|might|needs? to|must) (?:\w+ )?(?:be|become|get) (?:a "
        r"(?:bit|little|lot) |much |even |slightly )?(?:more|less|better|clearer|"
        r"sharper|crisper|tighter|stronger|deeper|shorter|simpler|faster)",
    ),
    (
        "hedge",
        -0.8,
        r"(?:could|should|might) (?:\w+ )?(?:improve|work on|focus (?:more )?on|"
        r"consider|try|spend more|do more|develop|strengthen|practi[cs]e|grow|"
        # "You could translate the outcomes into financial terms": say it another way.
        r"translate|reframe|re-frame|rephrase|reword|recast)",
    ),
    (
        "hedge",
        -1.0,
        r"room (?:to (?:grow|improve|develop)|for (?:growth|improvement|"
        r"development))",
    ),
    (
        "hedge",
        -1.0,
        r"(?:areas?|points?|opportunit(?:y|ies)) (?:for|of|to) (?:further )?"
        r"(?:development|improvement|growth|grow|improve|develop|concern|"
        r"strengthen|work on|focus on)",
    ),
    (
        "hedge",
        -1.0,
        # "the whole growth area" is a part of the business, not a development area.
        r"(?<!whole )(?<!entire )(?<!wider )(?<!broader )"
        r"(?:development|developmental|growth|improvement|focus|weak|problem|stretch) "
        r"(?:areas?|points?|opportunit(?:y|ies)|needs)",
    ),
    (
        "hedge",
        -1.0,
        r"(?:needs?|needed|needing|requires?|required) (?:\w+ )?(?:more|further|"
        r"additional|improvement|improving|work|development|developing|practice|"
        r"exposure|support|coaching|guidance|polish|refinement|attention|"
        r"help|prompting|reminding|supervision|to)",
    ),
    (
        "hedge",
        -0.9,
        r"(?:more|further|additional|greater|broader|deeper) (?:exposure|"
        r"experience|practice) (?:to|in|with|of)",
    ),
    (
        "hedge",
        -0.9,
        r"(?:work|working|focus|focusing) on (?:improving|developing|building|"
        r"strengthening|getting better)",
    ),
    (
        "hedge",
        -0.9,
        r"(?:a (?:bit|little|touch)|slightly|somewhat|rather|quite|too|fairly|"
        r"very) (?:light|thin|short|low)(?: on)?",
    ),
    ("hedge", -0.9, r"(?:light|thin|short|weak|low|shaky|rusty) on"),
    # Excess: "some milestones had more detail than needed", "took longer than necessary".
    # A noun between keeps "did more than required" (going beyond) out.
    (
        "hedge",
        -0.9,
        r"(?:more|longer|further|deeper) (?:[\w-]+ ){1,2}?than (?:(?:was|were|is|are|it was|"
        r"strictly|really) )?(?:needed|necessary|required|warranted|useful|helpful)\b|"
        r"(?:took|takes|ran|runs|went) (?:much |a bit |slightly )?longer than (?:(?:was|is|it "
        r"needed to be) )?(?:needed|necessary|required|warranted)\b",
    ),
    (
        "hedge",
        -0.7,
        r"(?:was|were|is|are|felt|seemed|looked|stayed|remained) (?:a (?:bit|little) |rather |"
        r"quite |very |too |somewhat )?thin|(?:ran|runs|run|went|goes|going) (?:too |a bit |"
        r"slightly |well )?(?:long|over time)",
    ),
    (
        "hedge",
        -0.8,
        r"(?:too|stayed|stays|remained|remains|kept (?:it|things)|fairly|rather|"
        r"a bit|somewhat|very|overly|mostly|quite) (?:high[- ]level|surface[- ]level|"
        r"theoretical|abstract|academic|generic)",
    ),
    # Any other judgement softened by a hedge: "felt a bit dated", "somewhat generic".
    *MILD_PHRASES,
    ("hedge", -0.8, r"(?:at|on) (?:the|a) surface(?: level)?"),
    (
        "hedge",
        -0.9,
        r"not (?:yet|quite|fully|entirely|completely|totally|always|sufficiently|"
        r"consistently|necessarily|particularly|really|very|that|as|so|overly|"
        r"wholly|altogether)(?= )",
    ),
    ("hedge", -0.9, r"(?:yet to|still (?:to|needs?|learning|developing|building|growing))"),
    ("hedge", -0.7, r"(?:tends?|tended|tending) to|(?:has|had|have) a tendency to"),
    ("hedge", -0.8, r"took (?:a while|some time|time|a long time|too long|longer)"),
    (
        "hedge",
        -0.8,
        r"(?:it was |was )?(?:hard|difficult|tough|not easy) to (?:follow|"
        r"understand|read|see|tell|assess|gauge|judge|work with|get)",
    ),
    ("hedge", -0.9, r"(?:fell|falls|fall|come|came|comes|coming) short"),
    (
        "hedge",
        -0.9,
        r"finds? it (?:hard|difficult|tough|challenging)|(?:has|have|had|shows?|"
        r"showed|experiences?|experienced) (?:some |great |real |considerable )?"
        r"(?:difficulty|difficulties|trouble)",
    ),
    ("hedge", -0.9, r"(?:missed|misses|miss) the (?:mark|point)"),
    # "Your answer on budgeting left a lot to be desired".
    (
        "criticism",
        -1.0,
        r"(?:leaves?|left|leaving) (?:a (?:lot|great deal|fair bit|bit)|much|"
        r"something|plenty) to be desired",
    ),
    ("hedge", -0.6, r"(?:mixed|some) (?:signals?|concerns?|feedback|results|picture)"),
    ("hedge", -0.7, r"not sure|unsure|unclear (?:whether|if|how)|we were left"),
    # Praise phrases.
    ("praise", 1.2, r"(?:stood|stands|stand|standing) out"),
    # "That part was fine": plain approval; not "fine-grained", "it's fine to ask".
    (
        "praise",
        0.7,
        r"(?:was|were|is|are|'s|seemed|looked|felt|went|came across as) (?:absolutely |"
        r"perfectly |totally |completely |all |just )?fine(?![- ]?(?:line|print|grain|tun)| "
        r"(?:to|if|with)\b)",
    ),
    (
        "praise",
        1.0,
        r"(?:was|were|is|are|'s|'re) (?:easily |definitely |clearly |really )?(?:the|a|one of "
        r"the) (?:real |clear |definite |standout |big )?(?:highlights?|stand-?outs?|high points?)",
    ),
    (
        "praise",
        1.2,
        r"hit the ground running|above and beyond|head and shoulders above|(?:goes|went|"
        r"going|go) the "
        r"extra mile|second to none|spot on|on point|nailed (?:it|the)|"
        r"strong hire|no[- ]brainer|a pleasure to|gets? things done|"
        r"thinks? on (?:his|her|their|your) feet|leads? by example|role[- ]model",
    ),
    (
        "praise",
        1.0,
        r"(?:came|comes|come|coming) (?:through|across) (?:very |really )?"
        r"(?:well|strongly|clearly|as (?:very |really )?(?:strong|confident|clear|"
        r"credible|genuine))",
    ),
    ("praise", 0.7, r"(?:came|comes|come|coming) through"),
    # Encouragement: "Keep doing the weekly demos", "Keep it up", "Continue doing this".
    ("praise", 1.0, r"keep (?:doing|it up|up the)|continue (?:doing|to do)"),
    (
        "praise",
        0.9,
        r"follow(?:s|ed|ing)? (?:through|up)|make[s]? (?:sure|certain)|"
        r"(?:in|into) the loop|on track|on board|in a timely",
    ),
    (
        "praise",
        1.0,
        r"(?:takes?|took|taking) (?:full |personal |real )?(?:ownership|"
        r"responsibility|accountability|the lead|initiative|pride)",
    ),
    ("praise", 1.0, r"(?:gives?|gave|giving|shares?|shared|sharing) (?:\w+ )?credit"),
    # "No issues with collaboration": the reviewer looked and found nothing wrong. The topic
    # noun alone pulls the embedding probe towards a flaw, so the phrase must be read whole.
    (
        "praise",
        1.0,
        r"(?:no|zero|never (?:any|had any)|without any) (?:real |major |big |significant |"
        r"serious )?(?:issues?|problems?|concerns?|complaints?|worries|doubts?|red flags?|"
        r"reservations?) (?:(?:at all|whatsoever) )?(?:with|about|around|on|over|regarding|in)\b",
    ),
    (
        "praise",
        0.9,
        r"(?:big|bigger|wider|broader) picture|long[- ]term|win[- ]win|"
        r"joined[- ]up|end[- ]to[- ]end ownership",
    ),
    (
        "praise",
        1.0,
        r"(?:challenge[sd]?|challenging|question(?:s|ed|ing)?) (?:the )?"
        r"(?:status quo|assumptions?|conventional)",
    ),
    ("praise", 0.8, r"(?:out of|outside|beyond|stretch(?:es|ed)?) (?:\w+ )?comfort zone"),
    (
        "praise",
        0.6,
        r"only (?:when|where|if) (?:necessary|needed|appropriate|required|"
        r"justified)",
    ),
    (
        "praise",
        0.9,
        r"without (?:being (?:asked|told|prompted|reminded|chased|pushed)|"
        r"(?:close |constant )?supervision|prompting|fuss|complaint|"
        r"complaining|hesitation|fail)",
    ),
    (
        "praise",
        0.8,
        r"learns? from (?:\w+ )?(?:mistakes|errors|failures?|setbacks?|feedback|"
        r"experience)",
    ),
    # Criticism phrases.
    ("criticism", -1.0, r"(?:takes?|took|taking|claims?|claimed) (?:the )?credit"),
    (
        "criticism",
        -1.0,
        r"(?:stay|stays|stayed|remain|remains|within|in) (?:\w+ )?comfort "
        r"zone",
    ),
    (
        "criticism",
        -1.0,
        r"(?:accept|accepts|accepted|maintain|maintains|defend|defends|"
        r"preserve|preserves|protect|protects) the status quo",
    ),
    (
        "criticism",
        -1.2,
        r"jump(?:s|ed|ing)? to (?:conclusions|solutions)|cut(?:s|ting)? "
        r"corners|pass(?:es|ed|ing)? the buck|drag(?:s|ged|ging)? "
        r"(?:\w+ )?feet|turn(?:s|ed|ing)? a blind eye|point(?:s|ed|ing)? "
        r"(?:the |a )?finger|talk(?:s|ed|ing)? down to|set in (?:\w+ )?ways|"
        r"(?:bur(?:y|ies|ied)) (?:\w+ )?head|knee[- ]jerk|my way or",
    ),
    (
        "criticism",
        -1.0,
        r"(?:lose|loses|lost|losing) (?:sight|track|(?:\w+ )?(?:temper|cool|"
        r"focus|patience|nerve))|lost in (?:the )?detail|in the weeds|"
        r"bogged down|off (?:on )?(?:a )?tangents?|off[- ](?:topic|track)|"
        r"tick[- ]box|box[- ]ticking|shy(?:ing)? away|shie[sd] away",
    ),
    (
        "criticism",
        -1.0,
        r"(?:own|personal|hidden|narrow|political) agenda|"
        r"(?:own|personal|vested) interests?|us (?:and|vs|versus) them|"
        r"at the expense of|(?:last|eleventh)[- ](?:minute|hour)|"
        r"for (?:its|their|the) own sake|bare minimum|not invented here|"
        r"out of (?:\w+ )?depth|out of touch|behind (?:schedule|the curve)|"
        r"over budget|behind closed doors|command and control|"
        r"(?:re)?invent(?:s|ed|ing)? the wheel|sit(?:s)? on the fence|"
        r"talk(?:s|ed|ing)? over|go(?:es)? quiet|went quiet|rubber[- ]stamp|"
        # "At times you withdrew from the discussion": out of the group's work, not out of
        # the process ("you withdrew your application").
        r"(?:withdr(?:ew|awn|aws|awing|aw)|disengag(?:e|ed|es|ing)|retreat(?:ed|s|ing)?|"
        r"switch(?:ed|es|ing)? off|check(?:ed|s|ing)? out|"
        r"(?:went|go|goes|going|gone|fell|fall|falls|falling) (?:very |rather |quite |a (?:bit|"
        r"little) )?(?:quiet|silent)) (?:\w+ )?(?:from|of|in|during) (?:the |our |a |your |this )?"
        r"(?:(?:group|team|wider|panel|case|later|main) )?(?:discussions?|conversations?|debates?|"
        r"group|team|exercise|task|activity|meetings?|room)\b|"
        # Not "made fewer errors than ...": see ``polarity_comparisons``.
        r"(?:makes?|made|making) (?!fewer |less |no |few |zero |hardly )(?:\w+ )?"
        r"(?:mistakes|errors)|"
        r"short[- ]term(?:ist|ism)?|puts? off|put(?:s|ting)? (?:\w+ )?down|"
        r"(?:gives?|gave|giving) up|(?:holds?|holding|held) (?:\w+ )?back|goes back on|"
        r"went back on|in the dark|(?:takes?|took) (?:things|it|feedback) "
        r"personally|sticks? to what|always been done|at all costs|"
        r"gut (?:feel|feeling|instinct)|bends? the rules|"
        # Deciding on a hunch where evidence was due: "relied on intuition".
        r"(?:rel(?:y|ies|ied|ying)|lean(?:s|ed|ing|t)?) (?:\w+ )?(?:heavily |mostly |largely |"
        r"mainly |only |too much |a lot )?on (?:(?:his|her|their|your|my|its|the|pure|sheer) )?"
        r"(?:own )?(?:intuition|instincts?|hunches?|gut(?: feel(?:ing)?| instincts?)?|"
        r"anecdotes?|assumptions|opinions?)\b|"
        r"(?:wait|waits|waited|waiting) (?:to be|for others|for someone|until)",
    ),
    # Done in the wrong order: telling, pitching or building before finding out ("pitched
    # features before uncovering pain", "demoed before asking about their goals"). The
    # reverse order is the praise ("quantified the pain before mentioning the product").
    (
        "criticism",
        -1.0,
        r"(?:pitch|demo|present|propos|sell|sold|jump|dive|dove|rush|launch|talk|solution|"
        r"prescrib|recommend|push|cod|build|built|design|implement|commit|quot|pric|discount|"
        r"negotiat|clos|answer|respond|went|dived|moved|started)\w* (?:[\w'’-]+ ){0,5}?"
        r"before (?:ever |even |fully |really |first |properly |truly |actually )?"
        r"(?:uncover|understand|ask(?!ing for |ed for )|listen|hear|discover|diagnos|"
        r"qualif|clarif|explor|scop|confirm|validat|find(?:ing)? out|establish|identif|"
        r"knowing|dig|prob)\w*",
    ),
    # ... and the right order, finding out before telling: "quantified the business pain
    # before ever mentioning the product", "listened before proposing anything".
    (
        "praise",
        0.8,
        r"(?:quantif|uncover|understand|ask|listen|discover|diagnos|qualif|clarif|explor|"
        r"scop|confirm|validat|establish|identif|research|map)\w* (?:[\w'’-]+ ){0,5}?"
        r"before (?:ever |even |once |first )?(?:mention|pitch|demo|present|propos|sell|"
        r"recommend|suggest|talk\w* (?:about )?(?:price|pricing|product|features)|quot|pric|"
        r"build|cod|design|commit|show)\w*",
    ),
    # Rapport built with someone is the relationship skill at work: "built rapport quickly".
    (
        "praise",
        0.8,
        r"(?:build|built|building|builds|establish\w*|develop\w*|creat\w*) (?:\w+ )?rapport",
    ),
    # What the person looked at, tried or covered, narrowed down: "Focused on the first fix
    # only", "looked at the happy path only", "only considered one option", "just tested
    # the main flow". Narrowed to what matters ("focused only on the essentials") is no flaw.
    *NARROWED_PHRASES,
    # "Only"/"solely" narrow a behaviour down, which indicators use to describe a flaw.
    ("criticism", -0.5, r"(?:only|solely|purely|exclusively)(?= [a-z])"),
    (
        "criticism",
        -0.6,
        r"(?:own|their own|his own|her own) (?:silo|patch|interests?|agenda|"
        r"convenience)",
    ),
    # Advice in feedback ("Next time, spend more time on risk") implies a gap.
    (
        "hedge",
        -0.8,
        r"next time|in (?:the )?future|going forward|moving forward|remember to|"
        r"try to|make sure (?:you|to)|be sure to|(?:spend|give|put|take|show|"
        r"ask|use|bring|add|provide|include|allow) (?:a (?:bit|little|lot) )?"
        r"more|(?<!\bto )be (?:a (?:bit|little|lot) |much |even )?(?:more|less) (?!than\b)[a-z]+",
    ),
    *OBLIGATION_PHRASES,
    (
        "criticism",
        -0.8,
        r"(?:does|do|did|doing) (?:it |everything |things |all |the work )?"
        r"(?:all )?(?:himself|herself|themselves|themself|myself|yourself)|"
        r"keeps? (?:\w+ )?to (?:himself|herself|themselves|themself)|"
        r"lip service|go(?:es)? through the motions|(?:makes?|made) excuses|"
        r"covers? up|hopes? for the best|after the event|by the book|"
        r"to the letter|raises? (?:his|her|their) voice|sits? back|"
        r"pick up the pieces|plays? favou?rites|changes? (?:his|her|their) mind|"
        r"economical with the truth|(?:breaks?|broke|breaking) (?:\w+ )?"
        r"(?:promises|commitments|confidences?|rules|trust|agreements)|"
        r"(?:always|traditionally) (?:been )?done|puts? (?:own|his|her|their|"
        r"personal) (?:\w+ )?(?:before|ahead of|above|first)|"
        r"(?:puts?|places?) (?:himself|herself|themselves|self) first",
    ),
    ("praise", 0.8, r"pulls? (?:his|her|their) (?:own )?weight"),
    (
        "praise",
        1.2,
        r"(?:would|'d|will) (?:definitely |happily |gladly |certainly |absolutely )?"
        r"(?:hire|recommend|work with|welcome)|inside out|strong yes|clear yes",
    ),
    (
        "praise",
        0.9,
        r"bounc(?:es|ed|ing|e) back|stands? up (?:to|for)|stood up (?:to|for)|"
        r"speaks? up|spoke up|push(?:es|ed)? back",
    ),
    (
        "praise",
        0.8,
        r"assum(?:e|es|ed|ing) (?:full )?(?:responsibility|ownership|"
        r"accountability|leadership|the lead)",
    ),
    # Resistance to change and reactive habits, as indicators describe them.
    (
        "criticism",
        -0.7,
        r"(?:the )?same (?:old )?(?:way|ways|approach|methods?|routine)|"
        r"old (?:ways|habits|methods|systems|approach|way)|"
        r"(?:stick|sticks|stuck|sticking|cling|clings) (?:with|to) (?:the )?"
        r"(?:old|existing|familiar|usual|same|current|tried|known)|"
        r"(?:comfortable|content) with (?:the )?(?:status quo|familiar|existing|"
        r"current|way things are)|personal (?:gain|benefit|glory|credit|"
        r"advantage|recognition|ambition)|regardless of|irrespective of|"
        r"(?:when|if|until) (?:\w+ )?(?:told|forced|pushed|instructed|chased|"
        r"reminded|pressured|made to|directed)|"
        r"has to be (?:told|reminded|chased|asked|prompted|pushed|right)|"
        r"tells? (?:people|others|them|staff|the team) what to do",
    ),
    # Everyday idioms of poor practice in any competency area.
    (
        "criticism",
        -0.9,
        r"(?:does|do|did|doing) (?:only )?the (?:bare |absolute )?minimum|"
        r"settles? for|good enough|pass(?:es|ed|ing)? (?:\w+ )?(?:on|along|back)(?= to| \w+ else)|"
        r"lets? (?:\w+ )?down|let (?:\w+ )?down|(?:gives?|barks?) orders|takes? over|"
        r"what (?:they|people|others|he|she|customers|clients) want to hear|"
        r"bends? the (?:truth|rules)|goes to pieces|gets? on top of|"
        r"(?:his|her|their) (?:own )?way or|(?:does|do|doing) (?:the|their|other people's) work "
        r"for|sub-?standard|cuts? back on|(?:in|into) (?:a|the) blame|"
        r"finds? fault|finding fault|makes? (?:\w+ )?wait|runaround|nuisance|"
        r"skip(?:s|ped|ping)? (?:the )?(?:checks?|steps?|tests?|reviews?)",
    ),
    ("criticism", -0.8, r"too (?:much |many |little |few )?[a-z][\w-]*"),
    # The alternative a behaviour passes over: "works alone rather than collaborating" is a
    # gap, "focuses on solutions rather than blame" a strength.
    ("negator", 1.0, r"rather than|instead of|in place of|as opposed to"),
    # Shields for words that are not judgements in these combinations.
    (
        "neutral",
        0.0,
        r"as well(?: as)?|(?:a|the) good (?:deal|number|amount)|"
        r"not only|not just|not merely|not least|not to mention|whether or not|"
        r"if not|no matter|no doubt|no longer|no one|no-one|nothing else|bad news|"
        # Who got the job, and how close it was: no praise or flaw of the person.
        r"(?:the|a|our|your) successful (?:candidates?|applicants?|finalists?|hires?|person)|"
        r"(?:little|nothing|not much|very little) to (?:choose|separate|split) between|"
        r"clear(?:s|ed|ing)? (?:up|out|off|away)|open(?:s|ed|ing)? up|"
        r"practical (?:exercise|task|test|session|assessment|interview|case)|"
        r"a (?:few|little)(?= (?:of|more|time|days|weeks|months|years|"
        r"examples|questions))|critical thinking|critical path|"
        r"problem[- ]solving|risk management|change management|"
        # A hiring decision that looked inside the company judges nobody: "the client decided
        # to promote internally", "they promoted someone from within".
        r"promot(?:e|es|ed|ing) (?:(?:(?:someone|somebody|a colleague) )?(?:internally|"
        r"from within|from inside)|(?:an|the) internal (?:candidate|applicant)|"
        r"one of (?:their|our|its|his|her) own)|"
        # The recruiter's own news, that there is no more to pass on: "I don't have more
        # detail", "we haven't had any feedback yet". No shortfall of the person; the past
        # "I didn't have" stays read, as a person's own notes on an interview say it.
        r"(?:i|we) (?:don't|do not|haven't|have not)(?: yet)? (?:have |got |had |received )?"
        r"(?:any |much )?(?:more |further |other )?(?:detail|details|feedback|information|"
        r"specifics|news|updates?)\b|"
        # A body that oversees a project is no praise of who meets it.
        r"steering[- ](?:committees?|groups?|boards?|meetings?)|"
        r"conflict resolution|quality assurance|stakeholder management|"
        r"little by little|so that|so far|even so|miss out|the only|if only|"
        r"only just|own (?:development|learning|growth|performance|workload|"
        r"actions|mistakes|behaviour|behavior|wellbeing|time)|"
        r"well(?= (?:below|above|over|under|beyond|short|behind|ahead|before|"
        r"after|into|past)\b)|"
        # Others described as junior are no judgement of the person: "mentors junior staff".
        r"junior (?:staff|colleagues?|members?|team|engineers?|developers?|analysts?|"
        r"people|hires?|roles?|reports?)|"
        # Goals others hold against each other are the situation, not rivalry by the
        # person: "aligned three directors with competing goals".
        r"competing (?:goals|priorities|interests|demands|agendas|needs|views|requests|"
        r"objectives|deadlines|pressures|stakeholders|teams|incentives|proposals|options)|"
        # Success as what is measured names a topic: "the metrics to judge success".
        r"(?:judge|judging|judged|measure|measuring|measured|define|defining|defined|track|"
        r"tracking|tracked|assess|assessing|evaluate|evaluating) (?:the )?success|"
        r"(?:criteria|metrics?|measures?|definition) (?:for|of) success",
    ),
    # A few common German forms of praise and criticism (see ``polarity_german``).
    *GERMAN_PHRASES,
    *FRENCH_PHRASES,
)
