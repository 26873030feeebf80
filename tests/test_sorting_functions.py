"""sort and argsort against Python's stable ``sorted`` as the oracle."""

import inspect
import math

import array_api_strict
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _backend

SORTABLE = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
SORTABLE += ("float16", "float32", "float64")


@st.composite
def sortable_arrays(draw, min_dims=1):
    dtype = draw(st.sampled_from(SORTABLE))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=0, max_side=6))
    if np.dtype(dtype).kind == "f":
        # few distinct values, so that ties (and -0.0 beside 0.0) are common
        values = st.sampled_from([0.0, -0.0, 1.0, -1.0, 2.5, math.inf, -math.inf, math.nan])
        return draw(hnp.arrays(dtype, shape, elements=values))
    if np.dtype(dtype).kind in "iu":
        return draw(
            hnp.arrays(dtype, shape, elements=st.integers(0, 3) | hnp.from_dtype(np.dtype(dtype)))
        )
    return draw(hnp.arrays(dtype, shape))


def key(value):
    """The documented order: NaN is larger than every number; -0.0 equals 0.0."""
    value = value.item()
    return (1, 0.0) if isinstance(value, float) and math.isnan(value) else (0, value)


def expected_argsort(a, axis, descending):
    """Python's ``sorted`` is stable, also with ``reverse=True``."""
    moved = np.moveaxis(a, axis, -1)
    out = np.empty(moved.shape, dtype=np.int64)
    for index in np.ndindex(moved.shape[:-1]):
        row = moved[index]
        out[index] = sorted(range(len(row)), key=lambda i: key(row[i]), reverse=descending)
    return np.moveaxis(out, -1, axis)


def same_values(got, expected):
    """Equal element-wise, NaN matching NaN and the sign of zero mattering."""
    assert got.dtype == expected.dtype and got.shape == expected.shape
    if got.dtype.kind == "f":
        assert np.array_equal(got, expected, equal_nan=True)
        assert np.array_equal(np.signbit(got), np.signbit(expected))
    else:
        assert np.array_equal(got, expected)


@pytest.mark.parametrize("name", ["sort", "argsort"])
def test_signatures_match_the_standard(name):
    ours = inspect.signature(getattr(xp, name)).parameters
    theirs = inspect.signature(getattr(array_api_strict, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


@given(sortable_arrays(), st.data(), st.booleans())
def test_stable_sorts_keep_equal_elements_in_input_order(a, data, descending):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1), label="axis")
    order = expected_argsort(a, axis, descending)
    r = xp.argsort(xp.asarray(a), axis=axis, descending=descending)
    assert r.dtype == xp.int64
    np.testing.assert_array_equal(r.numpy(), order)
    s = xp.sort(xp.asarray(a), axis=axis, descending=descending)
    same_values(s.numpy(), np.take_along_axis(a, order, axis))


@given(sortable_arrays(), st.data(), st.booleans())
def test_unstable_sorts_sort(a, data, descending):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1), label="axis")
    expected = np.take_along_axis(a, expected_argsort(a, axis, descending), axis)
    s = xp.sort(xp.asarray(a), axis=axis, descending=descending, stable=False).numpy()
    np.testing.assert_array_equal(s, expected)  # values equal; -0.0 == 0.0
    r = xp.argsort(xp.asarray(a), axis=axis, descending=descending, stable=False).numpy()
    np.testing.assert_array_equal(
        np.sort(r, axis=axis),
        np.broadcast_to(
            np.expand_dims(
                np.arange(a.shape[axis]), tuple(i for i in range(a.ndim) if i != axis % a.ndim)
            ),
            a.shape,
        ),
    )  # a permutation ...
    np.testing.assert_array_equal(np.take_along_axis(a, r, axis), expected)  # ... that sorts


def test_nan_is_last_ascending_and_first_descending():
    t = xp.asarray([2.0, math.nan, -1.0, math.nan])
    assert xp.argsort(t).tolist() == [2, 0, 1, 3]
    assert xp.argsort(t, descending=True).tolist() == [1, 3, 0, 2]
    s = xp.sort(t, descending=True).tolist()
    assert math.isnan(s[0]) and math.isnan(s[1]) and s[2:] == [2.0, -1.0]


def test_sort_returns_a_copy():
    a = np.array([3, 1, 2])
    s = xp.sort(xp.asarray(a))
    assert not np.shares_memory(s.numpy(), a) and a.tolist() == [3, 1, 2]


@pytest.mark.parametrize("f", [xp.sort, xp.argsort])
def test_errors(f):
    name = f.__name__
    with pytest.raises(
        TypeError, match=f"{name}: expected a real-valued or bool tensor, got dtype complex128"
    ):
        f(xp.asarray([1j, 2j]))
    with pytest.raises(TypeError, match=f"{name}: x must be an xtensor Tensor, got list"):
        f([1, 2])
    with pytest.raises(IndexError, match=f"{name}: axis 1 is out of range for a 1-d tensor"):
        f(xp.asarray([1, 2]), axis=1)
    with pytest.raises(ValueError, match=f"{name}: axis -2 is out of range"):
        f(xp.asarray([1, 2]), axis=-2)
    with pytest.raises(
        ValueError, match=f"{name}: axis -1 is out of range: a 0-d tensor has no axes"
    ):
        f(xp.asarray(1))
    with pytest.raises(TypeError):
        f(xp.asarray([1, 2]), axis=0.5)


@pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")
def test_cuda_sorts_match_the_cpu():
    a = np.array([[3, 1, 3, 2], [0, 0, 5, -1]])
    for descending in (False, True):
        gpu = xp.argsort(xp.asarray(a, device="cuda"), descending=descending)
        assert (
            gpu.to_device("cpu").tolist()
            == xp.argsort(xp.asarray(a), descending=descending).tolist()
        )
