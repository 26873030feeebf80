"""Lifetime: the producer's memory lives while any view of it does (weakref + gc), and
nothing is left behind once the views are gone.
"""

from __future__ import annotations

import tracemalloc
import weakref

import numpy as np
import pytest

import xtensor as xp
from xtensor import _report as report

from ._support import collect, need


def test_the_reports_lifetime_checks_hold():
    failed = [c for c in report.lifetime_checks() if not c.ok]
    assert not failed, "\n".join(f"{c.exchange}: {c.outcome} ({c.detail})" for c in failed)


@pytest.mark.parametrize("producer", ["numpy", "torch"])
@pytest.mark.parametrize(
    "convert", [xp.as_tensor, xp.asarray, xp.from_dlpack], ids=lambda f: f.__name__
)
def test_owner_lives_while_any_view_does(producer, convert):
    peer = report.NumPyPeer() if producer == "numpy" else report.TorchPeer()
    need(peer.module)
    source = peer.base(report.sample("float64", (4, 5)))
    owner = weakref.ref(source)
    t = convert(source)
    views = [t[1:], t.T, t[::-1, ::2], t[2, 3], xp.from_dlpack(t[:, 1])]
    expected = [peer.host(source)[1:], peer.host(source).T]
    del source, t
    collect()
    assert owner() is not None
    while views:
        collect()
        assert owner() is not None
        v = views.pop()
        if len(views) < len(expected):
            assert v.tolist() == expected[len(views)].tolist()
        del v
    collect()
    assert owner() is None


@pytest.mark.parametrize("producer", ["jax", "array_api_strict"])
def test_memory_stays_valid_after_the_producer_object_is_gone(producer):
    # these producers' Python objects may die while their buffer lives on in the
    # capsule: what matters is that the memory is not reused under the view
    peer = report.JaxPeer() if producer == "jax" else report.StrictPeer()
    need(peer.module)
    with peer.session():
        source = peer.base(report.sample("float64", (256,)))
        t = xp.from_dlpack(source)[::2]
        expected = peer.host(source)[::2].copy()
        del source
        collect()
        churn = [np.full(256, -1.0) for _ in range(200)]
        churn += [peer.base(np.full(256, -2.0)) for _ in range(50)]
        assert np.array_equal(t.numpy(), expected)
        del churn


@pytest.mark.parametrize("consumer", ["numpy", "torch", "array_api_strict", "xtensor"])
def test_xtensor_memory_lives_in_every_consumer(consumer):
    lib = xp if consumer == "xtensor" else need(consumer)
    memory = np.arange(10.0)
    owner = weakref.ref(memory)
    t = xp.as_tensor(memory)
    out = lib.from_dlpack(t[3:])
    del memory, t
    collect()
    assert owner() is not None
    assert np.from_dlpack(out).tolist() == [3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
    del out
    collect()
    assert owner() is None


def test_nothing_leaks_over_many_exchanges():
    # NumPy traces its data allocations: 1 MB per round would add up to 100 MB
    torch = report.TorchPeer()
    strict = report.StrictPeer()
    consumers = [np.from_dlpack, xp.from_dlpack, xp.asarray]
    if torch.unavailable() is None:
        consumers.append(torch.lib().from_dlpack)
    if strict.unavailable() is None:
        consumers.append(strict.lib().from_dlpack)

    def round_trip() -> None:
        t = xp.as_tensor(np.ones(1 << 17))  # 1 MiB
        for consume in consumers:
            out = consume(t[1:])
            back = xp.from_dlpack(out)
            assert back[0].item() == 1.0
        capsule = t.__dlpack__(max_version=(1, 0))  # never consumed
        del capsule

    round_trip()
    collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(100):
            round_trip()
        collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 1 << 20, f"{grown} bytes still held after 100 rounds"
