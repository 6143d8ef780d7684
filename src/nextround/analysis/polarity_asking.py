"""The verbs a reviewer asks the person for a change with, for advice and imperatives alike."""

from __future__ import annotations

from nextround.analysis.polarity_lexicon import IMPERATIVE_VERBS, word_set

# Verbs reviewers ask with beyond the frameworks' indicator verbs: "bring one story",
# "frame it as", "quantify the impact", "go deeper on the numbers".
_MORE_ASKING = word_set("""
    quantify push pull trim cut slow tighten shorten sharpen spend add pause practise practice
    try go bring frame rehearse prepare pick open start stop lean cite name talk brush dwell
    avoid limit reduce remember look state link tie anchor narrow widen broaden deepen
    double-check sense-check sanity-check flag raise escalate loop write send draft test
    validate translate reframe re-frame rephrase reword recast put
    """)
# Verbs of remedy: their object is a fault to be rid of ("Fix the late reporting", "Tackle
# the gaps in your test plan"). Said of what someone did ("fixed the late reporting") they
# praise, so the lexicon reads them as good practice; told to the person, they ask.
_REMEDY = word_set("""
    fix tackle sort correct remedy repair rectify eliminate drop ditch curb prevent
    minimise minimize quit rethink revisit rework redo
    """)
# Imperatives that encourage or are courtesy rather than advice: "Keep doing X",
# "Continue to X", "Stay curious", "Enjoy the break", "See you then", "Find attached".
NOT_ASKING = word_set("""
    keep continue carry remain stay value welcome respect treat reward recognise recognize
    enjoy thank congratulate see find be
    """)
ASKING_VERBS: frozenset[str] = frozenset((IMPERATIVE_VERBS | _MORE_ASKING | _REMEDY) - NOT_ASKING)

# Courtesy phrased as an imperative, matched at the verb: "Take care", "Get in touch",
# "Look forward to seeing you", "Apply again".
COURTESY_IMPERATIVE = (
    r"(?:take care|get in touch|keep in touch|look forward|reach out(?: to (?:me|us)| any ?time|"
    r" if| whenever| with any|$)|apply (?:again|for|to (?:us|our|another|other|future)))\b"
)
