"""Creation functions: new tensors from shapes, fill values, ranges and other tensors.

Every result is a new tensor (never a view of an input), allocated by the backend of
the target device: NumPy for the CPU (the default), CuPy for ``cuda:N``. The
``*_like`` functions default to the input's dtype and device. ``asarray`` and
``from_dlpack`` live in ``_conversion``.

Default dtypes are the standard's: float64 for ``empty``/``zeros``/``ones``/``eye``/
``linspace``, int64 or float64 for ``arange`` and ``full`` as their arguments say,
complex128 for complex fill values and complex ``linspace`` bounds.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any, Literal

from ._arguments import (
    MAX_BYTES,
    check_allocation,
    check_bool,
    check_choice,
    check_device,
    check_dtype,
    check_int,
    check_real,
    check_shape,
    check_size,
    not_a_tensor,
    show,
)
from ._backend import numpy as np
from ._devices import CPU, Device
from ._dtypes import ALL_DTYPES, DType, complex64, complex128, float16, float32, float64, int64
from ._dtypes import bool as bool_
from ._tensor import Tensor, device_mismatch, wrap

__all__ = [
    "arange",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "linspace",
    "meshgrid",
    "ones",
    "ones_like",
    "tril",
    "triu",
    "zeros",
    "zeros_like",
]

_PYTHON_SCALARS = (bool, int, float, complex)
# Sizes up to this many elements per axis need no check that their tensor can exist:
# two of them make 2**56 elements, 2**60 bytes of complex128.
_WIDE = 2**28
_INTEGER_KINDS = ("signed integer", "unsigned integer")
_FLOAT_KINDS = ("real floating", "complex floating")
_REAL_OF = {complex64: float32, complex128: float64}

# The smallest magnitude that rounds to infinity in each narrow float format (half an
# ulp above the largest finite value; round-half-even rounds it up, the largest finite
# value having an odd significand).
_FLOAT_OVERFLOW: dict[DType, float] = {
    float16: 65520.0,
    float32: 2.0**128 - 2.0**103,
}
# The range of each integer dtype.
INT_RANGE: dict[DType, tuple[int, int]] = {
    d: (0, (1 << d.bits) - 1)
    if d.kind == "unsigned integer"
    else (-(1 << (d.bits - 1)), (1 << (d.bits - 1)) - 1)
    for d in ALL_DTYPES
    if d.kind in _INTEGER_KINDS
}


# --- argument checks ------------------------------------------------------------------


def on_device(device: Device, name: str, *args: Any, **kwargs: Any) -> Tensor:
    """Call the backend function ``name`` of ``device`` and wrap the result there.

    CuPy allocates on the current GPU, so CUDA calls run with ``device`` current.
    """
    if device is CPU:
        return wrap(getattr(device.backend, name)(*args, **kwargs), CPU)
    with device.backend.cuda.Device(device.index):
        return wrap(getattr(device.backend, name)(*args, **kwargs), device)


_NO_CONTEXT = contextlib.nullcontext()


def current(device: Device) -> Any:
    """A context manager that makes ``device`` CuPy's current GPU (nothing for the CPU)."""
    if device is CPU:
        return _NO_CONTEXT
    return device.backend.cuda.Device(device.index)


def _dtype(dtype: object, default: DType, what: str) -> DType:
    return default if dtype is None else check_dtype(dtype, what)


def _device(device: object, what: str) -> Device:
    return CPU if device is None else check_device(device, what)


def _tensor(x: object, what: str) -> Tensor:
    if x.__class__ is not Tensor:
        raise not_a_tensor(what, x)
    return x


def _shape_error(shape: object, dtype: DType, what: str, exc: Exception) -> Exception:
    """The error for a shape the backend refused: ours, naming the function, when the
    shape is at fault; else the backend's own (an honest MemoryError, say)."""
    try:
        check_shape(shape, what, itemsize=dtype.numpy.itemsize)
    except (TypeError, ValueError) as ours:
        return ours
    return exc


def _check_float_range(value: float, dtype: DType, what: str, name: str) -> None:
    """OverflowError when finite ``value`` would round to infinity in ``dtype``."""
    limit = _FLOAT_OVERFLOW.get(dtype)
    if limit is not None and abs(value) >= limit and math.isfinite(value):
        raise OverflowError(f"{what}: {name} {value!r} is out of range for {dtype.name}")


def _scalar_for(value: object, dtype: DType, what: str, name: str = "fill value") -> Any:
    """``value`` (a Python scalar) as the Python scalar that fills a ``dtype`` tensor.

    Integers out of the dtype's range and finite floats that would round to infinity
    raise OverflowError; a complex value for a real dtype raises TypeError.
    """
    if not isinstance(value, _PYTHON_SCALARS):
        from ._strict import is_strict  # imports the namespace; needed only here

        if value.__class__ is Tensor and value.ndim == 0 and not is_strict():
            # A 0-d tensor stands for its value, as in NumPy and PyTorch (SciPy passes
            # them); the standard asks for a Python scalar, and strict mode does too.
            return _scalar_for(value.item(), dtype, what, name)
        raise TypeError(
            f"{what}: {name} must be a Python bool, int, float or complex, "
            f"got {type(value).__name__}"
            + (
                " (a 0-d tensor is accepted outside strict mode)"
                if value.__class__ is Tensor
                else ""
            )
        )
    kind = dtype.kind
    if kind == "bool":
        return bool(value)
    if isinstance(value, complex) and kind != "complex floating":
        raise TypeError(
            f"{what}: cannot store the complex {name} {value!r} in a {dtype.name} tensor; "
            "pass its real or imaginary part"
        )
    if kind in _INTEGER_KINDS:
        try:
            number = int(value)  # type: ignore[arg-type]  # floats truncate, like NumPy's cast
        except (OverflowError, ValueError) as exc:
            raise type(exc)(f"{what}: {name} {value!r} has no {dtype.name} value: {exc}") from None
        lo, hi = INT_RANGE[dtype]
        if not lo <= number <= hi:
            raise OverflowError(
                f"{what}: {name} {value!r} is out of range for {dtype.name} ({lo} to {hi})"
            )
        return number
    try:
        if kind == "real floating":
            real = float(value)  # type: ignore[arg-type]
        else:
            cplx = complex(value)
    except OverflowError as exc:  # an int too large for a float
        raise OverflowError(
            f"{what}: {name} {value!r} is out of range for {dtype.name}: {exc}"
        ) from None
    if kind == "real floating":
        _check_float_range(real, dtype, what, name)
        return real
    if dtype is not complex128:
        _check_float_range(cplx.real, float32, what, name)
        _check_float_range(cplx.imag, float32, what, name)
    return cplx


# --- from a shape -----------------------------------------------------------------------


def empty(
    shape: int | tuple[int, ...],
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new tensor of ``shape`` with uninitialized contents.

    Parameters
    ----------
    shape
        An int or a tuple of nonnegative ints.
    dtype
        Default float64.
    device
        Default the CPU.

    Returns
    -------
    Tensor
        A new tensor on ``device``; its values are whatever the memory held.

    Raises
    ------
    TypeError
        For a shape that is not ints, or an unknown dtype.
    ValueError
        For a negative dimension, more than 64 dimensions, or an unknown or unavailable ``device``.

    Examples
    --------
    >>> x = xp.empty((2, 3), dtype=xp.int32)
    >>> x.shape, x.dtype
    ((2, 3), xtensor.int32)
    """
    dt = float64 if dtype is None else _dtype(dtype, float64, "empty")
    if device is None or (dev := _device(device, "empty")) is CPU:
        if shape.__class__ is not tuple and shape.__class__ is not int:
            shape = check_shape(shape, "empty", itemsize=dt.numpy.itemsize)  # not an array
        try:  # NumPy checks the shape; a refusal is explained by check_shape
            return wrap(np.empty(shape, dt.numpy), CPU)
        except (TypeError, ValueError, OverflowError) as exc:
            raise _shape_error(shape, dt, "empty", exc) from None
    if dtype is None:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    shape = check_shape(shape, "empty", itemsize=dt.numpy.itemsize)
    return on_device(dev, "empty", shape, dt.numpy)


def zeros(
    shape: int | tuple[int, ...],
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new tensor of ``shape`` filled with zeros.

    Parameters
    ----------
    shape
        An int or a tuple of nonnegative ints.
    dtype
        Default float64.
    device
        Default the CPU.

    Returns
    -------
    Tensor
        A new tensor on ``device``.

    Raises
    ------
    TypeError
        For a shape that is not ints, or an unknown dtype.
    ValueError
        For a negative dimension, more than 64 dimensions, or an unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.zeros(3)
    tensor([0., 0., 0.])
    >>> xp.zeros((2, 2), dtype=xp.int32)
    tensor([[0, 0],
            [0, 0]], dtype=xtensor.int32)
    >>> xp.zeros(-1)
    Traceback (most recent call last):
        ...
    ValueError: zeros: shape dimensions must be non-negative, got -1
    """
    dt = float64 if dtype is None else _dtype(dtype, float64, "zeros")
    if device is None or (dev := _device(device, "zeros")) is CPU:
        if shape.__class__ is not tuple and shape.__class__ is not int:
            shape = check_shape(shape, "zeros", itemsize=dt.numpy.itemsize)  # not an array
        try:  # NumPy checks the shape; a refusal is explained by check_shape
            return wrap(np.zeros(shape, dt.numpy), CPU)
        except (TypeError, ValueError, OverflowError) as exc:
            raise _shape_error(shape, dt, "zeros", exc) from None
    if dtype is None:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    shape = check_shape(shape, "zeros", itemsize=dt.numpy.itemsize)
    return on_device(dev, "zeros", shape, dt.numpy)


def ones(
    shape: int | tuple[int, ...],
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new tensor of ``shape`` filled with ones (``1 + 0j`` for complex dtypes).

    Parameters
    ----------
    shape
        An int or a tuple of nonnegative ints.
    dtype
        Default float64.
    device
        Default the CPU.

    Returns
    -------
    Tensor
        A new tensor on ``device``.

    Raises
    ------
    TypeError
        For a shape that is not ints, or an unknown dtype.
    ValueError
        For a negative dimension, more than 64 dimensions, or an unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.ones((2, 3))
    tensor([[1., 1., 1.],
            [1., 1., 1.]])
    >>> xp.ones(2, dtype=xp.complex64)
    tensor([1.+0.j, 1.+0.j], dtype=xtensor.complex64)
    """
    dt = float64 if dtype is None else _dtype(dtype, float64, "ones")
    if device is None or (dev := _device(device, "ones")) is CPU:
        if shape.__class__ is not tuple and shape.__class__ is not int:
            shape = check_shape(shape, "ones", itemsize=dt.numpy.itemsize)  # not an array
        try:  # NumPy checks the shape; a refusal is explained by check_shape
            return wrap(np.ones(shape, dt.numpy), CPU)
        except (TypeError, ValueError, OverflowError) as exc:
            raise _shape_error(shape, dt, "ones", exc) from None
    if dtype is None:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    shape = check_shape(shape, "ones", itemsize=dt.numpy.itemsize)
    return on_device(dev, "ones", shape, dt.numpy)


def full(
    shape: int | tuple[int, ...],
    fill_value: bool | int | float | complex | Tensor,
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new tensor of ``shape`` with every element equal to ``fill_value``.

    Parameters
    ----------
    shape
        An int or a tuple of nonnegative ints.
    fill_value
        A Python scalar. With ``dtype=None`` its type gives the dtype: bool → bool,
        int → int64, float → float64, complex → complex128. Outside strict mode a
        0-d tensor is accepted too, as in NumPy and PyTorch: it gives its dtype and,
        with ``device=None``, its device.
    dtype, device
        Default as above, and the CPU.

    Returns
    -------
    Tensor
        A new tensor on ``device``.

    Raises
    ------
    TypeError
        ``fill_value`` is not a Python scalar, or is complex for a real dtype.
    OverflowError
        ``fill_value`` is out of the dtype's range (e.g. 300 for uint8, 1e39 for
        float32).
    ValueError
        A negative dimension; a float NaN for an integer dtype; an unknown or
        unavailable ``device``.

    Examples
    --------
    >>> xp.full((2, 2), 7)
    tensor([[7, 7],
            [7, 7]])
    >>> xp.full(3, 0.5, dtype=xp.float32)
    tensor([0.5, 0.5, 0.5], dtype=xtensor.float32)
    >>> xp.full(2, 300, dtype=xp.uint8)
    Traceback (most recent call last):
        ...
    OverflowError: full: fill value 300 is out of range for uint8 (0 to 255)
    """
    if dtype is None:
        cls = fill_value.__class__
        if cls is bool:
            dt = bool_
        elif cls is int:
            dt = int64
        elif cls is float:
            dt = float64
        elif isinstance(fill_value, bool):
            dt = bool_
        elif isinstance(fill_value, int):
            dt = int64
        elif isinstance(fill_value, float):
            dt = float64
        elif fill_value.__class__ is Tensor:
            dt = fill_value.dtype
        else:
            dt = complex128
    else:
        dt = _dtype(dtype, float64, "full")
    if fill_value.__class__ is Tensor and device is None:
        device = fill_value._device  # a 0-d tensor's value stays on its device
    value = _scalar_for(fill_value, dt, "full")
    if device is None or (dev := _device(device, "full")) is CPU:
        if shape.__class__ is not tuple and shape.__class__ is not int:
            shape = check_shape(shape, "full", itemsize=dt.numpy.itemsize)  # not an array
        try:
            return wrap(np.full(shape, value, dt.numpy), CPU)
        except (TypeError, ValueError, OverflowError) as exc:
            raise _shape_error(shape, dt, "full", exc) from None
    if dtype is None and dt in dev.defaults:  # a device with other defaults (an emulated one)
        dt = dev.defaults[dt]
        value = _scalar_for(fill_value, dt, "full")
    shape = check_shape(shape, "full", itemsize=dt.numpy.itemsize)
    return on_device(dev, "full", shape, value, dt.numpy)


# --- like another tensor --------------------------------------------------------------


def _new_like(
    make: Any, name: str, x: Tensor, dtype: DType | None, device: Device | str | None
) -> Tensor:
    """``make(shape, dtype)`` (NumPy's ``empty``/``zeros``/``ones``, or the backend
    function ``name`` on another device) with ``x``'s shape, dtype and device as defaults."""
    what = f"{name}_like"
    x = _tensor(x, what)
    dt = x.dtype if dtype is None else _dtype(dtype, float64, what)
    dev = x._device if device is None else check_device(device, what)
    if dev is CPU:
        return wrap(make(x._array.shape, dt.numpy), CPU)
    return on_device(dev, name, x._array.shape, dt.numpy)


def empty_like(
    x: Tensor, /, *, dtype: DType | None = None, device: Device | str | None = None
) -> Tensor:
    """A new uninitialized tensor of ``x``'s shape.

    Parameters
    ----------
    x : Tensor
        The tensor whose shape (and, by default, dtype and device) to use.
    dtype
        Default ``x.dtype``.
    device
        Default ``x.device``.

    Returns
    -------
    Tensor
        A new tensor (never a view of ``x``) on ``device``; its values are whatever the
        memory held.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or the dtype is unknown.
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]])
    >>> y = xp.empty_like(x)
    >>> y.shape, y.dtype
    ((2, 2), xtensor.int64)
    """
    return _new_like(np.empty, "empty", x, dtype, device)


def zeros_like(
    x: Tensor, /, *, dtype: DType | None = None, device: Device | str | None = None
) -> Tensor:
    """A new tensor of ``x``'s shape filled with zeros.

    Parameters
    ----------
    x : Tensor
        The tensor whose shape (and, by default, dtype and device) to use.
    dtype
        Default ``x.dtype``.
    device
        Default ``x.device``.

    Returns
    -------
    Tensor
        A new tensor (never a view of ``x``) on ``device``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or the dtype is unknown.
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> x = xp.asarray([[1, 2], [3, 4]])
    >>> xp.zeros_like(x)
    tensor([[0, 0],
            [0, 0]])
    >>> xp.zeros_like(x, dtype=xp.float32)
    tensor([[0., 0.],
            [0., 0.]], dtype=xtensor.float32)
    """
    return _new_like(np.zeros, "zeros", x, dtype, device)


def ones_like(
    x: Tensor, /, *, dtype: DType | None = None, device: Device | str | None = None
) -> Tensor:
    """A new tensor of ``x``'s shape filled with ones.

    Parameters
    ----------
    x : Tensor
        The tensor whose shape (and, by default, dtype and device) to use.
    dtype
        Default ``x.dtype``.
    device
        Default ``x.device``.

    Returns
    -------
    Tensor
        A new tensor (never a view of ``x``) on ``device``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or the dtype is unknown.
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.ones_like(xp.asarray([1.5, 2.5]))
    tensor([1., 1.])
    """
    return _new_like(np.ones, "ones", x, dtype, device)


def full_like(
    x: Tensor,
    /,
    fill_value: bool | int | float | complex | Tensor,
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new tensor of ``x``'s shape filled with ``fill_value``.

    Parameters
    ----------
    x : Tensor
        The tensor whose shape (and, by default, dtype and device) to use.
    fill_value
        A Python bool, int, float or complex, stored in the result's dtype.
    dtype
        Default ``x.dtype``.
    device
        Default ``x.device``.

    Returns
    -------
    Tensor
        A new tensor (never a view of ``x``) on ``device``.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, the dtype is unknown, ``fill_value`` is not a Python
        scalar, or it is complex for a real dtype.
    OverflowError
        ``fill_value`` is out of the dtype's range.
    ValueError
        A float NaN for an integer dtype, or an unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.full_like(xp.asarray([1, 2, 3]), 7)
    tensor([7, 7, 7])
    >>> xp.full_like(xp.asarray([1, 2, 3]), 2.5)
    tensor([2, 2, 2])
    """
    x = _tensor(x, "full_like")
    dt = x.dtype if dtype is None else _dtype(dtype, float64, "full_like")
    value = _scalar_for(fill_value, dt, "full_like")
    dev = x._device if device is None else check_device(device, "full_like")
    if dev is CPU:
        return wrap(np.full(x._array.shape, value, dt.numpy), CPU)
    return on_device(dev, "full", x._array.shape, value, dt.numpy)


# --- ranges -------------------------------------------------------------------------


def _length(n: int, dt: DType, start: object, stop: object, step: object) -> None:
    """A ValueError when ``arange`` would need more elements than any tensor holds."""
    if n * dt.numpy.itemsize > MAX_BYTES:
        raise ValueError(
            f"arange: start={show(start)}, stop={show(stop)}, step={show(step)} give "
            f"{show(n)} elements, more than any tensor can hold (at most 2**63 - 1 bytes)"
        )


def arange(
    start: int | float,
    /,
    stop: int | float | None = None,
    step: int | float = 1,
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """Evenly spaced values in the half-open interval ``[start, stop)``.

    Parameters
    ----------
    start, stop, step
        Python ints or floats; ``arange(n)`` counts from 0 to ``n - 1``. ``step`` must
        not be 0.
    dtype
        A numeric dtype. Default int64 when every argument is an int, else float64.
        Integer dtypes need integer arguments; a complex dtype gets the real values
        with a zero imaginary part, as in NumPy (an extension).
    device
        Default the CPU.

    Returns
    -------
    Tensor
        A new 1-d tensor of ``ceil((stop - start) / step)`` elements (0 when the
        interval is empty in the direction of ``step``) on ``device``; integer results
        are exact.

    Raises
    ------
    TypeError
        An argument that is not an int or float, a float argument for an integer
        dtype, a bool dtype.
    ValueError
        ``step`` is 0, or an unknown or unavailable ``device``.
    OverflowError
        A value out of the dtype's range.

    Examples
    --------
    >>> xp.arange(4)
    tensor([0, 1, 2, 3])
    >>> xp.arange(1, 2, 0.25)
    tensor([1.  , 1.25, 1.5 , 1.75])
    >>> xp.arange(5, 0, -2, dtype=xp.int8)
    tensor([5, 3, 1], dtype=xtensor.int8)
    """
    if stop is None:
        if (
            start.__class__ is int
            and step.__class__ is int
            and step == 1
            and dtype is None
            and device is None
            and start < 2**40
        ):
            return wrap(np.arange(start, dtype=int64.numpy), CPU)  # arange(n), exact
        start, stop = 0, start
    if start.__class__ is not int:
        start = check_real(start, "arange", "start", finite=True)
    if stop.__class__ is not int:
        stop = check_real(stop, "arange", "stop", finite=True)
    if step.__class__ is not int or step == 0:
        step = check_real(step, "arange", "step", finite=True, nonzero=True)
    all_int = start.__class__ is int and stop.__class__ is int and step.__class__ is int
    dt = _dtype(dtype, int64 if all_int else float64, "arange")
    dev = _device(device, "arange")
    if dtype is None and dev is not CPU:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    kind = dt.kind
    if kind in _INTEGER_KINDS:
        if not all_int:
            raise TypeError(
                f"arange: dtype {dt.name} needs integer start, stop and step, got "
                f"start={start!r}, stop={stop!r}, step={step!r}"
            )
        return _integer_arange(dev, start, stop, step, dt)  # type: ignore[arg-type]
    if kind == "complex floating":
        # NumPy's answer: the real values, with a zero imaginary part.
        real = arange(start, stop, step, dtype=_REAL_OF[dt], device=dev)
        with current(dev):
            return wrap(real._array.astype(dt.numpy), dev)
    if kind != "real floating":
        raise TypeError(f"arange: dtype must be a numeric dtype, got {dt.name}")
    try:
        n = max(math.ceil((stop - start) / step), 0)
    except OverflowError:
        raise OverflowError(
            f"arange: the length of arange({start!r}, {stop!r}, {step!r}) is not finite"
        ) from None
    if not n:
        return on_device(dev, "empty", 0, dtype=dt.numpy)
    _length(n, dt, start, stop, step)
    _check_float_range(float(start), dt, "arange", "start")
    _check_float_range(float(start + (n - 1) * step), dt, "arange", "the last value")
    if dt is float64:
        return on_device(dev, "arange", float(start), float(stop), float(step), dtype=dt.numpy)
    # Narrow floats: compute in float64 (as NumPy does for linspace), then round once.
    with current(dev):
        array = dev.backend.arange(float(start), float(stop), float(step), dtype=float64.numpy)
        return wrap(array.astype(dt.numpy), dev)


def _integer_arange(dev: Device, start: int, stop: int, step: int, dt: DType) -> Tensor:
    """Exact integer ``arange``: length from Python's ``range``, values in ``dt``."""
    n = max(0, -((start - stop) // step))  # len(range(start, stop, step)), unbounded
    _length(n, dt, start, stop, step)
    lo, hi = INT_RANGE[dt]
    if n:
        last = start + (n - 1) * step
        if not (lo <= start <= hi and lo <= last <= hi):
            raise OverflowError(
                f"arange({start}, {stop}, {step}): the values run from {start} to {last}, "
                f"out of range for {dt.name} ({lo} to {hi})"
            )
    if lo <= stop <= hi and lo <= start + step <= hi and abs(stop - start) < 2**52:
        result = on_device(dev, "arange", start, stop, step, dtype=dt.numpy)
        if result._array.shape[0] == n:
            return result
    # The backend cannot be trusted with the length (it divides in float64) or with
    # intermediate values out of range: count in the unsigned type of the same width,
    # whose arithmetic wraps modulo 2**bits, and reinterpret. The values are exact
    # because every one of them is in range.
    bits = dt.bits
    unsigned = np.dtype(f"uint{bits}")
    mod = 1 << bits
    with current(dev):
        array = dev.backend.arange(n, dtype=unsigned)
        array *= unsigned.type(step % mod)
        array += unsigned.type(start % mod)
        return wrap(array.view(dt.numpy), dev)


def linspace(
    start: int | float | complex,
    stop: int | float | complex,
    /,
    num: int,
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
    endpoint: bool = True,
) -> Tensor:
    """``num`` evenly spaced numbers from ``start`` to ``stop``.

    Parameters
    ----------
    start, stop
        Python ints, floats or complex numbers.
    num
        The number of values, a nonnegative int.
    dtype
        A numeric dtype. Default complex128 when ``start`` or ``stop`` is complex,
        else float64. Values are computed in double precision and rounded once to
        ``dtype``; an integer dtype gets their floors, as in NumPy (an extension:
        the standard asks for a floating-point dtype).
    device
        Default the CPU.
    endpoint
        Whether ``stop`` is the last value (True) or excluded (False: the values are
        the first ``num`` of ``linspace(start, stop, num + 1)``).

    Returns
    -------
    Tensor
        A new 1-d tensor on ``device``.

    Raises
    ------
    TypeError
        A non-scalar bound, a bool dtype, a complex bound for a real dtype.
    ValueError
        A negative ``num``, a bound that is not finite for an integer dtype, or an
        unknown or unavailable ``device``.
    OverflowError
        A bound out of the dtype's range.

    Examples
    --------
    >>> xp.linspace(0, 1, 5)
    tensor([0.  , 0.25, 0.5 , 0.75, 1.  ])
    >>> xp.linspace(0, 1, 4, endpoint=False, dtype=xp.float32)
    tensor([0.  , 0.25, 0.5 , 0.75], dtype=xtensor.float32)
    """
    is_complex = isinstance(start, complex) or isinstance(stop, complex)
    dt = _dtype(dtype, complex128 if is_complex else float64, "linspace")
    dev = _device(device, "linspace")
    if dtype is None and dev is not CPU:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    if dt.kind not in _FLOAT_KINDS and dt.kind not in _INTEGER_KINDS:
        raise TypeError(f"linspace: dtype must be a numeric dtype, got {dt.name}")
    if num.__class__ is int and 0 <= num <= _WIDE:
        n = num
    else:
        n = check_size(num, "linspace", "num")
        check_allocation((n,), dt.numpy.itemsize, "linspace", "num", n)
    if endpoint.__class__ is not bool:
        endpoint = check_bool(endpoint, "linspace", "endpoint")
    if dt.kind in _INTEGER_KINDS:
        return _integer_linspace(dev, start, stop, n, endpoint, dt)
    lo = _scalar_for(start, dt, "linspace", "start")
    hi = _scalar_for(stop, dt, "linspace", "stop")
    if dt.kind == "real floating":
        return on_device(dev, "linspace", lo, hi, n, endpoint=endpoint, dtype=dt.numpy)
    # The standard spaces the real and imaginary parts independently; complex
    # arithmetic (dividing by num + 0j) would round differently.
    backend = dev.backend
    with current(dev):
        real = backend.linspace(lo.real, hi.real, n, endpoint=endpoint)
        imag = backend.linspace(lo.imag, hi.imag, n, endpoint=endpoint)
        array = backend.empty(n, dtype=dt.numpy)
        array.real = real
        array.imag = imag
        return wrap(array, dev)


def _integer_linspace(
    dev: Device, start: object, stop: object, n: int, endpoint: bool, dt: DType
) -> Tensor:
    """Integer ``linspace`` as NumPy computes it: float64 values, floored, then cast.

    The bounds are real numbers (floats too); their floors must be in ``dt``'s range,
    and then so is every value between them (NumPy would wrap them silently).
    """
    for name, value in (("start", start), ("stop", stop)):
        if isinstance(value, complex):
            _scalar_for(value, dt, "linspace", name)  # raises, naming dt
    lo = _scalar_for(start, float64, "linspace", "start")
    hi = _scalar_for(stop, float64, "linspace", "stop")
    low, high = INT_RANGE[dt]
    for name, value in (("start", lo), ("stop", hi)):
        if not math.isfinite(value):
            raise ValueError(f"linspace: {name} must be finite for {dt.name}, got {value!r}")
        if not low <= math.floor(value) <= high:
            raise OverflowError(
                f"linspace: {name} {value!r} is out of range for {dt.name} ({low} to {high})"
            )
    backend = dev.backend
    with current(dev):
        array = backend.linspace(lo, hi, n, endpoint=endpoint, dtype=float64.numpy)
        backend.floor(array, out=array)
        return wrap(array.astype(dt.numpy), dev)


# --- matrices -------------------------------------------------------------------------


def eye(
    n_rows: int,
    n_cols: int | None = None,
    /,
    *,
    k: int = 0,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """A new 2-d tensor with ones on the ``k``-th diagonal and zeros elsewhere.

    Parameters
    ----------
    n_rows : int
        The number of rows, nonnegative.
    n_cols : int, optional
        The number of columns; default ``n_rows``.
    k : int
        The diagonal: 0 the main one, ``k > 0`` above it, ``k < 0`` below it.
    dtype
        Default float64.
    device
        Default the CPU.

    Returns
    -------
    Tensor
        A new tensor of shape ``(n_rows, n_cols)`` on ``device``.

    Raises
    ------
    TypeError
        Non-integer sizes or ``k``, or an unknown dtype.
    ValueError
        A negative size, or an unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.eye(2)
    tensor([[1., 0.],
            [0., 1.]])
    >>> xp.eye(2, 3, k=1, dtype=xp.int64)
    tensor([[0, 1, 0],
            [0, 0, 1]])
    """
    rows = check_size(n_rows, "eye", "n_rows")
    cols = rows if n_cols is None else check_size(n_cols, "eye", "n_cols")
    diagonal = k if k.__class__ is int else check_int(k, "eye", "k")
    dt = _dtype(dtype, float64, "eye")
    if rows > _WIDE or cols > _WIDE:  # so wide that the tensor may not exist at all
        check_allocation((rows, cols), dt.numpy.itemsize, "eye", "n_rows and n_cols", (rows, cols))
    dev = _device(device, "eye")
    if dtype is None and dev is not CPU:
        dt = dev.defaults.get(dt, dt)  # a device with other defaults (an emulated one)
    diagonal = max(-rows, min(diagonal, cols))  # beyond these every element is 0
    return on_device(dev, "eye", rows, cols, k=diagonal, dtype=dt.numpy)


def _triangle(x: Tensor, k: int, what: str) -> Tensor:
    x = _tensor(x, what)
    array = x._array
    if array.ndim < 2:
        raise ValueError(
            f"{what}: expected a matrix or a stack of matrices (ndim >= 2), got shape {array.shape}"
        )
    rows, cols = array.shape[-2:]
    diagonal = max(-rows, min(k if k.__class__ is int else check_int(k, what, "k"), cols))
    return on_device(x._device, what, array, k=diagonal)


def tril(x: Tensor, /, *, k: int = 0) -> Tensor:
    """The lower triangle of each matrix in ``x``.

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, N)``.
    k : int
        The diagonal above which elements are zeroed: 0 the main one, ``k > 0`` above
        it, ``k < 0`` below it.

    Returns
    -------
    Tensor
        A new tensor with ``x``'s shape, dtype and device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``k`` is not an integer.
    ValueError
        ``x.ndim < 2``.

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> xp.tril(x)
    tensor([[1, 0, 0],
            [4, 5, 0],
            [7, 8, 9]])
    >>> xp.tril(x, k=-1)
    tensor([[0, 0, 0],
            [4, 0, 0],
            [7, 8, 0]])
    """
    return _triangle(x, k, "tril")


def triu(x: Tensor, /, *, k: int = 0) -> Tensor:
    """The upper triangle of each matrix in ``x``.

    Parameters
    ----------
    x : Tensor
        A tensor of shape ``(..., M, N)``.
    k : int
        The diagonal below which elements are zeroed: 0 the main one, ``k > 0`` above
        it, ``k < 0`` below it.

    Returns
    -------
    Tensor
        A new tensor with ``x``'s shape, dtype and device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, or ``k`` is not an integer.
    ValueError
        ``x.ndim < 2``.

    Examples
    --------
    >>> x = xp.asarray([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    >>> xp.triu(x)
    tensor([[1, 2, 3],
            [0, 5, 6],
            [0, 0, 9]])
    >>> xp.triu(x, k=1)
    tensor([[0, 2, 3],
            [0, 0, 6],
            [0, 0, 0]])
    """
    return _triangle(x, k, "triu")


def meshgrid(*arrays: Tensor, indexing: Literal["xy", "ij"] = "xy") -> tuple[Tensor, ...]:
    """Coordinate matrices from 1-d coordinate tensors.

    Parameters
    ----------
    arrays
        1-d tensors on one device, of lengths ``N1, N2, ..., Nn``.
    indexing
        ``"xy"`` (Cartesian: each result has shape ``(N2, N1, N3, ..., Nn)``) or
        ``"ij"`` (matrix: shape ``(N1, N2, ..., Nn)``).

    Returns
    -------
    tuple of Tensor
        ``n`` new tensors (copies, each with its input's dtype) on the inputs' device.

    Raises
    ------
    TypeError
        An argument that is not a Tensor.
    ValueError
        A bad ``indexing``, an input that is not 1-d, inputs on different devices.

    Examples
    --------
    >>> X, Y = xp.meshgrid(xp.asarray([1, 2, 3]), xp.asarray([4, 5]))
    >>> X
    tensor([[1, 2, 3],
            [1, 2, 3]])
    >>> Y
    tensor([[4, 4, 4],
            [5, 5, 5]])
    >>> xp.meshgrid(xp.asarray([1, 2, 3]), xp.asarray([4, 5]), indexing="ij")[0].shape
    (3, 2)
    """
    if indexing.__class__ is not str or indexing != "xy" and indexing != "ij":
        check_choice(indexing, ("xy", "ij"), "meshgrid", "indexing")
    if not arrays:
        return ()
    device = _tensor(arrays[0], "meshgrid")._device
    backend_arrays = []
    for x in arrays:
        x = _tensor(x, "meshgrid")
        if x._device is not device:
            raise device_mismatch("meshgrid", device, x._device)
        if x._array.ndim != 1:
            raise ValueError(f"meshgrid: expected 1-d tensors, got one of shape {x._array.shape}")
        backend_arrays.append(x._array)
    with current(device):
        grids = device.backend.meshgrid(*backend_arrays, indexing=indexing)
    return tuple(wrap(g, device) for g in grids)
