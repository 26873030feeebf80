"""Interop conformance: the checks behind ``python -m xtensor`` and ``conformance/``.

Each check hands an array from a producer to a consumer, with xtensor on at least one
side, and measures what happened (:class:`Facts`): whether the consumer refused,
whether the values are equal element by element, whether both sides have the same
address, whether a write through either side is seen through the other, whether the
result is read-only, and whether anything warned. :func:`promise` says what xtensor
promises for that exchange (``INTEROP.md``) and :func:`judge` compares the two. The
report prints the verdicts and the conformance suite asserts them, so the two cannot
disagree.

Nothing here raises for a missing peer, a missing device or a failing exchange: each
becomes a line of the report, with its reason. An exchange that may abort the process
(PyTorch and negative strides) is measured in a child process (``_child``); a cell
where a peer's hazard is met carries that hazard's key, and ``_hazards`` gives it the
hazard's code once the hazard is measured.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import importlib
import importlib.metadata
import importlib.util
import math
import sys
import warnings
import weakref
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import xtensor as xt

from . import _backend, _child
from . import _dlpack_abi as abi
from ._backend import numpy as np
from ._dlpack import VERSION, cpu_export_version
from ._errors import CopyError

__all__ = [
    "DTYPES",
    "LAYOUTS",
    "C_ORDER",
    "Layout",
    "layout_named",
    "sample",
    "changed",
    "Peer",
    "NumPyPeer",
    "TorchPeer",
    "JaxPeer",
    "StrictPeer",
    "CupyPeer",
    "XtensorPeer",
    "peers_on",
    "Entry",
    "Exchange",
    "exchanges",
    "Facts",
    "measure",
    "Promise",
    "promise",
    "Verdict",
    "judge",
    "Check",
    "matrix_check",
    "matrix_checks",
    "Spy",
    "capsule_header",
    "CODES",
    "HAZARD_CODES",
    "HAZARD_OF",
    "MISREADS",
    "child_step",
    "measure_in_child",
    "risky_steps",
    "all_risky_steps",
    "selected",
    "Outcome",
    "aligned",
    "copy_checks",
    "capsule_checks",
    "round_trip_checks",
    "lazy_bit_checks",
    "lifetime_checks",
    "protocol_checks",
    "run_checks",
    "devices",
    "environment",
]

DTYPES = (
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
)


@dataclass(frozen=True)
class Layout:
    """A view of a fresh base array: its name, the base's shape, and the index in the
    base of the view's first element (None for an empty view)."""

    name: str
    short: str
    base_shape: tuple[int, ...]
    first: tuple[int, ...] | None


# The short names head the report's grid columns: never one letter, so that none
# reads as a cell's code.
LAYOUTS = (
    Layout("C order", "C-ord", (3, 4), (0, 0)),
    Layout("F order", "F-ord", (4, 3), (0, 0)),  # base.T
    Layout("step slices", "step", (3, 4), (1, 0)),  # base[1:, ::2]
    Layout("transposed", "mT", (2, 3, 4), (0, 0, 0)),  # base.mT: neither C nor F
    Layout("negative strides", "neg", (3, 4), (2, 3)),  # base[::-1, ::-2]
    Layout("zero strides", "zero", (4,), (0,)),  # broadcast_to(base, (3, 4))
    Layout("size-1 odd strides", "size1", (5, 7), (2, 1)),  # base[2:3, 1:5]: strides (7, 1)
    Layout("size 0", "empty", (3, 4), None),  # base[:, :0]
    Layout("0-d", "0-d", (3, 4), (1, 2)),  # base[1, 2]
    Layout("read-only", "ro", (3, 4), (0, 0)),  # a read-only view of the base
)
_LAYOUT = {layout.name: layout for layout in LAYOUTS}


def layout_named(name: str) -> Layout:
    """The layout of ``LAYOUTS`` with this name."""
    return _LAYOUT[name]


C_ORDER = _LAYOUT["C order"]
_READ_ONLY_LAYOUTS = frozenset({"zero strides", "read-only"})


def sample(dtype: str, shape: tuple[int, ...]) -> Any:
    """A NumPy array of ``dtype`` with distinct values (alternating for bool)."""
    n = math.prod(shape)
    values = np.arange(1, n + 1).reshape(shape)
    if dtype == "bool":
        return values % 2 == 0
    if dtype.startswith("complex"):
        return (values + 1j * (n - values)).astype(dtype)
    return values.astype(dtype)


def changed(value: Any) -> Any:
    """A Python scalar of the same kind that differs from ``value``."""
    return (not value) if isinstance(value, bool) else value + 1


def _view(x: Any, name: str, broadcast: Callable[[Any, tuple[int, ...]], Any]) -> Any:
    """The named layout of a base array, through the indexing every peer shares."""
    if name in ("C order", "read-only"):
        return x
    if name == "F order":
        return x.T
    if name == "step slices":
        return x[1:, ::2]
    if name == "transposed":
        return x.mT
    if name == "negative strides":
        return x[::-1, ::-2]
    if name == "zero strides":
        return broadcast(x, (3, 4))
    if name == "size-1 odd strides":
        return x[2:3, 1:5]
    if name == "size 0":
        return x[:, :0]
    if name == "0-d":
        return x[1, 2, ...]
    raise ValueError(f"unknown layout {name!r}")


# --- peers -------------------------------------------------------------------------------


class Peer:
    """How one library makes, reads and writes its arrays on one device, and which of
    its functions consume other libraries' arrays."""

    name = ""
    module = ""
    dtypes: frozenset[str] = frozenset(DTYPES)
    # layouts the library cannot make, with the reason
    cannot: Mapping[str, str] = {}
    immutable = False  # arrays never change (JAX): nothing is written
    has_readonly = True  # arrays can be read-only (NumPy); torch and CuPy cannot

    def __init__(self, device: str = "cpu") -> None:
        self.device = device

    def __repr__(self) -> str:
        return f"<peer {self.label}>"

    @property
    def label(self) -> str:
        return self.name if self.device == "cpu" else f"{self.name} ({self.device})"

    @property
    def cuda_index(self) -> int:
        return int(self.device.partition(":")[2] or 0)

    def lib(self) -> Any:
        return importlib.import_module(self.module)

    def unavailable(self) -> str | None:
        """Why this peer cannot be used here (None when it can)."""
        if importlib.util.find_spec(self.module) is None:
            return f"{self.name} not installed"
        try:
            self.lib()
        except Exception as exc:  # a broken install is a line of the report
            return f"{self.name} cannot be imported ({type(exc).__name__}: {exc})"
        if self.device != "cpu":
            return self._cuda_unavailable()
        return None

    def _cuda_unavailable(self) -> str | None:
        """Why xtensor cannot reach this CUDA device (it needs CuPy and a GPU)."""
        if _backend.cupy_or_none() is None:
            no_cupy = importlib.util.find_spec("cupy") is None
            return "no CUDA device" + (" (cupy not installed)" if no_cupy else "")
        if self.cuda_index >= _backend.cuda_device_count():
            return "no CUDA device"
        return None

    def version(self) -> str:
        try:
            return str(self.lib().__version__)
        except Exception:
            return "?"

    def session(self) -> contextlib.AbstractContextManager[Any]:
        return contextlib.nullcontext()

    def why_not(self, layout: Layout, dtype: str) -> str | None:
        """Why this peer cannot produce ``layout`` of ``dtype`` (None when it can)."""
        if dtype not in self.dtypes:
            return f"{self.name} has no {dtype}"
        return self.cannot.get(layout.name)

    # subclasses: base, view, pointer, host, get, put, readonly, device_of, entries
    def base(self, values: Any) -> Any:
        raise NotImplementedError

    def view(self, base: Any, layout: Layout) -> Any:
        raise NotImplementedError

    def pointer(self, x: Any) -> int:
        raise NotImplementedError

    def host(self, x: Any) -> Any:
        raise NotImplementedError

    def get(self, x: Any, index: tuple[int, ...]) -> Any:
        return x[index].item()

    def put(self, x: Any, index: tuple[int, ...], value: Any) -> None:
        x[index] = value

    def readonly(self, x: Any) -> bool | None:
        return None

    def device_of(self, x: Any) -> str:
        return self.device

    def strides(self, x: Any) -> tuple[int, ...] | None:
        """Strides in elements, when the library says them."""
        return None

    def entries(self) -> list[Entry]:
        raise NotImplementedError


@dataclass(frozen=True)
class Entry:
    """A function that consumes an array: its name, the peer whose arrays it returns,
    and how to call it."""

    name: str
    peer: Peer
    call: Callable[[Any], Any]

    def __repr__(self) -> str:
        return f"<entry {self.name}>"


class NumPyPeer(Peer):
    name = module = "numpy"

    def base(self, values: Any) -> Any:
        return values.copy()

    def view(self, base: Any, layout: Layout) -> Any:
        v = _view(base, layout.name, np.broadcast_to)
        if layout.name == "read-only":
            v = v.view()
            v.flags.writeable = False
        return v

    def pointer(self, x: Any) -> int:
        return int(x.__array_interface__["data"][0])

    def host(self, x: Any) -> Any:
        return np.array(x, copy=True)

    def readonly(self, x: Any) -> bool | None:
        return not x.flags.writeable

    def strides(self, x: Any) -> tuple[int, ...] | None:
        return tuple(s // x.itemsize for s in x.strides)

    def entries(self) -> list[Entry]:
        return [
            Entry("numpy.from_dlpack", self, lambda x: np.from_dlpack(x)),
            Entry("numpy.asarray", self, lambda x: np.asarray(x)),
        ]


class TorchPeer(Peer):
    name = module = "torch"
    cannot = {
        "negative strides": "torch has no negative strides",
        "read-only": "torch has no read-only tensors",
    }
    has_readonly = False

    @property
    def dtypes(self) -> frozenset[str]:  # type: ignore[override]
        # uint16/32/64 came with torch 2.3
        try:
            torch = self.lib()
        except Exception:  # not installed: the exchange says so
            return frozenset(DTYPES)
        return frozenset(name for name in DTYPES if name == "bool" or hasattr(torch, name))

    def _cuda_unavailable(self) -> str | None:
        torch = self.lib()
        if not torch.cuda.is_available() or self.cuda_index >= torch.cuda.device_count():
            return "no CUDA device"
        return super()._cuda_unavailable()  # xtensor reaches it through CuPy

    def base(self, values: Any) -> Any:
        return self.lib().from_numpy(values.copy()).to(self.device)

    def view(self, base: Any, layout: Layout) -> Any:
        return _view(base, layout.name, lambda x, shape: x.expand(*shape))

    def pointer(self, x: Any) -> int:
        return int(x.data_ptr())

    def host(self, x: Any) -> Any:
        return x.detach().cpu().resolve_conj().numpy().copy()

    def device_of(self, x: Any) -> str:
        return str(x.device) if x.device.type == "cpu" else f"cuda:{x.device.index}"

    def strides(self, x: Any) -> tuple[int, ...] | None:
        return tuple(x.stride())

    def entries(self) -> list[Entry]:
        return [Entry("torch.from_dlpack", self, lambda x: self.lib().from_dlpack(x))]


class JaxPeer(Peer):
    name = module = "jax"
    cannot = dict.fromkeys(
        (
            "F order",
            "step slices",
            "transposed",
            "negative strides",
            "zero strides",
            "size-1 odd strides",
        ),
        "JAX arrays are compact and immutable: JAX makes no strided views",
    )
    immutable = True

    def session(self) -> contextlib.AbstractContextManager[Any]:
        jax = self.lib()
        enable = getattr(jax, "enable_x64", None)
        if enable is None:  # older JAX
            enable = getattr(importlib.import_module("jax.experimental"), "enable_x64", None)
        return contextlib.nullcontext() if enable is None else enable(True)

    def base(self, values: Any) -> Any:
        return self.lib().numpy.asarray(values)

    def view(self, base: Any, layout: Layout) -> Any:
        return _view(base, layout.name, lambda x, shape: x)  # new arrays of those shapes

    def pointer(self, x: Any) -> int:
        return int(x.unsafe_buffer_pointer())

    def host(self, x: Any) -> Any:
        return np.from_dlpack(x).copy()

    def get(self, x: Any, index: tuple[int, ...]) -> Any:
        # its memory as it is now (np.asarray would give a value JAX cached earlier)
        return np.from_dlpack(x)[index].item()

    def put(self, x: Any, index: tuple[int, ...], value: Any) -> None:
        raise TypeError("JAX arrays are immutable")

    def readonly(self, x: Any) -> bool | None:
        return True

    def entries(self) -> list[Entry]:
        return [Entry("jax.dlpack.from_dlpack", self, lambda x: self.lib().dlpack.from_dlpack(x))]

    def asks_versioned(self) -> bool:
        """Whether this JAX's ``from_dlpack`` asks for a versioned capsule, which can
        say read-only (newer JAX passes ``max_version``; older JAX asks for a legacy one)."""
        return self.unavailable() is None and _jax_asks_versioned()


@functools.cache
def _jax_asks_versioned() -> bool:
    spy = Spy(np.zeros(16, dtype=np.float32))
    importlib.import_module("jax").dlpack.from_dlpack(spy)
    return any(call.get("max_version") is not None for call in spy.calls)


class StrictPeer(Peer):
    name = module = "array_api_strict"
    dtypes = frozenset(DTYPES) - {"float16"}

    def base(self, values: Any) -> Any:
        return self.lib().asarray(values.copy())

    def view(self, base: Any, layout: Layout) -> Any:
        xs = self.lib()
        if layout.name == "read-only":
            memory = np.from_dlpack(base).view()
            memory.flags.writeable = False
            return xs.asarray(memory)
        return _view(base, layout.name, xs.broadcast_to)

    def _numpy(self, x: Any) -> Any:
        return np.from_dlpack(x)

    def pointer(self, x: Any) -> int:
        return int(self._numpy(x).__array_interface__["data"][0])

    def host(self, x: Any) -> Any:
        return self._numpy(x).copy()

    def get(self, x: Any, index: tuple[int, ...]) -> Any:
        return self._numpy(x)[index].item()

    def readonly(self, x: Any) -> bool | None:
        return not self._numpy(x).flags.writeable

    def entries(self) -> list[Entry]:
        return [Entry("array_api_strict.from_dlpack", self, lambda x: self.lib().from_dlpack(x))]


class CupyPeer(Peer):
    name = module = "cupy"
    cannot = {"read-only": "CuPy has no read-only arrays"}
    has_readonly = False

    def unavailable(self) -> str | None:
        return self._cuda_unavailable()

    def base(self, values: Any) -> Any:
        cp = self.lib()
        with cp.cuda.Device(self.cuda_index):
            return cp.asarray(values)

    def view(self, base: Any, layout: Layout) -> Any:
        if layout.name == "transposed":
            return base.swapaxes(-1, -2)  # older CuPy has no .mT
        return _view(base, layout.name, self.lib().broadcast_to)

    def pointer(self, x: Any) -> int:
        return int(x.data.ptr)

    def host(self, x: Any) -> Any:
        return self.lib().asnumpy(x)

    def device_of(self, x: Any) -> str:
        return f"cuda:{x.device.id}"

    def strides(self, x: Any) -> tuple[int, ...] | None:
        return tuple(s // x.itemsize for s in x.strides)

    def entries(self) -> list[Entry]:
        return [Entry("cupy.from_dlpack", self, lambda x: self.lib().from_dlpack(x))]


class XtensorPeer(Peer):
    name = module = "xtensor"

    def __init__(self, device: str = "cpu") -> None:
        super().__init__(device)
        if device != "cpu":
            self.cannot = {"read-only": "CUDA tensors cannot be read-only (CuPy has no flag)"}

    def unavailable(self) -> str | None:
        return None if self.device == "cpu" else self._cuda_unavailable()

    def version(self) -> str:
        return str(xt.__version__)

    def base(self, values: Any) -> Any:
        return xt.asarray(values.copy(), device=self.device)

    def view(self, base: Any, layout: Layout) -> Any:
        if layout.name == "read-only":
            memory = base.numpy()
            memory.flags.writeable = False
            return xt.as_tensor(memory)
        return _view(base, layout.name, self._broadcast)

    def _broadcast(self, x: Any, shape: tuple[int, ...]) -> Any:
        broadcast_to = getattr(xt, "broadcast_to", None)
        if broadcast_to is not None:
            return broadcast_to(x, shape)
        backend = np if self.device == "cpu" else self._cupy()
        return xt.as_tensor(backend.broadcast_to(backend.from_dlpack(x), shape))

    def _cupy(self) -> Any:
        return _backend.cupy_or_raise("xtensor on CUDA")

    def pointer(self, x: Any) -> int:
        return int(x.data_ptr())

    def host(self, x: Any) -> Any:
        return np.array(x.to_device("cpu"), copy=True)

    def readonly(self, x: Any) -> bool | None:
        return bool(x.is_readonly) if x.device == "cpu" else None

    def device_of(self, x: Any) -> str:
        return str(x.device)

    def strides(self, x: Any) -> tuple[int, ...] | None:
        return tuple(x.stride())

    def entries(self) -> list[Entry]:
        return [
            Entry("xtensor.as_tensor", self, lambda x: xt.as_tensor(x)),
            Entry("xtensor.asarray", self, lambda x: xt.asarray(x)),
            Entry("xtensor.from_dlpack", self, lambda x: xt.from_dlpack(x)),
        ]


def peers_on(device: str = "cpu") -> list[Peer]:
    """The peer libraries xtensor exchanges memory with on ``device`` (not xtensor)."""
    if device == "cpu":
        return [NumPyPeer(), TorchPeer(), JaxPeer(), StrictPeer()]
    return [CupyPeer(device), TorchPeer(device)]


@dataclass(frozen=True)
class Exchange:
    """A producer and a consumer's entry point; xtensor is one of the two."""

    producer: Peer
    entry: Entry

    @property
    def label(self) -> str:
        return f"{self.producer.label} -> {self.entry.name}"

    @property
    def consumer(self) -> Peer:
        return self.entry.peer

    def unavailable(self) -> str | None:
        return self.producer.unavailable() or self.consumer.unavailable()

    def __repr__(self) -> str:
        return f"<exchange {self.label} on {self.producer.device}>"


def exchanges(device: str = "cpu") -> list[Exchange]:
    """Every exchange checked on ``device``: each peer into each of xtensor's entry
    points, then xtensor into each peer's (and its own) entry points."""
    ours = XtensorPeer(device)
    others = peers_on(device)
    rows = [Exchange(p, e) for p in others for e in ours.entries()]
    rows += [Exchange(ours, e) for p in [*others, ours] for e in p.entries()]
    return rows


# --- measuring an exchange ---------------------------------------------------------------


@dataclass
class Facts:
    """What happened when a consumer took a producer's array."""

    error: BaseException | None = None  # the consumer refused
    values: bool | None = None  # shape, dtype and every element equal
    same_address: bool | None = None  # None: nothing to compare (size 0)
    seen_forward: bool | None = None  # a write through the producer is seen (None: not tried)
    seen_back: bool | None = None  # a write through the consumer is seen (None: not tried)
    readonly: bool | None = None  # the consumer's array is read-only (None: no such notion)
    device: str | None = None  # where the consumer's array is
    strides: tuple[int, ...] | None = None  # the consumer's strides, in elements
    source_strides: tuple[int, ...] | None = None
    warned: list[str] = field(default_factory=list)
    unmade: str | None = None  # the producer could not make its array (an older peer)
    died: str | None = None  # the process died of the exchange (run in a child): how

    @property
    def outcome(self) -> str:
        """The verdict in words: shares memory, copies, refuses, ..."""
        if self.unmade is not None:
            return NA
        if self.died is not None:
            return ABORTS
        if self.error is not None:
            return REFUSES
        if not self.values:
            return WRONG
        if self.same_address is None:
            return EMPTY
        if self.same_address:
            if self.seen_forward is False or self.seen_back is False:
                return BROKEN
            return SHARES_RO if self.readonly else SHARES
        if self.seen_forward or self.seen_back:
            return BROKEN
        return COPIES

    @property
    def detail(self) -> str:
        """The reason behind the outcome, whole: the error, the warning, the crash."""
        if self.unmade is not None:
            return self.unmade
        if self.died is not None:
            return f"the process died ({self.died})"
        if self.error is not None:
            text = " ".join(str(self.error).split())
            return f"{_error_name(self.error)}: {text}"
        if self.warned:
            return f"warned: {self.warned[0]}"
        return ""

    def as_dict(self) -> dict[str, Any]:
        """The facts as JSON values (how a child process hands them back)."""
        error = None
        if self.error is not None:
            error = [_error_name(self.error), str(self.error)]
        return {
            "error": error,
            "values": self.values,
            "same_address": self.same_address,
            "seen_forward": self.seen_forward,
            "seen_back": self.seen_back,
            "readonly": self.readonly,
            "device": self.device,
            "strides": self.strides,
            "source_strides": self.source_strides,
            "warned": self.warned,
            "unmade": self.unmade,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Facts:
        error = data.get("error")
        strides, source = data.get("strides"), data.get("source_strides")
        return cls(
            error=None if error is None else ChildError(*error),
            values=data.get("values"),
            same_address=data.get("same_address"),
            seen_forward=data.get("seen_forward"),
            seen_back=data.get("seen_back"),
            readonly=data.get("readonly"),
            device=data.get("device"),
            strides=None if strides is None else tuple(strides),
            source_strides=None if source is None else tuple(source),
            warned=list(data.get("warned") or []),
            unmade=data.get("unmade"),
        )


class ChildError(Exception):
    """An error raised in a child process, by name (its class stays there)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def _error_name(error: BaseException) -> str:
    return error.name if isinstance(error, ChildError) else type(error).__name__


SHARES = "shares memory"
SHARES_RO = "shares memory, read-only"
COPIES = "copies"
EMPTY = "accepts (size 0)"
REFUSES = "refuses"
WRONG = "WRONG VALUES"
BROKEN = "BROKEN (same address, writes not seen)"
ABORTS = "aborts the process"
NOT_RUN = "not run"
NA = "n/a"
NOT_AVAILABLE = "not available"


def measure(
    exchange: Exchange,
    layout: Layout,
    dtype: str,
    call: Callable[[Any], Any] | None = None,
) -> Facts:
    """Hand the producer's ``layout`` view of ``dtype`` to the consumer and find out
    what happened: values, addresses, writes both ways, read-only, warnings.

    ``call`` replaces the entry point's own call (to pass keywords such as ``copy``).
    The producer's array is never written through a read-only or zero-stride view:
    writes go through its writeable base.
    """
    producer, consumer = exchange.producer, exchange.consumer
    call = exchange.entry.call if call is None else call
    with warnings.catch_warnings(record=True) as caught, producer.session(), consumer.session():
        warnings.simplefilter("always")
        try:
            base = producer.base(sample(dtype, layout.base_shape))
            src = producer.view(base, layout)
            expected = producer.host(src)
        except Exception as exc:
            if producer.name == "xtensor":
                raise
            return Facts(unmade=f"{producer.name} cannot make it: {type(exc).__name__}: {exc}")
        del caught[:]  # what the peer said while making its array is not the exchange's
        try:
            out = call(src)
        except Exception as exc:  # a refusal is a fact to report
            return Facts(error=exc, warned=[str(w.message) for w in caught])
        warned = [str(w.message) for w in caught]
        got = consumer.host(out)
        facts = Facts(
            values=got.shape == expected.shape
            and got.dtype == expected.dtype
            and bool(np.array_equal(got, expected)),
            readonly=consumer.readonly(out),
            device=consumer.device_of(out),
            strides=consumer.strides(out),
            source_strides=producer.strides(src),
            warned=warned,
        )
        if layout.first is not None and expected.size:
            facts.same_address = consumer.pointer(out) == producer.pointer(src)
            _write_both_ways(facts, producer, consumer, base, src, out, layout)
    return facts


def _write_both_ways(
    facts: Facts, producer: Peer, consumer: Peer, base: Any, src: Any, out: Any, layout: Layout
) -> None:
    first = layout.first
    assert first is not None
    zero = (0,) * len(out.shape)
    if not producer.immutable:
        new = changed(producer.get(base, first))
        if _tried(producer, lambda: producer.put(base, first, new)):
            facts.seen_forward = consumer.get(out, zero) == new
    # Never write through memory the producer shared read-only, nor through zero strides.
    shared_read_only = producer.readonly(src) or layout.name in _READ_ONLY_LAYOUTS
    if consumer.immutable or shared_read_only or facts.readonly:
        return
    # a value the producer's element does not hold yet, whatever the consumer's holds
    new = changed(producer.get(base, first))
    if _tried(consumer, lambda: consumer.put(out, zero, new)):
        facts.seen_back = producer.get(base, first) == new


def _tried(peer: Peer, write: Callable[[], None]) -> bool:
    """Run ``write``; False if a peer (never xtensor) cannot write that element."""
    if peer.name == "xtensor":
        write()
        return True
    try:
        write()
    except Exception:  # e.g. an older torch without setitem for uint64
        return False
    return True


# --- what xtensor promises -----------------------------------------------------------------

SHARE = "share"  # the consumer shares the producer's memory (read-only as stated)
COPY = "copy"  # the consumer gets a writeable copy
REFUSE = "refuse"  # the exchange is refused with this error class
PEER = "peer"  # the peer decides (share, copy or refuse): values must be right
SKIP = "not run"  # running it would harm the process
NOT_APPLICABLE = "n/a"


@dataclass(frozen=True)
class Promise:
    """What xtensor promises for one exchange."""

    kind: str
    readonly: bool | None = None  # for SHARE: the consumer's array is read-only (None: any)
    error: type[BaseException] | None = None  # for REFUSE
    why: str = ""
    device: str | None = None  # where the result must be (None: anywhere)
    in_child: bool = False  # the exchange may abort the process: run it in a child
    hazard: str = ""  # the key of the peer's hazard this exchange meets (see _hazards)

    @property
    def words(self) -> str:
        if self.kind == SHARE:
            return "shares memory" + (", read-only" if self.readonly else "")
        if self.kind == REFUSE:
            return f"refuses with {self.error.__name__ if self.error else 'an error'}"
        if self.kind == COPY:
            return "copies"
        return ""


# The keys of the peers' hazards (xtensor._hazards measures each).
TORCH_READ_ONLY = "torch-read-only"
TORCH_NEGATIVE_STRIDES_ABORT = "torch-negative-strides"
TORCH_NEGATIVE_BIT = "torch-negative-bit"
JAX_COPY_TRUE = "jax-copy-true"

TORCH_NEGATIVE_STRIDES = (
    "torch.from_dlpack aborts the process on negative strides "
    "(pytorch#188023, pytorch#92680): run in a child process"
)
TORCH_GETS_A_COPY = "xtensor exports a copy to PyTorch, which "
JAX_CHOICE = (
    "JAX shares 64-byte aligned compact buffers, copies others, refuses other strides; "
    "it asks for legacy capsules only, and gets read-only memory in one (it never writes)"
)


def promise(exchange: Exchange, layout: Layout, dtype: str) -> Promise:
    """What xtensor promises when ``exchange`` carries ``layout`` of ``dtype``."""
    producer, consumer = exchange.producer, exchange.consumer
    why = producer.why_not(layout, dtype)
    if why is not None:
        return Promise(NOT_APPLICABLE, why=why)
    read_only = producer.immutable or layout.name in _READ_ONLY_LAYOUTS
    if consumer.name == "xtensor":
        # Every layout and dtype is shared, read-only exactly when the source is
        # (read-only memory, zero strides, an immutable JAX array).
        return Promise(
            SHARE, readonly=read_only if consumer.has_readonly and _cpu(consumer) else None
        )
    if dtype not in consumer.dtypes:
        return Promise(PEER, why=f"{consumer.name} has no {dtype}")
    if consumer.name == "torch" and producer.name == "xtensor" and _cpu(consumer):
        # xtensor._peer_gaps: PyTorch gets a copy of what it would misuse.
        if layout.name == "negative strides":
            return Promise(
                COPY,
                why=TORCH_GETS_A_COPY + "aborts the process on negative strides",
                in_child=True,
                hazard=TORCH_NEGATIVE_STRIDES_ABORT,
            )
        if read_only:
            return Promise(
                COPY,
                why=TORCH_GETS_A_COPY + "ignores the READ_ONLY flag",
                hazard=TORCH_READ_ONLY,
            )
    if consumer.name == "torch" and layout.name == "negative strides":
        return Promise(PEER, why=TORCH_NEGATIVE_STRIDES, in_child=True)
    if consumer.name == "jax":
        return Promise(PEER, why=JAX_CHOICE)
    if not consumer.has_readonly:
        why = f"{consumer.name} ignores the READ_ONLY flag" if read_only and _cpu(consumer) else ""
        return Promise(SHARE, readonly=None, why=why)
    return Promise(SHARE, readonly=read_only)


def _cpu(peer: Peer) -> bool:
    return peer.device == "cpu"


@dataclass(frozen=True)
class Verdict:
    ok: bool
    reason: str  # why not, when not ok


def judge(p: Promise, facts: Facts) -> Verdict:
    """Whether ``facts`` keep promise ``p``, and if not, why."""
    outcome = facts.outcome
    if p.kind in (SKIP, NOT_APPLICABLE) or facts.unmade is not None:
        return Verdict(True, "")
    if outcome == ABORTS:  # the peer's crash, unless xtensor promised to prevent it
        return Verdict(p.kind == PEER, "" if p.kind == PEER else facts.detail)
    if outcome in (WRONG, BROKEN):
        return Verdict(False, outcome)
    if p.device is not None and facts.error is None and facts.device != p.device:
        return Verdict(False, f"the result is on {facts.device}, not {p.device}")
    if p.kind == PEER:
        return Verdict(True, "")
    if p.kind == REFUSE:
        if facts.error is None:
            return Verdict(False, f"expected a {p.error.__name__ if p.error else 'refusal'}")
        if p.error is not None and not isinstance(facts.error, p.error):
            return Verdict(False, f"expected {p.error.__name__}, got {facts.detail}")
        return Verdict(True, "")
    if facts.error is not None:
        return Verdict(False, f"refused: {facts.detail}")
    if facts.warned:
        return Verdict(False, facts.detail)
    if p.kind == COPY:
        if outcome not in (COPIES, EMPTY) or facts.readonly:
            return Verdict(False, f"expected a writeable copy, got: {outcome}")
        return Verdict(True, "")
    # SHARE
    if outcome not in (SHARES, SHARES_RO, EMPTY):
        return Verdict(False, f"expected shared memory, got: {outcome}")
    if p.readonly is not None and facts.readonly is not None and facts.readonly != p.readonly:
        state = "read-only" if facts.readonly else "writeable"
        return Verdict(False, f"the result is {state}")
    return Verdict(True, "")


# --- the report's rows ---------------------------------------------------------------------


# The grid's codes: one character per outcome. Hazard codes (a peer breaks the DLPack
# contract or the process) replace the outcome's where a peer's hazard is met, and
# ``!`` follows the code of every promise xtensor breaks.
HOLDS = "+"  # a protocol check whose outcome has no code of its own, and holds
CODES = {
    SHARES: "S",
    SHARES_RO: "R",
    COPIES: "C",
    EMPTY: "E",
    REFUSES: "X",
    NA: "-",
    NOT_RUN: ".",
    WRONG: "?",
    BROKEN: "?",
    ABORTS: "A",
}
OUTCOME_LEGEND = (
    ("S", "shares memory"),
    ("R", "shares memory, read-only"),
    ("C", "copies"),
    ("E", "accepts size 0 (no memory to share)"),
    ("X", "refuses (the error is in the notes)"),
    ("-", "the producer cannot make it"),
    (".", "not run"),
    ("?", "wrong values, or writes not seen"),
    (HOLDS, "holds (a check of the protocol)"),
)
# Hazards: what a peer does that breaks the DLPack contract or the process.
HAZARD_CODES = {
    "W": "a peer would write into read-only memory (it ignores READ_ONLY)",
    "A": "a peer aborts the process (run in a child process)",
    "N": "a peer's export loses a negative or conjugate bit (wrong values)",
    "U": "a peer shares memory where it was asked to copy",
    "M": "a peer misreads a capsule (values or device) that NumPy reads right",
}
BROKEN_MARK = "!"
BROKEN_WORDS = "breaks a promise xtensor makes (exit status 1)"
HAZARD_OF = {
    TORCH_READ_ONLY: "W",
    TORCH_NEGATIVE_STRIDES_ABORT: "A",
    TORCH_NEGATIVE_BIT: "N",
    JAX_COPY_TRUE: "U",
}


@dataclass(frozen=True)
class Check:
    """One line of the report: which exchange, which case, what happened."""

    section: str  # "layout", "dtype", "protocol"
    exchange: str
    device: str
    case: str
    outcome: str
    detail: str
    promised: str  # what xtensor promises, in words ("" where the peer decides)
    ok: bool
    hazard: str = ""  # the key of the peer's hazard met here ("" when none)
    hazard_code: str = ""  # its code in the grid ("" when none is met)

    @property
    def code(self) -> str:
        """The cell's code: a hazard's, else the outcome's; ``!`` when a promise broke."""
        if not self.ok:
            return CODES.get(self.outcome, "?") + BROKEN_MARK
        return self.hazard_code or CODES.get(self.outcome, HOLDS)

    @property
    def available(self) -> bool:
        return self.outcome != NOT_AVAILABLE

    def as_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "exchange": self.exchange,
            "device": self.device,
            "case": self.case,
            "outcome": self.outcome,
            "code": self.code,
            "detail": self.detail,
            "promised": self.promised,
            "ok": self.ok,
            "hazard": self.hazard if self.hazard_code else "",
        }


def _guarded(run: Callable[[], Facts]) -> Facts:
    try:
        return run()
    except Exception as exc:  # a check that cannot even be set up is a failed line
        return Facts(error=exc, values=False)


def matrix_check(
    exchange: Exchange,
    layout: Layout,
    dtype: str,
    section: str,
    child: _child.Child | None = None,
    step: int = 0,
) -> Check:
    """One cell of the zero-copy matrix, measured and judged. A cell that may abort
    the process is measured in a child process: step ``step`` of ``child``, or in a
    child of its own."""
    device = exchange.producer.device
    case = layout.name if section == "layout" else dtype
    missing = exchange.unavailable()
    if missing is not None:
        return Check(section, exchange.label, device, case, NOT_AVAILABLE, missing, "", True)
    p = promise(exchange, layout, dtype)
    if p.kind in (SKIP, NOT_APPLICABLE):
        outcome = NOT_RUN if p.kind == SKIP else NA
        return Check(section, exchange.label, device, case, outcome, p.why, "", True)
    if p.in_child:
        if child is None:
            child, step = _child.Child([child_step(exchange, layout, dtype)]), 0
        facts = _child_facts(child.results()[step])
    else:
        facts = _guarded(lambda: measure(exchange, layout, dtype))
    verdict = judge(p, facts)
    detail = verdict.reason or facts.detail or p.why
    hazard = p.hazard
    if verdict.ok and facts.outcome == ABORTS:
        detail = f"{facts.detail}: {p.why}" if p.why else facts.detail
    elif facts.outcome == WRONG and exchange.consumer.name not in ("xtensor", "numpy"):
        misread = _misread(exchange, layout, dtype)
        if misread is not None:  # the peer's fault: NumPy reads the same export right
            verdict, detail, hazard = Verdict(True, ""), misread, MISREADS
    elif (
        verdict.ok
        and exchange.consumer.name != "xtensor"
        and facts.device is not None
        and facts.device != device
    ):
        detail = f"the result is on {facts.device}, not {device} where the capsule said"
        hazard = MISREADS
    return Check(
        section,
        exchange.label,
        device,
        case,
        facts.outcome,
        detail,
        p.words,
        verdict.ok,
        hazard=hazard,
    )


MISREADS = "misreads"  # a hazard found by a cell itself: its code is M


def _misread(exchange: Exchange, layout: Layout, dtype: str) -> str | None:
    """Why a peer's wrong values are its own misreading (NumPy reads xtensor's export
    of the same array right), or None when they are not."""
    if exchange.producer.name != "xtensor" or exchange.producer.device != "cpu":
        return None
    reference = Exchange(exchange.producer, NumPyPeer().entries()[0])
    facts = _guarded(lambda: measure(reference, layout, dtype))
    if facts.outcome == WRONG or facts.error is not None:
        return None
    return (
        f"{exchange.consumer.name} reads wrong values from the capsule that "
        "numpy.from_dlpack reads right"
    )


def child_step(exchange: Exchange, layout: Layout, dtype: str) -> _child.Step:
    """The child process's step that measures this cell."""
    args = [exchange.producer.name, exchange.producer.device, exchange.entry.name]
    return ("xtensor._report", "measure_in_child", [*args, layout.name, dtype])


def measure_in_child(args: list[Any]) -> dict[str, Any]:
    """The child's side of :func:`child_step`: measure the cell, give the facts."""
    producer, device, entry, layout, dtype = args
    found = [
        ex for ex in exchanges(device) if ex.producer.name == producer and ex.entry.name == entry
    ]
    return _guarded(lambda: measure(found[0], layout_named(layout), dtype)).as_dict()


def _child_facts(result: Any) -> Facts:
    how = _child.died(result)
    if how is not None:
        return Facts(died=how)
    return Facts.from_dict(result)


def _cells(device: str, peers: Collection[str] | None) -> list[tuple[Exchange, Layout, str, str]]:
    cells = []
    for ex in exchanges(device):
        if selected(ex, peers):
            cells += [(ex, layout, "float64", "layout") for layout in LAYOUTS]
            cells += [(ex, C_ORDER, dtype, "dtype") for dtype in DTYPES]
    return cells


def _risky(cells: list[tuple[Exchange, Layout, str, str]]) -> list[int]:
    """The indices of the cells that may abort the process."""
    return [
        i
        for i, (ex, layout, dtype, _) in enumerate(cells)
        if ex.unavailable() is None and promise(ex, layout, dtype).in_child
    ]


def matrix_checks(
    device: str = "cpu",
    peers: Collection[str] | None = None,
    child: _child.Child | None = None,
    first_step: int = 0,
) -> list[Check]:
    """The zero-copy matrix on ``device``: every layout (float64), every dtype (C order).

    Only exchanges with one of ``peers`` (names) when given. Cells that may abort the
    process are measured in a child process, started first, while the others run:
    ``child``'s steps from ``first_step`` on (:func:`risky_steps`), or a child of
    their own.
    """
    cells = _cells(device, peers)
    risky = _risky(cells)
    if child is None:
        child, first_step = _child.Child([child_step(*cells[i][:3]) for i in risky]), 0
    step_of = {i: first_step + n for n, i in enumerate(risky)}
    checks = {i: matrix_check(*c) for i, c in enumerate(cells) if i not in step_of}
    for i in risky:
        checks[i] = matrix_check(*cells[i], child=child, step=step_of[i])
    return [checks[i] for i in range(len(cells))]


def risky_steps(device: str = "cpu", peers: Collection[str] | None = None) -> list[_child.Step]:
    """The child steps of :func:`matrix_checks` on ``device``, in its order."""
    cells = _cells(device, peers)
    return [child_step(*cells[i][:3]) for i in _risky(cells)]


def selected(exchange: Exchange, peers: Collection[str] | None) -> bool:
    """Whether ``exchange`` involves one of ``peers`` (every exchange when None)."""
    if peers is None:
        return True
    return exchange.producer.name in peers or exchange.consumer.name in peers


# --- protocol checks -------------------------------------------------------------------------


class Spy:
    """A producer that hands on another producer's capsules and records the keywords
    each request carried, the header of the capsule each one got (before the
    consumer renamed it), and the capsule itself."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[dict[str, Any]] = []
        self.headers: list[tuple[bytes | None, tuple[int, int] | None, int | None]] = []
        self.capsules: list[Any] = []

    def __dlpack__(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        capsule = self.inner.__dlpack__(**kwargs)
        self.headers.append(capsule_header(capsule))
        self.capsules.append(capsule)
        return capsule

    def __dlpack_device__(self) -> Any:
        return self.inner.__dlpack_device__()


def capsule_header(capsule: Any) -> tuple[bytes | None, tuple[int, int] | None, int | None]:
    """The name of a capsule, and for a versioned one its version and flags."""
    name = abi.capsule_name(capsule)
    if name != abi.VERSIONED_NAME:
        return name, None, None
    pointer = abi.capsule_pointer(capsule, name)
    major, minor, _, _, flags = abi.VERSIONED_HEADER.unpack(
        ctypes.string_at(pointer, abi.VERSIONED_HEADER.size)
    )
    return name, (major, minor), flags


def _asked(kwargs: dict[str, Any]) -> str:
    shown = ", ".join(f"{k}={v!r}" for k, v in sorted(kwargs.items()))
    if kwargs.get("max_version") is None:
        return f"asks with {shown or 'no keywords'} (no max_version: a legacy capsule)"
    return f"asks with {shown}"


def _got(header: tuple[bytes | None, tuple[int, int] | None, int | None]) -> str:
    name, version, flags = header
    if name == abi.LEGACY_NAME:
        return "gets a legacy capsule (DLPack before 1.0: no flags)"
    if name != abi.VERSIONED_NAME or version is None:
        return f"gets a capsule named {name!r}"
    text = f"gets a versioned capsule, DLPack {version[0]}.{version[1]}"
    bits = ((abi.READ_ONLY, "READ_ONLY"), (abi.IS_COPIED, "IS_COPIED"))
    named = [name for bit, name in bits if flags and flags & bit]
    return text + (f", flags {' '.join(named)}" if named else ", no flags")


def _used(capsule: Any, header: tuple[bytes | None, Any, Any]) -> tuple[str, bool]:
    """Whether the consumer marked the capsule consumed (renamed it ``used_...``)."""
    used = b"used_" + (header[0] or b"")
    if abi.capsule_name(capsule) == used:
        return f"marked used (renamed {used.decode()})", True
    return "NOT marked used (not renamed: it could be consumed twice)", False


class Outcome(NamedTuple):
    """What a protocol check found: its outcome, the reason, whether xtensor's promise
    held, and the key of a peer's hazard it met ("" when none)."""

    outcome: str
    detail: str
    ok: bool
    hazard: str = ""


def _protocol(
    name: str, exchange: Exchange, run: Callable[[], tuple[str, str, bool]], promised: str
) -> Check:
    device = exchange.producer.device
    missing = exchange.unavailable()
    if missing is not None:
        return Check("protocol", exchange.label, device, name, NOT_AVAILABLE, missing, "", True)
    try:
        found = Outcome(*run())
    except Exception as exc:  # every failure is a line of the report
        found = Outcome(REFUSES, f"{type(exc).__name__}: {exc}", False)
    return Check(
        "protocol",
        exchange.label,
        device,
        name,
        found.outcome,
        found.detail,
        promised,
        found.ok,
        hazard=found.hazard,
    )


def _keyword_entry(entry: Entry, suffix: str, call: Callable[[Any], Any]) -> Entry:
    return Entry(f"{entry.name}({suffix})", entry.peer, call)


def _measured(exchange: Exchange, p: Promise, call: Callable[[Any], Any]) -> Callable[[], Any]:
    def run() -> tuple[str, str, bool]:
        facts = measure(exchange, C_ORDER, "float64", call)
        verdict = judge(p, facts)
        return facts.outcome, verdict.reason or facts.detail, verdict.ok

    return run


Protocol = tuple[str, Exchange, Callable[[], Any], str]  # name, exchange, run, promised


def _run(cases: list[Protocol], peers: Collection[str] | None) -> list[Check]:
    return [_protocol(*case) for case in cases if selected(case[1], peers)]


def copy_checks(device: str = "cpu", peers: Collection[str] | None = None) -> list[Check]:
    """``copy`` and ``device`` keywords of xtensor's entry points and of the peers'
    ``from_dlpack``: copy=True copies, copy=False shares, device=None stays."""
    cases: list[Protocol] = []
    ours = XtensorPeer(device)
    host = XtensorPeer("cpu")
    for producer in [*peers_on(device), ours]:
        for fn, name in ((xt.from_dlpack, "xtensor.from_dlpack"), (xt.asarray, "xtensor.asarray")):
            base = Entry(name, ours, fn)
            for kw, p in (
                ("copy=True", Promise(COPY, device=device)),
                ("copy=False", Promise(SHARE, device=device)),
            ):
                entry = _keyword_entry(base, kw, _with_keywords(fn, copy=kw == "copy=True"))
                ex = Exchange(producer, entry)
                cases.append((kw, ex, _measured(ex, p, entry.call), p.words))
        # device="cpu": shares on the CPU, a host copy from a GPU
        p = Promise(SHARE if device == "cpu" else COPY, device="cpu")
        entry = Entry(
            "xtensor.from_dlpack(device='cpu')", host, lambda x: xt.from_dlpack(x, device="cpu")
        )
        ex = Exchange(producer, entry)
        cases.append(("device='cpu'", ex, _measured(ex, p, entry.call), p.words))
    if device == "cpu":
        # out of xtensor, through the peers' own keywords; IS_COPIED exactly when copied
        for consumer, kwargs in (
            (NumPyPeer(), {"copy": True}),
            (NumPyPeer(), {"copy": False}),
            (NumPyPeer(), {"device": "cpu"}),
            (TorchPeer(), {"copy": True}),
            (TorchPeer(), {"copy": False}),
            (StrictPeer(), {"copy": True}),
            (StrictPeer(), {"copy": False}),
        ):
            label = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            call = _with_keywords(lambda x, c=consumer, **k: c.lib().from_dlpack(x, **k), **kwargs)
            entry = Entry(f"{consumer.name}.from_dlpack({label})", consumer, call)
            ex = Exchange(ours, entry)
            copy = bool(kwargs.get("copy"))
            promised = "copies, IS_COPIED set" if copy else "shares memory, no flags"
            cases.append((label, ex, _copy_out(ours, consumer, kwargs, copy), promised))
        jax = JaxPeer()
        entry = Entry("jax.numpy.from_dlpack(copy=True)", jax, lambda x: x)
        cases.append(("copy=True", Exchange(ours, entry), _jax_copy_true(jax), ""))
    return _run(cases, peers)


def _with_keywords(fn: Callable[..., Any], **kwargs: Any) -> Callable[[Any], Any]:
    return lambda x: fn(x, **kwargs)


def _copy_out(
    ours: Peer, consumer: Peer, kwargs: dict[str, Any], copy: bool
) -> Callable[[], tuple[str, str, bool]]:
    def run() -> tuple[str, str, bool]:
        t = ours.base(sample("float64", (3, 4)))
        spy = Spy(t)
        out = consumer.lib().from_dlpack(spy, **kwargs)
        _, _, flags = spy.headers[-1]
        shared = consumer.pointer(out) == ours.pointer(t)
        t[0, 0] = 42.0
        seen = consumer.get(out, (0, 0)) == 42.0
        flagged = flags is not None and bool(flags & abi.IS_COPIED)
        outcome = (SHARES if shared and seen else COPIES) + (", IS_COPIED" if flagged else "")
        ok = (not shared and not seen and flagged) if copy else (shared and seen and flags == 0)
        return outcome, "", ok

    return run


def aligned(n: int) -> Any:
    """A writeable float64 tensor of ``n`` elements 1, 2, ... at a 64-byte aligned
    address (JAX shares only such memory)."""
    raw = np.zeros(n + 8)
    skip = (-raw.ctypes.data % 64) // raw.itemsize
    view = raw[skip : skip + n]
    view[:] = np.arange(1, n + 1)
    return xt.as_tensor(view)


def _jax_copy_true(jax: JaxPeer) -> Callable[[], Outcome]:
    def run() -> Outcome:
        with jax.session():
            t = aligned(64)
            out = jax.lib().numpy.from_dlpack(t, copy=True)
            shared = jax.pointer(out) == t.data_ptr()
            t[0] = 42.0
            seen = jax.get(out, (0,)) == 42.0
        if shared or seen:
            why = (
                "asked to copy, JAX shares the memory: a write to the tensor changes the JAX array"
            )
            return Outcome(SHARES, why, True, JAX_COPY_TRUE)
        return Outcome(COPIES, "", True)

    return run


def capsule_checks(device: str = "cpu", peers: Collection[str] | None = None) -> list[Check]:
    """What each consumer asks xtensor for and gets, and what xtensor asks each
    producer for and reads."""
    cases: list[Protocol] = []
    ours = XtensorPeer(device)
    consumers = [*peers_on(device), ours]
    for consumer in consumers:
        for entry in consumer.entries():
            if entry.name in ("numpy.asarray", "xtensor.as_tensor", "xtensor.asarray"):
                continue  # not DLPack

            def run(entry: Entry = entry) -> tuple[str, str, bool]:
                with entry.peer.session():
                    spy = Spy(ours.base(sample("float64", (64,))))
                    entry.call(spy)
                kwargs, header = spy.calls[-1], spy.headers[-1]
                wants = kwargs.get("max_version")
                versioned = wants is not None and wants[0] >= 1
                used, renamed = _used(spy.capsules[-1], header)
                if versioned:
                    version = header[1]
                    ok = (
                        header[0] == abi.VERSIONED_NAME
                        and version is not None
                        and (
                            version == cpu_export_version() if device == "cpu" else version[0] == 1
                        )
                    )
                else:
                    ok = header[0] == abi.LEGACY_NAME
                return f"{_asked(kwargs)}; {_got(header)}; {used}", "", ok and renamed

            ex = Exchange(ours, entry)
            promised = "a versioned capsule (DLPack 1.x) for max_version >= (1, 0), else legacy"
            cases.append(("capsule", ex, run, promised))
    for producer in peers_on(device):

        def read(producer: Peer = producer) -> tuple[str, str, bool]:
            with producer.session():
                spy = Spy(producer.base(sample("float64", (4,))))
                xt.from_dlpack(spy)
            header = spy.headers[-1]
            expected = {"max_version": VERSION} if device == "cpu" else None
            used, renamed = _used(spy.capsules[-1], header)
            ok = (expected is None or spy.calls[-1] == expected) and renamed
            return f"{_asked(spy.calls[-1])}; {_got(header)}; {used}", "", ok

        ex = Exchange(producer, Entry("xtensor.from_dlpack", ours, xt.from_dlpack))
        promised = f"asks max_version={VERSION}; reads the capsule by its name"
        cases.append(("capsule", ex, read, promised))
    return _run(cases, peers)


def round_trip_checks(device: str = "cpu", peers: Collection[str] | None = None) -> list[Check]:
    """Each peer's array through ``xtensor.as_tensor`` and back through the peer's own
    ``from_dlpack``: the same memory and values all the way (JAX -> xtensor -> JAX too)."""
    cases: list[Protocol] = []
    ours = XtensorPeer(device)
    for peer in peers_on(device):
        back = next(e for e in peer.entries() if "from_dlpack" in e.name)
        entry = Entry(f"xtensor.as_tensor -> {back.name}", ours, back.call)

        def run(peer: Peer = peer, back: Entry = back) -> tuple[str, str, bool]:
            with peer.session():
                source = peer.base(sample("float64", (64,)))
                expected = peer.host(source)
                out = back.call(xt.as_tensor(source))
                values = bool(np.array_equal(peer.host(out), expected))
                shared = peer.pointer(out) == peer.pointer(source)
            if not values:
                return WRONG, "the values changed on the way", False
            if shared:
                return SHARES, "", True
            return COPIES, "the memory was copied on the way", False

        cases.append(("round trip", Exchange(peer, entry), run, "shares memory both ways"))
    return _run(cases, peers)


def lazy_bit_checks(device: str = "cpu", peers: Collection[str] | None = None) -> list[Check]:
    """PyTorch's lazy negative and conjugate bits into xtensor: its DLPack export drops
    the negative bit (wrong values) and refuses the conjugate bit, so xtensor asks
    PyTorch for the values (a copy), or refuses under copy=False, and passes the right
    values on (back to PyTorch too)."""
    torch = TorchPeer(device)
    ours = XtensorPeer(device)
    cases: list[Protocol] = []
    entries = [
        *ours.entries(),
        Entry("xtensor.asarray(copy=False)", ours, lambda x: xt.asarray(x, copy=False)),
        Entry("xtensor.as_tensor -> torch.from_dlpack", torch, lambda x: x),
    ]
    for bit in ("negative bit", "conjugate bit"):
        for entry in entries:
            if bit == "conjugate bit" and entry.name != "xtensor.as_tensor":
                continue
            promised = "copies the values PyTorch computes"
            if "copy=False" in entry.name:
                promised = "refuses with CopyError"
            cases.append((bit, Exchange(torch, entry), _lazy(torch, bit, entry), promised))
    return _run(cases, peers)


def _lazy(torch: TorchPeer, bit: str, entry: Entry) -> Callable[[], Outcome]:
    def run() -> Outcome:
        lib = torch.lib()
        z = lib.tensor([1 + 1j, 2 - 3j], device=torch.device)
        lazy = z.conj().imag if bit == "negative bit" else z.conj()
        expected = lazy.resolve_conj().resolve_neg().cpu().tolist()
        hazard = TORCH_NEGATIVE_BIT if bit == "negative bit" else ""
        if "copy=False" in entry.name:
            try:
                xt.asarray(lazy, copy=False)
            except CopyError as exc:
                return Outcome(REFUSES, f"CopyError: {exc}", True, hazard)
            return Outcome(SHARES, "copy=False was not refused", False)
        if entry.peer.name == "torch":  # there and back
            out = lib.from_dlpack(xt.as_tensor(lazy))
            got = out.cpu().tolist()
        else:
            out = entry.call(lazy)
            got = out.tolist() if out.device == "cpu" else out.to_device("cpu").tolist()
        if got != expected:
            return Outcome(WRONG, f"got {got}, PyTorch's values are {expected}", False)
        return Outcome(COPIES, f"the values: {expected}", True, hazard)

    return run


def lifetime_checks(peers: Collection[str] | None = None) -> list[Check]:
    """The producer's memory lives while any view of it does, and is freed after
    (NumPy arrays, torch tensors and xtensor's tensors on the CPU, held by weakref)."""
    cases: list[Protocol] = []
    device = "cpu"
    ours = XtensorPeer(device)
    promised = "the producer's memory lives while any view does; freed after"
    owners = [(p, lambda a: a) for p in peers_on(device) if p.name in ("numpy", "torch")]
    for producer, owner_of in owners:
        for entry in ours.entries():
            ex = Exchange(producer, entry)
            cases.append(("lifetime", ex, _lifetime(producer, entry, owner_of), promised))
    # xtensor's tensors (owned by a NumPy or CuPy array) into each consumer
    for consumer in [*peers_on(device), ours]:
        for entry in consumer.entries():
            if consumer.name == "jax":
                continue  # JAX copies buffers that are not 64-byte aligned
            ex = Exchange(ours, entry)
            run = _lifetime(ours, entry, lambda t: t._array)
            cases.append(("lifetime", ex, run, promised))
    return _run(cases, peers)


def _lifetime(
    producer: Peer, entry: Entry, owner_of: Callable[[Any], Any]
) -> Callable[[], tuple[str, str, bool]]:
    def run() -> tuple[str, str, bool]:
        with producer.session(), entry.peer.session():
            source = producer.base(sample("float64", (8,)))
            owner = weakref.ref(owner_of(source))
            view = entry.call(source)[2:]
            del source
            alive = owner() is not None
            values = entry.peer.host(view).tolist() == [3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
            del view
            if owner() is not None:
                gc.collect()  # slow with torch and JAX loaded: only when needed
            freed = owner() is None
        if alive and values and freed:
            return "lives while viewed, freed after", "", True
        if not alive:
            return "FREED WHILE VIEWED", "the owner died while a view of its memory lived", False
        if not values:
            return "VALUES CHANGED", "the view no longer holds the producer's values", False
        return "LEAKS", "the owner is alive after every view died", False

    return run


def protocol_checks(device: str = "cpu", peers: Collection[str] | None = None) -> list[Check]:
    """copy and device keywords, capsule negotiation, round trips, PyTorch's lazy bits,
    lifetime."""
    checks = copy_checks(device, peers) + capsule_checks(device, peers)
    checks += round_trip_checks(device, peers) + lazy_bit_checks(device, peers)
    return checks + lifetime_checks(peers) if device == "cpu" else checks


# --- the whole report ---------------------------------------------------------------------


def devices() -> list[str]:
    """Every device present: the CPU, and each CUDA device CuPy sees."""
    return ["cpu"] + [f"cuda:{i}" for i in range(_backend.cuda_device_count())]


def run_checks(
    device_list: list[str] | None = None,
    peers: Collection[str] | None = None,
    child: _child.Child | None = None,
) -> list[Check]:
    """Every check of the report, device by device; only exchanges with ``peers``
    when given. The cells that may abort the process run in ``child``, whose first
    steps are :func:`all_risky_steps`' (a child of their own when None)."""
    device_list = devices() if device_list is None else device_list
    if child is None:
        child = _child.Child(all_risky_steps(device_list, peers))
    checks: list[Check] = []
    first = 0
    for device in device_list:
        checks += matrix_checks(device, peers, child, first)
        first += len(risky_steps(device, peers))
        checks += protocol_checks(device, peers)
    return checks


def all_risky_steps(device_list: list[str], peers: Collection[str] | None) -> list[_child.Step]:
    """The child steps :func:`run_checks` needs, in its order."""
    return [step for device in device_list for step in risky_steps(device, peers)]


def _distribution_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def environment() -> dict[str, Any]:
    """Versions, devices, peers and the array API namespace, for the report's header."""
    peer_versions = {}
    for peer in [NumPyPeer(), TorchPeer(), JaxPeer(), StrictPeer()]:
        peer_versions[peer.name] = peer.unavailable() or peer.version()
    no_cupy = importlib.util.find_spec("cupy") is None
    peer_versions["cupy"] = "cupy not installed" if no_cupy else CupyPeer("cuda:0").version()
    found = devices()
    gpu = None
    if len(found) == 1:
        gpu = f"{'cupy not installed' if no_cupy else 'CuPy sees no GPU'}"
        gpu += f" ({_backend.CUDA_INSTALL_HINT})"
    return {
        "xtensor": xt.__version__,
        "python": sys.version.split()[0],
        "array_api_version": xt.__array_api_version__,
        "extensions": [name for name in ("fft", "linalg") if hasattr(xt, name)],
        "devices": found,
        "no_gpu": gpu,
        "peers": peer_versions,
        "array_api_compat": _compat_status(),
    }


def _compat_status() -> str:
    if importlib.util.find_spec("array_api_compat") is None:
        return "array_api_compat not installed"
    try:
        import array_api_compat as compat

        t: Any = xt.asarray([1.0, 2.0])
        found = compat.array_namespace(t)
        ok = (
            found is xt
            and compat.is_array_api_obj(t)
            and compat.device(t) == t.device
            and compat.size(t) == 2
            and compat.to_device(t, "cpu") is t
        )
    except Exception as exc:  # shown, not raised
        return f"fails: {type(exc).__name__}: {exc}"
    version = _distribution_version("array-api-compat") or "?"
    if ok:
        return f"{version}: array_namespace(tensor) is xtensor; device, to_device, size work"
    return f"{version}: FAILS: array_namespace(tensor) is {getattr(found, '__name__', found)}"
