"""Sorting functions of the array API standard 2025.12: ``sort`` and ``argsort``.

Order: bool, integer and real floating tensors sort by value. NaN sorts as larger
than every number: last in ascending order, first in descending order. ``-0.0`` and
``+0.0`` are equal, so a stable sort keeps their input order. Complex tensors raise
TypeError (the standard leaves their order unspecified).

Descending stable sorts keep equal elements in their input order, as the standard
requires: they sort the reversed axis in ascending order and reverse the result.
"""

from __future__ import annotations

from typing import Any

from ._arguments import check_bool, normalize_axis, not_a_tensor
from ._backend import numpy as np
from ._tensor import Tensor, wrap

__all__ = ["argsort", "sort"]

_SORTABLE_KINDS = "biuf"
_I64 = np.dtype("int64")
# ``a[_REVERSED[:axis] + (_REVERSE,)]`` is ``a`` reversed along ``axis`` (a view).
_REVERSE = slice(None, None, -1)
_REVERSED = (slice(None),) * 64


def _sortable(
    x: Any, axis: Any, descending: Any, stable: Any, what: str
) -> tuple[Any, int, bool, bool]:
    if x.__class__ is not Tensor:
        raise not_a_tensor(what, x)
    a = x._array
    if a.dtype.kind not in _SORTABLE_KINDS:
        raise TypeError(
            f"{what}: expected a real-valued or bool tensor, got dtype {x.dtype.name} "
            "(complex numbers have no order)"
        )
    if descending.__class__ is not bool:
        descending = check_bool(descending, what, "descending")
    if stable.__class__ is not bool:
        stable = check_bool(stable, what, "stable")
    ndim = a.ndim
    if axis.__class__ is not int or not -ndim <= axis < ndim:
        return a, normalize_axis(axis, ndim, what), descending, stable
    return a, axis + ndim if axis < 0 else axis, descending, stable


def argsort(
    x: Tensor, /, *, axis: int = -1, descending: bool = False, stable: bool = True
) -> Tensor:
    """The indices that sort ``x`` along ``axis``.

    Parameters
    ----------
    x
        Bool, integer or real floating tensor with at least one dimension.
    axis
        The axis to sort along (negative counts from the end).
    descending
        Sort from largest to smallest.
    stable
        Keep equal elements in their input order. False allows a faster unstable sort.

    Returns
    -------
    Tensor
        int64 indices of ``x``'s shape; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is complex or not a Tensor.
    ValueError
        ``axis`` is out of range (an ``AxisError``, also an IndexError).

    Examples
    --------
    >>> x = xp.asarray([3, 1, 2, 1])
    >>> xp.argsort(x)
    tensor([1, 3, 2, 0])
    >>> xp.argsort(x, descending=True)
    tensor([0, 2, 1, 3])
    >>> xp.argsort(xp.asarray([[2.0, 1.0], [0.0, 5.0]]), axis=0)
    tensor([[1, 0],
            [0, 1]])
    """
    a, axis, descending, stable = _sortable(x, axis, descending, stable, "argsort")
    xb = x._device.backend
    kind = "stable" if stable else None
    if descending:
        # Reversing, sorting ascending and reversing back keeps equal elements in order.
        reverse = _REVERSED[:axis] + (_REVERSE,)
        positions = xb.argsort(a[reverse], axis=axis, kind=kind)
        r = (a.shape[axis] - 1) - positions[reverse]
    else:
        r = xb.argsort(a, axis=axis, kind=kind)
    return wrap(r.astype(_I64, copy=False), x._device)


def sort(x: Tensor, /, *, axis: int = -1, descending: bool = False, stable: bool = True) -> Tensor:
    """A sorted copy of ``x`` along ``axis``.

    Parameters
    ----------
    x
        Bool, integer or real floating tensor with at least one dimension.
    axis
        The axis to sort along (negative counts from the end).
    descending
        Sort from largest to smallest.
    stable
        Keep equal elements (such as ``-0.0`` and ``0.0``) in their input order.

    Returns
    -------
    Tensor
        ``x``'s shape and dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is complex or not a Tensor.
    ValueError
        ``axis`` is out of range (an ``AxisError``, also an IndexError).

    Examples
    --------
    >>> xp.sort(xp.asarray([3, 1, 2]))
    tensor([1, 2, 3])
    >>> xp.sort(xp.asarray([[2.0, xp.nan, 1.0]]), descending=True)
    tensor([[nan,  2.,  1.]])
    >>> xp.sort(xp.asarray([1j]))
    Traceback (most recent call last):
        ...
    TypeError: sort: expected a real-valued or bool tensor, got dtype complex128 (complex ...
    """
    a, axis, descending, stable = _sortable(x, axis, descending, stable, "sort")
    xb = x._device.backend
    kind = "stable" if stable else None
    if descending:
        reverse = _REVERSED[:axis] + (_REVERSE,)
        return wrap(xb.sort(a[reverse], axis=axis, kind=kind)[reverse], x._device)
    return wrap(xb.sort(a, axis=axis, kind=kind), x._device)
