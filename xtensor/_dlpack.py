"""DLPack: exporting tensors as capsules, importing capsules from any producer, and
moving data between devices.

These functions work on backend arrays and devices; ``_tensor`` and ``_conversion``
wrap the results in Tensors. NumPy and CuPy build and read the capsules
underneath; the negotiation (versions, devices, copies, streams) and its errors
are decided here, the same way for every producer.
"""

from __future__ import annotations

from typing import Any

from . import _backend
from ._backend import numpy as np
from ._devices import CPU, DLPACK_CPU, DLPACK_CUDA, Device, as_device
from ._errors import CopyError

__all__ = ["export", "consume", "move", "HOST_DEVICE_TYPES"]

# DLPack device types whose memory the CPU can read directly: CPU, CUDA host
# (pinned), ROCm host, CUDA managed.
HOST_DEVICE_TYPES = frozenset({1, 3, 11, 13})
_DEVICE_TYPE_NAMES = {
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
}


def export(
    array: Any,
    device: Device,
    *,
    stream: Any,
    max_version: tuple[int, int] | None,
    dl_device: tuple[int, int] | None,
    copy: bool | None,
) -> Any:
    """The DLPack capsule of ``array`` for a consumer that asked with these keywords."""
    if max_version is not None and not (isinstance(max_version, tuple) and len(max_version) == 2):
        raise TypeError(
            f"__dlpack__: max_version must be a (major, minor) tuple, got {max_version!r}"
        )
    target = device.dlpack if dl_device is None else _dl_device(dl_device)
    if target != device.dlpack and target != (DLPACK_CPU, 0):
        raise BufferError(
            f"__dlpack__: cannot export a tensor on {device} to DLPack device {target}: "
            f"only {device.dlpack} (where it is) or (1, 0) (a copy to the host) are possible"
        )
    if target != device.dlpack and copy is False:
        raise CopyError(
            f"__dlpack__(copy=False): a copy is needed: the tensor is on {device} and the "
            "host was requested"
        )
    kwargs: dict[str, Any] = {}
    if max_version is not None:
        kwargs["max_version"] = max_version
    if copy is not None:
        kwargs["copy"] = copy
    if device is CPU:
        if stream is not None:
            raise BufferError(f"__dlpack__: stream must be None for a CPU tensor, got {stream!r}")
        return array.__dlpack__(**kwargs)
    _check_stream(stream)
    if target != device.dlpack:
        kwargs["dl_device"] = target
    if stream is not None:
        kwargs["stream"] = stream
    return array.__dlpack__(**kwargs)


def _dl_device(dl_device: object) -> tuple[int, int]:
    if (
        not isinstance(dl_device, tuple)
        or len(dl_device) != 2
        or not all(isinstance(v, int) for v in dl_device)
    ):
        raise BufferError(
            f"__dlpack__: dl_device must be a (device_type, device_id) tuple, got {dl_device!r}"
        )
    return (int(dl_device[0]), int(dl_device[1]))


def _check_stream(stream: Any) -> None:
    if stream == 0 and isinstance(stream, int):
        raise BufferError(
            "__dlpack__: stream=0 is ambiguous and refused by the standard; use 1 for the "
            "legacy default stream, 2 for the per-thread default stream, or -1 for none"
        )


def source_device(obj: Any) -> Device:
    """The device of a DLPack producer (host-accessible memory counts as the CPU)."""
    probe = getattr(obj, "__dlpack_device__", None)
    if probe is None:
        return CPU
    device_type, device_id = probe()
    device_type = int(device_type)
    if device_type in HOST_DEVICE_TYPES:
        return CPU
    if device_type == DLPACK_CUDA:
        return as_device(f"cuda:{int(device_id)}")
    name = _DEVICE_TYPE_NAMES.get(device_type, "unknown")
    raise BufferError(
        f"from_dlpack: DLPack device type {device_type} ({name}) is not supported: xtensor "
        "reads CPU and host-accessible memory (types 1, 3, 11, 13) and CUDA (2)"
    )


def consume(obj: Any, device: Device | None, copy: bool | None) -> tuple[Any, Device]:
    """Import a DLPack producer as a backend array on ``device`` (default: where it is)."""
    source = source_device(obj)
    target = source if device is None else device
    if source is not target and copy is False:
        raise CopyError(
            f"from_dlpack(copy=False): a copy is needed: the array is on {source} and "
            f"{target} was requested"
        )
    if target is CPU:
        # NumPy negotiates versions and falls back for old producers; with
        # device="cpu" it asks a GPU producer for a host copy.
        kwargs: dict[str, Any] = {} if copy is None else {"copy": copy}
        if source is not CPU:
            kwargs["device"] = "cpu"
        array = np.from_dlpack(obj, **kwargs)
        return array, CPU
    cp = _backend.cupy_or_raise("from_dlpack")
    if source is CPU:
        host = np.from_dlpack(obj)
        with cp.cuda.Device(target.index):
            return cp.array(host, copy=True), target
    if source is not target:
        with cp.cuda.Device(source.index):
            array = cp.from_dlpack(obj)
        return move(array, source, target, None), target
    with cp.cuda.Device(target.index):
        array = cp.from_dlpack(obj)
        if copy:
            array = array.copy()
    return array, target


def move(array: Any, source: Device, target: Device, stream: Any) -> Any:
    """A copy of ``array`` (on ``source``) on ``target``."""
    cp = _backend.cupy_or_raise(f"to_device({str(target)!r})")
    if target is CPU:
        with cp.cuda.Device(source.index):
            return cp.asnumpy(array, stream=_cupy_stream(cp, stream))
    with cp.cuda.Device(target.index):
        return cp.array(array, copy=True)


def _cupy_stream(cp: Any, stream: Any) -> Any:
    if stream is None or isinstance(stream, cp.cuda.Stream):
        return stream
    return cp.cuda.ExternalStream(int(stream))
