"""Data type functions: ``astype``, ``can_cast``, ``finfo``, ``iinfo``, ``isdtype``,
``result_type``.

Promotion questions are answered from ``_dtypes.PROMOTION`` and ``scalar_result``
(the one table), never by asking the backend. Every device supports every dtype,
so the answers do not depend on the device.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import _dlpack
from ._arguments import check_bool, check_device, check_dtype, not_a_tensor, show
from ._backend import numpy as np
from ._creation_functions import current
from ._devices import Device
from ._dtypes import (
    ALL_DTYPES,
    PROMOTION,
    DType,
    complex64,
    complex128,
    float32,
    float64,
    promote,
    scalar_result,
)
from ._tensor import Tensor, wrap

__all__ = [
    "astype",
    "can_cast",
    "finfo",
    "iinfo",
    "isdtype",
    "result_type",
    "FloatInfo",
    "IntInfo",
]

# The standard's dtype kinds, each as the set of ``DType.kind`` values it covers.
KINDS: dict[str, frozenset[str]] = {
    "bool": frozenset({"bool"}),
    "signed integer": frozenset({"signed integer"}),
    "unsigned integer": frozenset({"unsigned integer"}),
    "integral": frozenset({"signed integer", "unsigned integer"}),
    "real floating": frozenset({"real floating"}),
    "complex floating": frozenset({"complex floating"}),
    "numeric": frozenset(
        {"signed integer", "unsigned integer", "real floating", "complex floating"}
    ),
}
_PYTHON_SCALARS = (bool, int, float, complex)
_COMPLEX_OR_BOOL = ("complex floating", "bool")


def _dtype_arg(value: object, what: str, name: str, *, tensor: bool = False) -> DType:
    """A dtype argument (see ``check_dtype``); with ``tensor=True`` also a Tensor,
    standing for its dtype."""
    if tensor and value.__class__ is Tensor:
        return value.dtype
    return check_dtype(value, what, name)


# --- astype ---------------------------------------------------------------------------


def astype(
    x: Tensor, dtype: DType, /, *, copy: bool = True, device: Device | str | None = None
) -> Tensor:
    """``x`` cast to ``dtype`` (and moved to ``device``), ignoring promotion rules.

    Parameters
    ----------
    x
        The tensor to cast.
    dtype
        The wanted dtype. Complex to real dtypes is refused (take ``real`` or ``imag``
        first); complex to bool is allowed (``0 + 0j`` is False).
    copy
        True (default): always a new tensor. False: ``x`` itself when its dtype and
        device already match, else a new tensor.
    device
        Default ``x``'s device; another device copies the data there.

    Returns
    -------
    Tensor
        ``x`` itself (``copy=False``, nothing to change) or a new tensor on the
        target device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor, ``dtype`` is unknown, a complex-to-real cast, or ``copy``
        is not a bool.
    ValueError
        ``device`` is unknown or unavailable.

    Examples
    --------
    >>> x = xp.asarray([1.5, -2.7])
    >>> xp.astype(x, xp.int32)
    tensor([ 1, -2], dtype=xtensor.int32)
    >>> xp.astype(x, xp.float64, copy=False) is x
    True
    >>> xp.astype(xp.asarray([1j]), xp.float64)
    Traceback (most recent call last):
        ...
    TypeError: astype: casting complex complex128 to float64 would drop the imaginary part; ...
    """
    if x.__class__ is not Tensor:
        raise not_a_tensor("astype", x)
    dt = dtype if dtype.__class__ is DType else check_dtype(dtype, "astype", "dtype")
    if copy.__class__ is not bool:
        copy = check_bool(copy, "astype", "copy")
    array = x._array
    source = x._device
    target = source if device is None else check_device(device, "astype")
    src = x.dtype
    if src is not dt and src.kind == "complex floating" and dt.kind not in _COMPLEX_OR_BOOL:
        raise TypeError(
            f"astype: casting complex {src.name} to {dt.name} would drop the imaginary "
            "part; cast real(x) or imag(x) instead"
        )
    if target is not source:
        if src in target.unsupported:  # the target cannot hold x's dtype: cast first
            with current(source):
                array = array.astype(dt.numpy)
        array = _dlpack.move(array, source, target, None)
        with current(target):
            return wrap(array.astype(dt.numpy, copy=False), target)
    if src is dt:
        if not copy:
            return x
        with current(source):
            return wrap(array.copy(), source)
    with current(source):
        return wrap(array.astype(dt.numpy), source)


# --- promotion ------------------------------------------------------------------------


def can_cast(from_: DType | Tensor, to: DType, /) -> bool:
    """Whether ``from_`` casts to ``to`` by the promotion rules.

    True exactly when promoting ``from_`` with ``to`` gives ``to`` (for the pairs the
    standard leaves open, as NumPy's "safe" casting answers; False in strict mode,
    which has no promotion for them).

    Parameters
    ----------
    from_ : DType or Tensor
        The source dtype, or a tensor standing for its dtype.
    to : DType
        The target dtype.

    Returns
    -------
    bool
        Whether the cast loses nothing by the promotion rules.

    Raises
    ------
    TypeError
        An argument that is not a dtype (or a Tensor, for ``from_``).

    Examples
    --------
    >>> xp.can_cast(xp.int8, xp.int32)
    True
    >>> xp.can_cast(xp.int64, xp.int32)
    False
    >>> xp.can_cast(xp.asarray([1.0]), xp.complex128)
    True
    """
    a = _dtype_arg(from_, "can_cast", "from_", tensor=True)
    b = _dtype_arg(to, "can_cast", "to")
    try:
        return PROMOTION[a, b] is b
    except KeyError:  # strict mode took the pair out: the standard does not promote it
        return False


def result_type(*arrays_and_dtypes: Tensor | int | float | complex | bool | DType) -> DType:
    """The dtype of the result of an operation on these tensors, dtypes and Python scalars.

    Tensors and dtypes promote by the promotion table, first within their family
    (bool; integers; floating point), where the standard's lattice makes the order
    irrelevant, then the families with each other. So the answer never depends on the
    order of the arguments, and for two it is the table's entry. Python scalars then
    apply the standard's scalar rules (a scalar of a fitting kind takes the dtype;
    where the standard leaves it open, as NumPy answers: int8 with 1.0 gives float64).

    Parameters
    ----------
    *arrays_and_dtypes : Tensor, DType, or Python bool, int, float or complex
        At least one tensor or dtype, and any Python scalars.

    Returns
    -------
    DType
        The promoted dtype.

    Raises
    ------
    ValueError
        No tensor or dtype among the arguments.
    TypeError
        An argument that is not a Tensor, dtype or Python scalar.

    Examples
    --------
    >>> xp.result_type(xp.int8, xp.uint8)
    xtensor.int16
    >>> xp.result_type(xp.asarray([1, 2], dtype=xp.float32), xp.float64)
    xtensor.float64
    >>> xp.result_type(xp.float32, 1.0)
    xtensor.float32
    >>> xp.result_type(1, 2.0)
    Traceback (most recent call last):
        ...
    ValueError: result_type: at least one tensor or dtype is required, got (1, 2.0)
    """
    families: list[DType | None] = [None, None, None]
    scalars = []
    for arg in arrays_and_dtypes:
        cls = arg.__class__
        if cls is DType:
            dt: DType = arg  # type: ignore[assignment]
        elif cls is Tensor:
            dt = arg.dtype  # type: ignore[union-attr]
        elif isinstance(arg, _PYTHON_SCALARS):
            scalars.append(arg)
            continue
        else:
            dt = _dtype_arg(arg, "result_type", "arrays_and_dtypes", tensor=True)
        family = _FAMILY[dt.kind]
        seen = families[family]
        families[family] = dt if seen is None else promote(seen, dt)
    booleans, integers, floats = families
    result = (
        integers if floats is None else floats if integers is None else promote(integers, floats)
    )
    if booleans is not None:
        result = booleans if result is None else promote(result, booleans)
    if result is None:
        raise ValueError(
            f"result_type: at least one tensor or dtype is required, got {arrays_and_dtypes!r}"
        )
    for scalar in scalars:
        result = scalar_result(result, scalar)
    return result


# The families within which the standard's promotion lattice is associative.
_FAMILY = {
    "bool": 0,
    "signed integer": 1,
    "unsigned integer": 1,
    "real floating": 2,
    "complex floating": 2,
}


# --- kinds ------------------------------------------------------------------------------


def isdtype(dtype: DType, kind: DType | str | tuple[DType | str, ...]) -> bool:
    """Whether ``dtype`` is of ``kind``.

    Parameters
    ----------
    dtype : DType
        The dtype to classify.
    kind : DType, str, or tuple of those
        A dtype (the same one), a kind name, or a tuple of those (any of them). Kind
        names: ``"bool"``, ``"signed integer"``, ``"unsigned integer"``,
        ``"integral"``, ``"real floating"`` (includes the ``float16`` extension),
        ``"complex floating"``, ``"numeric"``.

    Returns
    -------
    bool
        Whether ``dtype`` is of ``kind``.

    Raises
    ------
    TypeError
        ``dtype`` is not a dtype, or ``kind`` is not a string, dtype or tuple.
    ValueError
        An unknown kind name.

    Examples
    --------
    >>> xp.isdtype(xp.int32, "integral")
    True
    >>> xp.isdtype(xp.float32, ("bool", "complex floating"))
    False
    >>> xp.isdtype(xp.float32, xp.float32)
    True
    """
    dt = dtype if dtype.__class__ is DType else check_dtype(dtype, "isdtype", "dtype")
    if kind.__class__ is tuple:
        return any(_is_kind(dt, k) for k in kind)
    return _is_kind(dt, kind)


def _is_kind(dt: DType, kind: object) -> bool:
    if isinstance(kind, str):
        kinds = KINDS.get(kind)
        if kinds is None:
            raise ValueError(
                f"isdtype: unknown kind {kind!r}: expected a dtype or one of "
                f"{', '.join(repr(k) for k in KINDS)}"
            )
        return dt.kind in kinds
    if kind.__class__ is DType:
        return kind is dt
    if kind.__class__ is not tuple:
        try:
            return check_dtype(kind, "isdtype", "kind") is dt
        except TypeError:
            pass
    raise TypeError(
        f"isdtype: kind must be a dtype, a kind name or a tuple of those, got {show(kind)}"
    )


# --- machine limits ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FloatInfo:
    """Machine limits of a real floating dtype, as ``finfo`` returns them.

    An immutable record; complex dtypes give their real component's limits.

    Attributes
    ----------
    bits : int
        The number of bits of the dtype.
    eps : float
        The difference between 1.0 and the next larger representable number.
    max : float
        The largest finite value.
    min : float
        The smallest (most negative) finite value.
    smallest_normal : float
        The smallest positive normal value.
    dtype : DType
        The real floating dtype these limits are of.

    Examples
    --------
    >>> info = xp.finfo(xp.float32)
    >>> info.bits, info.eps
    (32, 1.1920928955078125e-07)
    >>> info.dtype
    xtensor.float32
    """

    bits: int
    eps: float
    max: float
    min: float
    smallest_normal: float
    dtype: DType


@dataclass(frozen=True, slots=True)
class IntInfo:
    """Machine limits of an integer dtype, as ``iinfo`` returns them.

    An immutable record.

    Attributes
    ----------
    bits : int
        The number of bits of the dtype.
    max : int
        The largest value.
    min : int
        The smallest value.
    dtype : DType
        The integer dtype these limits are of.

    Examples
    --------
    >>> xp.iinfo(xp.uint8)
    IntInfo(bits=8, max=255, min=0, dtype=xtensor.uint8)
    """

    bits: int
    max: int
    min: int
    dtype: DType


def _float_info(dtype: DType) -> FloatInfo:
    info = np.finfo(dtype.numpy)
    return FloatInfo(
        bits=int(info.bits),
        eps=float(info.eps),
        max=float(info.max),
        min=float(info.min),
        smallest_normal=float(info.smallest_normal),
        dtype=dtype,
    )


_FINFO: dict[DType, FloatInfo] = {
    d: _float_info(d) for d in ALL_DTYPES if d.kind == "real floating"
}
_FINFO[complex64] = _FINFO[float32]
_FINFO[complex128] = _FINFO[float64]
_IINFO: dict[DType, IntInfo] = {
    d: IntInfo(bits=d.bits, max=int(np.iinfo(d.numpy).max), min=int(np.iinfo(d.numpy).min), dtype=d)
    for d in ALL_DTYPES
    if d.kind in ("signed integer", "unsigned integer")
}


def finfo(type: DType | Tensor, /) -> FloatInfo:
    """Machine limits of a floating dtype (or a tensor's dtype).

    Parameters
    ----------
    type : DType or Tensor
        A real or complex floating-point dtype, or a tensor of one. A complex dtype
        gives its real component's limits (complex64 → float32).

    Returns
    -------
    FloatInfo
        ``bits``, ``eps``, ``max``, ``min``, ``smallest_normal`` (Python floats and an
        int) and ``dtype`` (the real floating dtype).

    Raises
    ------
    TypeError
        Not a floating dtype or tensor.

    Examples
    --------
    >>> xp.finfo(xp.float64).eps
    2.220446049250313e-16
    >>> xp.finfo(xp.complex64).dtype
    xtensor.float32
    >>> xp.finfo(xp.int32)
    Traceback (most recent call last):
        ...
    TypeError: finfo: expected a floating-point dtype or tensor, got int32
    """
    dt = _dtype_arg(type, "finfo", "type", tensor=True)
    info = _FINFO.get(dt)
    if info is None:
        raise TypeError(f"finfo: expected a floating-point dtype or tensor, got {dt.name}")
    return info


def iinfo(type: DType | Tensor, /) -> IntInfo:
    """Machine limits of an integer dtype (or a tensor's dtype).

    Parameters
    ----------
    type : DType or Tensor
        An integer dtype, or a tensor of one.

    Returns
    -------
    IntInfo
        ``bits``, ``max``, ``min`` (Python ints) and ``dtype``.

    Raises
    ------
    TypeError
        Not an integer dtype or tensor.

    Examples
    --------
    >>> xp.iinfo(xp.int8)
    IntInfo(bits=8, max=127, min=-128, dtype=xtensor.int8)
    >>> xp.iinfo(xp.asarray([1, 2])).max
    9223372036854775807
    """
    dt = _dtype_arg(type, "iinfo", "type", tensor=True)
    info = _IINFO.get(dt)
    if info is None:
        raise TypeError(f"iinfo: expected an integer dtype or tensor, got {dt.name}")
    return info
