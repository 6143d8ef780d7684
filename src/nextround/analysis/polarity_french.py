"""Common French praise and criticism ("très bien", "manque de", "il faut", "pas assez").

nextround reads English, but a mentor or a recruiter in France mixes in French: "Par
contre, le business case manque encore de chiffres: il faut montrer l'impact sur le P&L",
"Très bonne présentation", "Tu as une vraie présence". A small list of their general forms
lets such a statement read as a strength or a gap rather than neutral, as
``polarity_german`` does for German; it is no French reader, and mapping onto competencies
stays English. Each entry is a (kind, weight, regex) of ``polarity_phrases.PHRASES``
(matched on lower case). Forms that are English words too ("excellent", "super") are left
to the English lists.
"""

from __future__ import annotations

FRENCH_PHRASES: tuple[tuple[str, float, str], ...] = (
    # "Pas assez de chiffres", "pas très clair", "ce n'était pas convaincant".
    (
        "criticism",
        -1.0,
        r"\bpas (?:assez|suffisamment|très (?:clair|convaincant|structuré)e?s?|"
        r"(?:vraiment |encore )?(?:clair|convaincant|structuré|à l'aise)e?s?)\b",
    ),
    # "Le business case manque encore de chiffres", "il manquait de recul".
    (
        "criticism",
        -1.0,
        r"\b(?:manque|manquait|manquent|manquaient|a manqué) (?:encore |un peu |cruellement |"
        r"clairement )?(?:de|d'|du|des)\b|\bmanque de\b",
    ),
    # "Il faut montrer l'impact", "il faudrait être plus concis", "tu dois davantage ...".
    (
        "criticism",
        -1.0,
        r"\bil (?:faut|faudrait|faudra)\b|\b(?:tu devrais|vous devriez|tu dois|vous devez)\b",
    ),
    ("criticism", -1.0, r"\btrop (?:long|vague|flou|général|superficiel|technique|lent)e?s?\b"),
    (
        "criticism",
        -1.0,
        r"\b(?:insuffisant|faible|flou|confus|décevant)e?s?\b|\bà (?:améliorer|retravailler)\b",
    ),
    # "Très bien", "très bonne présentation", "une vraie présence", "vraiment convaincant".
    (
        "praise",
        1.0,
        r"\b(?:très |vraiment |particulièrement )?(?:bien joué|bon(?:ne)?s?|convaincante?s?|"
        r"remarquable?s?|impressionnante?s?|excellente?s?|géniale?s?|géniaux)\b"
        r"(?! (?:idée|chance|journée|continuation|courage|voyage|week-end|appétit|retour)\b)|"
        r"\btrès bien\b|\bbravo\b|\bfélicitations\b|"
        r"\bune vraie (?:présence|aisance|clarté|maîtrise)\b|\bdroit au but\b|"
        # "Super séance aujourd'hui": said of a piece of work, "super" praises it.
        r"\bsuper (?:travail|boulot|séance|session|entretien|présentation|pitch|démo|"
        r"atelier|échange|job)s?\b",
    ),
)
