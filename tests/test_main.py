"""``python -m xtensor``: the report runs, never raises, and every promise holds here."""

import subprocess
import sys

from xtensor.__main__ import main


def test_report_lists_versions_devices_and_peers(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "array API standard 2025.12" in out
    assert "devices: cpu" in out
    assert "numpy -> xtensor.as_tensor" in out
    assert "shares memory" in out
    assert "all promised exchanges share memory" in out


def test_report_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "xtensor"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
