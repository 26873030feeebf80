"""unique_* and isin against oracles built from Python's own equality."""

import inspect
import math
from collections import Counter

import array_api_strict
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _backend

DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
DTYPES += ("float16", "float32", "float64", "complex64", "complex128")
INTEGER = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
NAMES = ["isin", "unique_all", "unique_counts", "unique_inverse", "unique_values"]


@st.composite
def any_arrays(draw, dtypes=DTYPES, min_dims=0):
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=0, max_side=5))
    if dtype.kind == "f":
        # few distinct values: repeats, NaNs and both zeros are common
        elements = st.sampled_from([0.0, -0.0, 1.0, -2.5, math.inf, math.nan])
    elif dtype.kind == "c":
        parts = st.sampled_from([0.0, 1.0, math.nan])
        elements = st.builds(complex, parts, parts)
    elif dtype.kind in "iu":
        elements = st.integers(0, 3) | hnp.from_dtype(dtype)
    else:
        elements = None
    return draw(hnp.arrays(dtype, shape, elements=elements))


def is_nan(value):
    return isinstance(value, (float, complex)) and value != value


def oracle(a):
    """(sorted distinct non-NaN values, their counts and first flat indices, NaN count)."""
    flat = a.ravel().tolist()
    counts = Counter(v for v in flat if not is_nan(v))
    first = {}
    for i, v in enumerate(flat):
        if not is_nan(v):
            first.setdefault(v, i)
    return counts, first, sum(is_nan(v) for v in flat)


def check_values(values, a):
    """``values`` holds each distinct value once, each NaN separately, sorted."""
    counts, _, nans = oracle(a)
    got = values.tolist()
    assert values.dtype.name == a.dtype.name and values.ndim == 1
    assert sum(is_nan(v) for v in got) == nans
    distinct = [v for v in got if not is_nan(v)]
    assert len(distinct) == len(counts) and set(distinct) == set(counts)
    if a.dtype.kind in "biuf":
        assert distinct == sorted(distinct)
        assert all(not is_nan(v) for v in got[: len(distinct)])  # NaNs last
    return got


@pytest.mark.parametrize("name", NAMES)
def test_signatures_match_the_standard(name):
    ours = inspect.signature(getattr(xp, name)).parameters
    theirs = inspect.signature(getattr(array_api_strict, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


@given(any_arrays())
def test_unique_all(a):
    r = xp.unique_all(xp.asarray(a))
    assert r._fields == ("values", "indices", "inverse_indices", "counts")
    got = check_values(r.values, a)
    counts, first, _ = oracle(a)
    assert r.indices.dtype == r.inverse_indices.dtype == r.counts.dtype == xp.int64
    assert r.indices.shape == r.counts.shape == r.values.shape
    assert r.inverse_indices.shape == a.shape
    flat = a.ravel().tolist()
    for value, index, count in zip(got, r.indices.tolist(), r.counts.tolist(), strict=True):
        if is_nan(value):
            assert count == 1 and is_nan(flat[index])
        else:
            assert count == counts[value] and index == first[value]
    nan_indices = [i for v, i in zip(got, r.indices.tolist(), strict=True) if is_nan(v)]
    assert len(set(nan_indices)) == len(nan_indices)  # each NaN is its own value
    rebuilt = r.values.numpy()[r.inverse_indices.numpy()]
    np.testing.assert_array_equal(rebuilt, a)  # NaN matches NaN, -0.0 matches 0.0


@given(any_arrays())
def test_unique_counts(a):
    r = xp.unique_counts(xp.asarray(a))
    assert r._fields == ("values", "counts")
    got = check_values(r.values, a)
    counts, _, _ = oracle(a)
    assert r.counts.dtype == xp.int64
    expected = [1 if is_nan(v) else counts[v] for v in got]
    assert r.counts.tolist() == expected


@given(any_arrays())
def test_unique_inverse(a):
    r = xp.unique_inverse(xp.asarray(a))
    assert r._fields == ("values", "inverse_indices")
    check_values(r.values, a)
    assert r.inverse_indices.dtype == xp.int64 and r.inverse_indices.shape == a.shape
    np.testing.assert_array_equal(r.values.numpy()[r.inverse_indices.numpy()], a)


@given(any_arrays())
def test_unique_values(a):
    check_values(xp.unique_values(xp.asarray(a)), a)


@st.composite
def int_pairs(draw):
    a = draw(any_arrays(INTEGER))
    b = draw(any_arrays(INTEGER))
    return a, b


@given(int_pairs(), st.booleans())
def test_isin_matches_python_membership(pair, invert):
    a, b = pair
    r = xp.isin(xp.asarray(a), xp.asarray(b), invert=invert)
    assert r.dtype == xp.bool and r.shape == a.shape
    members = set(b.ravel().tolist())
    expected = np.array([(v in members) != invert for v in a.ravel().tolist()], dtype=bool)
    np.testing.assert_array_equal(r.numpy(), expected.reshape(a.shape))


@given(any_arrays(INTEGER), st.integers(-(2**64), 2**64), st.booleans())
def test_isin_takes_a_python_int_on_either_side(a, value, invert):
    t = xp.asarray(a)
    values = a.ravel().tolist()
    r = xp.isin(t, value, invert=invert)
    assert r.dtype == xp.bool and r.shape == a.shape
    np.testing.assert_array_equal(
        r.numpy(), (a == value) != invert if -(2**63) <= value < 2**64 else np.full(a.shape, invert)
    )
    r = xp.isin(value, t, invert=invert)
    assert r.dtype == xp.bool and r.shape == ()
    assert r.item() == ((value in values) != invert)


def test_isin_of_floats_follows_value_equality():
    t = xp.asarray([math.nan, -0.0, 1.5])
    assert xp.isin(t, xp.asarray([0.0, math.nan])).tolist() == [False, True, False]
    assert xp.isin(t, 2).tolist() == [False, False, False]


def test_errors():
    for f in (xp.unique_all, xp.unique_counts, xp.unique_inverse, xp.unique_values):
        with pytest.raises(TypeError, match=f"{f.__name__}: x must be an xtensor Tensor, got list"):
            f([1, 2])
    with pytest.raises(TypeError, match="isin: expected at least one Tensor, got int and int"):
        xp.isin(1, 2)
    with pytest.raises(TypeError, match="isin: x2 must be a Tensor or an int, got 1.5"):
        xp.isin(xp.asarray([1]), 1.5)
    with pytest.raises(TypeError, match="isin: x1 must be a Tensor or an int, got True"):
        xp.isin(True, xp.asarray([1]))


@pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")
def test_cuda_unique_matches_the_cpu():
    a = np.array([[3.0, math.nan, 3.0], [0.0, -0.0, math.nan]])
    gpu = xp.unique_counts(xp.asarray(a, device="cuda"))
    cpu = xp.unique_counts(xp.asarray(a))
    np.testing.assert_array_equal(gpu.values.to_device("cpu").numpy(), cpu.values.numpy())
    assert gpu.counts.to_device("cpu").tolist() == cpu.counts.tolist()
    assert xp.isin(xp.asarray([1, 2], device="cuda"), 2).to_device("cpu").tolist() == [False, True]
