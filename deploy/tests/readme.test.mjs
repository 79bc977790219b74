// issue 13: the README's deployment walkthrough, run word by word: the shell blocks between
// the readme-walkthrough markers, in order, with only THAIGRAPH_DATA and the ports given
// (ephemeral, in a directory of the test's own).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, get, root, tempdir } from './lib.mjs';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const walkthrough = readme.split('<!-- readme-walkthrough: start -->')[1]
  .split('<!-- readme-walkthrough: end -->')[0];
const blocks = [...walkthrough.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);

test('the README walkthrough: two replicas behind nginx, a reload, a stop', async () => {
  assert.equal(blocks.length, 3, 'start, reload and stop');
  const data = tempdir('readme');
  const env = {
    ...process.env, THAIGRAPH_DATA: data,
    PORT_A: String(await freePort()), PORT_B: String(await freePort()), PORT: String(await freePort()),
  };
  const runBlock = (block) => {
    const log = join(data, 'stderr.log');
    const err = openSync(log, 'a');
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block], {
      cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', err], timeout: 60000,
    });
    closeSync(err);
    assert.equal(r.status, 0, `block failed:\n${block}\n${readFileSync(log, 'utf8')}`);
    return r.stdout;
  };
  try {
    const started = runBlock(blocks[0]);
    assert.match(started, /"status":"ok"/);
    const pids = readFileSync(join(data, 'replicas.pid'), 'utf8').trim().split('\n');
    assert.equal(pids.length, 2);
    // Through nginx, both replicas answer.
    for (let i = 0; i < 4; i++) {
      const r = await get(Number(env.PORT), '/v1/documents?limit=1');
      assert.equal(r.status, 200);
    }
    for (const port of [env.PORT_A, env.PORT_B]) {
      assert.ok(readFileSync(join(data, `access-${port}.log`), 'utf8').includes('"forwarded_for":"127.0.0.1"'),
        `replica ${port} served a request through nginx`);
    }
    runBlock(blocks[1]);
    const metrics = await get(Number(env.PORT), '/metrics');
    assert.match(metrics.body, /thaigraph_reloads_total\{result="success"\} 1\n/);
    runBlock(blocks[2]);
    assert.ok(!existsSync(join(data, 'replicas.pid')));
    // Gone, or a zombie nobody reaps yet (their shell exited before them).
    const gone = (pid) => !existsSync(`/proc/${pid}/stat`) ||
      readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
    for (let i = 0; i < 60 && !pids.every(gone); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(pids.every(gone), `replicas ${pids} still run`);
  } finally {
    spawnSync('bash', ['-c', `nginx -p "${data}/nginx" -c "${data}/nginx/nginx.conf" -s quit; ` +
      `[ -f "${data}/replicas.pid" ] && kill $(cat "${data}/replicas.pid")`], { stdio: 'ignore' });
    rmSync(data, { recursive: true, force: true });
  }
});
