"""Capsule lifecycle, with capsules built by hand (ctypes) and with every peer's.

A capsule is named ``dltensor`` or ``dltensor_versioned``; the consumer renames it
``used_…`` and from then on owns the deleter, which it calls exactly once, when the
last array over the memory dies, however many views and re-exports there were. A
capsule nobody consumed is freed by its own destructor. A used capsule is refused,
and so is another major version, whose capsule is left as it was so its deleter still
runs.
"""

from __future__ import annotations

import weakref

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack as xtensor_dlpack
from xtensor import _dlpack_abi as abi
from xtensor import _report as report

from ._capsules import HandMade
from ._support import Given, aligned, collect, fields, need


@pytest.mark.parametrize("versioned", [True, False], ids=["versioned", "legacy"])
def test_hand_made_capsule_is_renamed_and_deleted_once_after_the_last_view(versioned):
    memory = np.arange(8.0)
    owner = weakref.ref(memory)
    h = HandMade(memory, versioned=versioned)
    del memory
    capsule = h.capsule()
    name = abi.VERSIONED_NAME if versioned else abi.LEGACY_NAME
    assert abi.capsule_name(capsule) == name
    t = xp.from_dlpack(Given(capsule))
    assert abi.capsule_name(capsule) == b"used_" + name
    views = [t[2:], t[::2], t[3]]
    del t, capsule
    h.release()
    collect()
    assert h.deleted == 0 and owner() is not None
    assert views[0].tolist() == [2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    del views[:2]
    collect()
    assert h.deleted == 0
    assert views[0].item() == 3.0
    views.clear()
    collect()
    assert h.deleted == 1 and h.destructor_deletes == 0
    assert owner() is None


def test_views_handed_on_to_every_peer_keep_the_capsule_until_the_last_dies():
    # hand-made -> xtensor -> (NumPy, torch, array-api-strict, xtensor again): the
    # deleter runs once, after the last of all those arrays died.
    memory = np.arange(12.0)
    owner = weakref.ref(memory)
    h = HandMade(memory)
    del memory
    t = xp.from_dlpack(h)
    h.release()
    held = [(np.from_dlpack(t[1:]), 1.0), (xp.from_dlpack(t[::3]), 0.0)]
    torch = report.TorchPeer()
    if torch.unavailable() is None:
        held.append((torch.lib().from_dlpack(t[4:]), 4.0))
    strict = report.StrictPeer()
    if strict.unavailable() is None:
        held.append((strict.lib().from_dlpack(t[5:]), 5.0))
    del t
    while held:
        collect()
        assert h.deleted == 0 and owner() is not None
        array, first = held.pop()
        assert float(array[0]) == first
        del array
    collect()
    assert h.deleted == 1
    assert owner() is None


@pytest.mark.parametrize("versioned", [True, False], ids=["versioned", "legacy"])
def test_unconsumed_capsule_is_freed_by_its_destructor(versioned):
    memory = np.arange(3.0)
    owner = weakref.ref(memory)
    h = HandMade(memory, versioned=versioned)
    capsule = h.capsule()
    h.release()
    del memory
    assert owner() is not None
    del capsule
    assert h.deleted == 1 and h.destructor_deletes == 1
    assert owner() is None


def test_double_consumption_is_refused_and_the_deleter_runs_once():
    h = HandMade(np.arange(3.0), same_capsule=True)
    t = xp.from_dlpack(h)
    with pytest.raises(BufferError, match="consumed already"):
        xp.from_dlpack(h)
    with pytest.raises(BufferError, match="consumed already"):
        xp.asarray(h)
    assert t.tolist() == [0.0, 1.0, 2.0]
    h.release()  # the producer lets go of its (used) capsule
    del t
    collect()
    assert h.deleted == 1 and h.destructor_deletes == 0


@pytest.mark.parametrize("version", [(2, 0), (2, 1), (0, 3), (9, 9)])
def test_other_major_version_is_refused_unconsumed_and_still_deleted(version):
    memory = np.arange(3.0)
    owner = weakref.ref(memory)
    h = HandMade(memory, version=version)
    for convert in (xp.from_dlpack, xp.asarray, xp.as_tensor):
        with pytest.raises(BufferError, match=rf"version {version[0]}\.{version[1]}"):
            convert(h)
    h.release()
    del memory
    collect()
    # each refused capsule was left named dltensor_versioned: its destructor deleted it
    assert h.made == 3 and h.deleted == 3 and h.destructor_deletes == 3
    assert owner() is None


@pytest.mark.parametrize("minor", [0, 1, 3, 99])
def test_any_minor_version_of_major_1_is_read(minor):
    memory = np.arange(3.0)
    h = HandMade(memory, version=(1, minor))
    t = xp.from_dlpack(h)
    assert t.data_ptr() == memory.ctypes.data
    t[0] = 7.0
    assert memory[0] == 7.0


@pytest.mark.parametrize("peer", ["numpy", "torch", "jax", "array_api_strict"])
def test_peer_memory_in_a_hand_made_capsule_is_released_through_our_deleter(peer):
    # the peer's own capsule, unconsumed, is kept by ours: when xtensor calls our
    # deleter, the peer's capsule is dropped and its own deleter runs
    p = {
        "numpy": report.NumPyPeer(),
        "torch": report.TorchPeer(),
        "jax": report.JaxPeer(),
        "array_api_strict": report.StrictPeer(),
    }[peer]
    need(p.module)
    with p.session():
        source = p.base(report.sample("float64", (5,)))
        h = HandMade(around=source, flags=abi.READ_ONLY if p.immutable else 0)
        t = xp.from_dlpack(h)
        assert t.data_ptr() == p.pointer(source)
        assert t.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]
        assert t.is_readonly == p.immutable
        h.release()
        del source
        collect()
        assert t.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]
        assert h.deleted == 0
        del t
        collect()
        assert h.deleted == 1


@pytest.mark.parametrize("max_version", [None, (1, 0)], ids=["legacy", "versioned"])
def test_every_consumer_renames_xtensors_capsule_and_frees_it_after(max_version):
    # the other direction: xtensor's capsules, consumed by each peer (older JAX reads
    # only legacy capsules; JAX shares only 64-byte aligned memory)
    jax = report.JaxPeer()
    consumers = [report.NumPyPeer(), report.TorchPeer(), report.StrictPeer(), jax]
    for consumer in consumers:
        if consumer.unavailable() is not None:
            continue
        if consumer is jax and max_version and not jax.asks_versioned():
            continue
        memory = aligned(np.arange(1.0, 9.0), 64)
        owner = weakref.ref(memory)
        capsule = xp.as_tensor(memory).__dlpack__(max_version=max_version)
        name = fields(capsule).name
        assert name == (abi.LEGACY_NAME if max_version is None else abi.VERSIONED_NAME)
        del memory
        with consumer.session():
            out = consumer.entries()[0].call(Given(capsule))
            assert abi.capsule_name(capsule) == b"used_" + name, consumer.name
            del capsule
            collect()
            assert owner() is not None, consumer.name
            assert consumer.host(out).tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
            del out
            collect()
        assert owner() is None, consumer.name


def test_refused_exports_leave_nothing_behind():
    # JAX refuses strides it cannot describe: xtensor's capsule is then freed unconsumed
    jax = need("jax")
    memory = np.arange(12.0).reshape(3, 4)
    owner = weakref.ref(memory)
    t = xp.as_tensor(memory)[:, ::2]
    del memory
    with pytest.raises(Exception, match="strid"):
        jax.dlpack.from_dlpack(t)
    del t
    collect()
    assert owner() is None


def test_our_exports_carry_their_builders_version_not_the_consumers():
    # NumPy builds xtensor's CPU capsules and writes its own DLPack version, 1.0.
    capsule = xp.asarray([1.0]).__dlpack__(max_version=(1, 99))
    assert fields(capsule).version == (1, 0) == xtensor_dlpack.cpu_export_version()
