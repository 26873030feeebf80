"""Linear algebra functions of the standard's main namespace: matmul,
matrix_transpose, tensordot and vecdot.

Two tensors of different dtypes are cast to their promoted dtype (xtensor's table)
before the backend computes; ``matrix_transpose`` is a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._arguments import AxisError, check_int, normalize_axes, not_a_tensor, show
from ._devices import CPU, Device
from ._dtypes import promote
from ._manipulation_functions import broadcast_shape
from ._tensor import Tensor, device_mismatch, wrap

__all__ = ["matmul", "matrix_transpose", "tensordot", "vecdot"]


def _operands(func: str, x1: Tensor, x2: Tensor) -> tuple[Any, Any, Device]:
    """The backend arrays of ``x1`` and ``x2``, cast to their promoted dtype."""
    if x1.__class__ is not Tensor:
        raise not_a_tensor(func, x1, "x1")
    if x2.__class__ is not Tensor:
        raise not_a_tensor(func, x2, "x2")
    device = x1._device
    if x2._device is not device:
        raise device_mismatch(func, device, x2._device)
    a = x1._array
    b = x2._array
    if a.dtype != b.dtype:
        target = promote(x1.dtype, x2.dtype).numpy
        if a.dtype != target:
            a = a.astype(target)
        if b.dtype != target:
            b = b.astype(target)
    return a, b, device


def matmul(x1: Tensor, x2: Tensor, /) -> Tensor:
    """The matrix product of ``x1`` and ``x2`` (the ``@`` operator), over stacks of matrices.

    Parameters
    ----------
    x1, x2 : Tensor
        Numeric tensors on one device, of at least one dimension each: ``(..., M, K)``
        and ``(..., K, N)``. A 1-d ``x1`` acts as a row vector and a 1-d ``x2`` as a
        column vector; the dimension added for that is removed from the result. Stack
        dimensions broadcast. Complex inputs are not conjugated.

    Returns
    -------
    Tensor
        A new tensor of the promoted dtype on the inputs' device.

    Raises
    ------
    TypeError
        An argument is not a Tensor.
    ValueError
        A 0-d argument, contracted dimensions of different sizes, stack shapes that
        do not broadcast, or tensors on different devices.

    Examples
    --------
    >>> a = xp.asarray([[1, 2], [3, 4]])
    >>> xp.matmul(a, a)
    tensor([[ 7, 10],
            [15, 22]])
    >>> xp.matmul(a, xp.asarray([1.0, -1.0]))
    tensor([-1., -1.])
    >>> xp.matmul(a, xp.ones((3, 1)))
    Traceback (most recent call last):
        ...
    ValueError: matmul: the contracted dimensions differ: x1 of shape (2, 2) has 2 columns but ...
    """
    a, b, device = _operands("matmul", x1, x2)
    try:
        return wrap(device.backend.matmul(a, b), device)
    except ValueError:
        pass  # say why below
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError(
            f"matmul: both tensors need at least one dimension, got shapes {a.shape} and {b.shape}"
        )
    k1 = a.shape[-1]
    k2 = b.shape[-2] if b.ndim > 1 else b.shape[0]
    if k1 != k2:
        raise ValueError(
            f"matmul: the contracted dimensions differ: x1 of shape {a.shape} has {k1} "
            f"columns but x2 of shape {b.shape} has {k2} rows"
        )
    broadcast_shape((a.shape[:-2], b.shape[:-2]), "matmul")
    raise ValueError(f"matmul: cannot multiply tensors of shapes {a.shape} and {b.shape}")


def matrix_transpose(x: Tensor, /) -> Tensor:
    """Each matrix of ``x`` transposed: the last two axes swapped.

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, N)``.

    Returns
    -------
    Tensor
        A view of ``x`` (sharing its memory, on its device) of shape ``(..., N, M)``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        ``x`` has fewer than two dimensions.

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> t = xp.matrix_transpose(x)
    >>> t
    tensor([[1, 4],
            [2, 5],
            [3, 6]])
    >>> t[0, 1] = 40
    >>> x
    tensor([[ 1,  2,  3],
            [40,  5,  6]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("matrix_transpose", x)
    a = x._array
    if a.ndim < 2:
        raise ValueError(
            f"matrix_transpose: needs a tensor with at least 2 dimensions, got shape {a.shape}"
        )
    return wrap(a.swapaxes(-1, -2), x._device)


def tensordot(
    x1: Tensor,
    x2: Tensor,
    /,
    *,
    axes: int | tuple[Sequence[int], Sequence[int]] = 2,
) -> Tensor:
    """The contraction of ``x1`` and ``x2`` over the given axes (a generalised matrix product).

    Parameters
    ----------
    x1, x2
        Input tensors.
    axes
        An int ``N``: contract the last ``N`` axes of ``x1`` with the first ``N`` of
        ``x2`` (0 gives the outer product). Or two sequences of axes, of equal length,
        paired in order. Contracted axes must have equal sizes (no broadcasting).

    Returns
    -------
    Tensor
        A new tensor of the promoted dtype on the inputs' device: the uncontracted
        axes of ``x1`` followed by those of ``x2``.

    Raises
    ------
    TypeError
        An argument is not a Tensor, or ``axes`` is neither an int nor two sequences.
    ValueError
        A negative or too large ``N``, sequences of different lengths, contracted
        axes of different sizes, or tensors on different devices.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> a = xp.reshape(xp.arange(6), (2, 3))
    >>> b = xp.reshape(xp.arange(12), (3, 4))
    >>> xp.tensordot(a, b, axes=1)
    tensor([[20, 23, 26, 29],
            [56, 68, 80, 92]])
    >>> xp.tensordot(a, a, axes=([0, 1], [0, 1]))
    tensor(55)
    >>> xp.tensordot(xp.asarray([1, 2]), xp.asarray([3, 4]), axes=0)
    tensor([[3, 4],
            [6, 8]])
    """
    a, b, device = _operands("tensordot", x1, x2)
    if isinstance(axes, (tuple, list)) and len(axes) == 2:
        first = normalize_axes(_sequence(axes[0]), a.ndim, "tensordot", "axes")
        second = normalize_axes(_sequence(axes[1]), b.ndim, "tensordot", "axes")
        if len(first) != len(second):
            raise ValueError(
                f"tensordot: the two sequences of axes must have the same length, got {axes!r}"
            )
    else:
        try:
            count = check_int(axes, "tensordot", "axes")
        except TypeError:
            raise TypeError(
                "tensordot: axes must be a non-negative int or two sequences of axes, "
                f"got {show(axes)}"
            ) from None
        if count < 0:
            raise ValueError(f"tensordot: an int axes must be non-negative, got {show(count)}")
        if count > a.ndim or count > b.ndim:
            raise ValueError(
                f"tensordot: cannot contract {show(count)} axes of tensors of shapes {a.shape} "
                f"and {b.shape}"
            )
        first = tuple(range(a.ndim - count, a.ndim))
        second = tuple(range(count))
    for i, j in zip(first, second, strict=True):
        if a.shape[i] != b.shape[j]:
            raise ValueError(
                f"tensordot: axis {i} of x1 (shape {a.shape}) has size {a.shape[i]} but "
                f"axis {j} of x2 (shape {b.shape}) has size {b.shape[j]}; contracted axes "
                "must have equal sizes"
            )
    return wrap(device.backend.tensordot(a, b, axes=(first, second)), device)


def _sequence(axes: Any) -> Any:
    """One side of tensordot's ``axes``: a sequence of ints (a bare int counts as one)."""
    if isinstance(axes, (tuple, list)):
        return axes
    if isinstance(axes, Sequence) and not isinstance(axes, str):
        return tuple(axes)
    return axes  # an int, or something normalize_axes refuses naming it


def vecdot(x1: Tensor, x2: Tensor, /, *, axis: int = -1) -> Tensor:
    """The dot products of the vectors of ``x1`` and ``x2`` along ``axis``: ``sum(conj(x1) * x2)``.

    Parameters
    ----------
    x1, x2
        Input tensors; the dimensions other than ``axis`` broadcast, ``axis`` itself
        must have one size in both. ``x1`` is conjugated when complex.
    axis
        A negative axis, counted from the end of each tensor, in ``[-N, -1]`` where
        ``N`` is the smaller rank. A non-negative axis is accepted when both tensors
        have the same rank.

    Returns
    -------
    Tensor
        A new tensor of the promoted dtype on the inputs' device, without ``axis``.

    Raises
    ------
    TypeError
        An argument is not a Tensor.
    ValueError
        ``axis`` sizes differ, shapes that do not broadcast, or different devices.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> x1 = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    >>> xp.vecdot(x1, xp.asarray([1.0, 1.0]))
    tensor([3., 7.])
    >>> xp.vecdot(xp.asarray([1j, 2.0]), xp.asarray([1j, 1.0]))
    tensor(3.+0.j)
    """
    a, b, device = _operands("vecdot", x1, x2)
    if axis.__class__ is not int:
        axis = check_int(axis, "vecdot", "axis")
    n = min(a.ndim, b.ndim)
    if 0 <= axis < n and a.ndim == b.ndim:
        axis -= n
    if not -n <= axis <= -1:
        raise AxisError(
            f"vecdot: axis {show(axis)} is out of range for tensors of shapes {a.shape} and "
            f"{b.shape} (expected {-n} <= axis <= -1, or 0 <= axis < ndim for tensors of "
            "one rank)",
            axis,
            n,
        )
    if a.shape[axis] != b.shape[axis]:
        raise ValueError(
            f"vecdot: axis {axis} has size {a.shape[axis]} in x1 (shape {a.shape}) but "
            f"{b.shape[axis]} in x2 (shape {b.shape}); it must have one size"
        )
    try:
        if device is CPU:
            return wrap(device.backend.vecdot(a, b, axis=axis), device)
        backend = device.backend
        conj_a = backend.conj(a) if a.dtype.kind == "c" else a
        return wrap(backend.sum(conj_a * b, axis=axis, dtype=a.dtype), device)
    except ValueError:
        broadcast_shape((_without(a.shape, axis), _without(b.shape, axis)), "vecdot")
        raise


def _without(shape: tuple[int, ...], axis: int) -> tuple[int, ...]:
    return shape[:axis] + shape[axis:][1:]
