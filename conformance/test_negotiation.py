"""``max_version`` negotiation, both ways.

As a producer xtensor answers a consumer's ``max_version`` with a legacy capsule for
None or ``(0, x)`` and a versioned one, carrying xtensor's own version, for any
``(1, x)`` or later. As a consumer it asks every producer for ``max_version=(1, 3)``
only, reads the capsule by its name whatever it asked for (older JAX answers legacy), and
asks once more without keywords a producer that raises TypeError on them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor import _report as report
from xtensor._dlpack import cpu_export_version

from ._capsules import XTENSOR_VERSION, HandMade
from ._support import Given, address, fields, need

MAX_VERSIONS = [None, (0, 8), (1, 0), (1, 99), (2, 0)]


def test_the_reports_capsule_checks_hold():
    failed = [c for c in report.capsule_checks("cpu") if not c.ok]
    assert not failed, "\n".join(f"{c.exchange}: {c.outcome} ({c.detail})" for c in failed)


@pytest.mark.parametrize("max_version", MAX_VERSIONS, ids=str)
@pytest.mark.parametrize("consumer", ["xtensor", "numpy", "torch", "array_api_strict"])
def test_each_max_version_gets_the_right_capsule_and_every_consumer_reads_it(consumer, max_version):
    lib = xp if consumer == "xtensor" else need(consumer)
    a = np.arange(1.0, 7.0).reshape(2, 3)[:, ::2]
    capsule = xp.as_tensor(a).__dlpack__(max_version=max_version)
    f = fields(capsule)
    if max_version is not None and max_version >= (1, 0):
        assert f.name == abi.VERSIONED_NAME
        assert f.version == cpu_export_version()  # ours, never the consumer's
        assert f.flags == 0
    else:
        assert f.name == abi.LEGACY_NAME and f.version is None
    assert f.strides == (3, 2)
    out = np.from_dlpack(lib.from_dlpack(Given(capsule)))
    assert out.tolist() == a.tolist() and address(out) == address(a)


def test_jax_capsules_are_read_by_name_whichever_kind_jax_answers():
    need("jax")
    peer = report.JaxPeer()
    with peer.session():
        j = peer.base(report.sample("float64", (3,)))
        spy = report.Spy(j)
        t = xp.from_dlpack(spy)
    assert spy.calls == [{"max_version": XTENSOR_VERSION}]
    # older JAX answers a versioned request with a legacy capsule; newer JAX with a
    # versioned one that says read-only
    name, _, flags = spy.headers[0]
    if name == abi.LEGACY_NAME:
        assert abi.capsule_name(spy.capsules[0]) == abi.USED_LEGACY_NAME
    else:
        assert name == abi.VERSIONED_NAME and flags == abi.READ_ONLY
        assert abi.capsule_name(spy.capsules[0]) == abi.USED_VERSIONED_NAME
        assert t.is_readonly
    assert t.data_ptr() == j.unsafe_buffer_pointer() and t.tolist() == [1.0, 2.0, 3.0]


class LegacyOnly(HandMade):
    """Answers every request with a legacy capsule, whatever was asked."""

    def __init__(self, memory: np.ndarray) -> None:
        super().__init__(memory, versioned=False)


class OldProducer:
    """A producer from before DLPack 1.0: ``__dlpack__(stream=None)`` only."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[dict[str, object]] = []

    def __dlpack__(self, stream: object = None) -> object:
        self.calls.append({"stream": stream})
        return self.inner.__dlpack__()

    def __dlpack_device__(self) -> object:
        return self.inner.__dlpack_device__()


@pytest.mark.parametrize("copy", [None, False, True])
def test_legacy_answer_to_a_versioned_request(copy):
    memory = np.arange(4.0)
    h = LegacyOnly(memory)
    t = xp.from_dlpack(h, copy=copy)
    expected = {"max_version": XTENSOR_VERSION} | ({} if copy is None or copy else {"copy": copy})
    assert h.calls == [expected]
    assert (t.data_ptr() == address(memory)) == (not copy)
    assert not t.is_readonly  # legacy capsules share writeable memory
    t[0] = 9.0
    assert (memory[0] == 9.0) == (not copy)


@pytest.mark.parametrize("producer", ["numpy", "hand-made", "hand-made legacy"])
def test_producer_raising_type_error_on_keywords_is_asked_again_without(producer):
    memory = np.arange(5.0)
    inner = {
        "numpy": memory,
        "hand-made": HandMade(memory),
        "hand-made legacy": HandMade(memory, versioned=False),
    }[producer]
    old = OldProducer(inner)
    for convert in (xp.from_dlpack, xp.asarray, xp.as_tensor):
        t = convert(old)
        assert t.data_ptr() == address(memory) and t.tolist() == memory.tolist()
    # one call with keywords (refused by Python: TypeError), none reached the producer,
    # then the retry with no keywords, for each conversion
    assert old.calls == [{"stream": None}] * 3


def test_consumer_asks_each_peer_for_our_version_only():
    for peer in report.peers_on("cpu"):
        if peer.unavailable() is not None:
            continue
        with peer.session():
            spy = report.Spy(peer.base(report.sample("float32", (2,))))
            xp.from_dlpack(spy)
        assert spy.calls == [{"max_version": XTENSOR_VERSION}], peer.name
        name = spy.headers[0][0]
        assert abi.capsule_name(spy.capsules[0]) == b"used_" + (name or b""), peer.name
