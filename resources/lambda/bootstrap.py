# Portico's bootstrap for Python handlers: the loop AWS's own runtime runs, over the real Lambda
# Runtime API (GET .../invocation/next, POST .../response or .../error), served by Portico on
# loopback. It imports the user's unchanged handler ("module.function" in LAMBDA_TASK_ROOT) once
# and serves invocations one at a time, warm, until Portico stops the process.
import http.client
import importlib
import json
import os
import sys
import time
import traceback

api = os.environ["AWS_LAMBDA_RUNTIME_API"]
host_port, _, prefix = api.partition("/")
prefix = "/" + prefix if prefix else ""
host, _, port = host_port.partition(":")
connection = http.client.HTTPConnection(host, int(port))
base = prefix + "/2018-06-01/runtime"


def call(method, path, body=None, headers=None):
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    connection.request(method, base + path, body=body, headers=all_headers)
    response = connection.getresponse()
    return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read().decode("utf-8")


def error_of(e):
    return {"errorMessage": str(e), "errorType": type(e).__name__,
            "stackTrace": traceback.format_exception(type(e), e, e.__traceback__)}


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline - int(time.time() * 1000))


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_name, _, function_name = spec.rpartition(".")
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", "."))
    module = importlib.import_module(module_name.replace("/", "."))
    return getattr(module, function_name)


def main():
    try:
        handler = load_handler()
    except Exception as e:  # noqa: BLE001 - every import failure is reported to the runtime API
        call("POST", "/init/error", json.dumps(error_of(e)))
        sys.exit(1)
    while True:
        _, headers, body = call("GET", "/invocation/next")
        request_id = headers.get("lambda-runtime-aws-request-id")
        try:
            event = json.loads(body)
        except ValueError:
            event = body
        try:
            result = handler(event, Context(headers))
            call("POST", "/invocation/%s/response" % request_id, json.dumps(result))
        except Exception as e:  # noqa: BLE001 - a handler error is the function's error
            call("POST", "/invocation/%s/error" % request_id, json.dumps(error_of(e)))


try:
    main()
except (ConnectionError, http.client.HTTPException):
    # Portico closed the Runtime API connection: it stopped, or it is replacing this worker.
    sys.exit(0)
