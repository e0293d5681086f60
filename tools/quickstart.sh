#!/usr/bin/env bash
# One-command set-up for a fresh Debian machine: installs what is missing (apt-get, only absent
# packages), configures and builds minipy, then either runs the demo or the whole test suite.
#   tools/quickstart.sh demo    build, then run examples/demo.py and show its bytecode
#   tools/quickstart.sh test    build, then run every test through ctest
#   tools/quickstart.sh bench [bench/run.py options]   build, then the minipy-vs-CPython report
#                               (also installs hyperfine and gnuplot-nox if absent)
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo), SANITIZE
# ('address,undefined' or 'thread'), JOBS (default: number of cores), CI (true: warnings are errors),
# PGO (default ON for a release build: profile-guided optimisation, as CPython's release builds;
# OFF to skip) and LTO (default OFF: link-time optimisation measured slower, see README). Debug and
# sanitizer builds never use them.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-demo}"
case "$what" in demo|test|build|bench) ;; *) echo "usage: $0 demo|test|build|bench" >&2; exit 2 ;; esac

packages=(build-essential cmake ninja-build pkg-config re2c bison libgtest-dev libgmock-dev
          libbenchmark-dev libgmp-dev libutf8proc-dev libedit-dev libxxhash-dev libicu-dev libmimalloc-dev
          python3 tmux clang libclang-rt-14-dev)
# The benchmark report alone needs these (bench/run.py): never the build or the tests.
if [ "$what" = bench ]; then packages+=(hyperfine gnuplot-nox); fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    echo "quickstart: installing ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

build_dir="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc)}"
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
build_type="${BUILD_TYPE:-RelWithDebInfo}"
# A release build is profile-guided (an instrumented build, a training run of bench/pgo/train.py,
# then the optimised build: see cmake/MinipyOptimize.cmake).
pgo=OFF
lto=OFF
if [ -z "${SANITIZE:-}" ] && [ "$build_type" != Debug ]; then
    pgo="${PGO:-ON}"
    lto="${LTO:-OFF}"
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
      -DMINIPY_WERROR="$werror" -DMINIPY_SANITIZE="${SANITIZE:-}" \
      -DMINIPY_PGO="$pgo" -DMINIPY_LTO="$lto" >/dev/null
cmake --build "$build_dir" -j "$jobs"

case "$what" in
demo)
    echo "== minipy examples/demo.py"
    "$build_dir/minipy" examples/demo.py
    echo "== minipy --dis examples/demo.py (the bytecode it ran)"
    "$build_dir/minipy" --dis examples/demo.py | head -n 20
    ;;
test)
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 300
    ;;
bench)
    python3 bench/run.py --build "$build_dir" "${@:2}"
    ;;
esac
