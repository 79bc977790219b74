// Shared by the deployment tests: the real thaigraphd on ephemeral loopback ports, Debian's
// nginx on the configuration deploy/nginx-render.sh makes from deploy/nginx.conf, and an HTTP
// client that can pick its loopback source address (nginx limits each address on its own, so
// every test speaks from an address of its own and never eats another's allowance).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(new URL('../..', import.meta.url).pathname);
export const builddir = resolve(root, process.env.BUILDDIR || 'build');
export const thaigraph = join(builddir, 'thaigraph');
export const thaigraphd = join(builddir, 'thaigraphd');

export function tempdir(prefix) {
  return mkdtempSync(join(tmpdir(), `thaigraph-${prefix}-`));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return r;
}

// A database of the seed corpus in dir.
export function seedDatabase(dir) {
  const db = join(dir, 'graph.db');
  const r = run(thaigraph, ['ingest', '--db', db, join(root, 'seeds')]);
  if (r.status !== 0) throw new Error(`ingest failed: ${r.stderr}`);
  return db;
}

// Starts thaigraphd and resolves once it prints its port. listen defaults to an ephemeral one.
export function startDaemon(db, { listen = '127.0.0.1:0', args = [] } = {}) {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(thaigraphd, ['--db', db, '--listen', listen, '--threads', '2', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`thaigraphd did not start: ${err}`)), 10000);
    proc.stderr.on('data', (d) => { err += d; });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/[^\n]*:(\d+)\n/);
      if (m && !proc.port) {
        clearTimeout(timer);
        proc.port = Number(m[1]);
        proc.url = `http://127.0.0.1:${proc.port}`;
        proc.log = () => err;
        resolvePromise(proc);
      }
    });
    proc.on('exit', (code, signal) => {
      proc.exited = { code, signal };
      if (!proc.port) {
        clearTimeout(timer);
        reject(new Error(`thaigraphd exited ${code ?? signal}: ${err}`));
      }
    });
  });
}

export async function stopDaemon(proc, signal = 'SIGTERM') {
  if (!proc || proc.exited) return proc?.exited;
  const exited = new Promise((r) => proc.once('exit', (code, sig) => r({ code, signal: sig })));
  proc.kill(signal);
  return exited;
}

// A loopback port nobody listens on right now, for programs that cannot report the one they
// bound (nginx).
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

export async function waitForPort(port, ms = 10000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); r(true); });
      s.once('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await sleep(50);
  }
}

// Debian's nginx on deploy/nginx.conf with only its upstreams, listen address and directories
// substituted by deploy/nginx-render.sh.
export async function startNginx(upstreamPorts) {
  const dir = tempdir('nginx');
  const port = await freePort();
  const render = run(join(root, 'deploy/nginx-render.sh'), [
    ...upstreamPorts.flatMap((p) => ['--upstream', `127.0.0.1:${p}`]),
    '--listen', `127.0.0.1:${port}`, '--standalone', dir,
  ]);
  if (render.status !== 0) throw new Error(`nginx-render.sh failed: ${render.stderr}`);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, render.stdout);
  const check = run('nginx', ['-t', '-p', dir, '-c', conf]);
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const proc = spawn('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  proc.on('exit', (code, signal) => { proc.exited = { code, signal }; });
  await waitForPort(port);
  proc.port = port;
  proc.dir = dir;
  proc.errorLog = () => `${err}${readFileSync(join(dir, 'logs/error.log'), 'utf8')}`;
  return proc;
}

export async function stopNginx(proc) {
  if (!proc) return;
  if (process.env.TG_KEEP_NGINX_LOG) console.log(proc.errorLog());
  if (!proc.exited) {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGQUIT');
    await Promise.race([exited, sleep(5000)]);
    if (!proc.exited) proc.kill('SIGKILL');
  }
  rmSync(proc.dir, { recursive: true, force: true });
}

// One GET; resolves {status, headers, body, ms}. from is the loopback source address.
export function get(port, path, options = {}) {
  return request(port, 'GET', path, null, options);
}

export function request(port, method, path, body, { from = '127.0.0.1', headers = {},
  agent = false, timeout = 15000 } = {}) {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, localAddress: from, headers,
      agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolvePromise({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }));
        res.on('error', reject);
      });
    req.setTimeout(timeout, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

// Keeps `workers` clients (one loopback address each, so nginx's per-client limits stay far
// away) sending GET path, each paced to `perSecond`, until stop() is called; every outcome that
// is not a 200 is recorded.
export function load(port, path, { workers = 6, perSecond = 20, firstAddress = 20 } = {}) {
  const outcome = { ok: 0, failed: [] };
  let running = true;
  const loops = [];
  for (let w = 0; w < workers; w++) {
    const from = `127.0.0.${firstAddress + w}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    loops.push((async () => {
      while (running) {
        const started = performance.now();
        try {
          const r = await get(port, path, { from, agent });
          if (r.status === 200) outcome.ok++;
          else outcome.failed.push(`${r.status} ${r.body.slice(0, 120)}`);
        } catch (e) {
          outcome.failed.push(String(e));
        }
        await sleep(Math.max(0, 1000 / perSecond - (performance.now() - started)));
      }
      agent.destroy();
    })());
  }
  return {
    outcome,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcome;
    },
  };
}

// The daemon's JSON access log, one object a line.
export function accessLog(path) {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
