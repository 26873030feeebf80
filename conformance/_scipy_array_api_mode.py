"""Run checks of SciPy and scikit-learn on xtensor in a child process with SCIPY_ARRAY_API=1.

SciPy reads ``SCIPY_ARRAY_API`` once, when it is first imported, and scikit-learn's
``array_api_dispatch`` refuses to work without it. Setting it in the pytest process
would change SciPy for every other test there (and for every process they start), so
``test_scipy.py`` and ``test_sklearn.py`` each run their checks in one child process
started with the variable set, and each test reads its check's outcome.

A check is a function of no arguments that raises when something is wrong. Run in
the child, warnings are errors, as in the test suite (pyproject.toml).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

CHILD_TIMEOUT_S = 900


def run_in_child(script: str) -> dict[str, dict[str, str]]:
    """Run ``script`` (a test file ending in ``child_main(...)``) with SCIPY_ARRAY_API=1;
    return each check's outcome: ``{"status": "ok" | "failed", "error": ..., "traceback": ...}``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "outcomes.json"
        env = {**os.environ, "SCIPY_ARRAY_API": "1"}
        done = subprocess.run(
            [sys.executable, script, str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(
                f"{Path(script).name} in SCIPY_ARRAY_API=1 mode exited with {done.returncode}:\n"
                f"{done.stdout}\n{done.stderr}"
            )
        return json.loads(out.read_text())  # type: ignore[no-any-return]


def child_main(checks: dict[str, Callable[[], Any]], extra: Callable[[], dict[str, Any]]) -> None:
    """In the child: run every check, write the outcomes (and ``extra()``) as JSON to argv[1]."""
    if os.environ.get("SCIPY_ARRAY_API") != "1":
        raise SystemExit("run by run_in_child(), which sets SCIPY_ARRAY_API=1")
    outcomes: dict[str, Any] = {}
    for name, check in checks.items():
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                check()
        except Exception as exc:
            outcomes[name] = {
                "status": "failed",
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(),
            }
        else:
            outcomes[name] = {"status": "ok"}
    outcomes["__extra__"] = extra()
    Path(sys.argv[1]).write_text(json.dumps(outcomes))


def assert_still_fails(outcome: dict[str, str], expected: tuple[str, str], library: str) -> None:
    """A pinned limitation of ``library`` (name and version) still fails the same way:
    ``expected`` is (the start of the error, why it fails)."""
    error, why = expected
    assert outcome["status"] == "failed", (
        f"{library} no longer fails on xtensor (it {why}): move it from "
        "LIBRARY_LIMITATIONS to the checks, and update docs/user-guide/libraries.rst"
    )
    assert outcome["error"].startswith(error), outcome["traceback"]


# --- comparing an xtensor result with the NumPy result ----------------------------------


def to_xtensor(value: Any) -> Any:
    """NumPy arrays (also inside tuples, lists and dicts) as xtensor tensors."""
    import xtensor

    if isinstance(value, np.ndarray):
        return xtensor.asarray(value)
    if isinstance(value, tuple | list):
        return type(value)(to_xtensor(v) for v in value)
    if isinstance(value, dict):
        return {k: to_xtensor(v) for k, v in value.items()}
    return value


def assert_same(got: Any, expected: Any, where: str = "result", rtol: float = 1e-7) -> None:
    """``got`` (from xtensor input) matches ``expected`` (from NumPy input): arrays come
    back as xtensor tensors ("array type in, array type out") on the CPU, with the same
    shape, dtype and values; containers match item by item; other values are equal."""
    import xtensor

    if isinstance(expected, np.ndarray):
        assert isinstance(got, xtensor.Tensor), (
            f"{where}: expected an xtensor.Tensor (NumPy input gave an ndarray), "
            f"got {type(got).__name__}"
        )
        assert got.device == "cpu", f"{where}: on {got.device}"
        _assert_values(np.asarray(got), expected, where, rtol)
    elif isinstance(expected, np.generic):
        # NumPy input gives a NumPy scalar where xtensor input gives a 0-d tensor.
        assert isinstance(got, xtensor.Tensor) and got.ndim == 0, (
            f"{where}: expected a 0-d Tensor (NumPy input gave a NumPy scalar), got {got!r}"
        )
        _assert_values(np.asarray(got), np.asarray(expected), where, rtol)
    elif isinstance(expected, dict):
        assert isinstance(got, dict) and set(got) == set(expected), f"{where}: {got!r}"
        for key in expected:
            assert_same(got[key], expected[key], f"{where}[{key!r}]", rtol)
    elif isinstance(expected, tuple | list):
        assert isinstance(got, tuple | list) and len(got) == len(expected), f"{where}: {got!r}"
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            assert_same(g, e, f"{where}[{i}]", rtol)
    elif isinstance(expected, float | complex):
        _assert_values(np.asarray(got), np.asarray(expected), where, rtol)
    else:
        assert got == expected, f"{where}: {got!r} != {expected!r}"


def _assert_values(got: Any, expected: Any, where: str, rtol: float) -> None:
    assert got.shape == expected.shape, f"{where}: shape {got.shape} != {expected.shape}"
    assert got.dtype == expected.dtype, f"{where}: dtype {got.dtype} != {expected.dtype}"
    if expected.dtype.kind in "fc":
        scale = float(np.max(np.abs(expected), initial=0.0, where=np.isfinite(expected)))
        np.testing.assert_allclose(
            got, expected, rtol=rtol, atol=1e-12 * max(scale, 1.0), equal_nan=True, err_msg=where
        )
    else:
        np.testing.assert_array_equal(got, expected, err_msg=where)
