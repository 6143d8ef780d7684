"""Keeping the model libraries offline: no telemetry, no device id, no model hub look-ups."""

from __future__ import annotations

import os
from typing import Any

#: Set before the libraries read them. onnxruntime (1.29+ on Linux and macOS) otherwise
#: keeps a device id and queued usage events under ~/.cache/Microsoft and sends them to
#: Microsoft; ORT_DISABLE_TELEMETRY=1 is its full opt-out (nothing created, nothing sent),
#: and is read once, when its environment starts. The Hugging Face switches keep
#: transformers (the one-time ONNX export) from asking the hub about the model, which is
#: loaded from the installed package.
OFFLINE_ENVIRONMENT = {
    "ORT_DISABLE_TELEMETRY": "1",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


def keep_offline() -> None:
    """Turn off the model libraries' telemetry and network use for this process.

    Forced rather than defaulted: nextround promises no network, and a user's own
    ORT_DISABLE_TELEMETRY=0 meant for another program must not break that promise here.
    """
    os.environ.update(OFFLINE_ENVIRONMENT)


def onnxruntime() -> Any:
    """The onnxruntime module, imported with its telemetry off."""
    keep_offline()
    import onnxruntime as ort

    # Also off through the API, for the case where something else in the process imported
    # onnxruntime first (its environment variable is then already read).
    ort.disable_telemetry_events()
    return ort
