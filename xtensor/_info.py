"""The inspection namespace: ``__array_namespace_info__()``.

It answers what this xtensor supports on this machine: its capabilities, the
devices (the CPU, ``cuda:N`` for each GPU CuPy sees, and the emulated devices when
enabled), and the default and supported dtypes. Every real device supports the same
dtypes and defaults; the emulated device without float64 has neither float64 nor
complex128, and float32 and complex64 as defaults.
"""

from __future__ import annotations

from typing import Any

from . import _backend
from ._arguments import MAX_DIMS, check_device
from ._data_type_functions import KINDS
from ._devices import CPU, EMULATED, Device, as_device
from ._dtypes import (
    ALL_DTYPES,
    DType,
    complex128,
    float16,
    float64,
    int64,
)

__all__ = ["__array_namespace_info__", "Info"]

# The standard's dtypes: float16, an extension, must not be listed by ``dtypes()``.
_STANDARD_DTYPES: tuple[DType, ...] = tuple(d for d in ALL_DTYPES if d is not float16)

# Switched by strict mode (``set_strict(..., data_dependent_shapes=False)``).
CAPABILITIES: dict[str, Any] = {
    "boolean indexing": True,
    "data-dependent shapes": True,
    "max dimensions": MAX_DIMS,
}


class Info:
    """Inspection utilities of the xtensor namespace, as ``__array_namespace_info__()`` returns.

    The answers are about this xtensor on this machine: every device supports the same
    dtypes and defaults.

    Examples
    --------
    >>> info = xp.__array_namespace_info__()
    >>> info
    xtensor.__array_namespace_info__()
    >>> info.default_dtypes()["real floating"]
    xtensor.float64
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "xtensor.__array_namespace_info__()"

    def capabilities(self) -> dict[str, Any]:
        """What xtensor supports.

        Returns
        -------
        dict
            ``"boolean indexing"`` and ``"data-dependent shapes"`` (both True, unless
            strict mode disabled data-dependent shapes), and ``"max dimensions"`` (64,
            NumPy's and CuPy's limit).

        Examples
        --------
        >>> xp.__array_namespace_info__().capabilities()
        {'boolean indexing': True, 'data-dependent shapes': True, 'max dimensions': 64}
        """
        return dict(CAPABILITIES)

    def default_device(self) -> Device:
        """The device creation functions use when none is given.

        Returns
        -------
        Device
            The CPU.

        Examples
        --------
        >>> xp.__array_namespace_info__().default_device()
        device(type='cpu')
        """
        return CPU

    def devices(self) -> tuple[Device, ...]:
        """The devices available now.

        Returns
        -------
        tuple of Device
            The CPU, then ``cuda:0``, ``cuda:1``, ... for each GPU CuPy sees (none without
            CuPy), then the emulated devices when they are enabled.

        Examples
        --------
        >>> xp.__array_namespace_info__().devices()[0]
        device(type='cpu')
        """
        count = _backend.cuda_device_count()
        emulated = dict.fromkeys(EMULATED.values())  # by index, without repeats
        return (CPU, *(as_device(f"cuda:{i}") for i in range(count)), *emulated)

    def default_dtypes(self, *, device: Device | str | None = None) -> dict[str, DType]:
        """The default dtypes of ``device`` (None: the default device).

        Parameters
        ----------
        device : Device, str or None
            The device to ask about; None: the default device.

        Returns
        -------
        dict
            Keys ``"real floating"`` (float64), ``"complex floating"`` (complex128),
            ``"integral"`` (int64) and ``"indexing"`` (int64); on the emulated device
            without float64, float32 and complex64.

        Raises
        ------
        ValueError
            An unknown or unavailable ``device``.

        Examples
        --------
        >>> defaults = xp.__array_namespace_info__().default_dtypes(device="cpu")
        >>> defaults["real floating"], defaults["complex floating"], defaults["indexing"]
        (xtensor.float64, xtensor.complex128, xtensor.int64)
        """
        defaults = {} if device is None else check_device(device, "default_dtypes").defaults
        return {
            "real floating": defaults.get(float64, float64),
            "complex floating": defaults.get(complex128, complex128),
            "integral": int64,
            "indexing": int64,
        }

    def dtypes(
        self,
        *,
        device: Device | str | None = None,
        kind: str | tuple[str, ...] | None = None,
    ) -> dict[str, DType]:
        """The standard's dtypes xtensor supports, by name, optionally of ``kind``.

        Parameters
        ----------
        device : Device, str or None
            The device to ask about; None: the default device. Every device has the same
            dtypes.
        kind : str, tuple of str, or None
            None (all), a kind name (``"bool"``, ``"signed integer"``,
            ``"unsigned integer"``, ``"integral"``, ``"real floating"``,
            ``"complex floating"``, ``"numeric"``) or a tuple of kind names (any of them).

        Returns
        -------
        dict
            Dtype names to dtypes. ``float16`` is an extension and is not listed.

        Raises
        ------
        TypeError
            ``kind`` is not a string, a tuple of strings or None.
        ValueError
            An unknown kind name, or an unknown or unavailable ``device``.

        Examples
        --------
        >>> xp.__array_namespace_info__().dtypes(kind="real floating")
        {'float32': xtensor.float32, 'float64': xtensor.float64}
        >>> list(xp.__array_namespace_info__().dtypes(kind=("bool", "unsigned integer")))
        ['bool', 'uint8', 'uint16', 'uint32', 'uint64']
        """
        unsupported = frozenset() if device is None else check_device(device, "dtypes").unsupported
        dtypes = [d for d in _STANDARD_DTYPES if d not in unsupported]
        if kind is None:
            return {d.name: d for d in dtypes}
        names = kind if isinstance(kind, tuple) else (kind,)
        wanted: set[str] = set()
        for name in names:
            if not isinstance(name, str):
                raise TypeError(
                    f"dtypes: kind must be a kind name or a tuple of kind names, got {kind!r}"
                )
            kinds = KINDS.get(name)
            if kinds is None:
                raise ValueError(
                    f"dtypes: unknown kind {name!r}: expected one of "
                    f"{', '.join(repr(k) for k in KINDS)}"
                )
            wanted |= kinds
        return {d.name: d for d in dtypes if d.kind in wanted}


_INFO = Info()


def __array_namespace_info__() -> Info:
    """The inspection utilities of the namespace.

    Returns
    -------
    Info
        An object with ``capabilities()``, ``default_device()``, ``default_dtypes()``,
        ``dtypes()`` and ``devices()``; the same object on every call.

    Examples
    --------
    >>> info = xp.__array_namespace_info__()
    >>> info.capabilities()["max dimensions"]
    64
    >>> info.default_device()
    device(type='cpu')
    """
    return _INFO
