"""DLPack producers whose capsules are built here with ctypes, from scratch, with any
field set to anything: the structs of ``xtensor._dlpack_abi``, ``PyCapsule_New`` with
the destructor of the DLPack Python spec, and a deleter that counts its calls.

Only ctypes, NumPy and ``xtensor._dlpack_abi`` are imported, so that a child process
(``tests/test_hostile_capsules.py``) can build capsules that may crash it.

The capsule destructor is Python code (a ctypes callback), as a producer written in
Python would have: it cannot save an exception that is pending when it runs. A
consumer that lets the last reference to a capsule go inside C code with an exception
set (NumPy does, when it refuses a capsule) makes it fail; xtensor keeps its own
reference across the backend's call so that this never happens.
"""

from __future__ import annotations

import ctypes
from typing import Any

from xtensor import _dlpack_abi as abi

__all__ = ["XTENSOR_VERSION", "HandMade"]

XTENSOR_VERSION = (1, 3)  # the max_version xtensor asks producers for

# The C API, with private prototypes (never retype ctypes.pythonapi's shared ones).
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
_NAMES: dict[bytes, Any] = {}
_NUMPY_CODES = {"b": 6, "i": 0, "u": 1, "f": 2, "c": 5}
_SAME = object()  # reported_device: the capsule's device

# capsule pointer (the struct's address unless ``pointer`` says otherwise) -> the
# capsule's state, until its deleter runs
_LIVE: dict[int, Capsule] = {}
# every struct ever handed out (a consumer may read them until it calls the deleter)
# and every ctypes callback: immortal, since an array alive at interpreter exit calls
# its deleter after this module is torn down
_KEEP: list[Any] = []
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_KEEP))
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_LIVE))
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_NAMES))


class Capsule:
    """The C memory behind one hand-made capsule, and what keeps the data alive."""

    def __init__(self, producer: HandMade, managed: Any, name: bytes, keep: list[Any]) -> None:
        self.producer = producer
        self.managed = managed
        self.name = name  # the name it was made with
        self.keep = keep  # the data's owner, shape and strides arrays


@_DESTRUCTOR
def _destroy(capsule: int) -> None:
    """The capsule destructor of the DLPack Python spec: call the deleter if, and only
    if, no consumer took the capsule (renamed it). A capsule made with a ``used_`` name
    belongs to no one: its deleter is never called."""
    try:
        name = _GetName(capsule)
        state = _LIVE.get(_GetPointer(capsule, name))
        if state is not None and name == state.name and not name.startswith(b"used_"):
            state.producer.destructor_deletes += 1
            state.managed.deleter(ctypes.byref(state.managed))
    except Exception:  # at interpreter exit, with this module torn down
        pass


_KEEP.append(_destroy)


def _name_buffer(name: bytes) -> int:
    if name not in _NAMES:
        _NAMES[name] = ctypes.create_string_buffer(name)
    return ctypes.addressof(_NAMES[name])


class HandMade:
    """A DLPack producer whose capsules are built here with ctypes.

    ``memory`` (a NumPy array) is the data, unless ``around`` gives a peer's array:
    then the peer's own capsule is read, its DLTensor copied into ours, and the peer's
    capsule kept (unconsumed) until our deleter drops it, which runs the peer's deleter.
    Every field can be overridden to describe what no library produces: ``shape`` and
    ``strides`` (in elements; strides None: a NULL pointer) point to arrays of those
    values, ``ndim`` then overrides the ndim they set, ``shape_address`` and
    ``strides_address`` set the pointers themselves (0: NULL), ``name`` the capsule's
    name, ``pointer`` the capsule's pointer (the struct is then not given at all), and
    ``reported_device`` what ``__dlpack_device__`` answers (default: ``device``).
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
        reported_device: Any = _SAME,
        dtype: tuple[int, int, int] | None = None,
        shape: tuple[int, ...] | None = None,
        strides: Any = "keep",
        ndim: int | None = None,
        shape_address: int | None = None,
        strides_address: int | None = None,
        byte_offset: int = 0,
        data: int | None = None,
        name: bytes | None = None,
        pointer: int | None = None,
        same_capsule: bool = False,
    ) -> None:
        self.memory = memory
        self.around = around
        self.versioned = versioned
        self.version = version
        self.flags = flags
        self.device = device
        self.reported_device = device if reported_device is _SAME else reported_device
        self.dtype = dtype
        self.shape = shape
        self.strides = strides
        self.ndim = ndim
        self.shape_address = shape_address
        self.strides_address = strides_address
        self.byte_offset = byte_offset
        self.data = data
        self.name = (
            name if name is not None else (abi.VERSIONED_NAME if versioned else abi.LEGACY_NAME)
        )
        self.pointer = pointer
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

    def __dlpack_device__(self) -> Any:
        return self.reported_device

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
        if self.ndim is not None:
            t.ndim = self.ndim
        for attr, value in (("shape", self.shape_address), ("strides", self.strides_address)):
            if value is not None:
                setattr(t, attr, ctypes.cast(value, ctypes.POINTER(ctypes.c_int64)))
        if self.data is not None:
            t.data = self.data
        t.byte_offset = self.byte_offset
        if self.versioned:
            managed.version.major, managed.version.minor = self.version
            managed.flags = self.flags
        managed.deleter = self._deleter
        _KEEP.append(managed)
        pointer = ctypes.addressof(managed) if self.pointer is None else self.pointer
        _LIVE[pointer] = Capsule(self, managed, self.name, keep)
        self.made += 1
        return _New(pointer, _name_buffer(self.name), _destroy)

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
