"""Word and PDF resumes built with python-docx, weasyprint and pypdf; bad files refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from nextround.domain.resume import ResumeKind
from nextround.errors import InvalidInputError
from nextround.io.resume_files import MAX_RESUME_BYTES, read_resume, read_resume_file


def docx_resume() -> bytes:
    """A Word resume as people write them: styles, a bold role line, list bullets, a table."""
    from docx import Document

    document = Document()
    document.add_heading("Priya Raman", 0)
    document.add_paragraph("Senior Product Manager")
    document.add_heading("Experience", 1)
    line = document.add_paragraph().add_run(
        "Northwind Logistics | Senior Product Manager | Jan 2021 – Present"
    )
    line.bold = True
    document.add_paragraph(
        "Cut partner integration time from 6 weeks to 9 days.", style="List Bullet"
    )
    document.add_paragraph("Ran weekly roadmap reviews with Sales and Legal.", style="List Bullet")
    document.add_heading("Contoso", 2)
    document.add_paragraph("Product Manager, 2017 - 2020")
    document.add_paragraph("Grew activation by 23% through onboarding.", style="List Bullet")
    document.add_heading("Education", 1)
    document.add_paragraph("MSc Computer Science, University of Edinburgh")
    document.add_heading("Skills", 1)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "SQL"
    table.rows[0].cells[1].text = "Figma"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_resume(bullets: bool = True) -> bytes:
    """A PDF resume printed by weasyprint, with bullet glyphs in its text or none at all."""
    from weasyprint import HTML

    mark = "• " if bullets else ""
    return HTML(
        string=f"""<h1>Priya Raman</h1><p>Senior Product Manager</p><h2>EXPERIENCE</h2>
        <p>Senior Product Manager, Northwind Logistics, Jan 2021 – Present</p>
        <p>{mark}Cut partner integration time from 6 weeks to 9 days by launching a
        self-serve sandbox that partners used without ever needing a call to our team.</p>
        <p>{mark}Led a team of 7 engineers through the v1 API deprecation.</p>
        <p>Contoso</p><p>Product Manager, 2017 – 2020</p>
        <p>{mark}Grew activation by 23%.</p>
        <h2>EDUCATION</h2><p>MSc Computer Science, University of Edinburgh</p>
        <h2>SKILLS</h2><p>SQL, Python, Figma</p>"""
    ).write_pdf()


def _summary(resume):
    return [
        (r.company, r.title, r.start, r.end, [h.text for h in r.highlights]) for r in resume.roles
    ]


def test_a_word_resume_is_read_from_its_styles():
    resume = read_resume(docx_resume(), "cv.docx")
    assert resume.kind is ResumeKind.DOCX
    assert (resume.name, resume.label) == ("Priya Raman", "Senior Product Manager")
    assert _summary(resume) == [
        (
            "Northwind Logistics",
            "Senior Product Manager",
            "Jan 2021",
            "Present",
            [
                "Cut partner integration time from 6 weeks to 9 days.",
                "Ran weekly roadmap reviews with Sales and Legal.",
            ],
        ),
        (
            "Contoso",
            "Product Manager",
            "2017",
            "2020",
            ["Grew activation by 23% through onboarding."],
        ),
    ]
    assert resume.education == ["MSc Computer Science, University of Edinburgh"]
    assert resume.skills == ["SQL", "Figma"]
    assert resume.unread is None and resume.notices == []


@pytest.mark.parametrize("bullets", [True, False])
def test_a_pdf_resume_is_read_from_its_text(bullets):
    resume = read_resume(pdf_resume(bullets), "cv.pdf")
    assert resume.kind is ResumeKind.PDF
    assert _summary(resume) == [
        (
            "Northwind Logistics",
            "Senior Product Manager",
            "Jan 2021",
            "Present",
            [
                # Broken across lines in the PDF, joined again.
                "Cut partner integration time from 6 weeks to 9 days by launching a self-serve "
                "sandbox that partners used without ever needing a call to our team.",
                "Led a team of 7 engineers through the v1 API deprecation.",
            ],
        ),
        ("Contoso", "Product Manager", "2017", "2020", ["Grew activation by 23%."]),
    ]
    assert resume.skills == ["SQL", "Python", "Figma"]
    assert any("inferred from the text; check them" in n for n in resume.notices)
    no_marks = any("no bullet marks" in n for n in resume.notices)
    assert no_marks is not bullets


def _pdf_writer_with_page(text_pdf: bytes | None):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    if text_pdf is None:
        writer.add_blank_page(width=595, height=842)
    else:
        for page in PdfReader(io.BytesIO(text_pdf)).pages:
            writer.add_page(page)
    return writer


def _written(writer) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_password_protected_pdf_is_refused_and_one_locked_only_for_editing_is_read():
    locked = _pdf_writer_with_page(pdf_resume())
    locked.encrypt("secret", algorithm="RC4-128")
    with pytest.raises(InvalidInputError, match="protected with a password"):
        read_resume(_written(locked), "cv.pdf")
    editing_only = _pdf_writer_with_page(pdf_resume())
    editing_only.encrypt("", owner_password="owner", algorithm="RC4-128")
    assert len(read_resume(_written(editing_only), "cv.pdf").roles) == 2


def test_a_scanned_pdf_with_no_text_is_refused():
    with pytest.raises(InvalidInputError, match=r"holds no text to read \(1 page, no words\)"):
        read_resume(_written(_pdf_writer_with_page(None)), "scan.pdf")


@pytest.mark.parametrize(
    ("raw", "name", "message"),
    [
        (b"%PDF-1.7\n garbage", "cv.pdf", "damaged PDF"),
        (b"hello, I am text", "cv.pdf", r"not a PDF file \(it does not start with %PDF\)"),
        (b"PK\x03\x04 not really a zip", "cv.docx", r"is not a Word document \(\.docx\)"),
        (b"plain text", "cv.docx", "is not a Word document"),
    ],
)
def test_damaged_files_are_refused_clearly(raw, name, message):
    with pytest.raises(InvalidInputError, match=message):
        read_resume(raw, name)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path):
    big = tmp_path / "cv.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_RESUME_BYTES + 1)
    with pytest.raises(InvalidInputError, match=r"a resume file may be at most 10 MB"):
        read_resume_file(big)
    with pytest.raises(InvalidInputError, match="no such file"):
        read_resume_file(tmp_path / "missing.md")


def test_a_comma_in_the_job_title_keeps_the_company_in_word_and_pdf():
    """The QA heading ("Title, Team — Company (dates)") read the same from every format."""
    from docx import Document
    from weasyprint import HTML

    headings = [
        "Senior Engineering Manager, Platform — Lumora Payments (2021 – 2026)",
        "Tessel Logistics | Engineering Manager, Routing | 2017 – 2021",
        "Software Engineer, Billing at Nubo, 2014 – 2017",
    ]
    expected = [
        ("Lumora Payments", "Senior Engineering Manager, Platform", "2021", "2026"),
        ("Tessel Logistics", "Engineering Manager, Routing", "2017", "2021"),
        ("Nubo", "Software Engineer, Billing", "2014", "2017"),
    ]
    document = Document()
    document.add_heading("Tomás Herrera", 0)
    document.add_heading("Experience", 1)
    for number, heading in enumerate(headings):
        document.add_heading(heading, 2)
        document.add_paragraph(f"Cut costs by {number + 10}%.", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    pdf = HTML(
        string="<h1>Tomás Herrera</h1><h2>EXPERIENCE</h2>"
        + "".join(f"<p>{h}</p><p>• Cut costs by {n + 10}%.</p>" for n, h in enumerate(headings))
        + "<h2>SKILLS</h2><p>Go, Python</p>"
    ).write_pdf()
    for raw, name in ((out.getvalue(), "cv.docx"), (pdf, "cv.pdf")):
        resume = read_resume(raw, name)
        assert [(r.company, r.title, r.start, r.end) for r in resume.roles] == expected, name


def sam_pdf(bullets: bool) -> bytes:
    """A new grad's Markdown resume as a browser or WeasyPrint prints it: a list's bullets
    are drawn after all the text (or not at all), and long bullets wrap onto a second line."""
    from weasyprint import HTML

    style = "" if bullets else "<style>ul { list-style: none }</style>"
    return HTML(
        string=f"""{style}<h1>Sam Okoye</h1><p>sam.okoye@example.com · Toronto</p>
        <h2>Experience</h2>
        <h3>Software Engineering Intern, Shopwise</h3><p>May 2025 – Aug 2025</p>
        <ul><li>Cut p95 latency of the cart API from 420 ms to 180 ms by adding a Redis
        read-through cache</li>
        <li>Wrote 60 integration tests that raised coverage of the payments service from 54%
        to 81%</li></ul>
        <h3>Teaching Assistant, University of Waterloo</h3><p>Sep 2024 – Apr 2025</p>
        <ul><li>Built an autograder in Python that saved TAs 10 hours a week</li></ul>
        <h2>Education</h2><p>BMath Computer Science, University of Waterloo, 2026</p>
        <h2>Skills</h2><p>Python, Go, SQL</p>"""
    ).write_pdf()


@pytest.mark.parametrize("bullets", [True, False])
def test_a_printed_markdown_resume_keeps_each_bullet_and_none_in_a_heading(bullets):
    from pypdf import PdfReader

    raw = sam_pdf(bullets)
    text = PdfReader(io.BytesIO(raw)).pages[0].extract_text()
    # What makes it hard: the bullets wrap, and their glyphs come last, marking nothing.
    assert "by adding a\nRedis read-through cache" in text
    assert text.rstrip().endswith("•") is bullets
    resume = read_resume(raw, "cv.pdf")
    assert _summary(resume) == [
        (
            "Shopwise",
            "Software Engineering Intern",
            "May 2025",
            "Aug 2025",
            [
                "Cut p95 latency of the cart API from 420 ms to 180 ms by adding a Redis "
                "read-through cache",
                "Wrote 60 integration tests that raised coverage of the payments service from "
                "54% to 81%",
            ],
        ),
        (
            "University of Waterloo",
            "Teaching Assistant",
            "Sep 2024",
            "Apr 2025",
            ["Built an autograder in Python that saved TAs 10 hours a week"],
        ),
    ]
    assert not any(role.heading_says_more for role in resume.roles)
    # Read from the glyphs put back in place, the bullets need no guessing from verbs.
    assert any("begins with a verb" in n for n in resume.notices) is not bullets
