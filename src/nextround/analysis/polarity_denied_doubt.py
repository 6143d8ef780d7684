"""Phrase patterns for praise said by denying doubt, fault or a reason to hold back.

Recruiters often praise with a double negative: "I can't see any reason not to move you
forward", "I have no doubt you could do this job", "I couldn't fault your preparation",
"your presentation lacked nothing", "I can't think of anything you could have done
differently". Read word by word the negator falls on a neutral word ("reason", "think")
or on advice ("could have done"), and the sentence reads as a gap. Each phrase is read
whole instead.

They are written from how feedback phrases such praise in general, never from one text.
Each is a (kind, weight, regex) entry of ``polarity_phrases.PHRASES``.
"""

from __future__ import annotations

# A finite verb denied, or nobody doing it: "can't", "couldn't", "never", "nobody could".
_DENIED = (
    r"(?:[a-z]+n't|cannot|can not|could not|did not|do not|would not|not|never|(?:nobody|"
    r"no one|no-one|none of (?:us|them|the \w+)) (?:could|can|would|will|did))"
)
# Words that may sit between the denial and what it denies: "really", "honestly".
_SOFT = r"(?:(?:really|honestly|genuinely|truly|possibly|ever|once) )?"
# Who the doubt would be about: the person, or what they did.
_ABOUT_THEM = r"(?=(?:you|your|yours|she|her|he|his|they|their)\b)"
_DOUBT = (
    r"(?:question[- ]marks?|doubts?|question|hesitation|reservations?|concerns?|worries|qualms)"
)
# Holding a doubt, said after "never": "never had any concerns", "never felt a single doubt".
_HELD = r"(?:(?:had|have|has|felt|feel|raised|held|saw|seen|heard|voiced|expressed) )?"

DENIED_DOUBT_PHRASES: tuple[tuple[str, float, str], ...] = (
    # "I can't see any reason not to move you forward", "there's no reason why we
    # wouldn't", "no reason to doubt you": finding nothing against the person.
    (
        "praise",
        1.2,
        rf"(?:no|{_DENIED} {_SOFT}(?:see|find|think of|give|name|come up with)? ?(?:any|a "
        rf"single|one))(?: (?:good|real|obvious|possible|single))? reasons? (?:(?:not|why "
        rf"not) to|why (?:not|(?:we|i|you|they|she|he) (?:[a-z]+n't|should not|would not|"
        rf"could not|cannot))|to (?:doubt|question|worry|hesitate|hold back))",
    ),
    # "I have no doubt you could do this job", "there's no question that your ...",
    # "we had absolutely no hesitation in", "never in any doubt about your ...", "never had
    # any concerns about your ...". A bare "No doubt you've heard" opens a sentence as a
    # filler and is not matched.
    (
        "praise",
        1.0,
        rf"(?:(?:have|had|has|'ve|'d|there's|there is|there was|there were|there's been|"
        rf"leaves?|left|with) (?:absolutely |really |genuinely |simply |never )?(?:no|not a|"
        rf"not any|never a|never any|not the slightest|little) (?:real |slightest |shred of |"
        rf"single )?{_DOUBT}|(?:never|not|[a-z]+n't) {_HELD}(?:in |for )?(?:any|a moment's|the "
        rf"slightest|a single) {_DOUBT}|{_DENIED} {_SOFT}(?:doubt|question)) (?:at all )?"
        rf"(?:in my mind )?(?:(?:that|about|over|around|regarding|in|with) )?(?:that )?"
        rf"{_ABOUT_THEM}",
    ),
    # "I couldn't fault your preparation", "impossible to fault", "hard to find fault with".
    (
        "praise",
        1.2,
        rf"(?:{_DENIED} {_SOFT}(?:fault|criticise|criticize|find (?:a |any |much )?(?:fault|"
        rf"anything wrong|anything to (?:fault|criticise|criticize)))|(?:impossible|hard|"
        rf"difficult|tough) to (?:fault|criticise|criticize|find (?:a |any |much )?fault)|"
        rf"(?:nothing|little) to (?:fault|criticise|criticize))\b",
    ),
    # "Your presentation lacked nothing", "wanting for nothing", "lacking in nothing".
    ("praise", 1.0, r"(?:lacked|lacks|lacking|lack|wanted|wanting|short) (?:for |in |of )?nothing"),
    # "I can't think of anything you could have done differently", "we couldn't point to
    # a single thing to improve": no advice to give is praise.
    (
        "praise",
        1.2,
        rf"{_DENIED} {_SOFT}(?:think of|name|point to|find|see|identify|suggest|come up with) "
        rf"(?:anything|a (?:single )?thing|much|one thing|any(?:thing)? (?:else|more))"
        rf"(?: (?:at all|in particular|specific))?(?: (?:that )?(?:you|she|he|they|i|we) "
        rf"(?:could|should|might|would)(?:'ve| have)? (?:\w+ )?(?:done|do|handled|said|"
        rf"changed|improved|approached)(?: (?:differently|better|otherwise|more))?| to "
        rf"(?:improve|change|fix|work on|add))",
    ),
    # "You could hardly have prepared better", "couldn't have handled it better".
    (
        "praise",
        1.2,
        r"(?:could|can)(?:n't| not| hardly| scarcely) (?:\w+ )?(?:have )?[a-z]+(?: (?:it|this|"
        r"that|them))? (?:any )?better\b",
    ),
    # "Not a single member of the panel had a bad word to say", "nobody said a negative
    # word about you".
    (
        "praise",
        1.2,
        r"(?:nobody|no one|no-one|none of (?:us|them)|not (?:a single|one)(?: [a-z]+){0,4}?|"
        r"never|[a-z]+n't)(?: [a-z]+)? (?:had|has|have|hear|heard|say|said|says) (?:a |one |"
        r"a single )?(?:bad|negative|critical|unkind|cross) word",
    ),
    # "We didn't feel you were any less capable than the others", "no less convincing":
    # the comparison is denied, so the quality reads as it is.
    ("neutral", 0.0, r"(?:no|(?:[a-z]+n't|not)(?: [a-z]+){0,4}? any) less(?= [a-z])"),
    # "Your portfolio didn't disappoint", "never disappoints".
    ("praise", 1.0, rf"{_DENIED} {_SOFT}disappoint(?:s|ed)?\b"),
)
