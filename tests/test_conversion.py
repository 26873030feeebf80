"""asarray, as_tensor and tensor: share or copy, and why."""

import array

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp

torch = pytest.importorskip("torch")

NUMERIC_DTYPES = (
    hnp.boolean_dtypes()
    | hnp.integer_dtypes(endianness="=")
    | hnp.unsigned_integer_dtypes(endianness="=")
    | hnp.floating_dtypes(endianness="=", sizes=(16, 32, 64))
    | hnp.complex_number_dtypes(endianness="=")
)


@given(hnp.arrays(NUMERIC_DTYPES, hnp.array_shapes(min_dims=0, min_side=1)))
def test_as_tensor_shares_numpy_memory(a):
    t = xp.as_tensor(a)
    assert t.shape == a.shape
    assert t.dtype.name == a.dtype.name
    np.testing.assert_array_equal(t.numpy(), a)
    # a write through the tensor is seen by the array, and back
    flat = (0,) * a.ndim
    new = np.ones((), dtype=a.dtype) if a[flat] == 0 else np.zeros((), dtype=a.dtype)
    t[flat] = new.item()
    assert a[flat] == new
    a[flat] = 0
    assert t[flat].item() == 0


@given(hnp.arrays(NUMERIC_DTYPES, hnp.array_shapes(min_dims=0, min_side=1)))
def test_tensor_always_copies(a):
    t = xp.tensor(a)
    np.testing.assert_array_equal(t.numpy(), a)
    assert not np.shares_memory(t.numpy(), a)


def test_as_tensor_of_matching_tensor_is_itself():
    t = xp.asarray([1.0, 2.0])
    assert xp.as_tensor(t) is t
    assert xp.as_tensor(t, dtype=xp.float64) is t
    assert xp.as_tensor(t, dtype=xp.float32) is not t


def test_python_lists_are_copied_with_standard_default_dtypes():
    assert xp.asarray([True]).dtype == xp.bool
    assert xp.asarray([1, 2]).dtype == xp.int64
    assert xp.asarray([1, 2.5]).dtype == xp.float64
    assert xp.asarray([1j]).dtype == xp.complex128
    with pytest.raises(xp.CopyError, match="a copy is needed: the input is a Python list"):
        xp.asarray([1, 2], copy=False)


def test_copy_false_states_the_reason():
    a = np.arange(3, dtype=np.int64)
    with pytest.raises(ValueError, match="dtype int64 differs from the requested float32"):
        xp.asarray(a, dtype=xp.float32, copy=False)
    with pytest.raises(BufferError, match="non-native byte order"):
        xp.asarray(a.astype(">i8"), copy=False)


def test_non_native_byte_order_is_copied_to_native():
    a = np.arange(4, dtype=">f8")
    t = xp.as_tensor(a)
    assert t.dtype == xp.float64
    np.testing.assert_array_equal(t.numpy(), a)


def test_read_only_arrays_give_read_only_tensors():
    a = np.arange(3.0)
    a.flags.writeable = False
    t = xp.as_tensor(a)
    assert t.is_readonly
    with pytest.raises(ValueError, match="read-only"):
        t[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        t += 1.0
    np.testing.assert_array_equal(a, [0.0, 1.0, 2.0])


@pytest.mark.parametrize(
    "bad, error",
    [
        ("text", TypeError),
        ([1, [2, 3]], TypeError),
        (np.array(["a"]), TypeError),
        (np.array([np.datetime64("2020-01-01")]), TypeError),
        (np.zeros(2, dtype=[("a", "i4")]), TypeError),
        (np.zeros(2, dtype=object), TypeError),
        (np.zeros(2, dtype=np.longdouble), TypeError),
        (object(), TypeError),
        (2**70, OverflowError),
    ],
)
def test_unsupported_input_raises_and_names_it(bad, error):
    with pytest.raises(error, match="asarray"):
        xp.asarray(bad)


@pytest.mark.parametrize("convert", [xp.asarray, xp.as_tensor, xp.tensor])
@given(
    start=st.integers(-(2**63), 2**63 - 1),
    stop=st.integers(-(2**63), 2**63 - 1),
    step=st.integers(-(2**62), 2**62).filter(bool),
)
def test_range_converts_like_numpy(convert, start, stop, step):
    """NumPy and PyTorch take a range as the int64 tensor of its values (SciPy does
    ``as_tensor(range(n))``); xtensor computes the values, never iterates."""
    r = range(start, stop, step)
    assume(len(r) <= 1000)
    t = convert(r)
    expected = np.array(r, dtype=np.int64)
    assert t.dtype == xp.int64
    np.testing.assert_array_equal(t.numpy(), expected)


@pytest.mark.parametrize("dtype", [xp.int8, xp.uint8, xp.float32, xp.complex128, xp.bool])
def test_range_with_a_dtype_matches_numpy(dtype):
    for r in [range(5), range(0), range(10, -3, -3) if dtype is not xp.uint8 else range(9, 0, -2)]:
        t = xp.asarray(r, dtype=dtype)
        expected = np.array(r, dtype=np.dtype(dtype.name))
        assert t.dtype == dtype
        np.testing.assert_array_equal(t.numpy(), expected)


def test_range_errors():
    with pytest.raises(
        OverflowError, match=r"asarray: range\(0, 300\) has values out of range for uint8"
    ):
        xp.asarray(range(300), dtype=xp.uint8)
    with pytest.raises(OverflowError, match="as_tensor: .* out of range for int64"):
        xp.as_tensor(range(2**63, 2**63 + 2))
    with pytest.raises(
        ValueError, match=r"asarray\(copy=False\): a copy is needed: the input is a Python range"
    ):
        xp.asarray(range(3), copy=False)
    t = xp.asarray(range(3), copy=True)
    assert t.tolist() == [0, 1, 2]


def test_unknown_dtype_and_device():
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.asarray([1], dtype="float128")
    with pytest.raises(ValueError, match="unknown device"):
        xp.asarray([1], device="tpu")


# --- what shares and what copies, per input kind ------------------------------------------------

DTYPE_NAMES = [
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
]


def _address(a):
    return a.__array_interface__["data"][0]


def _values(dtype):
    v = np.arange(1, 7).reshape(2, 3)
    return (v % 2 == 0) if dtype == "bool" else v.astype(dtype)


def _other(value):
    return (not value) if isinstance(value, (bool, np.bool_)) else value + 1


@pytest.mark.parametrize("dtype", DTYPE_NAMES)
@pytest.mark.parametrize("convert", [xp.as_tensor, xp.asarray])
def test_torch_cpu_tensors_are_shared(convert, dtype):
    n = _values(dtype)
    t = torch.from_numpy(n)[:, ::2]  # strided, and writeable from NumPy
    x = convert(t)
    assert x.dtype.name == dtype and x.shape == tuple(t.shape)
    assert x.data_ptr() == t.data_ptr() and x.stride() == t.stride()
    n[0, 0] = _other(n[0, 0])
    assert x[0, 0].item() == n[0, 0]
    x[1, 1] = _other(x[1, 1].item())
    assert n[1, 2] == x[1, 1].item() == t[1, 1].item()


@pytest.mark.parametrize("dtype", DTYPE_NAMES)
def test_jax_arrays_are_shared_read_only(dtype):
    import jax
    import jax.numpy as jnp

    with jax.enable_x64(True):
        j = jnp.asarray(_values(dtype))
        for x in (xp.as_tensor(j), xp.asarray(j), xp.asarray(j, copy=False)):
            assert x.data_ptr() == j.unsafe_buffer_pointer()
            np.testing.assert_array_equal(x.numpy(), np.asarray(j))
            assert x.is_readonly  # JAX arrays are immutable
        c = xp.asarray(j, copy=True)
        assert c.data_ptr() != j.unsafe_buffer_pointer() and not c.is_readonly
        c[0, 0] = _other(c[0, 0].item())
        np.testing.assert_array_equal(np.asarray(j), _values(dtype))


def test_torch_dtype_change_copies_or_is_refused():
    t = torch.arange(3, dtype=torch.float64)
    x = xp.as_tensor(t, dtype=xp.float32)
    assert x.dtype == xp.float32 and x.tolist() == [0.0, 1.0, 2.0]
    assert x.data_ptr() != t.data_ptr()
    with pytest.raises(xp.CopyError, match="dtype float64 differs from the requested float32"):
        xp.asarray(t, dtype=xp.float32, copy=False)
    c = xp.asarray(t, copy=True)
    c[0] = 5.0
    assert t[0].item() == 0.0


@pytest.mark.parametrize("dtype", DTYPE_NAMES)
def test_numpy_scalar_is_copied_into_a_writeable_0d_tensor(dtype):
    s = _values(dtype)[0, 0]
    assert isinstance(s, np.generic)
    x = xp.as_tensor(s)
    assert x.shape == () and x.dtype.name == dtype and not x.is_readonly
    assert x.item() == s
    new = _other(s.item())
    x[()] = new
    assert x.item() == new
    with pytest.raises(xp.CopyError, match="NumPy scalar"):
        xp.asarray(s, copy=False)


@pytest.mark.parametrize(
    "make, dtype",
    [
        (lambda: bytearray(b"\x01\x02\x03"), "uint8"),
        (lambda: array.array("d", [1.0, 2.0, 3.0]), "float64"),
        (lambda: array.array("i", [1, 2, 3]), "int32"),
        (lambda: array.array("H", [1, 2, 3]), "uint16"),
        (lambda: memoryview(bytearray(b"\x01\x00\x02\x00\x03\x00")).cast("h"), "int16"),
        (lambda: memoryview(np.arange(1.0, 7.0))[::2], "float64"),
    ],
)
@pytest.mark.parametrize("convert", [xp.as_tensor, xp.asarray])
def test_writeable_buffers_are_shared(convert, make, dtype):
    buf = make()
    x = convert(buf)
    assert x.dtype.name == dtype and x.shape == (3,) and not x.is_readonly
    x[0] = 42
    assert memoryview(buf)[0] == 42
    assert xp.asarray(buf, copy=False).tolist()[0] == 42


def test_bytes_are_shared_read_only():
    data = b"\x01\x02\x03"
    x = xp.asarray(data, copy=False)
    assert x.is_readonly and x.tolist() == [1, 2, 3] and x.dtype == xp.uint8
    with pytest.raises(ValueError, match="read-only"):
        x[0] = 9
    assert data == b"\x01\x02\x03"


def test_buffer_of_unsupported_format_is_refused():
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.asarray(memoryview(b"ab").cast("c"))


@pytest.mark.parametrize("dtype", [d for d in DTYPE_NAMES if d not in ("bool", "int8", "uint8")])
def test_non_native_byte_order_is_copied_or_refused(dtype):
    swapped = _values(dtype).astype(np.dtype(dtype).newbyteorder("S"))
    before = swapped.copy()
    for x in (xp.as_tensor(swapped), xp.asarray(swapped)):
        assert x.dtype.name == dtype and x.numpy().dtype.isnative
        np.testing.assert_array_equal(x.numpy(), swapped)
        assert not np.shares_memory(x.numpy(), swapped)
    with pytest.raises(xp.CopyError, match="non-native byte order"):
        xp.asarray(swapped, copy=False)
    np.testing.assert_array_equal(swapped, before)


@pytest.mark.parametrize("dtype", ["int16", "int32", "int64", "float32", "float64", "complex128"])
def test_misaligned_data_is_copied_or_refused(dtype):
    itemsize = np.dtype(dtype).itemsize
    raw = np.zeros(itemsize * 4 + 1, dtype=np.uint8)
    misaligned = raw[1:].view(dtype)
    assert not misaligned.flags.aligned
    misaligned[...] = np.arange(4)
    x = xp.as_tensor(misaligned)
    assert x.numpy().flags.aligned
    np.testing.assert_array_equal(x.numpy(), misaligned)
    with pytest.raises(xp.CopyError, match="not aligned"):
        xp.asarray(misaligned, copy=False)


def test_as_tensor_of_tensor_is_itself_only_when_nothing_changes():
    t = xp.asarray(np.arange(3.0))
    assert xp.as_tensor(t) is t
    assert xp.as_tensor(t, device="cpu") is t
    assert xp.asarray(t) is t
    assert xp.asarray(t, copy=True) is not t
    assert xp.tensor(t) is not t and xp.tensor(t).data_ptr() != t.data_ptr()


@pytest.mark.parametrize(
    "value, dtype, name",
    [
        (2**63, None, "int64"),
        ([1, 2**63], None, "int64"),
        ([[1], [-(2**63) - 1]], None, "int64"),
        (2**64, None, "int64"),
        ((0, 2**100), None, "int64"),
        (300, xp.int8, "int8"),
        (-1, xp.uint8, "uint8"),
        (2**64, xp.uint64, "uint64"),
        ([1, 2**31], xp.int32, "int32"),
    ],
)
def test_out_of_range_python_ints_raise_overflow_error_naming_the_dtype(value, dtype, name):
    with pytest.raises(OverflowError, match=rf"out of range for {name}"):
        xp.asarray(value, dtype=dtype)


def test_python_ints_in_range_follow_the_standard_defaults():
    assert xp.asarray(2**63 - 1).dtype == xp.int64
    assert xp.asarray([-(2**63), 2**63 - 1]).dtype == xp.int64
    assert xp.asarray(2**63, dtype=xp.uint64).item() == 2**63
    assert xp.asarray([1.0, 2.0**70]).dtype == xp.float64  # large floats are floats


def test_failed_conversions_leave_the_input_untouched():
    a = np.arange(4.0)
    with pytest.raises(xp.CopyError):
        xp.asarray(a, dtype=xp.float32, copy=False)
    assert a.flags.writeable and a.tolist() == [0.0, 1.0, 2.0, 3.0]
    r = np.arange(4.0)
    r.flags.writeable = False
    x = xp.as_tensor(r)
    with pytest.raises(ValueError, match="read-only"):
        x[0] = 9.0
    assert not r.flags.writeable and r.tolist() == [0.0, 1.0, 2.0, 3.0]
    t = torch.arange(3.0)
    with pytest.raises(xp.CopyError):
        xp.asarray(t, dtype=xp.int64, copy=False)
    assert t.tolist() == [0.0, 1.0, 2.0]


class _ArrayOnly:
    """An object NumPy converts through ``__array__`` (a new array each time)."""

    def __array__(self, dtype=None, copy=None):
        if copy is False:
            raise ValueError("_ArrayOnly makes a new array on each call")
        return np.arange(3.0, dtype=dtype)


class _InterfaceOnly:
    """An object that exposes its memory through ``__array_interface__``."""

    def __init__(self, a):
        self.a = a
        self.__array_interface__ = a.__array_interface__


def test_array_protocol_objects():
    assert xp.asarray(_ArrayOnly()).tolist() == [0.0, 1.0, 2.0]
    with pytest.raises(xp.CopyError, match="new array"):
        xp.asarray(_ArrayOnly(), copy=False)
    a = np.arange(3.0)
    x = xp.asarray(_InterfaceOnly(a), copy=False)
    x[0] = 7.0
    assert a[0] == 7.0


@pytest.mark.parametrize(
    "make",
    [
        lambda: np.arange(3.0),
        lambda: torch.arange(3.0),
        lambda: bytearray(b"abc"),
        lambda: memoryview(np.arange(3.0)),
        lambda: xp.asarray([1.0, 2.0]),
    ],
)
def test_copy_true_and_tensor_never_share(make):
    obj = make()
    for x in (xp.asarray(obj, copy=True), xp.tensor(obj)):
        before = np.array(
            memoryview(obj) if not hasattr(obj, "__dlpack__") else np.from_dlpack(obj)
        )
        x[0] = x[0].item() + 1 if x.dtype != xp.bool else True
        after = np.array(memoryview(obj) if not hasattr(obj, "__dlpack__") else np.from_dlpack(obj))
        np.testing.assert_array_equal(before, after)
        assert not x.is_readonly


def test_unsupported_dlpack_dtype_is_refused_naming_the_entry_point():
    for convert, name in ((xp.asarray, "asarray"), (xp.as_tensor, "as_tensor")):
        with pytest.raises(BufferError, match=rf"{name}: DLPack dtype bfloat with 16 bits"):
            convert(torch.zeros(2, dtype=torch.bfloat16))
