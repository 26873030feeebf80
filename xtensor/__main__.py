"""``python -m xtensor``: the version, the devices, and whether memory is shared
with each installed peer library in each direction (checked by writing)."""

from __future__ import annotations

import sys

import xtensor

from ._report import devices, run_checks


def main(argv: list[str] | None = None) -> int:
    print(f"xtensor {xtensor.__version__}")
    print(f"array API standard {xtensor.__array_api_version__}")
    print(f"devices: {', '.join(devices())}")
    print()
    checks = run_checks()
    width = max(len(c.direction) for c in checks)
    print(f"{'peer':<17} {'exchange':<{width}}  {'device':<7} result")
    for c in checks:
        mark = "" if c.ok else "   <-- xtensor promises sharing here"
        print(f"{c.peer:<17} {c.direction:<{width}}  {c.device:<7} {c.outcome}{mark}")
    failed = [c for c in checks if not c.ok]
    print()
    print("all promised exchanges share memory" if not failed else f"{len(failed)} check(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
