"""asarray, as_tensor and tensor: share or copy, and why."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis.extra import numpy as hnp

import xtensor as xp

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


def test_unknown_dtype_and_device():
    with pytest.raises(TypeError, match="unsupported dtype"):
        xp.asarray([1], dtype="float128")
    with pytest.raises(ValueError, match="unknown device"):
        xp.asarray([1], device="tpu")
