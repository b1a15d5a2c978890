#!/usr/bin/env bash
# Refreshes the expectation of core-VTL cases from the Velocity 1.7 oracle: each case's template
# is rendered by shared/tools/velocity-oracle and the case gets "expected" (the exact output) or
# "expectedError": true (Velocity refused the template). Expectations are never typed by hand:
# to add a case, write a NNN-name.json with "name", "about", "source" and "template", then run
# this on it.
#
#   tests/data/vtl-oracle/regenerate.sh [CASE.json...]     (default: every case in this folder)
#
# Needs jq and the oracle (a JDK and Debian's velocity package, see its README); about 2 s a case.
# Set VELOCITY_ORACLE to the oracle's oracle.sh when shared/ is not beside the project.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle="${VELOCITY_ORACLE:-$here/../../../../shared/tools/velocity-oracle/oracle.sh}"
if [ ! -x "$oracle" ]; then
  echo "regenerate.sh: no oracle at $oracle; set VELOCITY_ORACLE" >&2
  exit 69
fi
if [ "$#" -eq 0 ]; then
  set -- "$here"/*.json
fi

out="$(mktemp)"
err="$(mktemp)"
trap 'rm -f "$out" "$err" "$out.json"' EXIT
for case in "$@"; do
  status=0
  "$oracle" "$case" >"$out" 2>"$err" || status=$?
  if [ "$status" -eq 0 ]; then
    jq --indent 2 --rawfile out "$out" 'del(.expected, .expectedError) + {expected: $out}' "$case" >"$out.json"
  elif [ "$status" -eq 2 ]; then # the oracle's "render error" (parse error or exception)
    jq --indent 2 'del(.expected, .expectedError) + {expectedError: true}' "$case" >"$out.json"
  else
    echo "regenerate.sh: $case: oracle failed (exit $status): $(cat "$err")" >&2
    exit 1
  fi
  mv "$out.json" "$case"
  echo "$(basename "$case"): $(jq -c 'if .expectedError then "error" else .expected end' "$case")"
done
