"""Argument checks: one gate per kind of argument, shared by every function.

Like NumPy's ``normalize_axis_index`` and ``operator.index``, each helper here validates
one kind of argument (a bool, an integer, a count or size, a shape, a real number, an
axis or axes, a dtype, a device, a choice among strings, a Python scalar operand) and
builds the message, naming the function and the parameter:
``f"{func}: {name} must be ..., got {value}"``. Every function calls these; none checks
its own way.

Arguments are checked by type, not by truthiness: a bool is ``True``, ``False``,
``numpy.bool_`` or a 0-d bool tensor (NumPy's or xtensor's), never ``1``, ``nan`` or a
tensor of another library; an integer is anything ``operator.index`` takes except a bool
(as NumPy's shapes and axes and PyTorch's integer arguments refuse them), a tensor of
more than zero dimensions, or a tensor of another library.

Each gate is cheap on the values callers pass every day (``x.__class__ is bool``,
``x.__class__ is int``); hot functions test that inline and call the gate only for other
values.

A bad axis raises ``AxisError``, which is both an ``IndexError`` and a ``ValueError`` (as
NumPy's is): the standard asks for an ``IndexError`` in some places and code written
against NumPy catches ``ValueError``.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from typing import Any

from ._backend import numpy as np
from ._devices import Device, as_device
from ._dtypes import ALL_DTYPES, BY_NAME, DType, as_dtype
from ._tensor import Tensor

__all__ = [
    "AxisError",
    "MAX_DIMS",
    "SCALAR_RANGES",
    "check_allocation",
    "check_bool",
    "check_choice",
    "check_count",
    "check_device",
    "check_dtype",
    "check_int",
    "check_ints",
    "check_optional_bool",
    "check_real",
    "check_scalar",
    "check_shape",
    "check_size",
    "normalize_axes",
    "normalize_axis",
    "not_a_tensor",
    "show",
]

MAX_DIMS = 64  # NumPy's (and CuPy's) limit on the number of dimensions
# The most bytes (and so elements) one tensor can hold: NumPy's and CuPy's limit.
MAX_BYTES = 2**63 - 1
_ndarray = np.ndarray
_generic = np.generic
_bool_ = np.bool_
_NP_BOOL = np.dtype("bool")
_INF = math.inf


class AxisError(IndexError, ValueError):
    """An axis out of range for a tensor's rank, or given twice.

    ``axis`` is the offending value and ``ndim`` the rank it was checked against.
    """

    def __init__(self, message: str, axis: object, ndim: int) -> None:
        super().__init__(message)
        self.axis = axis
        self.ndim = ndim


# --- how values are shown in messages ----------------------------------------------------


def show(value: object) -> str:
    """A short description of ``value`` for a message: its repr when short, else less."""
    cls = value.__class__
    if cls is int and not -(2**64) < value < 2**64:  # type: ignore[operator]
        # Never the digits of a huge int: str() refuses those past 4300 digits.
        sign = "-" if value < 0 else ""  # type: ignore[operator]
        magnitude: int = abs(value)  # type: ignore[arg-type]
        bits = magnitude.bit_length()
        if magnitude == 1 << (bits - 1):
            return f"{sign}2**{bits - 1}"
        k = round(math.log10(magnitude))
        exact = k < 10_000 and magnitude == 10**k
        return f"{sign}{'' if exact else 'about '}10**{k}"
    if cls is not Tensor and cls is not DType and _is_array(cls):
        shape = getattr(value, "shape", None)
        name = f"{cls.__module__.split('.')[0]}.{cls.__name__}"
        try:
            return f"a {len(shape)}-d {name} of shape {tuple(shape)}"  # type: ignore[arg-type]
        except TypeError:
            return f"a {name}"
    try:
        text = repr(value)
    except Exception:  # a repr that fails says nothing more than the type
        return f"a {cls.__name__}"
    return text if len(text) <= 60 else f"{text[:57]}..."


def _is_array(cls: type) -> bool:
    """Whether instances of ``cls`` are arrays (of NumPy, xtensor or another library)."""
    return cls is _ndarray or hasattr(cls, "__dlpack__") or hasattr(cls, "__array_namespace__")


def _foreign(value: object) -> bool:
    """Whether ``value`` is an array that cannot stand for one number: a tensor of another
    library (PyTorch, JAX, CuPy, ...), or an xtensor or NumPy array of more than 0-d."""
    cls = value.__class__
    if cls is Tensor or cls is _ndarray:
        return value.ndim != 0  # type: ignore[attr-defined, no-any-return]
    return not issubclass(cls, _generic) and _is_array(cls)


def not_a_tensor(func: str, x: object, name: str = "x") -> TypeError:
    """The error for an argument that should have been a Tensor."""
    return TypeError(f"{func}: {name} must be an xtensor Tensor, got {type(x).__name__}")


# --- bools --------------------------------------------------------------------------------


def check_bool(value: object, func: str, name: str) -> bool:
    """``value`` as a bool: True, False, ``numpy.bool_``, or a 0-d bool tensor (xtensor's
    or NumPy's), as NumPy takes one. Anything else is a TypeError: 1, nan, a tensor of
    another library."""
    cls = value.__class__
    if cls is bool:
        return value  # type: ignore[return-value]
    if cls is _bool_:
        return bool(value)
    if cls is Tensor:
        a = value._array  # type: ignore[attr-defined]
        if a.ndim == 0 and a.dtype == _NP_BOOL:
            return bool(a)
    elif cls is _ndarray and value.ndim == 0 and value.dtype == _NP_BOOL:  # type: ignore[attr-defined]
        return bool(value)
    raise TypeError(f"{func}: {name} must be True or False, got {show(value)}")


def check_optional_bool(value: object, func: str, name: str) -> bool | None:
    """``value`` as a bool or None (``copy``'s three values)."""
    if value is None:
        return None
    cls = value.__class__
    if cls is bool:
        return value  # type: ignore[return-value]
    try:
        return check_bool(value, func, name)
    except TypeError:
        raise TypeError(f"{func}: {name} must be True, False or None, got {show(value)}") from None


# --- integers, counts, sizes, shapes ------------------------------------------------------


def check_int(value: object, func: str, name: str) -> int:
    """``value`` as a Python int, through ``operator.index``; never a bool, a tensor of
    more than 0-d, or a tensor of another library."""
    cls = value.__class__
    if cls is int:
        return value  # type: ignore[return-value]
    if cls is not bool and not _foreign(value):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise TypeError(f"{func}: {name} must be an integer, got {show(value)}")


def check_ints(values: object, func: str, name: str) -> tuple[int, ...]:
    """``values`` (a tuple or list of integers, each as ``check_int`` takes it) as a
    tuple of Python ints."""
    if not isinstance(values, (tuple, list)):
        raise TypeError(f"{func}: {name} must be a tuple of integers, got {show(values)}")
    return tuple([v if v.__class__ is int else check_int(v, func, name) for v in values])


def check_count(value: object, func: str, name: str) -> int:
    """``value`` as an int >= 0 that drives no allocation (``diff``'s ``n``): any size
    is valid, and the caller answers huge ones in time independent of their size."""
    n = value if value.__class__ is int else check_int(value, func, name)
    if n < 0:
        raise ValueError(f"{func}: {name} must be non-negative, got {show(n)}")
    return n


def check_size(value: object, func: str, name: str, minimum: int = 0) -> int:
    """``value`` as an int >= ``minimum`` that a tensor's length may have: one past the
    largest (2**63 - 1 elements) is a ValueError, before any work is done."""
    n = value if value.__class__ is int else check_int(value, func, name)
    if n < minimum:
        bound = "non-negative" if minimum == 0 else f">= {minimum}"
        raise ValueError(f"{func}: {name} must be {bound}, got {show(n)}")
    if n > MAX_BYTES:
        raise ValueError(
            f"{func}: {name}={show(n)} is larger than any tensor can be "
            "(at most 2**63 - 1 elements)"
        )
    return n


def check_allocation(
    shape: Sequence[int], itemsize: int, func: str, name: str, value: object
) -> None:
    """A ValueError naming ``name`` when a tensor of ``shape`` cannot exist: more than
    2**63 - 1 bytes, which no allocation can give (counting the sizes other than 0, as
    NumPy does). A size that merely exceeds the memory at hand is left to the
    allocation, whose MemoryError says so."""
    count = 1
    for d in shape:
        if d:
            count *= d
    if count * itemsize > MAX_BYTES:
        counted = " (of the sizes other than 0)" if 0 in shape else ""
        given, dims = show(value), _shape_text(shape)
        asks = given if given == dims else f"{given} asks for a tensor of shape {dims}"
        raise ValueError(
            f"{func}: {name}={asks}: {show(count)} elements{counted} of {itemsize} bytes, "
            "more than any tensor can hold (at most 2**63 - 1 bytes)"
        )


def _shape_text(shape: Sequence[int]) -> str:
    return "(" + ", ".join(show(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def check_shape(
    shape: object, func: str, name: str = "shape", itemsize: int = 1
) -> tuple[int, ...]:
    """``shape`` (an int, or a tuple or list of ints) as a tuple of sizes >= 0, of at
    most 64 dimensions, whose tensor (of elements of ``itemsize`` bytes) can exist."""
    if shape.__class__ is int:
        dims: tuple[int, ...] = (shape,)
    elif isinstance(shape, (tuple, list)):
        dims = tuple([d if d.__class__ is int else _dimension(d, shape, func, name) for d in shape])
    else:
        dims = (_dimension(shape, shape, func, name),)
    for d in dims:
        if d < 0:
            raise ValueError(f"{func}: {name} dimensions must be non-negative, got {show(shape)}")
    if len(dims) > MAX_DIMS:
        raise ValueError(
            f"{func}: a tensor has at most {MAX_DIMS} dimensions, got a {name} with {len(dims)}"
        )
    check_allocation(dims, itemsize, func, name, shape)
    return dims


def _dimension(d: object, shape: object, func: str, name: str) -> int:
    try:
        return check_int(d, func, name)
    except TypeError:
        raise TypeError(
            f"{func}: {name} must be an int or a tuple of ints, got {show(shape)}"
        ) from None


# --- real numbers ---------------------------------------------------------------------------


def check_real(
    value: object,
    func: str,
    name: str,
    *,
    minimum: float | None = None,
    finite: bool = False,
    nonzero: bool = False,
) -> int | float:
    """``value`` as a Python int or float: Python's and NumPy's real numbers, or a 0-d
    real tensor; never a bool, a complex, NaN (a number is asked for), nor a tensor of
    another library. ``minimum``, ``finite`` and ``nonzero`` narrow the range."""
    cls = value.__class__
    number: Any
    if cls is float or cls is int:
        number = value
    elif cls is bool or cls is _bool_:
        raise TypeError(f"{func}: {name} must be a real number, not a bool, got {value!r}")
    elif isinstance(value, (int, float)):  # subclasses: NumPy's float64, IntEnum, ...
        number = float(value) if isinstance(value, float) else operator.index(value)
    else:
        a: Any = value._array if cls is Tensor else value  # type: ignore[attr-defined]
        if (
            not (isinstance(a, (_ndarray, _generic)) or cls is Tensor)
            or a.ndim != 0
            or (a.dtype.kind not in "iuf")
        ):
            raise TypeError(
                f"{func}: {name} must be a real number (int or float), got {show(value)}"
            )
        number = a.item()
    if number != number:
        raise ValueError(f"{func}: {name} must be a number, got nan")
    if finite and (number == _INF or number == -_INF):
        raise ValueError(f"{func}: {name} must be finite, got {number!r}")
    if minimum is not None and number < minimum:
        raise ValueError(f"{func}: {name} must be >= {minimum}, got {show(number)}")
    if nonzero and number == 0:
        raise ValueError(f"{func}: {name} must not be 0, got {number!r}")
    return number  # type: ignore[no-any-return]


# --- Python scalars standing for tensors ----------------------------------------------------


def _int_range(dtype: Any) -> tuple[int, int]:
    if dtype.kind in "fc":  # the ints a float holds: below 2**1024, which rounds to inf
        return -(2**1024) + 1, 2**1024 - 1
    info = np.iinfo(dtype if dtype.kind in "iu" else np.int64)  # bool takes int64's
    return int(info.min), int(info.max)


# The Python ints a tensor of each (NumPy) dtype takes as an operand; callers test
# ``lo <= value <= hi`` inline and call ``check_scalar`` for the others.
SCALAR_RANGES: dict[Any, tuple[int, int]] = {
    np.dtype(d.numpy): _int_range(np.dtype(d.numpy)) for d in ALL_DTYPES
}


def check_scalar(value: int, dtype: Any, func: str, name: str, *, compare: bool = False) -> int:
    """A Python int operand for a tensor of NumPy dtype ``dtype``, checked where NumPy
    would refuse it with a message of its own: an int out of an integer dtype's range,
    or too large for a float. Comparisons (``compare``) of integers answer out-of-range
    ints as NumPy does, and so pass."""
    lo, hi = SCALAR_RANGES[dtype]
    if lo <= value <= hi:
        return value
    if dtype.kind in "fc":
        raise OverflowError(
            f"{func}: the Python int {name}={show(value)} is too large for a floating-point "
            f"tensor ({dtype})"
        )
    if compare:
        return value
    raise OverflowError(
        f"{func}: the Python int {name}={show(value)} is out of range for {dtype} ({lo} to {hi})"
    )


# --- axes -------------------------------------------------------------------------------------


def _axis_type_error(func: str, name: str, value: object, element: bool) -> TypeError:
    what = "an axis" if name == "axis" else f"an axis in {name}" if element else name
    return TypeError(f"{func}: {what} must be an integer, got {show(value)}")


def _out_of_range(func: str, axis: int, ndim: int, name: str, element: bool) -> AxisError:
    where = f"axis {show(axis)} in {name}" if element and name != "axis" else f"{name} {show(axis)}"
    if ndim == 0:
        return AxisError(f"{func}: {where} is out of range: a 0-d tensor has no axes", axis, 0)
    return AxisError(
        f"{func}: {where} is out of range for a {ndim}-d tensor "
        f"(expected {-ndim} <= axis < {ndim})",
        axis,
        ndim,
    )


def normalize_axis(
    axis: Any, ndim: int, func: str, name: str = "axis", *, element: bool = False
) -> int:
    """``axis`` as an integer in ``[0, ndim)``; AxisError when out of range. ``name`` is
    the parameter (``element``: the parameter holds a sequence of axes, this one of them)."""
    if axis.__class__ is not int:
        try:
            axis = check_int(axis, func, name)
        except TypeError:
            raise _axis_type_error(func, name, axis, element) from None
    if -ndim <= axis < ndim:
        return axis + ndim if axis < 0 else axis  # type: ignore[no-any-return]
    raise _out_of_range(func, axis, ndim, name, element)


def normalize_axes(
    axis: Any,
    ndim: int,
    func: str,
    name: str = "axis",
    *,
    allow_repeats: bool = False,
    single: bool = True,
) -> tuple[int, ...]:
    """``axis`` (an int, or a tuple or list of ints) as a tuple of axes in ``[0, ndim)``.

    Repeated axes raise AxisError unless ``allow_repeats``; a lone int is a TypeError
    unless ``single`` (for parameters that the standard types as a sequence).
    """
    if axis.__class__ is int and single:
        if -ndim <= axis < ndim:
            return (axis + ndim if axis < 0 else axis,)
        raise _out_of_range(func, axis, ndim, name, False)
    if not isinstance(axis, (tuple, list, range)):
        if not single:
            raise TypeError(f"{func}: {name} must be a tuple or list of integers, got {show(axis)}")
        return (normalize_axis(axis, ndim, func, name),)
    axes = tuple([normalize_axis(a, ndim, func, name, element=True) for a in axis])
    if not allow_repeats and len(set(axes)) != len(axes):
        where = "" if name == "axis" else f"{name} "
        raise AxisError(
            f"{func}: repeated axis in {where}{tuple(axis)!r} (for a {ndim}-d tensor each axis "
            "may appear once)",
            axis,
            ndim,
        )
    return axes


# --- dtypes, devices, choices -------------------------------------------------------------


_DTYPE_NAMES = ", ".join(d.name for d in ALL_DTYPES)


def check_dtype(value: object, func: str, name: str = "dtype") -> DType:
    """``value`` as an xtensor dtype (a NumPy dtype or type that maps to one is taken
    too); never None, a tensor, or another library's dtype."""
    if value.__class__ is DType:
        return value
    if value is None or value.__class__ is Tensor:
        got = "None" if value is None else "a Tensor; pass its .dtype"
        raise TypeError(f"{func}: {name} must be a dtype, got {got}")
    if isinstance(value, str):  # a name; NumPy's parser would read ',' (SyntaxError)
        found = BY_NAME.get(value)
        if found is not None:
            return found
    elif not _is_array(value.__class__):
        try:
            return as_dtype(value)
        except TypeError:
            pass
    raise TypeError(
        f"{func}: unsupported {name} {show(value)}: expected one of xtensor's dtypes "
        f"({_DTYPE_NAMES})"
    )


def check_device(value: object, func: str, name: str = "device") -> Device:
    """``value`` (a Device, ``"cpu"``, ``"cuda"``, ``"cuda:N"``, a peer's device object)
    as a Device; ValueError naming the function otherwise."""
    if value.__class__ is Device:
        return value
    if value.__class__ is bool or _foreign(value) or value.__class__ is Tensor:
        raise TypeError(
            f"{func}: {name} must be an xtensor.Device, 'cpu', 'cuda' or 'cuda:N', "
            f"got {show(value)}"
        )
    try:
        return as_device(value)
    except (TypeError, ValueError) as exc:  # its message says "device ..."
        where = func if name == "device" else f"{func}: {name}"
        raise type(exc)(f"{where}: {exc}") from None


def check_choice(value: object, choices: tuple[str, ...], func: str, name: str) -> str:
    """``value`` as one of the strings ``choices``; a ValueError for anything else (as
    the standard asks of ``__array_namespace__``'s ``api_version``)."""
    if value.__class__ is str and value in choices:
        return value
    shown = [repr(c) for c in choices]
    expected = f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else shown[0]
    raise ValueError(f"{func}: {name} must be {expected}, got {show(value)}")
