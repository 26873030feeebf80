#!/usr/bin/env bash
# Run the official array API test suite against xtensor.
# usage: conformance/run-array-api-tests.sh ARRAY_API_TESTS_CHECKOUT [pytest arguments]
set -euo pipefail
if (($# < 1)); then
  echo "usage: $0 ARRAY_API_TESTS_CHECKOUT [pytest arguments]" >&2
  exit 2
fi
suite=$(cd "$1" && pwd)
shift
if [[ ! -d $suite/array-api/spec ]]; then
  echo "$suite/array-api is empty: clone with --recurse-submodules" >&2
  exit 2
fi
python -c "import xtensor" || { echo "install xtensor first: pip install -e '.[test]'" >&2; exit 2; }
cd "$suite"
if (($# == 0)) || [[ $1 == -* ]]; then
  set -- array_api_tests "$@"
fi
ARRAY_API_TESTS_MODULE=xtensor exec python -m pytest -p no:cacheprovider -q "$@"
