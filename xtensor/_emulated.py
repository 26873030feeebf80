"""Emulated devices: CPU-backed devices with an accelerator's restrictions, for testing
device handling without the hardware.

``enable_emulated_devices()`` (or ``XTENSOR_EMULATED_DEVICES=1``, read at import)
adds two devices, listed by ``__array_namespace_info__().devices()`` after the real
ones:

- ``"emulated:gpu"`` (index 0): a second device with every dtype, as a CUDA GPU is.
  Code under test can move data to it and back with ``to_device``, and must not mix
  it with CPU tensors.
- ``"emulated:no-float64"`` (index 1): a device without double precision, as Apple
  MPS and many TPUs are. It refuses float64 and complex128 tensors with a TypeError,
  and its default dtypes (``default_dtypes(device=...)``, and what creation functions
  and ``asarray`` of Python floats give there) are float32 and complex64.

Both compute with NumPy in host memory, but behave as a separate accelerator does:

- Operations that mix them with another device raise ValueError (``device_mismatch``),
  like any two devices; ``to_device`` and ``asarray(..., device=...)`` copy.
- ``numpy()`` and NumPy's ``__array__`` refuse (``np.asarray(x)`` fails, as for a CUDA
  tensor): move the data to the CPU first.
- DLPack: ``__dlpack_device__()`` is ``(12, index)`` (kDLExtDev), not ``(1, 0)``.
  Reporting the CPU would let NumPy or PyTorch import the tensor as host memory
  silently, which hides exactly the bug an emulated accelerator is there to catch
  (handing device memory to a host-only consumer). So ``__dlpack__()`` refuses with
  BufferError, as a CPU-only consumer meets a GPU tensor, while
  ``__dlpack__(dl_device=(1, 0))`` gives a host copy (flagged IS_COPIED; CopyError
  under ``copy=False``), as for CUDA; ``numpy.from_dlpack(x, device="cpu")`` asks for
  exactly that. ``xtensor.from_dlpack`` and ``asarray`` of an emulated tensor need
  no capsule and keep it on its device (or move it where asked).

The real CPU path pays nothing: an emulated device's ``array_type`` is a class no
array has, so ``_tensor.wrap`` sends every result for an emulated device through the
checking ``asarray`` of its backend, and only those.
"""

from __future__ import annotations

import contextlib
from typing import Any

from ._backend import numpy as np
from ._devices import EMULATED, Device
from ._dtypes import DType, complex64, complex128, float32, float64

__all__ = ["enable_emulated_devices", "disable_emulated_devices", "EmulatedBackend"]


class _NoArray:
    """The ``array_type`` of emulated devices: no array is of this class."""


class _NoCuda:
    """``backend.cuda.Device(i)``, which code for non-CPU devices enters, is nothing here."""

    @staticmethod
    def Device(index: int) -> contextlib.nullcontext[None]:  # noqa: N802 -- CuPy's name
        return contextlib.nullcontext()


class EmulatedBackend:
    """The backend of an emulated device: NumPy, with an ``asarray`` that refuses the
    dtypes the device does not have."""

    ndarray = _NoArray
    cuda = _NoCuda

    def __init__(self, device_name: str, unsupported: frozenset[DType], like: str) -> None:
        self._device_name = device_name
        self._unsupported = frozenset(d.numpy for d in unsupported)
        self._like = like

    def __getattr__(self, name: str) -> Any:
        return getattr(np, name)

    def asarray(self, obj: Any, dtype: Any = None, **kwargs: Any) -> Any:
        array = np.asarray(obj, dtype=dtype, **kwargs)
        if array.dtype in self._unsupported:
            raise TypeError(
                f"device {self._device_name!r} has no {array.dtype} (it emulates {self._like}); "
                "use float32 or complex64 there, or compute on another device"
            )
        return array

    @staticmethod
    def asnumpy(array: Any) -> Any:
        return np.asarray(array)


def _make_devices() -> tuple[Device, ...]:
    gpu = Device._make(
        "emulated",
        0,
        EmulatedBackend("emulated:gpu", frozenset(), "a second accelerator"),
        name="emulated:gpu",
    )
    no_f64 = frozenset({float64, complex128})
    no_float64 = Device._make(
        "emulated",
        1,
        EmulatedBackend(
            "emulated:no-float64", no_f64, "an accelerator without float64, like Apple MPS"
        ),
        name="emulated:no-float64",
        defaults={float64: float32, complex128: complex64},
        unsupported=no_f64,
    )
    return gpu, no_float64


DEVICES = _make_devices()


def enable_emulated_devices() -> tuple[Device, ...]:
    """Add the emulated devices ``"emulated:gpu"`` and ``"emulated:no-float64"``.

    They become valid wherever a device is accepted and are listed by
    ``__array_namespace_info__().devices()`` after the real ones. The setting is
    process-wide; ``XTENSOR_EMULATED_DEVICES=1`` switches it on at import.

    Returns
    -------
    tuple of Device
        The two devices (the same objects every time).

    Examples
    --------
    >>> gpu, no_f64 = xp.enable_emulated_devices()
    >>> xp.ones(2, device=gpu)
    tensor([1., 1.], device='emulated:gpu')
    >>> xp.ones(2, device=no_f64).dtype
    xtensor.float32
    >>> xp.disable_emulated_devices()
    """
    for dev in DEVICES:
        EMULATED[str(dev)] = dev
        EMULATED[f"emulated:{dev.index}"] = dev
    return DEVICES


def disable_emulated_devices() -> None:
    """Remove the emulated devices from ``devices()`` and refuse their names again.

    Tensors already on them keep working.

    Returns
    -------
    None

    Examples
    --------
    >>> gpu, _ = xp.enable_emulated_devices()
    >>> t = xp.ones(2, device=gpu)
    >>> xp.disable_emulated_devices()
    >>> xp.__array_namespace_info__().devices()[-1] == gpu
    False
    >>> (t + t).device
    device('emulated:gpu')
    """
    EMULATED.clear()


def _init() -> None:
    """Apply ``XTENSOR_EMULATED_DEVICES`` (called when the package is imported)."""
    from ._strict import env_flag

    if env_flag("XTENSOR_EMULATED_DEVICES", False):
        enable_emulated_devices()
