"""xtensor.fft against NumPy as the oracle: values, shapes, dtypes and errors."""

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

STANDARD_NAMES = [
    "fft", "fftfreq", "fftn", "fftshift", "hfft", "ifft", "ifftn", "ifftshift", "ihfft",
    "irfft", "irfftn", "rfft", "rfftfreq", "rfftn",
]  # fmt: skip
COMPLEX = ("complex64", "complex128")
REAL = ("float32", "float64")
REAL_OF = {"complex64": "float32", "complex128": "float64"}
COMPLEX_OF = {"float32": "complex64", "float64": "complex128"}
TOL = {"float32": 1e-4, "complex64": 1e-4, "float64": 1e-11, "complex128": 1e-11}
NORMS = ("backward", "ortho", "forward")
COMPLEX_IN = ("fft", "ifft", "irfft", "hfft")
ONE_D = {"fft": "same", "ifft": "same", "rfft": "complex", "ihfft": "complex"}
ONE_D |= {"irfft": "real", "hfft": "real"}
N_D = {"fftn": "same", "ifftn": "same", "rfftn": "complex", "irfftn": "real"}


def out_dtype(kind, dtype):
    return {"same": dtype, "complex": COMPLEX_OF.get(dtype), "real": REAL_OF.get(dtype)}[kind]


def input_dtypes(name):
    return REAL if name in ("rfft", "ihfft", "rfftn") else COMPLEX


@st.composite
def signals(draw, dtypes, min_dims=1):
    dtype = draw(st.sampled_from(dtypes))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=1, max_side=6))
    width = np.dtype(dtype).itemsize * 8
    if np.dtype(dtype).kind == "c":
        elements = st.complex_numbers(
            max_magnitude=10, allow_nan=False, allow_infinity=False, width=width
        )
    else:
        elements = st.floats(-10, 10, width=width)
    return draw(hnp.arrays(dtype, shape, elements=elements))


def close(t, expected, dtype):
    got = t.numpy()
    assert got.shape == expected.shape, (got.shape, expected.shape)
    tol = TOL[dtype]
    scale = max(1.0, float(np.max(np.abs(expected), initial=0.0)))
    np.testing.assert_allclose(got, expected, rtol=tol, atol=tol * scale * 10)


def wide(a):
    return a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)


def test_namespace_lists_every_function_of_the_standard():
    assert sorted(xp.fft.__all__) == STANDARD_NAMES
    assert "fft" in xp.__all__ and xp.fft.__name__ == "xtensor.fft"


@pytest.mark.parametrize("name", STANDARD_NAMES)
def test_signatures_match_the_standard(name):
    ours = inspect.signature(getattr(xp.fft, name)).parameters
    theirs = inspect.signature(getattr(array_api_strict.fft, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


@pytest.mark.parametrize("name", sorted(ONE_D))
@given(data=st.data())
def test_one_dimensional_transforms_match_numpy(name, data):
    a = data.draw(signals(input_dtypes(name)), label="x")
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1), label="axis")
    norm = data.draw(st.sampled_from(NORMS), label="norm")
    halved = name in ("irfft", "hfft")
    n = data.draw(st.none() | st.integers(1, 9), label="n")
    if n is None and halved and a.shape[axis] == 1:
        n = 1
    r = getattr(xp.fft, name)(xp.asarray(a), n=n, axis=axis, norm=norm)
    expected_dtype = out_dtype(ONE_D[name], a.dtype.name)
    assert r.dtype.name == expected_dtype
    expected = getattr(np.fft, name)(wide(a), n=n, axis=axis, norm=norm)
    close(r, expected, expected_dtype)


@pytest.mark.parametrize("name", sorted(N_D))
@given(data=st.data())
def test_n_dimensional_transforms_match_numpy(name, data):
    a = data.draw(signals(input_dtypes(name)), label="x")
    halved = name == "irfftn"
    axes = data.draw(
        st.none()
        | st.lists(st.integers(-a.ndim, a.ndim - 1), min_size=1, unique_by=lambda i: i % a.ndim),
        label="axes",
    )
    s = None
    if axes is not None and data.draw(st.booleans(), label="with s"):
        s = [data.draw(st.sampled_from([-1, 1, 2, 3, 5, 8]), label="size") for _ in axes]
    if halved and a.shape[(axes or [-1])[-1]] == 1 and (s is None or s[-1] == -1):
        # one input point gives no output points by default: ask for two
        axes = list(range(a.ndim)) if axes is None else axes
        s = [-1] * (len(axes) - 1) + [2]
    norm = data.draw(st.sampled_from(NORMS), label="norm")
    r = getattr(xp.fft, name)(xp.asarray(a), s=s, axes=axes, norm=norm)
    expected_dtype = out_dtype(N_D[name], a.dtype.name)
    assert r.dtype.name == expected_dtype
    if s is not None:
        # -1 means every input point: the axis's size, except that the halved last axis
        # of irfftn then gives 2 * (size - 1) points (NumPy reads it as `size` points)
        sizes = [a.shape[ax] for ax in axes]
        if halved:
            sizes[-1] = 2 * (sizes[-1] - 1)
        s = [size if given == -1 else given for size, given in zip(sizes, s, strict=True)]
    expected = getattr(np.fft, name)(wide(a), s=s, axes=axes, norm=norm)
    close(r, expected, expected_dtype)


def test_minus_one_in_s_of_irfftn_uses_every_input_point():
    x = xp.asarray(np.ones((2, 3), dtype=np.complex128))
    assert xp.fft.irfftn(x, s=[-1, -1], axes=[0, 1]).shape == (2, 4)
    assert xp.fft.irfftn(x, s=[-1, 5], axes=[0, 1]).shape == (2, 5)


@given(signals(COMPLEX), st.sampled_from(NORMS))
def test_inverse_transforms_undo_the_forward_ones(a, norm):
    t = xp.asarray(a)
    close(xp.fft.ifft(xp.fft.fft(t, norm=norm), norm=norm), a, a.dtype.name)
    close(xp.fft.ifftn(xp.fft.fftn(t, norm=norm), norm=norm), a, a.dtype.name)
    real = np.real(a).astype(REAL_OF[a.dtype.name])
    r = xp.asarray(real)
    n = real.shape[-1]
    close(xp.fft.irfft(xp.fft.rfft(r, norm=norm), n=n, norm=norm), real, real.dtype.name)
    close(xp.fft.hfft(xp.fft.ihfft(r, norm=norm), n=n, norm=norm), real, real.dtype.name)


def test_zero_dimensional_input_to_n_dimensional_transforms_is_unchanged():
    t = xp.asarray(np.complex64(3 + 1j))
    assert xp.fft.fftn(t).dtype == xp.complex64 and xp.fft.fftn(t).item() == 3 + 1j
    with pytest.raises(ValueError, match="fft.rfftn: axes must name at least one axis"):
        xp.fft.rfftn(xp.asarray(np.float64(1)))


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@given(
    n=st.integers(1, 40),
    d=st.floats(0.1, 5) | st.integers(-3, -1),
    dtype=st.sampled_from([None, "float16", "float32", "float64"]),
)
def test_frequencies_match_numpy(name, n, d, dtype):
    r = getattr(xp.fft, name)(n, d=d, dtype=None if dtype is None else getattr(xp, dtype))
    assert r.dtype.name == (dtype or "float64") and r.device == xp.Device("cpu")
    expected = getattr(np.fft, name)(n, d).astype(dtype or "float64")
    np.testing.assert_array_equal(r.numpy(), expected)


def test_frequencies_accept_a_device():
    assert xp.fft.fftfreq(4, device="cpu").device == xp.Device("cpu")
    assert xp.fft.rfftfreq(4, device=xp.Device("cpu")).shape == (3,)


ALL_DTYPES = ("bool", "int8", "uint16", "int64", "float16", "float32", "float64") + COMPLEX


@pytest.mark.parametrize("name", ["fftshift", "ifftshift"])
@given(
    a=hnp.arrays(
        st.sampled_from(ALL_DTYPES),
        hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5),
    ),
    data=st.data(),
)
def test_shifts_match_numpy_for_every_dtype(name, a, data):
    axes_strategy = st.none()
    if a.ndim:
        axis = st.integers(-a.ndim, a.ndim - 1)
        axes_strategy |= axis | st.lists(axis, unique_by=lambda i: i % a.ndim)
    axes = data.draw(axes_strategy, label="axes")
    r = getattr(xp.fft, name)(xp.asarray(a), axes=axes)
    assert r.dtype.name == a.dtype.name
    # NumPy's shifts fail on 0-d input; there is nothing to move
    expected = a if a.ndim == 0 else getattr(np.fft, name)(a, axes=axes)
    np.testing.assert_array_equal(r.numpy(), expected)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fft", "ifft", "irfft", "hfft", "fftn", "ifftn", "irfftn"])
@pytest.mark.parametrize("dtype", ["int64", "bool", "float16"])
def test_complex_input_transforms_refuse_other_dtypes(name, dtype):
    with pytest.raises(
        TypeError,
        match=rf"fft\.{name}: expected a complex floating-point tensor, got dtype {dtype}; "
        r"convert it first, e\.g\. with astype\(x, complex128\)",
    ):
        getattr(xp.fft, name)(xp.asarray(np.ones(4, dtype=dtype)))


@pytest.mark.parametrize("name", ["fft", "ifft", "irfft", "hfft", "fftn", "ifftn", "irfftn"])
@pytest.mark.parametrize("dtype", REAL)
def test_complex_input_transforms_take_real_tensors_like_numpy(name, dtype):
    """Outside strict mode real input is taken as complex of its precision, as NumPy and
    PyTorch take it (SciPy passes real tensors to fft)."""
    a = np.asarray(np.random.default_rng(0).standard_normal((3, 4)), dtype=dtype)
    x = xp.asarray(a)
    r = getattr(xp.fft, name)(x)
    expected = getattr(np.fft, name)(a.astype(COMPLEX_OF[dtype]))
    assert r.dtype == getattr(xp, expected.dtype.name)
    np.testing.assert_allclose(r.numpy(), expected, rtol=TOL[dtype], atol=TOL[dtype])
    np.testing.assert_array_equal(x.numpy(), a)  # the input is left alone
    with (
        xp.strict(),
        pytest.raises(
            TypeError,
            match=rf"fft\.{name}: expected a complex floating-point tensor, got dtype "
            rf"{dtype}; .* \(float32 and float64 are accepted outside strict mode\)",
        ),
    ):
        getattr(xp.fft, name)(x)


def test_fft_of_ones_matches_numpy():
    assert xp.fft.fft(xp.ones(4)).tolist() == np.fft.fft(np.ones(4)).tolist()
    assert xp.fft.fft(xp.ones(4, dtype=xp.float32)).dtype == xp.complex64


def test_refusal_hint_on_a_device_without_float64():
    _, no_f64 = xp.enable_emulated_devices()
    try:
        x = xp.ones(4, dtype=xp.int32, device=no_f64)
        with pytest.raises(TypeError, match=r"astype\(x, complex64\)"):
            xp.fft.fft(x)
        r = xp.fft.fft(xp.ones(4, device=no_f64))  # float32 there: complex64
        assert r.dtype == xp.complex64
        assert r.device == no_f64
        np.testing.assert_array_equal(r.to_device("cpu").numpy(), np.fft.fft(np.ones(4)))
    finally:
        xp.disable_emulated_devices()


@pytest.mark.parametrize("name", ["rfft", "ihfft", "rfftn"])
def test_real_input_transforms_refuse_other_dtypes(name):
    for dtype in ["complex64", "int32", "bool"]:
        with pytest.raises(
            TypeError,
            match=rf"fft\.{name}: expected a float32 or float64 tensor, got dtype {dtype}$",
        ):
            getattr(xp.fft, name)(xp.asarray(np.ones(4, dtype=dtype)))
    with pytest.raises(TypeError, match="float16 has no complex dtype of its precision"):
        getattr(xp.fft, name)(xp.asarray(np.ones(4, dtype=np.float16)))


@pytest.mark.parametrize("name", STANDARD_NAMES)
def test_transforms_refuse_non_tensors(name):
    if name.endswith("freq"):
        return
    with pytest.raises(TypeError, match=rf"fft\.{name}: x must be an xtensor Tensor, got list"):
        getattr(xp.fft, name)([1j, 2j])


def test_argument_errors():
    c = xp.asarray(np.ones((2, 4), dtype=np.complex128))
    with pytest.raises(
        ValueError, match="fft.fft: norm must be 'backward', 'ortho' or 'forward', got 'none'"
    ):
        xp.fft.fft(c, norm="none")
    with pytest.raises(ValueError, match="fft.fftn: norm must be"):
        xp.fft.fftn(c, norm=None)
    with pytest.raises(ValueError, match="fft.fft: n must be >= 1, got 0"):
        xp.fft.fft(c, n=0)
    with pytest.raises(TypeError, match="fft.ifft: n must be an integer, got 4.0"):
        xp.fft.ifft(c, n=4.0)
    with pytest.raises(IndexError, match="fft.fft: axis 2 is out of range"):
        xp.fft.fft(c, axis=2)
    with pytest.raises(ValueError, match="axis -3 is out of range"):
        xp.fft.fft(c, axis=-3)
    with pytest.raises(ValueError, match=r"fft.fft: the input has 0 point\(s\) along axis 1"):
        xp.fft.fft(xp.asarray(np.ones((2, 0), dtype=np.complex64)))
    with pytest.raises(
        ValueError, match=r"fft.irfft: the input has 1 point\(s\) along axis 1, which gives 0"
    ):
        xp.fft.irfft(xp.asarray(np.ones((2, 1), dtype=np.complex64)))
    with pytest.raises(ValueError, match="fft.fftn: s was given without axes; pass axes too"):
        xp.fft.fftn(c, s=[2, 2])
    with pytest.raises(
        ValueError,
        match=r"fft.fftn: s and axes must have the same length, got s=\[2\], axes=\(0, 1\)",
    ):
        xp.fft.fftn(c, s=[2], axes=[0, 1])
    with pytest.raises(ValueError, match=r"fft.ifftn: repeated axis in axes \(1, -1\)"):
        xp.fft.ifftn(c, axes=[1, -1])
    with pytest.raises(TypeError, match=r"fft.fftn: s must be an integer, got 2.0"):
        xp.fft.fftn(c, s=[2.0], axes=[0])
    with pytest.raises(ValueError, match="fft.fftn: axis 0 has 2 point.* gives 0 output points"):
        xp.fft.fftn(c, s=[0], axes=[0])
    with pytest.raises(ValueError, match=r"fft.fftshift: axes 5 is out of range"):
        xp.fft.fftshift(c, axes=5)
    with pytest.raises(ValueError, match="repeated axis"):
        xp.fft.ifftshift(c, axes=(0, -2))


def test_frequency_argument_errors():
    with pytest.raises(ValueError, match="fft.fftfreq: n must be >= 1, got 0"):
        xp.fft.fftfreq(0)
    with pytest.raises(TypeError, match="fft.rfftfreq: n must be an integer, got 2.5"):
        xp.fft.rfftfreq(2.5)
    with pytest.raises(ValueError, match="fft.fftfreq: d must not be 0, got 0.0"):
        xp.fft.fftfreq(4, d=0.0)
    with pytest.raises(
        TypeError, match=r"fft.fftfreq: d must be a real number \(int or float\), got '1'"
    ):
        xp.fft.fftfreq(4, d="1")
    for dtype in (xp.int64, xp.complex128, xp.bool):
        with pytest.raises(
            TypeError, match=f"fft.rfftfreq: expected a real floating-point dtype, got {dtype.name}"
        ):
            xp.fft.rfftfreq(4, dtype=dtype)
    with pytest.raises(ValueError, match="unknown device"):
        xp.fft.fftfreq(4, device="tpu")
    assert math.isclose(float(xp.fft.fftfreq(4, d=2)[1]), 0.125)


@pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")
def test_cuda_transforms_keep_precision_and_device():
    a = np.random.default_rng(0).random((3, 8)).astype(np.float32)
    t = xp.asarray(a, device="cuda")
    r = xp.fft.rfft(t)
    assert r.dtype == xp.complex64 and r.device == t.device
    np.testing.assert_allclose(r.to_device("cpu").numpy(), np.fft.rfft(a), rtol=1e-4, atol=1e-4)
    f = xp.fft.fftfreq(5, dtype=xp.float32, device="cuda")
    assert f.device == xp.Device("cuda", 0) and f.dtype == xp.float32
    np.testing.assert_allclose(f.to_device("cpu").numpy(), np.fft.fftfreq(5))
