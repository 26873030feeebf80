"""CUDA: device ids, ``to_device``, ``copy`` x ``dl_device`` on the GPU, streams, and the
CUDA array interface fallback. (The zero-copy matrix with CuPy arrays and CUDA torch
tensors is in ``test_zero_copy_matrix.py``, the same code as on the CPU.)

Streams, as the standard says: the consumer passes its stream; the producer makes it
wait for the work queued on the producer's current stream, unless the stream is -1
(no synchronisation); 0 is refused as ambiguous.
"""

from __future__ import annotations

import numpy as np
import pytest

import xtensor as xp
from xtensor import _dlpack_abi as abi
from xtensor import _report as report

from ._support import Given, cuda, fields, need, need_cuda

pytestmark = cuda


def _torch_cuda():
    torch = need("torch")
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    return torch


_SPIN = r"""
extern "C" __global__ void spin_then_fill(double* out, long long n, double value,
                                          long long cycles) {
    long long start = clock64();
    while (clock64() - start < cycles) { }
    for (long long i = 0; i < n; ++i) out[i] = value;
}
"""


def spin_then_fill(cp, array, value, cycles=400_000_000):
    """Queue, on CuPy's current stream, a kernel that waits ~0.2 s then fills
    ``array`` (contiguous float64) with ``value``."""
    kernel = cp.RawKernel(_SPIN, "spin_then_fill")
    kernel((1,), (1,), (array, np.int64(array.size), np.float64(value), np.int64(cycles)))


def test_the_reports_cuda_checks_hold():
    need_cuda()
    for device in report.devices()[1:]:
        checks = report.matrix_checks(device) + report.protocol_checks(device)
        failed = [f"{c.exchange} {c.case}: {c.outcome} ({c.detail})" for c in checks if not c.ok]
        assert not failed, "\n".join(failed)


def test_cupy_input_stays_on_its_device_with_its_id():
    cp = need_cuda()
    for index in range(cp.cuda.runtime.getDeviceCount()):
        with cp.cuda.Device(index):
            a = cp.arange(4.0)
        for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
            t = convert(a)  # device=None: where the data is (pytorch#54139 copied to the CPU)
            assert t.device == f"cuda:{index}" and t.device is xp.Device("cuda", index)
            assert t.data_ptr() == a.data.ptr
            assert t.__dlpack_device__() == (2, index)
        t = xp.from_dlpack(a)
        assert cp.from_dlpack(t).device.id == index
        t[0] = 9.0
        assert float(a[0]) == 9.0


def test_torch_cuda_input_stays_on_its_device_with_its_id():
    torch = _torch_cuda()
    need_cuda()
    for index in range(torch.cuda.device_count()):
        x = torch.arange(4.0, device=f"cuda:{index}")
        for convert in (xp.as_tensor, xp.asarray, xp.from_dlpack):
            t = convert(x)
            assert t.device == f"cuda:{index}" and t.data_ptr() == x.data_ptr()
        back = torch.from_dlpack(xp.from_dlpack(x))
        assert back.device == x.device and back.data_ptr() == x.data_ptr()


def test_device_cpu_copies_to_the_host_and_copy_false_refuses():
    cp = need_cuda()
    a = cp.arange(4.0)
    for convert in (xp.from_dlpack, xp.asarray, xp.as_tensor):
        t = convert(a, device="cpu")
        assert t.device == "cpu" and t.tolist() == [0.0, 1.0, 2.0, 3.0]
        a[0] = 5.0
        assert t[0].item() == 0.0
        a[0] = 0.0
    for convert in (xp.from_dlpack, xp.asarray):
        with pytest.raises(xp.CopyError, match="copy=False"):
            convert(a, device="cpu", copy=False)


def test_to_device_between_cpu_and_gpus():
    cp = need_cuda()
    host = xp.asarray(np.arange(6.0).reshape(2, 3))[:, ::2]
    gpu = host.to_device("cuda:0")
    assert gpu.device == "cuda:0" and gpu.to_device("cuda:0") is gpu
    assert gpu.to_device("cpu").tolist() == host.tolist()
    assert xp.from_dlpack(np.arange(3.0), device="cuda:0").device == "cuda:0"
    count = cp.cuda.runtime.getDeviceCount()
    for index in range(1, count):
        other = gpu.to_device(f"cuda:{index}")
        assert other.device == f"cuda:{index}" and other.to_device("cpu").tolist() == host.tolist()


@pytest.mark.parametrize("copy", [None, False, True])
def test_export_copy_and_dl_device_on_the_gpu(copy):
    need_cuda()
    t = xp.asarray([1.0, 2.0, 3.0], device="cuda:0")
    for dl_device in (None, (2, 0)):
        f = fields(t.__dlpack__(max_version=(1, 0), dl_device=dl_device, copy=copy))
        assert f.device == (2, 0)
        assert f.flags == (abi.IS_COPIED if copy else 0)
        assert (f.data + f.byte_offset == t.data_ptr()) == (not copy)
    if copy is False:
        with pytest.raises(xp.CopyError, match="copy=False"):
            t.__dlpack__(max_version=(1, 0), dl_device=(1, 0), copy=False)
    else:
        capsule = t.__dlpack__(max_version=(1, 0), dl_device=(1, 0), copy=copy)
        f = fields(capsule)
        assert f.device == (1, 0) and f.flags == abi.IS_COPIED  # a synchronous host copy
        assert xp.from_dlpack(Given(capsule, (1, 0))).tolist() == [1.0, 2.0, 3.0]
    for dl_device in ((2, 99), (1, 1), (10, 0)):
        with pytest.raises(BufferError, match="DLPack device"):
            t.__dlpack__(max_version=(1, 0), dl_device=dl_device, copy=copy)


def test_stream_values():
    cp = need_cuda()
    t = xp.asarray([1.0], device="cuda:0")
    with pytest.raises(ValueError, match="0 is refused"):
        t.__dlpack__(stream=0)
    for stream in (None, 1, 2, -1, cp.cuda.Stream(non_blocking=True).ptr):
        assert fields(t.__dlpack__(stream=stream)).device == (2, 0)
    with pytest.raises(TypeError, match="stream"):
        t.__dlpack__(stream=1.5)


def test_data_written_on_a_side_stream_is_seen_by_torch():
    # xtensor produces: the write is queued on CuPy's (non-blocking) side stream; torch
    # consumes on its own non-blocking stream, so only the DLPack stream handshake
    # orders the two
    torch = _torch_cuda()
    cp = need_cuda()
    t = xp.asarray(np.zeros(1024), device="cuda:0")
    side = cp.cuda.Stream(non_blocking=True)
    consumer = torch.cuda.Stream()
    with side, torch.cuda.stream(consumer):
        spin_then_fill(cp, cp.from_dlpack(t), 7.0)
        tt = torch.from_dlpack(t)
        copy = tt.clone()  # on the consumer's stream
    consumer.synchronize()
    assert bool((copy == 7.0).all())
    side.synchronize()


def test_data_written_on_a_side_stream_by_torch_is_seen_by_xtensor():
    torch = _torch_cuda()
    cp = need_cuda()
    side = torch.cuda.Stream()
    ours = cp.cuda.Stream(non_blocking=True)
    x = torch.zeros(1024, dtype=torch.float64, device="cuda:0")
    torch.cuda.synchronize()
    with torch.cuda.stream(side), ours:
        torch.cuda._sleep(400_000_000)
        x.fill_(3.0)
        t = xp.from_dlpack(x)  # asks with CuPy's current stream: ours
        host = t.to_device("cpu")  # read on ours
    assert host.tolist() == [3.0] * 1024
    torch.cuda.synchronize()


def test_stream_minus_one_does_not_synchronise():
    cp = need_cuda()
    t = xp.asarray(np.zeros(256), device="cuda:0")
    side = cp.cuda.Stream(non_blocking=True)
    consumer = cp.cuda.Stream(non_blocking=True)
    with side:
        spin_then_fill(cp, cp.from_dlpack(t), 1.0)
        t.__dlpack__(stream=consumer.ptr)  # the consumer's stream now waits for side
    assert not consumer.done
    side.synchronize()
    consumer.synchronize()
    with side:
        spin_then_fill(cp, cp.from_dlpack(t), 2.0)
        t.__dlpack__(stream=-1)  # no wait is queued
    assert consumer.done and not side.done
    side.synchronize()


def test_dlpack_is_preferred_to_the_cuda_array_interface():
    cp = need_cuda()
    a = cp.arange(4.0)

    class Both:
        dlpack_calls = 0

        def __dlpack__(self, **kwargs):
            Both.dlpack_calls += 1
            return a.__dlpack__(**kwargs)

        def __dlpack_device__(self):
            return a.__dlpack_device__()

        @property
        def __cuda_array_interface__(self):
            raise AssertionError("the CUDA array interface was used")

    t = xp.as_tensor(Both())
    assert Both.dlpack_calls == 1 and t.data_ptr() == a.data.ptr


def test_cuda_array_interface_is_the_fallback():
    cp = need_cuda()
    a = cp.arange(4.0)

    class OnlyInterface:
        __cuda_array_interface__ = a.__cuda_array_interface__

    t = xp.as_tensor(OnlyInterface())
    assert t.device == "cuda:0" and t.data_ptr() == a.data.ptr
    t[1] = 8.0
    assert float(a[1]) == 8.0
