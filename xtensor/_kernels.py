"""Element-wise kernels: functions over backend arrays, shared by the element-wise
functions and the Tensor operators.

Each kernel takes backend arrays (and Python scalars where the standard allows
them) and returns a backend array or scalar. Most are NumPy ufuncs; a CuPy array
passed to a NumPy ufunc is computed by CuPy through ``__array_ufunc__``, and NumPy
functions reach CuPy through ``__array_function__``, so one kernel serves both
devices. Where NumPy departs from the standard's special cases, the kernel is a
small Python function that corrects the departing elements.
"""

from __future__ import annotations

import math
from typing import Any

from ._backend import numpy as np

Kernel = Any  # a NumPy ufunc or a function with the same calling convention


def _patch(result: Any, mask: Any, value: Any) -> Any:
    """``result`` with ``value`` where ``mask`` is True, as a new array of ``result``'s dtype.

    ``result`` may be a NumPy scalar (a ufunc's answer for 0-d input); ``np.where``
    always returns an array, and dispatches to CuPy for CuPy operands.
    """
    return np.where(mask, value, result).astype(result.dtype, copy=False)


# ``count_nonzero`` is the cheapest "any" on small arrays (``ndarray.any`` costs ~5x more).
_any = np.count_nonzero


def _has_inf(x: Any) -> Any:
    """Whether ``x`` (an array or a Python scalar) holds an infinity."""
    if x.__class__ is float:
        return math.isinf(x)
    if x.__class__ is int or x.__class__ is bool:
        return False
    return _any(np.isinf(x))


# --- corrections of NumPy's special cases ------------------------------------------------
# Each computes the plain ufunc, then replaces only the elements a cheap mask flags.


def _floor_divide(x1: Any, x2: Any) -> Any:
    """``floor(x1 / x2)`` where an operand is infinite, NumPy's ``//`` elsewhere.

    NumPy pairs ``//`` with ``%`` (Python's rule): ``inf // 2`` is NaN and ``1 // -inf``
    is -1. The standard prefers ``floor(x1 / x2)``: infinity and -0.
    """
    result = np.floor_divide(x1, x2)
    if result.dtype.kind == "f" and (_has_inf(x1) or _has_inf(x2)):
        infinite = np.isinf(x1) | np.isinf(x2)
        result = _patch(result, infinite, np.floor(np.divide(x1, x2)))
    return result


def _pow(x1: Any, x2: Any) -> Any:
    """``x1 ** x2``; where NumPy took its ``x ** 0.5 -> sqrt(x)`` shortcut, which is -0 at
    -0 and NaN at -infinity, the standard's ``pow`` gives +0 and +infinity."""
    result = np.power(x1, x2)
    if result.dtype.kind == "f" and _may_take_sqrt_path(x2):
        # sqrt and pow(., 0.5) differ only at -0 and -inf; |x1| is right at both zeros
        wrong = (x1 == 0) | (x1 == -math.inf)
        if x2.__class__ is not float:
            wrong = wrong & (x2 == 0.5)
        if _any(wrong):
            result = _patch(result, wrong, np.abs(x1))
    return result


def _may_take_sqrt_path(x2: Any) -> Any:
    """Whether NumPy may have computed ``x1 ** x2`` as ``sqrt(x1)``: it does so when the
    exponent is 0.5 throughout its inner loop (a scalar, a size-1 or a broadcast array);
    an exponent array of 0.5s with a non-zero stride goes through ``pow``."""
    if x2.__class__ is float:
        return x2 == 0.5
    if x2.__class__ is int or x2.__class__ is bool:
        return False
    return (x2.size == 1 or 0 in x2.strides) and _any(x2 == 0.5)


def _exp(x: Any) -> Any:
    """``e ** x``; for complex ``x`` with real part -infinity and a non-finite imaginary part,
    +0 + 0j (NumPy gives 0 - 0j; the standard leaves the signs open, its test suite
    reads them as +0)."""
    result = np.exp(x)
    if x.dtype.kind == "c":
        low = x.real == -np.inf
        if _any(low):
            result = _patch(result, low & ~np.isfinite(x.imag), 0)
    return result


def _expm1(x: Any) -> Any:
    """``exp(x) - 1``; for complex ``x``, NumPy's answer is NaN wherever a part of ``x`` is
    infinite or NaN (and inexact at ``-inf + bj`` in complex64), and -0 at -0 + 0j, where
    ``exp(x) - 1`` has the standard's special cases. It also replaces results that
    overflowed, where ``exp(x) - 1`` keeps the part that did not."""
    result = np.expm1(x)
    if x.dtype.kind == "c":
        special = ~(np.isfinite(x) & np.isfinite(result)) | (x == 0)
        if _any(special):
            result = _patch(result, special, _exp(x) - 1)
    return result


def _sign(x: Any) -> Any:
    """``x / abs(x)`` for complex ``x``, with 0 at 0 and NaN + NaN j where a part is NaN
    (NumPy gives 1 + 0j at ``inf + nan j``)."""
    result = np.sign(x)
    if x.dtype.kind == "c":
        nan = np.isnan(x)
        special = nan | (x == 0)
        if _any(special):
            result = _patch(result, special, np.where(nan, complex("nan+nanj"), 0))
    return result


def _tanh(x: Any) -> Any:
    """Hyperbolic tangent; for complex ``x`` with an infinite real part, ``±1 ± 0j`` with the
    signs of the real and imaginary parts of ``x`` (NumPy's imaginary zero takes the sign
    of ``sin(2 imag(x))``; the standard asks for ``1 + 0j`` at ``+inf + bj``, ``b > 0``)."""
    result = np.tanh(x)
    if x.dtype.kind == "c":
        infinite = np.isinf(x.real)
        if _any(infinite):
            result = _patch(
                result, infinite, _complex(np.copysign(1, x.real), np.copysign(0, x.imag), x)
            )
    return result


def _complex(real: Any, imag: Any, like: Any) -> Any:
    """A complex array of ``like``'s shape and dtype from its parts, keeping signed zeros
    (``real + 1j * imag`` would lose the sign of a zero imaginary part)."""
    out = np.empty_like(like)
    out.real = real
    out.imag = imag
    return out


# --- rounding: integers round to themselves (CuPy's ufuncs would return floats) ----------


def _ceil(x: Any) -> Any:
    return x.copy() if x.dtype.kind in "iub" else np.ceil(x)


def _floor(x: Any) -> Any:
    return x.copy() if x.dtype.kind in "iub" else np.floor(x)


def _trunc(x: Any) -> Any:
    return x.copy() if x.dtype.kind in "iub" else np.trunc(x)


# --- complex parts of real input ---------------------------------------------------------


def _real(x: Any) -> Any:
    """The real parts: a view for complex input, a copy of real input."""
    return x.real if x.dtype.kind == "c" else x.copy()


def _imag(x: Any) -> Any:
    """The imaginary parts: a view for complex input, writeable zeros for real input."""
    return x.imag if x.dtype.kind == "c" else np.zeros_like(x)


def _reciprocal(x: Any) -> Any:
    """``1 / x``; integers give float64 (NumPy's reciprocal would stay integral)."""
    return np.divide(1.0, x) if x.dtype.kind in "iub" else np.reciprocal(x)


def _clip(x: Any, lo: Any, hi: Any) -> Any:
    """``x`` clamped to ``[lo, hi]`` (either may be None), keeping ``x``'s dtype."""
    if lo is None and hi is None:
        return x.copy()
    result = np.clip(x, lo, hi)
    if result.dtype != x.dtype:
        result = result.astype(x.dtype)
    return result


KERNELS: dict[str, Kernel] = {
    "abs": np.absolute,
    "acos": np.arccos,
    "acosh": np.arccosh,
    "add": np.add,
    "asin": np.arcsin,
    "asinh": np.arcsinh,
    "atan": np.arctan,
    "atan2": np.arctan2,
    "atanh": np.arctanh,
    "bitwise_and": np.bitwise_and,
    "bitwise_left_shift": np.left_shift,
    "bitwise_invert": np.invert,
    "bitwise_or": np.bitwise_or,
    "bitwise_right_shift": np.right_shift,
    "bitwise_xor": np.bitwise_xor,
    "ceil": _ceil,
    "clip": _clip,
    "conj": np.conjugate,
    "copysign": np.copysign,
    "cos": np.cos,
    "cosh": np.cosh,
    "divide": np.divide,
    "equal": np.equal,
    "exp": _exp,
    "expm1": _expm1,
    "floor": _floor,
    "floor_divide": _floor_divide,
    "greater": np.greater,
    "greater_equal": np.greater_equal,
    "hypot": np.hypot,
    "imag": _imag,
    "isfinite": np.isfinite,
    "isinf": np.isinf,
    "isnan": np.isnan,
    "less": np.less,
    "less_equal": np.less_equal,
    "log": np.log,
    "log1p": np.log1p,
    "log2": np.log2,
    "log10": np.log10,
    "logaddexp": np.logaddexp,
    "logical_and": np.logical_and,
    "logical_not": np.logical_not,
    "logical_or": np.logical_or,
    "logical_xor": np.logical_xor,
    "maximum": np.maximum,
    "minimum": np.minimum,
    "multiply": np.multiply,
    "negative": np.negative,
    "nextafter": np.nextafter,
    "not_equal": np.not_equal,
    "positive": np.positive,
    "pow": _pow,
    "real": _real,
    "reciprocal": _reciprocal,
    "remainder": np.remainder,
    "round": np.round,
    "sign": _sign,
    "signbit": np.signbit,
    "sin": np.sin,
    "sinh": np.sinh,
    "square": np.square,
    "sqrt": np.sqrt,
    "subtract": np.subtract,
    "tan": np.tan,
    "tanh": _tanh,
    "trunc": _trunc,
    "matmul": np.matmul,
}
