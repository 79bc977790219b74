// issue 13: Debian's nginx on the shipped deploy/nginx.conf (ports substituted by
// deploy/nginx-render.sh) in front of two real thaigraphd replicas: caching with ETag
// revalidation, failover from a killed and from a hung replica, rate limiting with problem
// bodies, slow clients cut, request ids and forwarded addresses, and reloads under load.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import net from 'node:net';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import {
  accessLog, get, load, request, run, seedDatabase, sleep, startDaemon, startNginx, stopDaemon,
  stopNginx, tempdir, thaigraphd,
} from './lib.mjs';

const dir = tempdir('deploy');
let db;
const replicas = [];
let nginx;
const figures = {};

// Replica i on a fixed port (nginx's upstream names it), logging JSON to a file of its own.
async function startReplica(i, port = 0) {
  const log = join(dir, `access-${i}.log`);
  replicas[i] = await startDaemon(db, {
    listen: `127.0.0.1:${port}`,
    args: ['--access-log', 'json', '--access-log-file', log, '--trusted-proxy', '127.0.0.1',
      '--cache-max-age', '1'],
  });
  replicas[i].accessLogPath = log;
  return replicas[i];
}

const allLines = () => replicas.flatMap((r) => accessLog(r.accessLogPath));

before(async () => {
  db = seedDatabase(dir);
  await startReplica(0);
  await startReplica(1);
  nginx = await startNginx(replicas.map((r) => r.port));
});

after(async () => {
  for (const r of replicas) await stopDaemon(r);
  await stopNginx(nginx);
  rmSync(dir, { recursive: true, force: true });
  console.log(`nginx figures: ${JSON.stringify(figures)}`);
});

describe('nginx in front of two replicas', () => {
  test('a request passes with its id and the client address forwarded', async () => {
    const r = await get(nginx.port, '/v1/documents?limit=2', {
      from: '127.0.0.2',
      headers: { 'X-Request-Id': 'deploy-test-1', 'X-Forwarded-For': '198.51.100.9' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-request-id'], 'deploy-test-1');
    assert.equal(JSON.parse(r.body).items.length, 2);
    const line = allLines().find((l) => l.request_id === 'deploy-test-1');
    assert.ok(line, 'the replica logged the request under its id');
    assert.equal(line.forwarded_for, '198.51.100.9, 127.0.0.2');
    assert.equal(line.client, '127.0.0.1');

    // Without an id from the client, nginx makes one and the daemon logs that one.
    const fresh = await get(nginx.port, '/v1/documents?limit=1', { from: '127.0.0.2' });
    assert.match(fresh.headers['x-request-id'], /^[0-9a-f]{32}$/);
    assert.ok(allLines().some((l) => l.request_id === fresh.headers['x-request-id']));
  });

  test('a repeated request is a cache hit, an expired one a revalidation by ETag', async () => {
    const path = '/v1/organisations?limit=3';
    const first = await get(nginx.port, path, { from: '127.0.0.3' });
    const second = await get(nginx.port, path, { from: '127.0.0.3' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['x-cache-status'], 'MISS');
    assert.equal(second.headers['x-cache-status'], 'HIT');
    assert.equal(second.body, first.body);
    await sleep(2200); // past the daemons' --cache-max-age 1 (nginx counts whole seconds)
    const third = await get(nginx.port, path, { from: '127.0.0.3' });
    assert.equal(third.status, 200);
    assert.equal(third.headers['x-cache-status'], 'REVALIDATED');
    assert.equal(third.body, first.body);
    const seen = allLines().filter((l) => l.path === '/v1/organisations');
    assert.deepEqual(seen.map((l) => l.status), [200, 304], 'the daemons saw a miss and a 304');
    figures.cache = { first: first.headers['x-cache-status'],
      second: second.headers['x-cache-status'], third: third.headers['x-cache-status'] };
  });

  test('/healthz and /metrics are never cached', async () => {
    for (const path of ['/healthz', '/metrics']) {
      const before = allLines().filter((l) => l.path === path).length;
      for (let i = 0; i < 3; i++) {
        const r = await get(nginx.port, path, { from: '127.0.0.4' });
        assert.equal(r.status, 200);
        assert.equal(r.headers['x-cache-status'], undefined);
      }
      assert.equal(allLines().filter((l) => l.path === path).length - before, 3);
    }
  });

  test('gzip passes through', async () => {
    const r = await get(nginx.port, '/v1/documents/000_2304adfd9e82273a', {
      from: '127.0.0.4', headers: { 'Accept-Encoding': 'gzip' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'gzip');
  });

  test('the longest /v1/analyze text passes as a POST body; a huge request line is a 414 problem',
    async () => {
      const text = 'ก'.repeat(4096);
      const ok = await request(nginx.port, 'POST', '/v1/analyze', JSON.stringify({ text }),
        { from: '127.0.0.5', headers: { 'Content-Type': 'application/json' } });
      assert.equal(ok.status, 200, ok.body.slice(0, 200));
      assert.ok(JSON.parse(ok.body).tokens.length > 0);
      for (const size of [18000, 60000]) {
        const long = await get(nginx.port, `/v1/analyze?text=${'a'.repeat(size)}`,
          { from: '127.0.0.5' });
        assert.equal(long.status, 414);
        assert.equal(long.headers['content-type'].split(';')[0], 'application/problem+json');
        assert.equal(JSON.parse(long.body).status, 414);
      }
    });

  test('a rolling reload of both replicas under load loses no request', async () => {
    const traffic = load(nginx.port, '/healthz', { workers: 6, perSecond: 20, firstAddress: 40 });
    await sleep(500);
    for (const r of replicas) {
      const reload = run(thaigraphd, ['--reload', String(r.pid)]);
      assert.equal(reload.status, 0, reload.stderr);
      await sleep(500);
    }
    const outcome = await traffic.stop();
    figures.rolling_reload = { requests: outcome.ok + outcome.failed.length,
      lost: outcome.failed.length };
    assert.deepEqual(outcome.failed.slice(0, 3), [], `${outcome.failed.length} lost`);
  });

  test('SIGSTOP of one replica costs one request the read timeout, once', async () => {
    await sleep(200);
    const victim = replicas[1];
    // Warm keep-alive connections to both replicas, so the hung one holds some.
    for (let i = 0; i < 4; i++) await get(nginx.port, '/healthz', { from: '127.0.0.6' });
    victim.kill('SIGSTOP');
    const times = [];
    try {
      for (let i = 0; i < 12; i++) {
        const r = await get(nginx.port, '/healthz', { from: '127.0.0.6' });
        assert.equal(r.status, 200, r.body);
        times.push(Math.round(r.ms));
      }
    } finally {
      victim.kill('SIGCONT');
    }
    const slow = times.filter((ms) => ms > 1000);
    figures.sigstop = { milliseconds: times };
    assert.equal(slow.length, 1, `request times ${times}`);
    assert.ok(slow[0] >= 4500 && slow[0] < 7000, `the slow one took ${slow[0]} ms`);
  });

  test('SIGKILL of one replica loses no request', async () => {
    // nginx retries a replica it marked failed only after fail_timeout (10 s).
    await sleep(10500);
    const traffic = load(nginx.port, '/healthz', { workers: 6, perSecond: 20, firstAddress: 20 });
    await sleep(1000);
    const victim = replicas[0];
    victim.kill('SIGKILL');
    await sleep(2000);
    const outcome = await traffic.stop();
    figures.sigkill = { requests: outcome.ok + outcome.failed.length,
      lost: outcome.failed.length };
    assert.deepEqual(outcome.failed.slice(0, 3), [], `${outcome.failed.length} lost`);
    assert.ok(outcome.ok > 100, `only ${outcome.ok} requests`);
    await startReplica(0, victim.port);
  });

  test('a flood gets 429 with a problem body', async () => {
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 48 });
    const results = await Promise.all(Array.from({ length: 600 }, () =>
      get(nginx.port, '/v1/documents?limit=1', { from: '127.0.0.99', agent })));
    agent.destroy();
    const limited = results.filter((r) => r.status === 429);
    const ok = results.filter((r) => r.status === 200);
    figures.flood = { requests: results.length, ok: ok.length, limited: limited.length };
    assert.equal(ok.length + limited.length, results.length);
    assert.ok(limited.length > 400, `${limited.length} answers of 429`);
    assert.ok(ok.length >= 60, `${ok.length} answers of 200 (the burst)`);
    for (const r of limited.slice(0, 5)) {
      assert.equal(r.headers['content-type'], 'application/problem+json');
      const problem = JSON.parse(r.body);
      assert.equal(problem.status, 429);
      assert.equal(problem.type, 'urn:thaigraph:problem:rate_limited');
      assert.equal(problem.request_id, r.headers['x-request-id']);
    }
    // Other clients are not held back by one client's flood.
    assert.equal((await get(nginx.port, '/v1/documents?limit=1', { from: '127.0.0.7' })).status,
      200);
  });

  test('a slow header is cut at the configured 5 s', async () => {
    const started = performance.now();
    const closedAfter = await new Promise((resolvePromise, reject) => {
      const s = net.connect({ port: nginx.port, host: '127.0.0.1', localAddress: '127.0.0.8' });
      s.once('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: thaigraph\r\n'));
      s.on('data', () => {});
      s.once('close', () => resolvePromise(performance.now() - started));
      s.once('error', reject);
      setTimeout(() => { s.destroy(); reject(new Error('not cut within 9 s')); }, 9000);
    });
    figures.slow_header_cut_ms = Math.round(closedAfter);
    assert.ok(closedAfter >= 4500 && closedAfter < 7000, `cut after ${closedAfter} ms`);
  });

  test('with every replica gone, nginx answers a 502 problem', async () => {
    for (const r of replicas) await stopDaemon(r, 'SIGKILL');
    const r = await get(nginx.port, '/v1/events?limit=1', { from: '127.0.0.9' });
    assert.equal(r.status, 502);
    assert.equal(r.headers['content-type'], 'application/problem+json');
    const problem = JSON.parse(r.body);
    assert.equal(problem.status, 502);
    assert.equal(problem.request_id, r.headers['x-request-id']);
  });
});
