"""Dtype objects, their categories, and the type promotion table.

xtensor's dtypes are its own objects (``xtensor.float32`` …): the standard's 13
plus ``float16``. Each is equal to itself and, through NumPy's dtype equality (which
reads ``DType.dtype``), to the NumPy dtype it is stored as; to nothing else.

Promotion is data: ``PROMOTION`` maps every ordered pair of dtypes to its result,
and ``STANDARD_PAIRS`` holds the pairs the standard specifies. The other pairs
(mixed kinds: bool with numbers, integers with floats, uint64 with signed ints)
answer as NumPy does. ``SCALAR_PROMOTION`` does the same for a dtype with a Python
scalar type, ``STANDARD_SCALAR_PAIRS`` holding the standard's pairs. Strict mode
(``xtensor.set_strict``) takes the other pairs out of both tables, in place, so that
every function reading them refuses what the standard leaves unspecified.
``tests/test_dtypes.py`` proves that the backend computes exactly this table, which
is why the hot path may let the backend pick the result dtype.
"""

from __future__ import annotations

from typing import Any

from ._backend import numpy as np

__all__ = [
    "DType",
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "ALL_DTYPES",
    "from_numpy",
    "to_numpy",
    "as_dtype",
    "promote",
    "PROMOTION",
    "STANDARD_PAIRS",
    "SCALAR_PROMOTION",
    "STANDARD_SCALAR_PAIRS",
    "standard_only",
    "scalar_result",
]

_builtin_bool = bool


class DType:
    """A data type: one of xtensor's 14 dtype objects.

    ``kind`` is one of ``"bool"``, ``"signed integer"``, ``"unsigned integer"``,
    ``"real floating"``, ``"complex floating"``; ``bits`` its size in bits.
    """

    __slots__ = ("name", "kind", "bits", "numpy")

    name: str
    kind: str
    bits: int
    numpy: Any  # the numpy.dtype the backends store it as

    def __init__(self, name: str, kind: str, bits: int) -> None:
        self.name = name
        self.kind = kind
        self.bits = bits
        self.numpy = np.dtype(name)

    def __repr__(self) -> str:
        return f"xtensor.{self.name}"

    @property
    def dtype(self) -> Any:
        """The ``numpy.dtype`` this dtype is stored as.

        NumPy reads it wherever it takes a dtype, so ``numpy.dtype(xtensor.float32)``
        is ``numpy.dtype("float32")`` and ``numpy.zeros(3, dtype=xtensor.int16)`` works.
        It also makes NumPy's dtype equality answer for the pair:
        ``xtensor.float32 == numpy.dtype("float32")`` is True, both ways round (Cubed
        and Dask keep NumPy dtypes and test them against the namespace's). xtensor
        dtypes are equal to no other object (not strings, NumPy scalar types or other
        libraries' dtypes), and hash as themselves: do not mix them with NumPy dtypes
        as keys of one dict or set.
        """
        return self.numpy

    def __reduce__(self) -> str:
        return self.name  # pickles as the module attribute of that name

    @property
    def itemsize(self) -> int:
        return max(1, self.bits // 8)


bool = DType("bool", "bool", 8)
int8 = DType("int8", "signed integer", 8)
int16 = DType("int16", "signed integer", 16)
int32 = DType("int32", "signed integer", 32)
int64 = DType("int64", "signed integer", 64)
uint8 = DType("uint8", "unsigned integer", 8)
uint16 = DType("uint16", "unsigned integer", 16)
uint32 = DType("uint32", "unsigned integer", 32)
uint64 = DType("uint64", "unsigned integer", 64)
float16 = DType("float16", "real floating", 16)
float32 = DType("float32", "real floating", 32)
float64 = DType("float64", "real floating", 64)
complex64 = DType("complex64", "complex floating", 64)
complex128 = DType("complex128", "complex floating", 128)

ALL_DTYPES: tuple[DType, ...] = (
    bool,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
    float16,
    float32,
    float64,
    complex64,
    complex128,
)
BY_NAME: dict[str, DType] = {d.name: d for d in ALL_DTYPES}

# numpy.dtype -> DType. Only native byte order is a key: a tensor never holds other.
_FROM_NUMPY: dict[Any, DType] = {d.numpy: d for d in ALL_DTYPES}
from_numpy = _FROM_NUMPY.__getitem__


def to_numpy(dtype: DType) -> Any:
    return dtype.numpy


def as_dtype(dtype: object) -> DType:
    """Accept an xtensor dtype, or a NumPy dtype or type it maps to; else TypeError."""
    if dtype.__class__ is DType:
        return dtype
    if dtype is None:  # NumPy reads None as float64; here it is no dtype at all
        raise TypeError("expected a dtype, got None")
    try:
        found = _FROM_NUMPY.get(np.dtype(dtype))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        found = None
    if found is None or isinstance(dtype, str) and dtype not in BY_NAME:
        names = ", ".join(d.name for d in ALL_DTYPES)
        raise TypeError(f"unsupported dtype {dtype!r}: expected one of xtensor's dtypes ({names})")
    return found


# --- promotion ---------------------------------------------------------------------

_SIGNED = (int8, int16, int32, int64)
_UNSIGNED = (uint8, uint16, uint32, uint64)
_REAL = (float16, float32, float64)
_COMPLEX = (complex64, complex128)


def _standard_result(a: DType, b: DType) -> DType | None:
    """The standard's promotion lattice; None where the standard says nothing."""
    if a.kind == b.kind:
        return a if a.bits >= b.bits else b
    if a in _UNSIGNED and b in _SIGNED:
        a, b = b, a
    if a in _SIGNED and b in _UNSIGNED:
        if b is uint64:
            return None
        for candidate in _SIGNED:
            if candidate.bits > b.bits and candidate.bits >= a.bits:
                return candidate
    if a in _COMPLEX and b in _REAL:
        a, b = b, a
    if a in _REAL and b in _COMPLEX:
        return complex128 if max(a.bits, b.bits // 2) > 32 else complex64
    return None


def _describe_pair(key: tuple[DType, DType], answer: DType) -> str:
    a, b = key
    if "bool" in (a.kind, b.kind):
        rule = "bool with numeric dtypes"
    elif uint64 in key:
        rule = "uint64 with signed integers"
    else:
        rule = "mixed-kind promotion"
    return (
        f"promoting {a.name} with {b.name} is not specified by the array API standard "
        f"(Type Promotion Rules: {rule}); xtensor's default mode answers as NumPy does "
        f"({answer.name}); cast one operand with astype first"
    )


def _describe_scalar(key: tuple[DType, type], answer: DType) -> str:
    dtype, cls = key
    return (
        f"a Python {cls.__name__} with {'an' if dtype.name.startswith('i') else 'a'} "
        f"{dtype.name} tensor is not specified by the array "
        "API standard (Type Promotion Rules: mixing arrays with Python scalars, which takes "
        "a bool for bool, an int for integer and floating-point, a float for floating-point, "
        "a complex for floating-point tensors); xtensor's default mode answers as NumPy "
        f"does ({answer.name})"
    )


def _build_table() -> tuple[dict[tuple[DType, DType], DType], frozenset[tuple[DType, DType]]]:
    table: dict[tuple[DType, DType], DType] = {}
    standard: set[tuple[DType, DType]] = set()
    for a in ALL_DTYPES:
        for b in ALL_DTYPES:
            result = _standard_result(a, b)
            if result is None:
                # Mixed kinds, unspecified by the standard: answer as NumPy does.
                result = _FROM_NUMPY[np.result_type(a.numpy, b.numpy)]
            else:
                standard.add((a, b))
            table[a, b] = result
    return table, frozenset(standard)


PROMOTION, STANDARD_PAIRS = _build_table()

_PYTHON_SCALARS = (_builtin_bool, int, float, complex)


def _scalar_entry(dtype: DType, cls: type) -> tuple[DType, Any]:
    """The result of ``dtype`` with a Python scalar of type ``cls``, and whether the
    standard specifies it. The standard: the scalar takes the array's dtype when its
    kind fits (bool for bool, int for integers and floats, float for floats, complex
    for complex), and a complex with a real floating-point array gives the complex
    dtype of matching precision. Otherwise answer as NumPy does: an int with a bool
    array gives int64, a float with an integer array float64, a bool with a numeric
    array that array's dtype."""
    kind = dtype.kind
    floating = kind in ("real floating", "complex floating")
    if cls is _builtin_bool:
        return dtype, kind == "bool"
    if cls is int:
        return (int64, False) if kind == "bool" else (dtype, True)
    if cls is float:
        return (dtype, True) if floating else (float64, False)
    if kind == "complex floating":
        return dtype, True
    return (complex64 if dtype in (float16, float32) else complex128), floating


def _build_scalar_table() -> tuple[dict[tuple[DType, type], DType], frozenset[tuple[DType, type]]]:
    table: dict[tuple[DType, type], DType] = {}
    standard = set()
    for dtype in ALL_DTYPES:
        for cls in _PYTHON_SCALARS:
            table[dtype, cls], specified = _scalar_entry(dtype, cls)
            if specified:
                standard.add((dtype, cls))
    return table, frozenset(standard)


SCALAR_PROMOTION, STANDARD_SCALAR_PAIRS = _build_scalar_table()

# The entries strict mode took out of the two tables, and what they answered.
_UNSPECIFIED: dict[Any, DType] = {}


def standard_only(on: _builtin_bool) -> None:
    """Take the pairs the standard leaves unspecified out of ``PROMOTION`` and
    ``SCALAR_PROMOTION``, in place (strict mode), or put them back. ``promote`` and
    ``scalar_result`` then raise TypeError for them, naming the rule."""
    if on:
        for table, standard in (
            (PROMOTION, STANDARD_PAIRS),
            (SCALAR_PROMOTION, STANDARD_SCALAR_PAIRS),
        ):
            for key in [k for k in table if k not in standard]:
                _UNSPECIFIED[key] = table.pop(key)  # type: ignore[arg-type]
    else:
        for key, value in _UNSPECIFIED.items():
            if isinstance(key[1], DType):
                PROMOTION[key] = value
            else:
                SCALAR_PROMOTION[key] = value
        _UNSPECIFIED.clear()


def _refusal(key: Any) -> Exception:
    """TypeError for a pair strict mode took out, KeyError for anything else."""
    answer = _UNSPECIFIED.get(key)
    if answer is None:
        return KeyError(key)
    if isinstance(key[1], DType):
        return TypeError(_describe_pair(key, answer))
    return TypeError(_describe_scalar(key, answer))


def promote(a: DType, b: DType) -> DType:
    """The result dtype of a binary operation on dtypes ``a`` and ``b`` (TypeError in
    strict mode for pairs the standard leaves unspecified)."""
    try:
        return PROMOTION[a, b]
    except KeyError:
        raise _refusal((a, b)) from None


def scalar_result(dtype: DType, scalar: object) -> DType:
    """The result dtype of an operation between a ``dtype`` array and a Python scalar.

    Read from ``SCALAR_PROMOTION``: the standard's rules where it has them (the
    scalar takes the array's dtype when its kind fits), NumPy's answer elsewhere (an
    int with a bool array gives int64, a float with an integer array float64). In
    strict mode the unspecified cases raise TypeError.
    """
    try:
        return SCALAR_PROMOTION[dtype, scalar.__class__]
    except KeyError:  # unspecified in strict mode, a subclass (np.float64), or no scalar
        pass
    for cls in _PYTHON_SCALARS:
        if isinstance(scalar, cls):
            key = (dtype, cls)
            if key in _UNSPECIFIED:
                raise _refusal(key)
            return SCALAR_PROMOTION[key]
    raise TypeError(f"expected a Python scalar (bool, int, float, complex), got {scalar!r}")
