"""TEMPORARY stand-in for ``matmul``, ``matrix_transpose``, ``tensordot``, ``vecdot``.

The real ones are being written in ``_linear_algebra_functions.py`` on another branch;
``linalg.py`` imports these until that module lands on main, then this file is deleted
and ``linalg.py`` imports from ``._linear_algebra_functions`` instead. Minimal on
purpose: no Python scalars, NumPy's promotion (equal to the table for these cases).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._tensor import Tensor, device_mismatch, wrap

__all__ = ["matmul", "matrix_transpose", "tensordot", "vecdot"]


def _pair(x1: Tensor, x2: Tensor, what: str) -> tuple[Any, Any]:
    if x1.__class__ is not Tensor or x2.__class__ is not Tensor:
        raise TypeError(
            f"{what}: expected two Tensors, got {type(x1).__name__}, {type(x2).__name__}"
        )
    if x1._device is not x2._device:
        raise device_mismatch(what, x1._device, x2._device)
    if x1._array.dtype.kind == "b" or x2._array.dtype.kind == "b":
        raise TypeError(f"{what}: expected numeric tensors, got bool")
    return x1._array, x2._array


def matmul(x1: Tensor, x2: Tensor, /) -> Tensor:
    a, b = _pair(x1, x2, "matmul")
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul: expected tensors with at least one dimension, got a 0-d one")
    return wrap(x1._device.backend.matmul(a, b), x1._device)


def matrix_transpose(x: Tensor, /) -> Tensor:
    if x.__class__ is not Tensor:
        raise TypeError(f"matrix_transpose: expected a Tensor, got {type(x).__name__}")
    if x._array.ndim < 2:
        raise ValueError(f"matrix_transpose: expected at least 2 dimensions, got {x._array.ndim}")
    return wrap(x._array.swapaxes(-1, -2), x._device)


def tensordot(
    x1: Tensor, x2: Tensor, /, *, axes: int | tuple[Sequence[int], Sequence[int]] = 2
) -> Tensor:
    a, b = _pair(x1, x2, "tensordot")
    return wrap(x1._device.backend.tensordot(a, b, axes=axes), x1._device)


def vecdot(x1: Tensor, x2: Tensor, /, *, axis: int = -1) -> Tensor:
    a, b = _pair(x1, x2, "vecdot")
    xb = x1._device.backend
    if a.shape[axis] != b.shape[axis]:
        raise ValueError(f"vecdot: the sizes along axis {axis} differ: {a.shape} and {b.shape}")
    products = xb.conj(a) * b
    return wrap(products.sum(axis=axis, dtype=products.dtype), x1._device)
