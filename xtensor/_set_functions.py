"""Set functions of the array API standard 2025.12: ``isin`` and the four ``unique_*``.

Uniqueness is value equality (``==``): every NaN (and every complex value with a NaN
component) is distinct from every other, with a count of one; ``-0.0`` and ``+0.0``
are one value. Unique values come sorted in ascending order (NaNs last), and the
input is flattened in row-major order first.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ._arguments import check_bool, check_scalar, not_a_tensor, show
from ._backend import numpy as np
from ._dtypes import from_numpy, promote, scalar_result
from ._tensor import Tensor, device_mismatch, wrap

__all__ = [
    "isin",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
    "UniqueAllResult",
    "UniqueCountsResult",
    "UniqueInverseResult",
]

_I64 = np.dtype("int64")
_BOOL = np.dtype("bool")


class UniqueAllResult(NamedTuple):
    """``unique_all``'s result: a named tuple of four tensors.

    Attributes
    ----------
    values : Tensor
        The sorted unique values, 1-d, of the input's dtype.
    indices : Tensor
        The flat (row-major) index of each value's first occurrence, int64.
    inverse_indices : Tensor
        For each input element, the index of its value in ``values``, int64, of the
        input's shape.
    counts : Tensor
        How often each value occurs, int64.

    Examples
    --------
    >>> r = xp.unique_all(xp.asarray([3, 1, 3]))
    >>> r.values, r.counts
    (tensor([1, 3]), tensor([1, 2]))
    >>> values, indices, inverse_indices, counts = r
    >>> indices
    tensor([1, 0])
    """

    values: Tensor
    indices: Tensor
    inverse_indices: Tensor
    counts: Tensor


class UniqueCountsResult(NamedTuple):
    """``unique_counts``'s result: a named tuple of two tensors.

    Attributes
    ----------
    values : Tensor
        The sorted unique values, 1-d, of the input's dtype.
    counts : Tensor
        How often each value occurs, int64.

    Examples
    --------
    >>> values, counts = xp.unique_counts(xp.asarray([3, 1, 3]))
    >>> counts
    tensor([1, 2])
    """

    values: Tensor
    counts: Tensor


class UniqueInverseResult(NamedTuple):
    """``unique_inverse``'s result: a named tuple of two tensors.

    Attributes
    ----------
    values : Tensor
        The sorted unique values, 1-d, of the input's dtype.
    inverse_indices : Tensor
        For each input element, the index of its value in ``values``, int64, of the
        input's shape.

    Examples
    --------
    >>> r = xp.unique_inverse(xp.asarray([3, 1, 3]))
    >>> r.inverse_indices
    tensor([1, 0, 1])
    """

    values: Tensor
    inverse_indices: Tensor


def _array(x: Any, what: str) -> Any:
    if x.__class__ is not Tensor:
        raise not_a_tensor(what, x)
    return x._array


def _unique(x: Tensor, what: str, index: bool, inverse: bool, counts: bool) -> Any:
    a = _array(x, what)
    return x._device.backend.unique(
        a.ravel(),
        return_index=index,
        return_inverse=inverse,
        return_counts=counts,
        equal_nan=False,
    )


def unique_all(x: Tensor, /) -> UniqueAllResult:
    """The unique values of ``x``, where each first occurs, how to rebuild ``x``, and
    how often each occurs.

    Values are compared with ``==``: each NaN is distinct (a count of one), ``-0.0``
    and ``0.0`` are one value. The result's length depends on the values, so on CUDA
    this waits for the device.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype and shape (flattened in row-major order).

    Returns
    -------
    UniqueAllResult
        ``(values, indices, inverse_indices, counts)``: the sorted 1-d unique values
        (``x``'s dtype, NaNs last); the flat index of each one's first occurrence; for
        each element of ``x`` the index of its value in ``values`` (``x``'s shape); and
        the number of occurrences. Indices and counts are int64. New tensors on ``x``'s
        device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.

    Examples
    --------
    >>> r = xp.unique_all(xp.asarray([2, 1, 2, 2]))
    >>> r.values, r.indices
    (tensor([1, 2]), tensor([1, 0]))
    >>> r.inverse_indices, r.counts
    (tensor([1, 0, 1, 1]), tensor([1, 3]))
    """
    values, indices, inverse, counts = _unique(x, "unique_all", True, True, True)
    dev = x._device
    return UniqueAllResult(
        wrap(values, dev),
        wrap(indices.astype(_I64, copy=False), dev),
        wrap(inverse.astype(_I64, copy=False).reshape(x._array.shape), dev),
        wrap(counts.astype(_I64, copy=False), dev),
    )


def unique_counts(x: Tensor, /) -> UniqueCountsResult:
    """The unique values of ``x`` and how often each occurs.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype and shape (flattened in row-major order).

    Returns
    -------
    UniqueCountsResult
        ``(values, counts)`` as in ``unique_all``; new tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.

    Examples
    --------
    >>> xp.unique_counts(xp.asarray([1.0, xp.nan, 1.0, xp.nan]))
    UniqueCountsResult(values=tensor([ 1., nan, nan]), counts=tensor([2, 1, 1]))
    """
    values, counts = _unique(x, "unique_counts", False, False, True)
    dev = x._device
    return UniqueCountsResult(wrap(values, dev), wrap(counts.astype(_I64, copy=False), dev))


def unique_inverse(x: Tensor, /) -> UniqueInverseResult:
    """The unique values of ``x`` and the indices into them that rebuild ``x``.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype and shape (flattened in row-major order).

    Returns
    -------
    UniqueInverseResult
        ``(values, inverse_indices)`` as in ``unique_all``: ``inverse_indices`` has
        ``x``'s shape and ``values[inverse_indices]`` equals ``x`` (up to the sign of
        zeros). New tensors on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.

    Examples
    --------
    >>> x = xp.asarray([[5, 3], [3, 5]])
    >>> values, inverse = xp.unique_inverse(x)
    >>> values
    tensor([3, 5])
    >>> inverse
    tensor([[1, 0],
            [0, 1]])
    >>> xp.take(values, xp.reshape(inverse, (-1,)))
    tensor([5, 3, 3, 5])
    """
    values, inverse = _unique(x, "unique_inverse", False, True, False)
    dev = x._device
    return UniqueInverseResult(
        wrap(values, dev), wrap(inverse.astype(_I64, copy=False).reshape(x._array.shape), dev)
    )


def unique_values(x: Tensor, /) -> Tensor:
    """The unique values of ``x``, sorted, as a 1-d tensor of ``x``'s dtype.

    Values are compared with ``==``: each NaN is distinct and comes last, ``-0.0`` and
    ``0.0`` are one value (which sign it keeps is not specified, by the standard or by
    NumPy, whose answer differs between versions).

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype and shape.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.

    Examples
    --------
    >>> xp.unique_values(xp.asarray([[3, 1], [3, 2]]))
    tensor([1, 2, 3])
    >>> xp.abs(xp.unique_values(xp.asarray([xp.nan, 0.0, -0.0, xp.nan])))
    tensor([ 0., nan, nan])
    """
    return wrap(_unique(x, "unique_values", False, False, False), x._device)


def isin(x1: Tensor | int, x2: Tensor | int, /, *, invert: bool = False) -> Tensor:
    """For each element of ``x1``, whether it equals some element of ``x2``.

    Parameters
    ----------
    x1, x2
        Tensors, or one of them a Python int. Values compare after promotion to a common
        dtype (an int takes the tensor's dtype); NaN is in nothing.
    invert
        Test "not in" instead.

    Returns
    -------
    Tensor
        bool of ``x1``'s shape (0-d when ``x1`` is an int); a new tensor on the
        tensors' device.

    Raises
    ------
    TypeError
        Neither argument is a Tensor, or one is neither a Tensor nor an int.
    ValueError
        The tensors are on different devices.

    Examples
    --------
    >>> xp.isin(xp.asarray([1, 2, 3, 4]), xp.asarray([2, 4]))
    tensor([False,  True, False,  True])
    >>> xp.isin(xp.asarray([1.0, xp.nan]), xp.asarray([1.0, xp.nan]), invert=True)
    tensor([False,  True])
    >>> xp.isin(2, xp.asarray([1, 2]))
    tensor(True)
    """
    t = x1 if x1.__class__ is Tensor else x2
    if t.__class__ is not Tensor:
        raise TypeError(
            f"isin: expected at least one Tensor, got {type(x1).__name__} and {type(x2).__name__}"
        )
    dev = t._device
    xb = dev.backend
    a = _isin_operand(x1, t, "x1")
    b = _isin_operand(x2, t, "x2")
    if invert.__class__ is not bool:
        invert = check_bool(invert, "isin", "invert")
    if a is None:  # an int x1 outside the range of x2's dtype equals nothing there
        return wrap(xb.full_like(b, invert, dtype=_BOOL, shape=()), dev)
    if b is None:  # likewise an int x2 outside the range of x1's dtype
        return wrap(xb.full_like(a, invert, dtype=_BOOL), dev)
    if a.dtype != b.dtype:
        common = promote(from_numpy(a.dtype), from_numpy(b.dtype)).numpy
        a = a.astype(common)
        b = b.astype(common)
    return wrap(xb.isin(a, b, invert=invert), dev)


def _isin_operand(value: Any, t: Tensor, name: str) -> Any:
    """The backend array for ``value`` (a Tensor, or an int taking ``t``'s dtype), or
    None for an int outside the range of that integer dtype."""
    if value.__class__ is Tensor:
        if value._device is not t._device:
            raise device_mismatch("isin", t._device, value._device)
        return value._array
    if isinstance(value, int) and not isinstance(value, bool):
        dtype = scalar_result(t.dtype, value).numpy
        if dtype.kind in "iu":
            info = np.iinfo(dtype)
            if not info.min <= value <= info.max:
                return None
        value = check_scalar(value, dtype, "isin", name)
        return t._device.backend.full_like(t._array, value, dtype=dtype, shape=())
    raise TypeError(f"isin: {name} must be a Tensor or an int, got {show(value)}")
