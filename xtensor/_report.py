"""The interop report behind ``python -m xtensor``.

For each peer library that is installed, and each direction of exchange, it makes
a small array, converts it, writes through one side and reads through the other:
the memory is shared exactly when the write is seen. Nothing here raises: every
failure becomes a line of the report.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import xtensor as xt

from . import _backend

__all__ = ["Check", "run_checks", "PEERS"]

PEERS = ("numpy", "cupy", "torch", "jax", "array_api_strict")

SHARES = "shares memory"
COPIES = "copies"


@dataclass(frozen=True)
class Check:
    """One line of the report: a peer, a direction, a device and what happened."""

    peer: str
    direction: str
    device: str
    outcome: str  # SHARES, COPIES, "refuses: …", "not installed", "no GPU", "error: …"
    promised: bool  # whether xtensor promises sharing here

    @property
    def ok(self) -> bool:
        return not self.promised or self.outcome == SHARES


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _outcome(run: Callable[[], bool]) -> str:
    try:
        return SHARES if run() else COPIES
    except Exception as exc:  # the report states every failure instead of raising
        return f"refuses: {type(exc).__name__}: {exc}"


# --- peer -> xtensor: write through the tensor, read through the peer -------------------


def _into_xtensor(make: Callable[[], Any], read: Callable[[Any], float], how: Callable[[Any], Any]):
    def run() -> bool:
        peer = make()
        t = how(peer)
        t[0] = 42.0
        return read(peer) == 42.0

    return run


def _out_of_xtensor(from_dlpack: Callable[[Any], Any], read: Callable[[Any], float]):
    def run() -> bool:
        t = xt.asarray([1.0, 2.0, 3.0])
        peer = from_dlpack(t)
        t[0] = 42.0
        return read(peer) == 42.0

    return run


def _aligned_tensor(np: Any, alignment: int) -> Any:
    """A float64 tensor [1, 2, 3] whose data starts on an ``alignment``-byte boundary."""
    raw = np.empty(24 + alignment, dtype=np.uint8)
    start = -raw.ctypes.data % alignment
    array = raw[start : start + 24].view(np.float64)
    array[:] = [1.0, 2.0, 3.0]
    return xt.as_tensor(array)


def _cpu_checks() -> list[Check]:
    import numpy as np

    checks: list[Check] = []

    def add(peer: str, direction: str, run: Callable[[], bool]) -> None:
        checks.append(Check(peer, direction, "cpu", _outcome(run), True))

    np_make = lambda: np.array([1.0, 2.0, 3.0])  # noqa: E731
    np_read = lambda a: float(a[0])  # noqa: E731
    add("numpy", "numpy -> xtensor.as_tensor", _into_xtensor(np_make, np_read, xt.as_tensor))
    add("numpy", "numpy -> xtensor.from_dlpack", _into_xtensor(np_make, np_read, xt.from_dlpack))
    add("numpy", "xtensor -> numpy.from_dlpack", _out_of_xtensor(np.from_dlpack, np_read))
    add("numpy", "xtensor -> numpy.asarray", _out_of_xtensor(np.asarray, np_read))

    if _installed("torch"):
        torch = importlib.import_module("torch")
        t_make = lambda: torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)  # noqa: E731
        t_read = lambda a: float(a[0])  # noqa: E731
        add("torch", "torch -> xtensor.as_tensor", _into_xtensor(t_make, t_read, xt.as_tensor))
        add("torch", "torch -> xtensor.from_dlpack", _into_xtensor(t_make, t_read, xt.from_dlpack))
        add("torch", "xtensor -> torch.from_dlpack", _out_of_xtensor(torch.from_dlpack, t_read))
    else:
        checks.append(Check("torch", "both directions", "cpu", "not installed", False))

    if _installed("jax"):
        jax = importlib.import_module("jax")
        jax.config.update("jax_enable_x64", True)

        def jax_into() -> bool:
            # JAX arrays are immutable, and exported read-only: compare addresses.
            j = jax.numpy.array([1.0, 2.0, 3.0])
            t = xt.as_tensor(j)
            return t.data_ptr() == j.unsafe_buffer_pointer() and t.is_readonly

        def jax_out() -> bool:
            # XLA's CPU client copies buffers that are not 64-byte aligned.
            t = _aligned_tensor(np, 64)
            j = jax.dlpack.from_dlpack(t)
            t[0] = 42.0
            return j.unsafe_buffer_pointer() == t.data_ptr() and float(j[0]) == 42.0

        add("jax", "jax -> xtensor.as_tensor (read-only)", jax_into)
        add("jax", "xtensor (64-byte aligned) -> jax.dlpack.from_dlpack", jax_out)
    else:
        checks.append(Check("jax", "both directions", "cpu", "not installed", False))

    if _installed("array_api_strict"):
        strict = importlib.import_module("array_api_strict")
        s_make = lambda: strict.asarray([1.0, 2.0, 3.0])  # noqa: E731
        s_read = lambda a: float(a[0])  # noqa: E731
        add(
            "array_api_strict",
            "array_api_strict -> xtensor.from_dlpack",
            _into_xtensor(s_make, s_read, xt.from_dlpack),
        )
        add(
            "array_api_strict",
            "xtensor -> array_api_strict.from_dlpack",
            _out_of_xtensor(strict.from_dlpack, s_read),
        )
    else:
        checks.append(Check("array_api_strict", "both directions", "cpu", "not installed", False))
    return checks


def _cuda_checks() -> list[Check]:
    if not _installed("cupy"):
        return [Check("cupy", "both directions", "cuda", "not installed", False)]
    cp = _backend.cupy_or_none()
    if cp is None:
        return [Check("cupy", "both directions", "cuda", "no GPU", False)]
    checks: list[Check] = []
    c_make = lambda: cp.array([1.0, 2.0, 3.0])  # noqa: E731
    c_read = lambda a: float(a[0].get())  # noqa: E731
    for direction, run in (
        ("cupy -> xtensor.as_tensor", _into_xtensor(c_make, c_read, xt.as_tensor)),
        ("cupy -> xtensor.from_dlpack", _into_xtensor(c_make, c_read, xt.from_dlpack)),
    ):
        checks.append(Check("cupy", direction, "cuda:0", _outcome(run), True))

    def out_of_xtensor() -> bool:
        t = xt.asarray([1.0, 2.0, 3.0], device="cuda")
        peer = cp.from_dlpack(t)
        t[0] = 42.0
        return c_read(peer) == 42.0

    outcome = _outcome(out_of_xtensor)
    checks.append(Check("cupy", "xtensor -> cupy.from_dlpack", "cuda:0", outcome, True))
    return checks


def run_checks() -> list[Check]:
    """Every check of the report, in order."""
    return _cpu_checks() + _cuda_checks()


def devices() -> list[str]:
    found = ["cpu"]
    found += [f"cuda:{i}" for i in range(_backend.cuda_device_count())]
    return found
