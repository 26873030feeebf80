"""Tensors that leave the process: pickling, ``copy.copy`` and ``copy.deepcopy``.

What a round trip keeps: dtype, shape, values, device and read-only-ness.

- **Pickle** (every protocol) stores the backend array with the backend's own
  pickling (NumPy's; CuPy's for CUDA) and the device. With protocol 5 and a
  ``buffer_callback``, NumPy hands a C- or F-contiguous tensor's memory out of band
  as a ``PickleBuffer`` over that memory, with no copy (how multiprocessing, Dask and
  Ray move arrays cheaply); other layouts (sliced with steps, transposed beyond one
  axis order, negative strides, broadcast) are written as their elements, and come
  back contiguous. Rebuilding calls :func:`tensor_from_pickle`, whose module path and
  name are part of the format of every pickle ever written: keep them.
- **Read-only-ness** is kept by every protocol and by both copies: read-only marks
  memory its owner declared immutable (a JAX array, a file mapped read-only, a
  broadcast view), and passing it through a process pool or a deep copy does not make
  it writeable. ``xtensor.tensor(x)`` gives a writeable copy. Out of band, the tensor
  is built over the buffer the receiver hands to ``loads``, and is read-only whenever
  that buffer is, whatever the original was: xtensor never writes through memory it
  was given read-only.
- **Devices** come back as they were: the CPU, an emulated device (even where
  emulated devices are switched off, as tensors already on them keep working), or
  CUDA device N (through CuPy, which must be installed where the pickle is loaded).
- ``copy.copy`` copies the elements (keeping the layout's order), as NumPy does.
- ``copy.deepcopy`` keeps the sharing *between* the tensors it copies, as PyTorch
  does and NumPy does not: a tensor and a view of it, deep-copied together (in one
  container), come back as a tensor and a view of the new tensor. To do that it copies
  the whole memory a tensor is a view of (as PyTorch copies a whole storage); use
  ``copy.copy`` or ``xtensor.tensor`` to copy only a view's elements. On CUDA each
  tensor is copied on its own.
"""

from __future__ import annotations

import copy
import ctypes
from typing import Any

from ._backend import numpy as np
from ._devices import CPU, Device

__all__ = ["reduce_tensor", "tensor_from_pickle", "copy_tensor", "deepcopy_tensor"]


def reduce_tensor(tensor: Any) -> tuple[Any, ...]:
    """``Tensor.__reduce_ex__``: rebuild with :func:`tensor_from_pickle`."""
    return (tensor_from_pickle, (tensor._array, tensor._device, tensor.is_readonly))


def tensor_from_pickle(array: Any, device: Device, readonly: bool) -> Any:
    """The tensor a pickle describes: ``array`` (as its backend unpickled it) on ``device``."""
    from ._tensor import wrap  # imports this module

    if device is not CPU and not device.emulated:
        array = _on_cuda_device(array, device)
    elif readonly and array.flags.writeable:
        array.flags.writeable = False
    return wrap(array, device)


def _on_cuda_device(array: Any, device: Device) -> Any:
    """CuPy unpickles onto the current GPU: move the array to the one it came from."""
    if int(array.device.id) == device.index:
        return array
    with device.backend.cuda.Device(device.index):
        return device.backend.array(array, copy=True)


def copy_tensor(tensor: Any) -> Any:
    """``copy.copy``: a tensor over a copy of the elements, in the same order."""
    from ._tensor import wrap  # imports this module

    array = tensor._array.copy(order="K")
    if tensor.is_readonly:
        array.flags.writeable = False
    return wrap(array, tensor._device)


def deepcopy_tensor(tensor: Any, memo: dict[int, Any]) -> Any:
    """``copy.deepcopy``: a copy that shares memory with the other tensors copied with
    ``memo`` exactly where the originals shared it."""
    from ._tensor import wrap  # imports this module

    device = tensor._device
    if device is not CPU and not device.emulated:
        return copy_tensor(tensor)
    array = tensor._array
    owner = array
    while isinstance(owner.base, np.ndarray):
        owner = owner.base
    key = id(owner)
    copied = memo.get(key)
    if copied is None:
        copied = memo[key] = _copy_span(owner)
        # Keep the owner alive while memo lives, so that its id names only it.
        copy._keep_alive(owner, memo)  # type: ignore[attr-defined]
    start, buffer = copied
    if array.size == 0:
        view = np.empty(array.shape, array.dtype)
    else:
        first = array.__array_interface__["data"][0]  # the address of element [0, ..., 0]
        view = np.ndarray(
            array.shape, array.dtype, buffer=buffer, offset=first - start, strides=array.strides
        )
    if not array.flags.writeable:
        view.flags.writeable = False
    return wrap(view, device)


def _copy_span(owner: Any) -> tuple[int, Any]:
    """The address of the first byte ``owner`` spans, and a copy of its bytes."""
    if owner.size == 0:
        return 0, np.empty(0, np.uint8)
    low, high = np.lib.array_utils.byte_bounds(owner)
    raw = (ctypes.c_char * (high - low)).from_address(low)
    return low, np.frombuffer(memoryview(raw), np.uint8).copy()
