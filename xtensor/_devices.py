"""Devices: ``Device("cpu")`` and ``Device("cuda", N)``.

Device objects are interned: one object per device, so ``is`` compares them. Each
knows the backend module that computes on it (NumPy or CuPy) and that backend's
array type.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from . import _backend

__all__ = ["Device", "CPU", "as_device", "DLPACK_CPU", "DLPACK_CUDA", "DLPACK_EXT_DEV", "EMULATED"]

DLPACK_CPU = 1
DLPACK_CUDA = 2
DLPACK_EXT_DEV = 12  # what emulated devices report: no consumer reads them as host memory


class Device:
    """A device tensors live on: ``Device("cpu")`` or ``Device("cuda", 0)``.

    Strings ``"cpu"``, ``"cuda"`` and ``"cuda:N"`` are accepted wherever a device is.
    Devices are interned (one object per device) and compare equal to their string
    spelling. Asking for CUDA without CuPy or a GPU raises ValueError.

    Attributes
    ----------
    kind : str
        ``"cpu"`` or ``"cuda"``.
    index : int
        The GPU's number (0 for the CPU).

    Examples
    --------
    >>> cpu = xp.Device("cpu")
    >>> cpu
    device(type='cpu')
    >>> cpu is xp.asarray([1, 2]).device, cpu == "cpu", str(cpu)
    (True, True, 'cpu')
    """

    __slots__ = (
        "kind",
        "index",
        "backend",
        "array_type",
        "_name",
        "emulated",
        "defaults",
        "unsupported",
    )

    kind: str
    index: int
    backend: ModuleType
    array_type: type
    _name: str
    emulated: bool  # an emulated device (``xtensor.enable_emulated_devices``)
    defaults: dict[Any, Any]  # the standard's default dtype -> this device's, where they differ
    unsupported: frozenset[Any]  # dtypes this device cannot hold

    def __new__(cls, kind: str, index: int | None = None) -> Device:
        return as_device(kind if index is None else f"{kind}:{index}")

    @classmethod
    def _make(
        cls,
        kind: str,
        index: int,
        backend: Any,
        name: str | None = None,
        defaults: dict[Any, Any] | None = None,
        unsupported: frozenset[Any] = frozenset(),
    ) -> Device:
        self = object.__new__(cls)
        self.kind = kind
        self.index = index
        self.backend = backend
        self.array_type = backend.ndarray
        self._name = name or ("cpu" if kind == "cpu" else f"{kind}:{index}")
        self.emulated = kind == "emulated"
        self.defaults = defaults or {}
        self.unsupported = unsupported
        return self

    def __repr__(self) -> str:
        if self.emulated:
            return f"device('{self._name}')"
        return (
            f"device(type='{self.kind}', index={self.index})"
            if self.kind != "cpu"
            else ("device(type='cpu')")
        )

    def __str__(self) -> str:
        return self._name

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Device):
            return self is other
        if isinstance(other, str):
            try:
                return as_device(other) is self
            except ValueError:
                return False
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (device_from_pickle, (self._name,))

    @property
    def dlpack(self) -> tuple[int, int]:
        """The DLPack ``(device_type, device_id)`` pair of this device."""
        if self.kind == "cpu":
            return (DLPACK_CPU, 0)
        return (DLPACK_EXT_DEV, self.index) if self.emulated else (DLPACK_CUDA, self.index)


CPU = Device._make("cpu", 0, _backend.numpy)
_CUDA_DEVICES: dict[int, Device] = {}
# Emulated devices by name and by "emulated:N", while they are enabled (``_emulated``).
EMULATED: dict[str, Device] = {}


def _cuda(index: int, spelling: object) -> Device:
    dev = _CUDA_DEVICES.get(index)
    if dev is not None:
        return dev
    cp = _backend.cupy_or_raise(f"device {spelling!r}")
    count = _backend.cuda_device_count()
    if not 0 <= index < count:
        raise ValueError(
            f"device {spelling!r}: this machine has {count} CUDA device(s), "
            f"numbered 0 to {count - 1}"
        )
    dev = _CUDA_DEVICES[index] = Device._make("cuda", index, cp)
    return dev


def as_device(device: object) -> Device:
    """Parse ``device`` (a Device, ``"cpu"``, ``"cuda"``, ``"cuda:N"``) into a Device.

    Raises ValueError for anything else, and for CUDA when no GPU is available.
    """
    if device.__class__ is Device:
        return device
    if isinstance(device, str):
        name = device.strip().lower()
        if name == "cpu":
            return CPU
        if name == "cuda":
            return _cuda(_current_cuda_index(), device)
        if name.startswith("cuda:") and name[5:].isdigit():
            return _cuda(int(name[5:]), device)
        if name.startswith("emulated:"):
            return _emulated(name, device)
    else:
        foreign = _foreign_device(device)
        if foreign is not None:
            return foreign
    raise ValueError(
        f"unknown device {device!r}: expected an xtensor.Device, 'cpu', 'cuda' or 'cuda:N'"
    )


def _emulated(name: str, spelling: str) -> Device:
    dev = EMULATED.get(name)
    if dev is not None:
        return dev
    if not EMULATED:
        raise ValueError(
            f"device {spelling!r}: emulated devices are off; switch them on with "
            "xtensor.enable_emulated_devices() or XTENSOR_EMULATED_DEVICES=1"
        )
    names = sorted({str(d) for d in EMULATED.values()})
    raise ValueError(f"unknown emulated device {spelling!r}: expected one of {', '.join(names)}")


def device_from_pickle(name: str) -> Device:
    """The device a pickle names. Emulated devices come back even where they are
    switched off, as tensors already on them keep working; the name and place of this
    function are part of the format of every pickle written."""
    if name.startswith("emulated:"):
        from ._emulated import DEVICES  # imports this module

        for device in DEVICES:
            if str(device) == name:
                return device
    return as_device(name)


def _current_cuda_index() -> int:
    cp = _backend.cupy_or_raise("device 'cuda'")
    return int(cp.cuda.runtime.getDevice())


def _foreign_device(device: object) -> Device | None:
    """Accept the device objects of peers that name the same places (torch, CuPy)."""
    kind = getattr(device, "type", None)  # torch.device
    if kind in ("cpu", "cuda"):
        index = getattr(device, "index", None)
        return as_device(kind if index is None or kind == "cpu" else f"cuda:{index}")
    cp = _backend.cupy_or_none()
    if cp is not None and isinstance(device, cp.cuda.Device):
        return _cuda(int(device.id), device)
    return None


def device_of_array(array: object) -> Device:
    """The Device a backend array lives on."""
    if array.__class__ is _backend.numpy.ndarray:
        return CPU
    return _cuda(int(array.device.id), array)  # type: ignore[attr-defined]
