"""The promises the benchmarks measure, checked as facts (sharing, not time)."""

import subprocess
import sys

import numpy as np

import xtensor as xp
from benchmarks.run import bench_memory, check_views


def test_view_operations_share_memory():
    shared = check_views()
    assert shared and all(shared.values()), shared


def test_zero_copy_paths_share_memory():
    a = np.arange(1000.0)
    t = xp.asarray(a)
    for result in (xp.as_tensor(a), xp.asarray(a), xp.from_dlpack(a)):
        assert np.shares_memory(result.numpy(), a)
    assert np.shares_memory(np.from_dlpack(t), a)
    assert np.shares_memory(t.numpy(), a)


def test_as_tensor_allocates_nothing_for_a_large_array():
    mem = bench_memory(quick=True)
    assert mem["peak_extra_bytes"] < 10_000, mem


def test_import_pulls_in_no_heavy_peer():
    code = "import sys, xtensor; print([m for m in ('cupy', 'torch', 'jax') if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_quick_benchmark_runs(tmp_path):
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "geometric mean" in done.stdout
    assert "7. Cubed" in done.stdout
    assert out.exists()
