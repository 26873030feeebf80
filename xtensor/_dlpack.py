"""DLPack: exporting tensors as capsules, importing capsules from any producer, and
moving data between devices.

These functions work on backend arrays and devices; ``_tensor`` and ``_conversion``
wrap the results in Tensors. The negotiation (versions, devices, copies, streams),
the checks of every capsule and the errors are decided here, the same way for every
producer and consumer. NumPy and CuPy build the capsules and own the memory of the
arrays made from them underneath; where their answer differs from the standard's
(the version, the IS_COPIED flag, CuPy's refusal of ``copy=True``), xtensor
corrects it here, and it reads every capsule itself before a backend consumes it.
"""

from __future__ import annotations

import ctypes
import functools
import operator
import struct
import sys
from typing import Any, NamedTuple

from . import _backend
from . import _dlpack_abi as abi
from . import _dlpack_checks as checks
from ._backend import numpy as np
from ._devices import CPU, DLPACK_CPU, DLPACK_CUDA, Device, as_device
from ._errors import CopyError

__all__ = [
    "VERSION",
    "cpu_export_version",
    "HOST_DEVICE_TYPES",
    "export",
    "consume",
    "read_capsule",
    "source_device",
    "copy_on",
    "move",
    "protect_broadcast",
    "is_broadcast",
    "writeable_view",
]

# The DLPack version xtensor reads: the max_version it asks producers for. Minor
# versions only add enum values, which xtensor checks on import. Exported capsules are
# built by NumPy or CuPy and carry their builder's version (1.0 for NumPy), never the
# consumer's max_version; they give strides for every ndim > 0 (the rule of 1.2).
VERSION = (1, 3)

# DLPack device types whose memory the CPU can read directly: CPU, CUDA host
# (pinned), ROCm host, CUDA managed.
HOST_DEVICE_TYPES = frozenset({1, 3, 11, 13})
DEVICE_TYPE_NAMES = {
    1: "CPU",
    2: "CUDA",
    3: "CUDA host",
    4: "OpenCL",
    7: "Vulkan",
    8: "Metal",
    9: "VPI",
    10: "ROCm",
    11: "ROCm host",
    12: "ext_dev",
    13: "CUDA managed",
    14: "oneAPI",
    15: "WebGPU",
    16: "Hexagon",
    17: "MAIA",
    18: "Trainium",
}

# (type code, bits) -> the NumPy dtype xtensor holds it as; lanes must be 1.
_DTYPES = {
    (6, 8): np.dtype(np.bool_),
    (0, 8): np.dtype(np.int8),
    (0, 16): np.dtype(np.int16),
    (0, 32): np.dtype(np.int32),
    (0, 64): np.dtype(np.int64),
    (1, 8): np.dtype(np.uint8),
    (1, 16): np.dtype(np.uint16),
    (1, 32): np.dtype(np.uint32),
    (1, 64): np.dtype(np.uint64),
    (2, 16): np.dtype(np.float16),
    (2, 32): np.dtype(np.float32),
    (2, 64): np.dtype(np.float64),
    (5, 64): np.dtype(np.complex64),
    (5, 128): np.dtype(np.complex128),
}
_TYPE_CODE_NAMES = {
    0: "int",
    1: "uint",
    2: "float",
    3: "opaque handle",
    4: "bfloat",
    5: "complex",
    6: "bool",
    7: "float8_e3m4",
    8: "float8_e4m3",
    9: "float8_e4m3b11fnuz",
    10: "float8_e4m3fn",
    11: "float8_e4m3fnuz",
    12: "float8_e5m2",
    13: "float8_e5m2fnuz",
    14: "float8_e8m0fnu",
    15: "float6_e2m3fn",
    16: "float6_e3m2fn",
    17: "float4_e2m1fn",
}
_SUPPORTED_DTYPES = (
    "bool, int8/16/32/64, uint8/16/32/64, float16/32/64, complex64/128 (one lane each)"
)

# --- producer ---------------------------------------------------------------------


def export(
    array: Any,
    device: Device,
    *,
    stream: Any,
    max_version: Any,
    dl_device: Any,
    copy: Any,
) -> Any:
    """The DLPack capsule of ``array`` (on ``device``) for a consumer that asked with
    these keywords, as ``array.__dlpack__`` of the 2025.12 standard specifies."""
    if (
        device is CPU
        and stream is None
        and dl_device is None
        and copy is None
        and max_version.__class__ is tuple
        and len(max_version) == 2
        and max_version[0].__class__ is int
        and max_version[1].__class__ is int
        and 1 <= max_version[0] < 2**31  # NumPy takes a C int
    ):
        # The common request: NumPy's versioned capsule of the tensor's own memory,
        # READ_ONLY when the tensor is read-only.
        return array.__dlpack__(max_version=max_version)
    versioned = _versioned(max_version)
    if copy is not None and copy is not True and copy is not False:
        raise ValueError(f"__dlpack__: copy must be True, False or None, got {copy!r}")
    own = device.dlpack
    target = own if dl_device is None else _as_dl_device(dl_device)
    to_host = target != own
    if to_host and target != (DLPACK_CPU, 0):
        also = "" if device is CPU else " or (1, 0) (a copy in host memory)"
        raise BufferError(
            f"__dlpack__: cannot export a tensor on {device} to DLPack device {target}: "
            f"only {own} (where it is){also} is possible"
        )
    if to_host and copy is False:
        raise CopyError(
            f"__dlpack__(copy=False): a copy is needed: the tensor is on {device} and "
            "DLPack device (1, 0) (host memory) was requested"
        )
    if device.emulated:
        return _export_emulated(array, device, stream, to_host, versioned)
    _check_stream(stream, device if not to_host else CPU)
    if device is CPU:
        if not versioned and copy is not True and not array.flags.writeable:
            raise BufferError(
                "__dlpack__: this tensor is read-only and a legacy (unversioned) DLPack "
                "capsule cannot say so; the consumer must pass max_version >= (1, 0), or "
                "copy=True; to a consumer that asks for neither, hand xtensor.tensor(x), "
                "a writeable copy"
            )
        kwargs: dict[str, Any] = {"max_version": VERSION if versioned else None}
        if copy:
            kwargs["copy"] = True  # NumPy copies and sets IS_COPIED
        return array.__dlpack__(**kwargs)
    cp = _backend.cupy_or_raise("__dlpack__")
    with cp.cuda.Device(device.index):
        if to_host:
            # A synchronous copy to host memory on the current stream.
            host = cp.asnumpy(array)
            capsule = host.__dlpack__(max_version=VERSION if versioned else None)
            return _stamp(capsule, copied=True)
        # CuPy refuses copy=True for its own device (cupy#9842): copy first. CuPy then
        # makes the consumer's stream wait for the work queued on the current one.
        source = array.copy() if copy else array
        capsule = source.__dlpack__(stream=stream, max_version=VERSION if versioned else None)
        return _stamp(capsule, copied=copy is True)


def _export_emulated(
    array: Any, device: Device, stream: Any, to_host: bool, versioned: bool
) -> Any:
    """An emulated device's export: a host copy when ``dl_device=(1, 0)`` asks for one,
    else BufferError, as a host-only consumer meets an accelerator's tensor (its own
    device type, kDLExtDev, describes memory no consumer should read as host memory)."""
    _check_stream(stream, CPU)
    if not to_host:
        raise BufferError(
            f"__dlpack__: the tensor is on the emulated device {device}, which DLPack "
            f"consumers cannot read (it reports device type {device.dlpack[0]}, kDLExtDev); "
            "ask for a host copy with dl_device=(1, 0), or move it with to_device('cpu')"
        )
    host = np.array(array, copy=True)
    capsule = host.__dlpack__(max_version=VERSION if versioned else None)
    return _stamp(capsule, copied=True)


def _versioned(max_version: Any) -> bool:
    """Whether a consumer that passed ``max_version`` reads versioned capsules."""
    if max_version is None:
        return False
    if (
        not isinstance(max_version, tuple)
        or len(max_version) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in max_version)
    ):
        raise TypeError(
            f"__dlpack__: max_version must be None or a (major, minor) tuple of ints, "
            f"got {max_version!r}"
        )
    return bool(max_version[0] >= 1)


def _as_dl_device(dl_device: Any) -> tuple[int, int]:
    if not isinstance(dl_device, tuple) or len(dl_device) != 2:
        raise TypeError(
            f"__dlpack__: dl_device must be a (device_type, device_id) tuple, got {dl_device!r}"
        )
    pair = _device_pair(dl_device)
    if pair is None:
        raise TypeError(
            f"__dlpack__: dl_device must hold two integers (or DLPack enum members), "
            f"got {dl_device!r}"
        )
    return pair


def _enum_int(value: Any) -> int:
    """An int, or the int value of an enum member (``DLDeviceType.kDLCPU``)."""
    return operator.index(value.value if hasattr(value, "value") else value)


def _check_stream(stream: Any, device: Device) -> None:
    """Refuse a stream the standard does not allow for ``device``."""
    if stream is None:
        return
    if device is CPU:
        raise ValueError(
            f"__dlpack__: stream must be None for host memory (DLPack device (1, 0)), "
            f"got {stream!r}"
        )
    if isinstance(stream, bool) or not isinstance(stream, int):
        raise TypeError(
            f"__dlpack__: stream must be None or an int for CUDA, got {type(stream).__name__}"
        )
    if stream == 0 or stream < -1:
        raise ValueError(
            f"__dlpack__: stream must be None, -1 (no synchronization), 1 (legacy default "
            f"stream), 2 (per-thread default stream) or a stream pointer > 2, got {stream}; "
            "0 is refused by the standard as ambiguous"
        )


def _stamp(capsule: Any, copied: bool) -> Any:
    """Set IS_COPIED in a versioned capsule built over a copy its builder did not
    make itself (a legacy capsule has no flags)."""
    if copied and abi.capsule_name(capsule) == abi.VERSIONED_NAME:
        pointer = abi.capsule_pointer(capsule, abi.VERSIONED_NAME)
        header = abi.VERSIONED_HEADER
        major, minor, context, deleter, flags = header.unpack(
            ctypes.string_at(pointer, header.size)
        )
        packed = header.pack(major, minor, context, deleter, flags | abi.IS_COPIED)
        ctypes.memmove(pointer, packed, header.size)
    return capsule


@functools.cache
def cpu_export_version() -> tuple[int, int]:
    """The DLPack version in the capsules xtensor exports on the CPU: NumPy builds
    them and writes its own (1.0 for NumPy 2.4), whatever the consumer asked for."""
    version = read_capsule(np.empty(0).__dlpack__(max_version=VERSION)).version
    assert version is not None  # a versioned capsule always has one
    return version


# --- consumer ---------------------------------------------------------------------


class CapsuleInfo(NamedTuple):
    """What a DLPack capsule describes, read before any backend consumes it."""

    versioned: bool
    version: tuple[int, int] | None
    flags: int
    device_type: int
    device_id: int
    dtype: Any  # numpy.dtype
    ndim: int
    data: int
    byte_offset: int


def read_capsule(capsule: Any, what: str = "from_dlpack") -> CapsuleInfo:
    """Read and check a DLPack capsule without consuming it.

    Every field is checked before anything reads what it points to (see
    ``_dlpack_checks``). Raises BufferError, naming the field and its value, for
    anything xtensor cannot import: a used or foreign capsule, another major version,
    unknown flags, a dtype it does not hold, a layout NumPy could not describe safely,
    memory this process cannot read. The capsule is left as it was, so its destructor
    still calls the producer's deleter.
    """
    try:
        name = abi.capsule_name(capsule)
    except TypeError:
        raise BufferError(
            f"{what}: __dlpack__ returned {type(capsule).__name__}, not a PyCapsule"
        ) from None
    if name in (abi.USED_VERSIONED_NAME, abi.USED_LEGACY_NAME):
        raise BufferError(
            f"{what}: the capsule is named {name.decode()!r}: it was consumed already, "
            "and a DLPack capsule can be consumed only once"
        )
    if name not in (abi.VERSIONED_NAME, abi.LEGACY_NAME):
        raise BufferError(
            f"{what}: a DLPack capsule is named 'dltensor_versioned' or 'dltensor', got {name!r}"
        )
    pointer = abi.capsule_pointer(capsule, name)
    version: tuple[int, int] | None = None
    flags = 0
    if name == abi.VERSIONED_NAME:
        size = abi.VERSIONED_HEADER.size + _TENSOR_SIZE
        whole = checks.readable((pointer, size))
        if not whole and not checks.readable((pointer, _VERSION_SIZE)):
            raise _unreadable_capsule(pointer, what)
        # the version first: another major version may lay out the rest differently
        head = ctypes.string_at(pointer, abi.VERSIONED_HEADER.size if whole else _VERSION_SIZE)
        major, minor = _VERSION.unpack_from(head)
        if major != VERSION[0]:
            raise BufferError(
                f"{what}: DLPack version {major}.{minor} is not supported: xtensor "
                f"reads major version {VERSION[0]} (and legacy capsules); the capsule was "
                "left unconsumed"
            )
        if not whole:
            raise _unreadable_capsule(pointer, what)
        version = (major, minor)
        flags = abi.VERSIONED_HEADER.unpack(head)[4]
        if flags & ~_KNOWN_FLAGS:
            raise BufferError(
                f"{what}: DLPack flags {flags:#x} set unknown bits {flags & ~_KNOWN_FLAGS:#x}: "
                "xtensor knows READ_ONLY (0x1), IS_COPIED (0x2) and IS_SUBBYTE_TYPE_PADDED "
                "(0x4, which says nothing about whole-byte dtypes)"
            )
        pointer += abi.VERSIONED_HEADER.size
    elif not checks.readable((pointer, _TENSOR_SIZE)):
        raise _unreadable_capsule(pointer, what)
    data, device_type, device_id, ndim, code, bits, lanes, shape, strides, byte_offset = (
        abi.TENSOR_LAYOUT.unpack(ctypes.string_at(pointer, _TENSOR_SIZE))
    )
    dtype = _numpy_dtype(code, bits, lanes, what)
    if device_id < 0:
        raise BufferError(f"{what}: invalid DLTensor: device_id {device_id} is negative")
    checks.check_layout(
        data=data or 0,
        ndim=ndim,
        shape_at=shape or 0,
        strides_at=strides or 0,
        byte_offset=byte_offset,
        itemsize=dtype.itemsize,
        host=device_type in HOST_DEVICE_TYPES,
        what=what,
    )
    return CapsuleInfo(
        versioned=version is not None,
        version=version,
        flags=flags,
        device_type=device_type,
        device_id=device_id,
        dtype=dtype,
        ndim=ndim,
        data=data or 0,
        byte_offset=byte_offset,
    )


_VERSION = struct.Struct("@II")
_VERSION_SIZE = _VERSION.size
_TENSOR_SIZE = abi.TENSOR_LAYOUT.size
_KNOWN_FLAGS = abi.READ_ONLY | abi.IS_COPIED | abi.IS_SUBBYTE_TYPE_PADDED


def _unreadable_capsule(pointer: int, what: str) -> BufferError:
    return BufferError(
        f"{what}: the capsule's pointer {pointer:#x} does not point to a DLPack struct "
        "this process can read"
    )


def _numpy_dtype(code: int, bits: int, lanes: int, what: str) -> Any:
    dtype = _DTYPES.get((code, bits))
    if dtype is not None and lanes == 1:
        return dtype
    kind = _TYPE_CODE_NAMES.get(code, "unknown")
    described = f"{kind} with {bits} bits (type code {code})"
    if lanes != 1:
        described += f" and {lanes} lanes (a vector type)"
    raise BufferError(
        f"{what}: DLPack dtype {described} is not supported: xtensor holds {_SUPPORTED_DTYPES}"
    )


class _Handoff:
    """A producer that hands one capsule, already obtained and read by xtensor, to a
    backend's ``from_dlpack`` (which then owns it: renames it, calls the deleter)."""

    __slots__ = ("_capsule", "_device")

    def __init__(self, capsule: Any, device: tuple[int, int]) -> None:
        self._capsule = capsule
        self._device = device

    def __dlpack__(self, **_: Any) -> Any:
        capsule, self._capsule = self._capsule, None
        return capsule

    def __dlpack_device__(self) -> tuple[int, int]:
        return self._device


def writeable_view(array: Any) -> Any:
    """A NumPy view that offers the memory of the read-only NumPy ``array`` as
    writeable, keeping ``array`` (and so the memory's owner) alive. Only for memory
    the caller knows may be written (a legacy capsule), or that no one will write."""
    return np.asarray(_Writeable(array))


class _Writeable:
    """The ``__array_interface__`` of a read-only array's memory, marked writeable."""

    __slots__ = ("array",)

    def __init__(self, array: Any) -> None:
        self.array = array

    @property
    def __array_interface__(self) -> dict[str, Any]:
        a = self.array
        return {
            "shape": a.shape,
            "typestr": a.dtype.str,
            "data": (a.__array_interface__["data"][0], False),
            "strides": a.strides,
            "version": 3,
        }


def source_device(obj: Any, what: str = "from_dlpack") -> tuple[tuple[int, int], Device]:
    """What a DLPack producer's ``__dlpack_device__`` says, checked, and the device
    xtensor reads that as (host-accessible memory counts as the CPU).

    Raises AttributeError without ``__dlpack__``/``__dlpack_device__`` (as the
    standard says) and BufferError for an answer that is not a (device_type,
    device_id) pair of ints or names a device xtensor cannot read.
    """
    probe = getattr(obj, "__dlpack_device__", None)
    if probe is None or not hasattr(obj, "__dlpack__"):
        raise AttributeError(
            f"{what}: expected an object with __dlpack__ and __dlpack_device__, "
            f"got {type(obj).__name__}"
        )
    answer = probe()
    pair = _device_pair(answer)
    if pair is None or pair[1] < 0:
        rule = (
            "expected a (device_type, device_id) tuple of ints"
            if pair is None
            else "a negative device_id"
        )
        raise BufferError(
            f"{what}: {type(obj).__name__}.__dlpack_device__() returned {answer!r}: {rule}"
        )
    return pair, _device_of(*pair, what)


def _device_of(device_type: int, device_id: int, what: str) -> Device:
    if device_type in HOST_DEVICE_TYPES:
        return CPU
    if device_type == DLPACK_CUDA:
        if _backend.cupy_or_none() is None:
            raise BufferError(
                f"{what}: the data is on CUDA device {device_id} (DLPack device type 2), "
                f"and this xtensor cannot reach it. {_backend.CUDA_INSTALL_HINT}"
            )
        return as_device(f"cuda:{device_id}")
    raise _unsupported_device(device_type, what)


def _unsupported_device(device_type: int, what: str) -> BufferError:
    name = DEVICE_TYPE_NAMES.get(device_type, "unknown")
    return BufferError(
        f"{what}: DLPack device type {device_type} ({name}) is not supported: xtensor "
        "reads CPU and host-accessible memory (types 1, 3, 11, 13) and CUDA (2)"
    )


def _capsule_device(info: CapsuleInfo, reported: tuple[int, int], what: str) -> Device:
    """The device of a capsule's memory: where ``__dlpack_device__`` said, or host
    memory (a host copy of a GPU producer's data)."""
    found = (info.device_type, info.device_id)
    if found != reported and info.device_type not in HOST_DEVICE_TYPES:
        if info.device_type != DLPACK_CUDA:
            raise _unsupported_device(info.device_type, what)
        raise BufferError(
            f"{what}: the capsule describes memory on DLPack device {found}, but "
            f"__dlpack_device__() said {reported}"
        )
    return _device_of(*found, what)


def _device_pair(value: Any) -> tuple[int, int] | None:
    """``value`` as a (device_type, device_id) pair of ints (DLPack enum members
    count as their values), or None when it is not one."""
    if not isinstance(value, tuple) or len(value) != 2:
        return None
    try:
        return (_enum_int(value[0]), _enum_int(value[1]))
    except TypeError:
        return None


def consume(
    obj: Any, device: Device | None, copy: bool | None, what: str = "from_dlpack"
) -> tuple[Any, Device, bool]:
    """Import a DLPack producer as a backend array on ``device`` (default: where it is).

    Returns the array, its device, and whether it is a copy (True) or the producer's
    memory (False).
    """
    reported, source = source_device(obj, what)
    target = source if device is None else device
    if target is not source and copy is False:
        raise CopyError(
            f"{what}(copy=False): a copy is needed: the array is on {source} and "
            f"{target} was requested"
        )
    # Same device: ask for the producer's memory and copy here if asked, so that exactly
    # one copy is made (torch and JAX copy on copy=True without setting IS_COPIED).
    share = False if copy is False else None
    if source is CPU:
        capsule = _request(obj, stream=None, dl_device=None, copy=share)
    elif target is CPU:
        capsule = _request(obj, stream=None, dl_device=(DLPACK_CPU, 0), copy=copy)
    else:
        cp = _backend.cupy_or_raise(what)
        with cp.cuda.Device(source.index):
            stream = cp.cuda.get_current_stream().ptr or 1  # 0 is the legacy stream: 1
        capsule = _request(obj, stream=stream, dl_device=None, copy=share)
    info = read_capsule(capsule, what)
    here = _capsule_device(info, reported, what)
    # A capsule in host memory for a GPU producer is its host copy, flagged or not.
    copied = bool(info.flags & abi.IS_COPIED) or here is not source
    if copied and copy is False:
        raise CopyError(
            f"{what}(copy=False): the producer ({type(obj).__name__}) copied the data "
            "although copy=False was asked"
        )
    # ``capsule`` stays referenced until the backend returns: a capsule it refuses is
    # then released here, not inside the backend with its error pending, where a
    # producer's destructor written in Python fails (and with it the deleter).
    handoff = _Handoff(capsule, (info.device_type, info.device_id))
    if here is CPU:
        array = _backend_import(np, handoff, what)
        if not array.flags.aligned:
            if copy is False:
                raise CopyError(f"{what}(copy=False): a copy is needed: the data is not aligned")
            array, copied = array.copy(order="K"), True
        elif not copied and _immutable(obj):
            # JAX arrays are immutable, and JAX's legacy capsules cannot say read-only.
            array.flags.writeable = False
        elif not info.versioned and not array.flags.writeable:
            # NumPy imports every legacy capsule read-only; DLPack before 1.0 shares
            # writeable memory, and only the READ_ONLY flag of 1.0 says otherwise.
            array = writeable_view(array)
        if not copied:
            array = protect_broadcast(array)
    else:
        cp = _backend.cupy_or_raise(what)
        with cp.cuda.Device(here.index):
            array = _backend_import(cp, handoff, what)
    if here is not target:
        if copy is False:
            raise CopyError(
                f"{what}(copy=False): a copy is needed: the producer gave memory on {here} "
                f"and {target} was requested"
            )
        array, copied = move(array, here, target, None), True
    if copy and not copied:
        array, copied = copy_on(array, target), True
    return array, target, copied


def _backend_import(backend: Any, handoff: _Handoff, what: str) -> Any:
    """``backend.from_dlpack(handoff)``; its refusal of a capsule xtensor accepted
    becomes a BufferError."""
    try:
        return backend.from_dlpack(handoff)
    except Exception as exc:
        raise BufferError(f"{what}: {backend.__name__} refused the capsule: {exc}") from exc


def _request(obj: Any, *, stream: Any, dl_device: Any, copy: bool | None) -> Any:
    """Call ``obj.__dlpack__`` with the keywords that are not None; a producer that
    raises TypeError on the newer ones is asked once more with ``stream`` alone."""
    kwargs: dict[str, Any] = {"max_version": VERSION}
    if dl_device is not None:
        kwargs["dl_device"] = dl_device
    if copy is not None:
        kwargs["copy"] = copy
    if stream is not None:
        kwargs["stream"] = stream
    try:
        return obj.__dlpack__(**kwargs)
    except TypeError:
        return obj.__dlpack__() if stream is None else obj.__dlpack__(stream=stream)


def _immutable(obj: Any) -> bool:
    """Whether ``obj`` is an array its library promises never to change (JAX)."""
    jax = sys.modules.get("jax")
    return jax is not None and isinstance(obj, jax.Array)


def is_broadcast(array: Any) -> bool:
    """Whether ``array`` repeats elements: a zero stride along a dimension longer than 1."""
    return any(s == 0 and n > 1 for s, n in zip(array.strides, array.shape, strict=True))


def protect_broadcast(array: Any) -> Any:
    """``array``, or a read-only view of it when it has zero strides (a broadcast view,
    such as torch's ``expand``): a write through it would land on many elements."""
    if 0 in array.strides and array.flags.writeable and array.size > 1 and is_broadcast(array):
        array = array.view()
        array.flags.writeable = False
    return array


# --- copying and moving ------------------------------------------------------------------


def copy_on(array: Any, device: Device, dtype: Any = None) -> Any:
    """A copy of ``array`` on its own ``device``, cast to the NumPy ``dtype`` if given.

    CuPy allocates on the *current* device, so the copy is made with ``device`` current.
    """
    if device is CPU:
        return array.copy(order="K") if dtype is None else array.astype(dtype, order="K")
    with device.backend.cuda.Device(device.index):
        return array.copy(order="K") if dtype is None else array.astype(dtype, order="K")


def move(array: Any, source: Device, target: Device, stream: Any) -> Any:
    """A copy of ``array`` (on ``source``) on ``target``."""
    if source.emulated or target.emulated:
        return _move_emulated(array, source, target, stream)
    cp = _backend.cupy_or_raise(f"to_device({str(target)!r})")
    if target is CPU:
        with cp.cuda.Device(source.index):
            return cp.asnumpy(array, stream=_cupy_stream(cp, stream))
    with cp.cuda.Device(target.index):
        return cp.array(array, copy=True)


def _move_emulated(array: Any, source: Device, target: Device, stream: Any) -> Any:
    """A copy of ``array`` moved from or to an emulated device (host memory underneath)."""
    host = array if source is CPU or source.emulated else move(array, source, CPU, stream)
    if target.emulated:
        return target.backend.asarray(np.array(host, copy=True))  # refuses missing dtypes
    if target is CPU:
        return np.array(host, copy=True)
    return move(host, CPU, target, stream)


def _cupy_stream(cp: Any, stream: Any) -> Any:
    if stream is None or isinstance(stream, cp.cuda.Stream):
        return stream
    return cp.cuda.ExternalStream(int(stream))
