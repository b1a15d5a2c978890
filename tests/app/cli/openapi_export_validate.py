#!/usr/bin/env python3
"""Every export validates with @apidevtools/swagger-parser.

Runs `portico-cli export` on each project in all four formats (openapi3, swagger2,
cloudformation, sam), JSON and YAML, with the extensions and as a clean spec with examples, then
runs tests/tools/openapi-validate/validate.mjs on all the outputs (for CloudFormation and SAM it
validates the REST API's embedded definition).

Usage: openapi_export_validate.py --cli PORTICO_CLI --validator DIR --tool-dir DIR PATH...

PATH is a project file (*.portico.json), a directory (every *.portico.json in it), or an OpenAPI /
Swagger file (JSON or YAML), which is first imported with `portico-cli import` and then exported,
so a corpus directory can be passed as it is with --definitions DIR.

--validator DIR is where swagger-parser is installed (`npm ci` of --tool-dir into it, which
scripts/test does; done here too when it is missing and npm is there).

Exit status: 0 when every export is valid; 1 when one is not or a step fails; 77 (CTest's
SKIP_RETURN_CODE for this test), after printing SKIPPED, only when node is not installed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
FORMATS = ["openapi3", "swagger2", "cloudformation", "sam"]
DEFINITION_SUFFIXES = (".json", ".yaml", ".yml")


def projects_and_definitions(paths, definition_dirs):
    projects, definitions = [], []
    for path in paths:
        if os.path.isdir(path):
            projects += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".portico.json"))
        elif path.endswith(".portico.json"):
            projects.append(path)
        else:
            definitions.append(path)
    for directory in definition_dirs:
        definitions += sorted(os.path.join(directory, f) for f in os.listdir(directory)
                              if f.endswith(DEFINITION_SUFFIXES) and os.path.isfile(os.path.join(directory, f)))
    return projects, definitions


def ensure_validator(validator, tool_dir):
    if os.path.isdir(os.path.join(validator, "node_modules", "@apidevtools", "swagger-parser")):
        return True
    npm = shutil.which("npm")
    if not npm:
        print(f"FAILED: swagger-parser is not installed in {validator} and npm is missing "
              "(install npm, or run scripts/test)")
        return False
    os.makedirs(validator, exist_ok=True)
    for name in ("package.json", "package-lock.json", "validate.mjs"):
        shutil.copy(os.path.join(tool_dir, name), validator)
    print(f"installing swagger-parser into {validator} (npm ci)")
    result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=validator)
    return result.returncode == 0


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--validator", required=True)
    parser.add_argument("--tool-dir", required=True)
    parser.add_argument("--definitions", action="append", default=[],
                        help="a directory of OpenAPI / Swagger files to import, then export")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()

    node = shutil.which("node")
    if not node:
        print("SKIPPED: node is not installed, so @apidevtools/swagger-parser cannot run")
        return SKIP
    if not ensure_validator(args.validator, args.tool_dir):
        return 1
    # Always the checked-in script, even when node_modules came from an earlier install.
    script = os.path.join(args.tool_dir, "validate.mjs")

    projects, definitions = projects_and_definitions(args.paths, args.definitions)
    if not projects and not definitions:
        print("FAILED: nothing to export")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="portico-export-") as out:
        for definition in definitions:
            name = os.path.splitext(os.path.basename(definition))[0]
            project = os.path.join(out, name + ".portico.json")
            code, _, err = run([args.cli, "import", definition, "-o", project])
            if code not in (0, 1) or not os.path.exists(project):
                print(f"FAILED: import {definition} (exit {code}): {err.strip()}")
                failures += 1
                continue
            projects.append(project)

        outputs = []
        for project in projects:
            name = os.path.basename(project)[: -len(".portico.json")]
            for fmt in FORMATS:
                for variant, extra in (("", []), (".clean", ["--no-extensions", "--examples"])):
                    for ext, yaml in (("json", []), ("yaml", ["--yaml"])):
                        target = os.path.join(out, f"{name}.{fmt}{variant}.{ext}")
                        cmd = [args.cli, "export", project, "--format", fmt, "-o", target] + yaml + extra
                        code, _, err = run(cmd)
                        if code != 0:
                            print(f"FAILED: {' '.join(cmd)} (exit {code}): {err.strip()}")
                            failures += 1
                        else:
                            outputs.append(target)

        # validate.mjs imports its packages relative to itself: run a copy beside node_modules.
        runner = os.path.join(args.validator, "validate.mjs")
        shutil.copy(script, runner)
        result = subprocess.run([node, runner] + outputs, capture_output=True, text=True)
        sys.stdout.write(result.stdout)
        sys.stdout.write(result.stderr)
        if result.returncode != 0:
            failures += 1
        print(f"{len(outputs)} exports of {len(projects)} projects checked with swagger-parser")
    print("PASSED" if failures == 0 else f"FAILED: {failures} failures")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
