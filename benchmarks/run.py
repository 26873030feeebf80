"""Side-by-side benchmarks: xtensor against NumPy, PyTorch (CPU) and array-api-strict.

Every library is measured in the same run, interleaved (each repeat times every
library once, in turn), and reported as a ratio to NumPy, so that a noisy machine
moves all of them together. Run ``python -m benchmarks`` (``--quick`` for CI,
``--json FILE`` to save the figures).

Sections:
1. per-call cost on tiny inputs (10-element float64), geometric mean of the ratios;
2. large inputs (10**7 float64, 1000x1000 matmul, sort), ratio to NumPy;
3. zero-copy paths at 10**3 and 10**8 elements (the ratio between sizes should be ~1);
4. view operations: proof that no copy happens (memory is shared);
5. import time against ``import numpy``, and which heavy peers ``import xtensor`` pulls in;
6. peak extra memory of ``as_tensor`` on a 1 GB array;
7. a Cubed workload (10**7 elements in 10 chunks) on Cubed's NumPy backend and on
   xtensor, each backend in a child process, timed in turn, as a ratio.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import xtensor as xt

Op = Callable[[], object]


def _load_peers() -> dict[str, Any]:
    peers: dict[str, Any] = {}
    if importlib.util.find_spec("torch") is not None:
        import torch

        torch.set_num_threads(1)
        peers["torch"] = torch
    if importlib.util.find_spec("array_api_strict") is not None:
        import array_api_strict

        peers["array_api_strict"] = array_api_strict
    return peers


def _time(op: Op, number: int) -> float:
    return timeit.timeit(op, number=number) / number


def interleaved(ops: dict[str, Op], number: int, repeat: int) -> dict[str, float]:
    """Best time per call of each op, timing them in turn ``repeat`` times."""
    for op in ops.values():  # warm up, and fail early
        op()
    best = {name: math.inf for name in ops}
    for _ in range(repeat):
        for name, op in ops.items():
            best[name] = min(best[name], _time(op, number))
    return best


# --- 1. tiny inputs -------------------------------------------------------------------


def tiny_cases(peers: dict[str, Any]) -> dict[str, dict[str, Op]]:
    """For each operation, the same work spelled in each library."""
    a = np.linspace(0.0, 1.0, 10)
    b = np.linspace(1.0, 2.0, 10)
    m = np.arange(16.0).reshape(4, 4)
    t_a, t_b, t_m = xt.asarray(a), xt.asarray(b), xt.asarray(m)
    libs: dict[str, tuple[Any, Any, Any, Any]] = {
        "numpy": (np, a, b, m),
        "xtensor": (xt, t_a, t_b, t_m),
    }
    if "torch" in peers:
        torch = peers["torch"]
        libs["torch"] = (torch, torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(m))
    if "array_api_strict" in peers:
        s = peers["array_api_strict"]
        libs["array_api_strict"] = (s, s.asarray(a), s.asarray(b), s.asarray(m))

    def spell(lib: str, xp: Any, x: Any, y: Any, mat: Any) -> dict[str, Op]:
        # NumPy 2 has the standard's names (permute_dims, concat, astype); PyTorch
        # spells two of them its own way.
        if lib == "torch":
            permute, astype = xp.permute, (lambda v, dtype: v.to(dtype))
        else:
            permute, astype = xp.permute_dims, xp.astype
        return {
            "x + y": lambda: x + y,
            "x * 2.0": lambda: x * 2.0,
            "exp(x)": lambda: xp.exp(x),
            "sum(x)": lambda: xp.sum(x),
            "mean(x)": lambda: xp.mean(x),
            "x[1:5]": lambda: x[1:5],
            # array-api-strict refuses a key that does not cover every axis
            "x[None]": (lambda: x[None, ...]) if lib == "array_api_strict" else (lambda: x[None]),
            "reshape(x, (2, 5))": lambda: xp.reshape(x, (2, 5)),
            "permute_dims(m, (1, 0))": lambda: permute(mat, (1, 0)),
            "matmul(m, m) 4x4": lambda: xp.matmul(mat, mat),
            "astype(x, float32)": lambda: astype(x, xp.float32),
            "x == y": lambda: x == y,
            "where(x < y, x, y)": lambda: xp.where(x < y, x, y),
            "concat([x, y])": lambda: xp.concat([x, y]),
            "stack([x, y])": lambda: xp.stack([x, y]),
            "argsort(x)": lambda: xp.argsort(x),
            "x.shape": lambda: x.shape,
            "x.dtype": lambda: x.dtype,
        }

    cases: dict[str, dict[str, Op]] = {}
    for lib, (xp, x, y, mat) in libs.items():
        for name, op in spell(lib, xp, x, y, mat).items():
            cases.setdefault(name, {})[lib] = op

    # Importing a NumPy array, and exporting to NumPy.
    imports: dict[str, Op] = {"numpy": lambda: np.asarray(a), "xtensor": lambda: xt.as_tensor(a)}
    asarrays: dict[str, Op] = {"numpy": lambda: np.asarray(a), "xtensor": lambda: xt.asarray(a)}
    dlpacks: dict[str, Op] = {
        "numpy": lambda: np.from_dlpack(a),
        "xtensor": lambda: xt.from_dlpack(a),
    }
    exports: dict[str, Op] = {
        "numpy": lambda: np.from_dlpack(a),
        "xtensor": lambda: np.from_dlpack(t_a),
    }
    if "torch" in peers:
        torch = peers["torch"]
        imports["torch"] = lambda: torch.as_tensor(a)
        asarrays["torch"] = lambda: torch.asarray(a)
        dlpacks["torch"] = lambda: torch.from_dlpack(a)
        exports["torch"] = lambda: np.from_dlpack(libs["torch"][1])
    if "array_api_strict" in peers:
        s = peers["array_api_strict"]
        imports["array_api_strict"] = lambda: s.asarray(a)
        asarrays["array_api_strict"] = lambda: s.asarray(a)
        dlpacks["array_api_strict"] = lambda: s.from_dlpack(a)
        exports["array_api_strict"] = lambda: np.from_dlpack(libs["array_api_strict"][1])
    cases["as_tensor(ndarray)"] = imports
    cases["asarray(ndarray)"] = asarrays
    cases["from_dlpack(ndarray)"] = dlpacks
    cases["numpy.from_dlpack(x)"] = exports
    return cases


IMPORT_CASES = ("as_tensor(ndarray)", "asarray(ndarray)", "from_dlpack(ndarray)")


def bench_tiny(peers: dict[str, Any], quick: bool) -> dict[str, Any]:
    number, repeat = (2_000, 3) if quick else (20_000, 7)
    rows: dict[str, dict[str, float]] = {}
    for name, ops in tiny_cases(peers).items():
        rows[name] = interleaved(ops, number, repeat)
    libs = sorted({lib for r in rows.values() for lib in r}, key=_lib_order)
    ratios = {
        name: {lib: r[lib] / r["numpy"] for lib in r if lib != "numpy"} for name, r in rows.items()
    }
    geomean = {
        lib: statistics.geometric_mean([ratios[n][lib] for n in ratios if lib in ratios[n]])
        for lib in libs
        if lib != "numpy"
    }
    return {"seconds": rows, "ratio_to_numpy": ratios, "geometric_mean": geomean}


def _lib_order(lib: str) -> int:
    return ["numpy", "xtensor", "torch", "array_api_strict"].index(lib)


# --- 2. large inputs ------------------------------------------------------------------


def bench_large(quick: bool) -> dict[str, float]:
    n = 10**6 if quick else 10**7
    a = np.random.default_rng(0).random(n)
    b = np.random.default_rng(1).random(n)
    m = np.random.default_rng(2).random((300, 300) if quick else (1000, 1000))
    t_a, t_b, t_m = xt.asarray(a), xt.asarray(b), xt.asarray(m)
    cases = {
        "x + y": ({"numpy": lambda: a + b, "xtensor": lambda: t_a + t_b}),
        "exp(x)": ({"numpy": lambda: np.exp(a), "xtensor": lambda: xt.exp(t_a)}),
        "sum(x)": ({"numpy": lambda: np.sum(a), "xtensor": lambda: xt.sum(t_a)}),
        "matmul": ({"numpy": lambda: m @ m, "xtensor": lambda: t_m @ t_m}),
        # the standard's sort is stable by default; compare with NumPy's stable sort
        "sort(x) stable": (
            {"numpy": lambda: np.sort(a, kind="stable"), "xtensor": lambda: xt.sort(t_a)}
        ),
        "sort(x) unstable": (
            {"numpy": lambda: np.sort(a), "xtensor": lambda: xt.sort(t_a, stable=False)}
        ),
    }
    number, repeat = (1, 3) if quick else (3, 5)
    out = {}
    for name, ops in cases.items():
        best = interleaved(ops, number, repeat)
        out[name] = best["xtensor"] / best["numpy"]
    return out


# --- 3. zero-copy scaling ---------------------------------------------------------------


def bench_zero_copy(quick: bool) -> dict[str, float]:
    small = np.ones(10**3)
    big = np.ones(10**7 if quick else 10**8)
    t_small, t_big = xt.asarray(small), xt.asarray(big)
    paths: dict[str, Callable[[Any, Any], Op]] = {
        "as_tensor": lambda arr, t: lambda: xt.as_tensor(arr),
        "asarray": lambda arr, t: lambda: xt.asarray(arr),
        "from_dlpack": lambda arr, t: lambda: xt.from_dlpack(arr),
        "__dlpack__": lambda arr, t: lambda: t.__dlpack__(),
        "numpy()": lambda arr, t: lambda: t.numpy(),
    }
    number, repeat = (2_000, 3) if quick else (20_000, 5)
    out = {}
    for name, make in paths.items():
        best = interleaved({"small": make(small, t_small), "big": make(big, t_big)}, number, repeat)
        out[name] = best["big"] / best["small"]
    del big, t_big
    gc.collect()
    return out


# --- 4. views ---------------------------------------------------------------------------


def check_views() -> dict[str, bool]:
    """Whether each view operation shares memory with its input (it must)."""
    base = np.arange(24.0).reshape(2, 3, 4)
    t = xt.asarray(base)
    views = {
        "slice": lambda: t[:, 1:, ::2],
        "permute_dims": lambda: xt.permute_dims(t, (2, 0, 1)),
        "matrix_transpose": lambda: t.mT,
        "reshape (contiguous)": lambda: xt.reshape(t, (6, 4)),
        "expand_dims": lambda: xt.expand_dims(t, axis=0),
        "broadcast_to": lambda: xt.broadcast_to(t, (5, 2, 3, 4)),
        "flip": lambda: xt.flip(t, axis=1),
        "squeeze": lambda: xt.squeeze(xt.expand_dims(t, axis=0), axis=0),
    }
    return {name: bool(np.shares_memory(make().numpy(), base)) for name, make in views.items()}


# --- 5. import time ---------------------------------------------------------------------


def bench_import(quick: bool) -> dict[str, Any]:
    code = (
        "import sys, time; t = time.perf_counter(); import {mod}; "
        "print(time.perf_counter() - t); "
        "print(','.join(m for m in ('cupy', 'torch', 'jax') if m in sys.modules))"
    )
    runs = 3 if quick else 7
    out: dict[str, Any] = {}
    for mod in ("numpy", "xtensor"):
        times, heavy = [], ""
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", code.format(mod=mod)],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds, heavy = done.stdout.splitlines()[0], done.stdout.splitlines()[1:]
            times.append(float(seconds))
        out[mod] = min(times)
        if mod == "xtensor":
            out["heavy_peers_imported"] = heavy[0] if heavy and heavy[0] else ""
    out["ratio"] = out["xtensor"] / out["numpy"]
    return out


# --- 6. memory --------------------------------------------------------------------------


def bench_memory(quick: bool) -> dict[str, float]:
    size = (10**8 if quick else 10**9) // 8
    big = np.ones(size)
    tracemalloc.start()
    t = xt.as_tensor(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del t, big
    gc.collect()
    return {"array_bytes": float(size * 8), "peak_extra_bytes": float(peak)}


# --- 7. Cubed ---------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _cubed_child(backend: str, n: int) -> subprocess.Popen[str]:
    """A process that runs benchmarks/cubed_workload.py on Cubed with ``backend``."""
    env = {k: v for k, v in os.environ.items() if k != "CUBED_BACKEND_ARRAY_API_MODULE"}
    if backend != "numpy":
        env["CUBED_BACKEND_ARRAY_API_MODULE"] = backend
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "benchmarks.cubed_workload", str(n)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def bench_cubed(quick: bool) -> dict[str, Any]:
    """The Cubed workload on Cubed's NumPy backend and on xtensor: the best seconds of
    each, of the clock and of CPU time (asked of the two child processes in turn), and
    the ratios xtensor / NumPy; or why it did not run."""
    if importlib.util.find_spec("cubed") is None:
        return {"skipped": "cubed is not installed"}
    n = 10**5 if quick else 10**7
    repeat = 1 if quick else 9
    children = {backend: _cubed_child(backend, n) for backend in ("numpy", "xtensor")}
    wall = dict.fromkeys(children, math.inf)
    cpu = dict.fromkeys(children, math.inf)
    try:
        for _ in range(repeat):
            for backend, child in children.items():
                assert child.stdin is not None and child.stdout is not None
                child.stdin.write("run\n")
                child.stdin.flush()
                answer = child.stdout.readline().strip()
                if not answer or answer.startswith("error"):
                    return {"failed": f"{backend}: {answer or 'the process ended'}"}
                seconds, cpu_seconds = map(float, answer.split())
                wall[backend] = min(wall[backend], seconds)
                cpu[backend] = min(cpu[backend], cpu_seconds)
    finally:
        for child in children.values():
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    return {
        "elements": n,
        "chunks": 10,
        "seconds": wall,
        "cpu_seconds": cpu,
        "ratio": wall["xtensor"] / wall["numpy"],
        "cpu_ratio": cpu["xtensor"] / cpu["numpy"],
    }


# --- report -----------------------------------------------------------------------------


def run(quick: bool) -> dict[str, Any]:
    peers = _load_peers()
    return {
        "quick": quick,
        "numpy": np.__version__,
        "peers": {name: getattr(mod, "__version__", "?") for name, mod in peers.items()},
        "tiny": bench_tiny(peers, quick),
        "large": bench_large(quick),
        "zero_copy": bench_zero_copy(quick),
        "views_share_memory": check_views(),
        "import": bench_import(quick),
        "memory": bench_memory(quick),
        "cubed": bench_cubed(quick),
    }


def print_report(result: dict[str, Any]) -> None:
    tiny = result["tiny"]
    libs = [
        lib for lib in ("xtensor", "torch", "array_api_strict") if lib in tiny["geometric_mean"]
    ]
    print(f"1. tiny inputs: time per call as a ratio to NumPy (NumPy {result['numpy']})")
    print(f"   {'operation':<26}{'numpy':>10}" + "".join(f"{lib:>18}" for lib in libs))
    for name, ratios in tiny["ratio_to_numpy"].items():
        numpy_ns = tiny["seconds"][name]["numpy"] * 1e9
        cells = "".join(f"{ratios[lib]:>17.2f}x" if lib in ratios else f"{'-':>18}" for lib in libs)
        print(f"   {name:<26}{numpy_ns:>8.0f}ns{cells}")
    gm = "".join(f"{tiny['geometric_mean'][lib]:>17.2f}x" for lib in libs)
    print(f"   {'geometric mean':<26}{'':>10}{gm}")
    print("2. large inputs: xtensor time / NumPy time")
    for name, ratio in result["large"].items():
        print(f"   {name:<26}{ratio:>8.3f}")
    print("3. zero-copy paths: time at the large size / time at 10**3 elements")
    for name, ratio in result["zero_copy"].items():
        print(f"   {name:<26}{ratio:>8.2f}")
    print("4. views share memory (no copy)")
    for name, shared in result["views_share_memory"].items():
        print(f"   {name:<26}{'yes' if shared else 'NO: a copy was made'}")
    imp = result["import"]
    print(
        f"5. import: numpy {imp['numpy'] * 1e3:.0f} ms, xtensor {imp['xtensor'] * 1e3:.0f} ms "
        f"(ratio {imp['ratio']:.2f}); heavy peers imported by xtensor: "
        f"{imp['heavy_peers_imported'] or 'none'}"
    )
    mem = result["memory"]
    print(
        f"6. as_tensor of a {mem['array_bytes'] / 1e9:.1f} GB array: peak extra memory "
        f"{mem['peak_extra_bytes'] / 1e3:.1f} kB"
    )
    cubed = result["cubed"]
    if "ratio" in cubed:
        secs, cpu = cubed["seconds"], cubed["cpu_seconds"]
        print(
            f"7. Cubed, {cubed['elements']:,} elements in {cubed['chunks']} chunks: xtensor "
            "backend / NumPy backend"
        )
        print(
            f"   {'time':<26}{cubed['ratio']:>8.3f}   "
            f"({secs['xtensor']:.3f} s / {secs['numpy']:.3f} s)"
        )
        print(
            f"   {'CPU time':<26}{cubed['cpu_ratio']:>8.3f}   "
            f"({cpu['xtensor']:.3f} s / {cpu['numpy']:.3f} s)"
        )
    else:
        print(f"7. Cubed: {cubed.get('skipped') or 'failed, ' + cubed['failed']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a short run (< 1 minute), for CI")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    args = parser.parse_args(argv)
    result = run(args.quick)
    print_report(result)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    views_ok = all(result["views_share_memory"].values())
    return 0 if views_ok and not result["import"]["heavy_peers_imported"] else 1


if __name__ == "__main__":
    sys.exit(main())
