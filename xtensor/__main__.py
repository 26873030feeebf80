"""``python -m xtensor``: what this xtensor is and which devices it sees."""

from __future__ import annotations

import sys

import xtensor


def main(argv: list[str] | None = None) -> int:
    print(f"xtensor {xtensor.__version__}")
    print(f"array API standard {xtensor.__array_api_version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
