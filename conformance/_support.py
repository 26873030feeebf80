"""Helpers of the interop suites: skips with a reason, capsule readers, and a producer
that hands on a capsule already obtained (capsules built by hand are ``_capsules``').

The exchanges themselves (peers, layouts, promises, measurements) are
``xtensor._report``'s, shared with ``python -m xtensor`` so the two cannot disagree.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
from typing import Any, NamedTuple

import numpy as np
import pytest

from xtensor import _backend
from xtensor import _dlpack_abi as abi

# --- skips ---------------------------------------------------------------------------------


def need(module: str) -> Any:
    """The module, or a skip saying "<module> not installed"."""
    if importlib.util.find_spec(module.partition(".")[0]) is None:
        pytest.skip(f"{module.partition('.')[0]} not installed")
    return importlib.import_module(module)


def need_cuda() -> Any:
    """CuPy with a GPU, or a skip saying "no CUDA device"."""
    cp = _backend.cupy_or_none()
    if cp is None:
        pytest.skip("no CUDA device")
    return cp


def need_available(thing: Any) -> None:
    """Skip with the reason an exchange or a peer of ``xtensor._report`` cannot run."""
    missing = thing.unavailable()
    if missing is not None:
        pytest.skip(missing)


cuda = pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")


def collect() -> None:
    gc.collect()


# --- reading capsules ------------------------------------------------------------------------


class Fields(NamedTuple):
    """Every field of a DLPack capsule, read with ctypes."""

    name: bytes
    version: tuple[int, int] | None
    flags: int | None
    device: tuple[int, int]
    ndim: int
    dtype: tuple[int, int, int]
    shape: tuple[int, ...] | None  # None: NULL
    strides: tuple[int, ...] | None  # None: NULL
    byte_offset: int
    data: int


def fields(capsule: Any) -> Fields:
    name = abi.capsule_name(capsule)
    assert name in (abi.VERSIONED_NAME, abi.LEGACY_NAME), name
    pointer = abi.capsule_pointer(capsule, name)
    if name == abi.VERSIONED_NAME:
        managed: Any = abi.DLManagedTensorVersioned.from_address(pointer)
        version, flags = (managed.version.major, managed.version.minor), managed.flags
    else:
        managed = abi.DLManagedTensor.from_address(pointer)
        version, flags = None, None
    t = managed.dl_tensor
    return Fields(
        name=name,
        version=version,
        flags=flags,
        device=(t.device.device_type, t.device.device_id),
        ndim=t.ndim,
        dtype=(t.dtype.code, t.dtype.bits, t.dtype.lanes),
        shape=tuple(t.shape[i] for i in range(t.ndim)) if t.shape else None,
        strides=tuple(t.strides[i] for i in range(t.ndim)) if t.strides else None,
        byte_offset=t.byte_offset,
        data=t.data or 0,
    )


def address(a: Any) -> int:
    return int(a.__array_interface__["data"][0])


def aligned(values: Any, alignment: int) -> Any:
    """A copy of the NumPy array ``values`` whose data starts on an ``alignment``-byte
    boundary (XLA's CPU client shares only 64-byte aligned buffers). The copy is a
    view of a larger buffer: weakref the returned array's ``base`` to watch the memory."""
    raw = np.empty(values.nbytes + alignment, dtype=np.uint8)
    start = -address(raw) % alignment
    out = raw[start : start + values.nbytes].view(values.dtype).reshape(values.shape)
    out[...] = values
    return out


class Given:
    """Hands one capsule, already obtained, to a consumer (as often as asked)."""

    def __init__(self, capsule: Any, device: tuple[int, int] = (1, 0)) -> None:
        self.capsule = capsule
        self.device = device

    def __dlpack__(self, **_: Any) -> Any:
        return self.capsule

    def __dlpack_device__(self) -> tuple[int, int]:
        return self.device
