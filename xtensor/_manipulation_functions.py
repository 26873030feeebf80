"""Manipulation functions of the standard: broadcasting, joining, reshaping, reordering.

Views and copies, as promised in the docstrings and proved by the tests (by writing
through one and reading through the other):

- views sharing ``x``'s memory: ``broadcast_to`` and ``broadcast_arrays`` (read-only,
  since many elements alias one), ``expand_dims``, ``flip``, ``moveaxis``,
  ``permute_dims``, ``squeeze``, ``unstack``, and ``reshape`` when the strides allow
  it (``copy=False`` raises ``CopyError`` saying why when they don't);
- new tensors: ``concat``, ``stack``, ``repeat``, ``roll``, ``tile``.

Joining tensors of different dtypes promotes them by xtensor's table, never the
backend's.
"""

from __future__ import annotations

import math
from typing import Any

from ._arguments import (
    MAX_DIMS,
    check_allocation,
    check_int,
    check_ints,
    check_optional_bool,
    check_shape,
    normalize_axes,
    normalize_axis,
    not_a_tensor,
    show,
)
from ._backend import numpy as np
from ._devices import CPU, Device
from ._dtypes import promote
from ._errors import CopyError
from ._tensor import Tensor, device_mismatch, wrap

__all__ = [
    "broadcast_arrays",
    "broadcast_shapes",
    "broadcast_to",
    "concat",
    "expand_dims",
    "flip",
    "moveaxis",
    "permute_dims",
    "repeat",
    "reshape",
    "roll",
    "squeeze",
    "stack",
    "tile",
    "unstack",
]

_INT64 = np.dtype("int64")


# --- helpers -----------------------------------------------------------------------


def broadcast_shape(shapes: Any, func: str) -> tuple[int, ...]:
    """The shape that ``shapes`` broadcast to; ValueError naming ``func`` if none."""
    result: list[int] = []
    for shape in shapes:
        dims = check_ints(shape, func, "shapes")
        if any(d < 0 for d in dims):
            raise ValueError(f"{func}: a shape cannot have negative sizes, got {show(shape)}")
        extra = len(dims) - len(result)
        if extra > 0:
            result[:0] = [1] * extra
        offset = len(result) - len(dims)
        for i, d in enumerate(dims):
            r = result[offset + i]
            if r == d or d == 1:
                continue
            if r == 1:
                result[offset + i] = d
                continue
            shown = ", ".join(str(tuple(s)) for s in shapes)
            raise ValueError(
                f"{func}: shapes {shown} do not broadcast: aligned from the right, a "
                f"dimension of size {r} meets one of size {d} (sizes must match or be 1)"
            )
    if len(result) > MAX_DIMS:
        raise ValueError(
            f"{func}: a tensor has at most {MAX_DIMS} dimensions, but the shapes broadcast to "
            f"{len(result)}"
        )
    return tuple(result)


def _join_operands(func: str, arrays: Any) -> tuple[list[Any], Device]:
    """The backend arrays of a sequence of tensors, cast to their promoted dtype."""
    if not isinstance(arrays, (tuple, list)):
        raise TypeError(f"{func}: expected a tuple or list of Tensors, got {type(arrays).__name__}")
    if not arrays:
        raise ValueError(f"{func}: needs at least one tensor, got an empty {type(arrays).__name__}")
    first = arrays[0]
    if first.__class__ is not Tensor:
        raise not_a_tensor(func, first, "arrays[0]")
    device = first._device
    first_dtype = first._array.dtype
    mixed = False
    for i, t in enumerate(arrays):
        if t.__class__ is not Tensor:
            raise not_a_tensor(func, t, f"arrays[{i}]")
        if t._device is not device:
            raise device_mismatch(func, device, t._device)
        if t._array.dtype != first_dtype:
            mixed = True
    if not mixed:
        return [t._array for t in arrays], device
    dtype = first.dtype
    for t in arrays:
        dtype = promote(dtype, t.dtype)
    target = dtype.numpy
    cast = [t._array if t._array.dtype == target else t._array.astype(target) for t in arrays]
    return cast, device


def _elements(strides: tuple[int, ...], itemsize: int) -> tuple[int, ...]:
    return tuple(s // itemsize for s in strides)


def reshape_obstacle(
    shape: tuple[int, ...], strides: tuple[int, ...], new_shape: tuple[int, ...]
) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Why ``shape`` with ``strides`` cannot be viewed as ``new_shape``, or None if it can.

    A pure function of the layout (strides in any unit). The answer, when not None,
    is the sizes and strides of the dimensions that the new shape merges or splits
    but that do not lie one after another in memory. Same rule as NumPy's and CuPy's
    reshape: size-1 dimensions are ignored, and each group of old dimensions that
    maps onto a group of new ones must be contiguous (row-major) within itself.
    """
    if math.prod(shape) == 0:
        return None
    old = [(n, s) for n, s in zip(shape, strides, strict=True) if n != 1]
    oi = ni = 0
    while ni < len(new_shape) and oi < len(old):
        new_size = new_shape[ni]
        old_size = old[oi][0]
        nj, oj = ni + 1, oi + 1
        while new_size != old_size:
            if new_size < old_size:
                new_size *= new_shape[nj]
                nj += 1
            else:
                old_size *= old[oj][0]
                oj += 1
        for k in range(oi, oj - 1):
            if old[k][1] != old[k + 1][0] * old[k + 1][1]:
                group = old[oi:oj]
                return tuple(n for n, _ in group), tuple(s for _, s in group)
        ni, oi = nj, oj
    return None


def _resolve_shape(shape: Any, size: int, func: str) -> tuple[int, ...]:
    """``shape`` with its ``-1`` filled in; ValueError when it cannot hold ``size`` elements."""
    dims = [check_int(shape, func, "shape")] if not isinstance(shape, (tuple, list)) else None
    if dims is None:
        dims = list(check_ints(shape, func, "shape"))
    unknown = None
    known = 1
    for i, d in enumerate(dims):
        if d == -1:
            if unknown is not None:
                raise ValueError(f"{func}: only one dimension may be -1, got shape {shape!r}")
            unknown = i
        elif d < 0:
            raise ValueError(f"{func}: sizes must be non-negative (or one -1), got shape {shape!r}")
        else:
            known *= d
    if unknown is not None:
        if known == 0 or size % known:
            raise ValueError(
                f"{func}: cannot infer the -1 in shape {shape!r} for a tensor of {size} elements"
            )
        dims[unknown] = size // known
    elif known != size:
        raise ValueError(
            f"{func}: a tensor of {size} elements cannot have shape {tuple(dims)} "
            f"({known} elements)"
        )
    return tuple(dims)


# --- broadcasting ------------------------------------------------------------------


def broadcast_shapes(*shapes: tuple[int, ...]) -> tuple[int, ...]:
    """The shape that ``shapes`` broadcast to (``()`` for no shapes).

    Parameters
    ----------
    *shapes : tuple of int
        The shapes to broadcast together.

    Returns
    -------
    tuple of int
        The broadcast shape.

    Raises
    ------
    ValueError
        The shapes do not broadcast, or a size is negative.
    TypeError
        A shape is not a tuple of integers.

    Examples
    --------
    >>> xp.broadcast_shapes((2, 1), (3,))
    (2, 3)
    >>> xp.broadcast_shapes((2, 3), (4,))
    Traceback (most recent call last):
        ...
    ValueError: broadcast_shapes: shapes (2, 3), (4,) do not broadcast: aligned from the right, ...
    """
    return broadcast_shape(shapes, "broadcast_shapes")


def broadcast_to(x: Tensor, /, shape: tuple[int, ...]) -> Tensor:
    """``x`` broadcast to ``shape``.

    Parameters
    ----------
    x : Tensor
        The tensor to broadcast.
    shape : tuple of int
        The target shape, which ``x``'s shape must broadcast to.

    Returns
    -------
    Tensor
        A read-only view sharing ``x``'s memory, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor or ``shape`` is not a tuple of integers.
    ValueError
        ``x``'s shape does not broadcast to ``shape``.

    Examples
    --------
    >>> xp.broadcast_to(xp.asarray([1, 2, 3]), (2, 3))
    tensor([[1, 2, 3],
            [1, 2, 3]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("broadcast_to", x)
    a = x._array
    try:
        return wrap(x._device.backend.broadcast_to(a, shape), x._device)
    except (ValueError, TypeError):
        pass
    target = check_shape(shape, "broadcast_to")
    raise ValueError(
        f"broadcast_to: a tensor of shape {a.shape} cannot be broadcast to shape {target} "
        "(aligned from the right, each size must match or be 1, and the target needs at "
        "least as many dimensions)"
    )


def broadcast_arrays(*arrays: Tensor) -> tuple[Tensor, ...]:
    """The tensors broadcast against each other.

    Parameters
    ----------
    *arrays : Tensor
        Tensors on one device whose shapes broadcast together.

    Returns
    -------
    tuple of Tensor
        One view per input, sharing its memory and device, all of the broadcast
        shape; read-only where an axis of the input was expanded (its elements
        repeat), otherwise as writeable as the input (as in NumPy).

    Raises
    ------
    TypeError
        An argument is not a Tensor.
    ValueError
        The shapes do not broadcast, or the tensors are on different devices.

    Examples
    --------
    >>> a, b = xp.broadcast_arrays(xp.asarray([[1], [2]]), xp.asarray([10, 20, 30]))
    >>> a
    tensor([[1, 1, 1],
            [2, 2, 2]])
    >>> b.shape
    (2, 3)
    """
    if not arrays:
        return ()
    for i, t in enumerate(arrays):
        if t.__class__ is not Tensor:
            raise not_a_tensor("broadcast_arrays", t, f"arrays[{i}]")
    device = arrays[0]._device
    for t in arrays:
        if t._device is not device:
            raise device_mismatch("broadcast_arrays", device, t._device)
    shape = broadcast_shape([t._array.shape for t in arrays], "broadcast_arrays")
    backend = device.backend
    return tuple(_broadcast_view(t, shape, backend) for t in arrays)


def _broadcast_view(x: Tensor, shape: tuple[int, ...], backend: Any) -> Tensor:
    """``x`` as a view of ``shape``: read-only only where an axis was expanded (its
    elements repeat); otherwise as writeable as ``x``, like NumPy's and
    array-api-strict's ``broadcast_arrays``."""
    a = x._array
    pad = len(shape) - a.ndim
    if a.shape == shape[pad:] and all(n == 1 for n in shape[:pad]):
        return wrap(a[(None,) * pad + (Ellipsis,)], x._device)  # new axes of size 1 only
    return wrap(backend.broadcast_to(a, shape), x._device)


# --- joining and splitting ---------------------------------------------------------


def concat(arrays: tuple[Tensor, ...] | list[Tensor], /, *, axis: int | None = 0) -> Tensor:
    """Join tensors along an existing axis (``axis=None``: flatten them first).

    Parameters
    ----------
    arrays : tuple or list of Tensor
        Tensors on one device, of one shape except along ``axis``. Mixed dtypes
        promote by the standard's table.
    axis : int or None
        The axis to join along (negative counts from the end), or None to join the
        flattened tensors.

    Returns
    -------
    Tensor
        A new tensor on the inputs' device.

    Raises
    ------
    TypeError
        ``arrays`` is not a tuple or list of Tensors.
    ValueError
        No tensors, different devices, 0-d tensors with an axis, or shapes that
        differ outside ``axis``.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> a = xp.asarray([[1, 2], [3, 4]])
    >>> xp.concat((a, xp.asarray([[5, 6]])))
    tensor([[1, 2],
            [3, 4],
            [5, 6]])
    >>> xp.concat([a, a], axis=1)
    tensor([[1, 2, 1, 2],
            [3, 4, 3, 4]])
    >>> xp.concat((a, xp.asarray([0.5])), axis=None)
    tensor([1. , 2. , 3. , 4. , 0.5])
    """
    arrs, device = _join_operands("concat", arrays)
    backend = device.backend
    if axis is None:
        return wrap(backend.concatenate([a.reshape(-1) for a in arrs]), device)
    shape = arrs[0].shape
    if not shape:
        raise ValueError("concat: 0-d tensors have no axis to join along; use stack or axis=None")
    axis = normalize_axis(axis, len(shape), "concat")
    try:
        return wrap(backend.concatenate(arrs, axis=axis), device)
    except ValueError:
        pass
    rest = shape[:axis] + shape[axis + 1 :]
    for i, a in enumerate(arrs):
        other = a.shape
        if len(other) != len(shape) or other[:axis] + other[axis + 1 :] != rest:
            raise ValueError(
                f"concat: arrays[{i}] has shape {other} but arrays[0] has shape {shape}: "
                f"the shapes must match except along axis {axis}"
            ) from None
    raise ValueError(f"concat: cannot join tensors of shapes {[a.shape for a in arrs]}")


_WHOLE = slice(None)


def stack(arrays: tuple[Tensor, ...] | list[Tensor], /, *, axis: int = 0) -> Tensor:
    """Join tensors of one shape along a new axis, at position ``axis`` of the result.

    Parameters
    ----------
    arrays : tuple or list of Tensor
        Tensors of one shape on one device. Mixed dtypes promote by the standard's
        table.
    axis : int
        The position of the new axis in the result (negative counts from the end).

    Returns
    -------
    Tensor
        A new tensor on the inputs' device, with one more dimension.

    Raises
    ------
    TypeError
        ``arrays`` is not a tuple or list of Tensors.
    ValueError
        No tensors, different devices, or different shapes.
    IndexError, ValueError
        ``axis`` out of range for the result.

    Examples
    --------
    >>> a, b = xp.asarray([1, 2]), xp.asarray([3, 4])
    >>> xp.stack((a, b))
    tensor([[1, 2],
            [3, 4]])
    >>> xp.stack([a, b], axis=1)
    tensor([[1, 3],
            [2, 4]])
    """
    arrs, device = _join_operands("stack", arrays)
    shape = arrs[0].shape
    axis = normalize_axis(axis, len(shape) + 1, "stack")
    for i, a in enumerate(arrs):
        if a.shape != shape:
            raise ValueError(
                f"stack: arrays[{i}] has shape {a.shape} but arrays[0] has shape {shape}: "
                "stacked tensors must have one shape"
            )
    # What the backend's stack does (in Python, for NumPy): give each array the new
    # axis, then join them along it, in one call.
    new_axis = (_WHOLE,) * axis + (None, Ellipsis)
    try:
        return wrap(device.backend.concatenate([a[new_axis] for a in arrs], axis=axis), device)
    except ValueError:
        pass
    raise ValueError(f"stack: cannot stack tensors of shape {shape}")


def unstack(x: Tensor, /, *, axis: int = 0) -> tuple[Tensor, ...]:
    """Split ``x`` along ``axis`` into ``x.shape[axis]`` tensors.

    Parameters
    ----------
    x : Tensor
        A tensor of at least one dimension.
    axis : int
        The axis to split along (negative counts from the end).

    Returns
    -------
    tuple of Tensor
        Views sharing ``x``'s memory, on ``x``'s device, each without ``axis``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    IndexError, ValueError
        ``axis`` out of range (a 0-d tensor has none).

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> xp.unstack(x)
    (tensor([1, 2, 3]), tensor([4, 5, 6]))
    >>> xp.unstack(x, axis=1)[0]
    tensor([1, 4])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("unstack", x)
    a = x._array
    axis = normalize_axis(axis, a.ndim, "unstack")
    before = (slice(None),) * axis
    device = x._device
    return tuple(wrap(a[(*before, i, Ellipsis)], device) for i in range(a.shape[axis]))


# --- shape and order ---------------------------------------------------------------


def expand_dims(x: Tensor, /, axis: int | tuple[int, ...]) -> Tensor:
    """``x`` with a new axis of size 1 at each position in ``axis``.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    axis : int or tuple of int
        Positions in the result: for ``N = x.ndim`` and ``k`` new axes each must lie in
        ``[-(N + k), N + k)``, once.

    Returns
    -------
    Tensor
        A view sharing ``x``'s memory, on ``x``'s device, with ``k`` more dimensions.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or an axis is not an integer.
    IndexError
        A position out of range or repeated (``AxisError``, also a ValueError).

    Examples
    --------
    >>> x = xp.asarray([1, 2])
    >>> xp.expand_dims(x, axis=0)
    tensor([[1, 2]])
    >>> xp.expand_dims(x, axis=(0, -1)).shape
    (1, 2, 1)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("expand_dims", x)
    a = x._array
    backend = x._device.backend
    if axis.__class__ is int:
        position = normalize_axis(axis, a.ndim + 1, "expand_dims")
        return wrap(backend.expand_dims(a, position), x._device)
    if isinstance(axis, (tuple, list)):
        axes = normalize_axes(axis, a.ndim + len(axis), "expand_dims")
    else:
        axes = (normalize_axis(axis, a.ndim + 1, "expand_dims"),)
    return wrap(backend.expand_dims(a, axes), x._device)


def squeeze(x: Tensor, /, axis: int | tuple[int, ...]) -> Tensor:
    """``x`` without the given axes, each of which must have size 1.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    axis : int or tuple of int
        The axes to remove (negative counts from the end).

    Returns
    -------
    Tensor
        A view sharing ``x``'s memory, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        An axis does not have size 1.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[[1], [2]]])
    >>> x.shape
    (1, 2, 1)
    >>> xp.squeeze(x, axis=(0, 2))
    tensor([1, 2])
    >>> xp.squeeze(x, axis=1)
    Traceback (most recent call last):
        ...
    ValueError: squeeze: axis 1 has size 2, not 1 (shape (1, 2, 1)); only axes of size 1 can be ...
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("squeeze", x)
    a = x._array
    axes = normalize_axes(axis, a.ndim, "squeeze")
    shape = a.shape
    for i in axes:
        if shape[i] != 1:
            raise ValueError(
                f"squeeze: axis {i} has size {shape[i]}, not 1 (shape {shape}); only "
                "axes of size 1 can be removed"
            )
    return wrap(a.squeeze(axis=axes), x._device)


def reshape(x: Tensor, /, shape: tuple[int, ...], *, copy: bool | None = None) -> Tensor:
    """``x`` with a new shape (one size may be -1, inferred), elements in row-major order.

    Parameters
    ----------
    x
        Input tensor.
    shape
        The new shape.
    copy
        None: a view when the strides allow one, else a copy. True: always a new
        tensor. False: always a view; raises ``CopyError`` saying why when the strides
        do not allow one.

    Returns
    -------
    Tensor
        On ``x``'s device; a view sharing ``x``'s memory unless a copy was needed or
        asked for.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``shape`` is not a tuple of integers.
    ValueError
        ``shape`` does not hold ``x.size`` elements.
    CopyError
        ``copy=False`` and no view can have the new shape (a ValueError).

    Examples
    --------
    >>> x = xp.arange(6)
    >>> y = xp.reshape(x, (2, -1))
    >>> y
    tensor([[0, 1, 2],
            [3, 4, 5]])
    >>> y[0, 0] = 10
    >>> x
    tensor([10,  1,  2,  3,  4,  5])
    >>> xp.reshape(y.mT, (6,), copy=False)
    Traceback (most recent call last):
        ...
    xtensor._errors.CopyError: reshape(copy=False): a copy is needed: a tensor of shape (3, 2) ...
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("reshape", x)
    a = x._array
    if shape.__class__ is not tuple:  # NumPy would also take None, arrays, ...
        shape = _resolve_shape(shape, a.size, "reshape")
    if copy is None:
        try:
            return wrap(a.reshape(shape), x._device)
        except (ValueError, TypeError):
            _resolve_shape(shape, a.size, "reshape")  # raises with the reason
            raise
    if copy.__class__ is not bool:
        copy = check_optional_bool(copy, "reshape", "copy")
    if copy is True:
        return wrap(a.copy().reshape(_resolve_shape(shape, a.size, "reshape")), x._device)
    if x._device is CPU:
        try:
            return wrap(a.reshape(shape, copy=False), CPU)
        except (ValueError, TypeError):
            pass  # a bad shape, or no view: say which below
    new_shape = _resolve_shape(shape, a.size, "reshape")
    strides = _elements(a.strides, a.itemsize)
    obstacle = reshape_obstacle(a.shape, strides, new_shape)
    if obstacle is None:
        if x._device is not CPU:
            return wrap(a.reshape(new_shape), x._device)
        obstacle = (a.shape, strides)  # NumPy refused where the rule allows: never copy
    sizes, steps = obstacle
    raise CopyError(
        f"reshape(copy=False): a copy is needed: a tensor of shape {a.shape} with "
        f"strides {strides} (in elements) cannot be viewed as shape {new_shape}, because "
        f"its dimensions of sizes {sizes} (strides {steps}) do not lie one after "
        "another in memory; use copy=None to copy when needed"
    )


def permute_dims(x: Tensor, /, axes: tuple[int, ...]) -> Tensor:
    """``x`` with its axes reordered: axis ``i`` of the result is axis ``axes[i]`` of ``x``.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    axes : tuple of int
        A permutation of ``x``'s axes (negative counts from the end).

    Returns
    -------
    Tensor
        A view sharing ``x``'s memory, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or an axis is not an integer.
    ValueError
        ``axes`` is not a permutation of all of ``x``'s axes.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> xp.permute_dims(x, (1, 0))
    tensor([[1, 4],
            [2, 5],
            [3, 6]])
    >>> xp.permute_dims(xp.zeros((2, 3, 4)), (2, 0, 1)).shape
    (4, 2, 3)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("permute_dims", x)
    a = x._array
    if axes.__class__ is tuple and len(axes) == a.ndim:
        try:  # the backend checks that axes are a permutation, as below
            return wrap(a.transpose(axes), x._device)
        except (ValueError, TypeError):
            pass
    perm = normalize_axes(axes, a.ndim, "permute_dims", "axes", single=False)
    if len(perm) != a.ndim:
        raise ValueError(
            f"permute_dims: axes must name each of the {a.ndim} axes once, got {axes!r}"
        )
    return wrap(a.transpose(perm), x._device)


def moveaxis(
    x: Tensor,
    source: int | tuple[int, ...],
    destination: int | tuple[int, ...],
    /,
) -> Tensor:
    """``x`` with axes ``source`` moved to positions ``destination``.

    The other axes keep their relative order.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    source, destination : int or tuple of int
        The axes to move and their new positions, of one length (negative counts from
        the end).

    Returns
    -------
    Tensor
        A view sharing ``x``'s memory, on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        ``source`` and ``destination`` differ in length.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.zeros((2, 3, 4))
    >>> xp.moveaxis(x, 0, -1).shape
    (3, 4, 2)
    >>> xp.moveaxis(x, (0, 1), (2, 0)).shape
    (3, 4, 2)
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("moveaxis", x)
    a = x._array
    src = normalize_axes(source, a.ndim, "moveaxis", "source")
    dst = normalize_axes(destination, a.ndim, "moveaxis", "destination")
    if len(src) != len(dst):
        raise ValueError(
            f"moveaxis: source {source!r} and destination {destination!r} must name as many axes"
        )
    return wrap(x._device.backend.moveaxis(a, src, dst), x._device)


def flip(x: Tensor, /, *, axis: int | tuple[int, ...] | None = None) -> Tensor:
    """``x`` with the order of elements reversed along ``axis``.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    axis : int, tuple of int, or None
        The axes to reverse; None reverses all of them.

    Returns
    -------
    Tensor
        A view sharing ``x``'s memory (negative strides), on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    IndexError, ValueError
        An axis out of range or repeated.

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> xp.flip(x)
    tensor([[6, 5, 4],
            [3, 2, 1]])
    >>> xp.flip(x, axis=1)
    tensor([[3, 2, 1],
            [6, 5, 4]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("flip", x)
    a = x._array
    reverse = slice(None, None, -1)
    if axis is None:
        key = (reverse,) * a.ndim
    else:
        axes = normalize_axes(axis, a.ndim, "flip")
        key = tuple(reverse if i in axes else slice(None) for i in range(a.ndim))
    return wrap(a[(*key, Ellipsis)], x._device)


def roll(
    x: Tensor,
    /,
    shift: int | tuple[int, ...],
    *,
    axis: int | tuple[int, ...] | None = None,
) -> Tensor:
    """``x`` with elements shifted by ``shift`` along ``axis``, wrapping around.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    shift : int or tuple of int
        The number of places to shift (negative shifts backwards). A tuple ``shift``
        needs a tuple ``axis`` of the same length; an int ``shift`` with a tuple
        ``axis`` shifts each of them by it.
    axis : int, tuple of int, or None
        The axes to shift along; None shifts the tensor as if flattened (``shift`` an
        int), keeping its shape.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or a shift is not an integer.
    ValueError
        A tuple ``shift`` whose length differs from ``axis``'s.
    IndexError, ValueError
        An axis out of range.

    Examples
    --------
    >>> xp.roll(xp.asarray([1, 2, 3, 4]), 1)
    tensor([4, 1, 2, 3])
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    >>> xp.roll(x, -1, axis=1)
    tensor([[2, 3, 1],
            [5, 6, 4]])
    >>> xp.roll(x, 2)
    tensor([[5, 6, 1],
            [2, 3, 4]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("roll", x)
    a = x._array
    backend = x._device.backend
    if axis is None:
        if isinstance(shift, (tuple, list)):
            raise ValueError(
                f"roll: a tuple shift {shift!r} needs a tuple axis of the same length; "
                "axis=None rolls the flattened tensor by one int"
            )
        return wrap(backend.roll(a, _shift(shift, a.size)), x._device)
    axes = normalize_axes(axis, a.ndim, "roll", allow_repeats=True)
    if isinstance(shift, (tuple, list)):
        if not isinstance(axis, (tuple, list)) or len(shift) != len(axes):
            raise ValueError(
                f"roll: shift {shift!r} and axis {axis!r} must be tuples of the same length"
            )
        shifts = tuple(_shift(s, a.shape[i]) for s, i in zip(shift, axes, strict=True))
    else:
        shifts = tuple(_shift(shift, a.shape[i]) for i in axes)
    if not axes:
        return wrap(a.copy(), x._device)
    return wrap(backend.roll(a, shifts, axis=axes), x._device)


def _shift(shift: object, length: int) -> int:
    """A roll's shift as an int the backend takes: any int is reduced modulo the length
    (a shift of 2**70 is as cheap as one of 1)."""
    n = shift if shift.__class__ is int else check_int(shift, "roll", "shift")
    return n % length if length else 0


def repeat(x: Tensor, repeats: int | Tensor, /, *, axis: int | None = None) -> Tensor:
    """Each element of ``x`` repeated, along ``axis`` (None: of the flattened ``x``).

    Parameters
    ----------
    x
        Input tensor.
    repeats
        A non-negative int for every element, or a 1-d integer tensor of counts of
        length 1 or the length of the axis. A tensor makes the result's shape depend
        on its values, which synchronises a CUDA device.
    axis
        The axis to repeat along; None flattens ``x`` first (row-major).

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``repeats`` is neither an int nor an integer tensor.
    ValueError
        Negative counts, a ``repeats`` tensor of the wrong shape, or tensors on
        different devices.
    IndexError, ValueError
        ``axis`` out of range.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]])
    >>> xp.repeat(x, 2)
    tensor([1, 1, 2, 2, 3, 3, 4, 4])
    >>> xp.repeat(x, xp.asarray([1, 2]), axis=0)
    tensor([[1, 2],
            [3, 4],
            [3, 4]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("repeat", x)
    a = x._array
    device = x._device
    if axis is not None:
        axis = normalize_axis(axis, a.ndim, "repeat")
    length = a.size if axis is None else a.shape[axis]
    counts: Any
    if isinstance(repeats, Tensor):
        if repeats._device is not device:
            raise device_mismatch("repeat", device, repeats._device)
        counts = repeats._array
        if counts.dtype.kind not in "iu":
            raise TypeError(
                f"repeat: a repeats tensor must have an integer dtype, got {counts.dtype}"
            )
        if counts.ndim > 1 or counts.ndim == 1 and counts.shape[0] not in (1, length):
            raise ValueError(
                f"repeat: a repeats tensor must have shape (1,) or ({length},), got {counts.shape}"
            )
        if counts.size == 1:
            counts = int(counts.reshape(()))
        else:
            counts = counts.astype(_INT64, copy=False)
            if device is not CPU:
                counts = counts.tolist()  # CuPy's repeat takes counts as a list
    else:
        counts = repeats if repeats.__class__ is int else check_int(repeats, "repeat", "repeats")
    if isinstance(counts, int):
        if counts < 0:
            raise ValueError(f"repeat: repeats must be non-negative, got {show(counts)}")
        check_allocation((length, counts), a.itemsize, "repeat", "repeats", counts)
    try:
        return wrap(device.backend.repeat(a, counts, axis=axis), device)
    except ValueError as e:
        raise ValueError(f"repeat: repeats must be non-negative ({e})") from None


def tile(x: Tensor, repetitions: tuple[int, ...], /) -> Tensor:
    """``x`` repeated ``repetitions[i]`` times along each axis ``i``.

    Parameters
    ----------
    x : Tensor
        The input tensor.
    repetitions : tuple of int
        Nonnegative counts, aligned with ``x``'s axes from the right; the shorter of
        ``x.shape`` and ``repetitions`` is padded with leading 1s.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device, with ``max(x.ndim, len(repetitions))`` dimensions.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``repetitions`` is not a tuple of integers.
    ValueError
        A negative repetition.

    Examples
    --------
    >>> xp.tile(xp.asarray([1, 2]), (2,))
    tensor([1, 2, 1, 2])
    >>> xp.tile(xp.asarray([1, 2]), (2, 1))
    tensor([[1, 2],
            [1, 2]])
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("tile", x)
    reps = check_ints(repetitions, "tile", "repetitions")
    if any(r < 0 for r in reps):
        raise ValueError(f"tile: repetitions must be non-negative, got {show(repetitions)}")
    shape = x._array.shape
    width = max(len(shape), len(reps))
    padded = (1,) * (width - len(shape)) + shape
    result = tuple(n * r for n, r in zip(padded, (1,) * (width - len(reps)) + reps, strict=True))
    if width > MAX_DIMS:
        raise ValueError(
            f"tile: a tensor has at most {MAX_DIMS} dimensions, got {width} repetitions"
        )
    check_allocation(result, x._array.itemsize, "tile", "repetitions", repetitions)
    return wrap(x._device.backend.tile(x._array, reps), x._device)
