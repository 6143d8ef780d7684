"""Generic off-topic texts: the "none of these competencies" class the mapper abstains to."""

# Pleasantries, logistics and small talk that turn up in feedback e-mails and notes. They are
# deliberately unrelated to any skill, so a statement nearer to them than to every competency
# is left unmapped rather than forced onto the least-bad competency. Logistics about calls,
# deadlines and delays are left out on purpose: they sit too close to planning and delivery.
BACKGROUND: tuple[str, ...] = (
    # pleasantries and sign-offs
    "Thank you so much for meeting with me.",
    "It was a pleasure to speak with you.",
    "Many thanks, and have a great weekend.",
    "Hope you are doing well.",
    "Kind regards.",
    "Looking forward to hearing from you.",
    "Nice to meet you.",
    # places and arrangements
    "The meeting room was on the second floor.",
    "The building is close to the train station.",
    "Lunch was provided for the candidates.",
    # small talk and unrelated facts
    "It was raining all day.",
    "The food in the canteen was delicious.",
    "They have a dog-friendly office.",
    "The view from the window was beautiful.",
    "We chatted about football before starting.",
    "The chairs were comfortable.",
    "I bought a new laptop last month.",
    "The music in the lobby was loud.",
)

# Generic interview questions: openers, motivation and closing logistics. They probe no
# competency in particular, so a debrief question nearer to them than to every question
# written to probe a skill is left unmapped. Only questions are measured against them: a
# statement is no answer to "why us?", and questions resemble each other more than they
# resemble statements.
GENERIC_QUESTIONS: tuple[str, ...] = (
    "Tell us a bit about yourself.",
    "Talk us through your resume and career history.",
    "What made you apply for this job?",
    "Why do you want to work at our company?",
    "What do you know about our organisation?",
    "Is there anything you would like to ask me?",
    "What are your salary expectations?",
    "What is your notice period?",
    "When would you be able to start?",
    "How did you hear about this position?",
)
