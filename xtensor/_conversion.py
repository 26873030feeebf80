"""Conversions into tensors: ``asarray``, ``as_tensor``, ``tensor``, ``from_dlpack``.

One procedure, ``convert``, decides for every entry point whether the result can
share the input's memory and, when it cannot, why: the reason is the message of
the ``CopyError`` raised when ``copy=False`` cannot be honoured.
"""

from __future__ import annotations

from typing import Any

from . import _backend, _dlpack
from ._backend import numpy as np
from ._devices import CPU, Device, as_device
from ._dtypes import ALL_DTYPES, DType, as_dtype, from_numpy
from ._errors import CopyError
from ._tensor import Tensor, wrap

__all__ = ["asarray", "as_tensor", "tensor", "from_dlpack", "convert"]

_SUPPORTED_NUMPY = {d.numpy for d in ALL_DTYPES}
_PYTHON_SCALARS = (bool, int, float, complex)
_SUPPORTED_INPUT = (
    "a Tensor, a NumPy or CuPy array, a DLPack producer (PyTorch, JAX, …), an object "
    "with the buffer protocol, a Python scalar, or a nested sequence of those"
)


def asarray(
    obj: Any,
    /,
    *,
    dtype: DType | None = None,
    device: Device | str | None = None,
    copy: bool | None = None,
) -> Tensor:
    """Convert ``obj`` to a tensor, sharing its memory when possible.

    Parameters
    ----------
    obj
        A Tensor, NumPy or CuPy array, DLPack producer, buffer, Python scalar or
        nested sequence.
    dtype, device
        The wanted dtype and device; None keeps the input's (data stays where it is).
    copy
        None: share when possible, else copy. True: always copy. False: never copy;
        raises ``CopyError`` (a ValueError) saying why a copy would be needed.

    Returns
    -------
    Tensor
        Sharing ``obj``'s memory unless a copy was needed or asked for.
    """
    return convert(obj, dtype, device, copy, "asarray")


def as_tensor(data: Any, dtype: DType | None = None, device: Device | str | None = None) -> Tensor:
    """Convert ``data`` to a tensor like ``torch.as_tensor``: share memory when the
    dtype and device allow it, copy otherwise (never raises for a needed copy).

    A Tensor with matching dtype and device comes back as itself; NumPy arrays,
    DLPack producers (CuPy, PyTorch, JAX, …) and buffers are shared; Python
    scalars and sequences are copied. ``device=None`` keeps data where it is.
    """
    return convert(data, dtype, device, None, "as_tensor")


def tensor(data: Any, dtype: DType | None = None, device: Device | str | None = None) -> Tensor:
    """A new tensor holding a copy of ``data``; never shares memory with the input."""
    return convert(data, dtype, device, True, "tensor")


def from_dlpack(
    x: Any, /, *, device: Device | str | None = None, copy: bool | None = None
) -> Tensor:
    """Import ``x`` through the DLPack protocol (a view unless a copy is needed or asked).

    Raises BufferError when ``x`` cannot be described by DLPack or lives on an
    unsupported device, and ``CopyError`` when ``copy=False`` cannot be honoured.
    """
    target = None if device is None else as_device(device)
    if x.__class__ is Tensor:
        return convert(x, None, target, copy, "from_dlpack")
    if not hasattr(x, "__dlpack__"):
        raise TypeError(
            f"from_dlpack: expected an object with __dlpack__ and __dlpack_device__, "
            f"got {type(x).__name__}"
        )
    array, dev = _dlpack.consume(x, target, copy)
    return _checked(array, dev, "from_dlpack")


def convert(obj: Any, dtype: Any, device: Any, copy: bool | None, what: str) -> Tensor:
    """The one share-or-copy procedure behind every conversion entry point."""
    want_dtype = None if dtype is None else as_dtype(dtype)
    want_device = None if device is None else as_device(device)
    if copy is not None and copy is not True and copy is not False:
        raise ValueError(f"{what}: copy must be True, False or None, got {copy!r}")
    cls = obj.__class__
    if cls is Tensor:
        return _from_array(obj._array, obj._device, want_dtype, want_device, copy, what, obj)
    if cls is np.ndarray or isinstance(obj, np.ndarray):
        return _from_host(obj, want_dtype, want_device, copy, what)
    if isinstance(obj, np.generic) or cls in _PYTHON_SCALARS or isinstance(obj, (list, tuple)):
        if copy is False:
            kind = "a NumPy scalar" if isinstance(obj, np.generic) else f"a Python {cls.__name__}"
            raise CopyError(f"{what}(copy=False): a copy is needed: the input is {kind}")
        return _from_python(obj, want_dtype, want_device, what)
    if isinstance(obj, str):
        raise _unsupported(obj, what)
    cp = _backend.cupy_or_none()
    if cp is not None and isinstance(obj, cp.ndarray):
        return _from_array(obj, _dlpack.source_device(obj), want_dtype, want_device, copy, what)
    if hasattr(obj, "__dlpack__"):
        return _from_dlpack_producer(obj, want_dtype, want_device, copy, what)
    buffer = _buffer_or_none(obj)
    if buffer is not None:
        return _from_host(buffer, want_dtype, want_device, copy, what)
    if hasattr(obj, "__array__"):
        return _from_host(obj, want_dtype, want_device, copy, what)
    if cp is not None and hasattr(obj, "__cuda_array_interface__"):
        array = cp.asarray(obj)
        return _from_array(array, _dlpack.source_device(array), want_dtype, want_device, copy, what)
    raise _unsupported(obj, what)


def _from_array(
    array: Any,
    source: Device,
    dtype: DType | None,
    device: Device | None,
    copy: bool | None,
    what: str,
    original: Tensor | None = None,
    copied: str | None = None,
) -> Tensor:
    """Share ``array`` (a native, supported backend array) or copy it, as asked.

    ``copied`` says why ``array`` is already a copy of the caller's input.
    """
    target = source if device is None else device
    reasons = [] if copied is None else [copied]
    if dtype is not None and dtype.numpy != array.dtype:
        reasons.append(
            f"dtype {from_numpy(array.dtype).name} differs from the requested {dtype.name}"
        )
    if target is not source:
        reasons.append(f"the array is on {source} and {target} was requested")
    if copied is not None and copy is not False and len(reasons) == 1:
        return wrap(array, source)
    if not reasons:
        if copy:
            return wrap(array.copy(), source)
        if original is not None:
            return original
        return wrap(array, source)
    if copy is False:
        raise CopyError(f"{what}(copy=False): a copy is needed: {' and '.join(reasons)}")
    if target is not source:
        array = _dlpack.move(array, source, target, None)
    if dtype is not None:
        array = array.astype(dtype.numpy, copy=False)
    return wrap(array, target)


def _from_host(
    obj: Any, dtype: DType | None, device: Device | None, copy: bool | None, what: str
) -> Tensor:
    array, copied = _host_array(obj, what)
    return _from_array(array, CPU, dtype, device, copy, what, copied=copied)


def _host_array(array: Any, what: str) -> tuple[Any, str | None]:
    """``array`` as a NumPy array of a supported native dtype, and why it had to be
    copied to get there (None when it is the input's own memory)."""
    if not isinstance(array, np.ndarray):
        array = np.asarray(array)
    dt = array.dtype
    if dt in _SUPPORTED_NUMPY and dt.isnative and array.flags.aligned:
        return array, None
    native = dt.newbyteorder("=")
    if native not in _SUPPORTED_NUMPY:
        raise TypeError(
            f"{what}: unsupported NumPy dtype {dt}: xtensor holds bool, integers, "
            "float16/32/64 and complex64/128"
        )
    reason = "non-native byte order" if not dt.isnative else "the data is not aligned"
    return array.astype(native), reason


def _from_python(obj: Any, dtype: DType | None, device: Device | None, what: str) -> Tensor:
    np_dtype = None if dtype is None else dtype.numpy
    try:
        array = np.array(obj, dtype=np_dtype)
    except OverflowError as exc:
        name = dtype.name if dtype is not None else "int64"
        raise OverflowError(f"{what}: a Python integer is out of range for {name}: {exc}") from None
    except ValueError as exc:
        if "inhomogeneous" in str(exc) or "sequence" in str(exc):
            raise TypeError(f"{what}: ragged nested sequences are not supported: {exc}") from None
        raise
    except TypeError as exc:
        raise TypeError(f"{what}: cannot convert {_describe(obj)}: {exc}") from None
    if array.dtype not in _SUPPORTED_NUMPY:
        if array.dtype.kind == "O" and _has_big_int(obj):
            raise OverflowError(
                f"{what}: a Python integer is out of range for int64 and uint64: {_describe(obj)}"
            )
        raise TypeError(
            f"{what}: cannot convert {_describe(obj)}: its elements gave NumPy dtype "
            f"{array.dtype}; xtensor holds bool, integers, floats and complex numbers"
        )
    if device is not None and device is not CPU:
        array = _dlpack.move(array, CPU, device, None)
        return wrap(array, device)
    return wrap(array, CPU)


def _from_dlpack_producer(
    obj: Any, dtype: DType | None, device: Device | None, copy: bool | None, what: str
) -> Tensor:
    dtype_change = False
    try:
        array, dev = _dlpack.consume(obj, device, None if dtype is not None and copy else copy)
    except CopyError as exc:
        raise CopyError(f"{what}: {exc}") from None
    if dtype is not None and dtype.numpy != array.dtype:
        dtype_change = True
        if copy is False:
            raise CopyError(
                f"{what}(copy=False): a copy is needed: dtype {array.dtype} differs from the "
                f"requested {dtype.name}"
            )
        array = array.astype(dtype.numpy)
    elif copy and dtype is not None and not dtype_change:
        array = array.copy()
    return _checked(array, dev, what)


def _checked(array: Any, device: Device, what: str) -> Tensor:
    if array.dtype not in _SUPPORTED_NUMPY:
        raise TypeError(f"{what}: unsupported dtype {array.dtype} from DLPack")
    return wrap(array, device)


def _buffer_or_none(obj: Any) -> Any:
    try:
        view = memoryview(obj)
    except TypeError:
        return None
    return view


def _has_big_int(obj: Any) -> bool:
    if isinstance(obj, int) and not isinstance(obj, bool):
        return not -(2**63) <= obj < 2**64
    if isinstance(obj, (list, tuple)):
        return any(_has_big_int(o) for o in obj)
    return False


def _describe(obj: Any) -> str:
    text = repr(obj)
    return f"{type(obj).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"


def _unsupported(obj: Any, what: str) -> TypeError:
    return TypeError(f"{what}: unsupported input {_describe(obj)}: expected {_SUPPORTED_INPUT}")
