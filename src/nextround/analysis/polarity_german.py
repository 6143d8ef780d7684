"""Common German praise and criticism ("sehr gut", "hat uns gefallen", "zu dünn", "fehlte").

nextround reads English, but German feedback often arrives in these few general forms:
"Ihr Portfolio hat uns gefallen, aber die Recherche war zu dünn", "Leider fehlte uns die
Tiefe bei der Nutzerforschung", "Sehr gute Präsentation". A small list of them lets such a
statement read as a strength or a gap rather than neutral; it is no German reader, and
mapping onto competencies stays English. "Leider" is no cue, as "unfortunately" is none:
it softens any news, a decision too. Each entry is a (kind, weight, regex) of
``polarity_phrases.PHRASES`` (matched on lower case). Forms that are English words too
("gut", "stark") count only where German surrounds them ("war gut", "sehr stark").
"""

from __future__ import annotations

_W = r"[^\W\d_]+"  # a word, umlauts included
# Where a bare "gut" or "stark" is German: after a verb or an adverb of degree.
_GERMAN_BEFORE = (
    r"(?:(?<=\bwar )|(?<=\bist )|(?<=\bsind )|(?<=\bwaren )|(?<=\bsehr )|(?<=\bwirklich )|"
    r"(?<=\baber )|(?<=\brichtig )|(?<=\bbesonders )|(?<=\becht )|(?<=\bziemlich )|"
    r"(?<=\bwirkte )|(?<=\bwirkten ))"
)
_GOOD = (
    r"(?:gute[nrs]?|starke[nrs]?|überzeugend(?:e[nrs]?)?|hervorragend(?:e[nrs]?)?|"
    r"ausgezeichnet(?:e[nrs]?)?|gelungen(?:e[nrs]?)?|"
    rf"{_GERMAN_BEFORE}(?:gut|stark)|gut (?=ge{_W}|{_W}iert\b|vorbereitet\b|durchdacht\b))"
)
# "nicht gut", "nicht so überzeugend", "hat uns nicht gefallen": praise denied.
_DENIED_PRAISE = (
    r"(?:nicht|kaum|wenig) (?:so |besonders |wirklich |ganz |sehr |immer |ausreichend )?"
    r"(?:gut|gute[nrs]?|stark|starke[nrs]?|überzeugend(?:e[nrs]?)?|gelungen|gefallen|"
    r"ausreichend|klar|strukturiert|überzeugt|begeistert|beeindruckt)\b"
)
# What won the reviewers over: "hat uns überzeugt", "Ihr Auftritt hat das Team begeistert",
# "waren sehr beeindruckt von", "überzeugte uns". "Nicht überzeugt" is denied praise above.
_WON_OVER = r"(?:überzeugt|begeistert|beeindruckt)"
_WON_OVER_PRAISE = (
    r"(?:hat|haben|hatte|hatten) (?:uns|mich|dem team|das team|alle|die (?:runde|kollegen|"
    r"kolleginnen|jury)) (?:(?!nicht\b|kaum\b|wenig\b)[^\W\d_]+ ){0,2}?"
    rf"(?:sehr |voll |vollends |wirklich |total |absolut |durchweg |besonders )?{_WON_OVER}\b|"
    r"(?:überzeugte|überzeugten|begeisterte|begeisterten|beeindruckte|beeindruckten) "
    r"(?:uns|mich|das team|alle)(?! nicht)\b|"
    r"(?:waren|war|sind|bin) (?:wir |ich )?(?:sehr |wirklich |besonders |absolut )?"
    rf"{_WON_OVER} von\b"
)

GERMAN_PHRASES: tuple[tuple[str, float, str], ...] = (
    ("criticism", -1.0, _DENIED_PRAISE),
    # "Die Fallstudie überzeugte uns nicht", "gefiel uns leider nicht".
    (
        "criticism",
        -1.0,
        r"(?:überzeugte|überzeugten|begeisterte|begeisterten|gefiel|gefielen) (?:uns|mich|"
        r"das team|alle) (?:leider |noch |so |ganz )?nicht\b",
    ),
    # "Wir hätten uns mehr Tiefe bei der Recherche gewünscht", "ich hätte mir mehr X gewünscht".
    (
        "criticism",
        -1.0,
        rf"(?:hätten?|würden?) (?:uns|mir|wir|ich) (?:{_W} ){{0,6}}?mehr\b(?: {_W}){{0,6}}? "
        r"gewünscht",
    ),
    # "Mehr Tiefe wäre gut gewesen": what was wished for, a gap, though "gut" praises.
    (
        "criticism",
        -1.0,
        rf"(?:etwas |noch |deutlich )?mehr (?:{_W} ){{1,4}}?(?:wäre|hätte) (?:{_W} )?"
        r"(?:gut|schön|hilfreich|wünschenswert)",
    ),
    (
        "criticism",
        -1.0,
        r"zu (?:wenig|dünn|oberflächlich|allgemein|vage|knapp|unkonkret|unstrukturiert)\b|"
        r"nicht (?:ausreichend|genug)\b|unzureichend(?:e[nrs]?)?\b",
    ),
    ("criticism", -1.0, r"(?:fehlt|fehlte|fehlten|gefehlt|mangelte?|schwach(?:e[nrs]?)?)\b"),
    # "Sehr gute Präsentation", "Ihre Analyse war überzeugend", "klar strukturiert".
    ("praise", 1.0, rf"(?:sehr |wirklich |richtig |besonders |äußerst )?{_GOOD}\b"),
    (
        "praise",
        1.0,
        r"(?:hat|haben|hatte|hatten) (?:uns|mir|dem team|allen) (?:(?!nicht\b|kaum\b)\w+ )?"
        r"(?:sehr |gut |besonders )?gefallen\b|gefiel(?:en)? (?:uns|mir)(?! nicht)\b|"
        r"(?:klar|sauber|gut) strukturiert\b",
    ),
    ("praise", 1.0, _WON_OVER_PRAISE),
)
