"""Spot text that is clearly not English: nextround's polarity words and model read English."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Words below which a text is too short to tell: "Merci", "Gut gemacht", most names, and
#: two-word labels such as "Stakeholder engagement", which the identifier calls Danish.
MIN_WORDS = 4
#: How sure the identifier must be of another language. On the 4,600 English texts that
#: ship with nextround none reaches it (the nearest, a Dutch name, gets 0.42) while plain
#: sentences in French, German or Russian get 0.8 to 1.0 and a short Spanish one 0.47.
MIN_CONFIDENCE = 0.45
#: One word in this many from the list below reads as English without asking the model
#: (running English has about one in four), so most feedback never loads it (about 0.4 s).
ENGLISH_WORD_RATE = 8

# Frequent in English and not words of the languages the identifier mixes it up with: no
# "a", "in", "is", "on", "was", "to", "of", "for", "die", "an", "me", "my", "also" or "will".
_ENGLISH_WORDS = frozenset({
    "the", "and", "with", "but", "that", "this", "these", "those", "very", "were", "would",
    "should", "could", "their", "they", "them", "have", "been", "which", "about", "your",
    "you", "she", "his", "what", "when", "from", "into", "more", "well", "our", "not",
    "because", "there", "than", "then", "only", "some", "other", "how", "who", "did", "does",
    "being", "it", "its", "we", "us", "be", "are",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Chinese characters, kana and Hangul: about a word each, in runs without spaces.
_WIDE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")

#: Names of the languages most often met, for messages; others are shown by their code.
NAMES = {
    "ar": "Arabic", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "es": "Spanish", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "th": "Thai",
    "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip


def not_english(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is clearly written in, unless English.

    None for English, and for text too short or too full of names and jargon to tell.
    """
    words = _WORD.findall(text.lower())
    if len(words) + len(_WIDE.findall(text)) < MIN_WORDS:
        return None
    if sum(w in _ENGLISH_WORDS for w in words) * ENGLISH_WORD_RATE >= len(words):
        return None
    language, confidence = _identifier().classify(text)
    if language == "en" or confidence < MIN_CONFIDENCE:
        return None
    return str(language)


#: What goes wrong with each kind of text read as English, for english_only_note.
QUESTIONS_RISK = "they may be mapped to the wrong competencies"
STORY_RISK = "its competencies may be suggested wrongly and its checks misread"


#: Languages whose common words of praise and criticism are read (``polarity_german``,
#: ``polarity_french``).
_JUDGEMENTS_READ = frozenset({"de", "fr"})


def what_is_read(code: str, *, feedback: bool) -> str:
    """What nextround reads of a text in this language, for a note: 'nextround reads ...'.

    In German and French feedback the common words of praise and criticism are read ("sehr
    gut", "zu dünn", "manque de"); the competencies are still found by an English model.
    """
    if feedback and code in _JUDGEMENTS_READ:
        return (
            f"nextround reads only common {language_name(code)} words of praise and criticism "
            "and maps English only"
        )
    return "nextround reads English only"


def english_only_note(text: str, what: str, risk: str, *, feedback: bool = False) -> str | None:
    """A warning such as 'This story looks like French; ...', or None for English text.

    ``what`` names the text ("story") and ``risk`` says what may go wrong with it;
    ``feedback`` says it is feedback, whose judging words may be read in some languages.
    """
    code = not_english(text)
    if code is None:
        return None
    return (
        f"This {what} looks like {language_name(code)}; "
        f"{what_is_read(code, feedback=feedback)}, so {risk} (an English translation maps "
        "better)."
    )


def language_name(code: str) -> str:
    """'French' for 'fr'; a language without a name here goes by its code."""
    return NAMES.get(code, f"language '{code}'")


@cache
def _identifier() -> LanguageIdentifier:
    # Imported and loaded on first need: the model takes about 0.4 s and 70 MB to unpack.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
