"""Element-wise functions of the array API standard (2025.12).

Each function resolves its operands with ``_unary`` or ``_binary`` (a Tensor check, a
dtype-kind check, a device check, and the Python scalar either side of a binary
function), makes one kernel call from ``_kernels.KERNELS`` and wraps the result.
The kernels are the ones the Tensor operators use, so ``x // y`` and
``floor_divide(x, y)`` agree, special cases included.

Accepted dtypes follow the standard's categories for each input. Functions the
standard defines on floating-point input also accept integer tensors, with the
floating-point result NumPy gives (the standard leaves integers unspecified there);
bool is refused wherever the standard asks for a numeric dtype. Python scalars are
accepted where the standard's signature allows them, for either argument (not both),
and take the tensor's dtype as the standard's scalar rules say.
"""

from __future__ import annotations

from typing import Any

from ._arguments import SCALAR_RANGES as _SCALAR_RANGES
from ._arguments import check_scalar, not_a_tensor
from ._backend import numpy as np
from ._devices import Device
from ._kernels import KERNELS
from ._tensor import Tensor, device_mismatch, wrap

__all__ = [
    "abs",
    "acos",
    "acosh",
    "add",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "ceil",
    "clip",
    "conj",
    "copysign",
    "cos",
    "cosh",
    "divide",
    "equal",
    "exp",
    "expm1",
    "floor",
    "floor_divide",
    "greater",
    "greater_equal",
    "hypot",
    "imag",
    "isfinite",
    "isinf",
    "isnan",
    "less",
    "less_equal",
    "log",
    "log10",
    "log1p",
    "log2",
    "logaddexp",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "nextafter",
    "not_equal",
    "positive",
    "pow",
    "real",
    "reciprocal",
    "remainder",
    "round",
    "sign",
    "signbit",
    "sin",
    "sinh",
    "sqrt",
    "square",
    "subtract",
    "tan",
    "tanh",
    "trunc",
]

# Accepted dtype kinds (numpy ``dtype.kind`` characters) and how messages name them.
_NUMERIC = "iufc"
_REAL = "iuf"
_REAL_FLOATING = "f"
_INTEGER = "iu"
_INTEGER_OR_BOOL = "biu"
_BOOL_OR_REAL = "biuf"
_ANY = "biufc"
_KIND_NAMES = {
    _NUMERIC: "a numeric dtype (integer, floating-point or complex; not bool)",
    _REAL: "a real-valued dtype (integer or real floating-point)",
    _REAL_FLOATING: "a real floating-point dtype",
    _INTEGER: "an integer dtype",
    _INTEGER_OR_BOOL: "an integer or bool dtype",
    _BOOL_OR_REAL: "a bool or real-valued dtype",
}

# Python scalar types each signature accepts (bool is an int in the standard's typing,
# except where the signature says int alone).
_NUMBER = (int, float, complex, bool)
_REAL_NUMBER = (int, float, bool)
_INT_OR_BOOL = (int, bool)
_INT = (int,)
_BOOL = (bool,)
_ANY_SCALAR = (bool, int, float, complex)
_SCALAR_NAMES: dict[tuple[type, ...], str] = {
    _NUMBER: "int, float or complex",
    _REAL_NUMBER: "int or float",
    _INT_OR_BOOL: "int or bool",
    _INT: "int",
    _BOOL: "bool",
    _ANY_SCALAR: "bool, int, float or complex",
}

# NumPy answers an out-of-range Python int in a comparison; other functions refuse it.
_COMPARISONS = frozenset(("equal", "not_equal", "less", "less_equal", "greater", "greater_equal"))

_abs = KERNELS["abs"]
_acos = KERNELS["acos"]
_acosh = KERNELS["acosh"]
_add = KERNELS["add"]
_asin = KERNELS["asin"]
_asinh = KERNELS["asinh"]
_atan = KERNELS["atan"]
_atan2 = KERNELS["atan2"]
_atanh = KERNELS["atanh"]
_bitwise_and = KERNELS["bitwise_and"]
_bitwise_invert = KERNELS["bitwise_invert"]
_bitwise_left_shift = KERNELS["bitwise_left_shift"]
_bitwise_or = KERNELS["bitwise_or"]
_bitwise_right_shift = KERNELS["bitwise_right_shift"]
_bitwise_xor = KERNELS["bitwise_xor"]
_ceil = KERNELS["ceil"]
_clip = KERNELS["clip"]
_conj = KERNELS["conj"]
_copysign = KERNELS["copysign"]
_cos = KERNELS["cos"]
_cosh = KERNELS["cosh"]
_divide = KERNELS["divide"]
_equal = KERNELS["equal"]
_exp = KERNELS["exp"]
_expm1 = KERNELS["expm1"]
_floor = KERNELS["floor"]
_floor_divide = KERNELS["floor_divide"]
_greater = KERNELS["greater"]
_greater_equal = KERNELS["greater_equal"]
_hypot = KERNELS["hypot"]
_imag = KERNELS["imag"]
_isfinite = KERNELS["isfinite"]
_isinf = KERNELS["isinf"]
_isnan = KERNELS["isnan"]
_less = KERNELS["less"]
_less_equal = KERNELS["less_equal"]
_log = KERNELS["log"]
_log10 = KERNELS["log10"]
_log1p = KERNELS["log1p"]
_log2 = KERNELS["log2"]
_logaddexp = KERNELS["logaddexp"]
_logical_and = KERNELS["logical_and"]
_logical_not = KERNELS["logical_not"]
_logical_or = KERNELS["logical_or"]
_logical_xor = KERNELS["logical_xor"]
_maximum = KERNELS["maximum"]
_minimum = KERNELS["minimum"]
_multiply = KERNELS["multiply"]
_negative = KERNELS["negative"]
_nextafter = KERNELS["nextafter"]
_not_equal = KERNELS["not_equal"]
_positive = KERNELS["positive"]
_pow = KERNELS["pow"]
_real = KERNELS["real"]
_reciprocal = KERNELS["reciprocal"]
_remainder = KERNELS["remainder"]
_round = KERNELS["round"]
_sign = KERNELS["sign"]
_signbit = KERNELS["signbit"]
_sin = KERNELS["sin"]
_sinh = KERNELS["sinh"]
_sqrt = KERNELS["sqrt"]
_square = KERNELS["square"]
_subtract = KERNELS["subtract"]
_tan = KERNELS["tan"]
_tanh = KERNELS["tanh"]
_trunc = KERNELS["trunc"]


def _unary(name: str, x: Tensor, kinds: str) -> Any:
    """The backend array of ``x``, after checking that it is a Tensor of ``kinds``."""
    if x.__class__ is not Tensor:
        raise not_a_tensor(name, x)
    a = x._array
    if a.dtype.kind not in kinds:
        raise _dtype_error(name, kinds, a)
    return a


def _binary(
    name: str, x1: object, x2: object, kinds: str, scalars: tuple[type, ...]
) -> tuple[Any, Any, Device]:
    """The backend operands of a binary function and the device of the result.

    At least one of ``x1`` and ``x2`` is a Tensor of ``kinds``; the other is a Tensor of
    ``kinds`` on the same device or a Python scalar of one of the types ``scalars``.
    """
    if x1.__class__ is Tensor:
        a = x1._array
        device: Device = x1._device
        if a.dtype.kind not in kinds:
            raise _dtype_error(name, kinds, a)
        if x2.__class__ is Tensor:
            if x2._device is not device:
                raise device_mismatch(name, device, x2._device)
            b = x2._array
            if b.dtype.kind not in kinds:
                raise _dtype_error(name, kinds, b)
            return a, b, device
        if x2.__class__ not in scalars:
            raise _operand_error(name, x2, scalars)
        if x2.__class__ is int and not 0 <= x2 <= 127:  # 0 to 127: in range for every dtype
            lo, hi = _SCALAR_RANGES[a.dtype]
            if not lo <= x2 <= hi:
                x2 = check_scalar(x2, a.dtype, name, "x2", compare=name in _COMPARISONS)
        return a, x2, device
    if x2.__class__ is Tensor:
        b = x2._array
        if b.dtype.kind not in kinds:
            raise _dtype_error(name, kinds, b)
        if x1.__class__ not in scalars:
            raise _operand_error(name, x1, scalars)
        if x1.__class__ is int and not 0 <= x1 <= 127:
            lo, hi = _SCALAR_RANGES[b.dtype]
            if not lo <= x1 <= hi:
                x1 = check_scalar(x1, b.dtype, name, "x1", compare=name in _COMPARISONS)
        return x1, b, x2._device
    raise TypeError(
        f"{name}: at least one of x1 and x2 must be a Tensor, got "
        f"{type(x1).__name__} and {type(x2).__name__}"
    )


def _dtype_error(name: str, kinds: str, array: Any) -> TypeError:
    return TypeError(f"{name}: expected a tensor of {_KIND_NAMES[kinds]}, got {array.dtype.name}")


def _operand_error(name: str, value: object, scalars: tuple[type, ...]) -> TypeError:
    return TypeError(
        f"{name}: expected a Tensor or a Python {_SCALAR_NAMES[scalars]}, "
        f"got {type(value).__name__}"
    )


def clip(
    x: Tensor,
    /,
    min: Tensor | int | float | None = None,
    max: Tensor | int | float | None = None,
) -> Tensor:
    """Clamp each element of ``x`` to the range ``[min, max]``.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued (integer or real floating-point) dtype.
    min, max : Tensor, Python int or float, or None
        The bounds; None means no bound on that side. Tensors must broadcast with ``x``
        and be on its device; for an integer ``x`` they must be integers (a Python int
        beyond ``x``'s range is clamped to it), for a floating-point ``x`` floating-point
        tensors or Python ints and floats. Where a bound is NaN the result is NaN.

    Returns
    -------
    Tensor
        A new tensor of ``x``'s dtype on ``x``'s device, of the broadcast shape of ``x``,
        ``min`` and ``max``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor of a real-valued dtype, or a bound has an unsupported
        type or a dtype of another kind than ``x``'s.
    ValueError
        If a bound is on another device, or the shapes do not broadcast.

    Examples
    --------
    >>> x = xp.asarray([1, 5, 10])
    >>> xp.clip(x, 2, 8)
    tensor([2, 5, 8])
    >>> xp.clip(x, max=xp.asarray([0, 3, 20]))
    tensor([ 0,  3, 10])
    """
    a = _unary("clip", x, _REAL)
    device = x._device
    return wrap(
        _clip(a, _clip_bound("min", min, a, device), _clip_bound("max", max, a, device)),
        device,
    )


def _clip_bound(which: str, bound: object, a: Any, device: Device) -> Any:
    """The backend operand for clip's ``min`` or ``max`` against the array ``a``."""
    if bound is None:
        return None
    integral = a.dtype.kind in "iu"
    if bound.__class__ is Tensor:
        if bound._device is not device:
            raise device_mismatch("clip", device, bound._device)
        b = bound._array
        if b.dtype.kind not in ("iu" if integral else "f"):
            raise TypeError(
                f"clip: {which} must have {'an integer' if integral else 'a real floating-point'}"
                f" dtype like x ({a.dtype.name}), got {b.dtype.name}"
            )
        return b
    if bound.__class__ is int:
        return (
            _clamp_to_range(bound, a.dtype)
            if integral
            else check_scalar(bound, a.dtype, "clip", which)
        )
    if bound.__class__ is float and not integral:
        return bound
    expected = "a Tensor or a Python int" if integral else "a Tensor or a Python int or float"
    raise TypeError(
        f"clip: {which} must be {expected} for a tensor of dtype {a.dtype.name}, "
        f"got {type(bound).__name__}"
    )


def _clamp_to_range(value: int, dtype: Any) -> int:
    info = np.iinfo(dtype)
    if value < info.min:
        return int(info.min)
    if value > info.max:
        return int(info.max)
    return value


def abs(x: Tensor, /) -> Tensor:
    """Absolute value (the modulus for complex numbers), element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. ``x``'s dtype for real input; for complex input the
        real floating dtype of the same precision.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.abs(xp.asarray([-1.5, 0.0, 2.0]))
    tensor([1.5, 0. , 2. ])
    >>> xp.abs(xp.asarray([3 + 4j]))
    tensor([5.])
    """
    return wrap(_abs(_unary("abs", x, _NUMERIC)), x._device)


def acos(x: Tensor, /) -> Tensor:
    """Inverse cosine (principal value, in radians), element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.acos(xp.asarray([1.0, 0.0, -1.0]))
    tensor([0.        , 1.57079633, 3.14159265])
    """
    return wrap(_acos(_unary("acos", x, _NUMERIC)), x._device)


def acosh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic cosine, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.acosh(xp.asarray([1.0, 2.0]))
    tensor([0.       , 1.3169579])
    """
    return wrap(_acosh(_unary("acosh", x, _NUMERIC)), x._device)


def add(x1: Tensor | int | float | complex, x2: Tensor | int | float | complex, /) -> Tensor:
    """Sum ``x1 + x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int, float or complex
        Tensors of a numeric (integer, floating-point or complex; not bool) dtype whose
        shapes broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        float or complex, or a tensor's dtype is not numeric.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.add(xp.asarray([1, 2, 3]), 10)
    tensor([11, 12, 13])
    >>> xp.add(xp.asarray([[1], [2]]), xp.asarray([10.0, 20.0]))
    tensor([[11., 21.],
            [12., 22.]])
    """
    a, b, device = _binary("add", x1, x2, _NUMERIC, _NUMBER)
    return wrap(_add(a, b), device)


def asin(x: Tensor, /) -> Tensor:
    """Inverse sine (principal value, in radians), element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.asin(xp.asarray([0.0, 1.0]))
    tensor([0.        , 1.57079633])
    """
    return wrap(_asin(_unary("asin", x, _NUMERIC)), x._device)


def asinh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic sine, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.asinh(xp.asarray([0.0, 1.0]))
    tensor([0.        , 0.88137359])
    """
    return wrap(_asinh(_unary("asinh", x, _NUMERIC)), x._device)


def atan(x: Tensor, /) -> Tensor:
    """Inverse tangent (principal value, in radians), element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.atan(xp.asarray([0.0, 1.0]))
    tensor([0.        , 0.78539816])
    """
    return wrap(_atan(_unary("atan", x, _NUMERIC)), x._device)


def atan2(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """Inverse tangent of ``x1 / x2`` in the quadrant of the point ``(x2, x1)``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A floating-point
        tensor of the promoted dtype (float64 when both are integers).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.atan2(xp.asarray([1.0, 0.0, -0.0]), xp.asarray([0.0, -1.0, -1.0]))
    tensor([ 1.57079633,  3.14159265, -3.14159265])
    """
    a, b, device = _binary("atan2", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_atan2(a, b), device)


def atanh(x: Tensor, /) -> Tensor:
    """Inverse hyperbolic tangent, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.atanh(xp.asarray([0.0, 0.5]))
    tensor([0.        , 0.54930614])
    """
    return wrap(_atanh(_unary("atanh", x, _NUMERIC)), x._device)


def bitwise_and(x1: Tensor | int | bool, x2: Tensor | int | bool, /) -> Tensor:
    """Bitwise AND (logical AND for bool), element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or bool
        Tensors of an integer or bool dtype whose shapes broadcast together; either one (not
        both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        bool, or a tensor's dtype is not integer or bool.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.bitwise_and(xp.asarray([12, 10]), 6)
    tensor([4, 2])
    >>> xp.bitwise_and(xp.asarray([True, True]), xp.asarray([True, False]))
    tensor([ True, False])
    """
    a, b, device = _binary("bitwise_and", x1, x2, _INTEGER_OR_BOOL, _INT_OR_BOOL)
    return wrap(_bitwise_and(a, b), device)


def bitwise_invert(x: Tensor, /) -> Tensor:
    """Bitwise NOT (logical NOT for bool), element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of an integer or bool dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not integer or bool.

    Examples
    --------
    >>> xp.bitwise_invert(xp.asarray([0, 5], dtype=xp.uint8))
    tensor([255, 250], dtype=xtensor.uint8)
    >>> xp.bitwise_invert(xp.asarray([0, 5]))
    tensor([-1, -6])
    """
    return wrap(_bitwise_invert(_unary("bitwise_invert", x, _INTEGER_OR_BOOL)), x._device)


def bitwise_left_shift(x1: Tensor | int, x2: Tensor | int, /) -> Tensor:
    """Shift ``x1`` left by ``x2`` bits (``x2 >= 0``), element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int
        Tensors of an integer dtype whose shapes broadcast together; either one (not both)
        may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        or a tensor's dtype is not integer.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.bitwise_left_shift(xp.asarray([1, 3]), 2)
    tensor([ 4, 12])
    """
    a, b, device = _binary("bitwise_left_shift", x1, x2, _INTEGER, _INT)
    return wrap(_bitwise_left_shift(a, b), device)


def bitwise_or(x1: Tensor | int | bool, x2: Tensor | int | bool, /) -> Tensor:
    """Bitwise OR (logical OR for bool), element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or bool
        Tensors of an integer or bool dtype whose shapes broadcast together; either one (not
        both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        bool, or a tensor's dtype is not integer or bool.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.bitwise_or(xp.asarray([12, 10]), 1)
    tensor([13, 11])
    """
    a, b, device = _binary("bitwise_or", x1, x2, _INTEGER_OR_BOOL, _INT_OR_BOOL)
    return wrap(_bitwise_or(a, b), device)


def bitwise_right_shift(x1: Tensor | int, x2: Tensor | int, /) -> Tensor:
    """Shift ``x1`` right by ``x2`` bits (``x2 >= 0``; arithmetic for signed), element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int
        Tensors of an integer dtype whose shapes broadcast together; either one (not both)
        may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        or a tensor's dtype is not integer.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.bitwise_right_shift(xp.asarray([16, -16]), 2)
    tensor([ 4, -4])
    """
    a, b, device = _binary("bitwise_right_shift", x1, x2, _INTEGER, _INT)
    return wrap(_bitwise_right_shift(a, b), device)


def bitwise_xor(x1: Tensor | int | bool, x2: Tensor | int | bool, /) -> Tensor:
    """Bitwise XOR (logical XOR for bool), element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or bool
        Tensors of an integer or bool dtype whose shapes broadcast together; either one (not
        both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        bool, or a tensor's dtype is not integer or bool.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.bitwise_xor(xp.asarray([12, 10]), 6)
    tensor([10, 12])
    """
    a, b, device = _binary("bitwise_xor", x1, x2, _INTEGER_OR_BOOL, _INT_OR_BOOL)
    return wrap(_bitwise_xor(a, b), device)


def ceil(x: Tensor, /) -> Tensor:
    """Round up to the nearest integer-valued number, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued (integer or real floating-point) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Integer input gives a
        copy of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not real-valued.

    Examples
    --------
    >>> xp.ceil(xp.asarray([-1.5, 1.2, 2.0]))
    tensor([-1.,  2.,  2.])
    >>> xp.ceil(xp.asarray([1, 2]))
    tensor([1, 2])
    """
    return wrap(_ceil(_unary("ceil", x, _REAL)), x._device)


def conj(x: Tensor, /) -> Tensor:
    """Complex conjugate, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Real input gives a copy
        of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.conj(xp.asarray([1 + 2j, 3 - 4j]))
    tensor([1.-2.j, 3.+4.j])
    """
    return wrap(_conj(_unary("conj", x, _NUMERIC)), x._device)


def copysign(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """The magnitude of ``x1`` with the sign of ``x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A floating-point
        tensor of the promoted dtype (float64 when both are integers).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.copysign(xp.asarray([1.0, 2.0, 3.0]), xp.asarray([-0.0, 1.0, -5.0]))
    tensor([-1.,  2., -3.])
    """
    a, b, device = _binary("copysign", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_copysign(a, b), device)


def cos(x: Tensor, /) -> Tensor:
    """Cosine of angles in radians, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.cos(xp.asarray([0.0, xp.pi]))
    tensor([ 1., -1.])
    """
    return wrap(_cos(_unary("cos", x, _NUMERIC)), x._device)


def cosh(x: Tensor, /) -> Tensor:
    """Hyperbolic cosine, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.cosh(xp.asarray([0.0, 1.0]))
    tensor([1.        , 1.54308063])
    """
    return wrap(_cosh(_unary("cosh", x, _NUMERIC)), x._device)


def divide(x1: Tensor | int | float | complex, x2: Tensor | int | float | complex, /) -> Tensor:
    """True division ``x1 / x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int, float or complex
        Tensors of a numeric (integer, floating-point or complex; not bool) dtype whose
        shapes broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A floating-point
        tensor of the promoted dtype (float64 when both are integers).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        float or complex, or a tensor's dtype is not numeric.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.divide(xp.asarray([1, 2, 3]), 2)
    tensor([0.5, 1. , 1.5])
    >>> xp.divide(7, xp.asarray([2.0, -4.0], dtype=xp.float32))
    tensor([ 3.5 , -1.75], dtype=xtensor.float32)
    """
    a, b, device = _binary("divide", x1, x2, _NUMERIC, _NUMBER)
    return wrap(_divide(a, b), device)


def equal(
    x1: Tensor | int | float | complex | bool, x2: Tensor | int | float | complex | bool, /
) -> Tensor:
    """``x1 == x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python bool, int, float or complex
        Tensors of any dtype whose shapes broadcast together; either one (not both) may be a
        Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python bool,
        int, float or complex.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.equal(xp.asarray([1, 2, 3]), 2)
    tensor([False,  True, False])
    >>> xp.equal(xp.asarray([xp.nan]), xp.asarray([xp.nan]))
    tensor([False])
    """
    a, b, device = _binary("equal", x1, x2, _ANY, _ANY_SCALAR)
    return wrap(_equal(a, b), device)


def exp(x: Tensor, /) -> Tensor:
    """Exponential ``e**x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.exp(xp.asarray([0.0, 1.0]))
    tensor([1.        , 2.71828183])
    """
    return wrap(_exp(_unary("exp", x, _NUMERIC)), x._device)


def expm1(x: Tensor, /) -> Tensor:
    """``exp(x) - 1``, accurate for small ``x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.expm1(xp.asarray([0.0, 1e-10]))
    tensor([0.e+00, 1.e-10])
    """
    return wrap(_expm1(_unary("expm1", x, _NUMERIC)), x._device)


def floor(x: Tensor, /) -> Tensor:
    """Round down to the nearest integer-valued number, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued (integer or real floating-point) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Integer input gives a
        copy of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not real-valued.

    Examples
    --------
    >>> xp.floor(xp.asarray([-1.5, 1.7, 2.0]))
    tensor([-2.,  1.,  2.])
    """
    return wrap(_floor(_unary("floor", x, _REAL)), x._device)


def floor_divide(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """Floor division ``floor(x1 / x2)``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.floor_divide(xp.asarray([7, -7]), 2)
    tensor([ 3, -4])
    >>> xp.floor_divide(xp.asarray([7.5, -7.5]), 2.0)
    tensor([ 3., -4.])
    """
    a, b, device = _binary("floor_divide", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_floor_divide(a, b), device)


def greater(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``x1 > x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.greater(xp.asarray([1, 2, 3]), 2)
    tensor([False, False,  True])
    """
    a, b, device = _binary("greater", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_greater(a, b), device)


def greater_equal(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``x1 >= x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.greater_equal(xp.asarray([1, 2, 3]), 2)
    tensor([False,  True,  True])
    """
    a, b, device = _binary("greater_equal", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_greater_equal(a, b), device)


def hypot(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``sqrt(x1**2 + x2**2)`` without undue overflow or underflow, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A floating-point
        tensor of the promoted dtype (float64 when both are integers).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.hypot(xp.asarray([3.0, 5.0]), xp.asarray([4.0, 12.0]))
    tensor([ 5., 13.])
    """
    a, b, device = _binary("hypot", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_hypot(a, b), device)


def imag(x: Tensor, /) -> Tensor:
    """Imaginary component, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. For complex input, a view of ``x``'s imaginary parts
        with the real floating dtype of the same precision; for real input, zeros of ``x``'s
        dtype (a new tensor).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.imag(xp.asarray([1 + 2j, 3 - 4j]))
    tensor([ 2., -4.])
    """
    return wrap(_imag(_unary("imag", x, _NUMERIC)), x._device)


def isfinite(x: Tensor, /) -> Tensor:
    """Whether each element is finite (for complex: both components are).

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A bool tensor.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.isfinite(xp.asarray([1.0, xp.inf, xp.nan]))
    tensor([ True, False, False])
    """
    return wrap(_isfinite(_unary("isfinite", x, _NUMERIC)), x._device)


def isinf(x: Tensor, /) -> Tensor:
    """Whether each element is infinite (for complex: either component is).

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A bool tensor.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.isinf(xp.asarray([1.0, xp.inf, -xp.inf, xp.nan]))
    tensor([False,  True,  True, False])
    """
    return wrap(_isinf(_unary("isinf", x, _NUMERIC)), x._device)


def isnan(x: Tensor, /) -> Tensor:
    """Whether each element is NaN (for complex: either component is).

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A bool tensor.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.isnan(xp.asarray([1.0, xp.inf, xp.nan]))
    tensor([False, False,  True])
    """
    return wrap(_isnan(_unary("isnan", x, _NUMERIC)), x._device)


def less(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``x1 < x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.less(xp.asarray([1, 2, 3]), 2)
    tensor([ True, False, False])
    """
    a, b, device = _binary("less", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_less(a, b), device)


def less_equal(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``x1 <= x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.less_equal(xp.asarray([1, 2, 3]), 2)
    tensor([ True,  True, False])
    """
    a, b, device = _binary("less_equal", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_less_equal(a, b), device)


def log(x: Tensor, /) -> Tensor:
    """Natural logarithm, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.log(xp.asarray([1.0, xp.e]))
    tensor([0., 1.])
    """
    return wrap(_log(_unary("log", x, _NUMERIC)), x._device)


def log10(x: Tensor, /) -> Tensor:
    """Base-10 logarithm, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.log10(xp.asarray([1.0, 100.0]))
    tensor([0., 2.])
    """
    return wrap(_log10(_unary("log10", x, _NUMERIC)), x._device)


def log1p(x: Tensor, /) -> Tensor:
    """``log(1 + x)``, accurate for small ``x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.log1p(xp.asarray([0.0, 1e-10]))
    tensor([0.e+00, 1.e-10])
    """
    return wrap(_log1p(_unary("log1p", x, _NUMERIC)), x._device)


def log2(x: Tensor, /) -> Tensor:
    """Base-2 logarithm, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.log2(xp.asarray([1.0, 8.0]))
    tensor([0., 3.])
    """
    return wrap(_log2(_unary("log2", x, _NUMERIC)), x._device)


def logaddexp(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """``log(exp(x1) + exp(x2))`` without undue overflow, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A floating-point
        tensor of the promoted dtype (float64 when both are integers).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.logaddexp(xp.asarray([0.0, 1000.0]), xp.asarray([0.0, 1000.0]))
    tensor([6.93147181e-01, 1.00069315e+03])
    """
    a, b, device = _binary("logaddexp", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_logaddexp(a, b), device)


def logical_and(x1: Tensor | bool, x2: Tensor | bool, /) -> Tensor:
    """Logical AND, element-wise (non-zero counts as True).

    Parameters
    ----------
    x1, x2 : Tensor or Python bool
        Tensors of a bool or real-valued dtype whose shapes broadcast together; either one
        (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python bool,
        or a tensor's dtype is not bool or real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.logical_and(xp.asarray([True, True, False]), xp.asarray([True, False, False]))
    tensor([ True, False, False])
    """
    a, b, device = _binary("logical_and", x1, x2, _BOOL_OR_REAL, _BOOL)
    return wrap(_logical_and(a, b), device)


def logical_not(x: Tensor, /) -> Tensor:
    """Logical NOT, element-wise (non-zero counts as True).

    Parameters
    ----------
    x : Tensor
        A tensor of a bool or real-valued dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A bool tensor.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not bool or real-valued.

    Examples
    --------
    >>> xp.logical_not(xp.asarray([True, False]))
    tensor([False,  True])
    """
    return wrap(_logical_not(_unary("logical_not", x, _BOOL_OR_REAL)), x._device)


def logical_or(x1: Tensor | bool, x2: Tensor | bool, /) -> Tensor:
    """Logical OR, element-wise (non-zero counts as True).

    Parameters
    ----------
    x1, x2 : Tensor or Python bool
        Tensors of a bool or real-valued dtype whose shapes broadcast together; either one
        (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python bool,
        or a tensor's dtype is not bool or real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.logical_or(xp.asarray([True, True, False]), xp.asarray([True, False, False]))
    tensor([ True,  True, False])
    """
    a, b, device = _binary("logical_or", x1, x2, _BOOL_OR_REAL, _BOOL)
    return wrap(_logical_or(a, b), device)


def logical_xor(x1: Tensor | bool, x2: Tensor | bool, /) -> Tensor:
    """Logical XOR, element-wise (non-zero counts as True).

    Parameters
    ----------
    x1, x2 : Tensor or Python bool
        Tensors of a bool or real-valued dtype whose shapes broadcast together; either one
        (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python bool,
        or a tensor's dtype is not bool or real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.logical_xor(xp.asarray([True, True, False]), xp.asarray([True, False, False]))
    tensor([False,  True, False])
    """
    a, b, device = _binary("logical_xor", x1, x2, _BOOL_OR_REAL, _BOOL)
    return wrap(_logical_xor(a, b), device)


def maximum(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """The larger of ``x1`` and ``x2``, element-wise (NaN if either is NaN).

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.maximum(xp.asarray([1.0, 5.0, xp.nan]), xp.asarray([3.0, 2.0, 0.0]))
    tensor([ 3.,  5., nan])
    """
    a, b, device = _binary("maximum", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_maximum(a, b), device)


def minimum(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """The smaller of ``x1`` and ``x2``, element-wise (NaN if either is NaN).

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.minimum(xp.asarray([1.0, 5.0, xp.nan]), xp.asarray([3.0, 2.0, 0.0]))
    tensor([ 1.,  2., nan])
    """
    a, b, device = _binary("minimum", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_minimum(a, b), device)


def multiply(x1: Tensor | int | float | complex, x2: Tensor | int | float | complex, /) -> Tensor:
    """Product ``x1 * x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int, float or complex
        Tensors of a numeric (integer, floating-point or complex; not bool) dtype whose
        shapes broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        float or complex, or a tensor's dtype is not numeric.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.multiply(xp.asarray([1, 2, 3]), xp.asarray([4, 5, 6]))
    tensor([ 4, 10, 18])
    >>> xp.multiply(xp.asarray([1, 2], dtype=xp.int8), 3)
    tensor([3, 6], dtype=xtensor.int8)
    """
    a, b, device = _binary("multiply", x1, x2, _NUMERIC, _NUMBER)
    return wrap(_multiply(a, b), device)


def negative(x: Tensor, /) -> Tensor:
    """Numerical negative ``-x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.negative(xp.asarray([1, -2, 0]))
    tensor([-1,  2,  0])
    """
    return wrap(_negative(_unary("negative", x, _NUMERIC)), x._device)


def nextafter(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """The next representable value after ``x1`` towards ``x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real floating-point dtype whose shapes broadcast together; either one
        (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype (``x1``'s dtype when ``x2`` has it or is a Python scalar).

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real floating-point.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.nextafter(xp.asarray([1.0]), 2.0) - 1.0
    tensor([2.22044605e-16])
    """
    a, b, device = _binary("nextafter", x1, x2, _REAL_FLOATING, _REAL_NUMBER)
    return wrap(_nextafter(a, b), device)


def not_equal(
    x1: Tensor | int | float | complex | bool, x2: Tensor | int | float | complex | bool, /
) -> Tensor:
    """``x1 != x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python bool, int, float or complex
        Tensors of any dtype whose shapes broadcast together; either one (not both) may be a
        Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A bool tensor.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python bool,
        int, float or complex.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.not_equal(xp.asarray([1, 2, 3]), 2)
    tensor([ True, False,  True])
    """
    a, b, device = _binary("not_equal", x1, x2, _ANY, _ANY_SCALAR)
    return wrap(_not_equal(a, b), device)


def positive(x: Tensor, /) -> Tensor:
    """Numerical positive ``+x``, element-wise (a copy).

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.positive(xp.asarray([1, -2]))
    tensor([ 1, -2])
    """
    return wrap(_positive(_unary("positive", x, _NUMERIC)), x._device)


def pow(x1: Tensor | int | float | complex, x2: Tensor | int | float | complex, /) -> Tensor:
    """``x1`` raised to the power ``x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int, float or complex
        Tensors of a numeric (integer, floating-point or complex; not bool) dtype whose
        shapes broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        float or complex, or a tensor's dtype is not numeric.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.pow(xp.asarray([1, 2, 3]), 2)
    tensor([1, 4, 9])
    >>> xp.pow(2.0, xp.asarray([0.5, -1.0]))
    tensor([1.41421356, 0.5       ])
    """
    a, b, device = _binary("pow", x1, x2, _NUMERIC, _NUMBER)
    return wrap(_pow(a, b), device)


def real(x: Tensor, /) -> Tensor:
    """Real component, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. For complex input, a view of ``x``'s real parts with
        the real floating dtype of the same precision; for real input, a copy of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.real(xp.asarray([1 + 2j, 3 - 4j]))
    tensor([1., 3.])
    """
    return wrap(_real(_unary("real", x, _NUMERIC)), x._device)


def reciprocal(x: Tensor, /) -> Tensor:
    """Reciprocal ``1 / x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input, float64 for integer input.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.reciprocal(xp.asarray([2.0, 4.0]))
    tensor([0.5 , 0.25])
    """
    return wrap(_reciprocal(_unary("reciprocal", x, _NUMERIC)), x._device)


def remainder(x1: Tensor | int | float, x2: Tensor | int | float, /) -> Tensor:
    """Remainder of floor division, with the sign of ``x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int or float
        Tensors of a real-valued (integer or real floating-point) dtype whose shapes
        broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int or
        float, or a tensor's dtype is not real-valued.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.remainder(xp.asarray([7, -7]), 3)
    tensor([1, 2])
    >>> xp.remainder(xp.asarray([7.5, -7.5]), 2.0)
    tensor([1.5, 0.5])
    """
    a, b, device = _binary("remainder", x1, x2, _REAL, _REAL_NUMBER)
    return wrap(_remainder(a, b), device)


def round(x: Tensor, /) -> Tensor:
    """Round to the nearest integer-valued number, ties to even, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Complex input rounds the
        real and imaginary parts independently.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.round(xp.asarray([0.5, 1.5, 2.5, -1.4]))
    tensor([ 0.,  2.,  2., -1.])
    """
    return wrap(_round(_unary("round", x, _NUMERIC)), x._device)


def sign(x: Tensor, /) -> Tensor:
    """Sign, element-wise: -1, 0 or +1 for real input, ``x / abs(x)`` for complex.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Zero (of either sign)
        gives 0 and NaN gives NaN.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.sign(xp.asarray([-2.0, 0.0, 3.0]))
    tensor([-1.,  0.,  1.])
    >>> xp.sign(xp.asarray([3 + 4j]))
    tensor([0.6+0.8j])
    """
    return wrap(_sign(_unary("sign", x, _NUMERIC)), x._device)


def signbit(x: Tensor, /) -> Tensor:
    """Whether the sign bit is set, element-wise (True for -0 and negative NaN).

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued (integer or real floating-point) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A bool tensor.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not real-valued.

    Examples
    --------
    >>> xp.signbit(xp.asarray([-0.0, 0.0, -1.0, 2.0]))
    tensor([ True, False,  True, False])
    """
    return wrap(_signbit(_unary("signbit", x, _REAL)), x._device)


def sin(x: Tensor, /) -> Tensor:
    """Sine of angles in radians, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.sin(xp.asarray([0.0, xp.pi / 2]))
    tensor([0., 1.])
    """
    return wrap(_sin(_unary("sin", x, _NUMERIC)), x._device)


def sinh(x: Tensor, /) -> Tensor:
    """Hyperbolic sine, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.sinh(xp.asarray([0.0, 1.0]))
    tensor([0.        , 1.17520119])
    """
    return wrap(_sinh(_unary("sinh", x, _NUMERIC)), x._device)


def sqrt(x: Tensor, /) -> Tensor:
    """Principal square root, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.sqrt(xp.asarray([4.0, 2.0]))
    tensor([2.        , 1.41421356])
    >>> xp.sqrt(xp.asarray([4.0, 9.0], dtype=xp.float32))
    tensor([2., 3.], dtype=xtensor.float32)
    >>> xp.sqrt(xp.asarray([-1 + 0j]))
    tensor([0.+1.j])
    """
    return wrap(_sqrt(_unary("sqrt", x, _NUMERIC)), x._device)


def square(x: Tensor, /) -> Tensor:
    """Square ``x * x``, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.square(xp.asarray([1, -2, 3]))
    tensor([1, 4, 9])
    """
    return wrap(_square(_unary("square", x, _NUMERIC)), x._device)


def subtract(x1: Tensor | int | float | complex, x2: Tensor | int | float | complex, /) -> Tensor:
    """Difference ``x1 - x2``, element-wise.

    Parameters
    ----------
    x1, x2 : Tensor or Python int, float or complex
        Tensors of a numeric (integer, floating-point or complex; not bool) dtype whose
        shapes broadcast together; either one (not both) may be a Python scalar.

    Returns
    -------
    Tensor
        A new tensor on the operands' device, of the broadcast shape. A tensor of the
        promoted dtype of ``x1`` and ``x2``.

    Raises
    ------
    TypeError
        If neither argument is a Tensor, an argument is neither a Tensor nor a Python int,
        float or complex, or a tensor's dtype is not numeric.
    ValueError
        If the tensors are on different devices or their shapes do not broadcast.

    Examples
    --------
    >>> xp.subtract(xp.asarray([5, 7]), xp.asarray([1, 2]))
    tensor([4, 5])
    >>> xp.subtract(10, xp.asarray([1, 2]))
    tensor([9, 8])
    """
    a, b, device = _binary("subtract", x1, x2, _NUMERIC, _NUMBER)
    return wrap(_subtract(a, b), device)


def tan(x: Tensor, /) -> Tensor:
    """Tangent of angles in radians, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.tan(xp.asarray([0.0, xp.pi / 4]))
    tensor([0., 1.])
    """
    return wrap(_tan(_unary("tan", x, _NUMERIC)), x._device)


def tanh(x: Tensor, /) -> Tensor:
    """Hyperbolic tangent, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a numeric (integer, floating-point or complex; not bool) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A floating-point tensor: ``x``'s dtype for floating-
        point input; for integer input the floating dtype NumPy chooses (float64 for int64).

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not numeric.

    Examples
    --------
    >>> xp.tanh(xp.asarray([0.0, 1.0]))
    tensor([0.        , 0.76159416])
    """
    return wrap(_tanh(_unary("tanh", x, _NUMERIC)), x._device)


def trunc(x: Tensor, /) -> Tensor:
    """Round towards zero to an integer-valued number, element-wise.

    Parameters
    ----------
    x : Tensor
        A tensor of a real-valued (integer or real floating-point) dtype.

    Returns
    -------
    Tensor
        A new tensor on ``x``'s device. A tensor of ``x``'s dtype. Integer input gives a
        copy of ``x``.

    Raises
    ------
    TypeError
        If ``x`` is not a Tensor or its dtype is not real-valued.

    Examples
    --------
    >>> xp.trunc(xp.asarray([-1.7, 1.7, 2.0]))
    tensor([-1.,  1.,  2.])
    """
    return wrap(_trunc(_unary("trunc", x, _REAL)), x._device)
