"""Views and strides: what indexing and the manipulation functions do to a tensor's
layout, shown with stride() and storage_offset().

A tensor is a view over its storage: element [i, j] lies at
storage_offset() + i * stride(0) + j * stride(1) (strides in elements). Views change
only these numbers, never the elements; this script checks that formula against the
storage for each view.

Run: python examples/views_and_strides.py
"""

import numpy as np

import xtensor as xp


def show(name: str, t: xp.Tensor, storage: np.ndarray) -> None:
    shares = t.size == 0 or np.shares_memory(t.numpy(), storage)
    print(
        f"{name:28} shape={str(t.shape):10} stride={str(t.stride()):10} "
        f"offset={t.storage_offset():<3} contiguous={str(t.is_contiguous()):5} "
        f"{'view' if shares else 'copy'}"
    )
    if shares:
        # Every element is where the layout says it is in the storage.
        for index in np.ndindex(*t.shape):
            flat = t.storage_offset() + sum(i * s for i, s in zip(index, t.stride(), strict=True))
            assert t[index].item() == storage[flat], (name, index)


def main() -> None:
    storage = np.arange(24.0)  # the memory every view below points into
    t = xp.reshape(xp.as_tensor(storage), (4, 6))
    show("t = reshape(arange(24))", t, storage)
    show("t[1]", t[1], storage)
    show("t[1:3, 2:5]", t[1:3, 2:5], storage)
    show("t[::2, ::3]", t[::2, ::3], storage)
    show("t[:, 4]", t[:, 4], storage)
    show("t.T", t.T, storage)
    show("flip(t, axis=1)", xp.flip(t, axis=1), storage)
    show("t[::-1, ::-2]", t[::-1, ::-2], storage)
    show("expand_dims(t, axis=1)", xp.expand_dims(t, axis=1), storage)
    show("reshape(t, (2, 3, 4))", xp.reshape(t, (2, 3, 4)), storage)
    show(
        "permute_dims(.., (2, 0, 1))", xp.permute_dims(xp.reshape(t, (2, 3, 4)), (2, 0, 1)), storage
    )
    row = xp.as_tensor(storage[:6])
    show("broadcast_to(row, (3, 6))", xp.broadcast_to(row, (3, 6)), storage)
    show("reshape(t.T, (24,)) (copy)", xp.reshape(t.T, (24,)), storage)
    show("t.T.contiguous() (copy)", t.T.contiguous(), storage)

    # A write through a view is a write into the storage.
    v = t[1:3, 2:5]
    v[...] = -1.0
    print("after v = t[1:3, 2:5]; v[...] = -1:")
    print(t)
    assert (storage.reshape(4, 6)[1:3, 2:5] == -1.0).all()


if __name__ == "__main__":
    main()
