"""Strict mode: refuse what the array API standard (2025.12) leaves unspecified.

``set_strict(True)``, ``with strict():`` or ``XTENSOR_STRICT=1`` (read at import)
switch it on. In strict mode every case the standard leaves unspecified or
implementation-defined raises an error that names the rule, where the default mode
answers as NumPy does:

- type promotion across kinds (int with float, bool with numbers, uint64 with signed
  ints), Python scalars of another kind than the tensor, Python ints out of the
  tensor's range, Python scalars with ``@``, NumPy arrays and NumPy scalars as
  operands (NumPy-scalar behaviour: the default mode takes them as tensors);
- dtypes outside the category the standard defines a function or operator on
  (``exp`` of integers, ``bool + bool``, ``complex < complex``, ``mean`` of ints …);
- keywords beyond the standard's signatures (``mean``'s ``dtype``);
- indexing beyond the standard (integer arrays mixed with slices, boolean masks
  combined with other keys, lists and NumPy arrays as keys, fewer indices than
  dimensions without an ellipsis, slice bounds outside the specified ranges, integer
  arrays in ``__setitem__``), and ``__setitem__`` values that do not promote to the
  tensor's dtype;
- ``bool()``, ``int()``, ``float()``, ``complex()``, ``operator.index()`` of tensors
  that are not 0-d, iteration over tensors that are not 1-d, ``len()``, and
  NumPy's ``__array__`` protocol on tensors that are not 0-d (0-d tensors convert
  like scalars, which ``asarray([x[0], x[1]])`` needs);
- with ``data_dependent_shapes=False`` (also without strict mode): ``unique_*``,
  ``nonzero``, ``repeat`` with a tensor of repeats and boolean-mask indexing, in
  ``__getitem__`` and ``__setitem__`` (``capabilities()`` then reports False for
  "data-dependent shapes" and "boolean indexing").

A tensor exports no buffer protocol in either mode, so there is nothing to refuse
there; buffer-protocol input to ``asarray`` is specified by the standard and stays.

Errors are builtin types: TypeError for type and dtype rules, IndexError for
indexing rules, OverflowError for Python ints out of range (as NumPy and the default
mode raise), ValueError otherwise.

The state is process-wide, like array-api-strict's flags: one setting for every
thread. The default mode pays nothing for it: no call checks a flag. Switching
strict mode on installs checking versions of the Tensor's operator and indexing
methods, of the operand helpers ``_unary`` and ``_binary`` behind the element-wise
functions, and of a few namespace functions (``xtensor.mean`` …), and takes the
unspecified pairs out of the promotion tables; switching it off puts the originals
back. Functions reached as attributes of the namespace (``xp.mean``, as array-API
code does) are checked; a name imported with ``from xtensor import mean`` before
strict mode was switched on keeps the unchecked function (operators, indexing,
element-wise functions and promotion are checked however they are reached).
"""

from __future__ import annotations

import contextlib
import operator
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from . import _elementwise_functions, _info
from ._arguments import check_bool, check_optional_bool
from ._backend import numpy as np
from ._dtypes import ALL_DTYPES, DType, from_numpy, promote, scalar_result, standard_only
from ._tensor import _BINARY_OPERATORS, _COMPARISONS, Tensor

__all__ = ["set_strict", "strict", "is_strict"]

_STRICT = False
_DATA_DEPENDENT_SHAPES = True

_DEFAULT_ANSWER = "xtensor's default mode answers as NumPy does"

# --- the standard's dtype categories -----------------------------------------------------

# NumPy dtype kind characters of each category the standard names.
_CATEGORY_KINDS = {
    "numeric": "iufc",
    "real-valued": "iuf",
    "floating-point": "fc",
    "real-valued floating-point": "f",
    "complex floating-point": "c",
    "integer": "iu",
    "integer or boolean": "biu",
    "boolean": "b",
    "any": "biufc",
}

# The dtype category each function and operator is defined on ("Should have a ...
# data type" in the 2025.12 stubs); other dtypes are unspecified. ``divide`` of
# integers is numeric in the signature but its result dtype is unspecified, so it is
# floating-point here, as in array-api-strict; ``vecdot`` and ``tensordot`` are
# numeric, as in array-api-strict (the official test suite calls them on integers).
CATEGORIES: dict[str, str] = {
    # element-wise functions
    "abs": "numeric",
    "acos": "floating-point",
    "acosh": "floating-point",
    "add": "numeric",
    "asin": "floating-point",
    "asinh": "floating-point",
    "atan": "floating-point",
    "atan2": "real-valued floating-point",
    "atanh": "floating-point",
    "bitwise_and": "integer or boolean",
    "bitwise_invert": "integer or boolean",
    "bitwise_left_shift": "integer",
    "bitwise_or": "integer or boolean",
    "bitwise_right_shift": "integer",
    "bitwise_xor": "integer or boolean",
    "ceil": "real-valued",
    "clip": "real-valued",
    "conj": "numeric",
    "copysign": "real-valued floating-point",
    "cos": "floating-point",
    "cosh": "floating-point",
    "divide": "floating-point",
    "equal": "any",
    "exp": "floating-point",
    "expm1": "floating-point",
    "floor": "real-valued",
    "floor_divide": "real-valued",
    "greater": "real-valued",
    "greater_equal": "real-valued",
    "hypot": "real-valued floating-point",
    "imag": "complex floating-point",
    "isfinite": "numeric",
    "isinf": "numeric",
    "isnan": "numeric",
    "less": "real-valued",
    "less_equal": "real-valued",
    "log": "floating-point",
    "log10": "floating-point",
    "log1p": "floating-point",
    "log2": "floating-point",
    "logaddexp": "real-valued floating-point",
    "logical_and": "boolean",
    "logical_not": "boolean",
    "logical_or": "boolean",
    "logical_xor": "boolean",
    "maximum": "real-valued",
    "minimum": "real-valued",
    "multiply": "numeric",
    "negative": "numeric",
    "nextafter": "real-valued floating-point",
    "not_equal": "any",
    "positive": "numeric",
    "pow": "numeric",
    "real": "numeric",
    "reciprocal": "floating-point",
    "remainder": "real-valued",
    "round": "numeric",
    "sign": "numeric",
    "signbit": "real-valued floating-point",
    "sin": "floating-point",
    "sinh": "floating-point",
    "sqrt": "floating-point",
    "square": "numeric",
    "subtract": "numeric",
    "tan": "floating-point",
    "tanh": "floating-point",
    "trunc": "real-valued",
    # other functions checked in strict mode (see _NAMESPACE_CHECKS)
    "matmul": "numeric",
    "tensordot": "numeric",
    "vecdot": "numeric",
    "sum": "numeric",
    "prod": "numeric",
    "cumulative_sum": "numeric",
    "cumulative_prod": "numeric",
    "diff": "numeric",
    "mean": "floating-point",
    "std": "real-valued floating-point",
    "var": "real-valued floating-point",
    "max": "real-valued",
    "min": "real-valued",
    "argmax": "real-valued",
    "argmin": "real-valued",
    "sort": "real-valued",
    "argsort": "real-valued",
    "searchsorted": "real-valued",
    "isin": "integer",
}

_UNARY_OPERATORS = {
    "abs": "abs",
    "neg": "negative",
    "pos": "positive",
    "invert": "bitwise_invert",
}
_SHIFTS = ("bitwise_left_shift", "bitwise_right_shift")
_PY_SCALARS = (bool, int, float, complex)
_INT_RANGE: dict[DType, tuple[int, int]] = {
    d: (int(np.iinfo(d.numpy).min), int(np.iinfo(d.numpy).max))
    for d in ALL_DTYPES
    if d.kind in ("signed integer", "unsigned integer")
}


# --- the refusals -------------------------------------------------------------------------


def _article(name: str) -> str:
    """The indefinite article before a dtype name: "an int8", "a uint8", "a float32"."""
    return "an" if name.startswith("i") else "a"


def _kind_error(name: str, function: str, dtype: Any) -> TypeError:
    category = CATEGORIES[function]
    return TypeError(
        f"{name} on {_article(str(dtype))} {dtype} tensor is not specified by the array API "
        f"standard (Data Types: {function} is defined on {category} data types); "
        f"{_DEFAULT_ANSWER}"
    )


def _check_kind(name: str, function: str, array: Any) -> None:
    if array.dtype.kind not in _CATEGORY_KINDS[CATEGORIES[function]]:
        raise _kind_error(name, function, array.dtype)


def _check_pair(name: str, a: DType, b: DType) -> DType:
    try:
        return promote(a, b)
    except TypeError as exc:
        raise TypeError(f"{name}: {exc}") from None


def _check_scalar(name: str, dtype: DType, value: object) -> None:
    """Refuse a Python scalar the standard does not mix with a ``dtype`` tensor."""
    cls = value.__class__
    if cls not in _PY_SCALARS:
        raise _operand_error(name, value)
    try:
        scalar_result(dtype, value)
    except TypeError as exc:
        raise TypeError(f"{name}: {exc}") from None
    if cls is int:
        bounds = _INT_RANGE.get(dtype)
        if bounds is not None and not bounds[0] <= value <= bounds[1]:  # type: ignore[operator]
            raise OverflowError(
                f"{name}: the Python int {value} is out of range for {dtype.name} "
                f"({bounds[0]} to {bounds[1]}); the array API standard leaves it unspecified "
                "(Type Promotion Rules: mixing arrays with Python scalars)"
            )


def _operand_error(name: str, value: object) -> TypeError:
    if isinstance(value, (np.ndarray, np.generic)):
        what = f"a NumPy {'array' if isinstance(value, np.ndarray) else 'scalar'}"
        default = "xtensor's default mode takes it as a tensor (NumPy-scalar behaviour)"
    else:
        what = f"a {type(value).__name__}"
        default = "xtensor's default mode accepts Python scalar subclasses"
    return TypeError(
        f"{name}: {what} operand is not specified by the array API standard (operands are "
        f"tensors of this library or Python bool, int, float and complex scalars); {default}"
    )


def _check_shift(name: str, count: object) -> None:
    """The standard defines shifts by non-negative counts only."""
    negative = (
        bool((count._array < 0).any()) if count.__class__ is Tensor else count < 0  # type: ignore[operator]
    )
    if negative:
        raise ValueError(
            f"{name}: a negative shift count is not specified by the array API standard "
            f"(bitwise shifts: each element of x2 must be >= 0); {_DEFAULT_ANSWER}"
        )


def _check_operands(
    name: str, function: str, x: Tensor, other: object, reflected: bool = False
) -> None:
    """Refuse the unspecified cases of ``x <op> other`` (``other <op> x`` if reflected)."""
    a = x._array
    _check_kind(name, function, a)
    cls = other.__class__
    if cls is Tensor:
        b = other._array  # type: ignore[attr-defined]
        _check_kind(name, function, b)
        _check_pair(name, from_numpy(a.dtype), from_numpy(b.dtype))
    elif cls in _PY_SCALARS:
        if function == "matmul":
            raise TypeError(
                f"{name}: a Python scalar operand of @ is not specified by the array API "
                "standard (Type Promotion Rules: Python scalars mix with every operator but "
                "matmul); use multiply"
            )
        _check_scalar(name, from_numpy(a.dtype), other)
    elif isinstance(other, (np.ndarray, np.generic, *_PY_SCALARS)):
        raise _operand_error(name, other)
    else:
        return  # not an operand at all: the operator returns NotImplemented
    if function in _SHIFTS:
        _check_shift(name, x if reflected else other)


# --- Tensor methods -----------------------------------------------------------------------


def _named(
    method: Callable[..., Any], name: str, original: Callable[..., Any]
) -> Callable[..., Any]:
    """``method`` named as the Tensor method it stands for, with its docstring."""
    method.__name__ = name
    method.__qualname__ = f"Tensor.{name}"
    method.__doc__ = original.__doc__
    method.__wrapped__ = original  # type: ignore[attr-defined]
    return method


def _binary_method(op: str, function: str, original: Callable[..., Any]) -> Callable[..., Any]:
    name = f"__{op}__"

    def method(self: Tensor, other: object, /) -> Any:
        _check_operands(name, function, self, other)
        return original(self, other)

    return _named(method, name, original)


def _reflected_method(op: str, function: str, original: Callable[..., Any]) -> Callable[..., Any]:
    name = f"__r{op}__"

    def method(self: Tensor, other: object, /) -> Any:
        _check_operands(name, function, self, other, reflected=True)
        return original(self, other)

    return _named(method, name, original)


def _unary_method(op: str, function: str, original: Callable[..., Any]) -> Callable[..., Any]:
    name = f"__{op}__"

    def method(self: Tensor, /) -> Any:
        _check_kind(name, function, self._array)
        return original(self)

    return _named(method, name, original)


def _conversion_method(
    name: str, error: type[Exception], original: Callable[..., Any]
) -> Callable[..., Any]:
    def method(self: Tensor, /) -> Any:
        if self._array.ndim != 0:
            raise error(
                f"{name} of a tensor of shape {self.shape} is not specified by the array API "
                f"standard (Array object: {name} converts a 0-d tensor); xtensor's default mode "
                "accepts any tensor with one element, as NumPy does; index it first, e.g. "
                "x[(0,) * x.ndim]"
            )
        return original(self)

    return _named(method, name, original)


def _array_method(original: Callable[..., Any]) -> Callable[..., Any]:
    def __array__(self: Tensor, dtype: Any = None, copy: bool | None = None) -> Any:
        if self._array.ndim != 0:
            raise TypeError(
                f"__array__ of a tensor of shape {self.shape} is not part of the array API "
                "standard (it is NumPy's protocol, which xtensor's default mode implements; "
                "strict mode keeps it for 0-d tensors, which convert like scalars, as in "
                "asarray([x[0], x[1]])); convert with numpy.from_dlpack(x) (zero-copy, on "
                "the CPU) instead"
            )
        return original(self, dtype, copy)

    return __array__


def _len_method(self: Tensor, /) -> int:
    raise TypeError(
        "len() of a tensor is not part of the array API standard (xtensor's default mode "
        "answers x.shape[0], as NumPy does); use x.shape[0]"
    )


def _iter_method(original: Callable[..., Any]) -> Callable[..., Any]:
    def __iter__(self: Tensor, /) -> Iterator[Tensor]:
        if self._array.ndim != 1:
            raise TypeError(
                f"iteration over a {self._array.ndim}-d tensor is not specified by the array "
                "API standard (Array object: __getitem__ defines iteration for 1-d arrays "
                "only); use unstack(x) for the rows"
            )
        return original(self)  # type: ignore[no-any-return]

    return __iter__


def _getitem_method(original: Callable[..., Any]) -> Callable[..., Any]:
    def __getitem__(self: Tensor, key: Any, /) -> Tensor:
        _check_key(self, key, "__getitem__")
        return original(self, key)  # type: ignore[no-any-return]

    return __getitem__


def _setitem_method(
    original: Callable[..., Any], getitem: Callable[..., Any]
) -> Callable[..., Any]:
    def __setitem__(self: Tensor, key: Any, value: Any, /) -> None:
        _check_key(self, key, "__setitem__")
        if _STRICT:
            _check_value(self, key, value, getitem)
        original(self, key, value)

    return __setitem__


def _check_value(x: Tensor, key: Any, value: object, getitem: Callable[..., Any]) -> None:
    """``value`` must promote to ``x``'s dtype (Array object: __setitem__) and
    broadcast to the selection ``x[key]``."""
    dtype = x.dtype
    if value.__class__ is Tensor:
        vdtype = value.dtype
        if _check_pair("__setitem__", vdtype, dtype) is not dtype:
            raise TypeError(
                f"__setitem__: {_article(vdtype.name)} {vdtype.name} value in "
                f"{_article(dtype.name)} {dtype.name} tensor is not specified "
                "by the array API standard (Array object: __setitem__ promotes the value to "
                f"the tensor's dtype, and {vdtype.name} does not promote to {dtype.name}); "
                f"{_DEFAULT_ANSWER} (casting); cast it with astype first"
            )
        target = getitem(x, key)
        if value.ndim > target.ndim:
            raise ValueError(
                f"__setitem__: a value of shape {value.shape} does not broadcast to "
                f"the selection's shape {target.shape} (Broadcasting); {_DEFAULT_ANSWER} "
                "(it drops leading dimensions of size 1)"
            )
    else:
        _check_scalar("__setitem__", dtype, value)


# --- indexing -------------------------------------------------------------------------


def _index_error(op: str, what: str, rule: str) -> IndexError:
    return IndexError(
        f"{op}: {what} is not specified by the array API standard (Indexing: {rule}); "
        f"{_DEFAULT_ANSWER}"
    )


def _check_key(x: Tensor, key: Any, op: str) -> None:
    """Refuse keys the standard leaves unspecified (strict mode) and, with data-dependent
    shapes disabled, boolean masks."""
    keys = key if key.__class__ is tuple else (key,)
    shape = x._array.shape
    ndim = len(shape)
    masks = arrays = ellipses = consumed = 0
    has_slice = has_none = False
    for k in keys:
        cls = k.__class__
        if k is None:
            has_none = True
            if op == "__setitem__" and _STRICT:
                raise _index_error(
                    op, "None (newaxis) in a key", "__setitem__ keys hold no newaxis"
                )
        elif k is Ellipsis:
            ellipses += 1
        elif cls is slice:
            has_slice = True
            consumed += 1
            if _STRICT:
                for part in (k.start, k.stop, k.step):
                    if isinstance(part, (bool, np.bool_)):
                        raise _index_error(op, f"a bool in the slice {k!r}", "slices hold integers")
        elif cls is Tensor:
            kind = k._array.dtype.kind
            if kind == "b":
                masks += 1
                consumed += k._array.ndim
            elif kind in "iu":
                consumed += 1
                if k._array.ndim:
                    arrays += 1
            else:
                return  # not an index: the default path raises IndexError
        elif not _STRICT:
            continue
        elif isinstance(k, (bool, np.bool_)):
            raise _index_error(
                op, f"the Python bool {k!r} as an index", "integer indices are ints, not bools"
            )
        elif isinstance(k, (list, tuple, np.ndarray)):
            what = "a NumPy array" if isinstance(k, np.ndarray) else f"a {type(k).__name__}"
            raise _index_error(
                op,
                f"{what} as an index",
                "keys are ints, slices, ellipsis, None and tensors; lists and other "
                "sequences are left unspecified",
            )
        else:
            consumed += 1
    if masks and not _DATA_DEPENDENT_SHAPES:
        raise IndexError(
            f"{op}: boolean-mask indexing has a data-dependent output shape, and "
            "data-dependent shapes are disabled (xtensor.set_strict(..., "
            "data_dependent_shapes=False)); capabilities()['boolean indexing'] is False"
        )
    if not _STRICT:
        return
    if masks and len(keys) != 1:
        raise _index_error(
            op,
            "a boolean mask combined with other keys",
            "a boolean array must be the sole index",
        )
    if arrays:
        if op == "__setitem__":
            raise _index_error(
                op,
                "an integer array in a __setitem__ key",
                "__setitem__ with integer arrays is left unspecified",
            )
        if has_slice or ellipses or has_none or len(keys) != ndim:
            raise _index_error(
                op,
                "an integer array mixed with slices, ellipsis or None, or fewer keys "
                "than dimensions",
                "integer array indexing takes one integer or integer array per dimension",
            )
    if ellipses > 1 or consumed > ndim:
        return  # the default path raises IndexError for these
    if not masks and not ellipses and consumed < ndim:
        raise _index_error(
            op,
            f"a key of {consumed} {'index' if consumed == 1 else 'indices'} for a {ndim}-d tensor",
            "every dimension is indexed, or an ellipsis stands for the rest",
        )
    if has_slice:
        _check_slice_bounds(op, keys, shape, consumed)


def _check_slice_bounds(op: str, keys: tuple[Any, ...], shape: tuple[int, ...], used: int) -> None:
    axis = 0
    for k in keys:
        if k is None:
            continue
        if k is Ellipsis:
            axis += len(shape) - used
            continue
        if k.__class__ is slice:
            _check_slice(op, k, shape[axis])
        axis += 1


def _check_slice(op: str, s: slice, n: int) -> None:
    try:
        start = None if s.start is None else operator.index(s.start)
        stop = None if s.stop is None else operator.index(s.stop)
        step = 1 if s.step is None else operator.index(s.step)
    except TypeError:
        return  # not integers: the default path raises
    if step == 0:
        return
    lowest_stop, highest_stop = (-n, n) if step > 0 else (-n - 1, max(0, n - 1))
    if start is not None and not -n <= start <= n:
        bad, allowed = f"start {start}", f"-{n} to {n}"
    elif stop is not None and not lowest_stop <= stop <= highest_stop:
        bad, allowed = f"stop {stop}", f"{lowest_stop} to {highest_stop}"
    else:
        return
    raise _index_error(
        op,
        f"the slice {s!r} with {bad} on an axis of size {n}",
        f"slice bounds out of range; here {allowed}",
    )


# --- element-wise functions ---------------------------------------------------------------

_original_unary = _elementwise_functions._unary
_original_binary = _elementwise_functions._binary


def _strict_unary(name: str, x: Tensor, kinds: str) -> Any:
    a = _original_unary(name, x, kinds)
    _check_kind(name, name, a)
    return a


def _strict_binary(
    name: str, x1: object, x2: object, kinds: str, scalars: tuple[type, ...]
) -> tuple[Any, Any, Any]:
    try:
        result = _original_binary(name, x1, x2, kinds, scalars)
    except OverflowError:  # a Python int out of range: a refusal of the standard's first
        if x1.__class__ is Tensor:
            _check_operands(name, name, x1, x2)
        else:
            _check_operands(name, name, x2, x1, reflected=True)  # type: ignore[arg-type]
        raise
    if x1.__class__ is Tensor:
        _check_operands(name, name, x1, x2)
        if name == "nextafter" and x2.__class__ is Tensor and x1.dtype is not x2.dtype:
            raise TypeError(
                f"nextafter of {x1.dtype.name} and {x2.dtype.name} tensors is not specified by "
                "the array API standard (nextafter: x2 should have the dtype of x1); "
                f"{_DEFAULT_ANSWER}"
            )
    else:
        _check_operands(name, name, x2, x1, reflected=True)  # type: ignore[arg-type]
    return result


# --- namespace functions ------------------------------------------------------------------


def _dtype_checked(name: str, original: Callable[..., Any], arrays: int) -> Callable[..., Any]:
    """``original`` with its first ``arrays`` positional arguments checked against the
    function's dtype category (Python scalars against the first tensor's dtype)."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        first = args[0] if args else None
        for i, arg in enumerate(args[:arrays]):
            if arg.__class__ is Tensor:
                _check_kind(name, name, arg._array)
            elif i and first.__class__ is Tensor and arg.__class__ in _PY_SCALARS:
                _check_scalar(name, first.dtype, arg)
        return original(*args, **kwargs)

    checked.__name__ = checked.__qualname__ = name
    checked.__doc__ = original.__doc__
    checked.__wrapped__ = original  # type: ignore[attr-defined]
    return checked


def _clip_checked(original: Callable[..., Any]) -> Callable[..., Any]:
    def clip(x: Any, /, min: Any = None, max: Any = None) -> Any:
        if x.__class__ is Tensor:
            for which, bound in (("min", min), ("max", max)):
                if bound is None:
                    continue
                if bound.__class__ is Tensor:
                    if bound.dtype is not x.dtype:
                        raise TypeError(
                            f"clip: a {which} of dtype {bound.dtype.name} for a {x.dtype.name} "
                            "tensor is not specified by the array API standard (clip: min and "
                            f"max should have the dtype of x); {_DEFAULT_ANSWER}"
                        )
                else:
                    _check_scalar(f"clip ({which})", x.dtype, bound)
            if min is not None and max is not None:
                lo = min._array if min.__class__ is Tensor else min
                hi = max._array if max.__class__ is Tensor else max
                if bool(np.any(lo > hi)):
                    raise ValueError(
                        "clip: min greater than max is not specified by the array API "
                        "standard (clip: the behaviour is implementation-defined); "
                        f"{_DEFAULT_ANSWER}"
                    )
        return original(x, min, max)

    clip.__doc__ = original.__doc__
    clip.__wrapped__ = original  # type: ignore[attr-defined]
    return clip


def _extension_refused(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """``original`` refusing the keywords that xtensor adds to the standard's signature."""
    keywords = EXTENSION_KEYWORDS[name]

    def checked(*args: Any, **kwargs: Any) -> Any:
        for keyword in keywords:
            if kwargs.get(keyword) is not None:
                raise TypeError(
                    f"{name}: the {keyword} keyword is not in the array API standard's "
                    f"signature of {name} (implementations may add arguments, but code "
                    f"that passes them is not portable); {_DEFAULT_ANSWER}"
                )
        return original(*args, **kwargs)

    checked.__name__ = checked.__qualname__ = name
    checked.__doc__ = original.__doc__
    checked.__wrapped__ = original  # type: ignore[attr-defined]
    return checked


def _data_dependent(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        if name != "repeat" or (len(args) > 1 and args[1].__class__ is Tensor):
            raise ValueError(
                f"{name}{' with a tensor of repeats' if name == 'repeat' else ''} has a "
                "data-dependent output shape, and data-dependent shapes are disabled "
                "(xtensor.set_strict(..., data_dependent_shapes=False)); "
                "capabilities()['data-dependent shapes'] is False"
            )
        return original(*args, **kwargs)

    checked.__name__ = checked.__qualname__ = name
    checked.__doc__ = original.__doc__
    checked.__wrapped__ = original  # type: ignore[attr-defined]
    return checked


# Namespace functions checked in strict mode: name -> how many leading positional
# arguments are arrays to check against CATEGORIES.
_NAMESPACE_CHECKS = {
    "sum": 1,
    "prod": 1,
    "cumulative_sum": 1,
    "cumulative_prod": 1,
    "diff": 1,
    "mean": 1,
    "std": 1,
    "var": 1,
    "max": 1,
    "min": 1,
    "argmax": 1,
    "argmin": 1,
    "sort": 1,
    "argsort": 1,
    "searchsorted": 2,
    "isin": 2,
    "matmul": 2,
    "tensordot": 2,
    "vecdot": 2,
}
_DATA_DEPENDENT = ("unique_all", "unique_counts", "unique_inverse", "unique_values", "nonzero")

# Keywords xtensor's functions take beyond the standard's signature (the standard lets
# implementations add arguments), which NumPy and PyTorch share: strict mode refuses
# them when they are passed (not None).
EXTENSION_KEYWORDS: dict[str, tuple[str, ...]] = {"mean": ("dtype",)}


# --- switching ---------------------------------------------------------------------------

# The originals, taken when this module is imported (after the whole namespace).
_TENSOR_ORIGINALS: dict[str, Any] = {}
_NAMESPACE_ORIGINALS: dict[tuple[str, str], Any] = {}


def _tensor_versions() -> dict[str, Any]:
    """The checking versions of Tensor's methods."""
    original = _TENSOR_ORIGINALS
    methods: dict[str, Any] = {}
    for op, function in _BINARY_OPERATORS.items():
        methods[f"__{op}__"] = _binary_method(op, function, original[f"__{op}__"])
        methods[f"__r{op}__"] = _reflected_method(op, function, original[f"__r{op}__"])
        methods[f"__i{op}__"] = _binary_method(f"i{op}", function, original[f"__i{op}__"])
    for op, function in _COMPARISONS.items():
        methods[f"__{op}__"] = _binary_method(op, function, original[f"__{op}__"])
    for op, function in _UNARY_OPERATORS.items():
        methods[f"__{op}__"] = _unary_method(op, function, original[f"__{op}__"])
    for name, error in (
        ("__bool__", ValueError),
        ("__int__", TypeError),
        ("__float__", TypeError),
        ("__complex__", TypeError),
        ("__index__", TypeError),
    ):
        methods[name] = _conversion_method(name, error, original[name])
    methods["__array__"] = _array_method(original["__array__"])
    methods["__len__"] = _len_method
    methods["__iter__"] = _iter_method(original["__iter__"])
    return methods


def _namespaces() -> dict[str, Any]:
    return {name: sys.modules[name] for name in ("xtensor", "xtensor.linalg")}


def _namespace_versions() -> dict[tuple[str, str], Any]:
    """The checking versions of namespace functions for the current flags."""
    versions: dict[tuple[str, str], Any] = {}
    for key, original in _NAMESPACE_ORIGINALS.items():
        name = key[1]
        function = original
        if _STRICT and name in _NAMESPACE_CHECKS:
            function = _dtype_checked(name, function, _NAMESPACE_CHECKS[name])
        if _STRICT and name in EXTENSION_KEYWORDS:
            function = _extension_refused(name, function)
        if _STRICT and name == "clip":
            function = _clip_checked(function)
        if not _DATA_DEPENDENT_SHAPES and (name in _DATA_DEPENDENT or name == "repeat"):
            function = _data_dependent(name, function)
        versions[key] = function
    return versions


def _capture_originals() -> None:
    for name in (
        *(f"__{op}__" for op in _BINARY_OPERATORS),
        *(f"__r{op}__" for op in _BINARY_OPERATORS),
        *(f"__i{op}__" for op in _BINARY_OPERATORS),
        *(f"__{op}__" for op in _COMPARISONS),
        *(f"__{op}__" for op in _UNARY_OPERATORS),
        "__bool__",
        "__int__",
        "__float__",
        "__complex__",
        "__index__",
        "__array__",
        "__len__",
        "__iter__",
        "__getitem__",
        "__setitem__",
    ):
        _TENSOR_ORIGINALS[name] = Tensor.__dict__[name]
    names = (*_NAMESPACE_CHECKS, *EXTENSION_KEYWORDS, "clip", "repeat", *_DATA_DEPENDENT)
    for module_name, module in _namespaces().items():
        for name in names:
            if name in vars(module):
                _NAMESPACE_ORIGINALS[module_name, name] = vars(module)[name]


def _apply() -> None:
    """Install the versions of everything that the current flags ask for."""
    originals = _TENSOR_ORIGINALS
    methods = _tensor_versions() if _STRICT else dict(originals)
    if _STRICT or not _DATA_DEPENDENT_SHAPES:
        methods["__getitem__"] = _getitem_method(originals["__getitem__"])
        methods["__setitem__"] = _setitem_method(originals["__setitem__"], originals["__getitem__"])
    for name, method in methods.items():
        setattr(Tensor, name, method)
    _elementwise_functions._unary = _strict_unary if _STRICT else _original_unary
    _elementwise_functions._binary = _strict_binary if _STRICT else _original_binary
    standard_only(_STRICT)
    modules = _namespaces()
    for (module_name, name), function in _namespace_versions().items():
        setattr(modules[module_name], name, function)
    _info.CAPABILITIES["data-dependent shapes"] = _DATA_DEPENDENT_SHAPES
    _info.CAPABILITIES["boolean indexing"] = _DATA_DEPENDENT_SHAPES
    from . import _versions  # imports the namespace

    _versions.refresh()


def set_strict(enabled: bool, /, *, data_dependent_shapes: bool | None = None) -> None:
    """Switch strict mode on or off, process-wide (every thread sees the same mode).

    Parameters
    ----------
    enabled
        True: refuse, with an error that names the rule, everything the array API
        standard 2025.12 leaves unspecified (the guide "Testing your library with
        xtensor" lists the rules). False: the default mode, which answers those
        cases as NumPy does.
    data_dependent_shapes
        False: also refuse functions whose output shape depends on the data
        (``unique_*``, ``nonzero``, ``repeat`` with a tensor of repeats, boolean-mask
        indexing), as libraries that build computation graphs may;
        ``capabilities()`` then says so. True: allow them. None (default): keep the
        current setting.

    Returns
    -------
    None

    Raises
    ------
    TypeError
        ``enabled`` or ``data_dependent_shapes`` is not a bool.

    Examples
    --------
    >>> xp.set_strict(True)
    >>> xp.asarray([1, 2]) * 0.5
    Traceback (most recent call last):
        ...
    TypeError: __mul__: a Python float with an int64 tensor is not specified ...
    >>> xp.set_strict(False)
    >>> xp.asarray([1, 2]) * 0.5
    tensor([0.5, 1. ])
    """
    global _STRICT, _DATA_DEPENDENT_SHAPES
    if enabled.__class__ is not bool:
        enabled = check_bool(enabled, "set_strict", "enabled")
    if data_dependent_shapes is not None and data_dependent_shapes.__class__ is not bool:
        data_dependent_shapes = check_optional_bool(
            data_dependent_shapes, "set_strict", "data_dependent_shapes"
        )
    _STRICT = enabled
    if data_dependent_shapes is not None:
        _DATA_DEPENDENT_SHAPES = data_dependent_shapes
    _apply()


def is_strict() -> bool:
    """Whether strict mode is on.

    Returns
    -------
    bool
        True in strict mode (``set_strict(True)``, ``with strict():``,
        ``XTENSOR_STRICT=1``), False in the default mode.

    Examples
    --------
    >>> xp.is_strict()
    False
    >>> with xp.strict():
    ...     xp.is_strict()
    True
    """
    return _STRICT


@contextlib.contextmanager
def strict(enabled: bool = True, /, *, data_dependent_shapes: bool | None = None) -> Iterator[None]:
    """Strict mode inside a ``with`` block: the previous mode comes back when the block
    ends, also when it raises.

    The mode is process-wide: other threads see it while the block runs.

    Parameters
    ----------
    enabled
        True (default): strict mode in the block; False: the default mode (to let a
        block of a strict test suite answer as NumPy does).
    data_dependent_shapes
        As for ``set_strict``: False refuses functions with data-dependent output
        shapes in the block; None (default) keeps the current setting.

    Returns
    -------
    context manager
        Sets the mode on entry and restores the previous one on exit.

    Raises
    ------
    TypeError
        ``enabled`` or ``data_dependent_shapes`` is not a bool.

    Examples
    --------
    >>> x = xp.asarray([1, 2, 3])
    >>> with xp.strict():
    ...     x[[0, 2]]
    Traceback (most recent call last):
        ...
    IndexError: __getitem__: a list as an index is not specified by the array API standard ...
    >>> x[[0, 2]]
    tensor([1, 3])
    """
    if enabled.__class__ is not bool:
        enabled = check_bool(enabled, "strict", "enabled")
    if data_dependent_shapes is not None and data_dependent_shapes.__class__ is not bool:
        data_dependent_shapes = check_optional_bool(
            data_dependent_shapes, "strict", "data_dependent_shapes"
        )
    previous = (_STRICT, _DATA_DEPENDENT_SHAPES)
    set_strict(enabled, data_dependent_shapes=data_dependent_shapes)
    try:
        yield
    finally:
        set_strict(previous[0], data_dependent_shapes=previous[1])


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def env_flag(name: str, default: bool) -> bool:
    """The boolean environment variable ``name`` (1/true/yes/on, 0/false/no/off)."""
    value = os.environ.get(name)
    if value is None:
        return default
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(
        f"environment variable {name}={value!r}: expected 1, true, yes or on, or 0, false, "
        "no or off"
    )


def _init() -> None:
    """Take the originals and apply the environment (called by ``xtensor/__init__``)."""
    _capture_originals()
    strict_on = env_flag("XTENSOR_STRICT", False)
    dds = env_flag("XTENSOR_DATA_DEPENDENT_SHAPES", True)
    if strict_on or not dds:
        set_strict(strict_on, data_dependent_shapes=dds)
