"""Conversions into tensors: ``asarray``, ``as_tensor``, ``tensor``, ``from_dlpack``.

One procedure, ``convert``, decides for every entry point whether the result can
share the input's memory and, when it cannot, why: the reason is the message of
the ``CopyError`` raised when ``copy=False`` cannot be honoured.

What shares and what copies (``copy=None``):

- a Tensor: itself (``as_tensor``, ``asarray``) when dtype and device match;
- a NumPy array, a CuPy array, a buffer (memoryview, bytearray, bytes, array.array),
  a DLPack producer (PyTorch, JAX, array-api-strict, …): its memory, read-only
  when the input is or when it has zero strides (a broadcast view: a write would
  land on many elements); a copy when the dtype or device differs, or the data is
  byte-swapped or misaligned (NumPy only);
- a NumPy scalar, a Python scalar, a nested sequence: always a copy;
- a PyTorch tensor with its negative or conjugate bit set (whose DLPack export would
  give wrong values, or none): a copy PyTorch computes (``_peer_gaps``).
"""

from __future__ import annotations

from typing import Any

from . import _backend, _dlpack, _peer_gaps
from ._arguments import check_device, check_dtype, check_optional_bool
from ._backend import numpy as np
from ._devices import CPU, Device, as_device
from ._dtypes import ALL_DTYPES, DType, from_numpy, int64
from ._errors import CopyError
from ._tensor import Tensor, wrap

__all__ = ["asarray", "as_tensor", "tensor", "from_dlpack", "convert"]

_SUPPORTED_NUMPY = {d.numpy for d in ALL_DTYPES}
_ndarray = np.ndarray
_PYTHON_SCALARS = (bool, int, float, complex)
_SUPPORTED_INPUT = (
    "a Tensor, a NumPy or CuPy array, a DLPack producer (PyTorch, JAX, …), an object "
    "with the buffer protocol, a Python scalar, or a nested sequence of those"
)
_SUPPORTED_DTYPES = "bool, integers, float16/32/64 and complex64/128"
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


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
        nested sequence of Python scalars.
    dtype, device
        The wanted dtype and device; None keeps the input's (data stays where it is;
        Python data gets bool, int64, float64 or complex128).
    copy
        None: share when possible, else copy. True: always copy. False: never copy;
        raises ``CopyError`` (a ValueError) saying why a copy would be needed.

    Returns
    -------
    Tensor
        A view of ``obj``'s memory (read-only when that memory is) unless a copy was
        needed or asked for; on ``device``, else where ``obj`` is.

    Raises
    ------
    TypeError
        Unsupported input (strings, objects, ragged sequences, ...) or dtypes, or a
        ``copy`` that is not True, False or None.
    OverflowError
        A Python int out of range of the dtype.
    CopyError
        ``copy=False`` when a copy is needed (a ValueError).
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.asarray([1, 2, 3])
    tensor([1, 2, 3])
    >>> xp.asarray([[1.0, 2.0]], dtype=xp.float32)
    tensor([[1., 2.]], dtype=xtensor.float32)
    >>> import numpy as np
    >>> a = np.zeros(3)
    >>> t = xp.asarray(a)
    >>> t[0] = 5.0
    >>> a
    array([5., 0., 0.])
    >>> xp.asarray(a, dtype=xp.float32, copy=False)
    Traceback (most recent call last):
        ...
    xtensor._errors.CopyError: asarray(copy=False): a copy is needed: dtype float64 differs from ...
    """
    return convert(obj, dtype, device, copy, "asarray")


def as_tensor(data: Any, dtype: DType | None = None, device: Device | str | None = None) -> Tensor:
    """Convert ``data`` to a tensor like ``torch.as_tensor``: share memory when possible.

    A Tensor with matching dtype and device comes back as itself; NumPy arrays,
    DLPack producers (CuPy, PyTorch, JAX, ...) and buffers are shared (read-only input
    gives a read-only tensor); NumPy scalars, Python scalars and sequences are
    copied. Unlike ``asarray(copy=False)``, a needed copy is made, never refused.

    Parameters
    ----------
    data
        A Tensor, NumPy or CuPy array, DLPack producer, buffer, Python scalar or
        nested sequence of Python scalars.
    dtype
        The wanted dtype; None keeps the input's (Python data gets bool, int64,
        float64 or complex128).
    device
        The wanted device; None keeps data where it is.

    Returns
    -------
    Tensor
        ``data`` itself, a view of its memory, or a new tensor when the dtype, the
        device or the input's kind asks for a copy; on ``device``, else where
        ``data`` is.

    Raises
    ------
    TypeError
        Unsupported input or dtypes.
    OverflowError
        A Python int out of range of the dtype.
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> import numpy as np
    >>> a = np.arange(3)
    >>> t = xp.as_tensor(a)
    >>> t += 10
    >>> a
    array([10, 11, 12])
    >>> xp.as_tensor(t) is t
    True
    >>> xp.as_tensor(a, dtype=xp.float32)
    tensor([10., 11., 12.], dtype=xtensor.float32)
    """
    return convert(data, dtype, device, None, "as_tensor")


def tensor(data: Any, dtype: DType | None = None, device: Device | str | None = None) -> Tensor:
    """A new, writeable tensor holding a copy of ``data``; it never shares memory with it.

    Parameters
    ----------
    data
        A Tensor, NumPy or CuPy array, DLPack producer, buffer, Python scalar or
        nested sequence of Python scalars.
    dtype
        The wanted dtype; None keeps the input's (Python data gets bool, int64,
        float64 or complex128).
    device
        The wanted device; None: where ``data`` is.

    Returns
    -------
    Tensor
        A new tensor on ``device``, else where ``data`` is.

    Raises
    ------
    TypeError
        Unsupported input or dtypes.
    OverflowError
        A Python int out of range of the dtype.
    ValueError
        An unknown or unavailable ``device``.

    Examples
    --------
    >>> xp.tensor([1.5, 2.5])
    tensor([1.5, 2.5])
    >>> x = xp.asarray([1, 2])
    >>> y = xp.tensor(x)
    >>> y[0] = 100
    >>> x
    tensor([1, 2])
    >>> xp.tensor("abc")
    Traceback (most recent call last):
        ...
    TypeError: tensor: unsupported input str 'abc': expected a Tensor, a NumPy or CuPy array, a ...
    """
    return convert(data, dtype, device, True, "tensor")


def from_dlpack(
    x: Any, /, *, device: Device | str | None = None, copy: bool | None = None
) -> Tensor:
    """Import ``x`` through the DLPack protocol.

    Parameters
    ----------
    x
        An object with ``__dlpack__`` and ``__dlpack_device__`` (a Tensor, NumPy,
        CuPy, PyTorch, JAX or array-api-strict array, ...).
    device
        Where the result goes; None: where ``x`` is (host-accessible memory, such as
        CUDA pinned or managed memory, counts as the CPU).
    copy
        None: share when possible. True: always copy. False: never copy.

    Returns
    -------
    Tensor
        A view of ``x``'s memory (read-only when the capsule says so) unless a copy
        was needed or asked for; on ``device``, else where ``x`` is.

    Raises
    ------
    AttributeError
        When ``x`` lacks ``__dlpack__`` or ``__dlpack_device__``.
    BufferError
        When ``x`` cannot be described by DLPack or lives on a device xtensor cannot
        read (the message names it), or the capsule has another major version.
    CopyError
        (both BufferError and ValueError) when ``copy=False`` cannot be honoured.
    TypeError
        ``copy`` is not True, False or None.
    ValueError
        ``device`` is unknown.

    Examples
    --------
    >>> import numpy as np
    >>> a = np.asarray([1.0, 2.0])
    >>> t = xp.from_dlpack(a)
    >>> t
    tensor([1., 2.])
    >>> t[1] = 0.5
    >>> a
    array([1. , 0.5])
    >>> xp.from_dlpack(a, copy=True).data_ptr() == t.data_ptr()
    False
    >>> xp.from_dlpack([1, 2])
    Traceback (most recent call last):
        ...
    AttributeError: from_dlpack: expected an object with __dlpack__ and __dlpack_device__, got list
    """
    if copy is not None and copy.__class__ is not bool:
        copy = check_optional_bool(copy, "from_dlpack", "copy")
    if (
        x.__class__ is _ndarray
        and device is None
        and copy is not True
        and x.dtype in _SUPPORTED_NUMPY
        and x.flags.aligned
    ):
        return wrap(x, CPU)  # what NumPy's capsule would give, without one
    target = None if device is None else check_device(device, "from_dlpack")
    if x.__class__ is Tensor:  # what the protocol would give, without a capsule
        return _from_array(x._array, x._device, None, target, copy, "from_dlpack")
    resolved = _peer_gaps.resolve_lazy_bits(x, copy, "from_dlpack")
    if resolved is not None:  # PyTorch computed the values: a new tensor, shared
        x, copy = resolved, None
    array, dev, _ = _dlpack.consume(x, target, copy)
    return wrap(array, dev)


def convert(obj: Any, dtype: Any, device: Any, copy: bool | None, what: str) -> Tensor:
    """The one share-or-copy procedure behind every conversion entry point."""
    if (
        obj.__class__ is _ndarray
        and dtype is None
        and device is None
        and (copy is None or copy is False)
        and obj.dtype in _SUPPORTED_NUMPY
        and obj.flags.aligned
    ):
        return wrap(obj, CPU)  # the common case: a NumPy array shared as it is
    want_dtype = None if dtype is None else check_dtype(dtype, what)
    want_device = None if device is None else check_device(device, what)
    if copy is not None and copy.__class__ is not bool:
        copy = check_optional_bool(copy, what, "copy")
    cls = obj.__class__
    if cls is Tensor:
        return _from_array(obj._array, obj._device, want_dtype, want_device, copy, what, obj)
    if isinstance(obj, np.ndarray):
        return _from_host(obj, want_dtype, want_device, copy, what)
    if cls in _PYTHON_SCALARS or isinstance(obj, (np.generic, list, tuple, range)):
        if copy is False:
            kind = "a NumPy scalar" if isinstance(obj, np.generic) else f"a Python {cls.__name__}"
            raise CopyError(f"{what}(copy=False): a copy is needed: the input is {kind}")
        return _from_python(obj, want_dtype, want_device, what)
    if isinstance(obj, str):
        raise _unsupported(obj, what)
    cp = _backend.cupy_or_none()
    if cp is not None and isinstance(obj, cp.ndarray):
        source = as_device(f"cuda:{obj.device.id}")
        return _from_array(obj, source, want_dtype, want_device, copy, what)
    if hasattr(obj, "__dlpack_device__") and hasattr(obj, "__dlpack__"):
        return _from_dlpack_producer(obj, want_dtype, want_device, copy, what)
    buffer = _buffer_or_none(obj)
    if buffer is not None:
        return _from_host(buffer, want_dtype, want_device, copy, what)
    if hasattr(obj, "__array__") or hasattr(obj, "__array_interface__"):
        return _from_host(obj, want_dtype, want_device, copy, what)
    if cp is not None and hasattr(obj, "__cuda_array_interface__"):
        array = cp.asarray(obj)
        source = as_device(f"cuda:{array.device.id}")
        return _from_array(array, source, want_dtype, want_device, copy, what)
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
    """Share ``array`` (a backend array of a supported native dtype) or copy it.

    ``copied`` says why ``array`` is already a copy of the caller's input (None when
    it is the input's own memory); ``original`` is the input when it is a Tensor.
    """
    target = source if device is None else device
    reasons = [] if copied is None else [copied]
    if dtype is not None and dtype.numpy != array.dtype:
        reasons.append(
            f"dtype {from_numpy(array.dtype).name} differs from the requested {dtype.name}"
        )
    if target is not source:
        reasons.append(f"the array is on {source} and {target} was requested")
    if reasons and copy is False:
        raise CopyError(f"{what}(copy=False): a copy is needed: {' and '.join(reasons)}")
    if len(reasons) == 1 and copied is not None:
        return wrap(array, source)  # the copy made for the reason is the result
    if not reasons:
        if copy:
            return wrap(_dlpack.copy_on(array, source), source)
        return original if original is not None else wrap(array, source)
    if target is not source:
        if dtype is not None and from_numpy(array.dtype) in target.unsupported:
            array = _dlpack.copy_on(array, source, dtype.numpy)  # the target cannot hold it
        array = _dlpack.move(array, source, target, None)
    if dtype is not None and dtype.numpy != array.dtype:
        array = _dlpack.copy_on(array, target, dtype.numpy)
    return wrap(array, target)


def _from_host(
    obj: Any, dtype: DType | None, device: Device | None, copy: bool | None, what: str
) -> Tensor:
    array, copied = _host_array(obj, copy, what)
    return _from_array(array, CPU, dtype, device, copy, what, copied=copied)


def _host_array(obj: Any, copy: bool | None, what: str) -> tuple[Any, str | None]:
    """``obj`` as a NumPy array of a supported native dtype, aligned, and why it had
    to be copied to get there (None when it is ``obj``'s own memory)."""
    if isinstance(obj, np.ndarray):
        array = obj
    elif isinstance(obj, memoryview):
        array = np.asarray(obj)  # always the buffer's own memory
    else:
        try:  # ``__array__``: NumPy passes copy=False on, and raises if it cannot be kept
            array = np.asarray(obj, copy=False if copy is False else None)
        except ValueError as exc:
            raise CopyError(f"{what}(copy=False): a copy is needed: {exc}") from None
    dt = array.dtype
    if dt in _SUPPORTED_NUMPY and dt.isnative and array.flags.aligned:
        return _dlpack.protect_broadcast(array), None
    native = dt.newbyteorder("=")
    if native not in _SUPPORTED_NUMPY:
        raise TypeError(
            f"{what}: unsupported dtype {dt} ({type(obj).__name__} input): xtensor holds "
            f"{_SUPPORTED_DTYPES}"
        )
    reason = "non-native byte order" if not dt.isnative else "the data is not aligned"
    if copy is False:
        raise CopyError(f"{what}(copy=False): a copy is needed: {reason} ({dt})")
    return array.astype(native, order="K"), reason


def _from_python(obj: Any, dtype: DType | None, device: Device | None, what: str) -> Tensor:
    """A new array from Python or NumPy scalars, or nested sequences of them.

    Without a dtype, Python data gets the standard's defaults: an all-int input is
    int64 (NumPy would pick uint64, float64 or object for ints beyond int64).
    """
    np_dtype = None if dtype is None else dtype.numpy
    if obj.__class__ is range:  # as NumPy and PyTorch take it; computed, not iterated
        obj = _range_array(obj, dtype, what)
    try:
        array = np.array(obj, dtype=np_dtype)
    except OverflowError:
        name = dtype.name if dtype is not None else "int64"
        raise OverflowError(
            f"{what}: a Python int in {_describe(obj)} is out of range for {name}"
        ) from None
    except ValueError as exc:
        if "inhomogeneous" in str(exc) or "sequence" in str(exc):
            raise TypeError(f"{what}: ragged nested sequences are not supported: {exc}") from None
        raise
    except TypeError as exc:
        raise TypeError(f"{what}: cannot convert {_describe(obj)}: {exc}") from None
    if dtype is None and array.dtype.kind in "uOf" and _int_out_of_int64(obj, array):
        raise OverflowError(
            f"{what}: a Python int in {_describe(obj)} is out of range for {int64.name}, "
            "the default integer dtype (pass a dtype that holds it)"
        )
    if array.dtype not in _SUPPORTED_NUMPY:
        raise TypeError(
            f"{what}: cannot convert {_describe(obj)}: its elements gave NumPy dtype "
            f"{array.dtype}; xtensor holds {_SUPPORTED_DTYPES}"
        )
    if device is not None and device is not CPU:
        if dtype is None and device.defaults:  # Python floats get the device's default
            default = device.defaults.get(from_numpy(array.dtype))
            if default is not None:
                array = array.astype(default.numpy)
        return wrap(_dlpack.move(array, CPU, device, None), device)
    return wrap(array, CPU)


def _range_array(r: range, dtype: DType | None, what: str) -> Any:
    """``r``'s values as a NumPy array, exact: in ``dtype`` when it is an integer dtype
    (OverflowError for values out of its range, as for a list), else in int64."""
    from ._creation_functions import arange  # imports this module

    want = dtype if dtype is not None and dtype.kind.endswith("integer") else int64
    try:
        return arange(r.start, r.stop, r.step, dtype=want)._array
    except OverflowError:
        raise OverflowError(f"{what}: {r!r} has values out of range for {want.name}") from None


def _int_out_of_int64(obj: Any, array: Any) -> bool:
    """Whether NumPy's dtype for ``obj`` came from Python ints beyond int64.

    Cheap checks first: only object arrays, uint64 arrays and float64 arrays holding a
    magnitude of 2**63 or more can come from such ints (NumPy's picks for them).
    """
    kind = array.dtype.kind
    if kind == "f" and not (
        array.dtype == np.float64 and array.size and np.abs(array).max() >= 2.0**63
    ):
        return False
    return _has_big_int(obj)


def _has_big_int(obj: Any) -> bool:
    if obj.__class__ is int:
        return not _INT64_MIN <= obj <= _INT64_MAX
    if isinstance(obj, (list, tuple)):
        return any(_has_big_int(o) for o in obj)
    return False


def _from_dlpack_producer(
    obj: Any, dtype: DType | None, device: Device | None, copy: bool | None, what: str
) -> Tensor:
    resolved = _peer_gaps.resolve_lazy_bits(obj, copy, what)
    if resolved is not None:  # PyTorch computed the values: a new tensor, shared
        obj, copy = resolved, None
    # Ask for a copy only when no dtype change will make one anyway; the dtype is
    # known only once the capsule is read.
    ask = None if dtype is not None and copy else copy
    array, dev, copied = _dlpack.consume(obj, device, ask, what)
    if dtype is not None and dtype.numpy != array.dtype:
        if copy is False:
            raise CopyError(
                f"{what}(copy=False): a copy is needed: dtype {from_numpy(array.dtype).name} "
                f"differs from the requested {dtype.name}"
            )
        array = _dlpack.copy_on(array, dev, dtype.numpy)
    elif copy and not copied:
        array = _dlpack.copy_on(array, dev)
    return wrap(array, dev)


def _buffer_or_none(obj: Any) -> memoryview | None:
    try:
        return memoryview(obj)
    except TypeError:
        return None


def _describe(obj: Any) -> str:
    text = repr(obj)
    return f"{type(obj).__name__} {text[:60]}{'…' if len(text) > 60 else ''}"


def _unsupported(obj: Any, what: str) -> TypeError:
    return TypeError(f"{what}: unsupported input {_describe(obj)}: expected {_SUPPORTED_INPUT}")
