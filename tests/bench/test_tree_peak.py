"""bench/run.py's TreePeak: the memory of a process and its children at one moment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from run import TreePeak  # noqa: E402


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads /proc (Linux)")
def test_a_child_holding_memory_counts_beside_this_process():
    alone = TreePeak().sample()
    code = "import sys, time; block = bytearray(300 * 2**20); print('ready', flush=True); sys.stdin.read()"
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        with TreePeak(every=0.05) as peak:
            pass
        assert peak.mb is not None and peak.mb >= alone + 250
    finally:
        child.communicate("")
    with TreePeak(every=0.05) as after:
        pass
    assert after.mb < alone + 250
