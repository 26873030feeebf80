"""The promotion table in ``_dtypes`` against the standard's tables and against NumPy.

The standard's tables are written out here again, independently of ``_dtypes``, as
the spec prints them (type codes). Then NumPy, which computes every operation on the
CPU, must compute exactly ``PROMOTION`` for every pair of dtypes and exactly
``scalar_result`` for every dtype with every kind of Python scalar: that is what
lets the hot path leave the result dtype to the backend.
"""

import itertools
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xtensor as xp
from xtensor._dtypes import ALL_DTYPES, PROMOTION, STANDARD_PAIRS, promote, scalar_result

CODES = {
    "b": "bool",
    "i1": "int8",
    "i2": "int16",
    "i4": "int32",
    "i8": "int64",
    "u1": "uint8",
    "u2": "uint16",
    "u4": "uint32",
    "u8": "uint64",
    "f2": "float16",
    "f4": "float32",
    "f8": "float64",
    "c8": "complex64",
    "c16": "complex128",
}


def table(columns, rows):
    """A spec table (``rows``: row code -> results across ``columns``) as a dict over
    both orders of each pair of dtype names."""
    out = {}
    for row, results in rows.items():
        for column, result in zip(columns.split(), results.split(), strict=True):
            out[CODES[row], CODES[column]] = CODES[result]
            out[CODES[column], CODES[row]] = CODES[result]
    return out


# The array API standard 2025.12, "Type Promotion Rules".
STANDARD_TABLE = {
    **table("b", {"b": "b"}),
    **table(
        "i1 i2 i4 i8",
        {
            "i1": "i1 i2 i4 i8",
            "i2": "i2 i2 i4 i8",
            "i4": "i4 i4 i4 i8",
            "i8": "i8 i8 i8 i8",
        },
    ),
    **table(
        "u1 u2 u4 u8",
        {
            "u1": "u1 u2 u4 u8",
            "u2": "u2 u2 u4 u8",
            "u4": "u4 u4 u4 u8",
            "u8": "u8 u8 u8 u8",
        },
    ),
    **table(
        "u1 u2 u4",
        {
            "i1": "i2 i4 i8",
            "i2": "i2 i4 i8",
            "i4": "i4 i4 i8",
            "i8": "i8 i8 i8",
        },
    ),
    **table(
        "f4 f8 c8 c16",
        {
            "f4": "f4 f8 c8 c16",
            "f8": "f8 f8 c16 c16",
            "c8": "c8 c16 c8 c16",
            "c16": "c16 c16 c16 c16",
        },
    ),
}
# xtensor's extension: float16 joins the floating-point lattice below float32.
FLOAT16_TABLE = table("f2 f4 f8 c8 c16", {"f2": "f2 f4 f8 c8 c16"})

BY_NAME = {d.name: d for d in ALL_DTYPES}
PAIRS = list(itertools.product(ALL_DTYPES, repeat=2))


def np_dtype(dtype):
    return np.dtype(dtype.name)


def test_the_standard_tables_are_written_out_completely():
    standard = [d for d in ALL_DTYPES if d.name != "float16"]
    kinds = {
        (a.kind, b.kind)
        for a, b in itertools.product(standard, repeat=2)
        if (a.name, b.name) in STANDARD_TABLE
    }
    # every pair within a kind, and signed with unsigned, and real with complex
    assert len(STANDARD_TABLE) == 1 + 16 + 16 + 2 * 12 + 16
    assert ("signed integer", "unsigned integer") in kinds
    assert ("complex floating", "real floating") in kinds


@pytest.mark.parametrize(("a", "b"), sorted(STANDARD_TABLE.items()))
def test_promotion_matches_the_standard(a, b):
    x, y = BY_NAME[a[0]], BY_NAME[a[1]]
    assert PROMOTION[x, y] is BY_NAME[b]
    assert promote(x, y) is BY_NAME[b]
    assert (x, y) in STANDARD_PAIRS


def test_standard_pairs_are_the_standards_plus_the_float16_extension():
    expected = {(BY_NAME[a], BY_NAME[b]) for a, b in {**STANDARD_TABLE, **FLOAT16_TABLE}}
    assert set(STANDARD_PAIRS) == expected
    for (a, b), result in FLOAT16_TABLE.items():
        assert PROMOTION[BY_NAME[a], BY_NAME[b]] is BY_NAME[result]


def test_promotion_is_a_complete_symmetric_table():
    assert set(PROMOTION) == set(PAIRS)
    for a, b in PAIRS:
        assert PROMOTION[a, b] is PROMOTION[b, a]
        assert PROMOTION[a, a] is a


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_numpy_computes_exactly_the_table(a, b):
    expected = PROMOTION[a, b].name
    x, y = np.ones(3, np_dtype(a)), np.ones(3, np_dtype(b))
    x0, y0 = np.ones((), np_dtype(a)), np.ones((), np_dtype(b))
    with np.errstate(all="ignore"):
        results = {
            "result_type": np.result_type(np_dtype(a), np_dtype(b)),
            "array + array": (x + y).dtype,
            "array * array": (x * y).dtype,
            "maximum": np.maximum(x, y).dtype,
            "0-d + 0-d": (x0 + y0).dtype,
            "0-d + array": (x0 + y).dtype,
            "array + 0-d": (x + y0).dtype,
        }
    assert {k: v.name for k, v in results.items()} == dict.fromkeys(results, expected)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_tensor_operators_give_the_table(a, b):
    x, y = xp.ones(2, dtype=a), xp.ones((), dtype=b)
    with np.errstate(all="ignore"):
        assert (x + y).dtype is PROMOTION[a, b]
        assert (y * x).dtype is PROMOTION[a, b]


# --- Python scalars ----------------------------------------------------------------


def standard_scalar_result(dtype, scalar):
    """The standard's rule, or None where the standard leaves the case open."""
    kind = dtype.kind
    if isinstance(scalar, bool):
        return dtype if kind == "bool" else None
    if isinstance(scalar, int):
        return dtype if kind != "bool" else None
    if isinstance(scalar, float):
        return dtype if kind in ("real floating", "complex floating") else None
    if kind == "complex floating":
        return dtype
    if kind == "real floating":
        return {"float16": xp.complex64, "float32": xp.complex64, "float64": xp.complex128}[
            dtype.name
        ]
    return None


@st.composite
def dtype_and_scalar(draw):
    dtype = draw(st.sampled_from(ALL_DTYPES))
    if dtype.kind in ("signed integer", "unsigned integer"):
        info = np.iinfo(np_dtype(dtype))
        integers = st.integers(int(info.min), int(info.max))
    else:
        integers = st.integers(-(2**63), 2**63 - 1)
    scalar = draw(st.booleans() | integers | st.floats() | st.complex_numbers(), label="scalar")
    return dtype, scalar


@given(case=dtype_and_scalar())
def test_scalar_result_follows_the_standard_and_numpy(case):
    dtype, scalar = case
    result = scalar_result(dtype, scalar)
    standard = standard_scalar_result(dtype, scalar)
    if standard is not None:
        assert result is standard
    x, x0 = np.ones(3, np_dtype(dtype)), np.ones((), np_dtype(dtype))
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # e.g. a float too large for float16
        results = {
            "result_type": np.result_type(x, scalar),
            "array + scalar": (x + scalar).dtype,
            "scalar * array": (scalar * x).dtype,
            "0-d + scalar": (x0 + scalar).dtype,
            "scalar + 0-d": (scalar + x0).dtype,
        }
    assert {k: v.name for k, v in results.items()} == dict.fromkeys(results, result.name)


def test_scalar_result_refuses_non_scalars():
    for value in (None, "1", np.int64(1), [1]):
        with pytest.raises(TypeError, match="expected a Python scalar"):
            scalar_result(xp.float32, value)
