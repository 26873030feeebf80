"""Searching functions of the standard: argmax, argmin, count_nonzero, nonzero,
searchsorted and where.

Index results have the default index dtype, int64. Mixed dtypes (``where``,
``searchsorted``) follow xtensor's promotion table, never the backend's.
"""

from __future__ import annotations

from typing import Any, Literal

from ._arguments import (
    check_bool,
    check_choice,
    check_scalar,
    normalize_axes,
    normalize_axis,
    not_a_tensor,
)
from ._backend import numpy as np
from ._devices import CPU
from ._dtypes import promote, scalar_result
from ._tensor import Tensor, device_mismatch, wrap

__all__ = ["argmax", "argmin", "count_nonzero", "nonzero", "searchsorted", "where"]

_INT64 = np.dtype("int64")
_BOOL = np.dtype("bool")
_SCALARS = (bool, int, float, complex)


def _arg_check(func: str, x: Tensor, axis: int | None, keepdims: Any) -> tuple[Any, bool]:
    """The backend array and the normalized axis, or the error for this search."""
    if x.__class__ is not Tensor:
        raise not_a_tensor(func, x)
    a = x._array
    if a.dtype.kind == "c":
        raise TypeError(
            f"{func}: complex numbers have no order; got a {a.dtype} tensor "
            "(search abs(x), real(x) or imag(x) instead)"
        )
    if axis is not None:
        axis = normalize_axis(axis, a.ndim, func)
    if a.size == 0 and (axis is None or a.shape[axis] == 0):
        raise ValueError(f"{func}: cannot search zero elements (shape {a.shape}, axis {axis!r})")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, func, "keepdims")
    return axis, keepdims


def argmax(x: Tensor, /, *, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """The index of the first largest element, of the flattened ``x`` or along ``axis``.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued or bool dtype.
    axis : int or None
        The axis to search along (negative counts from the end); None searches the
        flattened ``x``.
    keepdims : bool
        Keep the searched axis (all axes, for ``axis=None``) with size 1.

    Returns
    -------
    Tensor
        A new int64 tensor on ``x``'s device (0-d when ``axis`` is None, unless
        ``keepdims``).

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or is complex (complex numbers have no order).
    ValueError
        The search is over zero elements.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> x = xp.asarray([[1, 9, 3], [9, 2, 0]])
    >>> xp.argmax(x)
    tensor(1)
    >>> xp.argmax(x, axis=1)
    tensor([1, 0])
    >>> xp.argmax(x, axis=0, keepdims=True)
    tensor([[1, 0, 0]])
    """
    if (
        x.__class__ is not Tensor
        or axis is not None
        or not x._array.size
        or x._array.dtype.kind == "c"
        or keepdims.__class__ is not bool
    ):
        axis, keepdims = _arg_check("argmax", x, axis, keepdims)
    return wrap(x._array.argmax(axis=axis, keepdims=keepdims), x._device)


def argmin(x: Tensor, /, *, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """The index of the first smallest element, of the flattened ``x`` or along ``axis``.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued or bool dtype.
    axis : int or None
        The axis to search along (negative counts from the end); None searches the
        flattened ``x``.
    keepdims : bool
        Keep the searched axis (all axes, for ``axis=None``) with size 1.

    Returns
    -------
    Tensor
        A new int64 tensor on ``x``'s device (0-d when ``axis`` is None, unless
        ``keepdims``).

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or is complex (complex numbers have no order).
    ValueError
        The search is over zero elements.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> x = xp.asarray([[4, 0, 3], [0, 2, 5]])
    >>> xp.argmin(x)
    tensor(1)
    >>> xp.argmin(x, axis=1)
    tensor([1, 0])
    >>> xp.argmin(xp.asarray([]))
    Traceback (most recent call last):
        ...
    ValueError: argmin: cannot search zero elements (shape (0,), axis None)
    """
    if (
        x.__class__ is not Tensor
        or axis is not None
        or not x._array.size
        or x._array.dtype.kind == "c"
        or keepdims.__class__ is not bool
    ):
        axis, keepdims = _arg_check("argmin", x, axis, keepdims)
    return wrap(x._array.argmin(axis=axis, keepdims=keepdims), x._device)


def count_nonzero(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """How many elements of ``x`` are non-zero (True, for bool; either part, for complex).

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype.
    axis : int, tuple of int, or None
        The axes to count over (negative counts from the end); None counts over all.
    keepdims : bool
        Keep the counted axes with size 1.

    Returns
    -------
    Tensor
        A new int64 tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[0, 1, 2], [3, 0, 0]])
    >>> xp.count_nonzero(x)
    tensor(3)
    >>> xp.count_nonzero(x, axis=0)
    tensor([1, 1, 1])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("count_nonzero", x)
    a = x._array
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "count_nonzero", "keepdims")
    if axis is None and not keepdims and x._device is CPU:
        return wrap(np.asarray(np.count_nonzero(a), dtype=_INT64), CPU)
    if axis is not None:
        axis = normalize_axes(axis, a.ndim, "count_nonzero")
    nonzero = a if a.dtype == _BOOL else a.astype(_BOOL)
    return wrap(nonzero.sum(axis=axis, dtype=_INT64, keepdims=keepdims), x._device)


def nonzero(x: Tensor, /) -> tuple[Tensor, ...]:
    """The indices of the non-zero elements of ``x``, one int64 tensor per dimension.

    The indices are in row-major (C) order. The result's length depends on the
    values, so on CUDA this waits for the device.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype, of at least one dimension.

    Returns
    -------
    tuple of Tensor
        ``x.ndim`` new 1-d int64 tensors of equal length, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        ``x`` is 0-d.

    Examples
    --------
    >>> x = xp.asarray([[0, 1], [2, 0]])
    >>> xp.nonzero(x)
    (tensor([0, 1]), tensor([1, 0]))
    >>> x[xp.nonzero(x)]
    tensor([1, 2])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("nonzero", x)
    a = x._array
    if a.ndim == 0:
        raise ValueError(
            "nonzero: needs a tensor with at least one dimension, got 0-d "
            "(use nonzero(expand_dims(x, axis=0)) if that is what you mean)"
        )
    device = x._device
    return tuple(wrap(i.astype(_INT64, copy=False), device) for i in a.nonzero())


def searchsorted(
    x1: Tensor,
    x2: Tensor | int | float,
    /,
    *,
    side: Literal["left", "right"] = "left",
    sorter: Tensor | None = None,
) -> Tensor:
    """Where the elements of ``x2`` would go in the sorted 1-d tensor ``x1``.

    Parameters
    ----------
    x1
        A 1-d tensor, sorted ascending unless ``sorter`` is given.
    x2
        The values to place: a tensor, or a Python int or float (treated as a 0-d
        tensor with the dtype the standard gives a scalar next to ``x1``).
    side
        ``"left"``: the first suitable index (``x1[i-1] < v <= x1[i]``);
        ``"right"``: the last (``x1[i-1] <= v < x1[i]``).
    sorter
        Integer indices that sort ``x1`` ascending (as from ``argsort``).

    Returns
    -------
    Tensor
        A new int64 tensor shaped like ``x2``, on ``x1``'s device.

    Raises
    ------
    TypeError
        A non-tensor ``x1`` or ``sorter``, an ``x2`` that is neither a tensor nor a
        real Python scalar, complex dtypes, or a non-integer ``sorter``.
    ValueError
        ``x1`` is not 1-d, ``side`` is unknown, ``sorter`` has the wrong shape, or the
        tensors are on different devices.

    Examples
    --------
    >>> x1 = xp.asarray([1.0, 2.0, 2.0, 3.0])
    >>> xp.searchsorted(x1, xp.asarray([2.0, 0.5, 4.0]))
    tensor([1, 0, 4])
    >>> xp.searchsorted(x1, 2.0, side="right")
    tensor(3)
    >>> xp.searchsorted(xp.asarray([3, 1, 2]), 2, sorter=xp.asarray([1, 2, 0]))
    tensor(1)
    """
    if x1.__class__ is not Tensor:
        raise not_a_tensor("searchsorted", x1, "x1")
    a = x1._array
    device = x1._device
    if a.ndim != 1:
        raise ValueError(f"searchsorted: x1 must be 1-d, got shape {a.shape}")
    if side.__class__ is not str or side != "left" and side != "right":
        check_choice(side, ("left", "right"), "searchsorted", "side")
    v: Any
    if isinstance(x2, Tensor):
        if x2._device is not device:
            raise device_mismatch("searchsorted", device, x2._device)
        dtype = promote(x1.dtype, x2.dtype)
        v = x2._array
    elif isinstance(x2, (int, float)):
        dtype = scalar_result(x1.dtype, x2)
        v = check_scalar(x2, dtype.numpy, "searchsorted", "x2") if x2.__class__ is int else x2
    else:
        raise TypeError(
            f"searchsorted: x2 must be a Tensor or a Python int or float, got {type(x2).__name__}"
        )
    if dtype.kind == "complex floating":
        raise TypeError(f"searchsorted: complex numbers have no order; got dtype {dtype.name}")
    backend = device.backend
    target = dtype.numpy
    if a.dtype != target:
        a = a.astype(target)
    v = backend.asarray(v, dtype=target)
    s = None
    if sorter is not None:
        if sorter.__class__ is not Tensor:
            raise not_a_tensor("searchsorted", sorter, "sorter")
        if sorter._device is not device:
            raise device_mismatch("searchsorted", device, sorter._device)
        s = sorter._array
        if s.dtype.kind not in "iu":
            raise TypeError(f"searchsorted: sorter must have an integer dtype, got {s.dtype}")
        if s.shape != a.shape:
            raise ValueError(
                f"searchsorted: sorter must have x1's shape {a.shape}, got shape {s.shape}"
            )
        if s.dtype != _INT64:
            s = s.astype(_INT64)
    out = backend.searchsorted(a, v, side=side, sorter=s)
    return wrap(out.astype(_INT64, copy=False), device)


def _where_operand(value: Any, target: Any, backend: Any, name: str) -> Any:
    if value.__class__ is Tensor:
        array = value._array
        return array if array.dtype == target else array.astype(target)
    if value.__class__ is int:
        check_scalar(value, target, "where", name)
    return backend.asarray(value, dtype=target)


def where(
    condition: Tensor,
    x1: Tensor | int | float | complex | bool,
    x2: Tensor | int | float | complex | bool,
    /,
) -> Tensor:
    """Elements of ``x1`` where ``condition`` is True, of ``x2`` elsewhere (broadcast).

    Parameters
    ----------
    condition
        A bool tensor.
    x1, x2
        Tensors or Python scalars (at least one a tensor). The result dtype is the
        promotion of the two (a scalar takes the dtype the standard gives it).

    Returns
    -------
    Tensor
        A new tensor of the broadcast shape, on the inputs' device.

    Raises
    ------
    TypeError
        ``condition`` is not a bool tensor, both ``x1`` and ``x2`` are scalars, or an
        argument is neither a tensor nor a Python scalar.
    ValueError
        The tensors are on different devices or do not broadcast.

    Examples
    --------
    >>> x = xp.asarray([-1.0, 2.0, -3.0])
    >>> xp.where(x > 0, x, 0.0)
    tensor([0., 2., 0.])
    >>> xp.where(xp.asarray([True, False]), xp.asarray([1, 2]), xp.asarray([[10], [20]]))
    tensor([[ 1, 10],
            [ 1, 20]])
    """
    if condition.__class__ is not Tensor:
        raise not_a_tensor("where", condition, "condition")
    c = condition._array
    device = condition._device
    if c.dtype != _BOOL:
        raise TypeError(
            f"where: condition must be a bool tensor, got dtype {condition.dtype.name} "
            "(compare it, e.g. x != 0, to make one)"
        )
    if isinstance(x1, Tensor):
        if x1._device is not device:
            raise device_mismatch("where", device, x1._device)
        if isinstance(x2, Tensor):
            if x2._device is not device:
                raise device_mismatch("where", device, x2._device)
            a = x1._array
            b = x2._array
            if a.dtype == b.dtype:  # the common case: nothing to promote or cast
                return wrap(device.backend.where(c, a, b), device)
            dtype = promote(x1.dtype, x2.dtype)
        elif isinstance(x2, _SCALARS):
            dtype = scalar_result(x1.dtype, x2)
        else:
            raise TypeError(
                f"where: x2 must be a Tensor or a Python scalar, got {type(x2).__name__}"
            )
    elif isinstance(x2, Tensor):
        if x2._device is not device:
            raise device_mismatch("where", device, x2._device)
        if not isinstance(x1, _SCALARS):
            raise TypeError(
                f"where: x1 must be a Tensor or a Python scalar, got {type(x1).__name__}"
            )
        dtype = scalar_result(x2.dtype, x1)
    else:
        raise TypeError(
            f"where: at least one of x1 and x2 must be a Tensor, got {type(x1).__name__} "
            f"and {type(x2).__name__}"
        )
    backend = device.backend
    target = dtype.numpy
    a = _where_operand(x1, target, backend, "x1")
    b = _where_operand(x2, target, backend, "x2")
    return wrap(backend.where(c, a, b), device)
