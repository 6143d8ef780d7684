"""Vectors of the texts nextround ships, embedded once per model and shared by every database.

The mapper embeds about 3,500 texts of its own (the built-in framework, the reference
corpus, the behaviour library, small talk) besides the user's. Cached only in the user's
database, every new database paid about 10 s for them on its first mapping. They are the
same for everyone, so they live next to the exported model instead; the user's own texts
never leave their database.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from nextround.analysis.embedding_cache import text_key
from nextround.analysis.embeddings import Embedder, Vectors, atomic_write

#: Bumped when the file's layout changes; the texts and the model are hashed in anyway.
LAYOUT = 1


def package_texts() -> list[str]:
    """Every text of the package the semantic mapper embeds for the built-in framework."""
    from nextround.analysis.background import BACKGROUND, GENERIC_QUESTIONS
    from nextround.analysis.mapper import framework_texts, reference_texts
    from nextround.frameworks.files import builtin_framework

    texts = [
        *framework_texts(builtin_framework()),
        *BACKGROUND,
        *GENERIC_QUESTIONS,
        *reference_texts(),
    ]
    return list(dict.fromkeys(texts))


def _file(models_dir: Path, model_id: str, texts: list[str]) -> Path:
    digest = hashlib.sha256(f"{LAYOUT}\n{model_id}\n".encode())
    for text in texts:
        digest.update(text.encode("utf-8") + b"\0")
    return models_dir / f"package-vectors-{digest.hexdigest()[:16]}.npz"


def _load(path: Path, texts: list[str], dim: int) -> dict[str, Vectors] | None:
    """The stored vectors, or None when the file is missing or not what it should be."""
    try:
        with np.load(path, allow_pickle=False) as data:
            matrix = np.asarray(data["vectors"], dtype=np.float32)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None
    if matrix.shape != (len(texts), dim) or not np.isfinite(matrix).all():
        return None
    return {text_key(t): matrix[i] for i, t in enumerate(texts)}


def package_vectors(
    models_dir: Path, embedder: Embedder, progress: Callable[[str], None] | None = None
) -> Mapping[str, Vectors]:
    """The package's vectors by text key: read from the models folder, or made once there.

    A folder that cannot be written only means they are made again next time.
    """
    texts = package_texts()
    path = _file(models_dir, embedder.model_id, texts)
    found = _load(path, texts, embedder.dim)
    if found is not None:
        return found
    if progress is not None:
        progress("Embedding nextround's own competency texts (once, about 10 s)")
    matrix = np.asarray(embedder.embed(texts), dtype=np.float32)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda tmp: _save(tmp, matrix))
    except OSError as exc:
        if progress is not None:
            progress(f"Could not keep them in {models_dir} ({exc.strerror}); they are made again")
    return {text_key(t): matrix[i] for i, t in enumerate(texts)}


def _save(target: Path, matrix: Vectors) -> None:
    with target.open("wb") as handle:  # a file object: np.savez would add ".npz" to a path
        np.savez(handle, vectors=matrix)
