"""Cubed runs on xtensor: the same workload on Cubed's NumPy backend and on xtensor.

Cubed (https://github.com/cubed-dev/cubed) is a distributed array engine built on the
array API standard: its chunks are arrays of a backend namespace, chosen by the
environment variable ``CUBED_BACKEND_ARRAY_API_MODULE`` when ``cubed`` is first
imported. So each backend's workload runs in a child process of its own (this file,
run as a script), started with the variable set (``xtensor``) or unset (NumPy); the
child writes each result and outcome to a folder that the tests below read.

The workload (``workload()``): element-wise arithmetic, reductions (sum, mean, max,
min, argmax, argmin, and the variance as a mean of squares), matmul, slicing, concat,
where, rechunk, astype and cumulative sums, on small arrays of a few chunks. On
xtensor it runs on Cubed's threads executor (each result computed on its own) and on
its processes executor (all results in one computation: the worker processes start
once); the NumPy workload on the threads executor is the oracle. Each xtensor result
must come back as an ``xtensor.Tensor`` with the oracle's dtype, shape and values; a
check inside the workload also proves that the chunks the workers compute on are
xtensor tensors (in the processes executor, the input tensors reach the workers
pickled).

``CUBED_LIMITATIONS`` lists what fails on xtensor (``var``, ``std``, ``nansum``,
``nanmean``) because Cubed calls something that the standard does not have and xtensor
does not answer; their tests assert that they still fail that way, so that a Cubed
release that changes them shows up here (and in docs/beyond-one-machine.rst, which
describes them with their workarounds).

Run the workload directly (the folder gets ``outcomes.json`` and ``<executor>.npz``)::

    CUBED_BACKEND_ARRAY_API_MODULE=xtensor python conformance/test_cubed.py OUT threads,processes
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

if __name__ != "__main__" and importlib.util.find_spec("cubed") is None:
    # Not imported here otherwise: the backend is chosen when cubed is first imported.
    pytest.skip("cubed is not installed (pip install -e '.[cubed]')", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[1]
CHILD_TIMEOUT_S = 300

rng = np.random.default_rng(20251210)
A = rng.standard_normal((40, 30))
B = rng.standard_normal((30, 20))
K = rng.integers(-50, 50, (40, 30))
A_NAN = np.where(A > 1.5, np.nan, A)


def _chunk_is_a_backend_array(block: Any) -> Any:
    """In a worker: a block of ones if the chunk is the backend's array type, else zeros."""
    from cubed.backend_array_api import namespace as nxp

    is_backend = type(block) is type(nxp.asarray(0.0))
    return nxp.full(block.shape, 1.0 if is_backend else 0.0, dtype=nxp.float64)


def _variance_two_pass(cxp: Any, x: Any, axis: int) -> Any:
    """The variance as the mean of squared deviations: the workaround for ``cxp.var``."""
    return cxp.mean((x - cxp.mean(x, axis=axis, keepdims=True)) ** 2, axis=axis)


def workload(spec: Any) -> dict[str, Callable[[], Any]]:
    """Each operation of the workload as a function that builds its Cubed array."""
    import cubed
    import cubed.array_api as cxp
    from cubed.backend_array_api import namespace as nxp

    a = cubed.from_array(nxp.asarray(A), chunks=(10, 15), spec=spec)
    b = cubed.from_array(nxp.asarray(B), chunks=(15, 10), spec=spec)
    k = cubed.from_array(nxp.asarray(K), chunks=(20, 10), spec=spec)
    a_nan = cubed.from_array(nxp.asarray(A_NAN), chunks=(10, 15), spec=spec)
    return {
        "arithmetic": lambda: (a * 2.0 + 1.0 - a / 3.0) ** 2,
        "exp and abs": lambda: cxp.exp(-cxp.abs(a)),
        "integer arithmetic": lambda: k * 3 - k // 7 + k % 5,
        "comparison": lambda: (a > 0.5) | (a < -0.5),
        "sum (axis 0)": lambda: cxp.sum(a, axis=0),
        "sum (all)": lambda: cxp.sum(a),
        "sum of integers": lambda: cxp.sum(k, axis=1),
        "mean (axis 1)": lambda: cxp.mean(a, axis=1),
        "mean (all)": lambda: cxp.mean(a),
        "mean of integers": lambda: cxp.mean(k, axis=0),
        "max (axis 0)": lambda: cxp.max(a, axis=0),
        "min (all)": lambda: cxp.min(a),
        "argmax (axis 0)": lambda: cxp.argmax(a, axis=0),
        "argmin (axis 1)": lambda: cxp.argmin(a, axis=1),
        "variance, two passes": lambda: _variance_two_pass(cxp, a, 0),
        "matmul": lambda: a @ b,
        "slicing": lambda: a[3:27:2, 5:],
        "integer index": lambda: a[:, 7],
        "concat": lambda: cxp.concat([a, a[:10]], axis=0),
        "where": lambda: cxp.where(a > 0, a, cxp.zeros_like(a)),
        "rechunk": lambda: a.rechunk((20, 30)),
        "astype float32": lambda: cxp.astype(a, cxp.float32),
        "astype int32": lambda: cxp.astype(a * 10.0, cxp.int32),
        "cumulative_sum (axis 0)": lambda: cxp.cumulative_sum(a, axis=0),
        "cumulative_sum of integers": lambda: cxp.cumulative_sum(k, axis=1),
        "chunks are backend arrays": lambda: cubed.map_blocks(
            _chunk_is_a_backend_array, a, dtype=cxp.float64
        ),
        # CUBED_LIMITATIONS
        "var": lambda: cxp.var(a, axis=1, correction=1.0),
        "std": lambda: cxp.std(a, axis=0),
        "nansum": lambda: cubed.nansum(a_nan, axis=0),
        "nanmean": lambda: cubed.nanmean(a_nan, axis=1),
    }


# Operation -> (the start of the error on xtensor, what Cubed does).
CUBED_LIMITATIONS = {
    "var": (
        "TypeError: take: indices must be an xtensor Tensor, got int",
        "combines partial variances with take(x, 0, axis=...), a Python int as the index; "
        "NumPy drops the axis, PyTorch refuses (and keeps the axis for a 0-d index)",
    ),
    "std": (
        "TypeError: take: indices must be an xtensor Tensor, got int",
        "is the square root of var",
    ),
    "nansum": (
        "AttributeError: module 'xtensor' has no attribute 'nansum'",
        "calls the backend's nansum, a NumPy function that the standard, and so xtensor's "
        "namespace, does not have",
    ),
    "nanmean": (
        "AttributeError: module 'xtensor' has no attribute 'nansum'",
        "calls the backend's nansum, as cubed.nansum does",
    ),
}


# The operations expected to run on xtensor, in the order of workload().
WORKLOAD_NAMES = [
    "arithmetic",
    "exp and abs",
    "integer arithmetic",
    "comparison",
    "sum (axis 0)",
    "sum (all)",
    "sum of integers",
    "mean (axis 1)",
    "mean (all)",
    "mean of integers",
    "max (axis 0)",
    "min (all)",
    "argmax (axis 0)",
    "argmin (axis 1)",
    "variance, two passes",
    "matmul",
    "slicing",
    "integer index",
    "concat",
    "where",
    "rechunk",
    "astype float32",
    "astype int32",
    "cumulative_sum (axis 0)",
    "cumulative_sum of integers",
    "chunks are backend arrays",
]


# --- the child process --------------------------------------------------------------------


def _outcome(result: Any) -> dict[str, str]:
    return {"status": "ok", "type": f"{type(result).__module__}.{type(result).__qualname__}"}


def _failure(exc: BaseException) -> dict[str, str]:
    return {
        "status": "failed",
        "error": f"{type(exc).__name__}: {exc}",
        "traceback": traceback.format_exc(),
    }


def _executor(name: str) -> Any:
    from cubed.runtime.create import create_executor

    # Two workers, whatever the machine, so that the processes start quickly.
    return create_executor(name, {"max_workers": 2})


def run_workload(
    spec: Any, executor_name: str, names: list[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Outcomes and NumPy copies of the results of the operations ``names``: one
    computation per operation on the threads executor; on the others, one computation
    of all those that build (then each on its own, to place a failure)."""
    import cubed

    executor = _executor(executor_name)
    ops = workload(spec)
    outcomes: dict[str, Any] = {}
    results: dict[str, Any] = {}
    arrays = {}
    for name in names:
        try:
            arrays[name] = ops[name]()
        except Exception as exc:
            outcomes[name] = _failure(exc)
    if executor_name != "threads" and arrays:
        try:
            computed = cubed.compute(*arrays.values(), executor=executor)
        except Exception:
            pass  # placed below, one operation at a time
        else:
            for name, result in zip(arrays, computed, strict=True):
                outcomes[name], results[name] = _outcome(result), np.asarray(result)
            return outcomes, results
    for name, array in arrays.items():
        try:
            result = array.compute(executor=executor)
        except Exception as exc:
            outcomes[name] = _failure(exc)
        else:
            outcomes[name], results[name] = _outcome(result), np.asarray(result)
    return outcomes, results


def child_main(out: Path, executor_names: list[str]) -> None:
    """In the child: run the workload on each executor; write outcomes and results."""
    import cubed
    from cubed.backend_array_api import namespace

    everything = [*WORKLOAD_NAMES, *CUBED_LIMITATIONS]
    built = list(workload(cubed.Spec(allowed_mem="100MB")))
    if built != everything:
        raise SystemExit(f"WORKLOAD_NAMES and CUBED_LIMITATIONS do not list workload(): {built}")
    report: dict[str, Any] = {"backend": namespace.__name__, "cubed": cubed.__version__}
    for executor_name in executor_names:
        # On the threads executor everything runs; elsewhere the limitations are left
        # out (they fail in the chunk function, the same way on every executor).
        names = [n for n in everything if executor_name == "threads" or n not in CUBED_LIMITATIONS]
        with tempfile.TemporaryDirectory() as work_dir:
            spec = cubed.Spec(work_dir=work_dir, allowed_mem="100MB")
            outcomes, results = run_workload(spec, executor_name, names)
        report[executor_name] = outcomes
        np.savez(out / f"{executor_name}.npz", **results)
    (out / "outcomes.json").write_text(json.dumps(report))


# --- the tests ----------------------------------------------------------------------------

EXECUTORS = ("threads", "processes")


def _start(out: Path, backend: str | None, executors: tuple[str, ...]) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "CUBED_BACKEND_ARRAY_API_MODULE"}
    if backend is not None:
        env["CUBED_BACKEND_ARRAY_API_MODULE"] = backend
    # The child and its worker processes import this checkout's xtensor.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    argv = [sys.executable, __file__, str(out), ",".join(executors)]
    return subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _finish(child: subprocess.Popen[str], out: Path, what: str) -> dict[str, Any]:
    try:
        output, _ = child.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise
    if child.returncode != 0 or not (out / "outcomes.json").exists():
        raise RuntimeError(f"the {what} workload exited with {child.returncode}:\n{output}")
    report = json.loads((out / "outcomes.json").read_text())
    for executor in report.keys() & set(EXECUTORS):
        with np.load(out / f"{executor}.npz") as results:
            for name, array in results.items():
                report[executor][name]["result"] = array
    return report  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The two workloads, run side by side: ``{"numpy": ..., "xtensor": ...}``."""
    folders = {b: tmp_path_factory.mktemp(f"cubed-{b}") for b in ("numpy", "xtensor")}
    children = {
        "numpy": _start(folders["numpy"], None, ("threads",)),
        "xtensor": _start(folders["xtensor"], "xtensor", EXECUTORS),
    }
    return {b: _finish(child, folders[b], b) for b, child in children.items()}


def test_the_backends_are_the_ones_asked_for_and_run_everything(reports):
    assert reports["numpy"]["backend"] == "numpy"
    assert reports["xtensor"]["backend"] == "xtensor"
    everything = set(WORKLOAD_NAMES) | set(CUBED_LIMITATIONS)
    assert set(reports["numpy"]["threads"]) == everything
    assert set(reports["xtensor"]["threads"]) == everything
    assert set(reports["xtensor"]["processes"]) == set(WORKLOAD_NAMES)


@pytest.mark.parametrize("name", WORKLOAD_NAMES + sorted(CUBED_LIMITATIONS))
def test_the_numpy_backend_runs_the_workload(reports, name):
    outcome = reports["numpy"]["threads"][name]
    assert outcome["status"] == "ok", outcome["traceback"]
    assert outcome["type"] == "numpy.ndarray", outcome


@pytest.mark.parametrize("executor", EXECUTORS)
@pytest.mark.parametrize("name", WORKLOAD_NAMES)
def test_cubed_on_xtensor_matches_cubed_on_numpy(reports, executor, name):
    got = reports["xtensor"][executor][name]
    expected = reports["numpy"]["threads"][name]
    assert got["status"] == "ok", got["traceback"]
    assert got["type"] == "xtensor._tensor.Tensor", f"{name} came back as a {got['type']}"
    want = np.asarray(expected["result"])
    result = got["result"]
    assert result.shape == want.shape, (result.shape, want.shape)
    assert result.dtype == want.dtype, (result.dtype, want.dtype)
    if want.dtype.kind in "fc":
        np.testing.assert_allclose(result, want, rtol=1e-12, atol=1e-12, err_msg=name)
    else:
        np.testing.assert_array_equal(result, want, err_msg=name)


@pytest.mark.parametrize("executor", EXECUTORS)
def test_the_workers_compute_on_xtensor_tensors(reports, executor):
    outcome = reports["xtensor"][executor]["chunks are backend arrays"]
    assert outcome["status"] == "ok", outcome["traceback"]
    assert outcome["result"].all(), "a worker got a chunk that is not an xtensor.Tensor"


def test_the_two_pass_variance_is_numpys(reports):
    # The oracle's two-pass variance is NumPy's: the workaround computes var.
    two_pass = reports["numpy"]["threads"]["variance, two passes"]["result"]
    np.testing.assert_allclose(two_pass, np.var(A, axis=0), rtol=1e-12)


@pytest.mark.parametrize("name", sorted(CUBED_LIMITATIONS))
def test_cubed_limitation_still_fails_the_same_way(reports, name):
    error, why = CUBED_LIMITATIONS[name]
    outcome = reports["xtensor"]["threads"][name]
    assert outcome["status"] == "failed", (
        f"Cubed {reports['xtensor']['cubed']} no longer fails {name} on xtensor (it {why}): "
        "move it from CUBED_LIMITATIONS to the workload, and update "
        "docs/beyond-one-machine.rst"
    )
    assert outcome["error"].startswith(error), outcome["traceback"]


if __name__ == "__main__":
    child_main(Path(sys.argv[1]), sys.argv[2].split(","))
