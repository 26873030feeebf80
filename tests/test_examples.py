"""Every script in examples/ runs, as a user runs it, and prints what it promises.

Each runs in its own Python process (``python examples/<script>.py``, with warnings
as errors) and must exit with status 0 and print its key lines. A script that needs
a library which is not installed is skipped with that reason; the GPU example runs
everywhere (without a GPU it explains itself and exits 0).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import xtensor as xp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# script -> (libraries it needs, lines or fragments its output must contain)
EXPECTED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "array_api_agnostic.py": (
        ("array_api_compat",),
        (
            "numpy    in -> ndarray out",
            "xtensor  in -> Tensor out, computed by xtensor",
            "row sums: tensor([1., 1.])",
            "all libraries agree",
        ),
    ),
    "zero_copy_pipeline.py": (
        ("torch",),
        (
            "[[1. 2. 3.]\n [4. 5. 6.]]",
            "xtensor t.T strides (1, 3) -> torch strides (1, 3)",
            "no copies: every step shared the same memory",
        ),
    ),
    "views_and_strides.py": (
        (),
        (
            "t[1:3, 2:5]                  shape=(2, 3)     stride=(6, 1)     offset=8 ",
            "flip(t, axis=1)              shape=(4, 6)     stride=(6, -1)    offset=5 ",
            "broadcast_to(row, (3, 6))    shape=(3, 6)     stride=(0, 1)",
            "reshape(t.T, (24,)) (copy)   shape=(24,)      stride=(1,)       offset=0   "
            "contiguous=True  copy",
            "[12., 13., -1., -1., -1., 17.]",
        ),
    ),
    "memory_mapped_file.py": (
        (),
        (
            "np.memmap (mode 'r') -> (3, 4) xtensor.float64, read-only: True",
            "column sums: tensor([12., 15., 18., 21.])",
            "writing refused: __setitem__: this tensor is read-only",
            "mmap + memoryview.cast('d') -> (3, 4) xtensor.float64, read-only: False",
            "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, -1.0, -1.0, -1.0, -1.0]",
            "a copy is needed: dtype float64 differs from the requested float32",
        ),
    ),
    "gpu_cupy.py": ((), ("devices: cpu",)),
    "scikit_learn.py": (
        ("sklearn", "scipy"),
        (
            "PCA components: Tensor (3, 4)",
            "predictions: Tensor xtensor.int64",
            "accuracy: 0.9",
        ),
    ),
}

# What the GPU example prints on each kind of machine.
GPU_LINES = ("cupy array after writes through xtensor and back through cupy", "on the CPU:")
NO_GPU_LINES = ("no CUDA device here", "install them with `pip install xtensor[cuda]`")


def _run(script: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """Run an example with warnings as errors, importing the same xtensor as this process."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [_xtensor_root(), os.environ.get("PYTHONPATH")])
        ),
        **extra_env,
    }
    env.pop("SCIPY_ARRAY_API", None)  # the SciPy example sets it itself
    return subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_library_agnostic_example_runs_in_strict_mode():
    done = _run("array_api_agnostic.py", XTENSOR_STRICT="1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all libraries agree" in done.stdout


def test_every_example_is_tested():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_example_runs_and_prints_its_results(script):
    needs, lines = EXPECTED[script]
    for name in needs:
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{script} needs {name}, which is not installed")
    done = _run(script)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Traceback" not in output, output
    if script == "gpu_cupy.py":
        gpu = len(xp.__array_namespace_info__().devices()) > 1
        lines = lines + (GPU_LINES if gpu else NO_GPU_LINES)
    for line in lines:
        assert line in done.stdout, f"{script} did not print {line!r}:\n{output}"


def _xtensor_root() -> str:
    return str(Path(xp.__file__).resolve().parents[1])
