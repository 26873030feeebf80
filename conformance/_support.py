"""Helpers of the interop suites: skips with a reason, capsule readers, and DLPack
producers whose capsules are built here with ctypes, from scratch.

The exchanges themselves (peers, layouts, promises, measurements) are
``xtensor._report``'s, shared with ``python -m xtensor`` so the two cannot disagree.
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import importlib.util
from typing import Any, NamedTuple

import numpy as np
import pytest

from xtensor import _backend
from xtensor import _dlpack_abi as abi

XTENSOR_VERSION = (1, 3)  # the max_version xtensor asks producers for


# --- skips ---------------------------------------------------------------------------------


def need(module: str) -> Any:
    """The module, or a skip saying "<module> not installed"."""
    if importlib.util.find_spec(module.partition(".")[0]) is None:
        pytest.skip(f"{module.partition('.')[0]} not installed")
    return importlib.import_module(module)


def need_cuda() -> Any:
    """CuPy with a GPU, or a skip saying "no CUDA device"."""
    cp = _backend.cupy_or_none()
    if cp is None:
        pytest.skip("no CUDA device")
    return cp


def need_available(thing: Any) -> None:
    """Skip with the reason an exchange or a peer of ``xtensor._report`` cannot run."""
    missing = thing.unavailable()
    if missing is not None:
        pytest.skip(missing)


cuda = pytest.mark.skipif(_backend.cupy_or_none() is None, reason="no CUDA device")


def collect() -> None:
    gc.collect()


# --- reading capsules ------------------------------------------------------------------------


class Fields(NamedTuple):
    """Every field of a DLPack capsule, read with ctypes."""

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


def fields(capsule: Any) -> Fields:
    name = abi.capsule_name(capsule)
    assert name in (abi.VERSIONED_NAME, abi.LEGACY_NAME), name
    pointer = abi.capsule_pointer(capsule, name)
    if name == abi.VERSIONED_NAME:
        managed: Any = abi.DLManagedTensorVersioned.from_address(pointer)
        version, flags = (managed.version.major, managed.version.minor), managed.flags
    else:
        managed = abi.DLManagedTensor.from_address(pointer)
        version, flags = None, None
    t = managed.dl_tensor
    return Fields(
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


def aligned(values: Any, alignment: int) -> Any:
    """A copy of the NumPy array ``values`` whose data starts on an ``alignment``-byte
    boundary (XLA's CPU client shares only 64-byte aligned buffers). The copy is a
    view of a larger buffer: weakref the returned array's ``base`` to watch the memory."""
    raw = np.empty(values.nbytes + alignment, dtype=np.uint8)
    start = -address(raw) % alignment
    out = raw[start : start + values.nbytes].view(values.dtype).reshape(values.shape)
    out[...] = values
    return out


class Given:
    """Hands one capsule, already obtained, to a consumer (as often as asked)."""

    def __init__(self, capsule: Any, device: tuple[int, int] = (1, 0)) -> None:
        self.capsule = capsule
        self.device = device

    def __dlpack__(self, **_: Any) -> Any:
        return self.capsule

    def __dlpack_device__(self) -> tuple[int, int]:
        return self.device


# --- capsules built by hand ------------------------------------------------------------------

# The C API, with private prototypes (never retype ctypes.pythonapi's shared ones). The
# capsule destructor runs our Python code, so hand-made capsules are only ever refused
# by Python code (xtensor's), never dropped by C code with an exception pending.
_DESTRUCTOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_New = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p, ctypes.c_void_p, _DESTRUCTOR)(
    ("PyCapsule_New", ctypes.pythonapi)
)
_GetName = ctypes.PYFUNCTYPE(ctypes.c_char_p, ctypes.c_void_p)(
    ("PyCapsule_GetName", ctypes.pythonapi)
)
_GetPointer = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p)(
    ("PyCapsule_GetPointer", ctypes.pythonapi)
)
# A capsule keeps a pointer to its name: the names live as long as the module.
_NAMES = {
    abi.VERSIONED_NAME: ctypes.create_string_buffer(abi.VERSIONED_NAME),
    abi.LEGACY_NAME: ctypes.create_string_buffer(abi.LEGACY_NAME),
}
_NUMPY_CODES = {"b": 6, "i": 0, "u": 1, "f": 2, "c": 5}

# managed-tensor address -> the capsule's state, until its deleter runs
_LIVE: dict[int, Capsule] = {}
# every struct ever handed out (a consumer may read them until it calls the deleter)
# and every ctypes callback: immortal, since an array alive at interpreter exit calls
# its deleter after this module is torn down
_KEEP: list[Any] = []
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_KEEP))
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_LIVE))


class Capsule:
    """The C memory behind one hand-made capsule, and what keeps the data alive."""

    def __init__(self, producer: HandMade, managed: Any, keep: list[Any]) -> None:
        self.producer = producer
        self.managed = managed
        self.keep = keep  # the data's owner, shape and strides arrays


@_DESTRUCTOR
def _destroy(capsule: int) -> None:
    """The capsule destructor of the DLPack Python spec: call the deleter if, and only
    if, no consumer took the capsule (renamed it)."""
    try:
        name = _GetName(capsule)
        if name in _NAMES:
            managed = _GetPointer(capsule, name)
            state = _LIVE.get(managed)
            if state is not None:
                state.producer.destructor_deletes += 1
                state.managed.deleter(ctypes.byref(state.managed))
    except Exception:  # at interpreter exit, with this module torn down
        pass


_KEEP.append(_destroy)


class HandMade:
    """A DLPack producer whose capsules are built here with ctypes: the structs of
    ``xtensor._dlpack_abi``, ``PyCapsule_New`` with the destructor of the DLPack
    Python spec, and a deleter that counts its calls and then lets go of the data.

    ``memory`` (a NumPy array) is the data, unless ``around`` gives a peer's array:
    then the peer's own capsule is read, its DLTensor copied into ours, and the peer's
    capsule kept (unconsumed) until our deleter drops it, which runs the peer's deleter.
    Every field can be overridden to describe what no library produces.
    """

    def __init__(
        self,
        memory: Any = None,
        *,
        around: Any = None,
        versioned: bool = True,
        version: tuple[int, int] = XTENSOR_VERSION,
        flags: int = 0,
        device: tuple[int, int] = (1, 0),
        dtype: tuple[int, int, int] | None = None,
        shape: tuple[int, ...] | None = None,
        strides: Any = "keep",
        byte_offset: int = 0,
        data: int | None = None,
        same_capsule: bool = False,
    ) -> None:
        self.memory = memory
        self.around = around
        self.versioned = versioned
        self.version = version
        self.flags = flags
        self.device = device
        self.dtype = dtype
        self.shape = shape
        self.strides = strides
        self.byte_offset = byte_offset
        self.data = data
        self.same_capsule = same_capsule
        self.made = 0  # capsules built
        self.deleted = 0  # deleter calls
        self.destructor_deletes = 0  # deleter calls made by the capsule destructor
        self.calls: list[dict[str, Any]] = []
        self._capsule: Any = None
        self._deleter = (abi.VERSIONED_DELETER if versioned else abi.DELETER)(self._delete)
        _KEEP.append(self._deleter)

    # the protocol
    def __dlpack__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if self.same_capsule:
            if self._capsule is None:
                self._capsule = self.capsule()
            return self._capsule
        return self.capsule()

    def __dlpack_device__(self) -> tuple[int, int]:
        return self.device

    def capsule(self) -> Any:
        """A new capsule over the data."""
        struct = abi.DLManagedTensorVersioned if self.versioned else abi.DLManagedTensor
        managed: Any = struct()
        keep: list[Any] = []
        t = managed.dl_tensor
        if self.around is not None:
            self._copy_peer_tensor(t, keep)
        else:
            a = self.memory
            keep.append(a)
            t.data = a.__array_interface__["data"][0] if a.size else None
            t.ndim = a.ndim
            t.dtype.code, t.dtype.bits, t.dtype.lanes = (
                _NUMPY_CODES[a.dtype.kind],
                8 * a.itemsize,
                1,
            )
            self._set_dims(t, a.shape, tuple(s // a.itemsize for s in a.strides), keep)
        t.device.device_type, t.device.device_id = self.device
        if self.dtype is not None:
            t.dtype.code, t.dtype.bits, t.dtype.lanes = self.dtype
        if self.shape is not None:
            t.ndim = len(self.shape)
            self._set_dims(t, self.shape, None, keep)
        if self.strides is None:
            t.strides = None
        elif self.strides != "keep":
            self._set_dims(t, None, tuple(self.strides), keep)
        if self.data is not None:
            t.data = self.data
        t.byte_offset = self.byte_offset
        if self.versioned:
            managed.version.major, managed.version.minor = self.version
            managed.flags = self.flags
        managed.deleter = self._deleter
        _KEEP.append(managed)
        _LIVE[ctypes.addressof(managed)] = Capsule(self, managed, keep)
        self.made += 1
        name = abi.VERSIONED_NAME if self.versioned else abi.LEGACY_NAME
        return _New(ctypes.addressof(managed), ctypes.addressof(_NAMES[name]), _destroy)

    def _set_dims(self, t: Any, shape: Any, strides: Any, keep: list[Any]) -> None:
        for values, attr in ((shape, "shape"), (strides, "strides")):
            if values is None:
                continue
            if not values:  # 0-d: NULL
                setattr(t, attr, None)
                continue
            array = (ctypes.c_int64 * len(values))(*values)
            keep.append(array)
            setattr(t, attr, ctypes.cast(array, ctypes.POINTER(ctypes.c_int64)))

    def _copy_peer_tensor(self, t: Any, keep: list[Any]) -> None:
        peer = self.around
        try:
            capsule = peer.__dlpack__(max_version=(1, 0))
        except TypeError:
            capsule = peer.__dlpack__()
        name = abi.capsule_name(capsule)
        pointer = abi.capsule_pointer(capsule, name)
        if name == abi.VERSIONED_NAME:
            source = abi.DLManagedTensorVersioned.from_address(pointer).dl_tensor
        else:
            source = abi.DLManagedTensor.from_address(pointer).dl_tensor
        ctypes.memmove(ctypes.addressof(t), ctypes.addressof(source), ctypes.sizeof(t))
        keep.append(capsule)  # unconsumed: dropping it runs the peer's deleter

    def release(self) -> None:
        """Let go of the data and of the capsule kept for ``same_capsule``: from now on
        only the capsules hold the data."""
        self.memory = self.around = self._capsule = None

    def _delete(self, managed: Any) -> None:
        try:
            self.deleted += 1
            state = _LIVE.pop(ctypes.addressof(managed.contents), None)
            if state is not None:
                state.keep.clear()  # let go of the data (and of a peer's capsule)
        except Exception:  # at interpreter exit, with this module torn down
            pass
