"""Error classes at the edges of DLPack.

Whatever DLPack cannot describe, or xtensor cannot hold, is a BufferError whose
message names what is unsupported (the dtype, the lanes, the device) and the entry
point; "copy=False but a copy is needed" is ``xtensor.CopyError``, both a
BufferError and a ValueError (see ``test_copy_and_device.py``).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi

from ._capsules import HandMade
from ._support import collect, need

ENTRY_POINTS = [xp.from_dlpack, xp.asarray, xp.as_tensor]


def _torch_dtypes():
    torch = need("torch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # complex32 is "experimental"
        return {
            "bfloat16": (torch.zeros(3, dtype=torch.bfloat16), "bfloat with 16 bits"),
            "float8_e4m3fn": (torch.zeros(3, dtype=torch.float8_e4m3fn), "float8_e4m3fn"),
            "float8_e5m2": (torch.zeros(3, dtype=torch.float8_e5m2), "float8_e5m2"),
            "complex32": (torch.zeros(3, dtype=torch.complex32), "complex with 32 bits"),
        }


def _jax_dtypes():
    jnp = need("jax.numpy")
    return {
        "bfloat16": (jnp.zeros(3, jnp.bfloat16), "bfloat with 16 bits"),
        "float8_e4m3fn": (jnp.zeros(3, jnp.float8_e4m3fn), "float8_e4m3fn"),
        "float8_e5m2": (jnp.zeros(3, jnp.float8_e5m2), "float8_e5m2"),
    }


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", ["bfloat16", "float8_e4m3fn", "float8_e5m2", "complex32"])
def test_torch_dtypes_xtensor_cannot_hold_are_buffer_errors_naming_them(entry, dtype):
    array, words = _torch_dtypes()[dtype]
    with pytest.raises(BufferError, match=f"{entry.__name__}: DLPack dtype {words}"):
        entry(array)


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", ["bfloat16", "float8_e4m3fn", "float8_e5m2"])
def test_jax_dtypes_xtensor_cannot_hold_are_buffer_errors_naming_them(entry, dtype):
    array, words = _jax_dtypes()[dtype]
    with pytest.raises(BufferError, match=f"{entry.__name__}: DLPack dtype {words}"):
        entry(array)


@pytest.mark.parametrize("dtype", [np.longdouble, "M8[s]", object, "U3", [("a", "i4")]])
def test_numpy_dtypes_dlpack_cannot_describe(dtype):
    a = np.zeros(2, dtype=dtype)
    with pytest.raises(BufferError):  # NumPy refuses to export them
        xp.from_dlpack(a)
    for entry in (xp.asarray, xp.as_tensor):  # not DLPack: the dtype is a TypeError
        with pytest.raises(TypeError, match=f"{entry.__name__}: unsupported dtype"):
            entry(a)


@pytest.mark.parametrize(
    "dtype, flags, words",
    [
        ((2, 32, 4), 0, r"float with 32 bits \(type code 2\) and 4 lanes"),
        ((0, 4, 1), 0, "int with 4 bits"),
        ((17, 4, 1), abi.IS_SUBBYTE_TYPE_PADDED, "float4_e2m1fn"),
        ((1, 1, 1), abi.IS_SUBBYTE_TYPE_PADDED, "uint with 1 bits"),
        ((3, 64, 1), 0, "opaque handle"),
        ((42, 8, 1), 0, "unknown with 8 bits"),
        ((6, 1, 1), 0, "bool with 1 bits"),
    ],
)
def test_what_no_peer_makes_is_refused_by_name_and_freed(dtype, flags, words):
    h = HandMade(np.zeros(16, dtype=np.uint8), dtype=dtype, flags=flags)
    for entry in ENTRY_POINTS:
        with pytest.raises(BufferError, match=f"{entry.__name__}: DLPack dtype {words}"):
            entry(h)
    collect()
    assert h.made == 3 and h.deleted == 3  # refused unconsumed: each destructor ran


@pytest.mark.parametrize(
    "device, name", [(4, "OpenCL"), (7, "Vulkan"), (8, "Metal"), (10, "ROCm"), (14, "oneAPI")]
)
def test_devices_xtensor_cannot_reach_are_buffer_errors_naming_them(device, name):
    h = HandMade(np.zeros(3), device=(device, 0))
    for entry in ENTRY_POINTS:
        with pytest.raises(BufferError, match=rf"device type {device} \({name}\)"):
            entry(h)
    assert h.made == 0  # refused from __dlpack_device__, before any capsule was made


def test_exports_dlpack_cannot_describe_are_buffer_errors():
    read_only = xp.as_tensor(np.broadcast_to(np.arange(3.0), (2, 3)))
    with pytest.raises(BufferError, match="read-only"):
        read_only.__dlpack__()  # a legacy capsule cannot say read-only
    with pytest.raises(BufferError, match="DLPack device"):
        xp.asarray([1.0]).__dlpack__(dl_device=(2, 0))


def test_a_non_capsule_from_dlpack_is_a_buffer_error():
    class Liar:
        def __dlpack__(self, **kwargs):
            return b"not a capsule"

        def __dlpack_device__(self):
            return (1, 0)

    for entry in ENTRY_POINTS:
        with pytest.raises(BufferError, match="not a PyCapsule"):
            entry(Liar())


def test_errors_from_producers_pass_through_unchanged():
    # a producer's own refusal is not disguised (JAX has no DLPack code for int4)
    jnp = need("jax.numpy")
    with pytest.raises(Exception, match="DLPack") as info:
        xp.from_dlpack(jnp.zeros(2, jnp.int4))
    assert not isinstance(info.value, TypeError)  # it is not mistaken for an old producer
