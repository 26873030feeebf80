"""The zero-copy matrix: every producer x consumer x layout x entry point, and every
dtype, on the CPU and on CUDA.

Each cell hands a producer's view to a consumer and measures it with
``xtensor._report.measure`` (the same code as ``python -m xtensor``): the data
pointers, the values element by element, a write through each side read through the
other, read-only-ness and warnings. ``xtensor._report.promise`` says what xtensor
promises for the cell; the test asserts the promise holds, and for every cell where
xtensor shares, that the sharing was observed (not inferred).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from xtensor import _report as report

from ._support import need

CPU = report.exchanges("cpu")
CUDA = report.exchanges("cuda:0")


def _id(ex: report.Exchange) -> str:
    return f"{ex.producer.label}->{ex.entry.name}".replace(" ", "")


def _check(ex: report.Exchange, layout: report.Layout, dtype: str) -> report.Facts | None:
    missing = ex.unavailable()
    if missing is not None:
        pytest.skip(missing)
    p = report.promise(ex, layout, dtype)
    if p.kind == report.NOT_APPLICABLE:
        # The producer cannot make this (JAX has no strided views, torch no negative
        # strides, array-api-strict no float16): nothing to exchange.
        assert p.why
        return None
    if p.kind == report.SKIP:
        pytest.skip(p.why)
    facts = report.measure(ex, layout, dtype)
    verdict = report.judge(p, facts)
    assert verdict.ok, f"{ex.label}, {layout.name}, {dtype}: {verdict.reason} ({facts})"
    if p.kind == report.SHARE and facts.same_address is not None:
        # Shared memory is shown by a write seen through the other side, except where
        # nothing may be written (an immutable JAX array: the address and values tell).
        assert facts.same_address
        assert facts.seen_forward or facts.seen_back or ex.producer.immutable
        assert facts.seen_forward is not False and facts.seen_back is not False
    if facts.same_address and ex.consumer.name == "xtensor" and facts.source_strides:
        # xtensor keeps the producer's strides, size-1 and zero strides included (a
        # size-0 view has no memory: its strides say nothing)
        assert facts.strides == facts.source_strides
    if p.kind != report.REFUSE and facts.error is None:
        assert facts.values
    return facts


@pytest.mark.parametrize("layout", report.LAYOUTS, ids=lambda lay: lay.short)
@pytest.mark.parametrize("ex", CPU, ids=_id)
def test_layouts_cpu(ex, layout):
    _check(ex, layout, "float64")


@pytest.mark.parametrize("dtype", report.DTYPES)
@pytest.mark.parametrize("ex", CPU, ids=_id)
def test_dtypes_cpu(ex, dtype):
    _check(ex, report.C_ORDER, dtype)


@pytest.mark.parametrize("layout", report.LAYOUTS, ids=lambda lay: lay.short)
@pytest.mark.parametrize("ex", CUDA, ids=_id)
def test_layouts_cuda(ex, layout):
    facts = _check(ex, layout, "float64")
    if facts is not None and facts.error is None:
        assert facts.device == "cuda:0"  # device=None keeps the data where it is


@pytest.mark.parametrize("dtype", report.DTYPES)
@pytest.mark.parametrize("ex", CUDA, ids=_id)
def test_dtypes_cuda(ex, dtype):
    _check(ex, report.C_ORDER, dtype)


def test_every_promise_is_measured_somewhere():
    # The matrix is not vacuous: most cells are promises of sharing, on every layout.
    kinds = {
        (layout.name, report.promise(ex, layout, "float64").kind)
        for ex in CPU
        for layout in report.LAYOUTS
    }
    for layout in report.LAYOUTS:
        assert (layout.name, report.SHARE) in kinds


def test_zero_strides_are_shared_read_only_from_every_producer():
    torch = need("torch")
    import xtensor as xp

    expanded = torch.arange(4.0).expand(3, 4)
    for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
        t = convert(expanded)
        assert t.stride() == (0, 1) and t.data_ptr() == expanded.data_ptr()
        assert t.is_readonly
        with pytest.raises(ValueError, match="read-only"):
            t[0, 0] = 1.0
    # a copy is writeable
    assert not xp.from_dlpack(expanded, copy=True).is_readonly


TORCH_NEGATIVE = textwrap.dedent(
    """
    import numpy as np, torch, xtensor as xp
    base = np.arange(12.0).reshape(3, 4)
    t = xp.as_tensor(base)[::-1, ::-2]
    try:
        out = torch.from_dlpack(t)
    except Exception as exc:
        print("refused", type(exc).__name__)
    else:
        ok = out.tolist() == base[::-1, ::-2].tolist()
        print("accepted", "right values" if ok else "WRONG VALUES")
    """
)


def test_torch_consumer_with_negative_strides_in_a_subprocess():
    # torch.from_dlpack aborts the whole process on negative strides
    # (pytorch#188023): it runs alone, and must never give wrong values.
    need("torch")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", TORCH_NEGATIVE],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    out = done.stdout.strip()
    if done.returncode == 0:
        assert out in ("accepted right values", "refused BufferError", "refused RuntimeError")
        assert "WRONG" not in out
    else:
        # torch's abort: a C++ exception about the strides, never a silent result
        assert done.returncode < 0 or "stride" in done.stderr.lower(), done.stderr[-2000:]
        assert "accepted" not in out
