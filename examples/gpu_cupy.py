"""Tensors on an NVIDIA GPU, computed by CuPy, exchanged with CuPy (and PyTorch)
without copies.

Where there is no GPU, or CuPy is not installed, the script says so, shows what
xtensor answers when a CUDA device is asked for, and exits with status 0.

Run: python examples/gpu_cupy.py      (CUDA needs: pip install ".[cuda]")
"""

import importlib.util

import numpy as np

import xtensor as xp


def main() -> None:
    devices = xp.__array_namespace_info__().devices()
    print(f"devices: {', '.join(str(d) for d in devices)}")
    if len(devices) == 1:
        why = (
            "CuPy is not installed"
            if importlib.util.find_spec("cupy") is None
            else "CuPy sees no GPU"
        )
        print(f"no CUDA device here ({why}); asking for one says how to get one:")
        try:
            xp.zeros(3, device="cuda")
        except ValueError as e:
            print(f"  ValueError: {e}")
        print("with an NVIDIA GPU and CuPy, this script computes on the GPU")
        return

    import cupy

    # Creation on the GPU; results stay on the device of their inputs.
    g = xp.linspace(0.0, 1.0, 5, device="cuda")
    y = xp.sqrt(g) * 2
    print(f"y = {y}")
    assert y.device == "cuda:0"

    # CuPy -> xtensor and xtensor -> CuPy share GPU memory (checked by writing).
    c = cupy.arange(4.0)
    t = xp.as_tensor(c)
    assert t.device == "cuda:0" and t.data_ptr() == c.data.ptr
    t[0] = 10.0
    back = cupy.from_dlpack(t)
    back[1] = 20.0
    print(f"cupy array after writes through xtensor and back through cupy: {c}")
    assert c.tolist() == [10.0, 20.0, 2.0, 3.0]

    # Moving data is explicit; mixing devices is an error.
    h = y.to_device("cpu")
    print(f"on the CPU: {h}")
    try:
        y + h
    except ValueError as e:
        print(f"mixing devices: {e}")
    assert np.allclose(np.asarray(h), 2 * np.sqrt(np.linspace(0, 1, 5)))

    if importlib.util.find_spec("torch") is not None:
        import torch

        if torch.cuda.is_available():
            pt = torch.from_dlpack(t)  # xtensor (CUDA) -> PyTorch (CUDA), no copy
            assert pt.data_ptr() == t.data_ptr()
            print(f"torch shares the GPU memory: {pt.device}")


if __name__ == "__main__":
    main()
