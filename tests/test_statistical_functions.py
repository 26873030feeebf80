"""Statistical functions: NumPy computes the expected values; the result dtypes are
checked against the standard's rules, written out below independently of the code."""

import math

import array_api_strict
import numpy as np
import pytest
from _axis_helpers import (
    ALL_NAMES,
    COMPLEX_NAMES,
    FLOAT_NAMES,
    NUMERIC_NAMES,
    REAL_NAMES,
    arrays,
    assert_matches,
    assert_signature_matches_strict,
    axes_for,
    quiet,
    requires_cuda,
    shapes,
    tensor,
)
from hypothesis import given
from hypothesis import strategies as st

import xtensor as xp

FUNCTIONS = ("cumulative_prod", "cumulative_sum", "max", "mean", "min", "prod", "std", "sum", "var")

# The standard's accumulation dtype for sum/prod/cumulative_* with dtype=None (the
# default integer is int64): narrower integers widen, floating-point keeps its dtype.
ACCUMULATION = {
    "bool": "int64",
    "int8": "int64",
    "int16": "int64",
    "int32": "int64",
    "int64": "int64",
    "uint8": "uint64",
    "uint16": "uint64",
    "uint32": "uint64",
    "uint64": "uint64",
    "float16": "float16",
    "float32": "float32",
    "float64": "float64",
    "complex64": "complex64",
    "complex128": "complex128",
}


def reduced_count(shape, axis):
    if axis is None:
        return math.prod(shape)
    axes = (axis,) if isinstance(axis, int) else axis
    return math.prod(shape[a] for a in axes)


def reduced_shape(shape, axis, keepdims):
    ndim = len(shape)
    axes = range(ndim) if axis is None else (axis,) if isinstance(axis, int) else axis
    axes = {a % ndim for a in axes}
    if keepdims:
        return tuple(1 if i in axes else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in axes)


def assert_new_tensor(result, a):
    assert not np.shares_memory(result.numpy(), a)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature_is_the_standards(name):
    assert_signature_matches_strict(name)


# --- sum and prod ------------------------------------------------------------------


@st.composite
def accumulation_case(draw, names=ALL_NAMES):
    a = draw(arrays(names))
    axis = draw(axes_for(a.ndim))
    keepdims = draw(st.booleans())
    complex_input = a.dtype.kind == "c"
    targets = COMPLEX_NAMES if complex_input else ALL_NAMES[1:]
    dtype = draw(st.none() | st.sampled_from(targets))
    return a, axis, keepdims, dtype


@pytest.mark.parametrize("name", ["sum", "prod"])
@given(case=accumulation_case())
def test_sum_and_prod_match_numpy_with_the_standards_dtypes(name, case):
    a, axis, keepdims, dtype = case
    expected_dtype = ACCUMULATION[a.dtype.name] if dtype is None else dtype
    with quiet():
        result = getattr(xp, name)(
            tensor(a),
            axis=axis,
            keepdims=keepdims,
            dtype=None if dtype is None else getattr(xp, dtype),
        )
        expected = getattr(np, name)(a, axis=axis, dtype=expected_dtype, keepdims=keepdims)
    assert result.dtype == getattr(xp, expected_dtype)
    assert_matches(result, expected)
    assert result.shape == reduced_shape(a.shape, axis, keepdims)
    assert_new_tensor(result, a)


@pytest.mark.parametrize("name", ["sum", "prod", "cumulative_sum", "cumulative_prod"])
@pytest.mark.parametrize("dtype", [n for n in ALL_NAMES if n not in ("bool", "float16")])
def test_default_accumulation_dtype_agrees_with_array_api_strict(name, dtype):
    ours = getattr(xp, name)(xp.asarray(np.ones(3, dtype=dtype)))
    theirs = getattr(array_api_strict, name)(
        array_api_strict.ones(3, dtype=getattr(array_api_strict, dtype))
    )
    assert theirs.dtype == getattr(array_api_strict, ours.dtype.name)


def test_empty_sum_is_zero_and_empty_product_is_one():
    for dtype in (xp.int8, xp.uint32, xp.float32, xp.complex64):
        empty = xp.asarray(np.zeros((0, 3), dtype=dtype.name))
        assert xp.sum(empty).item() == 0
        assert xp.prod(empty).item() == 1
        assert xp.sum(empty, axis=0).tolist() == [0, 0, 0]
        assert xp.prod(empty, axis=0).tolist() == [1, 1, 1]
        assert xp.sum(empty, axis=1).shape == (0,)


def test_integer_sums_accumulate_wide_enough_not_to_overflow():
    x = xp.asarray(np.full(300, 100, dtype=np.int8))
    assert xp.sum(x).item() == 30000
    u = xp.asarray(np.full(10, 255, dtype=np.uint8))
    assert xp.prod(u).item() == 255**10 % 2**64
    assert xp.sum(x, dtype=xp.int8).item() == (30000 + 128) % 256 - 128


def test_complex_accumulated_in_a_real_dtype_is_refused():
    x = xp.asarray([1 + 2j])
    for func in (xp.sum, xp.prod, xp.cumulative_sum, xp.cumulative_prod):
        with pytest.raises(TypeError, match="discard the imaginary parts"):
            func(x, dtype=xp.float64)


def test_unknown_dtype_is_refused():
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.sum(xp.asarray([1, 2]), dtype="int7")


# --- max and min ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["max", "min"])
@given(data=st.data())
def test_max_and_min_match_numpy(name, data):
    a = data.draw(arrays(REAL_NAMES))
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    if reduced_count(a.shape, axis) == 0:
        with pytest.raises(ValueError, match=f"{name}: cannot reduce zero elements"):
            getattr(xp, name)(tensor(a), axis=axis, keepdims=keepdims)
        return
    result = getattr(xp, name)(tensor(a), axis=axis, keepdims=keepdims)
    assert_matches(result, getattr(np, name)(a, axis=axis, keepdims=keepdims))
    assert_new_tensor(result, a)


@pytest.mark.parametrize("name", ["max", "min"])
def test_max_and_min_of_complex_are_refused(name):
    with pytest.raises(TypeError, match="complex numbers have no order"):
        getattr(xp, name)(xp.asarray([1j]))


@pytest.mark.parametrize("name", ["max", "min"])
def test_max_and_min_over_zero_elements_are_refused(name):
    with pytest.raises(ValueError, match=r"cannot reduce zero elements \(shape \(0, 2\)"):
        getattr(xp, name)(xp.asarray(np.zeros((0, 2))), axis=0)
    # reducing a non-empty axis of an empty tensor is fine: the result is empty
    assert getattr(xp, name)(xp.asarray(np.zeros((0, 2))), axis=1).shape == (0,)


# --- mean, var, std ----------------------------------------------------------------


def mean_dtype(name):
    return name if name in FLOAT_NAMES + COMPLEX_NAMES else "float64"


@given(data=st.data())
def test_mean_matches_numpy_and_is_nan_over_nothing(data):
    a = data.draw(arrays(ALL_NAMES))
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    if reduced_count(a.shape, axis) == 0:
        result = xp.mean(tensor(a), axis=axis, keepdims=keepdims)  # without a warning
    else:
        with quiet():  # NumPy warns of inf - inf and the like, as NumPy does
            result = xp.mean(tensor(a), axis=axis, keepdims=keepdims)
    dtype = mean_dtype(a.dtype.name)
    assert result.dtype == getattr(xp, dtype)
    if reduced_count(a.shape, axis) == 0:
        nan = complex(math.nan, math.nan) if dtype in COMPLEX_NAMES else math.nan
        expected = np.full(reduced_shape(a.shape, axis, keepdims), nan, dtype)
    else:
        with quiet():
            expected = np.mean(
                a, axis=axis, keepdims=keepdims, dtype=None if dtype == a.dtype.name else dtype
            )
    assert_matches(result, expected)


@given(data=st.data())
def test_mean_with_a_dtype_matches_numpy(data):
    # An extension: NumPy's and PyTorch's mean take a floating-point dtype (the result's,
    # in which the mean is computed), and Cubed passes one to its backend's mean.
    a = data.draw(arrays(ALL_NAMES))
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    targets = COMPLEX_NAMES if a.dtype.kind == "c" else FLOAT_NAMES + COMPLEX_NAMES
    dtype = data.draw(st.sampled_from(targets))
    with quiet():
        result = xp.mean(tensor(a), axis=axis, keepdims=keepdims, dtype=getattr(xp, dtype))
    assert result.dtype == getattr(xp, dtype)
    if reduced_count(a.shape, axis) == 0:
        nan = complex(math.nan, math.nan) if dtype in COMPLEX_NAMES else math.nan
        expected = np.full(reduced_shape(a.shape, axis, keepdims), nan, dtype)
    else:
        with quiet():
            expected = np.mean(a, axis=axis, keepdims=keepdims, dtype=dtype)
    assert_matches(result, expected)


def test_mean_with_dtype_none_is_the_standards_mean():
    x = xp.asarray([[1, 2], [3, 5]], dtype=xp.int16)
    assert xp.mean(x, dtype=None).dtype == xp.float64
    assert xp.mean(x, axis=0, dtype=xp.float32).tolist() == [2.0, 3.5]


@pytest.mark.parametrize("dtype", ["bool", "int8", "int64", "uint8"])
def test_mean_in_an_integer_dtype_is_refused(dtype):
    # NumPy truncates the mean to an integer; PyTorch refuses: no shared answer.
    with pytest.raises(TypeError, match="mean: dtype must be a floating-point dtype"):
        xp.mean(xp.asarray([1, 2]), dtype=getattr(xp, dtype))


def test_mean_of_complex_in_a_real_dtype_is_refused():
    with pytest.raises(TypeError, match="discard the imaginary parts"):
        xp.mean(xp.asarray([1 + 2j]), dtype=xp.float64)


def test_strict_mode_refuses_the_dtype_of_mean():
    x = xp.asarray([1.0, 2.0])
    with xp.strict():
        assert xp.mean(x, dtype=None).item() == 1.5
        with pytest.raises(TypeError, match="the dtype keyword is not in the array API"):
            xp.mean(x, dtype=xp.float32)


@pytest.mark.parametrize("name", ["var", "std"])
@given(data=st.data())
def test_var_and_std_match_numpy_and_are_nan_without_degrees_of_freedom(name, data):
    a = data.draw(arrays(NUMERIC_NAMES))
    axis = data.draw(axes_for(a.ndim))
    keepdims = data.draw(st.booleans())
    correction = data.draw(st.integers(0, 4) | st.floats(0, 4))
    with quiet():
        result = getattr(xp, name)(tensor(a), axis=axis, correction=correction, keepdims=keepdims)
    real = {"complex64": "float32", "complex128": "float64"}
    dtype = real.get(a.dtype.name, mean_dtype(a.dtype.name))
    assert result.dtype == getattr(xp, dtype)
    if reduced_count(a.shape, axis) - correction <= 0:
        expected = np.full(reduced_shape(a.shape, axis, keepdims), np.nan, dtype)
    else:
        with quiet():
            expected = getattr(np, name)(
                a,
                axis=axis,
                ddof=correction,
                keepdims=keepdims,
                dtype=None if a.dtype.kind in "fc" else "float64",
            )
    assert_matches(result, expected)


@pytest.mark.parametrize("name", ["var", "std"])
def test_no_degrees_of_freedom_gives_nan_without_a_warning(name):
    out = getattr(xp, name)(xp.asarray([[1.0, 2.0]]), axis=0, correction=1)  # warnings are errors
    assert out.shape == (2,)
    assert all(math.isnan(v) for v in out.tolist())


def test_var_and_std_values():
    x = xp.asarray([1.0, 2.0, 3.0, 4.0])
    assert xp.var(x).item() == 1.25
    assert xp.var(x, correction=1).item() == pytest.approx(5 / 3)
    assert xp.std(x, correction=1.5).item() == pytest.approx(math.sqrt(5 / 2.5))
    assert math.isnan(xp.var(x, correction=4).item())
    assert math.isnan(xp.std(x, correction=4.5).item())


@pytest.mark.parametrize("name", ["var", "std"])
def test_correction_must_be_a_real_number(name):
    for bad in ("1", None, 1j, True):
        with pytest.raises(TypeError, match="correction must be a real number"):
            getattr(xp, name)(xp.asarray([1.0, 2.0]), correction=bad)


# --- special cases -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "mean", "var", "std"])
@given(a=arrays(FLOAT_NAMES, shapes(min_side=1), strided=False), data=st.data())
def test_nan_propagates(name, a, data):
    position = data.draw(st.tuples(*[st.integers(0, n - 1) for n in a.shape]))
    a[position] = np.nan
    with quiet():
        assert math.isnan(getattr(xp, name)(tensor(a)).item())


@pytest.mark.parametrize(
    "name, expected", [("sum", 0.0), ("prod", 1.0), ("mean", math.nan), ("var", math.nan)]
)
def test_empty_reductions_follow_the_standard(name, expected):
    out = getattr(xp, name)(xp.asarray(np.zeros(0)))
    assert out.shape == ()
    assert out.dtype == xp.float64
    value = out.item()
    assert math.isnan(value) if math.isnan(expected) else value == expected
    assert math.isnan(xp.std(xp.asarray(np.zeros(0))).item())


def test_mean_of_complex_nothing_is_nan_in_both_parts():
    out = xp.mean(xp.asarray(np.zeros((2, 0), dtype=np.complex64)), axis=1)
    assert out.dtype == xp.complex64
    for v in out.tolist():
        assert math.isnan(v.real) and math.isnan(v.imag)


# --- cumulative_sum and cumulative_prod ----------------------------------------------


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
@given(data=st.data())
def test_cumulative_matches_numpy(name, data):
    a = data.draw(arrays(ALL_NAMES, shapes(min_dims=1)))
    axis = data.draw(
        st.integers(-a.ndim, a.ndim - 1) | (st.none() if a.ndim == 1 else st.nothing())
    )
    include_initial = data.draw(st.booleans())
    targets = COMPLEX_NAMES if a.dtype.kind == "c" else NUMERIC_NAMES
    dtype = data.draw(st.none() | st.sampled_from(targets))
    expected_dtype = ACCUMULATION[a.dtype.name] if dtype is None else dtype
    with quiet():
        result = getattr(xp, name)(
            tensor(a),
            axis=axis,
            dtype=None if dtype is None else getattr(xp, dtype),
            include_initial=include_initial,
        )
        expected = getattr(np, name)(
            a.astype(expected_dtype),
            axis=0 if axis is None else axis,
            dtype=expected_dtype,
            include_initial=include_initial,
        )
    assert_matches(result, expected)
    assert_new_tensor(result, a)


@pytest.mark.parametrize("name", ["cumulative_sum", "cumulative_prod"])
def test_cumulative_needs_an_axis_beyond_one_dimension(name):
    func = getattr(xp, name)
    with pytest.raises(ValueError, match=f"{name}: axis is required for a 2-d tensor"):
        func(xp.asarray([[1, 2]]))
    with pytest.raises(ValueError, match=f"{name}: needs a tensor with at least one dimension"):
        func(xp.asarray(1))
    with pytest.raises(IndexError, match="axis 0 is out of range: a 0-d tensor has no axes"):
        func(xp.asarray(1), axis=0)
    with pytest.raises(TypeError, match="an axis must be an integer, got"):
        func(xp.asarray([[1, 2]]), axis=(0,))


def test_cumulative_include_initial_starts_with_the_identity():
    x = xp.asarray([[1, 2, 3], [4, 5, 6]])
    assert xp.cumulative_sum(x, axis=1, include_initial=True).tolist() == [
        [0, 1, 3, 6],
        [0, 4, 9, 15],
    ]
    assert xp.cumulative_prod(x, axis=0, include_initial=True).tolist() == [
        [1, 1, 1],
        [1, 2, 3],
        [4, 10, 18],
    ]
    empty = xp.cumulative_sum(xp.asarray(np.zeros(0, dtype=np.float32)), include_initial=True)
    assert empty.tolist() == [0.0] and empty.dtype == xp.float32


# --- errors common to every function -------------------------------------------------


REDUCTIONS = ("max", "mean", "min", "prod", "std", "sum", "var")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_non_tensors_are_refused(name):
    with pytest.raises(TypeError, match=f"{name}: x must be an xtensor Tensor, got ndarray"):
        getattr(xp, name)(np.arange(3.0))
    with pytest.raises(TypeError, match=f"{name}: x must be an xtensor Tensor, got list"):
        getattr(xp, name)([1.0, 2.0])


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("axis", [2, -3, 10])
def test_axis_out_of_range_is_both_index_and_value_error(name, axis):
    x = xp.asarray(np.ones((2, 3)))
    for error in (IndexError, ValueError):
        with pytest.raises(error, match=rf"{name}: axis {axis} is out of range for a 2-d tensor"):
            getattr(xp, name)(x, axis=axis)


@pytest.mark.parametrize("name", REDUCTIONS)
def test_axis_errors_of_reductions(name):
    func = getattr(xp, name)
    x = xp.asarray(np.ones((2, 3)))
    with pytest.raises(ValueError, match=rf"{name}: repeated axis in \(0, -2\)"):
        func(x, axis=(0, -2))
    with pytest.raises(IndexError, match=rf"{name}: axis 5 is out of range"):
        func(x, axis=(0, 5))
    for bad in (True, 1.0, "0", (0, 1.5)):
        with pytest.raises(TypeError, match=rf"{name}: an axis must be an integer"):
            func(x, axis=bad)
    with pytest.raises(IndexError, match="a 0-d tensor has no axes"):
        func(xp.asarray(1.0), axis=0)
    # an empty tuple reduces nothing; NumPy integers are accepted as axes
    assert func(x, axis=()).shape == (2, 3)
    assert func(x, axis=np.int64(-1)).shape == (2,)


@pytest.mark.parametrize("name", REDUCTIONS)
def test_zero_dimensional_input(name):
    out = getattr(xp, name)(xp.asarray(np.float32(2.5)))
    assert out.shape == ()
    assert out.dtype == xp.float32


# --- CUDA ------------------------------------------------------------------------------


@requires_cuda
@pytest.mark.parametrize("name", FUNCTIONS)
def test_cuda_matches_cpu(name):
    a = np.arange(24, dtype=np.float32).reshape(2, 3, 4)[:, ::-1]
    kwargs = {"axis": 1} if name.startswith("cumulative") else {"axis": (0, 2)}
    cpu = getattr(xp, name)(xp.asarray(a), **kwargs)
    gpu = getattr(xp, name)(xp.asarray(a, device="cuda"), **kwargs)
    assert gpu.device == xp.Device("cuda", 0)
    np.testing.assert_allclose(gpu.to_device("cpu").numpy(), cpu.numpy(), rtol=1e-6)
    assert gpu.dtype == cpu.dtype
