"""Tensors leave the process: pickle (every protocol), copy.copy and copy.deepcopy keep
dtype, shape, values, device and read-only-ness; protocol 5 hands contiguous memory out
of band without a copy; deepcopy keeps the sharing between the tensors it copies."""

import copy
import pickle
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xtensor as xp
from xtensor._dtypes import ALL_DTYPES, DType

DTYPE_NAMES = [d.name for d in ALL_DTYPES]

# name -> a view of a (4, 6) NumPy array, in the layouts a tensor can have.
LAYOUTS = {
    "C order": lambda a: a,
    "F order": lambda a: np.asfortranarray(a),
    "sliced": lambda a: a[1:, ::2],
    "transposed": lambda a: a.T,
    "negative strides": lambda a: a[::-1, ::-2],
    "broadcast": lambda a: np.broadcast_to(a[:1], (3, 4, 6)),
    "size 0": lambda a: a[:, 6:],
    "0-d": lambda a: a[2, 3],
    "1-d column": lambda a: a[:, 1],
}

ROUND_TRIPS = {
    **{
        f"pickle protocol {p}": (lambda t, p=p: pickle.loads(pickle.dumps(t, protocol=p)))
        for p in range(pickle.HIGHEST_PROTOCOL + 1)
    },
    "copy.copy": copy.copy,
    "copy.deepcopy": copy.deepcopy,
}


def values(dtype: str, seed: int) -> np.ndarray:
    """A (4, 6) NumPy array of ``dtype``: random values, with NaN and inf for floats."""
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return rng.random((4, 6)) < 0.5
    if dtype.startswith(("int", "uint")):
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, (4, 6), dtype=dtype, endpoint=True)
    a = (rng.standard_normal((4, 6)) * 1e3).astype(dtype)
    if dtype.startswith("complex"):
        a = a + 1j * rng.standard_normal((4, 6)).astype(dtype)
    a.flat[[0, 5, 7]] = [np.nan, np.inf, -np.inf]
    return a


def tensor_in(layout: str, dtype: str, seed: int, readonly: bool) -> tuple[xp.Tensor, np.ndarray]:
    """A tensor over a NumPy view in ``layout`` (read-only if asked), and that view."""
    a = LAYOUTS[layout](values(dtype, seed))
    if readonly and a.flags.writeable:
        a.flags.writeable = False
    return xp.as_tensor(a), a


@pytest.fixture
def emulated():
    devices = xp.enable_emulated_devices()
    yield devices
    xp.disable_emulated_devices()


def assert_same_tensor(result: object, original: xp.Tensor, expected: np.ndarray) -> None:
    assert type(result) is xp.Tensor
    assert result.dtype is original.dtype
    assert result.shape == original.shape
    assert result.device is original.device
    assert result.is_readonly == original.is_readonly
    np.testing.assert_array_equal(np.asarray(result.to_device("cpu")), expected, strict=True)


@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    dtype=st.sampled_from(DTYPE_NAMES),
    seed=st.integers(0, 2**32 - 1),
    readonly=st.booleans(),
    how=st.sampled_from(sorted(ROUND_TRIPS)),
)
def test_round_trip_keeps_dtype_shape_values_device_and_read_only(
    layout: str, dtype: str, seed: int, readonly: bool, how: str
) -> None:
    t, a = tensor_in(layout, dtype, seed, readonly)
    result = ROUND_TRIPS[how](t)
    assert_same_tensor(result, t, a)
    if result.size:
        assert not np.shares_memory(np.asarray(result), a), "a round trip must copy"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPE_NAMES)
def test_the_matrix_every_dtype_layout_and_device_through_every_round_trip(
    layout: str, dtype: str, emulated
) -> None:
    for device in ("cpu", *emulated):
        if dtype in ("float64", "complex128") and str(device) == "emulated:no-float64":
            continue  # that device has no double precision
        for readonly in (False, True):
            t, a = tensor_in(layout, dtype, seed=0, readonly=readonly)
            if device != "cpu":
                t = t.to_device(device)
                if readonly and not t.is_readonly:
                    continue  # to_device made a writeable copy: the read-only case is the CPU's
            for how, round_trip in ROUND_TRIPS.items():
                result = round_trip(t)
                assert result.device is t.device, how
                assert_same_tensor(result, t, a)


def test_copies_are_writeable_and_independent() -> None:
    t = xp.asarray([[1.0, 2.0], [3.0, 4.0]])
    for how, round_trip in ROUND_TRIPS.items():
        c = round_trip(t)
        c[0, 0] = -1.0
        assert float(t[0, 0]) == 1.0, how


# --- protocol 5: memory out of band, no copy --------------------------------------------


@pytest.mark.parametrize("layout", ["C order", "F order", "1-d column"])
@pytest.mark.parametrize("dtype", ["float64", "complex64", "float16", "bool", "int8"])
def test_protocol_5_hands_contiguous_memory_out_of_band_without_a_copy(
    layout: str, dtype: str
) -> None:
    if layout == "1-d column":
        t = xp.as_tensor(values(dtype, 1)[1])  # one row: contiguous, at an offset
    else:
        t, _ = tensor_in(layout, dtype, seed=1, readonly=False)
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(t, protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == 1
    raw = buffers[0].raw()
    assert np.frombuffer(raw, np.uint8).ctypes.data == t.data_ptr(), "the buffer is a copy"
    assert raw.nbytes == t.nbytes
    assert len(data) < 400, "the elements went in band"
    # Loaded over the same buffer, the tensor shares the original's memory.
    loaded = pickle.loads(data, buffers=buffers)
    assert loaded.data_ptr() == t.data_ptr()
    assert loaded.stride() == t.stride()
    np.testing.assert_array_equal(np.asarray(loaded), np.asarray(t), strict=True)


def test_protocol_5_without_a_callback_keeps_the_elements_in_band() -> None:
    t = xp.arange(1000.0)
    data = pickle.dumps(t, protocol=5)
    assert len(data) > t.nbytes
    loaded = pickle.loads(data)
    assert loaded.data_ptr() != t.data_ptr() and not loaded.is_readonly
    assert xp.all(loaded == t)


@pytest.mark.parametrize("layout", ["sliced", "transposed", "negative strides", "broadcast"])
def test_protocol_5_writes_other_layouts_in_band_as_their_elements(layout: str) -> None:
    t, a = tensor_in(layout, "float64", seed=2, readonly=False)
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(t, protocol=5, buffer_callback=buffers.append)
    if layout == "transposed":  # an F-order view: out of band like F order
        assert len(buffers) == 1
        loaded = pickle.loads(data, buffers=buffers)
    else:
        assert buffers == []
        loaded = pickle.loads(data)
    assert_same_tensor(loaded, t, a)


def test_out_of_band_read_only_buffer_gives_a_read_only_tensor() -> None:
    t = xp.arange(6.0)
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(t, protocol=5, buffer_callback=buffers.append)
    frozen = bytes(buffers[0].raw())  # the receiver got the memory read-only
    loaded = pickle.loads(data, buffers=[frozen])
    assert loaded.is_readonly
    with pytest.raises(ValueError, match="read-only"):
        loaded[0] = 1.0
    assert loaded.tolist() == t.tolist()


def test_out_of_band_read_only_tensor_exports_a_read_only_buffer() -> None:
    a = np.arange(6.0)
    a.flags.writeable = False
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(xp.as_tensor(a), protocol=5, buffer_callback=buffers.append)
    assert buffers[0].raw().readonly
    loaded = pickle.loads(data, buffers=buffers)
    assert loaded.is_readonly and np.shares_memory(np.asarray(loaded), a)


# --- deepcopy keeps sharing between the copies ------------------------------------------


def test_deepcopy_keeps_a_tensor_and_its_views_sharing_with_each_other_only() -> None:
    base = xp.reshape(xp.arange(24.0), (4, 6))
    views = [base[1:, ::2], base.T, xp.flip(base, axis=0), base[2], base[2, 3]]
    copied_base, *copied_views = copy.deepcopy([base, *views])
    for view, copied in zip(views, copied_views, strict=True):
        assert copied.stride() == view.stride()
        assert copied.storage_offset() == view.storage_offset()
        assert xp.all(copied == view)
    copied_base[...] = -copied_base
    for view, copied in zip(views, copied_views, strict=True):
        assert xp.all(copied == -view), "the copies stopped sharing memory"
    assert float(base[2, 3]) == 15.0, "the copy shares memory with the original"


def test_deepcopy_keeps_broadcast_views_read_only_over_the_shared_copy() -> None:
    base = xp.asarray([1.0, 2.0, 3.0])
    wide = xp.broadcast_to(base, (2, 3))
    copied_base, copied_wide = copy.deepcopy((base, wide))
    assert copied_wide.is_readonly and not copied_base.is_readonly
    assert copied_wide.stride() == (0, 1)
    copied_base[0] = 9.0
    assert copied_wide.tolist() == [[9.0, 2.0, 3.0]] * 2
    assert base.tolist() == [1.0, 2.0, 3.0]


def test_deepcopy_of_views_of_memory_from_dlpack_keeps_sharing() -> None:
    torch = pytest.importorskip("torch", reason="PyTorch is not installed")
    base = xp.from_dlpack(torch.arange(12.0).reshape(3, 4))
    view = base[:, 1]
    copied_base, copied_view = copy.deepcopy([base, view])
    copied_base[0, 1] = 100.0
    assert float(copied_view[0]) == 100.0
    assert float(view[0]) == 1.0


def test_deepcopy_of_size_0_and_0_d_tensors() -> None:
    empty = xp.zeros((0, 3))
    scalar = xp.asarray(2.5)
    copied_empty, copied_scalar = copy.deepcopy([empty, scalar])
    assert copied_empty.shape == (0, 3) and copied_scalar.shape == ()
    assert float(copied_scalar) == 2.5


def test_copy_copy_copies_only_the_view_s_elements_keeping_their_order() -> None:
    base = xp.asarray(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
    c = copy.copy(base)
    assert c.stride() == base.stride()  # F order kept, as NumPy's copy(order="K")
    view = base[:, 1:3]
    assert copy.copy(view).nbytes == view.nbytes


# --- devices ----------------------------------------------------------------------------


@pytest.mark.parametrize("how", sorted(ROUND_TRIPS))
def test_emulated_devices_come_back_on_their_device(emulated, how: str) -> None:
    gpu, no_float64 = emulated
    for t in (xp.asarray([[1.0, 2.0]], device=gpu), xp.asarray([1.5, 2.5], device=no_float64)):
        result = ROUND_TRIPS[how](t)
        assert result.device is t.device and result.dtype is t.dtype
        assert xp.all(result == t)


def test_emulated_tensors_load_where_emulated_devices_are_off(emulated) -> None:
    data = pickle.dumps(xp.ones(2, device=emulated[0]))
    xp.disable_emulated_devices()
    assert pickle.loads(data).device is emulated[0]


def test_devices_and_dtypes_pickle_as_themselves(emulated) -> None:
    for obj in (xp.Device("cpu"), *emulated, *ALL_DTYPES):
        assert pickle.loads(pickle.dumps(obj)) is obj


def test_cuda_tensors_come_back_on_their_gpu() -> None:
    cp = pytest.importorskip("cupy", reason="no CUDA device (cupy not installed)")
    if cp.cuda.runtime.getDeviceCount() == 0:
        pytest.skip("no CUDA device")
    t = xp.reshape(xp.arange(12.0, device="cuda"), (3, 4)).T
    for how, round_trip in ROUND_TRIPS.items():
        result = round_trip(t)
        assert result.device == t.device, how
        assert xp.all(result == t), how
        result[0, 0] = -1.0
        assert float(t[0, 0]) == 0.0, how


# --- a pickle is loaded in a fresh process ----------------------------------------------


def test_a_pickle_loads_in_a_fresh_interpreter() -> None:
    t = xp.flip(xp.reshape(xp.arange(6, dtype=xp.int16), (2, 3)), axis=1)
    data = pickle.dumps([t, xp.asarray(1 + 2j, dtype=xp.complex64)])
    assert b"xtensor._pickle" in data and b"tensor_from_pickle" in data  # the stable names
    code = (
        "import pickle, sys; t, z = pickle.loads(sys.stdin.buffer.read()); "
        "print(t.dtype, t.tolist(), z.dtype, z.item())"
    )
    done = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    expected = "xtensor.int16 [[2, 1, 0], [5, 4, 3]] xtensor.complex64 (1+2j)"
    assert done.stdout.decode().strip() == expected


# --- NumPy understands xtensor dtypes ---------------------------------------------------


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=DTYPE_NAMES)
def test_numpy_reads_xtensor_dtypes(dtype: DType) -> None:
    expected = np.dtype(dtype.name)
    assert np.dtype(dtype) == expected
    assert np.zeros(2, dtype=dtype).dtype == expected
    assert np.asarray([1, 0], dtype=dtype).dtype == expected
    assert np.arange(3).astype(dtype).dtype == expected
    assert np.empty((2, 2), dtype).dtype == expected
    assert np.can_cast(dtype, np.complex128) == np.can_cast(expected, np.complex128)


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=DTYPE_NAMES)
def test_xtensor_dtypes_equal_themselves_and_their_numpy_dtype_only(dtype: DType) -> None:
    numpy_dtype = np.dtype(dtype.name)
    assert (dtype == dtype) is True and (dtype != dtype) is False
    # NumPy's dtype equality answers for the pair, both ways round (Cubed relies on it).
    assert dtype == numpy_dtype and numpy_dtype == dtype and numpy_dtype in (dtype,)
    assert all(dtype != np.dtype(d.name) for d in ALL_DTYPES if d is not dtype)
    # ... and for nothing else: strings, NumPy scalar types, other xtensor dtypes.
    assert dtype != dtype.name and dtype != numpy_dtype.type and dtype != numpy_dtype.str
    assert [d for d in ALL_DTYPES if d == dtype] == [dtype]
    assert len({dtype, *ALL_DTYPES}) == len(ALL_DTYPES)


def test_xtensor_dtypes_are_not_equal_to_other_libraries_dtypes() -> None:
    torch = pytest.importorskip("torch", reason="PyTorch is not installed")
    assert xp.float32 != torch.float32 and torch.float32 != xp.float32


# --- 0-d tensors as Python numbers ------------------------------------------------------

NUMBERS = [2.567, -0.5, 1.5, 2.5, 1e300, -3.0, 7, -7, 0, True]


@pytest.mark.parametrize("value", NUMBERS)
@pytest.mark.parametrize("spec", [".3f", "g", ".2e", "10.4g", "+", ">8", ".1%"])
def test_format_spec_of_a_0_d_tensor_is_its_number_s(value: object, spec: str) -> None:
    t = xp.asarray(value)
    assert format(t, spec) == format(t.item(), spec)
    assert f"{t:{spec}}" == format(t.item(), spec)


def test_format_of_a_complex_0_d_tensor_and_the_empty_spec() -> None:
    z = xp.asarray(1.25 - 2j)
    assert format(z, ".2f") == "1.25-2.00j"
    t = xp.asarray([1.0, 2.0])
    assert format(t, "") == str(t) and f"{t}" == str(t)


@pytest.mark.parametrize("value", NUMBERS)
def test_round_floor_ceil_trunc_of_a_0_d_tensor_are_its_number_s(value: object) -> None:
    import math

    t = xp.asarray(value)
    number = t.item()
    assert round(t) == round(number) and type(round(t)) is int
    assert math.floor(t) == math.floor(number) and type(math.floor(t)) is int
    assert math.ceil(t) == math.ceil(number)
    assert math.trunc(t) == math.trunc(number)


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int32", "uint8"])
@pytest.mark.parametrize("ndigits", [-1, 0, 1, 2])
def test_round_with_digits_is_a_0_d_tensor_of_the_same_dtype(dtype: str, ndigits: int) -> None:
    a = np.asarray(123.456 if dtype.startswith("float") else 123, dtype=dtype)
    r = round(xp.asarray(a), ndigits)
    assert type(r) is xp.Tensor and r.shape == () and r.dtype.name == dtype
    assert r.item() == np.round(a, ndigits).item()


@pytest.mark.parametrize(
    "call",
    [
        lambda t: format(t, ".3f"),
        round,
        lambda t: round(t, 1),
        __import__("math").floor,
        __import__("math").ceil,
        __import__("math").trunc,
    ],
)
def test_number_conversions_refuse_tensors_that_are_not_0_d(call) -> None:
    for t in (xp.asarray([2.5]), xp.ones((2, 2))):
        with pytest.raises(TypeError, match=r"only a 0-d tensor .* got shape"):
            call(t)


@pytest.mark.parametrize(
    "call", [round, __import__("math").floor, __import__("math").ceil, __import__("math").trunc]
)
def test_complex_0_d_tensors_have_no_order(call) -> None:
    with pytest.raises(TypeError, match="complex tensor has no order"):
        call(xp.asarray(1 + 1j))
