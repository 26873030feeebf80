"""The Tensor: one strided array object over a backend array and its device.

A Tensor wraps exactly one backend array (``numpy.ndarray`` on the CPU,
``cupy.ndarray`` on CUDA) that *is* the strided view over its storage. Views made by
indexing and by the manipulation functions share that storage: a write through
one is seen by every other.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from sys import _getframe
from types import ModuleType
from typing import Any, SupportsIndex

from . import _dlpack, _pickle
from ._backend import numpy as np
from ._devices import CPU, Device
from ._dtypes import _FROM_NUMPY, DType, float64, promote, scalar_result
from ._kernels import KERNELS
from ._layout import Layout
from ._peer_gaps import CONSUMERS, export_to

__all__ = ["Tensor", "wrap", "device_mismatch"]

# api_version -> the namespace ``__array_namespace__`` returns (None: the default one);
# filled by ``_versions``, which builds older versions' namespaces on first use.
NAMESPACES: dict[str | None, ModuleType] = {}
_SCALAR_TYPES = (bool, int, float, complex)
_DEFAULT_DTYPE_NAMES = ("bool", "int64", "float64", "complex128")
_FLOAT_KINDS = ("real floating", "complex floating")
_object_new = object.__new__
_ndarray = np.ndarray
_np_dtype = np.dtype


class Tensor:
    """An n-dimensional strided array on a device.

    Tensors have no public constructor: make them with ``asarray``, ``as_tensor``,
    ``tensor``, ``from_dlpack`` or the creation functions.
    """

    __slots__ = ("_array", "_device", "__weakref__")

    _array: Any
    _device: Device

    # NumPy's binary operators defer to ours: ``ndarray + tensor`` calls
    # ``Tensor.__radd__`` and gives a Tensor, as ``tensor + ndarray`` does.
    __array_priority__ = 100

    def __new__(cls, *args: object, **kwargs: object) -> Tensor:
        raise TypeError(
            "Tensor has no public constructor: use xtensor.asarray, xtensor.as_tensor, "
            "xtensor.tensor or a creation function such as xtensor.zeros"
        )

    # --- attributes ------------------------------------------------------------------

    @property
    def dtype(self) -> DType:
        """The data type of the elements."""
        return _FROM_NUMPY[self._array.dtype]  # a subscript: cheaper than from_numpy's call

    @property
    def device(self) -> Device:
        """The device the tensor's memory is on."""
        return self._device

    @property
    def ndim(self) -> int:
        """The number of dimensions (0 for a 0-d tensor)."""
        return self._array.ndim  # type: ignore[no-any-return]

    @property
    def shape(self) -> tuple[int, ...]:
        """The length of each dimension, a tuple of ints (``()`` for a 0-d tensor)."""
        return self._array.shape  # type: ignore[no-any-return]

    @property
    def size(self) -> int:
        """The number of elements: the product of ``shape`` (1 for a 0-d tensor)."""
        return self._array.size  # type: ignore[no-any-return]

    @property
    def T(self) -> Tensor:
        """The transpose of a 2-d tensor (a view). For other ranks use ``permute_dims``."""
        if self._array.ndim != 2:
            raise ValueError(
                f"Tensor.T needs a 2-d tensor, got {self._array.ndim}-d; "
                "use permute_dims or .mT for other ranks"
            )
        return wrap(self._array.T, self._device)

    @property
    def mT(self) -> Tensor:
        """The transpose of the last two axes (a view); needs ``ndim >= 2``."""
        if self._array.ndim < 2:
            raise ValueError(f"Tensor.mT needs at least 2 dimensions, got {self._array.ndim}")
        return wrap(self._array.swapaxes(-1, -2), self._device)

    # --- strided introspection (in elements, like PyTorch) ---------------------------

    @property
    def layout(self) -> Layout:
        """The tensor's shape, strides and storage offset, in elements."""
        return Layout.of(self._array)

    def stride(self, dim: int | None = None) -> tuple[int, ...] | int:
        """Strides in elements; ``stride(dim)`` for one dimension."""
        strides = self.layout.strides
        return strides if dim is None else strides[_normalize_dim(dim, len(strides))]

    def storage_offset(self) -> int:
        """How many elements the first element lies past the start of the storage."""
        return self.layout.offset

    def is_contiguous(self) -> bool:
        """Whether the elements lie in row-major order with no gaps (size-1 dims ignored)."""
        return self.layout.is_contiguous()

    def contiguous(self) -> Tensor:
        """This tensor when it is contiguous, else a contiguous copy."""
        if self.is_contiguous():
            return self
        return wrap(self._device.backend.ascontiguousarray(self._array), self._device)

    def data_ptr(self) -> int:
        """The address of the first element (0 for some size-0 tensors)."""
        if self._device is CPU or self._device.emulated:
            return int(self._array.__array_interface__["data"][0])
        return int(self._array.data.ptr)

    def element_size(self) -> int:
        """The size of one element in bytes."""
        return int(self._array.itemsize)

    @property
    def nbytes(self) -> int:
        """The size of the elements in bytes (``size * element_size()``)."""
        return int(self._array.nbytes)

    @property
    def is_readonly(self) -> bool:
        """Whether writes into this tensor are refused (read-only memory, broadcast views)."""
        device = self._device
        return (device is CPU or device.emulated) and not self._array.flags.writeable

    # --- conversion to Python and NumPy ---------------------------------------------

    def numpy(self) -> Any:
        """The NumPy array over this tensor's memory (a view, no copy). CPU only."""
        if self._device is not CPU:
            raise TypeError(
                f"Tensor.numpy(): the tensor is on {self._device}; "
                "call .to_device('cpu') first to copy it to host memory"
            )
        return self._array.view()

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> Any:
        if self._device is not CPU:
            raise TypeError(
                f"cannot convert a tensor on {self._device} to a NumPy array implicitly; "
                "call .to_device('cpu') first"
            )
        if copy is not None and copy.__class__ is not bool:
            copy = _arguments().check_optional_bool(copy, "__array__", "copy")
        if dtype is not None and not isinstance(dtype, _np_dtype):
            try:
                dtype = np.dtype(dtype)
            except (TypeError, ValueError, SyntaxError) as exc:  # NumPy parses strings
                raise TypeError(f"__array__: dtype {dtype!r} is not a NumPy dtype: {exc}") from None
        if copy is False and dtype is not None and dtype != self._array.dtype:
            raise ValueError(
                f"__array__(copy=False): a copy is needed: dtype {self.dtype.name} differs "
                f"from the requested {np.dtype(dtype)}"
            )
        if copy:
            return np.array(self._array, dtype=dtype, copy=True)
        return self._array if dtype is None else self._array.astype(dtype, copy=False)

    def tolist(self) -> Any:
        """The elements as nested Python lists of Python scalars (a copy)."""
        return self._array.tolist()

    def item(self) -> bool | int | float | complex:
        """The only element, as a Python scalar; ValueError unless ``size == 1``."""
        if self._array.size != 1:
            raise ValueError(
                f"item() needs a tensor with exactly one element, got shape {self.shape}"
            )
        return self._array.item()  # type: ignore[no-any-return]

    def __bool__(self) -> bool:
        if self._array.size != 1:
            raise ValueError(
                f"__bool__: the truth value of a tensor with {self._array.size} elements is "
                "ambiguous; use xtensor.any() or xtensor.all()"
            )
        return bool(self._array.item())

    def __len__(self) -> int:
        if self._array.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return int(self._array.shape[0])

    def __iter__(self) -> Iterator[Tensor]:
        if self._array.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        device = self._device
        return (wrap(row, device) for row in self._array)

    def __int__(self) -> int:
        value = self._scalar("__int__")
        if isinstance(value, complex):
            raise TypeError("__int__: cannot convert a complex tensor to int; use real() first")
        return int(value)

    def __float__(self) -> float:
        value = self._scalar("__float__")
        if isinstance(value, complex):
            raise TypeError("__float__: cannot convert a complex tensor to float; use real() first")
        return float(value)

    def __complex__(self) -> complex:
        return complex(self._scalar("__complex__"))

    def __index__(self) -> int:
        if self._array.dtype.kind not in "iu":
            raise TypeError(f"__index__ needs an integer tensor, got dtype {self.dtype.name}")
        return int(self._scalar("__index__"))

    # --- 0-d tensors as Python numbers: format specs, round, math.floor/ceil/trunc ---

    def __format__(self, spec: str) -> str:
        if spec.__class__ is not str:
            raise TypeError(f"__format__: spec must be a str, got {type(spec).__name__}")
        if not spec:
            return str(self)
        what = f"format(tensor, {spec!r})"
        try:
            return format(self._number(what), spec)
        except ValueError as exc:
            raise ValueError(f"{what}: {exc}") from None

    def __round__(self, ndigits: int | None = None) -> int | Tensor:
        """``round(t)`` is an int; ``round(t, n)`` a 0-d tensor of t's dtype, as
        ``round`` gives a float for a float."""
        value = self._real_number("round")
        if ndigits is None:
            return round(value)
        if ndigits.__class__ is not int:
            ndigits = _arguments().check_int(ndigits, "__round__", "ndigits")
        if self._array.dtype.kind in "iu" and ndigits >= 0:
            return self
        # Beyond 400 digits either way a float64 rounds as at 400 (NumPy's int is a C long).
        ndigits = max(-400, min(ndigits, 400))
        return wrap(self._device.backend.round(self._array, ndigits), self._device)

    def __floor__(self) -> int:
        return math.floor(self._real_number("math.floor"))

    def __ceil__(self) -> int:
        return math.ceil(self._real_number("math.ceil"))

    def __trunc__(self) -> int:
        return math.trunc(self._real_number("math.trunc"))

    def _number(self, what: str) -> Any:
        """The Python number of a 0-d tensor; TypeError for other ranks, as NumPy."""
        if self._array.ndim != 0:
            raise TypeError(
                f"{what}: only a 0-d tensor converts to a Python number, got shape "
                f"{self.shape}; index an element or reduce first"
            )
        if self._device is not CPU and not self._device.emulated:
            return self._array.get().item()
        return self._array.item()

    def _real_number(self, what: str) -> bool | int | float:
        value = self._number(what)
        if isinstance(value, complex):
            raise TypeError(f"{what}: a complex tensor has no order; use real() or abs() first")
        return value  # type: ignore[no-any-return]

    def _scalar(self, what: str) -> Any:
        if self._array.size != 1:
            raise TypeError(
                f"{what}: only a tensor with one element converts to a Python scalar, "
                f"got shape {self.shape}"
            )
        return self._array.item()

    # --- pickle, copy.copy, copy.deepcopy (see _pickle) --------------------------

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[Any, ...]:
        return _pickle.reduce_tensor(self)

    def __copy__(self) -> Tensor:
        return _pickle.copy_tensor(self)  # type: ignore[no-any-return]

    def __deepcopy__(self, memo: dict[int, Any]) -> Tensor:
        return _pickle.deepcopy_tensor(self, memo)  # type: ignore[no-any-return]

    # --- devices, namespace, DLPack -------------------------------------------------

    def to_device(self, device: object, /, *, stream: int | Any | None = None) -> Tensor:
        """This tensor on ``device``: itself when already there, else a copy."""
        target = (
            device if device.__class__ is Device else _arguments().check_device(device, "to_device")
        )
        if target is self._device:
            return self
        return wrap(_dlpack.move(self._array, self._device, target, stream), target)

    def __array_namespace__(self, /, *, api_version: str | None = None) -> ModuleType:
        try:
            return NAMESPACES[api_version]
        except (KeyError, TypeError):
            from ._versions import lookup  # builds an older version's on first use

            return lookup(api_version, "__array_namespace__")

    def __dlpack__(
        self,
        /,
        *,
        stream: int | Any | None = None,
        max_version: tuple[int, int] | None = None,
        dl_device: tuple[int, int] | None = None,
        copy: bool | None = None,
    ) -> Any:
        """Export as a DLPack capsule, as the array API standard's ``__dlpack__`` says.

        A versioned capsule (DLPack 1.x, with the READ_ONLY and IS_COPIED flags) when
        ``max_version >= (1, 0)``, else a legacy one (BufferError for a read-only
        tensor, which a legacy capsule cannot describe). ``dl_device`` may be the
        tensor's own device or ``(1, 0)`` (a host copy of a CUDA tensor);
        ``copy=True`` always copies, ``copy=False`` raises CopyError when a copy is
        needed; ``stream`` follows the standard's CUDA values (None on the CPU).
        PyTorch, which ignores READ_ONLY and aborts on negative strides, gets a copy
        of such tensors; JAX, which asks for legacy capsules only and never writes,
        gets read-only memory in one (see ``xtensor._peer_gaps``).
        """
        if self._device is CPU:
            consumer = _getframe(1).f_globals.get("__name__")
            if consumer in CONSUMERS:  # see _peer_gaps
                return export_to(
                    consumer,
                    self._array,
                    stream=stream,
                    max_version=max_version,
                    dl_device=dl_device,
                    copy=copy,
                )
        return _dlpack.export(
            self._array,
            self._device,
            stream=stream,
            max_version=max_version,
            dl_device=dl_device,
            copy=copy,
        )

    def __dlpack_device__(self, /) -> tuple[int, int]:
        """The DLPack ``(device_type, device_id)`` of the tensor: (1, 0) or (2, N)."""
        return self._device.dlpack

    # --- printing --------------------------------------------------------------------

    def __repr__(self) -> str:
        array = self._array if self._device is CPU else self._device.backend.asnumpy(self._array)
        body = np.array2string(array, separator=", ", prefix="tensor(", threshold=1000)
        extras = []
        if array.size == 0 and array.ndim != 1:
            extras.append(f"size={array.shape}")
        if array.dtype.name not in _DEFAULT_DTYPE_NAMES:
            extras.append(f"dtype={self.dtype!r}")
        if self._device is not CPU:
            extras.append(f"device='{self._device}'")
        return f"tensor({', '.join([body, *extras])})"

    __str__ = __repr__

    # --- indexing --------------------------------------------------------------------

    def __getitem__(self, key: Any, /) -> Tensor:
        cls = key.__class__
        if cls is slice or key is None:
            index = key
        elif cls is int:
            index = (key, Ellipsis)
        elif cls is tuple:
            index = _index_key(key, self)
        else:
            index = _index_key(key, self)
            try:
                array = self._array[index]
            except _INDEX_ERRORS as exc:
                raise _index_error("__getitem__", key, exc) from None
            return wrap(array, self._device)
        # An int, slice or None key, or a tuple (which _index_key ends with an
        # Ellipsis): the backend gives an array of self._array's class and dtype, never
        # a scalar, so wrap's check has nothing to do.
        t = _object_new(Tensor)
        try:
            t._array = self._array[index]
        except _INDEX_ERRORS as exc:
            raise _index_error("__getitem__", key, exc) from None
        t._device = self._device
        return t

    def __setitem__(self, key: Any, value: Any, /) -> None:
        index = _index_key(key, self)
        if value.__class__ is Tensor:
            if value._device is not self._device:
                raise device_mismatch("__setitem__", self._device, value._device)
            value = value._array
        elif not isinstance(value, _SCALAR_TYPES):
            from ._conversion import convert  # imports this module

            value = convert(value, None, self._device, None, "__setitem__")._array
        self._check_writeable("__setitem__")
        try:
            self._array[index] = value
        except _INDEX_ERRORS as exc:
            raise _index_error("__setitem__", key, exc, value) from None

    def _check_writeable(self, what: str) -> None:
        if (self._device is CPU or self._device.emulated) and not self._array.flags.writeable:
            raise ValueError(
                f"{what}: this tensor is read-only (its memory was shared read-only, or it is "
                "a broadcast view); copy it with xtensor.tensor(x) to get a writeable one"
            )

    # --- operators -------------------------------------------------------------------
    # Filled in below the class from the kernel table.

    def __abs__(self) -> Tensor:
        return wrap(_abs(self._array), self._device)

    def __neg__(self) -> Tensor:
        return wrap(_negative(self._array), self._device)

    def __pos__(self) -> Tensor:
        return wrap(_positive(self._array), self._device)

    def __invert__(self) -> Tensor:
        return wrap(_invert(self._array), self._device)


_abs = KERNELS["abs"]
_negative = KERNELS["negative"]
_positive = KERNELS["positive"]
_invert = KERNELS["bitwise_invert"]


def wrap(array: Any, device: Device) -> Tensor:
    """A Tensor over ``array`` (a backend array or a backend scalar) on ``device``."""
    if array.__class__ is not device.array_type:
        array = device.backend.asarray(array)
    t = _object_new(Tensor)
    t._array = array
    t._device = device
    return t


def device_mismatch(what: str, a: Device, b: Device) -> ValueError:
    return ValueError(
        f"{what}: tensors are on different devices, {a} and {b}; move one with .to_device() first"
    )


def _normalize_dim(dim: int, ndim: int) -> int:
    return _arguments().normalize_axis(dim, ndim, "stride", "dim")  # type: ignore[no-any-return]


def _arguments() -> ModuleType:
    """The argument checks (``_arguments`` imports this module, so they come late)."""
    from . import _arguments

    return _arguments


def _index_key(key: Any, x: Tensor) -> Any:
    """Translate a key into the backend's, keeping integer indexing a view.

    A key of integers alone gives NumPy a scalar; an Ellipsis appended makes it
    return a 0-d view instead, which the standard's ``x[i]`` needs.
    """
    cls = key.__class__
    if cls is int:
        return (key, Ellipsis)
    if cls is tuple:
        has_ellipsis = has_tensor = False
        for k in key:
            if k is Ellipsis:
                has_ellipsis = True
            elif k.__class__ is Tensor:
                has_tensor = True
        if has_tensor:
            key = tuple([_index_item(k, x) for k in key])
        return key if has_ellipsis else (*key, Ellipsis)
    if cls is Tensor:
        return _index_item(key, x)
    return key


# What the backend raises for a bad index or value; re-raised naming the method.
_INDEX_ERRORS = (IndexError, TypeError, ValueError, OverflowError)


def _index_error(what: str, key: Any, exc: Exception, *value: Any) -> Exception:
    """The backend's error ``exc`` for ``key`` (and the ``value`` set there), as the
    builtin type it is, naming ``what``."""
    kind = next(k for k in _INDEX_ERRORS if isinstance(exc, k))
    show = _arguments().show
    shown = f"index {show(key)}" + "".join(f", value {show(v)}" for v in value)
    return kind(f"{what}: {exc} ({shown})")


def _index_item(k: Any, x: Tensor) -> Any:
    if k.__class__ is Tensor:
        if k._device is not x._device:
            raise device_mismatch("__getitem__", x._device, k._device)
        return k._array
    return k


# --- binary operators ------------------------------------------------------------------


def _operand(x: Tensor, other: object) -> Any:
    """The backend operand for ``other`` in a binary operation with ``x``."""
    if other.__class__ is Tensor:
        if other._device is not x._device:
            raise device_mismatch("binary operation", x._device, other._device)
        return other._array
    if other.__class__ in _SCALAR_TYPES:
        return other
    if isinstance(other, _SCALAR_TYPES) and not isinstance(other, np.generic):
        return other
    if isinstance(other, (np.ndarray, np.generic)):
        # As in PyTorch, a NumPy operand takes part as a tensor over its memory.
        if x._device is not CPU:
            raise device_mismatch("binary operation with a NumPy array", x._device, CPU)
        from ._conversion import convert  # imports this module

        return convert(other, None, None, None, "binary operation")._array
    return NotImplemented


def _binary_method(kernel: Callable[..., Any]) -> Callable[[Tensor, object], Any]:
    def method(self: Tensor, other: object, /) -> Any:
        if other.__class__ is Tensor:  # the common case, inlined
            if other._device is not self._device:
                raise device_mismatch("binary operation", self._device, other._device)
            b = other._array
        else:
            b = _operand(self, other)
            if b is NotImplemented:
                return NotImplemented
        return wrap(kernel(self._array, b), self._device)

    return method


def _reflected_method(kernel: Callable[..., Any]) -> Callable[[Tensor, object], Any]:
    def method(self: Tensor, other: object, /) -> Any:
        b = _operand(self, other)
        if b is NotImplemented:
            return NotImplemented
        return wrap(kernel(b, self._array), self._device)

    return method


def _inplace_method(name: str, kernel: Callable[..., Any]) -> Callable[[Tensor, object], Any]:
    is_ufunc = isinstance(kernel, np.ufunc)
    true_division = name == "truediv"

    def method(self: Tensor, other: object, /) -> Any:
        b = _operand(self, other)
        if b is NotImplemented:
            return NotImplemented
        dtype = self.dtype
        result = (
            promote(dtype, other.dtype)
            if other.__class__ is Tensor
            else scalar_result(dtype, other)
        )
        if result is not dtype or (true_division and dtype.kind not in _FLOAT_KINDS):
            if true_division:
                result = float64 if dtype.kind not in _FLOAT_KINDS else result
            raise TypeError(
                f"__i{name}__: the result dtype {result.name} differs from the tensor's "
                f"{dtype.name}; in-place operations cannot change a tensor's dtype"
            )
        self._check_writeable(f"__i{name}__")
        if is_ufunc:
            kernel(self._array, b, out=self._array)
        else:
            self._array[...] = kernel(self._array, b)
        return self

    return method


_BINARY_OPERATORS = {
    "add": "add",
    "sub": "subtract",
    "mul": "multiply",
    "truediv": "divide",
    "floordiv": "floor_divide",
    "mod": "remainder",
    "pow": "pow",
    "and": "bitwise_and",
    "or": "bitwise_or",
    "xor": "bitwise_xor",
    "lshift": "bitwise_left_shift",
    "rshift": "bitwise_right_shift",
    "matmul": "matmul",
}
_COMPARISONS = {
    "eq": "equal",
    "ne": "not_equal",
    "lt": "less",
    "le": "less_equal",
    "gt": "greater",
    "ge": "greater_equal",
}


def _install_operators() -> None:
    for op, function in _BINARY_OPERATORS.items():
        kernel = KERNELS[function]
        setattr(Tensor, f"__{op}__", _binary_method(kernel))
        setattr(Tensor, f"__r{op}__", _reflected_method(kernel))
        setattr(Tensor, f"__i{op}__", _inplace_method(op, kernel))
    for op, function in _COMPARISONS.items():
        setattr(Tensor, f"__{op}__", _binary_method(KERNELS[function]))
    Tensor.__hash__ = None  # type: ignore[assignment]


_install_operators()
