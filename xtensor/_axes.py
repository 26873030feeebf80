"""Axis arguments: checking them and turning negative axes into positive ones.

Every function that takes ``axis`` (reductions, manipulation, searching, linear
algebra) validates it here, so the rule and the message are the same everywhere.
A bad axis raises ``AxisError``, which is both an ``IndexError`` and a
``ValueError`` (as NumPy's is): the standard asks for an ``IndexError`` in some
places and code written against NumPy catches ``ValueError``.
"""

from __future__ import annotations

import operator
from typing import Any

__all__ = ["AxisError", "normalize_axis", "normalize_axes", "not_a_tensor"]


class AxisError(IndexError, ValueError):
    """An axis out of range for a tensor's rank, or given twice.

    ``axis`` is the offending value and ``ndim`` the rank it was checked against.
    """

    def __init__(self, message: str, axis: object, ndim: int) -> None:
        super().__init__(message)
        self.axis = axis
        self.ndim = ndim


def _as_int(axis: object, func: str) -> int:
    if axis.__class__ is bool:
        raise TypeError(f"{func}: an axis must be an integer, got {axis!r}")
    try:
        return operator.index(axis)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"{func}: an axis must be an integer, got {axis!r}") from None


def _out_of_range(func: str, axis: int, ndim: int) -> AxisError:
    if ndim == 0:
        return AxisError(f"{func}: axis {axis} is out of range: a 0-d tensor has no axes", axis, 0)
    return AxisError(
        f"{func}: axis {axis} is out of range for a {ndim}-d tensor "
        f"(expected {-ndim} <= axis < {ndim})",
        axis,
        ndim,
    )


def normalize_axis(axis: Any, ndim: int, func: str) -> int:
    """``axis`` as an integer in ``[0, ndim)``; AxisError when out of range."""
    if axis.__class__ is not int:
        axis = _as_int(axis, func)
    if -ndim <= axis < ndim:
        return axis + ndim if axis < 0 else axis  # type: ignore[no-any-return]
    raise _out_of_range(func, axis, ndim)


def normalize_axes(
    axis: Any, ndim: int, func: str, *, allow_repeats: bool = False
) -> tuple[int, ...]:
    """``axis`` (an int, or a tuple or list of ints) as a tuple of axes in ``[0, ndim)``.

    Repeated axes raise AxisError unless ``allow_repeats``.
    """
    if axis.__class__ is int:
        if -ndim <= axis < ndim:
            return (axis + ndim if axis < 0 else axis,)
        raise _out_of_range(func, axis, ndim)
    if not isinstance(axis, (tuple, list)):
        return (normalize_axis(axis, ndim, func),)
    axes = tuple(normalize_axis(a, ndim, func) for a in axis)
    if not allow_repeats and len(set(axes)) != len(axes):
        raise AxisError(
            f"{func}: repeated axis in {tuple(axis)!r} (for a {ndim}-d tensor each axis "
            "may appear once)",
            axis,
            ndim,
        )
    return axes


def not_a_tensor(func: str, x: object, name: str = "x") -> TypeError:
    """The error for an argument that should have been a Tensor."""
    return TypeError(f"{func}: {name} must be an xtensor Tensor, got {type(x).__name__}")
