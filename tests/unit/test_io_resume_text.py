"""Resume structure from Markdown and JSON Resume: roles, highlights, what is kept as written."""

from __future__ import annotations

import json

import pytest

from nextround.domain.resume import ResumeKind
from nextround.errors import InvalidInputError
from nextround.io.json_resume import is_json_resume, json_resume
from nextround.io.resume_files import kind_of, markdown_lines, read_resume
from nextround.io.resume_headings import company_and_title, date_range
from nextround.io.resume_text import Line, LineKind, section_of, structure

MARKDOWN = """\
# Priya Raman
Senior Product Manager

## Summary
Platform PM with 8 years in B2B SaaS.

## Experience

### Northwind Logistics — Senior Product Manager
*Jan 2021 – Present*
- Cut partner integration time from 6 weeks to 9 days by launching a sandbox.
- Led a team of 7 engineers through the v1 API deprecation,
  migrating 140 customers with zero downtime.
- Ran weekly roadmap reviews with Sales, Legal and Eng.

**Product Manager at Contoso** (2017 - 2020)
- Grew activation by 23% through an onboarding redesign.

### Blue Harbour
Worked across the product and the data teams.

## Education
### MSc Computer Science
University of Edinburgh, 2015

## Skills
- Product: roadmaps, discovery, pricing
- SQL, Python, Figma

## Projects
- A <script>alert(1)</script> side project
"""


def _read(text: str, name: str = "cv.md"):
    return read_resume(text.encode(), name)


def test_markdown_roles_dates_and_highlights_are_recovered():
    resume = _read(MARKDOWN)
    assert resume.kind is ResumeKind.MARKDOWN
    assert (resume.name, resume.label) == ("Priya Raman", "Senior Product Manager")
    assert resume.summary == "Platform PM with 8 years in B2B SaaS."
    first, second, third = resume.roles
    assert (first.company, first.title, first.start, first.end) == (
        "Northwind Logistics",
        "Senior Product Manager",
        "Jan 2021",
        "Present",
    )
    assert [h.text for h in first.highlights] == [
        "Cut partner integration time from 6 weeks to 9 days by launching a sandbox.",
        # The indented line carries its bullet point on.
        "Led a team of 7 engineers through the v1 API deprecation, migrating 140 customers "
        "with zero downtime.",
        "Ran weekly roadmap reviews with Sales, Legal and Eng.",
    ]
    assert [h.position for h in first.highlights] == [1, 2, 3]
    assert (second.company, second.title, second.start, second.end) == (
        "Contoso",
        "Product Manager",
        "2017",
        "2020",
    )
    # One part that reads as no job title is the company; its text is the role's summary.
    assert (third.company, third.title, third.dates) == ("Blue Harbour", None, "")
    assert third.summary == "Worked across the product and the data teams."
    assert resume.education == ["MSc Computer Science · University of Edinburgh, 2015"]
    assert resume.skills == ["Product: roadmaps, discovery, pricing", "SQL", "Python", "Figma"]


def test_what_is_not_read_is_kept_as_written_and_said():
    resume = _read(MARKDOWN)
    assert resume.unread == "Projects\n- A <script>alert(1)</script> side project"
    assert "Sections kept as written, not read: Projects." in resume.notices
    assert any("have no company and job title told apart" in n for n in resume.notices)


def test_seeds_are_the_highlights_with_numbers_or_results():
    resume = _read(MARKDOWN)
    assert [h.is_seed for h in resume.highlights] == [True, True, False, True]
    assert resume.highlights[1].numbers == ["7", "140"]


def test_a_heading_with_two_parts_that_both_read_as_titles_is_left_as_written():
    assert company_and_title(["Senior Engineer", "Staff Engineer"]) == (None, None)
    assert company_and_title(["Acme Labs", "Growth Team"]) == (None, None)
    assert company_and_title(["Engineering Manager", "Acme Inc"]) == (
        "Acme Inc",
        "Engineering Manager",
    )


# Role headings as people write them: a dash, "at" or a bar parts the title from the
# company before any comma does, so a comma inside the title ("…, Platform") stays there.
ROLE_HEADINGS = [
    # The QA case: the team after a comma, the employer after an em dash.
    (
        "Senior Engineering Manager, Platform — Lumora Payments (2021 – 2026)",
        ("Lumora Payments", "Senior Engineering Manager, Platform", "2021 – 2026"),
    ),
    (
        "Lumora Payments — Senior Engineering Manager, Platform, 2021 – 2026",
        ("Lumora Payments", "Senior Engineering Manager, Platform", "2021 – 2026"),
    ),
    (
        "Director of Engineering, Payments & Risk at Lumora Payments (Mar 2021 – Present)",
        ("Lumora Payments", "Director of Engineering, Payments & Risk", "Mar 2021 – Present"),
    ),
    (
        "Staff Engineer, Infrastructure | Acme Labs | 2019 – 2021",
        ("Acme Labs", "Staff Engineer, Infrastructure", "2019 – 2021"),
    ),
    ("Engineering Manager—Tessel Logistics", ("Tessel Logistics", "Engineering Manager", "")),
    ("Engineering Manager @ Tessel Logistics", ("Tessel Logistics", "Engineering Manager", "")),
    # A comma after the company adds its town (or its legal form, which stays).
    (
        "Head of Platform — Lumora Payments, Barcelona (2021 – 2026)",
        ("Lumora Payments", "Head of Platform", "2021 – 2026"),
    ),
    ("Senior Engineer – Globex, Inc.", ("Globex, Inc.", "Senior Engineer", "")),
    # A place after a dash is no company.
    (
        "Senior Engineering Manager, Platform — Lumora Payments — Remote",
        ("Lumora Payments", "Senior Engineering Manager, Platform", ""),
    ),
    # Commas only: the part after the title is the company, a town after it is left out.
    (
        "Senior Product Manager, Contoso, 2017 – 2020",
        ("Contoso", "Senior Product Manager", "2017 – 2020"),
    ),
    ("VP Engineering, Lumora Payments, Austin, TX", ("Lumora Payments", "VP Engineering", "")),
    # A company word settles which comma part is the company.
    ("Senior Engineer, Backend, Initech Labs", ("Initech Labs", "Senior Engineer", "")),
    # A company word in a part read as a title: cut at the commas after all.
    ("Senior Engineer, Acme Corp — Berlin", ("Acme Corp", "Senior Engineer", "")),
    # A known place after the dash is no company, whatever the company's name.
    ("Software Engineer, Google — Zurich", ("Google", "Software Engineer", "")),
    (
        "Analyst, Goldman Sachs — New York, NY (2018 – 2020)",
        ("Goldman Sachs", "Analyst", "2018 – 2020"),
    ),
    ("Staff Engineer, Meta — Greater London Area", ("Meta", "Staff Engineer", "")),
]


@pytest.mark.parametrize(("heading", "expected"), ROLE_HEADINGS)
def test_a_comma_in_the_job_title_does_not_take_the_company_s_place(heading, expected):
    resume = _read(f"# Sam Lee\n## Experience\n### {heading}\n- Cut costs by 10%.\n")
    (role,) = resume.roles
    assert (role.company, role.title, role.dates) == expected
    assert role.heading == heading  # kept as written in any case
    assert not any("told apart" in n for n in resume.notices)


def test_a_title_with_a_comma_on_its_own_line_under_the_company():
    resume = _read(
        "# Sam Lee\n## Experience\n### Lumora Payments\n"
        "**Senior Engineering Manager, Platform** · 2021 – 2026\n- Cut costs by 10%.\n"
        "**Engineering Manager, Payments**\n2018 – 2021\n- Hired 6 engineers.\n"
    )
    assert [(r.company, r.title, r.dates) for r in resume.roles] == [
        ("Lumora Payments", "Senior Engineering Manager, Platform", "2021 – 2026"),
        ("Lumora Payments", "Engineering Manager, Payments", "2018 – 2021"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme, Jan 2020 – Present", ("Jan 2020", "Present", "Acme")),
        ("Acme (2019-2021)", ("2019", "2021", "Acme")),
        ("03/2018 to 11/2019 · Globex", ("03/2018", "11/2019", "Globex")),
        ("Since 2022: Initech", ("2022", None, ": Initech")),
        ("Grew revenue 20% in 2021", (None, None, "Grew revenue 20% in 2021")),
    ],
)
def test_date_ranges_are_taken_as_written(text, expected):
    start, end, rest = date_range(text)
    assert (start, end, rest.strip()) == (expected[0], expected[1], expected[2].strip())


def test_section_names_are_matched_loosely():
    assert section_of("WORK EXPERIENCE") == "experience"
    assert section_of("Skills & Tools:") == "skills"
    assert section_of("Acme Corp") is None


def test_a_pdf_line_layout_without_marked_headings_is_read():
    lines = [
        Line(LineKind.TEXT, "Sam Lee"),
        Line(LineKind.TEXT, "EXPERIENCE"),
        Line(LineKind.TEXT, "Acme Corp"),
        Line(LineKind.TEXT, "Operations Lead, 2019 – 2022"),
        Line(LineKind.BULLET, "Reduced shipping errors by 40% across 3 warehouses by"),
        Line(LineKind.TEXT, "rolling out scanner checks."),
        Line(LineKind.TEXT, "EDUCATION"),
        Line(LineKind.TEXT, "BSc Logistics"),
    ]
    resume = structure(lines, ResumeKind.PDF, "cv.pdf")
    (role,) = resume.roles
    assert (role.company, role.title, role.start, role.end) == (
        "Acme Corp",
        "Operations Lead",
        "2019",
        "2022",
    )
    assert [h.text for h in role.highlights] == [
        "Reduced shipping errors by 40% across 3 warehouses by rolling out scanner checks."
    ]
    assert resume.education == ["BSc Logistics"]
    assert any("inferred" in n for n in resume.notices)


def test_a_file_with_no_resume_sections_is_refused():
    with pytest.raises(InvalidInputError, match=r"notes\.md does not read as a resume"):
        _read("# Shopping\n- milk\n- eggs\n", "notes.md")


def test_a_resume_without_roles_says_so():
    resume = _read("# Sam\n## Skills\n- SQL\n## Experience\nMostly freelance work.\n")
    assert resume.roles == []
    assert resume.unread == "Mostly freelance work."
    assert "The experience section holds no role that could be read." in resume.notices


def test_markdown_that_is_not_utf8_is_refused():
    with pytest.raises(InvalidInputError, match="not UTF-8 text"):
        markdown_lines(b"\xff\xfe# CV", "cv.md")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("cv.doc", r"\.doc files are not read; save the resume as Word \(\.docx\) or PDF"),
        ("cv.pages", r"\.pages files are not read"),
        ("cv.png", r"has the extension \.png; a resume can be read from \.json"),
        ("resume", "has no extension"),
    ],
)
def test_unsupported_extensions_are_refused(name, message):
    with pytest.raises(InvalidInputError, match=message):
        kind_of(name)


# -- JSON Resume ---------------------------------------------------------------------------------

JSON_RESUME = {
    "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
    "basics": {"name": "Priya Raman", "label": "Platform PM", "summary": "8 years in SaaS."},
    "work": [
        {
            "name": "Northwind",
            "position": "Senior PM",
            "startDate": "2021-01",
            "summary": "Platform team.",
            "highlights": ["Cut integration time from 6 weeks to 9 days", "Ran reviews"],
        },
        {"company": "Contoso", "position": "PM", "startDate": "2017", "endDate": "2020"},
    ],
    "volunteer": [{"organization": "Code Club", "position": "Mentor", "highlights": []}],
    "education": [
        {"institution": "Edinburgh", "area": "Computer Science", "studyType": "MSc"},
    ],
    "skills": [{"name": "Data", "keywords": ["SQL", "Python"]}, {"name": "Figma"}],
    "projects": [
        {
            "name": "tinykv",
            "description": "A Raft-based key-value store in Go",
            "highlights": ["Passes Jepsen-style linearizability checks"],
            "startDate": "2025-01",
        },
        {"name": "Billing audit", "entity": "Northwind", "roles": ["Lead"]},
    ],
    "awards": [{"title": "Dean's list"}],
}


def test_json_resume_is_read_field_by_field():
    resume = json_resume(JSON_RESUME, "cv.json")
    assert (resume.name, resume.label, resume.summary) == (
        "Priya Raman",
        "Platform PM",
        "8 years in SaaS.",
    )
    first, second, volunteer, project, for_work = resume.roles
    assert (first.company, first.title, first.start, first.end, first.summary) == (
        "Northwind",
        "Senior PM",
        "2021-01",
        None,
        "Platform team.",
    )
    assert [h.text for h in first.highlights] == [
        "Cut integration time from 6 weeks to 9 days",
        "Ran reviews",
    ]
    assert (second.company, second.dates) == ("Contoso", "2017 – 2020")  # the pre-1.0 key
    assert volunteer.heading == "Mentor, Code Club (volunteer)"
    assert resume.education == ["MSc Computer Science, Edinburgh"]
    assert resume.skills == ["Data: SQL, Python", "Figma"]
    # A project is a role too: a new graduate's evidence is there.
    assert (project.heading, project.start, project.summary) == (
        "tinykv (project)",
        "2025-01",
        "A Raft-based key-value store in Go",
    )
    assert [h.text for h in project.highlights] == ["Passes Jepsen-style linearizability checks"]
    assert (for_work.company, for_work.title, for_work.label) == (
        "Northwind",
        "Lead",
        "Lead, Northwind",
    )
    assert resume.notices == ["Sections not read: awards."]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"work": {"name": "x"}}, r"^\$\.work: expected a list, found object"),
        (
            {"work": [{"name": "x", "highlights": ["ok", 3]}]},
            r"^\$\.work\[0\]\.highlights\[1\]: expected text, found int",
        ),
        ({"basics": "Priya"}, r"^\$\.basics: expected an object, found string"),
        ({"name": "Priya"}, r"is not a JSON Resume: it has no “basics” or “work” section"),
        ([1, 2], r"is not a JSON Resume"),
        ({"format": "nextround-backup", "tables": {}}, r"is a nextround backup, not a resume"),
    ],
)
def test_a_malformed_json_resume_names_the_field(doc, message):
    with pytest.raises(InvalidInputError, match=message):
        json_resume(doc, "cv.json")


def test_json_that_does_not_parse_says_where():
    with pytest.raises(InvalidInputError, match=r"cv\.json is not valid JSON: .*line 1, column"):
        read_resume(b'{"basics": ', "cv.json")


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        (
            b'{"basics": {"name": "Ana"},\n "work": [],\n}',
            "(line 3, column 1); line 3 reads “}”: remove the comma before '}'; JSON allows "
            "none after the last item",
        ),
        (
            b"{'basics': {'name': 'Ana'}}",
            "(line 1, column 2); line 1 reads “{'basics': {'name': 'Ana'}}”: JSON puts names "
            'and text in double quotes ("), not single ones',
        ),
    ],
)
def test_a_json_slip_quotes_the_line_with_a_plain_hint(raw: bytes, hint: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_resume(raw, "cv.json")
    assert caught.value.message.startswith("cv.json is not valid JSON: ")
    assert caught.value.message.endswith(hint)


def test_json_resume_is_recognised_by_its_sections():
    assert is_json_resume(JSON_RESUME)
    assert not is_json_resume({"format": "nextround-backup"})


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidInputError, match=r"cv\.json is empty"):
        read_resume(b"  \n", "cv.json")
    with pytest.raises(InvalidInputError, match="no roles and no text"):
        read_resume(json.dumps({"basics": {"name": "Sam"}}).encode(), "cv.json")


def test_roles_under_a_company_heading_take_its_name():
    resume = _read(
        "# Sam Lee\n## Experience\n### Acme Corp\n#### Senior Product Manager\n"
        "Jan 2021 – Present\n- Cut costs by 10%.\n#### Product Manager · 2019 – 2021\n"
        "- Grew usage 3x.\n### Globex — Analyst\n- Built 4 dashboards.\n## Skills\n- SQL\n"
    )
    assert [(r.company, r.title, r.dates, len(r.highlights)) for r in resume.roles] == [
        ("Acme Corp", "Senior Product Manager", "Jan 2021 – Present", 1),
        ("Acme Corp", "Product Manager", "2019 – 2021", 1),
        ("Globex", "Analyst", "", 1),
    ]


def test_a_resume_without_headings_reads_its_dated_lines_as_roles():
    lines = [
        Line(LineKind.TEXT, "Priya Raman"),
        Line(LineKind.TEXT, "Senior Product Manager · Berlin · priya@example.com"),
        Line(LineKind.TEXT, "Lumora Payments 2021-2026: Led migration of 40 integrations."),
        Line(LineKind.TEXT, "Kestrel Analytics 2017-2021: Launched usage-based billing."),
    ]
    resume = structure(lines, ResumeKind.DOCX, "cv.docx")
    assert (resume.name, resume.label) == ("Priya Raman", "Senior Product Manager")
    assert resume.unread == "Berlin · priya@example.com"  # contact details, as written
    assert [
        (r.company, r.title, r.dates, [h.text for h in r.highlights]) for r in resume.roles
    ] == [
        ("Lumora Payments", None, "2021 – 2026", ["Led migration of 40 integrations."]),
        ("Kestrel Analytics", None, "2017 – 2021", ["Launched usage-based billing."]),
    ]
    assert resume.notices[0].startswith("No section headings were found")


def _text_lines(*texts: str) -> list[Line]:
    return [
        Line(LineKind.HEADING, t[2:], 2) if t.startswith("# ") else Line(LineKind.TEXT, t)
        for t in texts
    ]


def test_a_line_after_a_roles_dates_is_what_it_did_not_more_heading():
    # A PDF's text: no bullet marks, so the TA role's only bullet comes right after its dates.
    lines = _text_lines(
        "Experience",
        "Teaching Assistant, University of Waterloo",
        "Sep 2024 – Apr 2025",
        "Built an autograder in Python that saved TAs 10 hours a week",
    )
    (role,) = structure(lines, ResumeKind.PDF, "cv.pdf").roles
    assert role.heading == "Teaching Assistant, University of Waterloo · Sep 2024 – Apr 2025"
    assert [h.text for h in role.highlights] == [
        "Built an autograder in Python that saved TAs 10 hours a week"
    ]


def test_a_town_under_a_roles_dates_and_a_heading_after_its_dates_stay_in_the_heading():
    lines = _text_lines(
        "Experience",
        "Software Engineer, Acme",
        "Jan 2021 – Present",
        "Berlin, Germany",
        "Shipped the new billing service.",
        "Mar 2018 – Dec 2020",
        "Product Manager, Contoso",
        "Grew activation by 23%.",
    )
    first, second = structure(lines, ResumeKind.PDF, "cv.pdf").roles
    assert first.heading == "Software Engineer, Acme · Jan 2021 – Present · Berlin, Germany"
    assert [h.text for h in first.highlights] == ["Shipped the new billing service."]
    assert (second.company, second.title, second.start) == (
        "Contoso",
        "Product Manager",
        "Mar 2018",
    )
    assert [h.text for h in second.highlights] == ["Grew activation by 23%."]


def test_a_pdf_line_beginning_with_a_verb_starts_a_highlight_a_wrapped_one_does_not():
    lines = _text_lines(
        "Experience",
        "Software Engineering Intern, Shopwise",
        "May 2025 – Aug 2025",
        "Cut p95 latency of the cart API from 420 ms to 180 ms by adding a",
        "Redis read-through cache",
        "Wrote 60 integration tests that raised coverage of the payments service",
        "from 54% to 81%",
        "Migrated the Distributed",
        "Systems team's jobs to Kubernetes",
    )
    resume = structure(lines, ResumeKind.PDF, "cv.pdf")
    assert [h.text for h in resume.roles[0].highlights] == [
        "Cut p95 latency of the cart API from 420 ms to 180 ms by adding a Redis "
        "read-through cache",
        "Wrote 60 integration tests that raised coverage of the payments service from 54% to 81%",
        "Migrated the Distributed Systems team's jobs to Kubernetes",
    ]
    assert any("begins with a verb" in n and "check them" in n for n in resume.notices)


@pytest.mark.parametrize(
    ("heading", "company", "title"),
    [
        # QA22 F12: the most common US form, the town and state in brackets.
        ("Senior Customer Success Manager — Corvanta Software (Columbus, OH)",
         "Corvanta Software (Columbus, OH)", "Senior Customer Success Manager"),
        ("Customer Success Manager, Halloway Systems (Cincinnati, OH)",
         "Halloway Systems (Cincinnati, OH)", "Customer Success Manager"),
        ("Product Manager — Acme, Inc.", "Acme, Inc.", "Product Manager"),
    ],
)  # fmt: skip
def test_a_bracketed_town_stays_with_its_company(heading, company, title):
    from nextround.io.resume_headings import heading_company_and_title

    assert heading_company_and_title([heading]) == (company, title)
