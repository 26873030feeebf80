"""The Cubed workload of ``python -m benchmarks`` (section 7), run in a child process.

Cubed picks its backend namespace from ``CUBED_BACKEND_ARRAY_API_MODULE`` when it is
first imported, so each backend gets a process of its own: ``benchmarks/run.py`` starts
one with the variable unset (NumPy) and one with it set to ``xtensor``, and asks them in
turn to run the workload, so that a noisy machine slows both alike. Protocol, one line
each way: the parent writes ``run``, the child answers with the seconds the computation
took, of the clock and of CPU time (or ``error: ...``); end of input ends the child.

The workload: a 1-d float64 array of ``n`` elements in 10 chunks, made by Cubed
(``arange``), an element-wise chain over it, and five reductions of the result (sum,
mean, max, argmax, and a sum in float32), computed together on Cubed's
single-threaded executor (so that the figure is the backends' work, not the
scheduling of a pool).
"""

from __future__ import annotations

import sys
import tempfile
import time
from typing import Any

CHUNKS = 10


def build(spec: Any, n: int) -> list[Any]:
    """The workload's Cubed arrays (a plan: nothing is computed yet)."""
    import cubed.array_api as cxp

    x = cxp.arange(0, n, chunks=n // CHUNKS, dtype=cxp.float64, spec=spec) / n
    y = cxp.exp(-x * x) * 2.0 + x
    return [
        cxp.sum(y),
        cxp.mean(y),
        cxp.max(y),
        cxp.argmax(y),
        cxp.sum(cxp.astype(y, cxp.float32)),
    ]


def run_once(n: int) -> tuple[float, float]:
    """Seconds to compute the workload once, of the clock and of CPU time in this process
    (all its threads); planning and making the work directory are excluded."""
    import cubed
    from cubed.runtime.create import create_executor

    with tempfile.TemporaryDirectory() as work_dir:
        spec = cubed.Spec(work_dir=work_dir, allowed_mem="1GB")
        arrays = build(spec, n)
        executor = create_executor("single-threaded")
        start, cpu_start = time.perf_counter(), time.process_time()
        cubed.compute(*arrays, executor=executor)
        return time.perf_counter() - start, time.process_time() - cpu_start


def main() -> None:
    n = int(sys.argv[1])
    for line in sys.stdin:
        if line.strip() != "run":
            continue
        try:
            wall, cpu = run_once(n)
        except Exception as exc:  # noqa: BLE001 -- reported to the parent, which prints it
            print(f"error: {type(exc).__name__}: {exc}".replace("\n", " "), flush=True)
        else:
            print(wall, cpu, flush=True)


if __name__ == "__main__":
    main()
