"""Hostile DLPack capsules: every malformed kind, built by hand, imported through every
entry point, each in a child process, so that a crash is a failed test and not a dead
test run.

For each (kind, entry point) the child reports what happened, and the tests assert:

- a malformed capsule is refused with a BufferError (never a SystemError) whose message
  names the entry point, the field and its value;
- the producer's deleter runs exactly once per capsule made, after the capsule is
  collected (a capsule made with a ``used_`` name belongs to no one: never);
- a valid capsule at the edges (size 0 with NULL data, 0-d, NULL strides, negative,
  zero and large strides, ...) is read as the oracle reads it (plain index arithmetic
  over the producer's memory), shares that memory where the entry point shares, and
  its deleter runs once, after the tensor died;
- nothing is raised in a destructor ("Exception ignored in ...").

One child runs every kind for one entry point; the children run side by side. When a
child dies, the kind it was running is reported as a crash and a new child goes on
with the kinds after it. Run one child by hand with
``python tests/test_hostile_capsules.py ENTRY KIND...`` (it prints one JSON line per
kind).
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX = 2**63 - 1

# entry point -> (function, keywords)
ENTRIES: dict[str, tuple[str, dict[str, Any]]] = {
    "from_dlpack": ("from_dlpack", {}),
    "from_dlpack(copy=True)": ("from_dlpack", {"copy": True}),
    "from_dlpack(copy=False)": ("from_dlpack", {"copy": False}),
    "from_dlpack(device='cpu')": ("from_dlpack", {"device": "cpu"}),
    "asarray": ("asarray", {}),
    "asarray(copy=True)": ("asarray", {"copy": True}),
    "asarray(copy=False)": ("asarray", {"copy": False}),
    "as_tensor": ("as_tensor", {}),
    "tensor": ("tensor", {}),
}
COPYING = {"from_dlpack(copy=True)", "asarray(copy=True)", "tensor"}


class Kind(NamedTuple):
    """One kind of capsule (or of producer) and what must come of importing it."""

    capsule: dict[str, Any]  # HandMade's keywords; "memory": (dtype, length) of arange
    words: tuple[str, ...] | None = None  # None: accepted; else what the message names
    error: str = "BufferError"
    producer: str = "hand-made"  # or how a _Producer misbehaves
    twice: bool = False  # imported twice: the first import succeeds
    deletes: bool = True  # the deleter runs once per capsule made (False: never)
    loosen: int | None = None  # xtensor's byte bound for this kind (to reach NumPy's)


# --- the kinds ---------------------------------------------------------------------------

# DLTensor fields that no library produces, each as a versioned and a legacy capsule.
# "memory" defaults to float64 arange(12), described as shape (12,), strides (1,).
MALFORMED: dict[str, Kind] = {
    "wrong name": Kind({"name": b"tensor"}, ("named", "b'tensor'")),
    "empty name": Kind({"name": b""}, ("named", "b''")),
    "made used": Kind({"name": "used"}, ("used_dltensor", "consumed already"), deletes=False),
    "capsule pointer 0x10": Kind({"pointer": 0x10}, ("capsule", "0x10")),
    "ndim -1": Kind({"ndim": -1}, ("ndim", "-1")),
    "ndim 65": Kind({"shape": (1,) * 65, "strides": (1,) * 65}, ("ndim", "65")),
    "ndim 2**31-1": Kind({"ndim": 2**31 - 1}, ("ndim", "2147483647")),
    "ndim 2**31-1, NULL data": Kind({"ndim": 2**31 - 1, "data": 0}, ("ndim", "2147483647")),
    "NULL shape": Kind({"shape_address": 0}, ("shape", "NULL")),
    "shape at 0x10": Kind({"shape_address": 0x10}, ("shape", "0x10")),
    "strides at 0x10": Kind({"strides_address": 0x10}, ("strides", "0x10")),
    "shape -1": Kind({"shape": (-1,), "strides": (1,)}, ("shape", "-1")),
    "shape -2**63": Kind({"shape": (3, -(2**63)), "strides": (1, 1)}, ("shape", str(-(2**63)))),
    "element count past int64": Kind(
        {"shape": (2**32, 2**32), "strides": (1, 1)}, ("shape", str(2**32))
    ),
    "byte size past int64": Kind({"shape": (2**61,), "strides": (1,)}, ("shape", str(2**61))),
    # NumPy refuses an empty shape too when its nonzero entries overflow
    "size 0, byte size past int64": Kind(
        {"shape": (0, 2**60), "strides": (1, 1), "data": 0}, ("shape", str(2**60))
    ),
    "stride 2**62": Kind({"shape": (2,), "strides": (2**62,)}, ("strides", str(2**62))),
    "stride -2**62": Kind({"shape": (2,), "strides": (-(2**62),)}, ("strides", str(-(2**62)))),
    "stride 2**63-1": Kind({"shape": (2,), "strides": (MAX,)}, ("strides", str(MAX))),
    "stride -2**63": Kind({"shape": (2,), "strides": (-(2**63),)}, ("strides", str(-(2**63)))),
    "stride 2**62 of a length-1 dim": Kind(
        {"shape": (1,), "strides": (2**62,)}, ("strides", str(2**62))
    ),
    "stride 2**40, past the memory": Kind(
        {"shape": (2,), "strides": (2**40,)}, ("strides", str(2**40))
    ),
    "stride -2**40, before the memory": Kind(
        {"shape": (2,), "strides": (-(2**40),)}, ("strides", str(-(2**40)))
    ),
    "extent past int64": Kind(
        {"shape": (2**20, 2**20), "strides": (2**42, 1)}, ("strides", str(2**42))
    ),
    "two strides summing past int64": Kind(
        {"shape": (2, 2), "strides": (2**59, 2**59)}, ("strides", str(2**59))
    ),
    "byte_offset 2**63": Kind({"byte_offset": 2**63}, ("byte_offset", str(2**63))),
    "byte_offset 2**64-1": Kind({"byte_offset": 2**64 - 1}, ("byte_offset", str(2**64 - 1))),
    "byte_offset 2**62, past the memory": Kind({"byte_offset": 2**62}, ("byte_offset", str(2**62))),
    "NULL data": Kind({"data": 0}, ("data", "NULL")),
    "data at 0x10": Kind({"data": 0x10}, ("data", "0x10")),
    "data at the top of the address space": Kind(
        {"data": 2**64 - 16, "shape": (4,), "strides": (1,)}, ("data", hex(2**64 - 16))
    ),
    "strides reaching below address 0": Kind(
        {"data": 64, "shape": (2,), "strides": (-1024,)}, ("strides", "-1024")
    ),
    "dtype opaque handle": Kind({"dtype": (3, 64, 1)}, ("dtype", "opaque handle")),
    "dtype float8": Kind({"dtype": (2, 8, 1)}, ("dtype", "8 bits")),
    "dtype 2 lanes": Kind({"dtype": (2, 32, 2)}, ("dtype", "2 lanes")),
    "dtype 0 lanes": Kind({"dtype": (2, 64, 0)}, ("dtype", "0 lanes")),
    "dtype 0 bits": Kind({"dtype": (0, 0, 1)}, ("dtype", "0 bits")),
    "dtype code 255": Kind({"dtype": (255, 8, 1)}, ("dtype", "type code 255")),
    "device type 99 in the capsule": Kind(
        {"device": (99, 0), "reported_device": (1, 0)}, ("device type 99",)
    ),
    "device type -1 in the capsule": Kind(
        {"device": (-1, 0), "reported_device": (1, 0)}, ("device type -1",)
    ),
    "device_id -1 in the capsule": Kind(
        {"device": (1, -1), "reported_device": (1, 0)}, ("device_id", "-1")
    ),
    "CUDA capsule from a CPU producer": Kind(
        {"device": (2, 0), "reported_device": (1, 0)}, ("(2, 0)", "(1, 0)")
    ),
}
# Fields of the versioned struct only.
MALFORMED_VERSIONED: dict[str, Kind] = {
    "version 0.9": Kind({"version": (0, 9)}, ("version", "0.9")),
    "version 2.0": Kind({"version": (2, 0)}, ("version", "2.0")),
    "version 255.255": Kind({"version": (255, 255)}, ("version", "255.255")),
    "flag bit 3": Kind({"flags": 1 << 3}, ("flags", "0x8")),
    "flag bit 63": Kind({"flags": 1 << 63}, ("flags", hex(1 << 63))),
}

BIG = ("float64", 2**17)  # 1 MiB
VALID: dict[str, Kind] = {
    "contiguous": Kind({}),
    "NULL strides (C order)": Kind({"shape": (3, 4), "strides": None}),
    "0-d": Kind({"shape": (), "strides": None, "byte_offset": 40}),
    "size 0, NULL data": Kind({"shape": (0,), "strides": (1,), "data": 0}),
    "size 0 2-d, NULL data": Kind({"shape": (3, 0), "strides": (1, 1), "data": 0}),
    "size 0 with a large dimension": Kind({"shape": (0, 2**59), "strides": (1, 1), "data": 0}),
    "size 0 with data at 0x10": Kind({"shape": (2, 0), "strides": (1, 1), "data": 0x10}),
    "byte_offset": Kind({"shape": (5,), "strides": (1,), "byte_offset": 56}),
    "negative stride from the end": Kind({"shape": (12,), "strides": (-1,), "byte_offset": 88}),
    "flipped 2-d": Kind({"shape": (3, 4), "strides": (-4, -1), "byte_offset": 88}),
    "zero stride (broadcast)": Kind({"shape": (3, 4), "strides": (0, 1)}),
    "all strides zero": Kind({"shape": (2, 3), "strides": (0, 0), "byte_offset": 24}),
    "large strides": Kind(
        {"memory": BIG, "shape": (2, 2), "strides": (100_000, 3), "byte_offset": 8}
    ),
    "large negative stride": Kind(
        {"memory": BIG, "shape": (2,), "strides": (-100_000,), "byte_offset": 8 * 100_001}
    ),
    "stride 2**40 of a length-1 dim": Kind({"shape": (1, 3), "strides": (2**40, 1)}),
    "transposed int32": Kind({"memory": ("int32", 12), "shape": (4, 3), "strides": (1, 4)}),
    "int8": Kind({"memory": ("int8", 12)}),
    "uint64": Kind({"memory": ("uint64", 12)}),
    "bool": Kind({"memory": ("bool", 12)}),
    "float16": Kind({"memory": ("float16", 12)}),
    "complex128": Kind({"memory": ("complex128", 12), "shape": (2, 3), "strides": (3, 1)}),
    "CUDA managed memory": Kind({"device": (13, 0)}),
}
VALID_VERSIONED: dict[str, Kind] = {
    "minor version 99": Kind({"version": (1, 99)}),
    "READ_ONLY": Kind({"flags": 1}),
    "IS_SUBBYTE_TYPE_PADDED on a byte dtype": Kind({"flags": 4}),
}

# What xtensor would refuse, let through by loosening its byte bound, so that NumPy
# refuses it after taking the capsule: still a BufferError, the deleter still once.
BACKEND_REFUSES: dict[str, Kind] = {
    "NumPy refuses a shape past int64": Kind(
        {"shape": (2**61,), "strides": (0,)}, ("numpy refused the capsule",), loosen=2**70
    ),
}


def _device_says(value: Any) -> Kind:
    return Kind({"reported_device": value}, ("__dlpack_device__", repr(value)))


# Producers that misbehave in the protocol, not in the struct.
PRODUCERS: dict[str, Kind] = {
    "__dlpack__ returns 42": Kind({}, ("__dlpack__ returned int",), producer="returns 42"),
    "__dlpack__ returns None": Kind({}, ("returned NoneType",), producer="returns None"),
    "__dlpack__ raises": Kind({}, ("the producer refuses",), "RuntimeError", "raises"),
    "__dlpack__ raises TypeError": Kind({}, ("the producer refuses",), "TypeError", "raises type"),
    "same capsule twice": Kind({"same_capsule": True}, ("consumed already",), twice=True),
    "same legacy capsule twice": Kind(
        {"same_capsule": True, "versioned": False}, ("consumed already",), twice=True
    ),
    "__dlpack_device__ returns None": _device_says(None),
    "__dlpack_device__ returns 'cpu'": _device_says("cpu"),
    "__dlpack_device__ returns (1,)": _device_says((1,)),
    "__dlpack_device__ returns (1, 0, 0)": _device_says((1, 0, 0)),
    "__dlpack_device__ returns ('1', '0')": _device_says(("1", "0")),
    "__dlpack_device__ returns (1.5, 0)": _device_says((1.5, 0)),
    "__dlpack_device__ returns (1, -1)": _device_says((1, -1)),
    "__dlpack_device__ returns (2**70, 0)": Kind(
        {"reported_device": (2**70, 0)}, (f"device type {2**70}",)
    ),
    "__dlpack_device__ raises": Kind({}, ("the producer refuses",), "RuntimeError", "raises dev"),
}


def _both_structs(kinds: dict[str, Kind]) -> dict[str, Kind]:
    out = {}
    for name, kind in kinds.items():
        out[f"{name} [versioned]"] = kind
        out[f"{name} [legacy]"] = kind._replace(capsule={**kind.capsule, "versioned": False})
    return out


REFUSED = {
    **_both_structs(MALFORMED),
    **_both_structs(BACKEND_REFUSES),
    **{f"{name} [versioned]": kind for name, kind in MALFORMED_VERSIONED.items()},
    **PRODUCERS,
}
ACCEPTED = {
    **_both_structs(VALID),
    **{f"{name} [versioned]": kind for name, kind in VALID_VERSIONED.items()},
}
KINDS = {**REFUSED, **ACCEPTED}


# --- the child process -----------------------------------------------------------------


def _memory(spec: tuple[str, int]) -> Any:
    import numpy as np

    dtype, n = spec
    values = np.arange(1, n + 1)
    if dtype == "bool":
        return values % 3 == 0
    if dtype.startswith("complex"):
        return (values + 1j * values[::-1]).astype(dtype)
    return values.astype(dtype)


class _Producer:
    """A producer that misbehaves in the protocol (its capsules, if any, are fine)."""

    def __init__(self, how: str, inner: Any) -> None:
        self.how = how
        self.inner = inner

    def __dlpack__(self, **kwargs: Any) -> Any:
        if self.how == "returns 42":
            return 42
        if self.how == "returns None":
            return None
        if self.how == "raises type":
            raise TypeError("the producer refuses")
        if self.how == "raises":
            raise RuntimeError("the producer refuses")
        return self.inner.__dlpack__(**kwargs)

    def __dlpack_device__(self) -> Any:
        if self.how == "raises dev":
            raise RuntimeError("the producer refuses")
        return self.inner.__dlpack_device__()


def _oracle(flat: list[Any], shape: tuple[int, ...], strides: tuple[int, ...], at: int) -> Any:
    """The nested list a strided view describes, by index arithmetic over ``flat``."""
    if not shape:
        assert 0 <= at < len(flat), f"the oracle reads outside the memory: {at}"
        return flat[at]
    return [_oracle(flat, shape[1:], strides[1:], at + i * strides[0]) for i in range(shape[0])]


def _expected(kind: Kind, memory: Any) -> tuple[tuple[int, ...], Any]:
    c = kind.capsule
    shape = tuple(c.get("shape", memory.shape))
    strides = c.get("strides", (1,))
    if strides is None:  # C order
        strides, step = [], 1
        for n in reversed(shape):
            strides.insert(0, step)
            step *= n
    at = c.get("byte_offset", 0) // memory.itemsize
    return shape, _oracle(memory.tolist(), shape, tuple(strides), at)


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 200 else text[:200] + "..."


def _run(entry: str, name: str, kind: Kind, hand_made: Any) -> dict[str, Any]:
    import xtensor as xp
    from xtensor import _dlpack_checks

    function, keywords = ENTRIES[entry]
    convert = getattr(xp, function)
    capsule = dict(kind.capsule)
    memory = _memory(capsule.pop("memory", ("float64", 12)))
    if capsule.get("name") == "used":
        versioned = capsule.get("versioned", True)
        capsule["name"] = b"used_dltensor" + (b"_versioned" if versioned else b"")
    maker = hand_made(memory, **capsule)
    producer = maker if kind.producer == "hand-made" else _Producer(kind.producer, maker)
    out: dict[str, Any] = {"kind": name}
    first = t = None
    bound = _dlpack_checks.MAX_SIZE
    _dlpack_checks.MAX_SIZE = kind.loosen or bound
    try:
        try:
            t = convert(producer, **keywords)
            if kind.twice:
                first, t = t, None
                t = convert(producer, **keywords)
        finally:
            _dlpack_checks.MAX_SIZE = bound
    except Exception as e:
        out["error"] = [c.__name__ for c in type(e).__mro__]
        out["message"] = str(e)
        out["causes"] = []
        cause = e.__cause__ or e.__context__
        while cause is not None:
            out["causes"].append(type(cause).__name__)
            cause = cause.__cause__ or cause.__context__
    else:
        got = t.tolist() if 0 < t.size <= 10_000 else [] if t.size == 0 else f"<{t.shape}>"
        out["accepted"] = {"got": _brief(got), "deleted_while_alive": maker.deleted}
        if kind.words is None:
            shape, want = _expected(kind, memory)
            out["accepted"]["expected"] = _brief(want if t.size else [])
            out["accepted"]["ok"] = t.shape == shape and got == (want if t.size else [])
        data = capsule.get("data", memory.__array_interface__["data"][0])
        if data:
            address = data + capsule.get("byte_offset", 0)
            out["accepted"]["shares"] = t.data_ptr() == address
    del first, t, producer
    maker.release()
    memory = None
    gc.collect()
    out["made"], out["deleted"] = maker.made, maker.deleted
    return out


def _child(entry: str, names: list[str]) -> None:
    # A capsule that makes xtensor read gigabytes fails fast as a MemoryError here,
    # instead of swapping the machine.
    if sys.platform == "linux":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    sys.path.insert(0, str(ROOT))
    from conformance._capsules import HandMade

    unraisable: list[str] = []

    def hook(u: Any) -> None:
        unraisable.append(f"{u.exc_type.__name__}: {u.exc_value} (in {u.object!r})")

    sys.unraisablehook = hook
    gc.freeze()  # what the imports made: each kind's gc.collect() then sees only its own
    for name in names:
        print(json.dumps({"start": name}), flush=True)
        try:
            out = _run(entry, name, KINDS[name], HandMade)
        except Exception as e:  # this file's own mistake: not xtensor's
            out = {"kind": name, "harness": f"{type(e).__name__}: {e}"}
        out["unraisable"], unraisable[:] = unraisable[:], []
        print(json.dumps(out), flush=True)


# --- the parent: run the children, then check what they report ------------------------


def _start(entry: str, names: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, entry, *names],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},
    )


def run_all(names: list[str], timeout: float = 120) -> dict[tuple[str, str], dict[str, Any]]:
    """What each entry point made of each kind; a child that dies is reported as a
    ``crash`` of the kind it was running, and another child goes on after it."""
    results: dict[tuple[str, str], dict[str, Any]] = {}
    todo = {entry: list(names) for entry in ENTRIES}
    while todo:
        children = {entry: (_start(entry, kinds), kinds) for entry, kinds in todo.items()}
        todo = {}
        for entry, (child, kinds) in children.items():
            try:
                stdout, stderr = child.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                child.kill()
                stdout, stderr = child.communicate()
            done = 0
            for line in stdout.splitlines():
                report = json.loads(line)
                if "kind" in report:
                    results[entry, report["kind"]] = report
                    done += 1
            if done == len(kinds):
                results[entry, "exit"] = {"status": child.returncode, "stderr": stderr[-2000:]}
                continue
            tail = stderr.strip().splitlines()[-3:]
            results[entry, kinds[done]] = {"crash": f"exit status {child.returncode}: {tail}"}
            if kinds[done + 1 :]:
                todo[entry] = kinds[done + 1 :]
            else:
                results[entry, "exit"] = {"status": 0, "stderr": ""}
    return results


def problems(kind: Kind, report: dict[str, Any], entry: str) -> list[str]:
    """What went wrong with one kind through one entry point (empty: nothing)."""
    if "crash" in report:
        return [f"crashed the interpreter ({report['crash']})"]
    if "harness" in report:
        return [f"the test's child failed: {report['harness']}"]
    found = [f"raised in a destructor: {u}" for u in report["unraisable"]]
    if "SystemError" in report.get("error", []) + report.get("causes", []):
        found.append(f"SystemError: {report['message']}")
    wanted = report["made"] if kind.deletes else 0
    if report["deleted"] != wanted:
        found.append(f"deleter ran {report['deleted']} times for {report['made']} capsules")
    accepted = report.get("accepted")
    if kind.words is None:
        if accepted is None:
            found.append(f"refused: {report['error'][0]}: {report['message']}")
        else:
            found += _read_problems(accepted, entry)
        return found
    if accepted is not None:
        return [*found, f"accepted (read {accepted['got']})"]
    if kind.error not in report["error"]:
        found.append(f"{report['error'][0]} instead of {kind.error}: {report['message']}")
    if kind.error == "BufferError":
        missing = [w for w in (ENTRIES[entry][0], *kind.words) if w not in report["message"]]
        if missing:
            found.append(f"message lacks {missing}: {report['message']}")
    return found


def _read_problems(accepted: dict[str, Any], entry: str) -> list[str]:
    found = []
    if not accepted["ok"]:
        found.append(f"read wrongly: {accepted['got']} (expected {accepted['expected']})")
    if "shares" in accepted and accepted["shares"] == (entry in COPYING):
        found.append("copied" if entry not in COPYING else "shared the producer's memory")
    if entry not in COPYING and accepted["deleted_while_alive"]:
        found.append("deleter ran while the tensor was alive")
    return found


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, str], dict[str, Any]]:
    return run_all(list(KINDS))


def _check(name: str, reports: dict[tuple[str, str], dict[str, Any]]) -> None:
    found = [
        f"{entry}: {problem}"
        for entry in ENTRIES
        for problem in problems(KINDS[name], reports[entry, name], entry)
    ]
    assert not found, "\n".join(found)


def test_every_child_exits_cleanly(reports):
    for entry in ENTRIES:
        exit = reports[entry, "exit"]
        assert exit["status"] == 0, f"{entry}: exit status {exit['status']}: {exit['stderr']}"


@pytest.mark.parametrize("name", list(REFUSED))
def test_malformed_capsule_is_refused_by_field_and_freed(name, reports):
    _check(name, reports)


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_valid_edge_capsule_is_read_as_the_oracle_reads_it_and_freed(name, reports):
    _check(name, reports)


# --- the memory probe, in this process (it never reads what it checks) -------------------


def test_readable_tells_memory_this_process_can_read_from_memory_it_cannot():
    import numpy as np

    from xtensor._dlpack_checks import readable

    a = np.arange(1000.0)
    start = a.__array_interface__["data"][0]
    assert readable((start, 8), (start + 7992, 8))
    assert not readable((0, 1))
    assert not readable((0x10, 8))
    assert not readable((start, 8), (0x10, 8))
    assert not readable((2**64 - 4096, 1))


@pytest.mark.skipif(sys.platform != "linux", reason="maps a PROT_NONE page with Linux's mmap")
def test_readable_refuses_a_mapped_page_without_read_permission():
    import ctypes

    from xtensor._dlpack_checks import readable

    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t] + [ctypes.c_int] * 3 + [ctypes.c_long]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    page = libc.mmap(None, 4096, 0, 0x22, -1, 0)  # PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS
    assert page not in (None, 2**64 - 1), ctypes.get_errno()
    try:
        assert not readable((page, 1))
    finally:
        libc.munmap(page, 4096)


def test_readable_answers_each_thread_rightly_when_threads_probe_at_once():
    import threading

    import numpy as np

    from xtensor._dlpack_checks import readable

    a = np.arange(64.0)
    start = a.__array_interface__["data"][0]
    wrong: list[int] = []

    def probe() -> None:
        for i in range(2000):
            if readable((start, 8 * (1 + i % 64))) is not True or readable((0x10 + i, 1)):
                wrong.append(i)

    threads = [threading.Thread(target=probe) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads) and not wrong


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2:])
