"""A zero-copy pipeline: NumPy -> xtensor -> PyTorch -> NumPy, over one block of memory.

Each step hands the same memory to the next library (xtensor.as_tensor shares a
NumPy array; torch.from_dlpack shares an xtensor tensor through DLPack; np.asarray
shares a CPU tensor). The proof that no copy happened is a write: each library
writes one element, and the original NumPy array sees every write.

Run: python examples/zero_copy_pipeline.py
"""

import numpy as np
import torch

import xtensor as xp


def main() -> None:
    original = np.zeros((2, 3))
    address = original.__array_interface__["data"][0]

    t = xp.as_tensor(original)  # NumPy -> xtensor
    pt = torch.from_dlpack(t)  # xtensor -> PyTorch
    back = np.from_dlpack(pt)  # PyTorch -> NumPy
    again = xp.from_dlpack(pt)  # PyTorch -> xtensor

    print("data pointers:")
    for name, ptr in (
        ("numpy original", address),
        ("xtensor", t.data_ptr()),
        ("torch", pt.data_ptr()),
        ("numpy (back)", back.__array_interface__["data"][0]),
        ("xtensor (again)", again.data_ptr()),
    ):
        print(f"  {name:16} {ptr:#x}  {'same' if ptr == address else 'DIFFERENT'}")
        assert ptr == address, name

    # The proof by writing: each library writes, the original sees it.
    t[0, 0] = 1.0
    pt[0, 1] = 2.0
    back[0, 2] = 3.0
    again[1, :] = xp.asarray([4.0, 5.0, 6.0])
    print("original after writes through xtensor, torch, numpy and xtensor again:")
    print(original)
    assert original.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]

    # Views travel too: a transposed xtensor view is a strided torch tensor.
    view = torch.from_dlpack(t.T)
    print(f"xtensor t.T strides {t.T.stride()} -> torch strides {view.stride()}")
    assert view.stride() == t.T.stride() and view.data_ptr() == address
    print("no copies: every step shared the same memory")


if __name__ == "__main__":
    main()
