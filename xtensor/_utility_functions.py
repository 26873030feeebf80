"""Utility functions of the standard: all, any and diff."""

from __future__ import annotations

from ._arguments import check_bool, check_count, normalize_axes, normalize_axis, not_a_tensor
from ._dtypes import promote
from ._tensor import Tensor, device_mismatch, wrap

__all__ = ["all", "any", "diff"]


def all(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """Whether every element of ``x`` is truthy (non-zero; NaN counts), over ``axis``.

    An empty reduction is True.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new bool tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 0], [2, 3]])
    >>> xp.all(x)
    tensor(False)
    >>> xp.all(x, axis=0)
    tensor([ True, False])
    >>> xp.all(xp.asarray([xp.nan]))
    tensor(True)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("all", x)
    a = x._array
    if axis is not None:
        axis = normalize_axes(axis, a.ndim, "all")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "all", "keepdims")
    return wrap(a.all(axis=axis, keepdims=keepdims), x._device)


def any(
    x: Tensor, /, *, axis: int | tuple[int, ...] | None = None, keepdims: bool = False
) -> Tensor:
    """Whether some element of ``x`` is truthy (non-zero; NaN counts), over ``axis``.

    An empty reduction is False.

    Parameters
    ----------
    x : Tensor
        A tensor of any dtype.
    axis : int, tuple of int, or None
        The axes to reduce (negative counts from the end); None reduces over all.
    keepdims : bool
        Keep the reduced axes as axes of size one.

    Returns
    -------
    Tensor
        A new bool tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[0, 0], [0, 3]])
    >>> xp.any(x)
    tensor(True)
    >>> xp.any(x, axis=1, keepdims=True)
    tensor([[False],
            [ True]])
    >>> xp.any(xp.asarray([]))
    tensor(False)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("any", x)
    a = x._array
    if axis is not None:
        axis = normalize_axes(axis, a.ndim, "any")
    if keepdims.__class__ is not bool:
        keepdims = check_bool(keepdims, "any", "keepdims")
    return wrap(a.any(axis=axis, keepdims=keepdims), x._device)


def diff(
    x: Tensor,
    /,
    *,
    axis: int = -1,
    n: int = 1,
    prepend: Tensor | None = None,
    append: Tensor | None = None,
) -> Tensor:
    """The ``n``-th forward differences of ``x`` along ``axis``: ``out[i] = x[i+1] - x[i]``.

    Parameters
    ----------
    x
        Input tensor with at least one dimension (for bool, differences are ``!=``).
    axis
        The axis to difference along.
    n
        How many times to difference (0 returns a copy of the joined input). Any
        ``n`` at least the length along ``axis`` answers at once, with an empty result.
    prepend, append
        Tensors joined before and after ``x`` along ``axis`` first; shaped like ``x``
        except along ``axis``. Mixed dtypes promote by the standard's table.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device; along ``axis`` of length
        ``M + N1 + N2 - n`` (or 0 when that is negative).

    Raises
    ------
    TypeError
        A non-tensor ``x``, ``prepend`` or ``append``, or a non-integer ``n``.
    ValueError
        ``x`` is 0-d, ``n`` is negative, shapes that do not join, or different devices.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> x = xp.asarray([1, 4, 9, 16])
    >>> xp.diff(x)
    tensor([3, 5, 7])
    >>> xp.diff(x, n=2)
    tensor([2, 2])
    >>> xp.diff(x, prepend=xp.asarray([0]))
    tensor([1, 3, 5, 7])
    >>> xp.diff(xp.asarray([[1, 2], [5, 3]]), axis=0)
    tensor([[4, 1]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("diff", x)
    a = x._array
    if a.ndim == 0:
        raise ValueError("diff: needs a tensor with at least one dimension, got 0-d")
    axis = normalize_axis(axis, a.ndim, "diff")
    if n.__class__ is not int or n < 0:
        n = check_count(n, "diff", "n")
    device = x._device
    parts = [t for t in (prepend, x, append) if t is not None]
    if len(parts) > 1:
        dtype = x.dtype
        for name, t in (("prepend", prepend), ("append", append)):
            if t is None:
                continue
            if t.__class__ is not Tensor:
                raise not_a_tensor("diff", t, name)
            if t._device is not device:
                raise device_mismatch("diff", device, t._device)
            shape = t._array.shape
            if len(shape) != a.ndim or shape[:axis] + shape[axis + 1 :] != (
                a.shape[:axis] + a.shape[axis + 1 :]
            ):
                raise ValueError(
                    f"diff: {name} has shape {t._array.shape} but x has shape {a.shape}: "
                    f"they must match except along axis {axis}"
                )
            dtype = promote(dtype, t.dtype)
        target = dtype.numpy
        backend = device.backend
        a = backend.concatenate(
            [t._array if t._array.dtype == target else t._array.astype(target) for t in parts],
            axis=axis,
        )
    elif n == 0:
        a = a.copy()
    if n == 0:
        return wrap(a, device)
    if n >= a.shape[axis]:
        # Nothing is left after as many differences as elements: answer at once (the
        # backend would loop n times, whatever n).
        return wrap(a[(slice(None),) * axis + (slice(0, 0),)].copy(), device)
    return wrap(device.backend.diff(a, n=n, axis=axis), device)
