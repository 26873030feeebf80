"""Older versions of the array API standard: one namespace object per version.

The ``xtensor`` module is the 2025.12 namespace. ``namespace("2023.12")`` (and
``x.__array_namespace__(api_version="2023.12")``) returns a namespace object for an
older version: the same functions and tensors, less the names that version did not
have yet, with the few behaviours the older text specified differently.
``set_api_version`` (or ``XTENSOR_API_VERSION``, read at import) chooses which
namespace ``x.__array_namespace__()`` returns when no version is asked for, which
is how library code (``array_api_compat.array_namespace(x)``) finds its namespace.

Why a namespace per version rather than one module whose names come and go: the
module stays the complete, fast 2025.12 namespace whatever is selected; two versions
can be used side by side in one process (a test parametrized over versions); and
switching is a dictionary update, not a rewrite of the module.

What the tensors do (operators, methods) follows 2025.12 in every version, as do
strict mode's rules; ``namespace(v)`` changes only what its functions are and answer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from . import _info, _tensor
from ._arguments import check_choice

__all__ = ["VERSIONS", "ADDED", "namespace", "set_api_version"]

VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12", "2025.12")
LATEST = VERSIONS[-1]

# The standard's names each version added (from the changelog and the stubs);
# "linalg.x" is a name of the linalg extension, "fft" the whole fft extension.
ADDED: dict[str, tuple[str, ...]] = {
    "2022.12": ("complex64", "complex128", "conj", "imag", "real", "isdtype", "take", "fft"),
    "2023.12": (
        "__array_namespace_info__",
        "clip",
        "copysign",
        "cumulative_sum",
        "hypot",
        "maximum",
        "minimum",
        "moveaxis",
        "repeat",
        "searchsorted",
        "signbit",
        "tile",
        "unstack",
    ),
    "2024.12": (
        "count_nonzero",
        "cumulative_prod",
        "diff",
        "nextafter",
        "reciprocal",
        "take_along_axis",
    ),
    "2025.12": ("broadcast_shapes", "isin", "linalg.eig", "linalg.eigvals"),
}

# The binary element-wise functions that take Python scalars from 2024.12 on.
_SCALAR_ARGUMENTS_2024 = (
    "add",
    "atan2",
    "bitwise_and",
    "bitwise_left_shift",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "copysign",
    "divide",
    "equal",
    "floor_divide",
    "greater",
    "greater_equal",
    "hypot",
    "less",
    "less_equal",
    "logaddexp",
    "logical_and",
    "logical_or",
    "logical_xor",
    "maximum",
    "minimum",
    "multiply",
    "nextafter",
    "not_equal",
    "pow",
    "remainder",
    "subtract",
)
_PY_SCALARS = (bool, int, float, complex)


# --- the behaviours that changed ---------------------------------------------------------


def _list_result(name: str, version: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """Before 2025.12, ``meshgrid`` and ``broadcast_arrays`` returned lists."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return list(f(*args, **kwargs))

    return wrapper


def _no_scalars(positions: tuple[int, ...], since: str) -> Any:
    """Python scalars at ``positions`` (None: anywhere) came with version ``since``."""

    def make(name: str, version: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            checked = args if positions == () else [args[i] for i in positions if i < len(args)]
            for arg in checked:
                if arg.__class__ in _PY_SCALARS:
                    raise TypeError(
                        f"{name}: Python scalar arguments came with version {since} of the "
                        f"array API standard; this namespace follows {version}, where they "
                        f"must be tensors (got {arg!r})"
                    )
            return f(*args, **kwargs)

        return wrapper

    return make


def _no_keywords(keywords: tuple[str, ...], since: str) -> Any:
    """Keyword arguments that came with version ``since``."""

    def make(name: str, version: str, f: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for keyword in keywords:
                if kwargs.get(keyword) is not None:
                    raise TypeError(
                        f"{name}: the {keyword} keyword came with version {since} of the array "
                        f"API standard; this namespace follows {version}"
                    )
            return f(*args, **kwargs)

        return wrapper

    return make


def _no_tuple_axis(name: str, version: str, f: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(x: Any, /, *, axis: Any = 0) -> Any:
        if isinstance(axis, tuple):
            raise TypeError(
                f"{name}: a tuple of axes came with version 2025.12 of the array API "
                f"standard; this namespace follows {version}"
            )
        return f(x, axis=axis)

    return wrapper


def _default_float_sum(name: str, version: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """Before 2023.12, ``sum``, ``prod`` and ``linalg.trace`` of floating-point input
    without a dtype returned the default floating-point dtype (float32 summed to
    float64)."""

    def wrapper(x: Any, /, **kwargs: Any) -> Any:
        if kwargs.get("dtype") is None and x.__class__ is _tensor.Tensor:
            kind = x.dtype.kind
            if kind in ("real floating", "complex floating"):
                defaults = _info.Info().default_dtypes(device=x.device)
                kwargs["dtype"] = defaults[kind]
        return f(x, **kwargs)

    return wrapper


# (the first version with the new behaviour, the name, how to make the older one)
CHANGES: tuple[tuple[str, str, Callable[[str, str, Callable[..., Any]], Any]], ...] = (
    ("2025.12", "meshgrid", _list_result),
    ("2025.12", "broadcast_arrays", _list_result),
    ("2025.12", "searchsorted", _no_scalars((1,), "2025.12")),
    ("2025.12", "expand_dims", _no_tuple_axis),
    *(("2024.12", name, _no_scalars((0, 1), "2024.12")) for name in _SCALAR_ARGUMENTS_2024),
    ("2024.12", "where", _no_scalars((1, 2), "2024.12")),
    ("2024.12", "result_type", _no_scalars((), "2024.12")),
    ("2024.12", "fft.fftfreq", _no_keywords(("dtype",), "2024.12")),
    ("2024.12", "fft.rfftfreq", _no_keywords(("dtype",), "2024.12")),
    ("2023.12", "sum", _default_float_sum),
    ("2023.12", "prod", _default_float_sum),
    ("2023.12", "linalg.trace", _default_float_sum),
    ("2023.12", "astype", _no_keywords(("device",), "2023.12")),
    ("2023.12", "from_dlpack", _no_keywords(("device", "copy"), "2023.12")),
)


class _OlderInfo(_info.Info):
    """``__array_namespace_info__()`` of an older version: ``devices()`` was a list
    before 2025.12, and ``capabilities()`` had no "max dimensions" before 2024.12."""

    __slots__ = ("_version",)

    def __init__(self, version: str) -> None:
        self._version = version

    def __repr__(self) -> str:
        return f"xtensor.namespace({self._version!r}).__array_namespace_info__()"

    def capabilities(self) -> dict[str, Any]:
        answer = super().capabilities()
        if self._version < "2024.12":
            del answer["max dimensions"]
        return answer

    def devices(self) -> Any:
        return list(super().devices())


# --- the namespace objects ------------------------------------------------------------------


class VersionedNamespace(ModuleType):
    """The xtensor namespace as version ``__array_api_version__`` of the standard has it."""

    def __repr__(self) -> str:
        return f"<xtensor namespace for array API {self.__array_api_version__}>"


# api_version -> namespace (None: the one __array_namespace__() returns by default).
NAMESPACES: dict[str | None, ModuleType] = _tensor.NAMESPACES
_default_version = LATEST


def _later_names(version: str) -> set[str]:
    return {name for v, names in ADDED.items() if v > version for name in names}


def _build(version: str) -> ModuleType:
    xtensor = sys.modules["xtensor"]
    if version == LATEST:
        return xtensor
    removed = _later_names(version)
    ns = VersionedNamespace("xtensor", f"The xtensor namespace as array API {version} has it.")
    for name in xtensor.__all__:
        if name not in removed:
            setattr(ns, name, getattr(xtensor, name))
    ns.__array_api_version__ = version  # type: ignore[attr-defined]
    ns.__all__ = [n for n in xtensor.__all__ if n not in removed]  # type: ignore[attr-defined]
    for ext in ("linalg", "fft"):
        if ext in removed:
            continue
        module = getattr(xtensor, ext)
        sub = VersionedNamespace(f"xtensor.{ext}", module.__doc__)
        names = [n for n in module.__all__ if f"{ext}.{n}" not in removed]
        for name in names:
            setattr(sub, name, getattr(module, name))
        sub.__all__ = names  # type: ignore[attr-defined]
        sub.__array_api_version__ = version  # type: ignore[attr-defined]
        setattr(ns, ext, sub)
    for since, path, make in CHANGES:
        if version >= since:
            continue
        *parent, name = path.split(".")
        owner = getattr(ns, parent[0], None) if parent else ns
        original = getattr(owner, name, None)
        if original is None:
            continue  # not in this version at all
        wrapper = make(path, version, original)
        wrapper.__name__ = wrapper.__qualname__ = name
        wrapper.__doc__ = original.__doc__
        wrapper.__wrapped__ = original
        setattr(owner, name, wrapper)
    if "__array_namespace_info__" in ns.__all__:
        info = _OlderInfo(version)

        def __array_namespace_info__() -> _info.Info:
            return info

        __array_namespace_info__.__doc__ = xtensor.__array_namespace_info__.__doc__
        ns.__array_namespace_info__ = __array_namespace_info__  # type: ignore[attr-defined]
    return ns


def _get(version: str) -> ModuleType:
    """The namespace of ``version``, built on first use."""
    ns = NAMESPACES.get(version)
    if ns is None:
        ns = NAMESPACES[version] = _build(version)
    return ns


def refresh() -> None:
    """Forget the older versions' namespaces, to be built again from the module on next
    use (strict mode calls this after it swapped functions of the namespace)."""
    for version in VERSIONS[:-1]:
        NAMESPACES.pop(version, None)
    NAMESPACES[LATEST] = sys.modules["xtensor"]
    NAMESPACES[None] = _get(_default_version)


def _check(api_version: object, what: str) -> str:
    if api_version.__class__ is not str or api_version not in VERSIONS:
        return check_choice(api_version, VERSIONS, what, "api_version")
    return api_version


def namespace(api_version: str | None = None) -> ModuleType:
    """The array API namespace of ``api_version``.

    Parameters
    ----------
    api_version
        ``"2021.12"`` … ``"2025.12"``; None: the version ``set_api_version`` chose
        (by default 2025.12).

    Returns
    -------
    module
        The ``xtensor`` module itself for 2025.12; for an older version, a namespace
        object with that version's names (those added later are absent) and the
        behaviours its text specified (e.g. ``meshgrid`` returning a list before
        2025.12, no Python scalars in element-wise functions before 2024.12). Its
        ``__array_api_version__`` is the version.

    Raises
    ------
    ValueError
        For a version xtensor does not implement.

    Examples
    --------
    >>> ns = xp.namespace("2023.12")
    >>> ns.__array_api_version__, hasattr(ns, "diff"), hasattr(xp, "diff")
    ('2023.12', False, True)
    >>> xp.namespace("2025.12") is xp
    True
    """
    return lookup(api_version, "namespace")


def lookup(api_version: object, what: str) -> ModuleType:
    """``namespace(api_version)``, with ``what`` naming the caller in the error."""
    if api_version is None:
        return NAMESPACES[None]
    return _get(_check(api_version, what))


def set_api_version(api_version: str, /) -> None:
    """Choose the version whose namespace ``x.__array_namespace__()`` returns when no
    ``api_version`` is asked for (process-wide; the default is "2025.12").

    The ``xtensor`` module itself stays the 2025.12 namespace; ``xtensor.namespace()``
    gives the chosen one. ``XTENSOR_API_VERSION`` sets it when xtensor is imported.

    Parameters
    ----------
    api_version
        ``"2021.12"`` … ``"2025.12"``.

    Returns
    -------
    None

    Raises
    ------
    ValueError
        For a version xtensor does not implement.

    Examples
    --------
    >>> x = xp.asarray([1.0, 2.0])
    >>> xp.set_api_version("2023.12")
    >>> x.__array_namespace__().__array_api_version__
    '2023.12'
    >>> xp.set_api_version("2025.12")
    >>> x.__array_namespace__() is xp
    True
    """
    global _default_version
    _default_version = _check(api_version, "set_api_version")
    NAMESPACES[None] = _get(_default_version)


def _init() -> None:
    """Register the module and apply ``XTENSOR_API_VERSION`` (called at import)."""
    refresh()
    version = os.environ.get("XTENSOR_API_VERSION")
    if version:
        set_api_version(_check(version.strip(), "environment variable XTENSOR_API_VERSION"))
