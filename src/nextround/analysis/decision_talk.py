"""Talk about the hiring decision itself ("It didn't change our view"), which judges no skill."""

from __future__ import annotations

import re
from functools import cache

from nextround.analysis.polarity_lexicon import word_set

# A recruiter explaining the outcome talks about the decision, not about the person: "it
# didn't change our view", "we went with another candidate", "the role has been filled".
# Read word by word, "didn't change" names a gap and "change" pulls the mapper onto change
# management, so these phrases are recognised whole. They are written from how hiring
# e-mails phrase a decision in general, not from any one text.
_NOT = r"(?:did|does|do|would|will|could|can|wo|ca)(?:n't| not)|cannot|never"
_SWAY = r"(?:change|alter|affect|sway|shift|reverse|overturn|move|impact|influence)[sd]?"
_WHOSE = r"(?:our|the|my|their|anyone's|the (?:team|panel|committee)'s)"
_VIEW = (
    r"(?:views?|decisions?|minds?|outcomes?|positions?|conclusions?|verdicts?|assessments?|"
    r"thinking|recommendations?|results?|feedback|scores?)"
)
# "didn't change our view", "won't alter the outcome", "did not really sway the panel's decision".
UNCHANGED_DECISION = (
    rf"(?:{_NOT}) (?:really |ultimately |in the end |materially |fundamentally )?{_SWAY} "
    rf"{_WHOSE} (?:overall |final |hiring |original )?{_VIEW}"
)
# Who decides: the company, or, relayed by a recruiter, "the client", "the hiring manager".
_EMPLOYER = (
    r"(?:the (?:hiring )?(?:team|panel|company|committee|client|business|employer|"
    r"organi[sz]ation|hiring manager|manager|board))"
)
# "We won't be moving forward with your application", "we are unable to offer you the role",
# "the client has decided not to take your application further".
NOT_PROCEEDING = (
    rf"(?:(?:i|we|they)(?:'re| are|'ll| will|'d| would|'ve| have)?|{_EMPLOYER}(?: has| have|'s)?)"
    r" (?:not|unable to|won't|will not|wo n't|won't be able to|will not be able to|"
    r"are not able to|aren't able to|cannot|can't|(?:have |has )?decided not to)"
    r" (?:be )?(?:moving|move|progressing|progress|proceeding|proceed|taking|take|going|go)"
    # "we won't be taking it further", "we are not taking your application forward".
    r"(?: (?:it|this|things|you|your (?:application|candidacy))(?= (?:forward|further)))?"
    r"(?: (?:forward|ahead|further|on))?(?: (?:with|to the next (?:stage|round|step)))?"
    r"(?: (?:your|the|this) (?:application|candidacy|process))?|"
    rf"(?:i|we|they|{_EMPLOYER})(?: have| has|'ve|'s)? (?:decided|chosen|opted) not to take "
    r"(?:your (?:application|candidacy)|you|it|things) (?:forward|further)|"
    r"(?:i|we)(?:'re| are)? (?:not|unable to|won't|will not|cannot|can't) (?:be )?(?:able to )?"
    r"(?:offer|offering) you (?:the|a|this) (?:role|position|job)|"
    # Told after the fact: "the only reason we didn't proceed", "we did not move forward".
    rf"(?:i|we|they|{_EMPLOYER}) (?:didn't|did not|couldn't|could not|"
    r"haven't|have not) (?:proceed|progress|move forward|go ahead|go forward|take (?:it|you|"
    r"your application) (?:forward|further))(?: with (?:you|your (?:application|candidacy)))?"
)
# The "no" itself, as UK graduate schemes phrase it: "Unfortunately on this occasion you have
# not been successful", "you have been unsuccessful on this occasion", "your application has
# not been successful". It names no reason: "you were not successful in demonstrating ..."
# goes on to one, which the words after the match keep (see ``is_decision_talk``).
_OCCASION = r"(?:(?:on|at) this (?:occasion|time|stage|point)|this time(?: round| around)?)"
_APPLIED_FOR = (
    r"(?:your (?:\w+ )?(?:application|candidacy|submission|bid))"
    # Spaces may be runs: a job title's words are blanked out before polarity is read.
    r"(?:\s+(?:for|to)\s+(?:the|this|our)\s+(?:[\w-]+\s+){0,4}?(?:role|position|post|programme|"
    r"program|scheme|vacancy|job|opening|internship|placement))?"
)
_SUCCESS = r"(?:successful|selected|shortlisted|progressed|taken forward|put forward)"
_HOW_FAR_NOT = (
    r"(?: (?:in|with) (?:your|this|the) (?:application|candidacy|bid)| in (?:progressing|"
    r"moving forward|moving on|being (?:selected|shortlisted|progressed)|securing (?:a|an|the) "
    r"(?:place|role|position|offer|interview))(?: (?:to|onto|on to|into) the next (?:stage|"
    r"round|step))?| (?:for|to) the next (?:stage|round|step))?"
)
NOT_SUCCESSFUL = (
    rf"(?:{_OCCASION},? )?(?:you|{_APPLIED_FOR})"
    r"(?:(?:'ve| have| has| had| were| was| are| is|'re)? (?:not|never)(?: been)? "
    rf"{_SUCCESS}|(?: haven't| hasn't| hadn't| weren't| wasn't| aren't| isn't)(?: been)? "
    rf"{_SUCCESS}|(?:'ve| have| has| had| were| was| are| is|'re)(?: been)? unsuccessful)"
    rf"{_HOW_FAR_NOT}(?:,? {_OCCASION})?\b"
    # "... not successful in persuading the group": a reason, read as a gap.
    r"(?! (?:in|at|with|when|to)\b)"
)
# What a decision may hinge on that is no skill of the person's.
_CIRCUMSTANCE_WORDS = (
    r"(?:the )?(?:timing|luck|budget|headcount|availability|location|logistics|start dates?|"
    r"notice periods?|visa|sponsorship|salary|funding|internal (?:moves?|mobility))"
)
# Praise of the field, not of the person: "other candidates were equally strong", "the
# other finalists were also excellent", "we had three strong finalists", "a very strong
# field". Comparatives ("others were stronger") are a verdict on the person (see
# ``polarity_verdicts``) and not matched: "strong" must end its word.
_FIELD = (
    r"(?:others|everyone else|(?:the |all |both |several |many |most |some |all the |all of the )?"
    r"(?:other |remaining )(?:candidates|applicants|finalists|interviewees|contenders|people)|"
    r"(?:the|another) (?:other|successful|chosen|winning|preferred|selected) (?:candidates?|"
    r"applicants?|finalists?|person|people|hire)|another (?:candidate|applicant|finalist)|"
    r"(?:the )?(?:field|pool|shortlist|competition))"
)
_FIELD_PRAISE = (
    r"(?:strong|good|impressive|excellent|talented|qualified|capable|experienced|competitive|"
    r"high[- ]calibre|high[- ]caliber|accomplished|outstanding|great|compelling|well[- ]"
    r"qualified|close)"
)
_ALIKE = (
    r"(?: (?:all|also|equally|just as|every bit as|as|very|really|incredibly|extremely|"
    r"exceptionally|genuinely|so|too|likewise|particularly|unusually|especially))*"
)
OTHERS_PRAISED = (
    rf"{_FIELD} (?:was|were|is|are|had been|have been|has been|seemed|felt){_ALIKE} "
    rf"{_FIELD_PRAISE}\b(?!-)|"
    r"(?:we|i) (?:had|saw|met|interviewed|received|spoke to|spoke with)"
    r"(?: (?:a|some|many|several|two|three|four|five|six|\d+|lots of|a lot of|a number of|"
    r"an? \w+ number of|a few|other))?(?: (?:very|really|incredibly|exceptionally|extremely))?"
    rf" {_FIELD_PRAISE} (?:candidates|applicants|finalists|people|profiles|interviewees|"
    r"contenders|field|pool|shortlist)|"
    r"(?:a|an|the) (?:very |really |incredibly |exceptionally |extremely |unusually )?"
    r"(?:strong|competitive|talented|impressive|crowded|high[- ]calibre|large|deep) "
    r"(?:(?:applicant|candidate|talent|hiring) )?(?:field|pool|"
    r"shortlist)(?: of (?:candidates|applicants|finalists))?"
)
# What was reviewed: the application, not the person's work ("we reviewed your code").
_APPLICATION = (
    r"(?:your|the) (?:\w+ )?(?:application|candidacy|cv|resume|résumé|profile|submission|"
    r"application materials|materials)"
)
# "After careful consideration, ...", "After reviewing your application, ...", "We've
# reviewed your application and ...": how the decision was reached, no praise of anyone.
DECISION_LEAD_IN = (
    r"(?:after (?:a lot of |lots of |much |some |long |careful |a long |a great deal of )?"
    r"(?:careful |long |much )?(?:discussion|consideration|deliberation|thought|reflection)s?|"
    r"(?:after|having|upon|on|when) (?:(?:carefully|thoroughly|closely) )?(?:(?:a )?(?:careful |"
    r"thorough |close )?(?:review|consideration|assessment)(?: of)?|reviewing|reviewed|"
    r"considering|considered|assessing|assessed|looking (?:at|over|through)|looked (?:at|over|"
    rf"through)|going through|gone through) {_APPLICATION}(?: (?:carefully|thoroughly|closely))?|"
    r"(?:i|we|they)(?:'ve| have| had|'d)? (?:now |carefully |thoroughly |closely )?(?:reviewed|"
    rf"considered|assessed|looked (?:at|over|through)|gone through|read) {_APPLICATION})"
)
# Why so many were turned down: the number or the strength of the applicants, the bar.
# "We received a high volume of applications", "due to the high number of applicants",
# "we had hundreds of applicants", "our hiring bar is high".
APPLICANT_VOLUME = (
    r"(?:an? |the |such an? )?(?:(?:very|extremely|unusually|exceptionally|particularly|"
    r"incredibly|really) )?(?:high|large|huge|great|overwhelming|record|significant|sheer|"
    r"unprecedented|big) (?:volume|number|amount|quantity|level)s? of (?:interest|"
    r"applications|applicants|candidates|submissions|responses|candidacies|"
    r"(?:interest|applications|applicants|candidates) (?:in|for) (?:this|the) (?:role|position|"
    r"opening|job))|"
    r"(?:i|we|they)(?:'ve| have| had)? (?:received|had|seen|saw|got|gotten|get|receive|see)"
    r" (?:so |such |very )?(?:many|a lot of|lots of|hundreds of|thousands of|dozens of|huge "
    r"numbers of|numerous|over \d+|more than \d+|\d+\+?|an? (?:large|huge|high|record|big) "
    r"number of|a record number of)(?: (?:very|really|highly|extremely))?(?: [\w-]+)? "
    r"(?:applications|applicants|candidates|submissions|responses|people)|"
    r"(?:our|the) (?:hiring |interview(?:ing)? |recruiting |recruitment )?bar (?:is|was|remains|"
    r"has always been|has been|is set) (?:(?:very|really|extremely|quite|incredibly|"
    r"particularly|exceptionally|always) )?high"
)
# "We are unable to provide individual feedback", "we don't give feedback at this stage":
# why no feedback follows, which judges no one.
NO_INDIVIDUAL_FEEDBACK = (
    r"(?:i|we|they|the (?:team|company|panel|hiring team))(?:'re| are|'m| am)?"
    r"(?: (?:currently|unfortunately|sadly|regrettably))? (?:unable to|not able to|cannot|"
    r"can't|can not|don't|do not|won't|will not|aren't able to|are not able to|am unable to|"
    r"are unable to|is unable to|isn't able to|won't be able to|will not be able to)"
    r"(?: (?:currently|always|usually))? (?:provide|give|offer|share|send|supply)"
    r"(?: (?:you|candidates|applicants|each applicant|everyone))?(?: with)? (?:individual|"
    r"individuali[sz]ed|personal|personali[sz]ed|detailed|specific|further|any|more|"
    r"tailored|written|direct)?(?: \w+)? feedback"
)
# "We regret to inform you that ...": how the news is broken, no judgement.
REGRET_TO_INFORM = (
    r"(?:i|we|they)(?: \w+)? (?:regret|are sorry|'re sorry|am sorry|'m sorry|are sad|"
    r"'re sad) to (?:inform|tell|advise|let) you(?: know)?"
)
# "The decision was not easy", "it wasn't an easy decision", "this was a difficult one".
DIFFICULT_DECISION = (
    r"(?:the|this|our|my|that|it|which) (?:final )?(?:decision|choice|call) (?:was|is|has been|"
    r"wasn't|was not|isn't|is not|hasn't been|has not been|was by no means|was never)"
    r"(?: (?:not|never|by no means|anything but))?(?: (?:a|an|the))?(?: (?:very|really|"
    r"particularly|easy|simple|straightforward|difficult|hard|tough|close|one))*"
    r" (?:easy|simple|straightforward|difficult|hard|tough|close|light)(?: (?:one|decision|"
    r"call|choice))?|"
    r"(?:it|this|that)(?:'s| was| is| wasn't| was not| isn't| is not)(?: not)? (?:an? )?"
    r"(?:easy|simple|straightforward) (?:decision|choice|call|one)"
)
# "The decision is final", "our view remains the same", "the outcome stands".
_DECISION_STANDS = (
    r"(?:the|our|my) (?:final |hiring )?(?:decision|outcome|view|verdict) (?:is|was|remains|"
    r"stands|has been|is unchanged|has not changed|hasn't changed|stays the same)"
    r"(?: final| made| unchanged| the same)?\b"
)
# "We have made our decision", "the panel reached a decision".
_DECISION_MADE = (
    rf"(?:i|we|they|{_EMPLOYER})(?: have|'ve| has|'s| had|'d)? (?:now |finally )?"
    r"(?:made|reached|taken|come to) (?:a|our|the|its|their)(?: final)? decision"
)
# The same decision in German: "Leider haben wir uns gegen Ihre Bewerbung entschieden",
# "wir haben uns für eine andere Kandidatin entschieden", "der Kunde hat sich für einen
# anderen Bewerber entschieden". A reason between the choice and "entschieden" ("für eine
# Kandidatin mit mehr Erfahrung in X") names what was missing and is not matched.
_GERMAN_DECIDED = (
    r"(?:(?:wir|ich) (?:haben|habe) (?:uns|mich)|(?:haben|habe) (?:wir|ich) (?:uns|mich)|"
    r"(?:hat|haben) sich(?: [^\W\d_]+){0,3}?|(?:hat|haben)(?: [^\W\d_]+){1,3}? sich)"
    r"(?: (?:leider|letztlich|schließlich|nun|jetzt|final|diesmal|dieses mal|daher|deshalb|"
    r"bereits|nach (?:reiflicher|sorgfältiger|langer) (?:überlegung|prüfung|abwägung)))*"
    r" (?:gegen (?:ihre|deine|eine weitere|die weitere) (?:bewerbung|kandidatur|"
    r"zusammenarbeit)|für (?:eine[nr]? )?(?:andere[nr]?|interne[nr]?|externe[nr]?|weitere[nr]?) "
    r"(?:kandidat(?:in|innen|en)?|bewerber(?:in|innen)?|person|besetzung|lösung)) entschieden"
)
# "The role has now been filled", "they have filled the position internally".
_ROLE_FILLED = (
    r"the (?:role|position|vacancy|job|opening) (?:has|had|was) (?:now |since |already )?"
    r"(?:been )?filled|"
    r"(?:decided|chosen|opted|going|plan(?:ning)?) to (?:fill (?:the|this) (?:role|position|"
    r"vacancy|job|opening) |hire |recruit |appoint |promote (?:someone )?)"
    r"(?:internally|from within)"
)
_HIRE = r"(?:hire|hiring|role|position|vacancy|recruitment|search|process|opening|job|req)"
# The hire paused, no one chosen: "the client has decided to put the hire on hold until Q2",
# "the role has been put on hold", "they've frozen hiring for now".
ON_HOLD = (
    r"(?:put|putting|puts|placed|placing|place) (?:the |this |their |its |all |any )?"
    rf"(?:\w+ )?{_HIRE}s? on hold|"
    rf"(?:the |this |their )?{_HIRE}s? (?:is|are|was|were|has been|have been|had been|'s been|"
    r"is being|will be|is now|is currently)(?: now| temporarily| currently)? (?:put |placed )?"
    r"on hold|"
    r"(?:paus|freez)(?:e|ed|es|ing)(?: all| the| this| their| its)? (?:hire|hiring|recruitment|"
    r"search|process|role|position|headcount)|"
    r"(?:froze|frozen) (?:the |all |their )?(?:hire|hiring|recruitment|headcount|role)"
)
# What the decision came down to, when it is no skill: "in the end it came down to
# timing", "it was down to budget". The reason is circumstance, not the person.
DOWN_TO_CIRCUMSTANCE = (
    r"(?:came|comes|come|boiled|boils|was|is|'s)(?: (?:all|just|simply|really|purely|"
    r"ultimately|entirely|largely|mainly))? (?:down to|a (?:matter|question) of|about) "
    rf"{_CIRCUMSTANCE_WORDS}\b(?! (?:management|skills?)\b)"
)
# Close between the person and another: "it was very close between you and one other
# candidate", "it came down to you and one other finalist". It praises no skill.
_CLOSE_RACE = (
    r"(?:(?:(?:very|really|extremely|incredibly|so) )?(?:close|tight|neck and neck|a close call)"
    r" between you and|came down to (?:you|yourself) and)"
    r"(?: (?:one|an|the|a single|just one))?(?: (?:other|another))?(?: (?:candidate|applicant|"
    r"finalist|person|profile)s?)?|"
    # "The hiring manager said it was a close call".
    r"(?:was|is|'s|been) (?:a |an |such a |such an )?(?:really |very |incredibly |extremely |"
    r"genuinely |finely balanced |)?(?:tough|difficult|hard|close|finely balanced) "
    r"(?:call|decision|choice)"
)
# Where the person ended up in the process: "you were one of three finalists", "you made it
# to the final round".
_HOW_FAR = (
    r"(?:you|you've|you have) (?:were|was|are|made it|got|been|reached|came)(?: (?:down|through))?"
    r" (?:(?:one of (?:the |our |only |just )?(?:two|three|four|five|six|\d|final|last|few|top|"
    r"strongest)\b(?: \w+)?)|(?:to |into )?the (?:final|last) (?:round|stage|two|three|four|"
    r"loop|shortlist|interview)s?)"
)
# The next stage the person goes on to: "the virtual onsite", "the final round".
_NEXT_STAGE = (
    r"(?:the |our |a |an |your )?(?:[\w-]+ ){0,3}(?:rounds?|stages?|steps?|onsite|on-site|"
    r"interviews?|loop|panel|finals?|assessment(?: centre| center| day)?|shortlist|"
    r"super ?day)\b"
)
# News that the person goes on in the process: "you're through to the virtual onsite",
# "we'd like to invite you to the next round", "we're moving you forward to the final
# stage", "you've been shortlisted". It reports the decision, not what led to it.
# The same news in German: "Wir würden Sie gerne zur nächsten Runde einladen", "wir möchten
# dich zum finalen Gespräch einladen", "Sie sind eine Runde weiter", "Sie haben es in die
# nächste Runde geschafft", "wir freuen uns, Sie zum Vor-Ort-Termin einzuladen".
_GERMAN_NEXT_STAGE = (
    r"(?:zur?|zum|in die|in den|für die|für den) (?:[^\W\d_]+[ -]){0,2}?(?:runde|phase|"
    r"gespräch|gespräche|interview|interviews|termin|kennenlernen|fallstudie|case|stufe|"
    r"auswahlrunde|auswahltag|assessment(?:[ -]?center)?|[^\W\d_]*gespräch|"
    r"[^\W\d_]*termin|[^\W\d_]*runde)\b"
)
_GERMAN_ADVANCING = (
    r"(?:(?:wir|ich) (?:würden|würde|möchten|möchte|wollen|will|werden|werde|laden|lade)|"
    r"(?:wir|ich) (?:freuen uns|freue mich)(?: sehr)?,?|gerne (?:würden|möchten) wir|"
    r"(?:hiermit |daher |deshalb )?(?:möchten|würden) wir)"
    r"(?: (?:sie|dich|euch|ihnen))?(?: (?:sehr |daher |deshalb |hiermit |nun |jetzt )?"
    r"gerne?)?(?: (?:sie|dich|euch))? "
    rf"{_GERMAN_NEXT_STAGE}(?: [^\W\d_]+){{0,3}}? (?:einladen|einzuladen|ein)\b|"
    r"(?:sie sind|du bist|sie haben es|du hast es) (?:eine runde |einen schritt |"
    r"damit |also |somit )?(?:weiter\b|in die (?:nächste|finale|letzte) (?:runde|phase) "
    r"(?:geschafft|gekommen)\b)"
)
ADVANCING_EN = (
    r"(?:you(?:'re| are|'ve| have| will be|'ll be)?(?: now| been)?(?: (?:officially|"
    r"successfully))? (?:through|made it(?: through)?|got through|progress(?:ed|ing)?|"
    r"mov(?:ed|ing|e) (?:forward|on|through|ahead)|advanc(?:ed|ing)|going through|"
    r"invited|selected|shortlisted|put forward|going forward) (?:to|into|onto|for) "
    rf"{_NEXT_STAGE}|"
    r"(?:i|we|the (?:team|panel|hiring manager)|[\w-]+)(?:'d| would|'re| are|'ll| will|"
    r" has| have|'ve)?(?: \w+)? (?:(?:like|love|happy|pleased|delighted|glad|keen) to )?"
    r"(?:invite|inviting|invited|move|moving|moved|progress|progressing|progressed|take|"
    r"taking|advance|advancing|bring|bringing|put|putting) you (?:forward |through |back |"
    rf"in |ahead )?(?:to|into|onto|for) {_NEXT_STAGE}|"
    r"you(?:'ve| have) been (?:invited|selected|shortlisted|put forward|successful)\b)"
)
ADVANCING = rf"(?:{ADVANCING_EN}|{_GERMAN_ADVANCING})"
# The chosen one fits "our needs" better, with no word of how: "candidates whose experience
# more closely matches our needs", "applicants who better fit the requirements of the role".
# A template gives no reason; "candidates with more hands-on experience running enterprise
# negotiations" or "whose experience in B2B pricing ..." names one and is not matched.
_FIT_WHO = (
    r"(?:whose (?:(?:own|overall|professional|previous|prior|recent|relevant|current) )?"
    r"(?:experience|profiles?|backgrounds?|skills?|skill ?sets?|qualifications|expertise|"
    r"experience and skills)|who|that)"
)
_FIT = (
    r"(?:(?:(?:more|most|better|best) )?(?:closely |precisely |directly |fully |clearly )?"
    r"(?:match(?:es|ed)?|align(?:s|ed)?(?: with)?|fit(?:s|ted)?|suit(?:s|ed)?|meets?|met|"
    r"correspond(?:s|ed)? (?:to|with))|(?:is|are|was|were) (?:a |an )?(?:closer|better|"
    r"stronger|more suitable|more appropriate) (?:match|fit|alignment) (?:for|to|with))"
)
_OUR_NEEDS = (
    r"(?:(?:our|the|their|this|its) (?:(?:current|specific|particular|immediate|present|"
    r"business|exact|team's|company's|client's) )?(?:needs|requirements|criteria|role|"
    r"position|brief|job|vacancy|opening|team|requirements of the (?:role|position|job))"
    r"(?: (?:for|of|in) (?:this|the) (?:role|position|job|team))?|what (?:we|they) "
    r"(?:are|were|'re) looking for|what (?:we|they) (?:need|needed))"
)
GENERIC_FIT = rf"{_FIT_WHO} {_FIT}(?: (?:more|most) closely)? {_OUR_NEEDS}(?! (?:in|on|for|with)\b)"
# The choice of someone who fits "our needs", told as a template: "After careful
# consideration we decided to pursue candidates whose skills match the role". It opens a
# sentence whose reason may follow (", as your forecasting experience was limited"): the
# reason is the feedback, the template no part of it.
CHOSE_A_FIT = (
    rf"(?:{DECISION_LEAD_IN},? )?(?:(?:unfortunately|regrettably|sadly|ultimately|in the end),? )?"
    rf"(?:i|we|they|{_EMPLOYER})(?: have| has|'ve|'s| had)?(?: now| ultimately| finally)? "
    r"(?:(?:decided|chosen|chose|opted) to (?:pursue|go with|go ahead with|move forward with|"
    r"proceed with|progress with|continue with)|(?:went|gone|moved forward|proceeded|"
    r"progressed) with|pursued) (?:other |another |a different |different |the other )?"
    rf"(?:candidates?|applicants?|profiles?|people|someone|somebody|finalists?),? {GENERIC_FIT}"
)
_DECISION_TALK = (
    ADVANCING,
    DECISION_LEAD_IN,
    APPLICANT_VOLUME,
    NO_INDIVIDUAL_FEEDBACK,
    REGRET_TO_INFORM,
    DIFFICULT_DECISION,
    UNCHANGED_DECISION,
    NOT_PROCEEDING,
    NOT_SUCCESSFUL,
    OTHERS_PRAISED,
    _DECISION_STANDS,
    _DECISION_MADE,
    _GERMAN_DECIDED,
    # "We went with another candidate", "they decided to go with the other finalist".
    r"(?:(?:went|go|gone|going|proceed(?:ed|ing)?|moves?|mov(?:ed|ing)) (?:ahead |forward )?with|"
    r"pursu(?:e|ed|ing)) "
    r"(?:another|a different|the other|an internal|one of the other|a more \w+|other) "
    rf"(?:candidates?|applicants?|finalists?|person|profiles?|hires?)(?:,? {GENERIC_FIT})?",
    # "The hiring manager chose to promote an internal candidate", "we hired another
    # applicant": who was chosen, with no reason that compares them with the person.
    r"(?:(?:chose|chosen|choose|decided|opted|going|plan(?:ned|ning)?) to (?:promote|hire|"
    r"appoint|bring in|offer (?:the (?:role|position|job) )?to)|promoted|hired|appointed|"
    r"brought in|offered (?:the (?:role|position|job) )?to) (?:another|a different|the other|"
    r"an internal|an external|one of the other|other) (?:candidates?|applicants?|finalists?|"
    rf"person|profiles?|hires?|colleagues?)(?:,? {GENERIC_FIT})?",
    _ROLE_FILLED,
    ON_HOLD,
    DOWN_TO_CIRCUMSTANCE,
    _CLOSE_RACE,
    _HOW_FAR,
)
# Who was chosen instead, when a sentence reports the choice with or without its reason:
# "we went with a candidate who had more ...", "they chose someone else", "we hired an
# internal candidate", "decided to offer the role to another finalist".
_SOMEONE = (
    r"(?:another|a different|the other|one of the other|an? (?:internal|external)|a more \w+|"
    r"other|a|an|someone|somebody)(?: [\w-]+){0,2}? (?:candidates?|applicants?|finalists?|person|"
    r"people|profiles?|hires?|else|who|with|that|whose)\b"
)
# The employer chooses; what "you chose" is a decision in the interview, not this one.
_CHOSE_SOMEONE_ELSE = (
    r"(?<!you )(?:(?:went|go|gone|going|proceed(?:ed|ing)?|moves?|mov(?:ed|ing)|opt(?:ed|ing)?)"
    r" (?:ahead |forward )?(?:with|for)|(?:decided|chose|chosen|opted|going) to pursue|"
    # "The hiring manager chose to promote an internal candidate".
    r"(?:chose|chosen|choose|decided|opted|going|plan(?:ned|ning)?) to (?:promote|hire|appoint|"
    r"bring in|go with|move forward with|proceed with|offer (?:the (?:role|position|job) )?to)|"
    r"(?:chose|chosen|choose|choosing|selected|select|picked|pick|hired|hire|appointed|"
    r"appoint|(?:offered|offer|extended an offer to|made an offer to|made the offer to)"
    r"(?: the (?:role|position|job))?(?: to)?)) " + _SOMEONE
)
# The level the role needed, given as the reason: "we just needed someone more senior",
# "they were looking for a more experienced candidate". A level is no skill to work on:
# "we were after someone with more commercial grounding" names one and is no decision.
_LEVEL = (
    r"(?:a (?:bit|little|touch) |slightly |much |far |even )?more (?:senior|experienced|seasoned)"
)
NEEDED_A_LEVEL = (
    r"(?:we|they|the (?:team|role|business|company|hiring manager))(?:'re|'d| are| were| was|"
    r" had| would)?(?: (?:just|simply|really|ultimately|ideally|always))* (?:needed|need|"
    r"wanted|want|required|require|looking for|were after|was after|preferred|went for|"
    rf"opted for) (?:(?:someone|somebody)(?: who (?:is|was))? {_LEVEL}\b|"
    rf"(?:a|an) {_LEVEL} (?:candidate|person|profile|hire|applicant|[\w-]+)\b)"
)
# Who was chosen, praised in passing: "we simply had a stronger internal candidate", "they
# found a better-suited applicant". The comparison is the decision, no verdict on a skill.
HAD_A_STRONGER_CANDIDATE = (
    r"(?:we|they|i)(?: (?:just|simply|ultimately|eventually))? (?:had|have|found|met|saw|"
    r"interviewed|received) (?:a|an|one|another) (?:slightly |marginally |much )?"
    r"(?:stronger|better[- ]suited|better[- ]matched|better|more (?:suitable|experienced|"
    r"senior|qualified)) (?:(?:internal|external) )?(?:candidates?|applicants?|finalists?|"
    r"profiles?|matche?s?|fits?)\b"
)
# What the decision was not about, the person: "it came down to availability rather than
# ability", "this was not a reflection of your ability", "nothing to do with your
# performance", "it just wasn't the right time", "purely down to timing".
_ABILITY = (
    r"(?:(?:your|any of your|the) (?:own )?(?:[\w-]+ )?)?(?:ability|abilities|skills?|skill ?set|"
    r"performance|capabilit(?:y|ies)|competence|talent|potential|interviews?)|"
    r"(?:anything|something) you (?:did|said|did or didn't do)|how you (?:did|performed|"
    r"interviewed|came across)|you\b"
)
_CIRCUMSTANCE = _CIRCUMSTANCE_WORDS
NOT_ABOUT_THE_PERSON = (
    r"(?:down to|based on|about|due to|because of|a (?:matter|question) of|driven by) "
    rf"(?:[\w-]+ ){{1,3}}?rather than (?:on |about )?(?:{_ABILITY})|"
    r"(?:not|\w+n't|never|nothing|no|in no way)(?: (?:in any way|at all|really))? (?:a |any )?"
    r"reflection "
    rf"(?:of|on) (?:{_ABILITY})|"
    rf"(?:nothing|not anything|little) (?:at all )?to do with (?:{_ABILITY})|"
    r"(?:not|\w+n't) (?:quite )?(?:the )?right (?:time|timing|moment)\b|"
    r"(?:purely|simply|just|entirely|all|only) (?:down to|about|a (?:matter|question) of|due to) "
    + _CIRCUMSTANCE
)
# The chosen candidate's background as the reason: "the hiring manager felt another
# candidate's background in logistics was closer to what they need".
_THEIR_BACKGROUND = (
    r"(?:another|the other|the successful|the chosen|the preferred|the winning|one of the other)"
    r" (?:candidate|applicant|finalist|person)'s (?:[\w-]+ )?(?:background|experience|profile|"
    r"track record|expertise)"
)
# The decision itself, however its reason is given.
_THE_DECISION = (
    NOT_PROCEEDING,
    NOT_SUCCESSFUL,
    _CHOSE_SOMEONE_ELSE,
    _THEIR_BACKGROUND,
    NEEDED_A_LEVEL,
    HAD_A_STRONGER_CANDIDATE,
    _DECISION_STANDS,
    _DECISION_MADE,
    _GERMAN_DECIDED,
    _ROLE_FILLED,
    ON_HOLD,
    _HOW_FAR,
)
# What a sentence may hold besides the decision talk and still say nothing about the
# person: a subject ("Your follow-up e-mail"), "I'm afraid", "in the end".
_REST_MAX_WORDS = 2
_FILLER = word_set(
    """
    a an the and or but so of to in on at by for with from as it this that which these those
    i me my we us our you your he him his she her they them their its is are was were be been
    has have had do does did not n't will would just also really still though however
    unfortunately sadly ultimately end afraid all any we've we're we'd i've i'm i'd
    """
)


# Words about the process that may surround the decision: "after a lot of careful
# discussion, the hiring team has decided to ... for this role". Capitalised words (a
# job title, a name) may too.
_PROCESS_WORDS = word_set(
    """
    after lot lots much long careful some discussion discussions consideration deliberation
    thought reflection decided decide chosen chose choose hiring team panel committee
    manager managers role position job vacancy opening application process stage round
    time now this current decision client business company employer hire hold
    said says felt feels told mentioned explained confirmed until till moment being next
    quarter year month months week weeks cycle review reviewed reviewing applicants
    applications candidates having read considered looked through careful carefully
    """
)
# Words that give a reason or a comparison after the decision: feedback, not process.
_REASONS = word_set("who whose because as since given due more stronger better deeper")
_REASON_REACH = 6


# How news of the next stage joins a sentence that says something else first: "Marcus
# loved your roadmap thinking, and you're through to the onsite on Thursday!".
_NEWS_JOIN = r"(?:,\s*(?:and\s+|so\s+)?|\s+(?:and|so)\s+|\s*[;—–]\s*|\s+-{1,2}\s+)"
# What may follow the news in its clause: "on Thursday", "next week with Dana".
_NEWS_TAIL_WORDS = 6


@cache
def _trailing_news() -> re.Pattern[str]:
    return re.compile(rf"{_NEWS_JOIN}(?:{ADVANCING})", re.IGNORECASE)


def trailing_news_start(sentence: str) -> int | None:
    """Where a closing clause of news about the next stage starts in a sentence, if any.

    "Marcus loved your roadmap thinking and you're through to the onsite!" is feedback up
    to "and": the rest is process news, no evidence of a skill.
    """
    text = sentence.replace("’", "'")
    for m in _trailing_news().finditer(text):
        if m.start() and len(_word().findall(text[m.end() :])) <= _NEWS_TAIL_WORDS:
            return m.start()
    return None


@cache
def _pattern() -> re.Pattern[str]:
    # The decision said not to be about the person ("This is not a reflection of your
    # skills") is talk about the decision too.
    talk = (*_DECISION_TALK, NOT_ABOUT_THE_PERSON)
    return re.compile(r"\b(?:" + "|".join(talk) + r")\b", re.IGNORECASE)


@cache
def _decision() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_THE_DECISION) + r")", re.IGNORECASE)


def states_the_decision(sentence: str) -> bool:
    """Whether a sentence reports the hiring decision itself, with or without a reason.

    "In the end we went with a candidate who had more experience at the Principal level",
    "We decided not to move forward" and "They chose someone else" do; a judgement that
    only mentions the decision ("It didn't change our view that your risk answers were
    thin") or compares the person with the field ("others were stronger on pricing") does
    not. Such a sentence may still say why, but it is no feedback on a skill to ask about.
    """
    return _decision().search(sentence.replace("’", "'")) is not None


@cache
def _word() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_][\w'-]*")


def is_decision_talk(sentence: str) -> bool:
    """Whether a sentence talks about the decision and hardly anything else.

    "It didn't change our view, I'm afraid." is; "We went with another candidate who had
    led more migrations" compares the person with someone, which is feedback, and is not.
    Whether the words around it judge is the caller's question (see ``statements``).
    """
    text = sentence.replace("’", "'")
    found = list(_pattern().finditer(text))
    if not found:
        return False
    # Decision talk may come twice: "it came down to timing: they've put the hire on hold".
    rest = " ".join(
        text[a:b]
        for a, b in zip(
            [0, *(f.end() for f in found)], [*(f.start() for f in found), len(text)], strict=True
        )
    )
    words = [w.lower() for w in _word().findall(rest)]
    if len([w for w in words if w not in _FILLER]) <= _REST_MAX_WORDS:
        return True
    # Longer, it is still about the decision when the words around it are about the
    # process ("After a lot of discussion, the team has decided to move forward with
    # another candidate for the Senior Analyst role"), not about why ("..., who had more").
    for m in found:
        after = [w.lower() for w in _word().findall(text[m.end() :])]
        if set(after[:_REASON_REACH]) & _REASONS:
            return False
    return all(
        w.lower() in _FILLER or w.lower() in _PROCESS_WORDS or w[:1].isupper()
        for w in _word().findall(rest)
    )


# What the hire had more of, given as the reason they were chosen: "we went with a
# candidate with more mid-market closing experience", "we chose someone with stronger
# stakeholder management", "the successful candidate had deeper experience in pricing".
# Said of the hire, it is what the person had less of: the reason they lost.
_MORE = (
    r"(?:(?:a (?:bit|little|lot) |slightly |much |far |significantly |a great deal |even )?"
    r"(?:more|stronger|deeper|broader|wider|greater|better|richer|longer|extra|"
    r"more (?:relevant|direct|hands-on|recent|extensive|proven|specific)))"
)
_CHOSE_WHO = (
    r"(?:(?:went|go|gone|going|proceed(?:ed|ing)?|mov(?:ed|ing) forward|opt(?:ed|ing)?) "
    r"(?:ahead )?(?:with|for)|(?:decided|chose|chosen|opted|going) to (?:pursue|hire|go with|"
    r"move forward with|proceed with|offer the (?:role|position|job) to)|chose|chosen|"
    r"selected|picked|hired|appointed|offered the (?:role|position|job) to) "
    r"(?:another|a different|the other|one of the other|an? (?:internal|external)|a|an|"
    r"someone|somebody)(?: (?:candidate|applicant|finalist|person|profile|hire))?(?: else)?"
    r"(?:,? (?:who|that) (?:had|has|brought|showed|demonstrated|offered)|,? with)"
)
_THE_HIRE = (
    r"(?:the|another|one) (?:successful|chosen|preferred|winning|selected|other) "
    r"(?:candidate|applicant|finalist|person|hire)(?: simply| just| ultimately)? "
    r"(?:had|has|brought|showed|demonstrated|offered|came with)"
)
HIRE_HAD_MORE = (
    rf"(?<!you )(?:{_CHOSE_WHO}|{_THE_HIRE}) {_MORE} (?P<what>(?:[\w-]+[ ,/&]*?){{1,12}}?)"
    r"\s*(?:[.!;]|$|,? (?:which|and we|so we|but|than (?:you|yours)))"
)


@cache
def _hire_had_more() -> re.Pattern[str]:
    return re.compile(rf"\b{HIRE_HAD_MORE}", re.IGNORECASE)


# A reason that names only a level ("more experience", "more experience at the Principal
# level") is no skill to work on (see ``NEEDED_A_LEVEL``).
_LEVEL_ONLY = re.compile(
    r"^(?:experience|seniority|years(?: of experience)?|"
    r"experience (?:at|on) (?:the|a|this) [\w-]+(?: [\w-]+)? level)$",
    re.IGNORECASE,
)


def what_the_hire_had_more_of(sentence: str) -> str | None:
    """What the one chosen instead had more of, when a sentence gives it as the reason.

    "Ultimately they went with a candidate with more mid-market closing experience" gives
    "mid-market closing experience"; "We went with another candidate" and "we went with a
    candidate with more experience" (a level) give None.
    """
    found = _hire_had_more().search(sentence.replace("’", "'"))
    if found is None:
        return None
    what = found.group("what").strip(" ,")
    if not what or _LEVEL_ONLY.match(what):
        return None
    return what
