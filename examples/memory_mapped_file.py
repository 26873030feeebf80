"""Reading a binary file into a tensor without copying it.

A memory map makes a file's bytes addressable memory; the operating system reads
pages from disk as they are touched. xtensor.as_tensor shares that memory instead
of copying it, through NumPy's np.memmap or through the buffer protocol of
Python's own mmap (cast to the element type with memoryview.cast). A read-only map
gives a read-only tensor; a writeable one writes through to the file.

Run: python examples/memory_mapped_file.py
"""

import mmap
import tempfile
from pathlib import Path

import numpy as np

import xtensor as xp


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "samples.f64"
        np.arange(12, dtype="<f8").tofile(path)  # 12 little-endian float64 values
        print(f"wrote {path.stat().st_size} bytes to {path.name}")

        # 1. np.memmap, read-only: the tensor shares the mapped pages, read-only.
        mapped = np.memmap(path, dtype="<f8", mode="r", shape=(3, 4))
        t = xp.as_tensor(mapped)
        print(f"np.memmap (mode 'r') -> {t.shape} {t.dtype}, read-only: {t.is_readonly}")
        assert t.data_ptr() == mapped.ctypes.data  # the mapped memory itself
        print(f"column sums: {xp.sum(t, axis=0)}")
        try:
            t[0, 0] = 1.0
        except ValueError as e:
            print(f"writing refused: {str(e).split(';')[0]}")
        del t, mapped

        # 2. Python's mmap through the buffer protocol, writeable ("r+b"): writes
        # through the tensor land in the file.
        with path.open("r+b") as f, mmap.mmap(f.fileno(), 0) as mm:
            view = memoryview(mm).cast("d")  # the bytes as float64 values, no copy
            w = xp.reshape(xp.as_tensor(view), (3, 4))
            print(f"mmap + memoryview.cast('d') -> {w.shape} {w.dtype}, read-only: {w.is_readonly}")
            w[2, :] = -1.0  # a write into the mapped file
            del w, view
            mm.flush()
        on_disk = np.fromfile(path, dtype="<f8")
        print(f"file after writing row 2 through the tensor: {on_disk.tolist()}")
        assert on_disk[8:].tolist() == [-1.0] * 4

        # 3. A dtype change needs a copy: as_tensor makes it; asarray(copy=False)
        # says why it cannot share.
        mapped = np.memmap(path, dtype="<f8", mode="r")
        try:
            xp.asarray(mapped, dtype=xp.float32, copy=False)
        except ValueError as e:
            print(f"copy=False with another dtype: {e}")
        del mapped


if __name__ == "__main__":
    main()
