"""Creation functions against NumPy (and Python's ``range``) as the oracle."""

import inspect
import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _backend

ALL_DTYPES = (
    xp.bool,
    xp.int8,
    xp.int16,
    xp.int32,
    xp.int64,
    xp.uint8,
    xp.uint16,
    xp.uint32,
    xp.uint64,
    xp.float16,
    xp.float32,
    xp.float64,
    xp.complex64,
    xp.complex128,
)
INT_DTYPES = tuple(d for d in ALL_DTYPES if np.dtype(d.name).kind in "iu")
REAL_FLOAT_DTYPES = (xp.float16, xp.float32, xp.float64)
FLOAT_DTYPES = (*REAL_FLOAT_DTYPES, xp.complex64, xp.complex128)

requires_cuda = pytest.mark.skipif(_backend.cuda_device_count() == 0, reason="no CUDA device")
dtypes = st.sampled_from(ALL_DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4)
devices = st.sampled_from([None, "cpu", xp.Device("cpu")])


def np_dtype(dtype):
    return np.dtype(dtype.name)


def tensors(dtype=None, shape=shapes):
    """Tensors over hypothesis-drawn NumPy arrays (of ``dtype`` or any dtype)."""
    dtype_strategy = dtypes if dtype is None else st.just(dtype)
    return dtype_strategy.flatmap(
        lambda d: hnp.arrays(np_dtype(d), shape).map(lambda a: xp.asarray(a))
    )


def assert_same(t, expected):
    """``t`` is a CPU tensor equal to NumPy's ``expected`` in dtype, shape and values."""
    assert isinstance(t, xp.Tensor)
    assert t.device == xp.Device("cpu")
    assert t.dtype.name == expected.dtype.name
    assert t.shape == expected.shape
    np.testing.assert_array_equal(t.numpy(), expected, strict=True)


def python_scalar(dtype):
    """Python scalars that fit ``dtype`` (any finite or non-finite float for floats)."""
    return hnp.from_dtype(np_dtype(dtype)).map(lambda v: v.item())


# --- signatures --------------------------------------------------------------------

SIGNATURES = {
    "arange": "(start, /, stop=None, step=1, *, dtype=None, device=None)",
    "empty": "(shape, *, dtype=None, device=None)",
    "empty_like": "(x, /, *, dtype=None, device=None)",
    "eye": "(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None)",
    "full": "(shape, fill_value, *, dtype=None, device=None)",
    "full_like": "(x, /, fill_value, *, dtype=None, device=None)",
    "linspace": "(start, stop, /, num, *, dtype=None, device=None, endpoint=True)",
    "meshgrid": "(*arrays, indexing='xy')",
    "ones": "(shape, *, dtype=None, device=None)",
    "ones_like": "(x, /, *, dtype=None, device=None)",
    "tril": "(x, /, *, k=0)",
    "triu": "(x, /, *, k=0)",
    "zeros": "(shape, *, dtype=None, device=None)",
    "zeros_like": "(x, /, *, dtype=None, device=None)",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_signature_is_the_standards(name):
    signature = inspect.signature(getattr(xp, name))
    bare = signature.replace(
        parameters=[p.replace(annotation=p.empty) for p in signature.parameters.values()],
        return_annotation=inspect.Signature.empty,
    )
    assert str(bare) == SIGNATURES[name]
    assert name in xp.__all__


# --- empty, zeros, ones ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["zeros", "ones", "empty"])
@given(shape=shapes | st.integers(0, 5), dtype=st.none() | dtypes, device=devices)
def test_from_shape(name, shape, dtype, device):
    t = getattr(xp, name)(shape, dtype=dtype, device=device)
    expected = getattr(np, name)(shape, dtype=np.float64 if dtype is None else np_dtype(dtype))
    if name == "empty":
        assert (t.shape, t.dtype.name) == (expected.shape, expected.dtype.name)
    else:
        assert_same(t, expected)
    assert t.is_contiguous() and not t.is_readonly


def test_from_shape_accepts_index_objects_and_lists():
    assert xp.zeros(np.int64(3)).shape == (3,)
    assert xp.ones([2, np.int32(3)]).shape == (2, 3)
    assert xp.empty(()).shape == ()
    assert xp.zeros((2, xp.asarray(3))).shape == (2, 3)


@pytest.mark.parametrize("name", ["zeros", "ones", "empty"])
def test_from_shape_errors(name):
    f = getattr(xp, name)
    with pytest.raises(ValueError, match=rf"{name}: shape dimensions must be non-negative, got -1"):
        f(-1)
    with pytest.raises(ValueError, match=r"non-negative, got \(2, -3\)"):
        f((2, -3))
    with pytest.raises(TypeError, match=r"shape must be an int or a tuple of ints, got \(2, 2.0\)"):
        f((2, 2.0))
    with pytest.raises(TypeError, match="shape must be an int or a tuple of ints, got 3.0"):
        f(3.0)
    with pytest.raises(TypeError, match="got True"):
        f(True)
    with pytest.raises(TypeError, match="got '3'"):
        f("3")
    with pytest.raises(ValueError, match="at most 64 dimensions, got a shape with 65"):
        f((1,) * 65)
    with pytest.raises(TypeError, match=rf"{name}: unsupported dtype 'float8'"):
        f(2, dtype="float8")
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        f(2, device="tpu")


# --- full --------------------------------------------------------------------------


@given(data=st.data(), shape=shapes | st.integers(0, 5), dtype=dtypes, device=devices)
def test_full_matches_numpy(data, shape, dtype, device):
    value = data.draw(python_scalar(dtype), label="fill_value")
    t = xp.full(shape, value, dtype=dtype, device=device)
    assert_same(t, np.full(shape, value, dtype=np_dtype(dtype)))


@given(
    shape=shapes,
    value=st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.complex_numbers(allow_nan=True, allow_infinity=True),
)
def test_full_infers_the_default_dtype_from_the_python_type(shape, value):
    expected = {bool: xp.bool, int: xp.int64, float: xp.float64, complex: xp.complex128}
    t = xp.full(shape, value)
    assert t.dtype is expected[type(value)]
    assert_same(t, np.full(shape, value, dtype=np_dtype(t.dtype)))


@given(data=st.data(), dtype=st.sampled_from(INT_DTYPES))
def test_full_integer_out_of_range_overflows_like_numpy(data, dtype):
    info = np.iinfo(np_dtype(dtype))
    value = data.draw(
        st.integers(max_value=int(info.min) - 1) | st.integers(min_value=int(info.max) + 1)
    )
    with pytest.raises(OverflowError):
        np.full(2, value, dtype=np_dtype(dtype))
    with pytest.raises(OverflowError, match=rf"full: fill value {value} is out of range for"):
        xp.full(2, value, dtype=dtype)
    with pytest.raises(OverflowError, match="full_like: fill value"):
        xp.full_like(xp.zeros(2, dtype=dtype), value)


@given(
    dtype=st.sampled_from([xp.float16, xp.float32, xp.complex64]),
    value=st.floats(allow_nan=False) | st.integers(-(2**200), 2**200),
    imaginary=st.booleans(),
)
def test_full_narrow_float_overflows_exactly_when_numpy_rounds_to_infinity(dtype, value, imaginary):
    component = np.float16 if dtype is xp.float16 else np.float32
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        rounds_to_inf = math.isfinite(float(value)) and np.isinf(component(float(value)))
    fill = complex(0, value) if imaginary and dtype is xp.complex64 else value
    if rounds_to_inf:
        with pytest.raises(OverflowError, match="is out of range for"):
            xp.full((), fill, dtype=dtype)
    else:
        t = xp.full((), fill, dtype=dtype)
        assert_same(t, np.full((), fill, dtype=np_dtype(dtype)))


def test_full_boundary_of_float_ranges():
    f32_max = float(np.finfo(np.float32).max)
    assert xp.full((), f32_max, dtype=xp.float32).item() == f32_max
    assert xp.full((), 65519.0, dtype=xp.float16).item() == 65504.0  # rounds down
    with pytest.raises(OverflowError):
        xp.full((), 65520.0, dtype=xp.float16)
    assert math.isinf(xp.full((), math.inf, dtype=xp.float16).item())  # not an overflow
    assert math.isnan(xp.full((), math.nan, dtype=xp.float32).item())


def test_full_errors():
    with pytest.raises(TypeError, match="full: fill value must be a Python bool, int, float"):
        xp.full(2, np.int64(1))
    with pytest.raises(TypeError, match="got Tensor"):
        xp.full(2, xp.asarray([1]))  # a 0-d tensor is accepted, a 1-d one is not
    with pytest.raises(TypeError, match="cannot store the complex fill value 1j in a float64"):
        xp.full(2, 1j, dtype=xp.float64)
    with pytest.raises(TypeError, match="complex fill value"):
        xp.full(2, 1j, dtype=xp.int8)
    with pytest.raises(ValueError, match="fill value nan has no int8 value"):
        xp.full(2, math.nan, dtype=xp.int8)
    with pytest.raises(OverflowError, match="fill value inf has no uint8 value"):
        xp.full(2, math.inf, dtype=xp.uint8)
    with pytest.raises(OverflowError, match="out of range for float64"):
        xp.full(2, 2**1024, dtype=xp.float64)
    with pytest.raises(OverflowError, match="out of range for complex128"):
        xp.full(2, 2**1024, dtype=xp.complex128)
    with pytest.raises(OverflowError, match=r"out of range for int64"):
        xp.full(2, 2**63)
    with pytest.raises(ValueError, match="non-negative"):
        xp.full(-1, 0)
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.full(2, 0, dtype=object)


@given(value=st.booleans() | st.integers(-100, 100) | st.floats(-1e6, 1e6), dtype=dtypes)
def test_full_casts_other_kinds_like_numpy(value, dtype):
    """Bools into numbers, ints into floats, floats into ints (truncated) and anything
    into bool: NumPy's answer (the standard leaves these open)."""
    kind = np_dtype(dtype).kind
    if kind in "iu":
        assume(np.iinfo(np_dtype(dtype)).min <= int(value) <= np.iinfo(np_dtype(dtype)).max)
    if dtype is xp.float16:
        assume(abs(value) < 65504)
    assert_same(xp.full(3, value, dtype=dtype), np.full(3, value, dtype=np_dtype(dtype)))


# --- *_like -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["zeros_like", "ones_like", "empty_like"])
@given(x=tensors(), dtype=st.none() | dtypes, device=devices)
def test_like(name, x, dtype, device):
    t = getattr(xp, name)(x, dtype=dtype, device=device)
    expected = getattr(np, name)(x.numpy(), dtype=None if dtype is None else np_dtype(dtype))
    if name == "empty_like":
        assert (t.shape, t.dtype.name) == (expected.shape, expected.dtype.name)
    else:
        assert_same(t, expected)
    assert t.device is x.device
    if t.size:
        assert not np.shares_memory(t.numpy(), x.numpy())


@given(data=st.data(), x=tensors(), dtype=st.none() | dtypes)
def test_full_like_matches_numpy(data, x, dtype):
    value = data.draw(python_scalar(x.dtype if dtype is None else dtype), label="fill_value")
    t = xp.full_like(x, value, dtype=dtype)
    target = np_dtype(x.dtype if dtype is None else dtype)
    assert_same(t, np.full_like(x.numpy(), value, dtype=target))


@pytest.mark.parametrize("name", ["zeros_like", "ones_like", "empty_like", "full_like"])
def test_like_errors(name):
    f = getattr(xp, name)
    args = (1,) if name == "full_like" else ()
    with pytest.raises(TypeError, match=rf"{name}: x must be an xtensor Tensor, got ndarray"):
        f(np.zeros(2), *args)
    with pytest.raises(TypeError, match=rf"{name}: x must be an xtensor Tensor, got list"):
        f([1, 2], *args)
    with pytest.raises(TypeError, match=rf"{name}: unsupported dtype"):
        f(xp.zeros(2), *args, dtype="float8")
    with pytest.raises(ValueError, match="unknown device"):
        f(xp.zeros(2), *args, device="gpu")


# --- arange ---------------------------------------------------------------------------


@st.composite
def integer_ranges(draw, dtype):
    info = np.iinfo(np_dtype(dtype))
    lo, hi = int(info.min), int(info.max)
    start = draw(st.integers(lo, hi), label="start")
    stop = draw(st.integers(lo, hi), label="stop")
    distance = abs(stop - start)
    magnitude = st.integers(max(1, distance // 1000), max(1, distance)) | st.integers(1, 20)
    step = draw(magnitude.map(lambda s: min(s, hi)), label="step")
    if dtype.name.startswith("int") and draw(st.booleans()):
        step = -min(step, -lo)
    assume(max(0, -((start - stop) // step)) <= 2000)
    return start, stop, step


@given(data=st.data(), dtype=st.sampled_from(INT_DTYPES), device=devices)
def test_arange_integers_are_exactly_pythons_range(data, dtype, device):
    start, stop, step = data.draw(integer_ranges(dtype))
    t = xp.arange(start, stop, step, dtype=dtype, device=device)
    assert_same(t, np.array(list(range(start, stop, step)), dtype=np_dtype(dtype)))


@given(n=st.integers(-5, 200), start=st.integers(-(2**40), 2**40), step=st.integers(-9, 9))
def test_arange_default_integer_dtype_and_forms(n, start, step):
    assert_same(xp.arange(n), np.arange(n, dtype=np.int64))
    assume(step != 0)
    assert_same(xp.arange(start, start + n), np.arange(start, start + n, dtype=np.int64))
    expected = np.array(list(range(start, start + n, step)), dtype=np.int64)
    assert_same(xp.arange(start, start + n, step), expected)
    assert_same(xp.arange(start, stop=start + n, step=step), expected)


def test_arange_is_exact_where_numpy_divides_in_float64():
    start, stop, step = 0, 108086391056891901, 1080863910568919
    t = xp.arange(start, stop, step, dtype=xp.uint64)
    assert t.shape == (len(range(start, stop, step)),) == (101,)
    assert t.tolist() == list(range(start, stop, step))
    big = xp.arange(2**64 - 1, 2**63, -(2**61), dtype=xp.uint64)
    assert big.tolist() == list(range(2**64 - 1, 2**63, -(2**61)))
    assert xp.arange(-128, 128, 255, dtype=xp.int8).tolist() == [-128, 127]


finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(
    start=finite | st.integers(-(10**6), 10**6),
    stop=st.none() | finite,
    step=finite.filter(lambda s: abs(s) > 1e-3),
    dtype=st.sampled_from([None, *REAL_FLOAT_DTYPES]),
)
def test_arange_floats_match_numpy(start, stop, step, dtype):
    args = (start,) if stop is None else (start, stop, step)
    _start, _stop = (0, start) if stop is None else (start, stop)
    _step = 1 if stop is None else step
    assume(math.ceil((_stop - _start) / _step) <= 10_000)
    if dtype is xp.float16:
        assume(max(abs(_start), abs(_stop) + abs(_step)) < 60000)
    if dtype is None and all(isinstance(a, int) for a in args):
        dtype = xp.float64  # the float default needs one float argument
        assert xp.arange(*args).dtype is xp.int64
    t = xp.arange(*args, dtype=dtype)
    expected = np.arange(*args, dtype=np.float64)
    if dtype is not None:
        expected = expected.astype(np_dtype(dtype))
    assert_same(t, expected)
    assert t.shape[0] == max(math.ceil((_stop - _start) / _step), 0)


def test_arange_errors():
    with pytest.raises(ValueError, match="arange: step must not be 0"):
        xp.arange(0, 10, 0)
    with pytest.raises(ValueError, match="step must not be 0"):
        xp.arange(0.0, 1.0, 0.0)
    with pytest.raises(TypeError, match="dtype int32 needs integer start, stop and step"):
        xp.arange(0.5, 3, dtype=xp.int32)
    with pytest.raises(TypeError, match="arange: dtype must be a numeric dtype, got bool"):
        xp.arange(3, dtype=xp.bool)
    with pytest.raises(
        TypeError, match=r"arange: stop must be a real number \(int or float\), got 1j"
    ):
        xp.arange(1j)  # one argument is the stop
    with pytest.raises(
        TypeError, match=r"arange: start must be a real number \(int or float\), got 1j"
    ):
        xp.arange(1j, 3)
    with pytest.raises(TypeError, match=r"stop must be a real number \(int or float\), got '3'"):
        xp.arange(0, "3")
    with pytest.raises(TypeError, match=r"step must be a real number \(int or float\), got None"):
        xp.arange(0, 3, None)
    with pytest.raises(OverflowError, match=r"out of range for uint8 \(0 to 255\)"):
        xp.arange(0, 300, dtype=xp.uint8)
    with pytest.raises(OverflowError, match="out of range for int8"):
        xp.arange(-129, 0, dtype=xp.int8)
    with pytest.raises(OverflowError, match="out of range for int64"):
        xp.arange(2**63, 2**63 + 2)
    with pytest.raises(OverflowError, match="the last value .* out of range for float16"):
        xp.arange(0, 80000, 10000, dtype=xp.float16)
    with pytest.raises(OverflowError, match="is not finite"):
        xp.arange(0.0, 1e308, 1e-308)
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.arange(3, dtype="i9")


def test_arange_accepts_index_objects():
    assert xp.arange(np.int64(3)).tolist() == [0, 1, 2]
    assert xp.arange(xp.asarray(2), 6, np.int8(2)).tolist() == [2, 4]
    assert xp.arange(np.float64(1.5)).dtype is xp.float64


# --- linspace -------------------------------------------------------------------------

bounded = st.floats(-1e300, 1e300, allow_nan=False) | st.integers(-(2**60), 2**60)


@given(
    start=bounded,
    stop=bounded,
    num=st.integers(0, 50),
    endpoint=st.booleans(),
    dtype=st.sampled_from([None, xp.float32, xp.float64, xp.complex128]),
)
def test_linspace_matches_numpy(start, stop, num, endpoint, dtype):
    if dtype is xp.float32:
        start, stop = float(np.float32(start / 1e262)), float(np.float32(stop / 1e262))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            expected = np.linspace(
                start,
                stop,
                num,
                endpoint=endpoint,
                dtype=np.float64 if dtype is None else np_dtype(dtype),
            )
        except RuntimeWarning:  # NumPy's own overflow in stop - start
            assume(False)
    t = xp.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    assert_same(t, expected)
    if num and dtype is not xp.complex128:
        assert t[0].item() == float(np_dtype(t.dtype).type(start))
    if num > 1 and endpoint and dtype is not xp.complex128:
        assert t[-1].item() == float(np_dtype(t.dtype).type(stop))


@given(
    start=st.complex_numbers(max_magnitude=1e30) | st.floats(-1e30, 1e30),
    stop=st.complex_numbers(max_magnitude=1e30),
    num=st.integers(0, 20),
    endpoint=st.booleans(),
    dtype=st.sampled_from([None, xp.complex64, xp.complex128]),
)
def test_linspace_complex_spaces_each_component(start, stop, num, endpoint, dtype):
    """The standard's spacing is (c - a)/(N - 1) + (d - b)/(N - 1) j: NumPy's real
    linspace of each component is the oracle (its complex linspace divides by a
    complex number and rounds differently)."""
    t = xp.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    a, b, c, d = start.real, complex(start).imag, stop.real, stop.imag
    expected = np.empty(num, dtype=np.complex128 if dtype is None else np_dtype(dtype))
    expected.real = np.linspace(a, c, num, endpoint=endpoint)
    expected.imag = np.linspace(b, d, num, endpoint=endpoint)
    assert_same(t, expected)
    if dtype is None:
        np.testing.assert_allclose(
            t.numpy(),
            np.linspace(start, stop, num, endpoint=endpoint),
            rtol=0,
            atol=4e-16 * max(abs(start), abs(stop)),
        )


@given(start=finite, stop=finite, num=st.integers(0, 30))
def test_linspace_without_endpoint_is_a_prefix(start, stop, num):
    without = xp.linspace(start, stop, num, endpoint=False)
    longer = xp.linspace(start, stop, num + 1)
    np.testing.assert_array_equal(without.numpy(), longer.numpy()[:-1])


def test_linspace_errors():
    with pytest.raises(ValueError, match="linspace: num must be non-negative, got -1"):
        xp.linspace(0, 1, -1)
    with pytest.raises(TypeError, match="num must be an integer, got 2.0"):
        xp.linspace(0, 1, 2.0)
    with pytest.raises(TypeError, match="linspace: dtype must be a numeric dtype, got bool"):
        xp.linspace(0, 1, 5, dtype=xp.bool)
    with pytest.raises(TypeError, match="cannot store the complex start 1j in a float64"):
        xp.linspace(1j, 2, 3, dtype=xp.float64)
    with pytest.raises(TypeError, match="stop must be a Python bool, int, float or complex"):
        xp.linspace(0, "1", 3)
    with pytest.raises(OverflowError, match=r"stop 1e\+39 is out of range for float32"):
        xp.linspace(0, 1e39, 3, dtype=xp.float32)
    with pytest.raises(OverflowError, match="start .* out of range for float64"):
        xp.linspace(2**1024, 0, 3)
    with pytest.raises(TypeError, match="endpoint must be True or False, got 1"):
        xp.linspace(0, 1, 3, endpoint=1)


# --- eye, tril, triu ---------------------------------------------------------------------


@given(
    n_rows=st.integers(0, 8),
    n_cols=st.none() | st.integers(0, 8),
    k=st.integers(-10, 10) | st.integers(),
    dtype=st.none() | dtypes,
    device=devices,
)
def test_eye_matches_numpy(n_rows, n_cols, k, dtype, device):
    t = xp.eye(n_rows, n_cols, k=k, dtype=dtype, device=device)
    np_type = np.float64 if dtype is None else np_dtype(dtype)
    assert_same(t, np.eye(n_rows, n_cols, k=k, dtype=np_type))


def test_eye_errors():
    with pytest.raises(ValueError, match="eye: n_rows must be non-negative, got -1"):
        xp.eye(-1)
    with pytest.raises(ValueError, match="eye: n_cols must be non-negative, got -2"):
        xp.eye(2, -2)
    with pytest.raises(TypeError, match="eye: n_rows must be an integer, got 2.5"):
        xp.eye(2.5)
    with pytest.raises(TypeError, match="n_cols must be an integer, got True"):
        xp.eye(2, True)
    with pytest.raises(TypeError, match="eye: k must be an integer, got 1.0"):
        xp.eye(2, k=1.0)
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.eye(2, dtype="x")


@pytest.mark.parametrize("name", ["tril", "triu"])
@given(
    x=tensors(shape=hnp.array_shapes(min_dims=2, max_dims=4, min_side=0, max_side=5)),
    k=st.integers(-6, 6),
)
def test_triangles_match_numpy_on_stacks(name, x, k):
    t = getattr(xp, name)(x, k=k)
    assert_same(t, getattr(np, name)(x.numpy(), k=k))
    if t.size:
        assert not np.shares_memory(t.numpy(), x.numpy())


@given(x=tensors(shape=hnp.array_shapes(min_dims=2, max_dims=3, min_side=1, max_side=4)))
def test_triangles_with_huge_k(x):
    zeros = np.zeros_like(x.numpy())
    assert_same(xp.tril(x, k=10**30), x.numpy())
    assert_same(xp.triu(x, k=10**30), zeros)
    assert_same(xp.tril(x, k=-(10**30)), zeros)
    assert_same(xp.triu(x, k=-(10**30)), x.numpy())


@pytest.mark.parametrize("name", ["tril", "triu"])
def test_triangle_errors(name):
    f = getattr(xp, name)
    with pytest.raises(ValueError, match=rf"{name}: expected a matrix or a stack .* shape \(3,\)"):
        f(xp.zeros(3))
    with pytest.raises(ValueError, match=r"shape \(\)"):
        f(xp.zeros(()))
    with pytest.raises(TypeError, match=rf"{name}: x must be an xtensor Tensor, got ndarray"):
        f(np.zeros((2, 2)))
    with pytest.raises(TypeError, match=rf"{name}: k must be an integer, got 0.5"):
        f(xp.zeros((2, 2)), k=0.5)


# --- meshgrid ------------------------------------------------------------------------


@given(
    data=st.data(),
    count=st.integers(0, 4),
    indexing=st.sampled_from(["xy", "ij"]),
)
def test_meshgrid_matches_numpy(data, count, indexing):
    arrays = [
        data.draw(tensors(shape=hnp.array_shapes(min_dims=1, max_dims=1, max_side=4)))
        for _ in range(count)
    ]
    out = xp.meshgrid(*arrays, indexing=indexing)
    expected = np.meshgrid(*(a.numpy() for a in arrays), indexing=indexing)
    assert type(out) is tuple and len(out) == count
    for t, e in zip(out, expected, strict=True):
        assert_same(t, e)
        assert not t.is_readonly
        for a in arrays:
            if t.size and a.size:
                assert not np.shares_memory(t.numpy(), a.numpy())


def test_meshgrid_defaults_to_xy():
    x, y = xp.meshgrid(xp.arange(3), xp.arange(2))
    assert x.shape == y.shape == (2, 3)


def test_meshgrid_errors():
    with pytest.raises(ValueError, match="meshgrid: indexing must be 'xy' or 'ij', got 'ji'"):
        xp.meshgrid(xp.arange(2), indexing="ji")
    with pytest.raises(
        ValueError, match=r"meshgrid: expected 1-d tensors, got one of shape \(2, 2\)"
    ):
        xp.meshgrid(xp.arange(2), xp.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"shape \(\)"):
        xp.meshgrid(xp.asarray(1.0))
    with pytest.raises(TypeError, match="meshgrid: x must be an xtensor Tensor, got list"):
        xp.meshgrid([1, 2])


# --- CUDA --------------------------------------------------------------------------


@requires_cuda
def test_creation_on_cuda():
    dev = xp.Device("cuda:0")
    for t in (
        xp.zeros((2, 3), device=dev),
        xp.ones(2, device="cuda:0"),
        xp.empty(2, device=dev),
        xp.full(2, 7, device=dev),
        xp.arange(5, device=dev),
        xp.arange(0, 2**64 - 1, 2**62, dtype=xp.uint64, device=dev),
        xp.arange(0.0, 1.0, 0.25, dtype=xp.float32, device=dev),
        xp.linspace(0, 1, 5, device=dev),
        xp.eye(3, device=dev),
    ):
        assert t.device is dev
    assert xp.arange(5, device=dev).to_device("cpu").tolist() == [0, 1, 2, 3, 4]
    x = xp.ones((3, 3), device=dev)
    for t in (xp.zeros_like(x), xp.tril(x), xp.triu(x, k=1), *xp.meshgrid(x[0], x[1])):
        assert t.device is dev
    assert xp.zeros_like(x, device="cpu").device is xp.Device("cpu")
    np.testing.assert_array_equal(xp.tril(x).to_device("cpu").numpy(), np.tril(np.ones((3, 3))))
    with pytest.raises(ValueError, match="different devices"):
        xp.meshgrid(x[0], xp.ones(3))


@pytest.mark.skipif(_backend.cuda_device_count() > 0, reason="a CUDA device is present")
def test_cuda_without_a_device_says_how_to_get_one():
    with pytest.raises(ValueError, match="no CUDA device is available.*pip install"):
        xp.zeros(2, device="cuda")


def test_full_accepts_a_0d_tensor_as_fill_value_outside_strict_mode():
    # NumPy and PyTorch accept it, and SciPy relies on it; the standard asks for a scalar.
    assert xp.full((2,), xp.asarray(3, dtype=xp.int8)).dtype == xp.int8
    assert xp.full((2,), xp.asarray(3.5)).tolist() == [3.5, 3.5]
    assert xp.full((2,), xp.asarray(3), dtype=xp.float32).dtype == xp.float32
    assert xp.full_like(xp.zeros(2), xp.asarray(2)).tolist() == [2.0, 2.0]
    with pytest.raises(TypeError, match="fill value must be a Python"):
        xp.full((2,), xp.asarray([1, 2]))
    with pytest.raises(OverflowError, match="out of range for uint8"):
        xp.full((2,), xp.asarray(300), dtype=xp.uint8)
    with xp.strict(), pytest.raises(TypeError, match="accepted outside strict mode"):
        xp.full((2,), xp.asarray(1.0))


# --- extensions NumPy and PyTorch share (SciPy's suites use them) -------------------


@pytest.mark.parametrize("stop", [6, 6.0, 6.5])
@pytest.mark.parametrize("dtype", [xp.int64, xp.float64, xp.int32])
def test_arange_takes_a_0d_tensor(stop, dtype):
    t = xp.arange(1, xp.asarray(stop, dtype=dtype))
    assert_same(t, np.arange(1, np.asarray(stop, dtype=np_dtype(dtype))))
    assert_same(xp.arange(xp.asarray(stop, dtype=dtype)), np.arange(np_dtype(dtype).type(stop)))
    assert_same(xp.arange(0, 3, xp.asarray(0.5)), np.arange(0, 3, np.asarray(0.5)))
    with xp.strict():  # array-api-strict takes them too
        assert xp.arange(1, xp.asarray(stop, dtype=dtype)).shape == t.shape


@pytest.mark.parametrize("dtype", [xp.complex64, xp.complex128])
@pytest.mark.parametrize(
    "args", [(5,), (0, 3, 0.5), (2.5, -3.0, -1.25), (10, 0), (-(2**20), 2**20, 2**19)]
)
def test_arange_complex_dtype_matches_numpy(args, dtype):
    assert_same(xp.arange(*args, dtype=dtype), np.arange(*args, dtype=np_dtype(dtype)))
    with xp.strict():  # array-api-strict takes it too
        assert xp.arange(*args, dtype=dtype).dtype is dtype


integer_dtypes = [xp.int8, xp.int16, xp.int32, xp.int64, xp.uint8, xp.uint16, xp.uint32, xp.uint64]


@pytest.mark.parametrize("dtype", integer_dtypes)
@given(
    start=st.floats(0, 100) | st.integers(0, 100),
    stop=st.floats(0, 100) | st.integers(0, 100),
    num=st.integers(0, 40),
    endpoint=st.booleans(),
)
def test_integer_linspace_floors_like_numpy(dtype, start, stop, num, endpoint):
    expected = np.linspace(start, stop, num, endpoint=endpoint, dtype=np_dtype(dtype))
    assert_same(xp.linspace(start, stop, num, endpoint=endpoint, dtype=dtype), expected)


@pytest.mark.parametrize("dtype", [xp.int8, xp.int16, xp.int32, xp.int64])
def test_integer_linspace_negative_values_floor(dtype):
    for start, stop, num in [(-5, 3, 7), (-1, -10, 5), (-0.5, 2.5, 4), (0, -3, 4)]:
        expected = np.linspace(start, stop, num, dtype=np_dtype(dtype))
        assert_same(xp.linspace(start, stop, num, dtype=dtype), expected)
    assert_same(xp.linspace(0, 3, 4, dtype=dtype), np.linspace(0, 3, 4, dtype=np_dtype(dtype)))
    with xp.strict():  # array-api-strict takes it too
        assert xp.linspace(0, 3, 4, dtype=dtype).dtype is dtype


def test_integer_linspace_errors():
    with pytest.raises(OverflowError, match=r"linspace: start -1(\.0)? is out of range for uint8"):
        xp.linspace(-1, 3, 4, dtype=xp.uint8)
    with pytest.raises(OverflowError, match="linspace: stop 300(\\.0)? is out of range for int8"):
        xp.linspace(0, 300, 4, dtype=xp.int8)
    with pytest.raises(ValueError, match="linspace: stop must be finite for int16, got inf"):
        xp.linspace(0, math.inf, 4, dtype=xp.int16)
    with pytest.raises(TypeError, match="cannot store the complex start 1j in a int16"):
        xp.linspace(1j, 3, 4, dtype=xp.int16)
