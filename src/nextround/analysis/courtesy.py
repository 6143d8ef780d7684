"""Courtesy in a hiring e-mail: empathy, encouragement and keeping in touch, which judge no skill.

A recruiter softens a "no" with lines about the person's feelings ("I know waiting is never
easy"), their morale ("Please don't let this discourage you") and the future ("I'd be happy
to keep you in mind for future roles"). Read word by word they name a gap ("never easy")
or a strength, and the mapper forces them onto some competency. These patterns match such
an opening in general, as hiring e-mails phrase it, never one text; ``statement_text``
adds them to the courtesy and process talk a sentence may open with, and the splitter
still keeps a sentence whose rest criticises.
"""

from __future__ import annotations

_WE = r"(?:i|we)"
_WE_WILL = (
    r"(?:i'?d|we'?d|i would|we would|i'?ll|we'?ll|i will|we will|i'?m|we'?re|i am|we are|"
    r"i|we)"
)
# What is hard about it: the wait, the news, the process.
_IT = (
    r"(?:this|that|it|waiting|(?:not )?hearing (?:back|this|that)|news like this|"
    r"the (?:wait|waiting|process|news|outcome|decision|delay|timeline|result|last few weeks)|"
    # What the person went through: "the final loop", "the assessment day".
    r"the (?:\w+ )?(?:loop|interviews?|interview day|day|rounds?|sessions?|assessment|"
    r"assessment (?:centre|center|day)|onsite|on-site|afternoon|morning|process|case study|"
    r"presentation))"
)
# Who may take the person back: the writer, or the company or client they speak for.
_THEY_WOULD = (
    rf"(?:{_WE_WILL}|they'?d|they would|they'?ll|they will|they'?re|they are|they|"
    r"(?:the )?(?:client|team|hiring manager|hiring team|business|company|panel)"
    r"(?:'d| would|'ll| will| is| are)?)"
)
# What applying again is called: "reapply", "apply again", "apply for future roles".
_REAPPLY = (
    r"(?:re-?apply(?:ing)?|(?:apply|applying) again|apply (?:for|to) (?:a |an |any |other |"
    r"future |more |similar |another |new |open |upcoming |relevant )"
    r"(?:\w+ )?(?:roles?|positions?|openings?|vacancies|opportunit(?:y|ies)|jobs?)|"
    r"apply (?:for|to) (?:it|this role|the role|this position|us) again|apply in the future)"
    # When: "in the future" reads as a hedge ("could go deeper in the future") on its own.
    r"(?: (?:in|within|after) (?:the )?(?:near |not too distant )?future|"
    r" (?:in|within|after) (?:a|the next|a few|\w+|\d+(?:[-–]\d+)?)(?: \w+)? "
    r"(?:months?|years?|weeks?)|"
    r" (?:next|later this|early next) year| later on| at a later (?:date|stage))?"
)
# Applying again or being in touch again: the invitation a condition may hang on.
AGAIN = (
    rf"(?:{_REAPPLY}|(?:hear|hearing) from you|(?:consider|considering|see|seeing) "
    r"(?:you|your application)(?: \w+)? (?:again|back)|talk again|reconnect|"
    r"(?:re)?consider you(?: again)?|come back(?: to us)?|(?:get|be|getting) (?:back )?in touch|"
    r"welcome (?:a new|another|your|a fresh|a further) application)"
)
# What the person should have first: "once you have more hands-on experience with X",
# "when you've got a couple more years in a product role", "after you have led a team",
# "with a bit more experience in people management".
CONDITION = (
    r"(?:(?:once|when|after|as soon as|if|should) you(?:'ve| have|'ve got| have got)?"
    r"(?: (?:got|gained|built up|built|had|acquired|developed|picked up|pick up|get|gain|"
    r"build up|build|have))?"
    r" (?:(?:a (?:bit|little|lot|few|couple)(?: of)?|some|much|a few|a couple of) )?"
    # Not "if you have more questions, get in touch": that is courtesy.
    r"(?:more|further|additional|extra|greater|deeper|broader|wider)\b"
    r"(?! (?:questions?|queries|feedback|information|details|thoughts)\b)|"
    r"(?:once|when|after|as soon as) you(?:'ve| have) (?:led|run|managed|owned|shipped|"
    r"delivered|spent|worked)\b|"
    r"with (?:a (?:bit|little|lot|few|couple)(?: of)? |some )?more\b)"
)
# "Please do apply again when you have more hands-on experience with Kubernetes", "Once
# you have a couple more years in a product role, we'd love to hear from you": the
# condition names what was missing, so the invitation is feedback, a gap, not courtesy.
REAPPLY_ONCE = rf"\b{AGAIN}\b[^.;!?]{{0,40}}?\b{CONDITION}|\b{CONDITION}[^.;!?]{{0,80}}?\b{AGAIN}\b"

_HARD = (
    r"(?:a |an |some )?(?:easy|hard|difficult|disappointing|frustrating|tough|stressful|"
    r"long|disappointment|blow)"
)

COURTESY: tuple[str, ...] = (
    # Empathy: "I know waiting is never easy", "I understand this must be disappointing".
    rf"{_WE}(?: do| really| fully| completely)? (?:know|understand|appreciate|realise|realize|"
    rf"recognise|recognize|imagine|can imagine)(?: that| how)? {_IT}(?: \w+){{0,2}}? "
    rf"(?:is|was|has been|can be|must be|may be|might be|will be|isn't|wasn't|must have been)"
    rf"(?: (?:never|not|always|rarely|so|very|really|quite|a bit|particularly))? {_HARD}\b",
    rf"(?:{_WE} (?:know|understand|realise|realize|appreciate) (?:that )?)?(?:this|that|it) "
    r"(?:is|was|isn't|wasn't|is not|was not|won't be|will not be|may not be) (?:the |an? )?"
    r"(?:news|outcome|result|answer|update) (?:you|you'd|you were|you had) (?:hoped|wanted|"
    r"expected|were hoping|had hoped|been hoping)\b",
    rf"(?:i'?m sure |i imagine |no doubt )?{_IT} (?:must|may|might|will|can) "
    rf"(?:be|have been|feel|come as)(?: (?:a bit|very|really|quite|so))? {_HARD}\b",
    r"(?:(?:my|our) )?(?:apologies|sorry) for (?:the|my|our) (?:long |slow )?(?:wait|delay|"
    r"late reply|slow reply|slow response|time it took)\b",
    # Liking the meeting: "everyone enjoyed meeting you", "we loved speaking with you".
    # "Marcus enjoyed your conversation" too: the talk was pleasant, no skill is named.
    rf"(?:everyone|everybody|all of us|{_WE}|the (?:whole )?(?:team|panel|interviewers)|"
    r"he|she|they|[\w-]+)"
    r"(?: (?:on|in) the (?:team|panel|loop))?(?: \w+)? (?:enjoyed|loved|liked|appreciated) "
    r"(?:(?:meeting|speaking (?:to|with)|talking (?:to|with)|chatting (?:to|with)|getting to "
    r"know) you|(?:your|the|our) (?:conversation|chat|call|discussion|meeting|time together)"
    r"(?: with you)?)\b",
    # Encouragement: "Please don't let this discourage you", "don't give up".
    r"(?:please )?(?:do not|don't|dont) (?:let (?:this|it|that|the (?:news|outcome|decision))"
    r" (?:discourage you|put you off|get you down|stop you|knock your)|be (?:too )?"
    r"(?:discouraged|disheartened|hard on yourself)|give up\b(?! on))",
    # "Please don't take this as a reflection on your abilities", "try not to take it
    # personally": reassurance about the decision, no advice on a skill.
    r"(?:please )?(?:do not|don't|dont|try not to) take (?:this|it|that|the (?:news|outcome|"
    r"decision)) (?:personally|to heart|as (?:a|any) (?:reflection|judgement|judgment|"
    r"comment|verdict) (?:on|of) (?:you|your \w+))\b",
    rf"{_WE_WILL} (?:am |are )?(?:sure|confident|certain|convinced)(?: that)? "
    r"(?:you'?ll|you will|you are going to|you're going to) (?:find|land|get|be)\b",
    r"(?:keep (?:going|at it|your chin up|your head up)|chin up)\b",
    # Keeping in touch: "I'd be happy to keep you in mind for future roles".
    rf"{_WE_WILL}(?: \w+)? (?:be )?(?:happy|glad|delighted|keen|pleased|love|like) to "
    r"(?:keep you in mind|keep in touch|stay in touch|consider you|hear from you|reconnect|"
    r"connect|talk again|chat again|see you apply|see your application)\b",
    rf"{_WE_WILL} (?:\w+ )?(?:keep|have) you in mind\b",
    # A recruiter's: "We'd be happy to put you forward again", "I'd love to put you
    # forward for similar roles".
    rf"{_WE_WILL}(?: \w+)? (?:be )?(?:happy|glad|delighted|keen|pleased|love|like) to "
    r"(?:put|send) you (?:forward|across)(?: again| for (?:other|future|similar|more|another|"
    r"the next)\b)?",
    # Keeping the person posted: "I'll be in touch if anything similar comes up", "I will
    # let you know as soon as I hear more", "I'll come back to you when I have more detail".
    rf"(?:{_WE_WILL}|will)(?: \w+)? (?:be (?:back )?in touch|let you know|get back to you|"
    r"come back to you|update you|keep you (?:posted|updated|informed))"
    r"(?: (?:again|more|further|directly))?"
    # "... by the end of next week with a decision": when the news comes, not what it says.
    r"(?: (?:if|when|as soon as|once|should|by|within|before|next|this|early|later|on|in the "
    r"next|with (?:a|the|our|my) (?:decision|outcome|answer|update|result))\b|\s*[.!]?$)",
    r"you(?:'ll| will) (?:hear|get an? (?:answer|update|decision)) (?:back )?from (?:us|me)\b",
    # The same promise in German: "Wir melden uns bis Ende nächster Woche", "Sie hören von
    # uns", "du bekommst bis Freitag Bescheid".
    r"(?:wir|ich) (?:melden|melde) (?:uns|mich)\b|(?:sie|du) (?:hören|hörst) (?:\w+ )?"
    r"von (?:uns|mir)\b|(?:sie|du) (?:bekommen|bekommst|erhalten|erhältst) (?:\w+ ){0,3}"
    r"(?:bescheid|rückmeldung|eine rückmeldung|eine antwort)\b",
    # Chasing the detail: "I've chased them for more detail", "I'm still waiting on more
    # detailed feedback from the hiring manager".
    rf"{_WE}(?:'ve| have| had|'d)?(?: (?:already|also|now|again))? (?:chased|nudged|pushed|"
    r"asked|pressed|followed up with) (?:them|him|her|the (?:client|hiring manager|team|"
    r"business|panel))(?: again)? (?:for|about|on) (?:more |further |any |some |a bit more |"
    r"the )?(?:detail|details|feedback|specifics|information|reasons?)\b",
    rf"{_WE_WILL}(?: still)? (?:waiting|awaiting|chasing)(?: (?:on|for))? (?:more |further |"
    r"any |some |the |their )?(?:detailed |specific |written |formal )?(?:feedback|detail|"
    r"details|news|an update|specifics)\b",
    # Passing on thanks: "The client has asked me to pass on their thanks".
    r"(?:they|he|she|the (?:client|hiring manager|team|panel|business|company))"
    r"(?: has| have|'s|'ve)? (?:asked|wanted) me to (?:pass on|send|share|give you) (?:their|his|"
    r"her|its) (?:thanks|thank you|gratitude|best wishes|best)\b",
    # "Unfortunately it's not good news this time": the news, no judgement of a skill.
    r"(?:it'?s|it is|this is|that'?s|that is|i'?m afraid it'?s|i'?m afraid this is) not "
    r"(?:the )?(?:good|great|positive|best|happy|better) news\b",
    r"(?:please )?(?:do )?(?:keep|stay) an eye on (?:our|the) (?:careers?|jobs?|vacancies)"
    r"(?: page| site| board)?\b",
    # Applying again: "We'd genuinely encourage you to apply again", "We'd love to see you
    # reapply", "Don't hesitate to apply for future roles", "Please do apply again".
    rf"{_WE_WILL}(?: \w+)? (?:would )?(?:encourage|invite|urge) you to (?:{_REAPPLY}|"
    r"apply (?:for|to)|keep an eye)\b",
    rf"{_WE_WILL}(?: \w+)? (?:be )?(?:happy|glad|delighted|keen|pleased|love|like) to "
    rf"(?:see|receive|get|have) (?:you|your application|an application from you) "
    rf"(?:{_REAPPLY}|again|back)\b",
    # Said of the company or the client: "They'd be open to you reapplying in 6 months",
    # "the client would be happy for you to apply again next year".
    rf"{_THEY_WOULD}(?: \w+)? (?:be )?(?:open|happy|glad|delighted|keen|pleased|willing) "
    rf"(?:to|for|about) (?:(?:you|your|seeing you|considering you)(?: to)? )?(?:{_REAPPLY}|"
    r"(?:a new|another|a fresh|a further|your) application)\b",
    # "You may reapply in 12 months", "you are welcome to apply again next year".
    rf"(?:please )?(?:do )?(?:feel free to |(?:do not|don't|dont) hesitate to |"
    r"you(?:'re| are)? (?:may|can|could|are welcome to|'re welcome to|are free to|"
    r"are eligible to|will be eligible to|'ll be eligible to|will be able to|'ll be able to|"
    rf"are invited to) )?(?:{_REAPPLY})\b",
    # Keeping the application: "We'll keep your resume on file", "your details will be
    # kept in our talent pool", "we may retain your CV for future opportunities".
    rf"{_WE_WILL}(?: \w+)? (?:keep|hold|retain|store|save) (?:your|you)(?: \w+)?"
    r"(?: (?:details|cv|resume|résumé|profile|application|information|data))?"
    r" (?:on (?:file|record)|in (?:mind|our (?:database|system|records|talent (?:pool|network|"
    r"community)))|for future)\b",
    r"your (?:\w+ )?(?:details|cv|resume|résumé|profile|application|information) (?:will|may|"
    r"would|is going to) (?:be )?(?:kept|held|retained|stored|saved) (?:on (?:file|record)|in "
    r"our|for future)\b",
)
