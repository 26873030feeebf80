"""Indexing functions of the array API standard 2025.12: ``take`` and ``take_along_axis``.

Indices may be negative (counted from the end) and of any integer dtype. Out-of-range
indices raise IndexError on the CPU; on CUDA they are not checked (CuPy wraps them
around), as the standard leaves them unspecified.
"""

from __future__ import annotations

from typing import Any

from ._arguments import normalize_axis, not_a_tensor
from ._backend import numpy as np
from ._tensor import Tensor, device_mismatch, wrap

__all__ = ["take", "take_along_axis"]

_I64 = np.dtype("int64")
_U64 = np.dtype("uint64")
_I64_MAX = int(np.iinfo(_I64).max)


def _arrays(x: Any, indices: Any, what: str) -> tuple[Any, Any]:
    if x.__class__ is not Tensor:
        raise not_a_tensor(what, x)
    if indices.__class__ is not Tensor:
        raise not_a_tensor(what, indices, "indices")
    if x._device is not indices._device:
        raise device_mismatch(what, x._device, indices._device)
    a, i = x._array, indices._array
    if i.dtype.kind not in "iu":
        raise TypeError(f"{what}: expected integer indices, got dtype {indices.dtype.name}")
    if a.ndim == 0:
        raise ValueError(f"{what}: expected x with at least one dimension, got a 0-d tensor")
    if i.dtype == _U64 and i.size and int(i.max()) > _I64_MAX:
        raise IndexError(f"{what}: index {int(i.max())} is out of range")
    return a, i


def take(x: Tensor, indices: Tensor, /, *, axis: int | None = None) -> Tensor:
    """The elements of ``x`` at ``indices`` along ``axis``.

    Parameters
    ----------
    x
        Tensor with at least one dimension.
    indices
        1-d integer tensor; negative indices count from the end.
    axis
        The axis to select along; may be omitted only when ``x`` is 1-d.

    Returns
    -------
    Tensor
        ``x``'s dtype and shape, with ``len(indices)`` along ``axis``; a new tensor on
        ``x``'s device.

    Raises
    ------
    TypeError
        An argument is not a Tensor, or ``indices`` is not integer.
    ValueError
        ``x`` is 0-d, ``indices`` not 1-d, ``axis`` missing for ``x.ndim > 1`` or out of
        range (an ``AxisError``, also an IndexError), or the devices differ.
    IndexError
        An index is out of range (CPU).

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> xp.take(x, xp.asarray([2, 0]), axis=1)
    tensor([[3, 1],
            [6, 4]])
    >>> xp.take(xp.asarray([10, 20, 30]), xp.asarray([-1, 0, 0]))
    tensor([30, 10, 10])
    """
    a, i = _arrays(x, indices, "take")
    if i.ndim != 1:
        raise ValueError(f"take: expected 1-d indices, got shape {i.shape}")
    if axis is None:
        if a.ndim != 1:
            raise ValueError(f"take: axis is required for a {a.ndim}-d x (shape {a.shape})")
        axis = 0
    axis = normalize_axis(axis, a.ndim, "take")
    return wrap(x._device.backend.take(a, i, axis=axis), x._device)


def take_along_axis(x: Tensor, indices: Tensor, /, *, axis: int = -1) -> Tensor:
    """The elements of ``x`` at ``indices`` along ``axis``, one index per position.

    ``out[..., j, ...] = x[..., indices[..., j, ...], ...]`` where ``j`` runs along
    ``axis``; the other axes of ``x`` and ``indices`` broadcast.

    Parameters
    ----------
    x
        Tensor with at least one dimension.
    indices
        Integer tensor with ``x.ndim`` dimensions; negative indices count from the end.
    axis
        The axis to select along (negative counts from the end).

    Returns
    -------
    Tensor
        ``x``'s dtype; the broadcast shape with ``indices.shape[axis]`` along ``axis``; a
        new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        An argument is not a Tensor, or ``indices`` is not integer.
    ValueError
        ``x`` is 0-d, the ranks differ, the other axes do not broadcast, ``axis`` is out
        of range (an ``AxisError``, also an IndexError), or the devices differ.
    IndexError
        An index is out of range (CPU).

    Examples
    --------
    >>> x = xp.asarray([[30, 10, 20], [5, 15, 0]])
    >>> xp.take_along_axis(x, xp.argsort(x, axis=1), axis=1)
    tensor([[10, 20, 30],
            [ 0,  5, 15]])
    >>> xp.take_along_axis(x, xp.asarray([[0], [2]]), axis=1)
    tensor([[30],
            [ 0]])
    """
    a, i = _arrays(x, indices, "take_along_axis")
    if i.ndim != a.ndim:
        raise ValueError(
            f"take_along_axis: expected indices with x's {a.ndim} dimensions, got shape {i.shape}"
        )
    axis = normalize_axis(axis, a.ndim, "take_along_axis")
    for d, (m, n) in enumerate(zip(a.shape, i.shape, strict=True)):
        if m != n and m != 1 and n != 1 and d != axis:
            raise ValueError(
                f"take_along_axis: the shapes of x {a.shape} and indices {i.shape} do not "
                f"broadcast outside axis {axis}"
            )
    return wrap(x._device.backend.take_along_axis(a, i, axis), x._device)
