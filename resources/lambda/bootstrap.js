'use strict';
// Portico's bootstrap for Node.js handlers: the loop AWS's own runtime runs, over the real Lambda
// Runtime API (GET .../invocation/next, POST .../response or .../error), served by Portico on
// loopback. It loads the user's unchanged handler ("file.function" in LAMBDA_TASK_ROOT) once and
// serves invocations one at a time, warm, until Portico stops the process.
const net = require('net');
const path = require('path');
const { pathToFileURL } = require('url');

const api = process.env.AWS_LAMBDA_RUNTIME_API;
const slash = api.indexOf('/');
const hostPort = slash < 0 ? api : api.slice(0, slash);
const prefix = slash < 0 ? '' : api.slice(slash);
const [host, port] = hostPort.split(':');
const base = `${prefix}/2018-06-01/runtime`;

// A minimal HTTP/1.1 client on one kept-alive socket: the Runtime API is two small requests per
// invocation, and Node's general-purpose client costs more than the handlers people benchmark.
// When Portico closes the connection (it stopped or restarts this worker), the process ends.
class RuntimeApiClient {
  constructor() {
    // Portico also serves the API on a Unix domain socket, which costs the kernel less than TCP
    // on loopback; AWS_LAMBDA_RUNTIME_API still names the TCP address, as on Lambda.
    const local = process.env.PORTICO_RUNTIME_API_SOCKET;
    this.socket = local ? net.connect(local) : net.connect(Number(port), host);
    if (!local) this.socket.setNoDelay(true);
    this.buffer = Buffer.alloc(0);
    this.waiting = [];
    this.outgoing = [];
    this.socket.on('data', (chunk) => this.onData(chunk));
    this.socket.on('error', (e) => { console.error(`Runtime API connection failed: ${e.message}`); process.exit(1); });
    this.socket.on('close', () => process.exit(0));
  }

  // Requests made in the same tick leave in one write: the response to one invocation and the
  // request for the next are pipelined on the connection (HTTP/1.1), one system call instead of two.
  request(method, urlPath, body, headers) {
    const data = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
    let head = `${method} ${base}${urlPath} HTTP/1.1\r\nHost: ${hostPort}\r\nContent-Type: application/json\r\nContent-Length: ${data.length}\r\n`;
    for (const [name, value] of Object.entries(headers || {})) head += `${name}: ${value}\r\n`;
    this.outgoing.push(Buffer.from(head + '\r\n'));
    if (data.length) this.outgoing.push(data);
    if (this.outgoing.length <= 2) process.nextTick(() => this.flush());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  flush() {
    if (!this.outgoing.length) return;
    const chunks = this.outgoing;
    this.outgoing = [];
    this.socket.write(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const headers = {};
      for (let i = 1; i < lines.length; ++i) {
        const colon = lines[i].indexOf(':');
        if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] || 0);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.toString('utf8', end + 4, end + 4 + length);
      this.buffer = this.buffer.subarray(end + 4 + length);
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve({ status, headers, body });
    }
  }
}

const client = new RuntimeApiClient();
const call = (method, urlPath, body, headers) => client.request(method, urlPath, body, headers);

function errorOf(e) {
  if (e instanceof Error)
    return { errorType: e.name || 'Error', errorMessage: e.message, trace: (e.stack || '').split('\n') };
  return { errorType: 'string', errorMessage: String(e), trace: [] };
}

async function loadHandler() {
  const spec = process.env._HANDLER || '';
  const dot = spec.lastIndexOf('.');
  if (dot <= 0) throw Object.assign(new Error(`Bad handler "${spec}": expected file.function`), { name: 'Runtime.MalformedHandlerName' });
  const file = path.resolve(process.env.LAMBDA_TASK_ROOT || '.', spec.slice(0, dot));
  const name = spec.slice(dot + 1);
  let mod;
  for (const ext of ['.js', '.cjs', '.mjs']) {
    try {
      mod = ext === '.mjs' ? await import(pathToFileURL(file + ext).href) : require(file + ext);
      break;
    } catch (e) {
      if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND') && String(e.message).includes(file)) continue;
      throw e;
    }
  }
  if (!mod) throw Object.assign(new Error(`Cannot find module '${spec.slice(0, dot)}'`), { name: 'Runtime.ImportModuleError' });
  const fn = mod[name] || (mod.default && mod.default[name]);
  if (typeof fn !== 'function') throw Object.assign(new Error(`${spec} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  return fn;
}

function invoke(handler, event, context) {
  return new Promise((resolve, reject) => {
    // The Runtime API socket keeps the process alive while a handler waits on nothing (a promise
    // that never settles): the invocation then times out, as on Lambda.
    let settled = false;
    const finish = (err, result) => {
      if (settled) return;
      settled = true;
      err ? reject(err) : resolve(result);
    };
    context.done = finish;
    context.succeed = (r) => finish(null, r);
    context.fail = (e) => finish(e || new Error('handled'));
    try {
      const out = handler(event, context, finish);
      if (out && typeof out.then === 'function') out.then((r) => finish(null, r), (e) => finish(e));
      else if (handler.length < 3) finish(null, out);
    } catch (e) {
      finish(e);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const err = errorOf(e);
    await call('POST', '/init/error', JSON.stringify(err), { 'Lambda-Runtime-Function-Error-Type': err.errorType });
    process.exit(1);
  }
  let pendingNext = call('GET', '/invocation/next');
  for (;;) {
    const next = await pendingNext;
    const id = next.headers['lambda-runtime-aws-request-id'];
    const deadline = Number(next.headers['lambda-runtime-deadline-ms'] || 0);
    const context = {
      awsRequestId: id,
      invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    let event;
    try {
      event = JSON.parse(next.body);
    } catch (e) {
      event = next.body;
    }
    let posted;
    try {
      const result = await invoke(handler, event, context);
      posted = call('POST', `/invocation/${id}/response`, JSON.stringify(result === undefined ? null : result));
    } catch (e) {
      const err = errorOf(e);
      posted = call('POST', `/invocation/${id}/error`, JSON.stringify(err), { 'Lambda-Runtime-Function-Error-Type': err.errorType });
    }
    pendingNext = call('GET', '/invocation/next');
    await posted;
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
