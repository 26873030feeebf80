"""Searching functions: NumPy and Python's bisect compute the expected values; result
dtypes follow the standard's promotion rules (written out here for scalars)."""

import bisect

import numpy as np
import pytest
from _axis_helpers import (
    ALL_NAMES,
    REAL_NAMES,
    arrays,
    assert_matches,
    assert_signature_matches_strict,
    axes_for,
    requires_cuda,
    shapes,
    tensor,
)
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp

FUNCTIONS = ("argmax", "argmin", "count_nonzero", "nonzero", "searchsorted", "where")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature_is_the_standards(name):
    assert_signature_matches_strict(name)


# --- argmax, argmin ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["argmax", "argmin"])
@given(data=st.data())
def test_argmax_and_argmin_match_numpy(name, data):
    a = data.draw(arrays(REAL_NAMES))
    axis = data.draw(axes_for(a.ndim, tuples=False))
    keepdims = data.draw(st.booleans())
    if a.size == 0 and (axis is None or a.shape[axis] == 0):
        with pytest.raises(ValueError, match=f"{name}: cannot search zero elements"):
            getattr(xp, name)(tensor(a), axis=axis, keepdims=keepdims)
        return
    result = getattr(xp, name)(tensor(a), axis=axis, keepdims=keepdims)
    assert result.dtype == xp.int64
    assert_matches(result, getattr(np, name)(a, axis=axis, keepdims=keepdims).astype(np.int64))


def test_argmax_and_argmin_return_the_first_occurrence():
    x = xp.asarray([[3, 1, 3], [0, 0, -1]])
    assert xp.argmax(x).item() == 0
    assert xp.argmax(x, axis=1).tolist() == [0, 0]
    assert xp.argmin(x, axis=-1, keepdims=True).tolist() == [[1], [2]]
    assert xp.argmax(x, keepdims=True).shape == (1, 1)
    assert xp.argmin(xp.asarray(5.0)).item() == 0


@pytest.mark.parametrize("name", ["argmax", "argmin"])
def test_argmax_and_argmin_errors(name):
    func = getattr(xp, name)
    with pytest.raises(TypeError, match="complex numbers have no order"):
        func(xp.asarray([1j, 2j]))
    with pytest.raises(ValueError, match=rf"{name}: cannot search zero elements \(shape \(0,\)"):
        func(xp.asarray(np.zeros(0)))
    with pytest.raises(IndexError, match=rf"{name}: axis 2 is out of range for a 2-d tensor"):
        func(xp.asarray(np.zeros((2, 2))), axis=2)
    with pytest.raises(TypeError, match=rf"{name}: an axis must be an integer, got \(0,\)"):
        func(xp.asarray(np.zeros((2, 2))), axis=(0,))
    with pytest.raises(TypeError, match=rf"{name}: x must be an xtensor Tensor"):
        func(np.zeros(2))


# --- count_nonzero, nonzero ----------------------------------------------------------


@given(data=st.data())
def test_count_nonzero_matches_numpy(data):
    a = data.draw(arrays(ALL_NAMES))
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    result = xp.count_nonzero(tensor(a), axis=axis, keepdims=keepdims)
    expected = np.count_nonzero(a, axis=axis, keepdims=keepdims)
    assert_matches(result, np.asarray(expected).astype(np.int64))


def test_count_nonzero_counts_either_complex_part_and_nan():
    x = xp.asarray([0j, 1j, 1 + 0j, complex("nan")])
    assert xp.count_nonzero(x).item() == 3
    assert xp.count_nonzero(xp.asarray([[True, False], [True, True]]), axis=0).tolist() == [2, 1]


def test_count_nonzero_errors():
    with pytest.raises(ValueError, match="count_nonzero: repeated axis"):
        xp.count_nonzero(xp.asarray(np.ones((2, 2))), axis=(1, -1))
    with pytest.raises(TypeError, match="count_nonzero: x must be an xtensor Tensor"):
        xp.count_nonzero([1, 0])


@given(a=arrays(ALL_NAMES, shapes(min_dims=1)))
def test_nonzero_matches_numpy(a):
    result = xp.nonzero(tensor(a))
    expected = np.nonzero(a)
    assert isinstance(result, tuple)
    assert len(result) == a.ndim
    for r, e in zip(result, expected, strict=True):
        assert_matches(r, e.astype(np.int64))


def test_nonzero_of_zero_dimensional_tensors_is_refused():
    with pytest.raises(ValueError, match="nonzero: needs a tensor with at least one dimension"):
        xp.nonzero(xp.asarray(1))
    with pytest.raises(TypeError, match="nonzero: x must be an xtensor Tensor"):
        xp.nonzero(np.ones(2))


# --- searchsorted ------------------------------------------------------------------


@st.composite
def sorted_case(draw, names=REAL_NAMES):
    x1 = draw(arrays(names, shapes(min_dims=1, max_dims=1, max_side=8), finite=True))
    use_sorter = draw(st.booleans())
    side = draw(st.sampled_from(["left", "right"]))
    return x1, use_sorter, side


@given(case=sorted_case(), data=st.data())
def test_searchsorted_agrees_with_bisect(case, data):
    x1, use_sorter, side = case
    x2 = data.draw(arrays((x1.dtype.name,), shapes(max_dims=2), finite=True))
    sorter = np.argsort(x1, kind="stable") if use_sorter else None
    ordered = np.sort(x1)
    result = xp.searchsorted(
        tensor(x1 if use_sorter else ordered),
        tensor(x2),
        side=side,
        sorter=None if sorter is None else xp.asarray(sorter),
    )
    search = bisect.bisect_left if side == "left" else bisect.bisect_right
    keys = ordered.tolist()
    expected = np.array([search(keys, v) for v in x2.reshape(-1).tolist()], dtype=np.int64)
    assert_matches(result, expected.reshape(x2.shape))


@given(case=sorted_case(), data=st.data())
def test_searchsorted_promotes_mixed_dtypes_by_the_table(case, data):
    x1, _, side = case
    x1 = np.sort(x1)
    x2 = data.draw(arrays(REAL_NAMES, shapes(max_dims=1), finite=True))
    common = np.result_type(x1.dtype, x2.dtype)  # equal to xtensor's table for these pairs
    result = xp.searchsorted(tensor(x1), tensor(x2), side=side)
    assert_matches(result, np.searchsorted(x1.astype(common), x2.astype(common), side=side))


@given(
    case=sorted_case(),
    value=st.integers(-100, 100) | st.floats(-1e3, 1e3, allow_nan=False),
)
def test_searchsorted_accepts_python_scalars(case, value):
    x1, _, side = case
    x1 = np.sort(x1)
    if isinstance(value, int) and x1.dtype.kind in "iub":
        info = np.iinfo(x1.dtype) if x1.dtype.kind != "b" else None
        if info is not None and not info.min <= value <= info.max:
            return
    # the scalar's dtype: x1's when its kind fits, float64 for a float next to integers
    kind_fits = isinstance(value, int) and x1.dtype.kind != "b" or x1.dtype.kind == "f"
    dtype = x1.dtype if kind_fits else np.dtype("float64")
    if x1.dtype.kind == "b" and isinstance(value, int):
        dtype = np.dtype("int64")
    result = xp.searchsorted(tensor(x1), value, side=side)
    expected = np.searchsorted(x1.astype(dtype), np.asarray(value, dtype=dtype), side=side)
    assert_matches(result, np.asarray(expected, dtype=np.int64))
    assert result.shape == ()


def test_searchsorted_sides():
    x = xp.asarray([1, 2, 2, 3])
    assert xp.searchsorted(x, xp.asarray([0, 2, 4])).tolist() == [0, 1, 4]
    assert xp.searchsorted(x, xp.asarray([0, 2, 4]), side="right").tolist() == [0, 3, 4]
    unsorted = xp.asarray([3.0, 1.0, 2.0])
    order = xp.asarray(np.array([1, 2, 0], dtype=np.int8))
    assert xp.searchsorted(unsorted, 2.5, sorter=order).item() == 2


def test_searchsorted_errors():
    x = xp.asarray([1.0, 2.0])
    with pytest.raises(ValueError, match=r"searchsorted: x1 must be 1-d, got shape \(1, 2\)"):
        xp.searchsorted(xp.asarray([[1.0, 2.0]]), x)
    with pytest.raises(ValueError, match="side must be 'left' or 'right', got 'middle'"):
        xp.searchsorted(x, x, side="middle")
    with pytest.raises(TypeError, match="x2 must be a Tensor or a Python int or float, got list"):
        xp.searchsorted(x, [1.0])
    with pytest.raises(
        TypeError, match="x2 must be a Tensor or a Python int or float, got complex"
    ):
        xp.searchsorted(x, 1j)
    with pytest.raises(TypeError, match="complex numbers have no order"):
        xp.searchsorted(xp.asarray([1j]), xp.asarray([1j]))
    with pytest.raises(TypeError, match="sorter must have an integer dtype, got float64"):
        xp.searchsorted(x, 1.0, sorter=xp.asarray([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"sorter must have x1's shape \(2,\), got shape \(3,\)"):
        xp.searchsorted(x, 1.0, sorter=xp.asarray([0, 1, 2]))
    with pytest.raises(TypeError, match="sorter must be an xtensor Tensor, got list"):
        xp.searchsorted(x, 1.0, sorter=[0, 1])
    with pytest.raises(TypeError, match="x1 must be an xtensor Tensor"):
        xp.searchsorted([1.0], 1.0)


# --- where ---------------------------------------------------------------------------


@given(data=st.data())
def test_where_matches_numpy_with_broadcasting_and_promotion(data):
    shapes3 = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=3, max_side=3))
    c = data.draw(arrays(("bool",), shapes3.input_shapes[0]))
    a = data.draw(arrays(ALL_NAMES, shapes3.input_shapes[1]))
    b = data.draw(arrays(ALL_NAMES, shapes3.input_shapes[2]))
    result = xp.where(tensor(c), tensor(a), tensor(b))
    common = np.result_type(a.dtype, b.dtype)  # xtensor's table answers as this for all pairs
    assert result.dtype == xp.as_tensor(np.zeros(0, common)).dtype
    assert_matches(result, np.where(c, a.astype(common), b.astype(common)))
    assert result.shape == shapes3.result_shape


def scalar_dtype(array_dtype, scalar):
    """The standard's dtype for a Python scalar next to an array (NumPy's where unspecified)."""
    kind = array_dtype.kind
    if isinstance(scalar, bool):
        return array_dtype
    if isinstance(scalar, int):
        return np.dtype("int64") if kind == "b" else array_dtype
    if isinstance(scalar, float):
        return array_dtype if kind in "fc" else np.dtype("float64")
    if kind == "c":
        return array_dtype
    return np.dtype("complex64" if array_dtype.name in ("float16", "float32") else "complex128")


@given(
    c=arrays(("bool",), shapes(max_dims=2, max_side=3)),
    a=arrays(ALL_NAMES, shapes(max_dims=2, max_side=3)),
    scalar=st.booleans()
    | st.integers(0, 100)
    | st.floats(-2, 2)
    | st.complex_numbers(max_magnitude=2),
    scalar_first=st.booleans(),
)
def test_where_accepts_python_scalars(c, a, scalar, scalar_first):
    try:
        np.broadcast_shapes(c.shape, a.shape)
    except ValueError:
        return
    dtype = scalar_dtype(a.dtype, scalar)
    s = np.asarray(scalar, dtype=dtype)
    if scalar_first:
        result = xp.where(tensor(c), scalar, tensor(a))
        expected = np.where(c, s, a.astype(dtype))
    else:
        result = xp.where(tensor(c), tensor(a), scalar)
        expected = np.where(c, a.astype(dtype), s)
    assert_matches(result, expected)


def test_where_errors():
    c = xp.asarray([True, False])
    x = xp.asarray([1, 2])
    with pytest.raises(TypeError, match="where: condition must be a bool tensor, got dtype int64"):
        xp.where(x, x, x)
    with pytest.raises(TypeError, match="where: at least one of x1 and x2 must be a Tensor"):
        xp.where(c, 1, 2)
    with pytest.raises(TypeError, match="where: x2 must be a Tensor or a Python scalar, got list"):
        xp.where(c, x, [1, 2])
    with pytest.raises(TypeError, match="where: x1 must be a Tensor or a Python scalar, got str"):
        xp.where(c, "a", x)
    with pytest.raises(TypeError, match="where: condition must be an xtensor Tensor, got list"):
        xp.where([True, False], x, x)
    with pytest.raises(ValueError):
        xp.where(c, xp.asarray([1, 2, 3]), x)


def test_where_with_bool_tensors_keeps_bool():
    c = xp.asarray([True, False])
    out = xp.where(c, xp.asarray([True, True]), False)
    assert out.dtype == xp.bool and out.tolist() == [True, False]


# --- CUDA ------------------------------------------------------------------------------


@requires_cuda
def test_cuda_matches_cpu():
    a = np.array([[3.0, 0.0, 1.0], [0.0, 5.0, 5.0]])
    for device in ("cpu", "cuda"):
        x = xp.asarray(a, device=device)
        results = [
            xp.argmax(x, axis=1),
            xp.argmin(x, keepdims=True),
            xp.count_nonzero(x, axis=0),
            *xp.nonzero(x),
            xp.searchsorted(xp.asarray([1.0, 2.0, 4.0], device=device), x[0], side="right"),
            xp.searchsorted(xp.asarray([1.0, 2.0, 4.0], device=device), 3),
            xp.where(x > 1.0, x, 0),
        ]
        got = [r.to_device("cpu").tolist() for r in results]
        if device == "cpu":
            expected = got
        else:
            assert got == expected
            assert all(r.device == x.device for r in results)


@requires_cuda
def test_mixed_devices_are_refused():
    cpu = xp.asarray([1.0, 2.0])
    gpu = xp.asarray([1.0, 2.0], device="cuda")
    with pytest.raises(ValueError, match="different devices"):
        xp.where(cpu > 0, cpu, gpu)
    with pytest.raises(ValueError, match="different devices"):
        xp.searchsorted(cpu, gpu)
