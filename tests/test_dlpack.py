"""DLPack: Tensor.__dlpack__, __dlpack_device__ and from_dlpack, corner by corner.

Capsules are read here with ctypes (the structs of ``xtensor._dlpack_abi``, read by
this file's own code, not xtensor's reader) and built by hand for the cases no
library produces (another major version, NULL strides, a byte offset, unusual
devices and dtypes). Sharing is proven by writing through one side and reading the
other, never by comparing printed values.
"""

from __future__ import annotations

import ctypes
import enum
import gc
import inspect
import weakref
from typing import Any, NamedTuple

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor._backend import cupy_or_none
from xtensor._dlpack import cpu_export_version

torch = pytest.importorskip("torch")
jax = pytest.importorskip("jax")
jnp = pytest.importorskip("jax.numpy")
xs = pytest.importorskip("array_api_strict")

XTENSOR_VERSION = (1, 3)  # the max_version xtensor asks producers for

DTYPES = [
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
# DLPack (code, bits, lanes) of each dtype, from dlpack.h.
DL_DTYPES = {
    "bool": (6, 8, 1),
    "int8": (0, 8, 1),
    "int16": (0, 16, 1),
    "int32": (0, 32, 1),
    "int64": (0, 64, 1),
    "uint8": (1, 8, 1),
    "uint16": (1, 16, 1),
    "uint32": (1, 32, 1),
    "uint64": (1, 64, 1),
    "float16": (2, 16, 1),
    "float32": (2, 32, 1),
    "float64": (2, 64, 1),
    "complex64": (5, 64, 1),
    "complex128": (5, 128, 1),
}

cuda = pytest.mark.skipif(cupy_or_none() is None, reason="no CUDA device")


# --- helpers ----------------------------------------------------------------------------


class Capsule(NamedTuple):
    name: bytes
    version: tuple[int, int] | None
    flags: int | None
    device: tuple[int, int]
    ndim: int
    dtype: tuple[int, int, int]
    shape: tuple[int, ...] | None  # None: NULL
    strides: tuple[int, ...] | None  # None: NULL
    byte_offset: int
    data: int


def read(capsule: Any) -> Capsule:
    """Every field of a DLPack capsule, read with ctypes."""
    name = abi.capsule_name(capsule)
    pointer = abi.capsule_pointer(capsule, name)
    if name == abi.VERSIONED_NAME:
        managed: Any = abi.DLManagedTensorVersioned.from_address(pointer)
        version, flags = (managed.version.major, managed.version.minor), managed.flags
    else:
        managed = abi.DLManagedTensor.from_address(pointer)
        version, flags = None, None
    t = managed.dl_tensor
    return Capsule(
        name=name,
        version=version,
        flags=flags,
        device=(t.device.device_type, t.device.device_id),
        ndim=t.ndim,
        dtype=(t.dtype.code, t.dtype.bits, t.dtype.lanes),
        shape=tuple(t.shape[i] for i in range(t.ndim)) if t.shape else None,
        strides=tuple(t.strides[i] for i in range(t.ndim)) if t.strides else None,
        byte_offset=t.byte_offset,
        data=t.data or 0,
    )


def address(a: Any) -> int:
    return int(a.__array_interface__["data"][0])


def base_array(dtype: str) -> np.ndarray:
    """A writeable (3, 4) array of ``dtype`` with distinct values where it can."""
    values = np.arange(1, 13).reshape(3, 4)
    if dtype == "bool":
        return values % 2 == 0
    if dtype.startswith("complex"):
        return (values + 1j * values[::-1]).astype(dtype)
    return values.astype(dtype)


def changed(value: Any) -> Any:
    """A value of the same dtype that differs from ``value``."""
    if isinstance(value, (bool, np.bool_)):
        return not value
    return value + 1


# Layouts over a (3, 4) base: (view, index in the base of the view's first element).
LAYOUTS = {
    "contiguous": (lambda b: b, (0, 0)),
    "sliced": (lambda b: b[1:, ::2], (1, 0)),
    "transposed": (lambda b: b.T, (0, 0)),
    "broadcast": (lambda b: np.broadcast_to(b[0], (3, 4)), (0, 0)),
    "flipped": (lambda b: b[::-1, ::-2], (2, 3)),
    "size0": (lambda b: b[:, :0], None),
    "0d": (lambda b: b[1, 2, ...], (1, 2)),
    "size1": (lambda b: b[1:2, :], (1, 0)),
}


def layout(dtype: str, name: str) -> tuple[np.ndarray, np.ndarray, tuple[int, ...] | None]:
    """(base, view, first): a NumPy view of ``base`` with the named layout."""
    b = base_array(dtype)
    make, first = LAYOUTS[name]
    return b, make(b), first


def first_of(a: Any) -> tuple[int, ...]:
    return (0,) * a.ndim


# Hand-built capsules: NumPy's capsule for a base array, with fields rewritten through
# ctypes and a counting deleter that calls NumPy's. NumPy's capsule destructor saves a
# pending exception and calls the deleter only while the capsule is unconsumed, so a
# Python callback can serve as the deleter. Producers live for the whole session:
# their callbacks may be called late.
_PRODUCERS: list[Hand] = []


class Hand:
    """A DLPack producer whose capsule is built by hand."""

    def __init__(
        self,
        base: np.ndarray,
        *,
        versioned: bool = True,
        device: tuple[int, int] = (1, 0),
        reported_device: tuple[int, int] | None = None,
        version: tuple[int, int] | None = None,
        flags: int | None = None,
        dtype: tuple[int, int, int] | None = None,
        shape: tuple[int, ...] | None = None,
        strides: Any = "keep",
        data: int | None = None,
        byte_offset: int | None = None,
    ) -> None:
        self.base = base
        self.deleted = 0
        self.calls: list[dict[str, Any]] = []
        self.name = abi.VERSIONED_NAME if versioned else abi.LEGACY_NAME
        self.capsule = base.__dlpack__(max_version=(1, 0) if versioned else None)
        struct = abi.DLManagedTensorVersioned if versioned else abi.DLManagedTensor
        managed: Any = struct.from_address(abi.capsule_pointer(self.capsule, self.name))
        proto = abi.VERSIONED_DELETER if versioned else abi.DELETER
        # a copy of NumPy's function pointer (the field itself is overwritten next)
        self._numpy_deleter = proto(ctypes.cast(managed.deleter, ctypes.c_void_p).value)
        self._deleter = proto(self._delete)
        managed.deleter = self._deleter
        t = managed.dl_tensor
        t.device.device_type, t.device.device_id = device
        self.device = device if reported_device is None else reported_device
        if version is not None:
            managed.version.major, managed.version.minor = version
        if flags is not None:
            managed.flags = flags
        if dtype is not None:
            t.dtype.code, t.dtype.bits, t.dtype.lanes = dtype
        if shape is not None:
            t.ndim = len(shape)
            self._shape = (ctypes.c_int64 * max(1, len(shape)))(*shape)
            t.shape = ctypes.cast(self._shape, ctypes.POINTER(ctypes.c_int64))
        if strides is None:
            t.strides = None
        elif strides != "keep":
            self._strides = (ctypes.c_int64 * max(1, len(strides)))(*strides)
            t.strides = ctypes.cast(self._strides, ctypes.POINTER(ctypes.c_int64))
        if data is not None:
            t.data = data
        if byte_offset is not None:
            t.byte_offset = byte_offset
        _PRODUCERS.append(self)

    def _delete(self, managed: Any) -> None:
        self.deleted += 1
        self._numpy_deleter(managed)

    def __dlpack__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        return self.capsule

    def __dlpack_device__(self) -> tuple[int, int]:
        return self.device

    def drop(self) -> None:
        """Let go of the capsule (its destructor runs if nothing else holds it)."""
        self.capsule = None
        gc.collect()


class Recorder:
    """A producer that records the keywords it was called with and delegates to NumPy.

    ``old``: it knows only ``stream`` (a producer from before DLPack 1.0).
    ``legacy``: it answers every request with a legacy capsule (as JAX does).
    """

    def __init__(self, a: np.ndarray, *, old: bool = False, legacy: bool = False) -> None:
        self.a = a
        self.old = old
        self.legacy = legacy
        self.calls: list[dict[str, Any]] = []

    def __dlpack__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if self.old and set(kwargs) - {"stream"}:
            raise TypeError(f"__dlpack__() got an unexpected keyword argument {next(iter(kwargs))}")
        if self.legacy:
            return self.a.__dlpack__()
        return self.a.__dlpack__(**kwargs)

    def __dlpack_device__(self) -> tuple[int, int]:
        return (1, 0)


# --- the producer: Tensor.__dlpack__ -----------------------------------------------------


def test_signatures_match_the_standard():
    params = inspect.signature(xp.Tensor.__dlpack__).parameters
    assert [(p.name, p.kind, p.default) for p in params.values()] == [
        ("self", inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.empty),
        ("stream", inspect.Parameter.KEYWORD_ONLY, None),
        ("max_version", inspect.Parameter.KEYWORD_ONLY, None),
        ("dl_device", inspect.Parameter.KEYWORD_ONLY, None),
        ("copy", inspect.Parameter.KEYWORD_ONLY, None),
    ]
    params = inspect.signature(xp.from_dlpack).parameters
    assert [(p.name, p.kind, p.default) for p in params.values()] == [
        ("x", inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.empty),
        ("device", inspect.Parameter.KEYWORD_ONLY, None),
        ("copy", inspect.Parameter.KEYWORD_ONLY, None),
    ]


def test_unknown_keywords_raise_type_error():
    t = xp.asarray([1.0])
    with pytest.raises(TypeError):
        t.__dlpack__(foo=1)
    with pytest.raises(TypeError):
        t.__dlpack__((1, 0))  # keyword-only


def test_dlpack_device_is_cpu():
    assert xp.asarray([1]).__dlpack_device__() == (1, 0)


@pytest.mark.parametrize("max_version", [None, (0, 8), (0, 0)])
def test_legacy_capsule_without_max_version_1(max_version):
    t = xp.asarray(np.arange(3.0))
    assert read(t.__dlpack__(max_version=max_version)).name == b"dltensor"


@pytest.mark.parametrize("max_version", [(1, 0), (1, 1), (1, 99), (2, 0), (7, 3)])
def test_versioned_capsule_carries_its_builders_version_not_the_consumers(max_version):
    t = xp.asarray(np.arange(3.0))
    cap = read(t.__dlpack__(max_version=max_version))
    assert cap.name == b"dltensor_versioned"
    assert cap.version == cpu_export_version()


@pytest.mark.parametrize("max_version", [[1, 0], (1,), (1, 0, 0), "1.0", (1.0, 0), (True, 0)])
def test_malformed_max_version_raises_type_error(max_version):
    with pytest.raises(TypeError, match="max_version"):
        xp.asarray([1.0]).__dlpack__(max_version=max_version)


@pytest.mark.parametrize("name", list(LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPES)
def test_exported_capsule_describes_the_tensor_exactly(dtype, name):
    b, v, _ = layout(dtype, name)
    t = xp.as_tensor(v)
    cap = read(t.__dlpack__(max_version=(1, 0)))
    assert cap.name == b"dltensor_versioned"
    assert cap.version == cpu_export_version()
    assert cap.device == (1, 0)
    assert cap.dtype == DL_DTYPES[dtype]
    assert cap.ndim == v.ndim
    assert cap.flags == (0 if v.flags.writeable else abi.READ_ONLY)
    if v.ndim == 0:
        assert cap.shape is None and cap.strides is None
    else:
        assert cap.shape == v.shape
        assert cap.strides is not None  # required for ndim > 0 since DLPack 1.2
        if v.size:
            assert cap.strides == tuple(s // v.itemsize for s in v.strides)
    if v.size:
        assert cap.data + cap.byte_offset == address(v)


@pytest.mark.parametrize("name", list(LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPES)
def test_legacy_capsule_only_for_writeable_tensors(dtype, name):
    _, v, _ = layout(dtype, name)
    t = xp.as_tensor(v)
    if not v.flags.writeable:
        with pytest.raises(BufferError, match="read-only"):
            t.__dlpack__()
        # a copy can be described by a legacy capsule
        cap = read(t.__dlpack__(copy=True))
        assert cap.name == b"dltensor"
        return
    cap = read(t.__dlpack__())
    assert (
        cap.name == b"dltensor" and cap.dtype == DL_DTYPES[dtype] and cap.shape == (v.shape or None)
    )
    if v.size:
        assert cap.data + cap.byte_offset == address(v)


@pytest.mark.parametrize("max_version", [None, (1, 0)])
@pytest.mark.parametrize("copy", [None, False, True])
def test_is_copied_exactly_when_copied(copy, max_version):
    a = np.arange(6.0).reshape(2, 3)[:, ::2]
    t = xp.as_tensor(a)
    for dl_device in (None, (1, 0)):
        capsule = t.__dlpack__(max_version=max_version, copy=copy, dl_device=dl_device)
        cap = read(capsule)
        if max_version is not None:
            assert cap.flags == (abi.IS_COPIED if copy else 0)
        assert (cap.data + cap.byte_offset != address(a)) == bool(copy)
        n = xp.from_dlpack(_Once(capsule))  # NumPy would import a legacy capsule read-only
        np.testing.assert_array_equal(n.numpy(), a)
        n[0, 0] = 99.0
        assert (a[0, 0] == 99.0) == (not copy)
        a[0, 0] = 0.0


class _Once:
    """Hands a capsule already obtained to a consumer."""

    def __init__(self, capsule: Any) -> None:
        self.capsule = capsule

    def __dlpack__(self, **_: Any) -> Any:
        return self.capsule

    def __dlpack_device__(self) -> tuple[int, int]:
        return read(self.capsule).device


def test_read_only_tensor_exports_read_only_flag_and_copy_is_writeable():
    a = np.arange(3.0)
    a.flags.writeable = False
    t = xp.as_tensor(a)
    assert read(t.__dlpack__(max_version=(1, 0))).flags == abi.READ_ONLY
    assert read(t.__dlpack__(max_version=(1, 0), copy=True)).flags == abi.IS_COPIED
    with pytest.raises(BufferError, match="read-only"):
        t.__dlpack__(max_version=(0, 8))


@pytest.mark.parametrize("dl_device", [(2, 0), (10, 0), (1, 1), (3, 0), (13, 0)])
def test_dl_device_other_than_own_or_host_is_refused(dl_device):
    with pytest.raises(BufferError, match=r"DLPack device"):
        xp.asarray([1.0]).__dlpack__(max_version=(1, 0), dl_device=dl_device)


class DLDeviceType(enum.IntEnum):
    kDLCPU = 1


class PlainDeviceType(enum.Enum):
    kDLCPU = 1


@pytest.mark.parametrize("kind", [1, DLDeviceType.kDLCPU, PlainDeviceType.kDLCPU])
def test_dl_device_host_shares_on_cpu(kind):
    a = np.arange(3.0)
    cap = read(xp.as_tensor(a).__dlpack__(max_version=(1, 0), dl_device=(kind, 0), copy=False))
    assert cap.data == address(a) and cap.flags == 0


@pytest.mark.parametrize("dl_device", [1, (1,), (1, 0, 0), ("cpu", 0), [1, 0], (1.0, 0)])
def test_malformed_dl_device_raises_type_error(dl_device):
    with pytest.raises(TypeError, match="dl_device"):
        xp.asarray([1.0]).__dlpack__(max_version=(1, 0), dl_device=dl_device)


@pytest.mark.parametrize("stream", [0, 1, 2, -1, 12345])
def test_cpu_accepts_only_stream_none(stream):
    t = xp.asarray([1.0])
    with pytest.raises(ValueError, match="stream must be None"):
        t.__dlpack__(stream=stream)
    assert read(t.__dlpack__(stream=None)).name == b"dltensor"


@pytest.mark.parametrize("copy", [0, 1, "yes"])
def test_copy_must_be_a_bool_or_none(copy):
    with pytest.raises(ValueError, match="copy must be"):
        xp.asarray([1.0]).__dlpack__(copy=copy)


def test_copy_error_is_both_buffer_error_and_value_error():
    assert issubclass(xp.CopyError, BufferError)
    assert issubclass(xp.CopyError, ValueError)


def test_capsule_keeps_memory_alive():
    a = np.arange(4.0)
    owner = weakref.ref(a)
    t = xp.as_tensor(a)
    capsule = t.__dlpack__(max_version=(1, 0))
    del a, t
    gc.collect()
    assert owner() is not None
    n = np.from_dlpack(_Once(capsule))
    del capsule
    gc.collect()
    assert owner() is not None
    np.testing.assert_array_equal(n, [0.0, 1.0, 2.0, 3.0])
    del n
    gc.collect()
    assert owner() is None


# --- peers consume xtensor tensors -----------------------------------------------------------


@pytest.mark.parametrize("name", list(LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPES)
def test_numpy_from_dlpack_shares(dtype, name):
    b, v, first = layout(dtype, name)
    t = xp.as_tensor(v)
    n = np.from_dlpack(t)
    assert n.shape == v.shape and n.dtype == v.dtype
    assert n.flags.writeable == v.flags.writeable
    np.testing.assert_array_equal(n, v)
    if first is None:
        return
    assert address(n) == t.data_ptr() == address(v)
    b[first] = changed(b[first])  # through the base: seen by the tensor and the consumer
    assert n[first_of(n)] == b[first] and t[first_of(n)].item() == b[first]
    if n.flags.writeable:
        n[first_of(n)] = changed(n[first_of(n)])  # through the consumer: seen by the base
        assert b[first] == n[first_of(n)]


@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_torch_from_dlpack_shares_what_it_can_take_safely(dtype, name):
    b, v, first = layout(dtype, name)
    t = xp.as_tensor(v)
    tt = torch.from_dlpack(t)
    assert tuple(tt.shape) == v.shape
    assert tt.tolist() == v.tolist()
    if first is None:
        return
    if t.is_readonly or any(s < 0 for s in t.stride()):
        # PyTorch ignores READ_ONLY and aborts the process on negative strides: it is
        # given a copy (xtensor._peer_gaps), which a write to the base does not reach.
        assert tt.data_ptr() != t.data_ptr()
        before = tt.tolist()
        b[first] = changed(b[first])
        assert tt.tolist() == before
        return
    assert tt.data_ptr() == t.data_ptr()
    assert tt.stride() == t.stride()
    b[first] = changed(b[first])
    assert tt[first_of(v)].item() == b[first].item()
    if dtype not in ("uint16", "uint32", "uint64"):
        tt[first_of(v)] = changed(tt[first_of(v)].item())
        assert b[first].item() == tt[first_of(v)].item()


@pytest.mark.parametrize("dtype", DTYPES)
def test_jax_from_dlpack_reads_xtensor(dtype):
    with jax.enable_x64(True):
        _, v, _ = layout(dtype, "contiguous")
        j = jnp.from_dlpack(xp.as_tensor(v))
        assert j.dtype == v.dtype
        np.testing.assert_array_equal(np.asarray(j), v)


def test_jax_consumer_of_read_only_tensors():
    # JAX asks for legacy capsules only, which cannot say read-only. Its arrays are
    # immutable, so it gets read-only memory (xtensor._peer_gaps); a broadcast view,
    # which JAX could not take, is refused with advice that works.
    frozen = np.arange(6.0, dtype=np.float32).reshape(2, 3)
    frozen.flags.writeable = False
    np.testing.assert_array_equal(np.asarray(jnp.from_dlpack(xp.as_tensor(frozen))), frozen)
    t = xp.as_tensor(np.broadcast_to(np.arange(3.0, dtype=np.float32), (2, 3)))
    with pytest.raises(BufferError, match=r"read-only.*xtensor\.tensor\(x\)"):
        jnp.from_dlpack(t)
    np.testing.assert_array_equal(np.asarray(jnp.from_dlpack(xp.tensor(t))), t.numpy())


STRICT_DTYPES = [d for d in DTYPES if d != "float16"]  # array-api-strict has no float16


@pytest.mark.parametrize("dtype", STRICT_DTYPES)
def test_array_api_strict_from_dlpack_shares(dtype):
    b = base_array(dtype)
    x = xs.from_dlpack(xp.as_tensor(b))
    n = np.from_dlpack(x)
    assert address(n) == address(b)
    b[0, 0] = changed(b[0, 0])
    assert n[0, 0] == b[0, 0]


# --- xtensor consumes the peers' arrays --------------------------------------------------------


@pytest.mark.parametrize("name", list(LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPES)
def test_from_numpy_shares(dtype, name):
    b, v, first = layout(dtype, name)
    t = xp.from_dlpack(v)
    assert t.shape == v.shape and t.dtype.name == dtype
    assert t.is_readonly == (not v.flags.writeable)
    np.testing.assert_array_equal(t.numpy(), v)
    if first is None:
        return
    assert t.data_ptr() == address(v)
    assert t.stride() == tuple(s // v.itemsize for s in v.strides)
    b[first] = changed(b[first])
    assert t[first_of(v)].item() == b[first]
    if not t.is_readonly:
        t[first_of(v)] = changed(t[first_of(v)].item())
        assert b[first] == t[first_of(v)].item()
    else:
        with pytest.raises(ValueError, match="read-only"):
            t[first_of(v)] = changed(t[first_of(v)].item())


TORCH_LAYOUTS = {
    "contiguous": (lambda b: b, (0, 0)),
    "sliced": (lambda b: b[1:, ::2], (1, 0)),
    "transposed": (lambda b: b.T, (0, 0)),
    "broadcast": (lambda b: b[0].expand(3, 4), (0, 0)),
    "size0": (lambda b: b[:, :0], None),
    "0d": (lambda b: b[1, 2], (1, 2)),
    "size1": (lambda b: b[1:2, :], (1, 0)),
}


@pytest.mark.parametrize("name", list(TORCH_LAYOUTS))
@pytest.mark.parametrize("dtype", DTYPES)
def test_from_torch_shares(dtype, name):
    make, first = TORCH_LAYOUTS[name]
    n = base_array(dtype)
    b = torch.from_numpy(n)  # n is the base's memory, writeable from NumPy
    v = make(b)
    t = xp.from_dlpack(v)
    assert t.shape == tuple(v.shape) and t.dtype.name == dtype
    assert t.tolist() == v.tolist()
    if first is None:
        return
    assert t.data_ptr() == v.data_ptr()
    assert t.stride() == v.stride()
    n[first] = changed(n[first])
    assert t[first_of(t)].item() == n[first].item() == v[first_of(t)].item()
    if name != "broadcast":  # never write through zero strides
        t[first_of(t)] = changed(t[first_of(t)].item())
        assert n[first].item() == t[first_of(t)].item()


@pytest.mark.parametrize("shape", [(3, 4), (), (0, 3)])
@pytest.mark.parametrize("dtype", DTYPES)
def test_from_jax_shares_read_only(dtype, shape):
    # JAX arrays are immutable: sharing is shown by the data pointer and the values,
    # and the tensor refuses writes.
    with jax.enable_x64(True):
        values = base_array(dtype).reshape(-1)[: int(np.prod(shape))].reshape(shape)
        j = jnp.asarray(values)
        t = xp.from_dlpack(j)
        assert t.dtype.name == dtype and t.shape == shape
        np.testing.assert_array_equal(t.numpy(), np.asarray(j))
        assert t.is_readonly
        if t.size:
            assert t.data_ptr() == j.unsafe_buffer_pointer()
            with pytest.raises(ValueError, match="read-only"):
                t[first_of(t)] = changed(t[first_of(t)].item())


@pytest.mark.parametrize("dtype", DTYPES)
def test_from_jax_copy_is_writeable(dtype):
    with jax.enable_x64(True):
        j = jnp.asarray(base_array(dtype))
        t = xp.from_dlpack(j, copy=True)
        assert not t.is_readonly and t.data_ptr() != j.unsafe_buffer_pointer()
        np.testing.assert_array_equal(t.numpy(), np.asarray(j))


STRICT_LAYOUTS = {
    "contiguous": (lambda x: x, (0, 0)),
    "sliced": (lambda x: x[1:, ::2], (1, 0)),
    "transposed": (lambda x: xs.permute_dims(x, (1, 0)), (0, 0)),
    "size0": (lambda x: x[:, :0], None),
    "0d": (lambda x: x[1, 2], (1, 2)),
}


@pytest.mark.parametrize("name", list(STRICT_LAYOUTS))
@pytest.mark.parametrize("dtype", STRICT_DTYPES)
def test_from_array_api_strict_shares(dtype, name):
    make, first = STRICT_LAYOUTS[name]
    x = make(xs.asarray(base_array(dtype)))
    n = np.from_dlpack(x)  # the strict array's own memory, to write through
    t = xp.from_dlpack(x)
    assert t.shape == tuple(x.shape)
    np.testing.assert_array_equal(t.numpy(), n)
    if first is None:
        return
    assert t.data_ptr() == address(n)
    t[first_of(t)] = changed(t[first_of(t)].item())
    assert n[first_of(n)] == t[first_of(t)].item()


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_from_xtensor_shares_and_keeps_read_only(name):
    b, v, first = layout("float64", name)
    t = xp.as_tensor(v)
    u = xp.from_dlpack(t)
    assert u is not t
    assert u.is_readonly == t.is_readonly
    np.testing.assert_array_equal(u.numpy(), v)
    if first is not None:
        assert u.data_ptr() == t.data_ptr()
        b[first] += 1
        assert u[first_of(v)].item() == b[first]


@given(
    hnp.arrays(
        st.sampled_from([np.dtype(d) for d in DTYPES]),
        hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=5),
    ).flatmap(lambda a: st.tuples(st.just(a), hnp.basic_indices(a.shape, allow_newaxis=True)))
)
def test_round_trip_of_any_strided_view_shares(case):
    a, index = case
    v = a[index]
    if not isinstance(v, np.ndarray):
        v = a[(*index, ...)] if isinstance(index, tuple) else a[index, ...]
    t = xp.from_dlpack(v)
    for out in (np.from_dlpack(t), xp.from_dlpack(t).numpy()):
        assert out.shape == v.shape and out.dtype == v.dtype
        np.testing.assert_array_equal(out, v)
        if v.size:
            assert address(out) == address(v)
            assert out.strides == v.strides or v.size == 1


# --- negotiation: what from_dlpack asks a producer for ------------------------------------------


def test_from_dlpack_asks_for_our_max_version_and_nothing_else():
    r = Recorder(np.arange(3.0))
    xp.from_dlpack(r)
    assert r.calls == [{"max_version": XTENSOR_VERSION}]


def test_from_dlpack_passes_copy_false_on_and_never_a_stream_to_a_cpu_producer():
    a = np.arange(3.0)
    r = Recorder(a)
    t = xp.from_dlpack(r, copy=False, device="cpu")
    assert r.calls == [{"max_version": XTENSOR_VERSION, "copy": False}]
    assert t.data_ptr() == address(a)


def test_copy_true_copies_exactly_once_here():
    a = np.arange(3.0)
    r = Recorder(a)
    t = xp.from_dlpack(r, copy=True)
    assert r.calls == [{"max_version": XTENSOR_VERSION}]
    assert t.data_ptr() != address(a) and not t.is_readonly
    t[0] = 5.0
    assert a[0] == 0.0


def test_producer_without_new_keywords_is_asked_again_without_them():
    a = np.arange(3.0)
    r = Recorder(a, old=True)
    t = xp.from_dlpack(r, copy=False)
    assert r.calls == [{"max_version": XTENSOR_VERSION, "copy": False}, {}]
    assert t.data_ptr() == address(a)


def test_legacy_answer_to_a_versioned_request_is_read_by_its_name():
    a = np.arange(3.0)
    r = Recorder(a, legacy=True)
    t = xp.from_dlpack(r)
    assert r.calls == [{"max_version": XTENSOR_VERSION}]
    assert t.data_ptr() == address(a)
    t[1] = 7.0
    assert a[1] == 7.0


def test_from_dlpack_needs_both_protocol_methods():
    with pytest.raises(AttributeError, match="__dlpack_device__"):
        xp.from_dlpack([1, 2])

    class NoDevice:
        def __dlpack__(self, **kwargs):
            return np.arange(2.0).__dlpack__(**kwargs)

    with pytest.raises(AttributeError, match="__dlpack_device__"):
        xp.from_dlpack(NoDevice())


@pytest.mark.parametrize("copy", [0, 1, "no"])
def test_from_dlpack_copy_must_be_a_bool_or_none(copy):
    with pytest.raises(TypeError, match="from_dlpack: copy must be True, False or None"):
        xp.from_dlpack(np.arange(2.0), copy=copy)


def test_from_dlpack_device_cpu_shares():
    a = np.arange(3.0)
    assert xp.from_dlpack(a, device="cpu").data_ptr() == address(a)
    assert xp.from_dlpack(a, device=xp.Device("cpu"), copy=False).data_ptr() == address(a)


def test_producer_memory_lives_while_a_view_does():
    a = np.arange(5.0)
    owner = weakref.ref(a)
    t = xp.from_dlpack(a)
    view = t[1:]
    del a, t
    gc.collect()
    assert owner() is not None
    assert view.tolist() == [1.0, 2.0, 3.0, 4.0]
    del view
    gc.collect()
    assert owner() is None


# --- hand-built capsules -------------------------------------------------------------------------


def test_consumed_capsule_is_renamed_and_deleted_once_when_the_last_view_dies():
    h = Hand(np.arange(6.0))
    t = xp.from_dlpack(h)
    assert abi.capsule_name(h.capsule) == abi.USED_VERSIONED_NAME
    view = t[2:]
    del t
    h.drop()
    assert h.deleted == 0
    assert view.tolist() == [2.0, 3.0, 4.0, 5.0]
    del view
    gc.collect()
    assert h.deleted == 1


def test_legacy_capsule_is_renamed_and_deleted_once():
    h = Hand(np.arange(6.0), versioned=False)
    t = xp.from_dlpack(h)
    assert abi.capsule_name(h.capsule) == abi.USED_LEGACY_NAME
    del t
    h.drop()
    assert h.deleted == 1


def test_unconsumed_capsule_is_deleted_by_its_destructor():
    h = Hand(np.arange(3.0))
    h.drop()
    assert h.deleted == 1


@pytest.mark.parametrize("version", [(2, 0), (0, 9), (3, 1)])
def test_other_major_version_is_refused_and_left_unconsumed(version):
    h = Hand(np.arange(3.0), version=version)
    with pytest.raises(BufferError, match=rf"version {version[0]}\.{version[1]}"):
        xp.from_dlpack(h)
    gc.collect()
    assert abi.capsule_name(h.capsule) == abi.VERSIONED_NAME
    assert h.deleted == 0
    h.drop()
    assert h.deleted == 1


def test_other_minor_version_is_read():
    a = np.arange(3.0)
    h = Hand(a, version=(1, 99))
    assert xp.from_dlpack(h).data_ptr() == address(a)


def test_double_consumption_is_refused():
    h = Hand(np.arange(3.0))
    t = xp.from_dlpack(h)
    with pytest.raises(BufferError, match="consumed already"):
        xp.from_dlpack(h)  # hands the same, used capsule again
    del t
    h.drop()
    assert h.deleted == 1


def test_foreign_capsules_and_objects_are_refused():
    class Foreign:
        def __init__(self, capsule):
            self.capsule = capsule

        def __dlpack__(self, **kwargs):
            return self.capsule

        def __dlpack_device__(self):
            return (1, 0)

    make_capsule = ctypes.PYFUNCTYPE(
        ctypes.py_object, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p
    )(("PyCapsule_New", ctypes.pythonapi))
    other = make_capsule(1, b"not_dltensor", None)
    with pytest.raises(BufferError, match="named"):
        xp.from_dlpack(Foreign(other))
    with pytest.raises(BufferError, match="not a PyCapsule"):
        xp.from_dlpack(Foreign(b"bytes"))


def test_read_only_flag_gives_a_read_only_tensor():
    a = np.arange(3.0)
    h = Hand(a, flags=abi.READ_ONLY)
    t = xp.from_dlpack(h)
    assert t.is_readonly and t.data_ptr() == address(a)
    with pytest.raises(ValueError, match="read-only"):
        t[0] = 5.0
    with pytest.raises(ValueError, match="read-only"):
        t += 1.0
    assert a.tolist() == [0.0, 1.0, 2.0]
    assert read(t.__dlpack__(max_version=(1, 0))).flags == abi.READ_ONLY


@pytest.mark.parametrize("versioned", [True, False])
def test_null_strides_mean_row_major(versioned):
    a = np.arange(6.0).reshape(2, 3)
    h = Hand(a, versioned=versioned, strides=None)
    t = xp.from_dlpack(h)
    assert t.data_ptr() == address(a)
    assert t.stride() == (3, 1)
    assert t.tolist() == a.tolist()


def test_byte_offset_is_honoured():
    a = np.arange(6.0)
    h = Hand(a, data=address(a), byte_offset=2 * a.itemsize, shape=(4,), strides=(1,))
    t = xp.from_dlpack(h)
    assert t.tolist() == [2.0, 3.0, 4.0, 5.0]
    assert t.data_ptr() == address(a) + 2 * a.itemsize
    t[0] = 9.0
    assert a[2] == 9.0


def test_size0_with_null_data_and_0d_with_null_shape():
    h = Hand(np.zeros((0, 3)), data=0)
    assert xp.from_dlpack(h).shape == (0, 3)
    h0 = Hand(np.array(4.0))
    assert read(h0.capsule).shape is None and read(h0.capsule).strides is None
    t = xp.from_dlpack(h0)
    assert t.shape == () and t.item() == 4.0


def test_null_data_for_a_nonempty_tensor_is_refused():
    h = Hand(np.arange(3.0), data=0)
    with pytest.raises(BufferError, match="NULL data"):
        xp.from_dlpack(h)
    h.drop()
    assert h.deleted == 1


def test_misaligned_data_is_copied_or_refused():
    raw = np.arange(8 * 3 + 1, dtype=np.uint8)
    data = address(raw) + 1 if address(raw) % 8 == 0 else address(raw) + (8 - address(raw) % 8) + 1
    h = Hand(raw[:8], data=data, dtype=(2, 64, 1), shape=(2,), strides=(1,))
    expected = np.frombuffer(ctypes.string_at(data, 16), dtype=np.float64)
    with pytest.raises(xp.CopyError, match="not aligned"):
        xp.from_dlpack(h, copy=False)
    h = Hand(raw[:8], data=data, dtype=(2, 64, 1), shape=(2,), strides=(1,))
    t = xp.from_dlpack(h)
    assert t.data_ptr() % 8 == 0
    np.testing.assert_array_equal(t.numpy(), expected)


@pytest.mark.parametrize("device_type", [3, 11, 13])
def test_host_accessible_device_types_are_read_on_the_cpu(device_type):
    a = np.arange(3.0)
    h = Hand(a, device=(device_type, 0))
    t = xp.from_dlpack(h)
    assert t.device == "cpu" and t.data_ptr() == address(a)
    t[0] = 4.0
    assert a[0] == 4.0


@pytest.mark.parametrize(
    "device_type, name",
    [(4, "OpenCL"), (10, "ROCm"), (14, "oneAPI"), (8, "Metal"), (99, "unknown")],
)
def test_other_device_types_are_refused_by_name(device_type, name):
    h = Hand(np.arange(3.0), device=(device_type, 0))
    with pytest.raises(BufferError, match=rf"device type {device_type} \({name}\)"):
        xp.from_dlpack(h)
    assert h.calls == []  # refused from __dlpack_device__, before asking for a capsule
    # a capsule whose device differs from what __dlpack_device__ said is refused too
    h = Hand(np.arange(3.0), device=(device_type, 0), reported_device=(1, 0))
    with pytest.raises(BufferError, match=rf"device type {device_type} \({name}\)"):
        xp.from_dlpack(h)
    gc.collect()
    h.drop()
    assert h.deleted == 1


@pytest.mark.skipif(cupy_or_none() is not None, reason="CuPy and a GPU are present")
def test_cuda_without_cupy_is_a_buffer_error_naming_cuda():
    h = Hand(np.arange(3.0), device=(2, 0))
    with pytest.raises(BufferError, match="CUDA device 0"):
        xp.from_dlpack(h)
    with pytest.raises(BufferError, match="CUDA device 0"):
        xp.asarray(h)


@pytest.mark.parametrize(
    "dtype, words",
    [
        ((4, 16, 1), "bfloat with 16 bits"),
        ((10, 8, 1), "float8_e4m3fn"),
        ((17, 4, 1), "float4_e2m1fn"),
        ((2, 32, 2), "2 lanes"),
        ((2, 8, 1), "float with 8 bits"),
        ((6, 16, 1), "bool with 16 bits"),
        ((3, 64, 1), "opaque handle"),
        ((99, 8, 1), "unknown with 8 bits"),
    ],
)
def test_unsupported_dtypes_are_refused_by_name_and_left_unconsumed(dtype, words):
    h = Hand(np.zeros(4, dtype=np.uint8), dtype=dtype)
    with pytest.raises(BufferError, match=words):
        xp.from_dlpack(h)
    gc.collect()
    assert abi.capsule_name(h.capsule) == abi.VERSIONED_NAME
    h.drop()
    assert h.deleted == 1


def test_bfloat16_from_torch_is_refused_by_name():
    with pytest.raises(BufferError, match="bfloat"):
        xp.from_dlpack(torch.zeros(2, dtype=torch.bfloat16))


def test_is_copied_capsules():
    a = np.arange(3.0)
    # a producer that copied: the copy is taken as the result, not copied again
    h = Hand(a, flags=abi.IS_COPIED)
    t = xp.from_dlpack(h, copy=True)
    assert t.data_ptr() == address(a)
    assert h.calls == [{"max_version": XTENSOR_VERSION}]
    # ... and refused when copy=False was asked
    h = Hand(a, flags=abi.IS_COPIED)
    with pytest.raises(xp.CopyError, match="copied"):
        xp.from_dlpack(h, copy=False)


# --- CUDA (CuPy) ------------------------------------------------------------------------------


@cuda
def test_cuda_export_capsules():
    cp = cupy_or_none()
    assert cp is not None
    t = xp.asarray([1.0, 2.0, 3.0], device="cuda:0")
    assert t.__dlpack_device__() == (2, 0)
    cap = read(t.__dlpack__(max_version=(1, 0), stream=1))
    assert cap.name == b"dltensor_versioned" and cap.device == (2, 0) and cap.flags == 0
    assert cap.version == XTENSOR_VERSION
    assert cap.data + cap.byte_offset == t.data_ptr()
    cap = read(t.__dlpack__(max_version=(1, 0), copy=True))
    assert cap.flags == abi.IS_COPIED and cap.data + cap.byte_offset != t.data_ptr()
    capsule = t.__dlpack__(max_version=(1, 0), dl_device=(1, 0))
    cap = read(capsule)
    assert cap.device == (1, 0) and cap.flags == abi.IS_COPIED
    np.testing.assert_array_equal(np.from_dlpack(_Once(capsule)), [1.0, 2.0, 3.0])
    with pytest.raises(xp.CopyError):
        t.__dlpack__(max_version=(1, 0), dl_device=(1, 0), copy=False)
    with pytest.raises(ValueError, match="0 is refused"):
        t.__dlpack__(stream=0)
    with pytest.raises(ValueError, match="stream must be None"):
        t.__dlpack__(dl_device=(1, 0), stream=1)
    with pytest.raises(TypeError, match="stream"):
        t.__dlpack__(stream="default")
    for stream in (None, 1, 2, -1, cp.cuda.Stream().ptr):
        assert read(t.__dlpack__(stream=stream)).device == (2, 0)


@cuda
def test_cuda_import_stays_on_its_device_and_shares():
    cp = cupy_or_none()
    assert cp is not None
    a = cp.arange(4.0)
    t = xp.from_dlpack(a)
    assert t.device == "cuda:0" and t.data_ptr() == a.data.ptr
    t[0] = 9.0
    assert float(a[0]) == 9.0
    assert xp.as_tensor(a).data_ptr() == a.data.ptr
    h = xp.from_dlpack(a, device="cpu")
    assert h.device == "cpu" and h.tolist() == [9.0, 1.0, 2.0, 3.0]
    with pytest.raises(xp.CopyError):
        xp.from_dlpack(a, device="cpu", copy=False)
    c = xp.from_dlpack(a, copy=True)
    assert c.device == "cuda:0" and c.data_ptr() != a.data.ptr
    back = xp.from_dlpack(np.arange(3.0), device="cuda:0")
    assert back.device == "cuda:0" and back.to_device("cpu").tolist() == [0.0, 1.0, 2.0]
