"""The hazards of ``python -m xtensor``: where a peer breaks the DLPack contract or the
process, measured on this machine, and the whole report that opens with them.

Each hazard is measured on the peer itself (does PyTorch still write through
READ_ONLY? does it still abort on negative strides? ...), with the versions of the
libraries involved, and comes with what xtensor does about it and a workaround that
is run here too. A hazard the peer no longer has is reported as fixed; a workaround
that fails is a promise xtensor breaks (exit status 1). A present hazard is the
peer's, not xtensor's: it fails the exit status only with ``--strict-peers``.

What could abort the process runs in a child process (``xtensor._child``), started
first so that it imports its libraries while the rest of the report runs.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import xtensor as xt

from . import _child
from . import _dlpack_abi as abi
from . import _report as rp
from ._backend import numpy as np
from ._errors import CopyError

__all__ = ["Hazard", "Report", "run_report", "PEER_NAMES"]

PEER_NAMES = ("numpy", "torch", "jax", "array_api_strict", "cupy", "xtensor")


@dataclass(frozen=True)
class Hazard:
    """One way a peer breaks the DLPack contract or the process, as measured here."""

    key: str
    code: str  # its code in the grid (rp.HAZARD_CODES)
    peer: str  # the library at fault
    device: str
    title: str  # what the peer does, in one line
    versions: str  # the libraries involved, with their versions
    present: bool | None  # the peer still does it (None: it could not be checked)
    happens: str  # what was measured
    xtensor: str  # what xtensor does about it
    workaround: str  # what works, for the reader
    workaround_ok: bool | None  # the workaround was run and worked (None: not run)
    workaround_detail: str = ""  # why it did not work

    @property
    def ok(self) -> bool:
        """Whether xtensor's side held: a workaround that fails is xtensor's failure."""
        return self.workaround_ok is not False

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "ok": self.ok}


@dataclass(frozen=True)
class Report:
    """Everything ``python -m xtensor`` prints, from one run."""

    env: dict[str, Any]
    hazards: list[Hazard]
    checks: list[rp.Check]  # the available ones
    missing: dict[str, str]  # peer -> why it is not here
    seconds: float
    devices: list[str]

    @property
    def failed(self) -> list[rp.Check]:
        return [c for c in self.checks if not c.ok]

    @property
    def failed_hazards(self) -> list[Hazard]:
        return [h for h in self.hazards if not h.ok]

    @property
    def present_hazards(self) -> list[Hazard]:
        return [h for h in self.hazards if h.present]

    @property
    def ok(self) -> bool:
        """Every promise xtensor makes holds (peers' hazards aside)."""
        return not self.failed and not self.failed_hazards

    def exit_status(self, strict_peers: bool = False) -> int:
        if not self.ok:
            return 1
        if strict_peers and self.present_hazards:
            return 3
        return 0


# --- the probes ------------------------------------------------------------------------


def _versions(*peers: rp.Peer) -> str:
    return ", ".join(f"{p.name} {p.version()}" for p in peers)


def _torch_read_only() -> Hazard:
    torch_peer = rp.TorchPeer()
    torch = torch_peer.lib()
    frozen = np.arange(4.0)
    frozen.flags.writeable = False
    t = xt.as_tensor(frozen)
    # A capsule flagged READ_ONLY, asked for here: PyTorch's own code does not ask.
    capsule = t.__dlpack__(max_version=(1, 0))
    flagged = bool((rp.capsule_header(capsule)[2] or 0) & abi.READ_ONLY)
    tt = torch.from_dlpack(capsule)
    shared = tt.data_ptr() == t.data_ptr()
    try:
        tt[0] = 5.0
        landed = float(frozen[0]) == 5.0
    except Exception:  # PyTorch refused the write: it honours READ_ONLY now
        landed = False
    if flagged and shared and landed:
        happens = (
            "torch.from_dlpack of a capsule flagged READ_ONLY (xtensor's export of a read-only "
            "tensor) made a writeable tensor over the same memory, and a write through it "
            "changed that read-only memory"
        )
    else:
        happens = (
            f"the capsule flagged READ_ONLY: {flagged}; PyTorch shared it: {shared}; "
            f"its write landed: {landed}"
        )
    # What works: PyTorch asking xtensor itself gets a copy; so does xp.tensor(t).
    problems = []
    for how, source in (("torch.from_dlpack(t)", t), ("torch.from_dlpack(xp.tensor(t))", None)):
        given = torch.from_dlpack(t if source is not None else xt.tensor(t))
        given[1] = -1.0
        if given.data_ptr() == t.data_ptr() or float(frozen[1]) != 1.0:
            problems.append(f"{how} wrote into the read-only memory")
    return Hazard(
        key=rp.TORCH_READ_ONLY,
        code=rp.HAZARD_OF[rp.TORCH_READ_ONLY],
        peer="torch",
        device="cpu",
        title="PyTorch ignores DLPack's READ_ONLY flag: it writes into read-only memory",
        versions=_versions(torch_peer, rp.NumPyPeer()),
        present=flagged and shared and landed,
        happens=happens,
        xtensor=(
            "torch.from_dlpack(t) of a read-only tensor t (and torch.asarray, torch.as_tensor, "
            "torch.tensor, which call it) gets a copy, flagged IS_COPIED; with copy=False "
            "it gets CopyError saying why"
        ),
        workaround=(
            "where you hand PyTorch a capsule or a read-only array yourself, hand it "
            "xp.tensor(t), a writeable copy"
        ),
        workaround_ok=not problems,
        workaround_detail="; ".join(problems),
    )


def _torch_negative_bit() -> Hazard:
    torch_peer = rp.TorchPeer()
    torch = torch_peer.lib()
    v = torch.tensor([1 + 1j]).conj().imag
    expected = v.tolist()  # [-1.0]: PyTorch applies the bit when it reads
    exported = np.from_dlpack(v).tolist()
    present = exported != expected
    problems = []
    got = {
        "xp.as_tensor(v)": xt.as_tensor(v).tolist(),
        "xp.asarray(v)": xt.asarray(v).tolist(),
        "xp.from_dlpack(v)": xt.from_dlpack(v).tolist(),
        "torch.from_dlpack(xp.as_tensor(v))": torch.from_dlpack(xt.as_tensor(v)).tolist(),
        "numpy.from_dlpack(v.resolve_neg())": np.from_dlpack(v.resolve_neg()).tolist(),
    }
    problems += [f"{how} gave {values}" for how, values in got.items() if values != expected]
    try:
        xt.asarray(v, copy=False)
        problems.append("xp.asarray(v, copy=False) did not refuse")
    except CopyError:
        pass
    return Hazard(
        key=rp.TORCH_NEGATIVE_BIT,
        code=rp.HAZARD_OF[rp.TORCH_NEGATIVE_BIT],
        peer="torch",
        device="cpu",
        title="PyTorch's DLPack export drops the negative bit: consumers read wrong values",
        versions=_versions(torch_peer, rp.NumPyPeer()),
        present=present,
        happens=(
            f"v = torch.tensor([1+1j]).conj().imag is {expected}, but numpy.from_dlpack(v) "
            f"gives {exported}"
        ),
        xtensor=(
            "xp.as_tensor(v), xp.asarray(v) and xp.from_dlpack(v) ask PyTorch for the values "
            f"(a copy: {expected}); copy=False refuses with CopyError, saying why; the "
            "conjugate bit, which PyTorch refuses to export, is resolved the same way"
        ),
        workaround=(
            "for other consumers, v.resolve_neg() (or pass the tensor through xp.as_tensor)"
        ),
        workaround_ok=not problems,
        workaround_detail="; ".join(problems),
    )


def _jax_copy_true() -> Hazard:
    jax_peer = rp.JaxPeer()
    with jax_peer.session():
        jnp = jax_peer.lib().numpy
        t = rp.aligned(64)
        j = jnp.from_dlpack(t, copy=True)
        shared = j.unsafe_buffer_pointer() == t.data_ptr()
        t[0] = 42.0
        seen = jax_peer.get(j, (0,)) == 42.0
        safe = jnp.from_dlpack(xt.tensor(t))
        t[1] = 43.0
        workaround_ok = jax_peer.get(safe, (1,)) == 2.0 and jax_peer.get(safe, (0,)) == 42.0
    jaxlib = rp._distribution_version("jaxlib") or "?"
    return Hazard(
        key=rp.JAX_COPY_TRUE,
        code=rp.HAZARD_OF[rp.JAX_COPY_TRUE],
        peer="jax",
        device="cpu",
        title="JAX's from_dlpack(x, copy=True) shares memory instead of copying",
        versions=f"{_versions(jax_peer)}, jaxlib {jaxlib}",
        present=shared or seen,
        happens=(
            "jax.numpy.from_dlpack(t, copy=True) of a 64-byte aligned tensor gave a JAX array "
            'over the same memory: a write to the tensor changed the "immutable" JAX array'
            if shared or seen
            else "jax.numpy.from_dlpack(t, copy=True) copied"
        ),
        xtensor=(
            "cannot see the request: JAX never passes copy (nor max_version) to "
            "__dlpack__; it asks __dlpack__(stream=None) and means to copy afterwards"
        ),
        workaround="jax.numpy.from_dlpack(xp.tensor(t)): JAX gets a copy xtensor made",
        workaround_ok=workaround_ok,
        workaround_detail="" if workaround_ok else "the JAX array changed with the tensor",
    )


def torch_negative_strides_raw(args: Any) -> dict[str, Any]:
    """A child step: PyTorch given negative strides by NumPy (it aborts the process)."""
    from torch.utils.dlpack import from_dlpack

    try:
        out = from_dlpack(np.arange(4.0)[::-1])
    except Exception as exc:
        return {"refused": f"{type(exc).__name__}: {exc}"}
    return {"values": out.tolist()}


def torch_negative_strides_via_xtensor(args: Any) -> dict[str, Any]:
    """A child step: PyTorch given xtensor's negatively strided tensor (a copy)."""
    from torch.utils.dlpack import from_dlpack

    t = xt.flip(xt.arange(4.0))
    try:
        out = from_dlpack(t)
    except Exception as exc:
        return {"refused": f"{type(exc).__name__}: {exc}"}
    return {"values": out.tolist(), "shared": out.data_ptr() == t.data_ptr()}


_RAW = ("xtensor._hazards", "torch_negative_strides_raw", None)
_VIA_XTENSOR = ("xtensor._hazards", "torch_negative_strides_via_xtensor", None)


def _torch_negative_strides(raw: Any, via: Any) -> Hazard:
    how = _child.died(raw)
    present = how is not None
    if present:
        happens = (
            f"torch.from_dlpack(numpy.arange(4.0)[::-1]) killed the process ({how}; it ran "
            "in a child process)"
        )
    elif "refused" in raw:
        happens = f"torch.from_dlpack(numpy.arange(4.0)[::-1]) refused: {raw['refused']}"
    else:
        happens = f"torch.from_dlpack(numpy.arange(4.0)[::-1]) gave {raw.get('values')}"
    problem = ""
    if _child.died(via) is not None:
        problem = (
            f"torch.from_dlpack(xp.flip(xp.arange(4.0))) killed the process ({_child.died(via)})"
        )
    elif via.get("values") != [3.0, 2.0, 1.0, 0.0]:
        problem = f"torch.from_dlpack(xp.flip(xp.arange(4.0))) gave {via}"
    return Hazard(
        key=rp.TORCH_NEGATIVE_STRIDES_ABORT,
        code=rp.HAZARD_OF[rp.TORCH_NEGATIVE_STRIDES_ABORT],
        peer="torch",
        device="cpu",
        title="PyTorch aborts the process on negative strides (pytorch#188023, pytorch#92680)",
        versions=_versions(rp.TorchPeer(), rp.NumPyPeer()),
        present=present,
        happens=happens,
        xtensor=(
            "torch.from_dlpack(t) of a negatively strided tensor t gets a copy: "
            "torch.from_dlpack(xp.flip(xp.arange(4.0))) is [3.0, 2.0, 1.0, 0.0]"
        ),
        workaround=(
            "hand PyTorch a copy of anything with negative strides: xp.tensor(t), or "
            "numpy's a.copy()"
        ),
        workaround_ok=not problem,
        workaround_detail=problem,
    )


# Each in-process probe: its peer and the function that measures it.
_IN_PROCESS: tuple[tuple[str, Callable[[], Hazard]], ...] = (
    ("torch", _torch_read_only),
    ("torch", _torch_negative_bit),
    ("jax", _jax_copy_true),
)


def _could_not(peer: str, probe: Callable[[], Hazard], exc: Exception) -> Hazard:
    return Hazard(
        key=probe.__name__.strip("_").replace("_", "-"),
        code="?",
        peer=peer,
        device="cpu",
        title=f"the probe {probe.__name__} could not run",
        versions="",
        present=None,
        happens=f"{type(exc).__name__}: {exc}",
        xtensor="",
        workaround="",
        workaround_ok=False,
        workaround_detail=f"{type(exc).__name__}: {exc}",
    )


def _found_in_cells(checks: list[rp.Check], known: set[str]) -> list[Hazard]:
    """Hazards no probe names, found by the grid's cells: a peer misreading a capsule
    that NumPy reads right, a peer aborting the process."""
    found: dict[tuple[str, str, str], list[rp.Check]] = {}
    for c in checks:
        if not c.ok:
            continue
        consumer = c.exchange.split(" -> ")[-1].split(".")[0].split(" ")[0]
        if c.hazard == rp.MISREADS:
            found.setdefault(("M", consumer, c.device), []).append(c)
        elif c.outcome == rp.ABORTS and c.hazard not in known:
            found.setdefault(("A", consumer, c.device), []).append(c)
    hazards = []
    for (code, peer, device), cells in found.items():
        where = "; ".join(f"{c.exchange}, {c.case}: {c.detail}" for c in cells)
        title = rp.HAZARD_CODES[code]
        hazards.append(
            Hazard(
                key=f"{peer}-{'misreads' if code == 'M' else 'aborts'}-{device}",
                code=code,
                peer=peer,
                device=device,
                title=title.replace("a peer", peer, 1),
                versions=_versions(_peer(peer, device)),
                present=True,
                happens=where,
                xtensor="reports it; makes no promise for it",
                workaround="hand it a copy, xp.tensor(t) (not tested here)",
                workaround_ok=None,
            )
        )
    return hazards


def _peer(name: str, device: str) -> rp.Peer:
    for peer in rp.peers_on(device):
        if peer.name == name:
            return peer
    return rp.XtensorPeer(device)


# --- the whole report --------------------------------------------------------------------


def run_report(
    device_list: list[str] | None = None, peers: Collection[str] | None = None
) -> Report:
    """Run every check and every hazard probe on ``device_list`` (every device present
    when None), for exchanges with ``peers`` (every peer when None)."""
    start = time.perf_counter()
    device_list = rp.devices() if device_list is None else device_list
    wanted = set(PEER_NAMES if peers is None else peers)
    cpu = "cpu" in device_list
    torch_here = cpu and "torch" in wanted and rp.TorchPeer().unavailable() is None
    steps = rp.all_risky_steps(device_list, peers)
    # PyTorch's own crash last: the steps after a crash run in a second child.
    hazard_steps = [_VIA_XTENSOR, _RAW] if torch_here else []
    child = _child.Child(steps + hazard_steps)
    env = rp.environment()
    hazards = []
    for peer, probe in _IN_PROCESS:
        if not cpu or peer not in wanted or _peer(peer, "cpu").unavailable() is not None:
            continue
        try:
            hazards.append(probe())
        except Exception as exc:  # a probe that cannot run is a failed line, not a crash
            hazards.append(_could_not(peer, probe, exc))
    checks = rp.run_checks(device_list, peers, child)
    if torch_here:
        via, raw = child.results()[len(steps) :]
        hazards.insert(1, _torch_negative_strides(raw, via))
    present = {h.key: h.code for h in hazards if h.present}
    checks = [_linked(c, present) for c in checks]
    hazards += _found_in_cells(checks, set(present))
    missing = {}
    for device in device_list:
        for other in rp.peers_on(device):
            why = other.unavailable() if peers is None or other.name in peers else None
            if why is not None:
                missing[other.label] = (
                    why if why.startswith(other.name) else f"{other.label}: {why}"
                )
    for name, state in env["peers"].items():
        if (peers is None or name in peers) and " " in state and name not in missing:
            missing[name] = state  # "cupy not installed"
    return Report(
        env=env,
        hazards=hazards,
        checks=[c for c in checks if c.available],
        missing=missing,
        seconds=time.perf_counter() - start,
        devices=device_list,
    )


def _linked(check: rp.Check, present: dict[str, str]) -> rp.Check:
    """The check with the code of the peer's hazard it meets, when that is present."""
    if not check.ok:
        return check
    if check.hazard == rp.MISREADS:
        return dataclasses.replace(check, hazard_code="M")
    code = present.get(check.hazard)
    if code is None:
        return dataclasses.replace(check, hazard="")
    return dataclasses.replace(check, hazard_code=code)
