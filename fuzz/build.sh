#!/bin/sh
# Builds the libFuzzer targets outside the CMake build: clang with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, linked against Debian's Qt 6 and simdjson.
# Usage: fuzz/build.sh [output directory]   (default: fuzz/build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${1:-$here/build}
mkdir -p "$out"

# The same definitions portico_core gets from cmake/PorticoTargets.cmake and core/CMakeLists.txt.
defines="-DSIMDJSON_EXCEPTIONS=0 -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_FOREACH
         -DQT_NO_KEYWORDS -DQT_NO_URL_CAST_FROM_STRING -DQT_USE_QSTRINGBUILDER"

# shellcheck disable=SC2046,SC2086
clang++ -std=c++20 -g -O1 -fPIC -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $defines -I"$root/core" $(pkg-config --cflags Qt6Core simdjson) \
    "$here/jsonpath_fuzzer.cpp" "$root"/core/jsonpath/*.cpp "$root/core/base/diagnostic.cpp" \
    $(pkg-config --libs Qt6Core simdjson) \
    -o "$out/jsonpath_fuzzer"
echo "built $out/jsonpath_fuzzer"

# shellcheck disable=SC2046,SC2086
clang++ -std=c++20 -g -O1 -fPIC -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $defines -I"$root/core" $(pkg-config --cflags Qt6Core simdjson nlohmann_json) \
    "$here/vtl_fuzzer.cpp" "$root"/core/vtl/*.cpp "$root"/core/mapping/*.cpp \
    "$root"/core/jsonpath/*.cpp "$root"/core/base/*.cpp \
    $(pkg-config --libs Qt6Core simdjson) \
    -o "$out/vtl_fuzzer"
echo "built $out/vtl_fuzzer"

# shellcheck disable=SC2046,SC2086
clang++ -std=c++20 -g -O1 -fPIC -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $defines -I"$root/core" $(pkg-config --cflags Qt6Core nlohmann_json) \
    "$here/http_fuzzer.cpp" "$root/core/http/requestparser.cpp" "$root/core/http/httpmessage.cpp" \
    "$root/core/runtime/methodrequest.cpp" "$root/core/runtime/routetable.cpp" \
    "$root/core/model/resource.cpp" "$root/core/model/restapi.cpp" \
    $(pkg-config --libs Qt6Core) -lhttp_parser \
    -o "$out/http_fuzzer"
echo "built $out/http_fuzzer"

# shellcheck disable=SC2046,SC2086
clang++ -std=c++20 -g -O1 -fPIC -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    $defines -I"$root/core" $(pkg-config --cflags Qt6Core nlohmann_json yaml-cpp) \
    "$here/openapi_fuzzer.cpp" "$root"/core/openapi/*.cpp "$root"/core/model/*.cpp "$root"/core/base/*.cpp \
    $(pkg-config --libs Qt6Core yaml-cpp yaml-0.1) \
    -o "$out/openapi_fuzzer"
echo "built $out/openapi_fuzzer"
