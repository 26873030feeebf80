"""The only place the array backends are imported.

NumPy serves the CPU. CuPy serves CUDA devices and is imported lazily, the first
time a CUDA device is asked for, so ``import xtensor`` never imports it.
"""

from __future__ import annotations

import functools
from types import ModuleType

import numpy

__all__ = ["numpy", "cupy_or_none", "cupy_or_raise", "cuda_device_count"]

CUDA_INSTALL_HINT = (
    "CUDA tensors need CuPy and an NVIDIA GPU: install them with `pip install xtensor[cuda]`"
)


@functools.cache
def cupy_or_none() -> ModuleType | None:
    """CuPy when it is installed and sees at least one GPU, else None."""
    try:
        import cupy
    except Exception:  # ImportError, or a broken CUDA install raising anything
        return None
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            return None
    except Exception:  # no driver, no device
        return None
    module: ModuleType = cupy  # untyped (no stubs): say what it is
    return module


def cupy_or_raise(what: str) -> ModuleType:
    """CuPy, or ValueError saying how to get it."""
    cp = cupy_or_none()
    if cp is None:
        raise ValueError(f"{what}: no CUDA device is available. {CUDA_INSTALL_HINT}")
    return cp


def cuda_device_count() -> int:
    cp = cupy_or_none()
    return 0 if cp is None else int(cp.cuda.runtime.getDeviceCount())
