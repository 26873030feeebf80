"""take and take_along_axis against NumPy as the oracle."""

import inspect

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
INDEX_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


@pytest.mark.parametrize("name", ["take", "take_along_axis"])
def test_signatures_match_the_standard(name):
    ours = inspect.signature(getattr(xp, name)).parameters
    theirs = inspect.signature(getattr(array_api_strict, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


def index_arrays(dtype, shape, size):
    """Indices into an axis of ``size`` (negative ones only for signed dtypes)."""
    low = -size if np.dtype(dtype).kind == "i" else 0
    return hnp.arrays(dtype, shape, elements=st.integers(low, size - 1))


@given(
    hnp.arrays(
        st.sampled_from(DTYPES), hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)
    ),
    st.sampled_from(INDEX_DTYPES),
    st.data(),
)
def test_take_matches_numpy(a, index_dtype, data):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1), label="axis")
    indices = data.draw(index_arrays(index_dtype, (data.draw(st.integers(0, 6)),), a.shape[axis]))
    r = xp.take(xp.asarray(a), xp.asarray(indices), axis=axis)
    assert r.dtype.name == a.dtype.name
    np.testing.assert_array_equal(r.numpy(), np.take(a, indices.astype(np.int64), axis=axis))
    if a.ndim == 1:
        np.testing.assert_array_equal(
            xp.take(xp.asarray(a), xp.asarray(indices)).numpy(), r.numpy()
        )


@given(
    hnp.arrays(
        st.sampled_from(DTYPES), hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)
    ),
    st.sampled_from(INDEX_DTYPES),
    st.data(),
)
def test_take_along_axis_matches_numpy_and_broadcasts(a, index_dtype, data):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1), label="axis")
    # each other axis of indices: x's size, or 1 (broadcast); x may be 1 where indices is not
    shape = [data.draw(st.sampled_from([s, 1]), label="side") for s in a.shape]
    shape[axis] = data.draw(st.integers(0, 5), label="new length")
    indices = data.draw(index_arrays(index_dtype, tuple(shape), a.shape[axis]), label="indices")
    r = xp.take_along_axis(xp.asarray(a), xp.asarray(indices), axis=axis)
    assert r.dtype.name == a.dtype.name
    expected = np.take_along_axis(a, indices.astype(np.int64), axis)
    np.testing.assert_array_equal(r.numpy(), expected)


def test_take_along_axis_broadcasts_x_against_indices():
    x = xp.asarray([[10, 20, 30]])
    indices = xp.asarray([[0], [2], [-1]])
    assert xp.take_along_axis(x, indices, axis=1).tolist() == [[10], [30], [30]]
    assert xp.take_along_axis(xp.asarray([5, 6, 7]), xp.asarray([2, 0])).tolist() == [7, 5]


def test_take_errors():
    x = xp.asarray(np.arange(6).reshape(2, 3))
    i = xp.asarray([0, 1])
    with pytest.raises(ValueError, match=r"take: axis is required for a 2-d x \(shape \(2, 3\)\)"):
        xp.take(x, i)
    with pytest.raises(TypeError, match="take: expected integer indices, got dtype float64"):
        xp.take(x, xp.asarray([0.0]), axis=0)
    with pytest.raises(TypeError, match="take: expected integer indices, got dtype bool"):
        xp.take(x, xp.asarray([True]), axis=0)
    with pytest.raises(ValueError, match=r"take: expected 1-d indices, got shape \(1, 2\)"):
        xp.take(x, xp.asarray([[0, 1]]), axis=0)
    with pytest.raises(
        ValueError, match="take: expected x with at least one dimension, got a 0-d tensor"
    ):
        xp.take(xp.asarray(1), i)
    with pytest.raises(IndexError, match="take: axis 2 is out of range"):
        xp.take(x, i, axis=2)
    with pytest.raises(IndexError, match="index 3 is out of bounds"):
        xp.take(x, xp.asarray([3]), axis=1)
    with pytest.raises(IndexError, match="take: index 18446744073709551615 is out of range"):
        xp.take(x, xp.asarray(np.array([2**64 - 1], dtype=np.uint64)), axis=1)
    with pytest.raises(TypeError, match="take: indices must be an xtensor Tensor, got list"):
        xp.take(x, [0], axis=0)


def test_take_along_axis_errors():
    x = xp.asarray(np.arange(6).reshape(2, 3))
    with pytest.raises(
        ValueError,
        match=r"take_along_axis: expected indices with x's 2 dimensions, got shape \(2,\)",
    ):
        xp.take_along_axis(x, xp.asarray([0, 1]))
    with pytest.raises(
        ValueError,
        match=r"take_along_axis: the shapes of x \(2, 3\) and indices \(3, 1\) do not "
        r"broadcast outside axis 1",
    ):
        xp.take_along_axis(x, xp.asarray([[0], [1], [2]]))
    with pytest.raises(
        TypeError, match="take_along_axis: expected integer indices, got dtype float32"
    ):
        xp.take_along_axis(x, xp.asarray(np.zeros((2, 1), np.float32)))
    with pytest.raises(IndexError, match="take_along_axis: axis -3 is out of range"):
        xp.take_along_axis(x, xp.asarray([[0]]), axis=-3)
    with pytest.raises(IndexError, match="index 3 is out of bounds"):
        xp.take_along_axis(x, xp.asarray([[3]]), axis=1)
    with pytest.raises(
        IndexError, match="take_along_axis: index 9223372036854775808 is out of range"
    ):
        xp.take_along_axis(x, xp.asarray(np.array([[2**63]], dtype=np.uint64)), axis=1)
    with pytest.raises(ValueError, match="take_along_axis: expected x with at least one dimension"):
        xp.take_along_axis(xp.asarray(1), xp.asarray(0))


@pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")
def test_cuda_take_matches_the_cpu():
    a = np.arange(12).reshape(3, 4)
    x = xp.asarray(a, device="cuda")
    assert (
        xp.take(x, xp.asarray([2, -1], device="cuda"), axis=1).to_device("cpu").tolist()
        == np.take(a, [2, -1], axis=1).tolist()
    )
    i = xp.asarray([[0], [3], [1]], device="cuda")
    assert xp.take_along_axis(x, i, axis=1).to_device("cpu").tolist() == [[0], [7], [9]]
