"""The package's own vectors: embedded once into the models folder, then read by every database."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nextround.analysis.embedding_cache import text_key
from nextround.analysis.package_vectors import package_texts, package_vectors
from tests.unit.fake_embedder import FakeEmbedder


def test_they_are_embedded_once_and_then_read_from_the_models_folder(tmp_path: Path) -> None:
    said: list[str] = []
    first_embedder = FakeEmbedder(dim=8)
    first = package_vectors(tmp_path, first_embedder, said.append)
    texts = package_texts()
    assert [len(c) for c in first_embedder.calls] == [len(texts)]
    assert said == ["Embedding nextround's own competency texts (once, about 10 s)"]
    (saved,) = tmp_path.glob("package-vectors-*.npz")
    # A second process, or a second database, reads them: nothing is embedded again.
    again_embedder = FakeEmbedder(dim=8)
    again = package_vectors(tmp_path, again_embedder, said.append)
    assert again_embedder.calls == [] and len(said) == 1
    key = text_key(texts[0])
    np.testing.assert_array_equal(again[key], first[key])
    assert len(again) == len(texts)
    # Another model (or another dimension) never reads this model's file.
    other = FakeEmbedder(dim=4)
    other.model_id = "another-model"
    package_vectors(tmp_path, other)
    assert other.calls and len(list(tmp_path.glob("package-vectors-*.npz"))) == 2
    assert saved.exists()


def test_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    package_vectors(tmp_path, FakeEmbedder(dim=8))
    (saved,) = tmp_path.glob("package-vectors-*.npz")
    saved.write_bytes(b"not a numpy file")
    embedder = FakeEmbedder(dim=8)
    vectors = package_vectors(tmp_path, embedder)
    assert embedder.calls and len(vectors) == len(package_texts())
    reread = FakeEmbedder(dim=8)
    package_vectors(tmp_path, reread)
    assert reread.calls == []  # the file was written whole again


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "models"
    blocked.write_text("a file where the folder should be", "utf-8")
    said: list[str] = []
    vectors = package_vectors(blocked, FakeEmbedder(dim=8), said.append)
    assert len(vectors) == len(package_texts())
    assert said[-1].startswith(f"Could not keep them in {blocked}")


def test_a_change_to_the_built_in_framework_makes_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The file is named by a hash of the texts: an indicator added to the framework must
    # not be read with the old file's vectors, nor miss one.
    package_vectors(tmp_path, FakeEmbedder(dim=8))
    texts = package_texts()
    changed = [*texts, "Takes a model into production and monitors it for drift."]
    monkeypatch.setattr("nextround.analysis.package_vectors.package_texts", lambda: changed)
    embedder = FakeEmbedder(dim=8)
    vectors = package_vectors(tmp_path, embedder)
    assert [len(c) for c in embedder.calls] == [len(changed)]
    assert text_key(changed[-1]) in vectors
    assert len(list(tmp_path.glob("package-vectors-*.npz"))) == 2
