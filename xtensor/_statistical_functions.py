"""Statistical functions of the standard: sums, products, extrema, means, variances.

Every function takes one tensor and returns a new tensor on the same device,
computed by the backend's reduction (NumPy on the CPU, CuPy on CUDA).

Accumulation dtypes (``sum``, ``prod``, ``cumulative_sum``, ``cumulative_prod``)
follow the standard: with ``dtype=None`` integers narrower than the default
integer accumulate in ``int64`` (signed, and bool) or ``uint64`` (unsigned), and
floating-point dtypes keep their own. ``mean``, ``var`` and ``std`` of integers
(and bool) give the default float, ``float64``.

One extension of the standard's signatures: ``mean`` takes ``dtype=`` (a
floating-point result dtype), as NumPy's and PyTorch's do and as Cubed passes it to
its backend; strict mode refuses it.
"""

from __future__ import annotations

import math
from typing import Any

from ._arguments import (
    check_bool,
    check_dtype,
    check_real,
    normalize_axes,
    normalize_axis,
    not_a_tensor,
)
from ._backend import numpy as np
from ._dtypes import DType
from ._tensor import Tensor, wrap

__all__ = [
    "cumulative_prod",
    "cumulative_sum",
    "max",
    "mean",
    "min",
    "prod",
    "std",
    "sum",
    "var",
]

_Axis = int | tuple[int, ...] | None

_INT64 = np.dtype("int64")
_UINT64 = np.dtype("uint64")
_FLOAT64 = np.dtype("float64")

# The dtype sum, prod and cumulative_* accumulate in when dtype is None.
_ACCUMULATION: dict[Any, Any] = {
    np.dtype(name): np.dtype(name)
    for name in ("int64", "uint64", "float16", "float32", "float64", "complex64", "complex128")
}
_ACCUMULATION.update({np.dtype(n): _INT64 for n in ("bool", "int8", "int16", "int32")})
_ACCUMULATION.update({np.dtype(n): _UINT64 for n in ("uint8", "uint16", "uint32")})


def _accumulation_dtype(a: Any, dtype: DType | None, func: str) -> Any:
    if dtype is None:
        return _ACCUMULATION[a.dtype]
    target = check_dtype(dtype, func).numpy
    if a.dtype.kind == "c" and target.kind != "c":
        raise TypeError(
            f"{func}: cannot accumulate a {a.dtype} tensor in dtype {target}: "
            "that would discard the imaginary parts; pass a complex dtype"
        )
    return target


def _reduced_count(shape: tuple[int, ...], axes: tuple[int, ...] | None) -> int:
    """How many elements each result element is reduced from."""
    if axes is None:
        return math.prod(shape)
    return math.prod(shape[i] for i in axes)


def _reduced_shape(
    shape: tuple[int, ...], axes: tuple[int, ...] | None, keepdims: bool
) -> tuple[int, ...]:
    if axes is None:
        return (1,) * len(shape) if keepdims else ()
    if keepdims:
        return tuple(1 if i in axes else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in axes)


def _nan_result(x: Tensor, axes: tuple[int, ...] | None, keepdims: bool, dtype: Any) -> Tensor:
    """A tensor of NaN (NaN + NaN j for complex) shaped like the reduction's result."""
    a = x._array
    value = complex(math.nan, math.nan) if dtype.kind == "c" else math.nan
    out = x._device.backend.full(_reduced_shape(a.shape, axes, keepdims), value, dtype=dtype)
    return wrap(out, x._device)


def sum(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    dtype: DType | None = None,
    keepdims: bool = False,
) -> Tensor:
    """The sum of the elements of ``x``, over all of them or along ``axis``.

    Parameters
    ----------
    x
        Input tensor (numeric; bool counts as integers).
    axis
        Axis or axes to reduce; None reduces over all axes.
    dtype
        The result's dtype, in which the sum is computed. None: ``x``'s dtype, except
        that integers narrower than 64 bits accumulate in ``int64`` / ``uint64``.
    keepdims
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device; 0 for an empty sum.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``dtype`` would drop the imaginary part.
    IndexError, ValueError
        An axis out of range or repeated (``AxisError`` is both).

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]], dtype=xp.int8)
    >>> xp.sum(x)
    tensor(10)
    >>> xp.sum(x, axis=0)
    tensor([4, 6])
    >>> xp.sum(x, axis=1, keepdims=True, dtype=xp.float32)
    tensor([[3.],
            [7.]], dtype=xtensor.float32)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("sum", x)
    a = x._array
    dt = _ACCUMULATION[a.dtype] if dtype is None else _accumulation_dtype(a, dtype, "sum")
    if axis is not None:
        axis = normalize_axes(axis, a.ndim, "sum")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "sum", "keepdims")
    return wrap(a.sum(axis=axis, dtype=dt, keepdims=keepdims), x._device)


def prod(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    dtype: DType | None = None,
    keepdims: bool = False,
) -> Tensor:
    """The product of the elements of ``x``, over all of them or along ``axis``.

    Parameters
    ----------
    x : Tensor
        A numeric tensor (bool counts as integers).
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    dtype : DType or None
        The result's dtype, in which the product is computed. None: ``x``'s dtype,
        except that integers narrower than 64 bits accumulate in ``int64`` /
        ``uint64``.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device; 1 for an empty product.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``dtype`` would drop the imaginary part.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]], dtype=xp.int8)
    >>> xp.prod(x)
    tensor(24)
    >>> xp.prod(x, axis=0, dtype=xp.int8)
    tensor([3, 8], dtype=xtensor.int8)
    >>> xp.prod(xp.asarray([]))
    tensor(1.)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("prod", x)
    a = x._array
    dt = _ACCUMULATION[a.dtype] if dtype is None else _accumulation_dtype(a, dtype, "prod")
    if axis is not None:
        axis = normalize_axes(axis, a.ndim, "prod")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "prod", "keepdims")
    return wrap(a.prod(axis=axis, dtype=dt, keepdims=keepdims), x._device)


def _extremum(func: str, x: Tensor, axis: _Axis) -> tuple[Any, Any]:
    if x.__class__ is not Tensor:
        raise not_a_tensor(func, x)
    a = x._array
    if a.dtype.kind == "c":
        raise TypeError(
            f"{func}: complex numbers have no order; got a {a.dtype} tensor "
            "(compare abs(x), real(x) or imag(x) instead)"
        )
    axes = None if axis is None else normalize_axes(axis, a.ndim, func)
    if a.size == 0 and _reduced_count(a.shape, axes) == 0:
        raise ValueError(
            f"{func}: cannot reduce zero elements (shape {a.shape}, axis {axis!r}): "
            f"the {func}imum of nothing is undefined"
        )
    return a, axes


def max(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """The largest element of ``x``, over all of them or along ``axis``; NaN propagates.

    Parameters
    ----------
    x : Tensor
        A real-valued or bool tensor.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor of ``x``'s dtype on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or is complex (complex numbers have no order).
    ValueError
        A reduction over zero elements (the maximum of nothing is undefined).
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 5], [7, 2]])
    >>> xp.max(x)
    tensor(7)
    >>> xp.max(x, axis=0)
    tensor([7, 5])
    >>> xp.max(xp.asarray([1.0, xp.nan]))
    tensor(nan)
    """
    a, axes = _extremum("max", x, axis)
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "max", "keepdims")
    return wrap(a.max(axis=axes, keepdims=keepdims), x._device)


def min(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """The smallest element of ``x``, over all of them or along ``axis``; NaN propagates.

    Parameters
    ----------
    x : Tensor
        A real-valued or bool tensor.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor of ``x``'s dtype on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or is complex (complex numbers have no order).
    ValueError
        A reduction over zero elements (the minimum of nothing is undefined).
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 5], [7, 2]])
    >>> xp.min(x)
    tensor(1)
    >>> xp.min(x, axis=1)
    tensor([1, 2])
    >>> xp.min(xp.asarray([], dtype=xp.int32))
    Traceback (most recent call last):
        ...
    ValueError: min: cannot reduce zero elements (shape (0,), axis None): the minimum of nothing ...
    """
    a, axes = _extremum("min", x, axis)
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "min", "keepdims")
    return wrap(a.min(axis=axes, keepdims=keepdims), x._device)


def mean(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    keepdims: bool = False,
    dtype: DType | None = None,
) -> Tensor:
    """The arithmetic mean of ``x``, over all of its elements or along ``axis``.

    The mean of zero elements is NaN (NaN + NaN j for complex), without a warning.

    Parameters
    ----------
    x : Tensor
        A numeric or bool tensor.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    keepdims : bool
        Keep the reduced axes as axes of size one.
    dtype : DType or None
        An extension (the standard's ``mean`` has no ``dtype``; NumPy's and PyTorch's
        do, and Cubed passes one): a floating-point dtype for the result, in which the
        mean is computed. None: as the standard says (below). Strict mode refuses it.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. Floating-point tensors keep their dtype;
        integer and bool tensors give float64; ``dtype``, when given, is the result's.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor; ``dtype`` is not floating-point (NumPy would truncate
        the mean to an integer, PyTorch refuses) or would drop the imaginary part.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 5]])
    >>> xp.mean(x)
    tensor(2.75)
    >>> xp.mean(xp.astype(x, xp.float32), axis=1, keepdims=True)
    tensor([[1.5],
            [4. ]], dtype=xtensor.float32)
    >>> xp.mean(xp.asarray([]))
    tensor(nan)
    >>> xp.mean(xp.asarray([1, 2], dtype=xp.int8), dtype=xp.float32)
    tensor(1.5, dtype=xtensor.float32)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("mean", x)
    a = x._array
    axes = None if axis is None else normalize_axes(axis, a.ndim, "mean")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "mean", "keepdims")
    if dtype is None:
        dt = None if a.dtype.kind in "fc" else _FLOAT64
    else:
        dt = _accumulation_dtype(a, dtype, "mean")
        if dt.kind not in "fc":
            raise TypeError(
                f"mean: dtype must be a floating-point dtype, got {dt}: NumPy truncates the "
                "mean to an integer and PyTorch refuses, so xtensor does not choose"
            )
    if a.size == 0 and _reduced_count(a.shape, axes) == 0:
        return _nan_result(x, axes, keepdims, a.dtype if dt is None else dt)
    return wrap(a.mean(axis=axes, dtype=dt, keepdims=keepdims), x._device)


def _variance(
    func: str, x: Tensor, axis: _Axis, correction: int | float, keepdims: bool
) -> tuple[Any, Any, Any, int | float, bool, Tensor | None]:
    """(array, axes, dtype, ddof, keepdims, the NaN result when ``M - correction <= 0``
    else None)."""
    if x.__class__ is not Tensor:
        raise not_a_tensor(func, x)
    cls = correction.__class__
    if not ((cls is float or cls is int) and 0 <= correction < math.inf):
        correction = check_real(correction, func, "correction", minimum=0, finite=True)
    a = x._array
    axes = None if axis is None else normalize_axes(axis, a.ndim, func)
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, func, "keepdims")
    kind = a.dtype.kind
    dt = None if kind in "fc" else _FLOAT64
    if _reduced_count(a.shape, axes) - correction <= 0:
        # The standard: NaN when M - correction <= 0 (NumPy gives inf and warns).
        result_dtype = dt if dt is not None else (a.real.dtype if kind == "c" else a.dtype)
        return a, axes, dt, 0, keepdims, _nan_result(x, axes, keepdims, result_dtype)
    return a, axes, dt, _ddof(correction), keepdims, None


def _ddof(correction: int | float) -> int | float:
    """``correction`` as NumPy's ``ddof`` (an int when it is whole: NumPy is faster so)."""
    if correction.__class__ is float and correction.is_integer():
        return int(correction)
    return correction


def var(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    correction: int | float = 0.0,
    keepdims: bool = False,
) -> Tensor:
    """The variance of ``x``, over all of its elements or along ``axis``.

    The divisor is ``M - correction`` for ``M`` elements (``correction=1`` gives the
    unbiased sample variance). When ``M - correction <= 0`` the result is NaN.

    Parameters
    ----------
    x : Tensor
        A numeric or bool tensor.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    correction : int or float
        Subtracted from the number of elements in the divisor.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. Floating-point tensors keep their dtype
        (complex gives its real dtype); integer and bool tensors give float64.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``correction`` is not a real number.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1.0, 2.0], [3.0, 6.0]])
    >>> xp.var(x)
    tensor(3.5)
    >>> xp.var(x, axis=0, correction=1)
    tensor([2., 8.])
    """
    a, axes, dt, ddof, keepdims, nan = _variance("var", x, axis, correction, keepdims)
    if nan is not None:
        return nan
    return wrap(a.var(axis=axes, dtype=dt, ddof=ddof, keepdims=keepdims), x._device)


def std(
    x: Tensor,
    /,
    *,
    axis: int | tuple[int, ...] | None = None,
    correction: int | float = 0.0,
    keepdims: bool = False,
) -> Tensor:
    """The standard deviation of ``x``: the square root of ``var`` with the same arguments.

    Parameters
    ----------
    x : Tensor
        A numeric or bool tensor.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    correction : int or float
        Subtracted from the number of elements ``M`` in the divisor: 0 for the
        population, 1 for the sample standard deviation.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device, of ``x``'s floating dtype (the real one for
        complex, float64 for integers and bool); NaN where ``M - correction <= 0``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``correction`` is not a real number.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([1.0, 2.0, 3.0, 4.0])
    >>> xp.std(x)
    tensor(1.11803399)
    >>> xp.std(x, correction=1)
    tensor(1.29099445)
    """
    a, axes, dt, ddof, keepdims, nan = _variance("std", x, axis, correction, keepdims)
    if nan is not None:
        return nan
    return wrap(a.std(axis=axes, dtype=dt, ddof=ddof, keepdims=keepdims), x._device)


def _cumulative(
    func: str,
    method: str,
    identity: int,
    x: Tensor,
    axis: int | None,
    dtype: DType | None,
    include_initial: bool,
) -> Tensor:
    if x.__class__ is not Tensor:
        raise not_a_tensor(func, x)
    a = x._array
    ndim = a.ndim
    if axis is None:
        if ndim != 1:
            if ndim == 0:
                raise ValueError(f"{func}: needs a tensor with at least one dimension, got 0-d")
            raise ValueError(
                f"{func}: axis is required for a {ndim}-d tensor (it may be omitted "
                "only for 1-d tensors)"
            )
        axis = 0
    else:
        axis = normalize_axis(axis, ndim, func)
    dt = _ACCUMULATION[a.dtype] if dtype is None else _accumulation_dtype(a, dtype, func)
    if include_initial.__class__ is not bool:
        include_initial = check_bool(include_initial, func, "include_initial")
    if not include_initial:
        return wrap(getattr(a, method)(axis=axis, dtype=dt), x._device)
    shape = list(a.shape)
    shape[axis] += 1
    out = x._device.backend.empty(tuple(shape), dtype=dt)
    before = (slice(None),) * axis
    out[(*before, 0)] = identity
    getattr(a, method)(axis=axis, dtype=dt, out=out[(*before, slice(1, None))])
    return wrap(out, x._device)


def cumulative_sum(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DType | None = None,
    include_initial: bool = False,
) -> Tensor:
    """The running sums of ``x`` along ``axis``.

    Parameters
    ----------
    x
        Input tensor with at least one dimension.
    axis
        The axis to accumulate along; may be omitted only for 1-d tensors.
    dtype
        As for ``sum``.
    include_initial
        Start each run with the additive identity (0), making that axis one longer.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``dtype`` would drop the imaginary part.
    ValueError
        ``x`` is 0-d, or ``axis`` is omitted for a tensor of more than one dimension.
    IndexError, ValueError
        An axis out of range.

    Examples
    --------
    >>> xp.cumulative_sum(xp.asarray([1, 2, 3]))
    tensor([1, 3, 6])
    >>> xp.cumulative_sum(xp.asarray([1, 2, 3]), include_initial=True)
    tensor([0, 1, 3, 6])
    >>> x = xp.asarray([[1, 2], [3, 4]], dtype=xp.uint8)
    >>> xp.cumulative_sum(x, axis=1)
    tensor([[1, 3],
            [3, 7]], dtype=xtensor.uint64)
    """
    return _cumulative("cumulative_sum", "cumsum", 0, x, axis, dtype, include_initial)


def cumulative_prod(
    x: Tensor,
    /,
    *,
    axis: int | None = None,
    dtype: DType | None = None,
    include_initial: bool = False,
) -> Tensor:
    """The running products of ``x`` along ``axis``.

    Parameters
    ----------
    x : Tensor
        A numeric or bool tensor with at least one dimension.
    axis : int or None
        The axis to accumulate along; may be omitted only for 1-d tensors.
    dtype : DType or None
        As for ``sum``: the dtype in which the products are computed and returned.
    include_initial : bool
        Start each run with the multiplicative identity (1), making that axis one
        longer.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``dtype`` would drop the imaginary part.
    ValueError
        ``x`` is 0-d, or ``axis`` is omitted for a tensor of more than one dimension.
    IndexError, ValueError
        An axis out of range.

    Examples
    --------
    >>> xp.cumulative_prod(xp.asarray([1, 2, 3, 4]))
    tensor([ 1,  2,  6, 24])
    >>> xp.cumulative_prod(xp.asarray([[1.0, 2.0], [3.0, 4.0]]), axis=0, include_initial=True)
    tensor([[1., 1.],
            [1., 2.],
            [3., 8.]])
    """
    return _cumulative("cumulative_prod", "cumprod", 1, x, axis, dtype, include_initial)
