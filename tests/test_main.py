"""``python -m xtensor``: the interop conformance report.

It runs, never raises, prints a grid of producer x consumer x check for every
installed peer and device, the array API version and extensions, clear lines for
what is missing, ``--json`` for machines, and exits 0 exactly when every promise
holds.
"""

import importlib.util
import json
import subprocess
import sys
import time

import pytest

import xtensor as xp
from xtensor import __main__ as cli
from xtensor import _report as report


@pytest.fixture(scope="module")
def checks():
    return report.run_checks()


def test_report_text(capsys):
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert f"xtensor {xp.__version__}" in out
    assert "array API standard 2025.12, extensions: fft, linalg" in out
    assert "devices: cpu" in out
    assert "== cpu: zero-copy by layout (float64) ==" in out
    assert "== cpu: zero-copy by dtype (C order) ==" in out
    for layout in report.LAYOUTS:
        assert f" {layout.short} " in out or out.count(layout.short) > 1
    assert "numpy -> xtensor.from_dlpack" in out
    assert "xtensor -> numpy.from_dlpack" in out
    assert "every promise xtensor makes holds" in out
    assert "Traceback" not in out


def test_report_names_missing_gpu_and_peers(capsys):
    cli.main([])
    out = capsys.readouterr().out
    if report.devices() == ["cpu"]:
        assert "no GPU: " in out
    for name in ("numpy", "torch", "jax", "array_api_strict", "cupy"):
        installed = importlib.util.find_spec(name) is not None
        assert (f"{name} not installed" in out) == (not installed) or name == "numpy"


def test_json_agrees_with_the_checks(capsys, checks):
    assert cli.main(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert data["array_api_version"] == "2025.12"
    assert data["extensions"] == ["fft", "linalg"]
    assert data["devices"] == report.devices()
    assert set(data["peers"]) == {"numpy", "torch", "jax", "array_api_strict", "cupy"}
    got = {(c["exchange"], c["device"], c["case"], c["section"]): c for c in data["checks"]}
    assert len(got) == len(data["checks"]) == len(checks)
    for c in checks:
        row = got[(c.exchange, c.device, c.case, c.section)]
        assert row["ok"] == c.ok and row["promised"] == c.promised
        if c.promised:  # where the peer decides (JAX: alignment), outcomes may vary
            assert row["outcome"] == c.outcome


def test_every_promise_holds_here(checks):
    failed = [f"{c.exchange} {c.case}: {c.outcome} ({c.detail})" for c in checks if not c.ok]
    assert not failed, "\n".join(failed)


def test_report_covers_every_peer_and_check(checks):
    sections = {c.section for c in checks}
    assert sections == {"layout", "dtype", "protocol"}
    cases = {c.case for c in checks if c.section == "protocol"}
    assert {"copy=True", "copy=False", "device='cpu'", "capsule", "lifetime"} <= cases
    exchanges = {c.exchange for c in checks}
    for ex in report.exchanges("cpu"):
        assert ex.label in exchanges
    shared = [c for c in checks if c.outcome == report.SHARES]
    assert len(shared) > 100  # sharing is measured, not assumed


def test_a_broken_promise_exits_1_and_is_shown(capsys, monkeypatch):
    broken = report.Check(
        "layout", "numpy -> xtensor.as_tensor", "cpu", "C order", report.COPIES, "", "shares", False
    )
    monkeypatch.setattr(cli, "run_checks", lambda: [broken])
    assert cli.main([]) == 1
    out = capsys.readouterr().out
    assert "C!" in out
    assert "FAILS cpu numpy -> xtensor.as_tensor, C order: copies" in out
    assert "1 of 1 checks break a promise" in out
    assert cli.main(["--json"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_missing_and_broken_peers_are_lines_not_tracebacks(capsys, monkeypatch):
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        return None if name == "torch" else real_find_spec(name, *args, **kwargs)

    def broken_lib(self):
        if self.module == "jax":
            raise ImportError("libjax.so: cannot open shared object file")
        return importlib.import_module(self.module)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.setattr(report.Peer, "lib", broken_lib)
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert "torch not installed" in out
    assert "jax cannot be imported (ImportError: libjax.so" in out
    assert "torch -> xtensor.as_tensor" in out  # the row is there, saying why it is empty
    assert "Traceback" not in out


def test_a_failing_exchange_is_a_line_not_a_traceback(monkeypatch):
    def explode(x):
        raise RuntimeError("boom")

    ex = report.Exchange(report.NumPyPeer(), report.Entry("boom", report.XtensorPeer(), explode))
    check = report.matrix_check(ex, report.C_ORDER, "float64", "layout")
    assert check.outcome == report.REFUSES and not check.ok
    assert "RuntimeError: boom" in check.detail


def test_report_runs_as_a_module_quickly():
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "xtensor"], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert elapsed < 60  # a few seconds, most of it importing torch and JAX
    data = subprocess.run(
        [sys.executable, "-m", "xtensor", "--json"], capture_output=True, text=True, check=True
    )
    assert json.loads(data.stdout)["ok"] is True


def test_help():
    done = subprocess.run(
        [sys.executable, "-m", "xtensor", "--help"], capture_output=True, text=True, check=True
    )
    assert "--json" in done.stdout


def test_a_failing_report_is_one_line_and_exit_2(capsys, monkeypatch):
    def fail():
        raise RuntimeError("no memory")

    monkeypatch.setattr(cli, "run_checks", fail)
    assert cli.main([]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == "python -m xtensor: the report failed: RuntimeError: no memory"


def test_what_an_older_peer_cannot_make_is_not_held_against_xtensor(monkeypatch):
    def no_uint64(self, values):
        if values.dtype.name == "uint64":
            raise TypeError("can't convert np.ndarray of type numpy.uint64")
        return self.lib().from_numpy(values.copy())

    monkeypatch.setattr(report.TorchPeer, "base", no_uint64)
    ex = report.Exchange(report.TorchPeer(), report.XtensorPeer().entries()[2])
    if ex.unavailable():
        pytest.skip(ex.unavailable())
    check = report.matrix_check(ex, report.C_ORDER, "uint64", "dtype")
    assert check.ok and check.outcome == report.NA
    assert "torch cannot make it: TypeError" in check.detail
    # xtensor failing to make its own tensor is a failure
    monkeypatch.setattr(report.XtensorPeer, "base", no_uint64)
    ours = report.Exchange(report.XtensorPeer(), report.NumPyPeer().entries()[0])
    assert not report.matrix_check(ours, report.C_ORDER, "uint64", "dtype").ok


def test_report_piped_into_a_reader_that_stops_early_prints_no_traceback():
    import subprocess
    import sys

    done = subprocess.run(
        f"{sys.executable} -m xtensor --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
