#!/usr/bin/env python3
"""CORS in a real browser: Debian's headless Chromium loads a page from one origin
(http://127.0.0.1:PAGE_PORT) whose script makes a cross-origin, non-simple fetch (PUT with JSON
and a custom X-Custom header, so the browser sends a preflight) to `portico-cli serve` on
another port. It must fail ("TypeError: Failed to fetch") on a project without CORS, succeed
after `portico-cli cors --headers X-Custom`, and fail again when the allowed origin is another
one. The page writes the outcome into its title, read back with `chromium --dump-dom`.

Also checks the `cors` command itself as a user runs it: its output, that a second run changes
nothing, and its errors.

Usage: cors_browser_test.py PORTICO_CLI
Exits 0 when every check passes; 1 with the reason otherwise, including when Chromium is missing.
"""

import html
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

CLI = sys.argv[1] if len(sys.argv) > 1 else "portico-cli"

PAGE = """<!DOCTYPE html>
<html><head><title>pending</title></head><body>
<script>
const api = new URLSearchParams(location.search).get("api");
fetch(api, {method: "PUT", headers: {"Content-Type": "application/json", "X-Custom": "1"},
            body: JSON.stringify({name: "rex"})})
  .then(r => r.text().then(t => { document.title = "ok " + r.status + " " + t; }))
  .catch(e => { document.title = "failed " + e; });
</script>
</body></html>
"""

PROJECT = {
    "formatVersion": 1,
    "api": {
        "id": "c0rsbr0wsr",
        "name": "CORS browser test",
        "resources": [
            {"id": "r00t000001", "path": "/"},
            {
                "id": "1tems00001",
                "parentId": "r00t000001",
                "pathPart": "items",
                "path": "/items",
                "resourceMethods": {
                    "PUT": {
                        "httpMethod": "PUT",
                        "authorizationType": "NONE",
                        "methodResponses": {"200": {"statusCode": "200"}},
                        "methodIntegration": {
                            "type": "MOCK",
                            "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
                            "integrationResponses": {
                                "200": {
                                    "statusCode": "200",
                                    "responseTemplates": {"application/json": "{\"saved\":true}"},
                                }
                            },
                        },
                    }
                },
            },
        ],
    },
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, flush=True)
    return condition


def run_cli(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60)


class Serve:
    """`portico-cli serve PROJECT --draft --log` on a free port, its output collected."""

    def __init__(self, project):
        self.process = subprocess.Popen([CLI, "serve", project, "--port", "0", "--draft", "--log"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        self.port = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and self.port is None:
            match = re.search(r"on http://127\.0\.0\.1:(\d+)\n", self.output())
            if match:
                self.port = int(match.group(1))
            elif self.process.poll() is not None:
                break
            else:
                time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise RuntimeError("portico-cli serve did not start:\n" + self.output())

    def _read(self):
        for line in self.process.stdout:
            with self.lock:
                self.lines.append(line)

    def output(self):
        with self.lock:
            return "".join(self.lines)

    def wait_for_line(self, pattern, seconds=10):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if re.search(pattern, self.output()):
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class PageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def browser_title(chromium, page_url, profile):
    """Loads the page in headless Chromium and returns its title once the fetch has settled."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage",
               "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", page_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    match = re.search(r"<title>(.*?)</title>", result.stdout, re.S)
    if not match:
        return "no title (exit status %d); stdout:\n%s\nstderr:\n%s" % (result.returncode, result.stdout, result.stderr)
    return html.unescape(match.group(1))


def browser_case(chromium, page_origin, project, name, expect_ok, workdir):
    serve = Serve(project)
    try:
        api = "http://127.0.0.1:%d/draft/items" % serve.port
        title = browser_title(chromium, page_origin + "/?api=" + api, os.path.join(workdir, "profile-" + name))
        print("%s: %s" % (name, title), flush=True)
        # Either way the browser asked first: a PUT with a custom header is not a simple request.
        check(serve.wait_for_line(r"(HTTP Method: OPTIONS, Resource Path: /items|No method matches OPTIONS /items)"),
              name + ": the runtime never saw the preflight:\n" + serve.output())
        if expect_ok:
            check(title == 'ok 200 {"saved":true}', name + ": expected the fetch to succeed, the page says: " + title)
            check(serve.wait_for_line(r"HTTP Method: PUT, Resource Path: /items"), name + ": the PUT never reached the runtime")
        else:
            check(title == "failed TypeError: Failed to fetch",
                  name + ": expected the browser to refuse the response, the page says: " + title)
            check("HTTP Method: PUT" not in serve.output(), name + ": the browser sent the PUT although the preflight failed")
    finally:
        serve.stop()


def cli_checks(project):
    before = open(project, "rb").read()
    missing = run_cli("cors", project, "--resource", "/nope")
    check(missing.returncode == 1 and missing.stderr == "error: /nope: no such resource in %s\n" % project,
          "cors on an unknown resource: %d %r" % (missing.returncode, missing.stderr))
    bad = run_cli("cors", project, "--resource", "/items", "--methods", "DELETE")
    check(bad.returncode == 1 and bad.stderr == "error: /items DELETE: the method does not exist\n",
          "cors with a missing method: %d %r" % (bad.returncode, bad.stderr))
    usage = run_cli("cors", project)
    check(usage.returncode == 2 and "--resource is required" in usage.stderr, "cors without --resource: %r" % usage.stderr)
    check(open(project, "rb").read() == before, "a refused cors command changed the project file")
    helped = run_cli("cors", "--help")
    check(helped.returncode == 0 and helped.stdout.startswith("Usage: portico-cli cors PROJECT --resource PATH"),
          "cors --help: %r" % helped.stdout[:200])


def main():
    workdir = tempfile.mkdtemp(prefix="portico-cors-browser-")
    pages = None
    try:
        plain = os.path.join(workdir, "plain.portico.json")
        with open(plain, "w") as f:
            json.dump(PROJECT, f)
        cli_checks(plain)

        enabled = os.path.join(workdir, "enabled.portico.json")
        shutil.copy(plain, enabled)
        first = run_cli("cors", enabled, "--resource", "/items", "--headers", "X-Custom")
        check(first.returncode == 0 and first.stdout.startswith("/items: CORS enabled, %s saved\n" % enabled)
              and "  Access-Control-Allow-Methods: OPTIONS,PUT\n" in first.stdout
              and "  Access-Control-Allow-Headers: Content-Type,X-Amz-Date,Authorization,X-Api-Key,"
                  "X-Amz-Security-Token,X-Custom\n" in first.stdout
              and "  Access-Control-Allow-Origin: *\n" in first.stdout,
              "cors: %d %r %r" % (first.returncode, first.stdout, first.stderr))
        saved = open(enabled, "rb").read()
        second = run_cli("cors", enabled, "--resource", "/items", "--headers", "X-Custom")
        check(second.returncode == 0
              and second.stdout == "/items: CORS is already enabled with these settings; %s is unchanged\n" % enabled,
              "cors run again: %d %r" % (second.returncode, second.stdout))
        check(open(enabled, "rb").read() == saved, "running cors again changed the file")
        lint = run_cli("lint", enabled)
        check(lint.returncode == 0 and lint.stdout == "", "lint after cors: %r" % lint.stdout)

        other = os.path.join(workdir, "other-origin.portico.json")
        shutil.copy(plain, other)
        check(run_cli("cors", other, "--resource", "/items", "--headers", "X-Custom",
                      "--origin", "https://elsewhere.example").returncode == 0, "cors --origin")

        chromium = os.environ.get("PORTICO_CHROMIUM") or shutil.which("chromium")
        if not chromium:
            failures.append("Debian's headless Chromium is not installed, so the browser half of this test cannot "
                            "run: apt-get install chromium (scripts/test installs it)")
            return

        pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PageHandler)
        threading.Thread(target=pages.serve_forever, daemon=True).start()
        page_origin = "http://127.0.0.1:%d" % pages.server_address[1]

        browser_case(chromium, page_origin, plain, "without CORS", False, workdir)
        browser_case(chromium, page_origin, enabled, "with CORS", True, workdir)
        browser_case(chromium, page_origin, other, "CORS for another origin", False, workdir)
    finally:
        if pages:
            pages.shutdown()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a crash is a failure with its reason, never a silent pass
        failures.append("%s: %s" % (type(error).__name__, error))
    if failures:
        print("\n%d check(s) failed:\n- %s" % (len(failures), "\n- ".join(failures)), file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
