"""The Fourier transform extension of the array API standard 2025.12: ``xtensor.fft``.

Transforms run on the input's device with that device's backend (``numpy.fft`` on the
CPU, ``cupy.fft`` on CUDA) and return new tensors there. Results keep the input's
precision, as the standard requires: complex64 in gives complex64 (or float32 for the
real-output transforms), float32 in gives complex64 for ``rfft``/``rfftn``/``ihfft``.

Dtypes: ``fft``, ``ifft``, ``fftn``, ``ifftn``, ``irfft``, ``irfftn`` and ``hfft`` take
complex tensors (outside strict mode also float32 and float64 tensors, taken as complex64
and complex128, as NumPy and PyTorch take them); ``rfft``, ``rfftn`` and ``ihfft`` take
float32 or float64 (float16 has no complex counterpart); anything else raises TypeError.
``fftshift`` and ``ifftshift`` move elements of any dtype. Repeated axes raise ValueError.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from typing import Any, Literal

from ._arguments import (
    check_allocation,
    check_choice,
    check_device,
    check_dtype,
    check_ints,
    check_real,
    check_size,
    normalize_axes,
    normalize_axis,
    not_a_tensor,
    show,
)
from ._backend import numpy as np
from ._devices import CPU, Device
from ._dtypes import DType, complex128, float64
from ._tensor import Tensor, wrap

__all__ = [
    "fft",
    "ifft",
    "fftn",
    "ifftn",
    "rfft",
    "irfft",
    "rfftn",
    "irfftn",
    "hfft",
    "ihfft",
    "fftfreq",
    "rfftfreq",
    "fftshift",
    "ifftshift",
]

Norm = Literal["backward", "ortho", "forward"]

_F32, _F64 = np.dtype("float32"), np.dtype("float64")
_C64, _C128 = np.dtype("complex64"), np.dtype("complex128")
# Keys: the dtypes the complex-input transforms take, and the real-input ones.
_REAL_OF: dict[Any, Any] = {_C64: _F32, _C128: _F64}
_COMPLEX_OF: dict[Any, Any] = {_F32: _C64, _F64: _C128}
_NORMS = ("backward", "ortho", "forward")
_NO_FLOAT = 2**1024  # the smallest int too large for a float
_ITEMSIZE = 16  # bytes per element of the widest result (complex128), for size checks


def _complex_input(x: Any, what: str) -> Any:
    """``x``'s array for a complex-to-complex transform. Outside strict mode a float32
    or float64 tensor is taken as complex64 or complex128, as NumPy and PyTorch take it
    (the standard asks for a complex tensor, and strict mode does too)."""
    if x.__class__ is not Tensor:
        raise not_a_tensor(f"fft.{what}", x)
    a = x._array
    if a.dtype in _REAL_OF:
        return a
    if a.dtype in _COMPLEX_OF:
        from ._strict import is_strict  # imports the namespace; needed only here

        if not is_strict():
            dev = x._device
            with contextlib.nullcontext() if dev is CPU else dev.backend.cuda.Device(dev.index):
                return a.astype(_COMPLEX_OF[a.dtype])
    widest = x._device.defaults.get(complex128, complex128)  # complex64 without float64
    raise TypeError(
        f"fft.{what}: expected a complex floating-point tensor, got dtype {x.dtype.name}; "
        f"convert it first, e.g. with astype(x, {widest.name})"
        + (" (float32 and float64 are accepted outside strict mode)" if a.dtype.kind == "f" else "")
    )


def _real_input(x: Any, what: str) -> Any:
    if x.__class__ is not Tensor:
        raise not_a_tensor(f"fft.{what}", x)
    a = x._array
    if a.dtype not in _COMPLEX_OF:
        raise TypeError(
            f"fft.{what}: expected a float32 or float64 tensor, got dtype {x.dtype.name}"
            + (" (float16 has no complex dtype of its precision)" if a.dtype.kind == "f" else "")
        )
    return a


def _check_norm(norm: Any, what: str) -> None:
    if norm.__class__ is not str or norm not in _NORMS:
        check_choice(norm, _NORMS, f"fft.{what}", "norm")


def _points(value: Any, name: str, what: str, shape: tuple[int, ...], axis: int) -> int:
    """A number of points >= 1 along ``axis``, for a result of ``shape`` otherwise."""
    n = check_size(value, f"fft.{what}", name, minimum=1)
    sizes = shape[:axis] + (n,) + shape[axis + 1 :]
    check_allocation(sizes, _ITEMSIZE, f"fft.{what}", name, n)
    return n


def _transform(
    x: Tensor, a: Any, what: str, n: Any, axis: int, norm: Any, out: Any, halved: bool
) -> Tensor:
    """Run the 1-d transform ``what`` along ``axis``; ``halved``: the input holds
    ``n // 2 + 1`` points of an ``n``-point output (``irfft``, ``hfft``)."""
    _check_norm(norm, what)
    axis = normalize_axis(axis, a.ndim, f"fft.{what}")
    if n is None:
        size = a.shape[axis]
        n = 2 * (size - 1) if halved else size
        if n < 1:
            raise ValueError(
                f"fft.{what}: the input has {size} point(s) along axis {axis}, which gives "
                f"{n} output points; pass n >= 1"
            )
    else:
        n = _points(n, "n", what, a.shape, axis)
    r = getattr(x._device.backend.fft, what)(a, n=n, axis=axis, norm=norm)
    return wrap(r.astype(out, copy=False), x._device)


def _sizes_and_axes(
    a: Any, s: Any, axes: Any, what: str, halved: bool
) -> tuple[tuple[int, ...] | None, tuple[int, ...]]:
    """Normalized ``(s, axes)`` for an n-d transform; ``s[i] == -1`` becomes the
    default size for that axis."""
    func = f"fft.{what}"
    if axes is None:
        if s is not None:
            raise ValueError(f"{func}: s was given without axes; pass axes too")
        axes = tuple(range(a.ndim))
    else:
        axes = normalize_axes(axes, a.ndim, func, "axes", single=False)
    if not axes and what[0] in "ri":  # rfftn, irfftn: the last axis is halved
        raise ValueError(f"{func}: axes must name at least one axis to transform, got ()")
    last = len(axes) - 1
    defaults = [a.shape[ax] for ax in axes]
    if halved:
        defaults[last] = 2 * (defaults[last] - 1)
    if s is None:
        sizes = defaults
    else:
        sizes = list(check_ints(s, func, "s"))
        if len(sizes) != len(axes):
            raise ValueError(
                f"{func}: s and axes must have the same length, got s={show(s)}, axes={axes}"
            )
        for i, size in enumerate(sizes):
            if size == -1:
                sizes[i] = defaults[i]
    for ax, size in zip(axes, sizes, strict=True):
        if size < 1:
            raise ValueError(
                f"{func}: axis {ax} has {a.shape[ax]} point(s), which gives {show(size)} output "
                "points; pass s with sizes >= 1"
            )
    if s is not None:
        shape = list(a.shape)
        for ax, size in zip(axes, sizes, strict=True):
            shape[ax] = size
        check_allocation(shape, _ITEMSIZE, func, "s", s)
    return (None if s is None else tuple(sizes)), axes


def _transform_n(
    x: Tensor, a: Any, what: str, s: Any, axes: Any, norm: Any, out: Any, halved: bool
) -> Tensor:
    _check_norm(norm, what)
    sizes, axes = _sizes_and_axes(a, s, axes, what, halved)
    r = getattr(x._device.backend.fft, what)(a, s=sizes, axes=axes, norm=norm)
    return wrap(r.astype(out, copy=False), x._device)


def fft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The 1-d discrete Fourier transform of a complex tensor along ``axis``.

    Parameters
    ----------
    x
        complex64 or complex128 tensor (outside strict mode also float32 or float64,
        taken as complex64 or complex128).
    n
        Points to transform: the axis is trimmed or zero-padded to ``n``; None: its size.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (no scaling), ``"ortho"`` (``1/sqrt(n)``), ``"forward"`` (``1/n``).

    Returns
    -------
    Tensor
        ``x``'s dtype and shape, with ``n`` along ``axis``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or ``n`` not an int.
    ValueError
        ``n < 1`` (or an empty axis), ``axis`` out of range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.fft(xp.asarray([1 + 0j, 1, 1, 1]))
    tensor([4.+0.j, 0.+0.j, 0.+0.j, 0.+0.j])
    >>> xp.fft.fft(xp.asarray([1 + 0j, 0, 0, 0]), norm="ortho")
    tensor([0.5+0.j, 0.5+0.j, 0.5+0.j, 0.5+0.j])
    >>> xp.fft.fft(xp.asarray([1.0, 2.0]))
    tensor([ 3.+0.j, -1.+0.j])
    >>> xp.fft.fft(xp.asarray([1, 2]))
    Traceback (most recent call last):
        ...
    TypeError: fft.fft: expected a complex floating-point tensor, got dtype int64; convert it ...
    """
    a = _complex_input(x, "fft")
    return _transform(x, a, "fft", n, axis, norm, a.dtype, False)


def ifft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The 1-d inverse discrete Fourier transform of a complex tensor along ``axis``.

    Parameters
    ----------
    x
        complex64 or complex128 tensor (outside strict mode also float32 or float64,
        taken as complex64 or complex128).
    n
        Points to transform: the axis is trimmed or zero-padded to ``n``; None: its size.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (``1/n``, the default), ``"ortho"`` (``1/sqrt(n)``), ``"forward"``
        (no scaling).

    Returns
    -------
    Tensor
        ``x``'s dtype and shape, with ``n`` along ``axis``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or ``n`` not an int.
    ValueError
        ``n < 1`` (or an empty axis), ``axis`` out of range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.ifft(xp.asarray([4 + 0j, 0, 0, 0]))
    tensor([1.+0.j, 1.+0.j, 1.+0.j, 1.+0.j])
    >>> x = xp.asarray([1 + 2j, 3 - 1j, 0.5j])
    >>> bool(xp.all(xp.abs(xp.fft.ifft(xp.fft.fft(x)) - x) < 1e-12))
    True
    """
    a = _complex_input(x, "ifft")
    return _transform(x, a, "ifft", n, axis, norm, a.dtype, False)


def fftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-d discrete Fourier transform of a complex tensor over ``axes``.

    Parameters
    ----------
    x
        complex64 or complex128 tensor (outside strict mode also float32 or float64,
        taken as complex64 or complex128).
    s
        Points along each of ``axes`` (trim or zero-pad; ``-1``: the axis's size). Needs
        ``axes``.
    axes
        Distinct axes to transform; None: every axis.
    norm
        As ``fft``, with ``n = prod(s)``.

    Returns
    -------
    Tensor
        ``x``'s dtype, with ``s[i]`` along ``axes[i]``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or a size is not an int.
    ValueError
        ``s`` without ``axes``, lengths differ, a size below 1, repeated or out-of-range
        axes, or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.fftn(xp.ones((2, 3), dtype=xp.complex64))
    tensor([[6.+0.j, 0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j, 0.+0.j]], dtype=xtensor.complex64)
    >>> xp.fft.fftn(xp.ones((2, 3), dtype=xp.complex128), s=(2,), axes=(1,))
    tensor([[2.+0.j, 0.+0.j],
            [2.+0.j, 0.+0.j]])
    """
    a = _complex_input(x, "fftn")
    return _transform_n(x, a, "fftn", s, axes, norm, a.dtype, False)


def ifftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-d inverse discrete Fourier transform of a complex tensor over ``axes``.

    Parameters
    ----------
    x
        complex64 or complex128 tensor (outside strict mode also float32 or float64,
        taken as complex64 or complex128).
    s
        Points along each of ``axes`` (trim or zero-pad; ``-1``: the axis's size). Needs
        ``axes``.
    axes
        Distinct axes to transform; None: every axis.
    norm
        As ``ifft``, with ``n = prod(s)``: ``"backward"`` scales by ``1/n``.

    Returns
    -------
    Tensor
        ``x``'s dtype, with ``s[i]`` along ``axes[i]``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or a size is not an int.
    ValueError
        ``s`` without ``axes``, lengths differ, a size below 1, repeated or out-of-range
        axes, or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.ifftn(xp.asarray([[4 + 0j, 0], [0, 0]]))
    tensor([[1.+0.j, 1.+0.j],
            [1.+0.j, 1.+0.j]])
    """
    a = _complex_input(x, "ifftn")
    return _transform_n(x, a, "ifftn", s, axes, norm, a.dtype, False)


def rfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The 1-d discrete Fourier transform of a real tensor: the non-negative frequency terms.

    Parameters
    ----------
    x
        float32 or float64 tensor.
    n
        Points to transform: the axis is trimmed or zero-padded to ``n``; None: its size.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (no scaling), ``"ortho"`` (``1/sqrt(n)``), ``"forward"`` (``1/n``).

    Returns
    -------
    Tensor
        complex64 for float32 ``x``, complex128 for float64; ``n // 2 + 1`` along ``axis``;
        a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not float32 or float64, or ``n`` not an int.
    ValueError
        ``n < 1`` (or an empty axis), ``axis`` out of range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.rfft(xp.asarray([1.0, 1.0, 1.0, 1.0]))
    tensor([4.+0.j, 0.+0.j, 0.+0.j])
    >>> xp.fft.rfft(xp.asarray([1.0, 0.0, 0.0], dtype=xp.float32))
    tensor([1.+0.j, 1.+0.j], dtype=xtensor.complex64)
    """
    a = _real_input(x, "rfft")
    return _transform(x, a, "rfft", n, axis, norm, _COMPLEX_OF[a.dtype], False)


def irfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The inverse of ``rfft``: ``n`` real points from the non-negative frequency terms.

    Parameters
    ----------
    x
        complex64 or complex128 tensor of non-negative frequency terms (outside strict
        mode also float32 or float64, taken as complex64 or complex128).
    n
        The output length (default ``2 * (size - 1)``); the input axis is trimmed or
        zero-padded to ``n // 2 + 1``. Pass an odd ``n`` for odd-length output.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (``1/n``, the default), ``"ortho"`` (``1/sqrt(n)``), ``"forward"``
        (no scaling).

    Returns
    -------
    Tensor
        float32 for complex64 ``x``, float64 for complex128; ``n`` along ``axis``; a new
        tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or ``n`` not an int.
    ValueError
        ``n < 1`` (or fewer than 2 points along the axis without ``n``), ``axis`` out of
        range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.irfft(xp.asarray([4 + 0j, 0, 0]))
    tensor([1., 1., 1., 1.])
    >>> xp.fft.irfft(xp.asarray([3 + 0j, 0]), n=3)
    tensor([1., 1., 1.])
    """
    a = _complex_input(x, "irfft")
    return _transform(x, a, "irfft", n, axis, norm, _REAL_OF[a.dtype], True)


def rfftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The n-d discrete Fourier transform of a real tensor over ``axes``.

    The last of ``axes`` keeps its ``s[-1] // 2 + 1`` non-negative frequency terms.

    Parameters
    ----------
    x
        float32 or float64 tensor.
    s
        Points along each of ``axes`` (trim or zero-pad; ``-1``: the axis's size). Needs
        ``axes``.
    axes
        Distinct axes to transform, at least one; None: every axis.
    norm
        As ``rfft``, with ``n = prod(s)``.

    Returns
    -------
    Tensor
        complex64 for float32 ``x``, complex128 for float64; a new tensor on ``x``'s
        device.

    Raises
    ------
    TypeError
        ``x`` is not float32 or float64, or a size is not an int.
    ValueError
        ``s`` without ``axes``, lengths differ, a size below 1, no axis, repeated or
        out-of-range axes, or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.rfftn(xp.ones((2, 4)))
    tensor([[8.+0.j, 0.+0.j, 0.+0.j],
            [0.+0.j, 0.+0.j, 0.+0.j]])
    """
    a = _real_input(x, "rfftn")
    return _transform_n(x, a, "rfftn", s, axes, norm, _COMPLEX_OF[a.dtype], False)


def irfftn(
    x: Tensor,
    /,
    *,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = "backward",
) -> Tensor:
    """The inverse of ``rfftn``: real output from the non-negative frequency terms.

    Parameters
    ----------
    x
        complex64 or complex128 tensor (outside strict mode also float32 or float64,
        taken as complex64 or complex128).
    s
        The output sizes along ``axes`` (``-1``: the default). By default the last axis
        gives ``2 * (size - 1)`` points and the others keep their sizes. Needs ``axes``.
    axes
        Distinct axes to transform, at least one; None: every axis.
    norm
        As ``irfft``, with ``n = prod(s)``.

    Returns
    -------
    Tensor
        float32 for complex64 ``x``, float64 for complex128; a new tensor on ``x``'s
        device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or a size is not an int.
    ValueError
        ``s`` without ``axes``, lengths differ, a size below 1, no axis, repeated or
        out-of-range axes, or a bad ``norm``.

    Examples
    --------
    >>> x = xp.asarray([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, 1.0]])
    >>> y = xp.fft.irfftn(xp.fft.rfftn(x), s=(2, 4), axes=(0, 1))
    >>> bool(xp.all(xp.abs(y - x) < 1e-12))
    True
    """
    a = _complex_input(x, "irfftn")
    return _transform_n(x, a, "irfftn", s, axes, norm, _REAL_OF[a.dtype], True)


def hfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The 1-d discrete Fourier transform of a signal with Hermitian symmetry.

    The signal is given by its first half; the output is real.

    Parameters
    ----------
    x
        complex64 or complex128 tensor: the first ``n // 2 + 1`` points of the signal
        (outside strict mode also float32 or float64, taken as complex64 or complex128).
    n
        The output length (default ``2 * (size - 1)``); the input axis is trimmed or
        zero-padded to ``n // 2 + 1``.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (no scaling), ``"ortho"`` (``1/sqrt(n)``), ``"forward"`` (``1/n``).

    Returns
    -------
    Tensor
        float32 for complex64 ``x``, float64 for complex128; ``n`` along ``axis``; a new
        tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not complex, or ``n`` not an int.
    ValueError
        ``n < 1`` (or fewer than 2 points along the axis without ``n``), ``axis`` out of
        range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.hfft(xp.asarray([1 + 0j, 0, 0]))
    tensor([1., 1., 1., 1.])
    """
    a = _complex_input(x, "hfft")
    return _transform(x, a, "hfft", n, axis, norm, _REAL_OF[a.dtype], True)


def ihfft(x: Tensor, /, *, n: int | None = None, axis: int = -1, norm: Norm = "backward") -> Tensor:
    """The inverse of ``hfft``: the ``n // 2 + 1`` terms of a real signal's inverse transform.

    Parameters
    ----------
    x
        float32 or float64 tensor.
    n
        Points to transform: the axis is trimmed or zero-padded to ``n``; None: its size.
    axis
        The axis to transform (negative counts from the end).
    norm
        ``"backward"`` (``1/n``, the default), ``"ortho"`` (``1/sqrt(n)``), ``"forward"``
        (no scaling).

    Returns
    -------
    Tensor
        complex64 for float32 ``x``, complex128 for float64; ``n // 2 + 1`` along
        ``axis``; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not float32 or float64, or ``n`` not an int.
    ValueError
        ``n < 1`` (or an empty axis), ``axis`` out of range (``AxisError``), or a bad ``norm``.

    Examples
    --------
    >>> xp.fft.ihfft(xp.asarray([4.0, 4.0, 4.0, 4.0]))
    tensor([4.-0.j, 0.-0.j, 0.-0.j])
    """
    a = _real_input(x, "ihfft")
    return _transform(x, a, "ihfft", n, axis, norm, _COMPLEX_OF[a.dtype], False)


def _frequencies(
    what: str, n: Any, d: Any, dtype: DType | None, device: Device | str | None
) -> Tensor:
    n = _points(n, "n", what, (), 0)
    d = check_real(d, f"fft.{what}", "d", finite=True, nonzero=True)
    if not -_NO_FLOAT < d < _NO_FLOAT:  # an int past the floats: the frequencies are 0
        d = math.inf if d > 0 else -math.inf
    want = float64 if dtype is None else check_dtype(dtype, f"fft.{what}")
    if want.kind != "real floating":
        raise TypeError(f"fft.{what}: expected a real floating-point dtype, got {want.name}")
    dev = CPU if device is None else check_device(device, f"fft.{what}")
    if dtype is None:
        want = dev.defaults.get(want, want)  # a device with other defaults (an emulated one)
    context = contextlib.nullcontext() if dev is CPU else dev.backend.cuda.Device(dev.index)
    with context:
        r = getattr(dev.backend.fft, what)(n, float(d))
        return wrap(r.astype(want.numpy, copy=False), dev)


def fftfreq(
    n: int,
    /,
    *,
    d: float = 1.0,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """The sample frequencies of an ``n``-point transform with sample spacing ``d``:
    ``[0, 1, ..., ceil(n/2) - 1, -floor(n/2), ..., -1] / (d * n)``.

    Parameters
    ----------
    n
        Window length, at least 1.
    d
        Sample spacing, non-zero.
    dtype
        A real floating-point dtype; default float64.
    device
        Where to create the result; default the CPU.

    Returns
    -------
    Tensor
        Shape ``(n,)``, a new tensor on ``device``.

    Raises
    ------
    TypeError
        ``n`` is not an int, ``d`` not a real number, or ``dtype`` not real floating.
    ValueError
        ``n < 1``, ``d == 0``, or an unknown device.

    Examples
    --------
    >>> xp.fft.fftfreq(4)
    tensor([ 0.  ,  0.25, -0.5 , -0.25])
    >>> xp.fft.fftfreq(5, d=0.1)
    tensor([ 0.,  2.,  4., -4., -2.])
    """
    return _frequencies("fftfreq", n, d, dtype, device)


def rfftfreq(
    n: int,
    /,
    *,
    d: float = 1.0,
    dtype: DType | None = None,
    device: Device | str | None = None,
) -> Tensor:
    """The sample frequencies for ``rfft``/``irfft``: ``[0, 1, ..., n // 2] / (d * n)``.

    The Nyquist term (for even ``n``) is positive.

    Parameters
    ----------
    n
        Window length, at least 1.
    d
        Sample spacing, non-zero.
    dtype
        A real floating-point dtype; default float64.
    device
        Where to create the result; default the CPU.

    Returns
    -------
    Tensor
        Shape ``(n // 2 + 1,)``, a new tensor on ``device``.

    Raises
    ------
    TypeError
        ``n`` is not an int, ``d`` not a real number, or ``dtype`` not real floating.
    ValueError
        ``n < 1``, ``d == 0``, or an unknown device.

    Examples
    --------
    >>> xp.fft.rfftfreq(8)
    tensor([0.   , 0.125, 0.25 , 0.375, 0.5  ])
    >>> xp.fft.rfftfreq(5, d=0.1, dtype=xp.float32)
    tensor([0., 2., 4.], dtype=xtensor.float32)
    """
    return _frequencies("rfftfreq", n, d, dtype, device)


def _shift(x: Any, axes: Any, what: str) -> Tensor:
    if x.__class__ is not Tensor:
        raise not_a_tensor(f"fft.{what}", x)
    a = x._array
    if axes is None:
        axes = tuple(range(a.ndim))
    else:
        axes = normalize_axes(axes, a.ndim, f"fft.{what}", "axes")
    if not axes:  # nothing to roll (NumPy's roll fails on 0-d input with no axes)
        return wrap(a.copy(), x._device)
    return wrap(getattr(x._device.backend.fft, what)(a, axes=axes), x._device)


def fftshift(x: Tensor, /, *, axes: int | Sequence[int] | None = None) -> Tensor:
    """Move the zero-frequency term to the centre.

    Each of ``axes`` is rolled by ``size // 2``.

    Parameters
    ----------
    x
        A tensor of any dtype.
    axes
        An axis or a sequence of distinct axes (negative counts from the end); None:
        every axis.

    Returns
    -------
    Tensor
        ``x``'s shape and dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        An axis is out of range (``AxisError``) or repeated.

    Examples
    --------
    >>> freqs = xp.fft.fftfreq(5)
    >>> freqs
    tensor([ 0. ,  0.2,  0.4, -0.4, -0.2])
    >>> xp.fft.fftshift(freqs)
    tensor([-0.4, -0.2,  0. ,  0.2,  0.4])
    >>> xp.fft.fftshift(xp.reshape(xp.arange(6), (2, 3)), axes=1)
    tensor([[2, 0, 1],
            [5, 3, 4]])
    """
    return _shift(x, axes, "fftshift")


def ifftshift(x: Tensor, /, *, axes: int | Sequence[int] | None = None) -> Tensor:
    """The inverse of ``fftshift``: each of ``axes`` is rolled by ``-(size // 2)``.

    Parameters
    ----------
    x
        A tensor of any dtype.
    axes
        An axis or a sequence of distinct axes (negative counts from the end); None:
        every axis.

    Returns
    -------
    Tensor
        ``x``'s shape and dtype; a new tensor on ``x``'s device.

    Raises
    ------
    TypeError
        ``x`` is not a Tensor.
    ValueError
        An axis is out of range (``AxisError``) or repeated.

    Examples
    --------
    >>> x = xp.fft.fftshift(xp.fft.fftfreq(5))
    >>> x
    tensor([-0.4, -0.2,  0. ,  0.2,  0.4])
    >>> xp.fft.ifftshift(x)
    tensor([ 0. ,  0.2,  0.4, -0.4, -0.2])
    """
    return _shift(x, axes, "ifftshift")
