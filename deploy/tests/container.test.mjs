// issue 13: the container files, checked without Docker (which cannot run on these machines):
// the build context .dockerignore leaves, that the Dockerfile's steps are
// deploy/container-build.sh (which deploy/test-deploy.sh runs), and compose's shape.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { root } from './lib.mjs';

// Docker's .dockerignore rules: patterns match paths from the context root, `*` and `?` within
// one segment, `**` across segments, a matched directory excludes all under it, `!` re-includes.
function dockerignore(text) {
  const rules = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      const regex = pattern.split('/').map((part) => (part === '**' ? '.*'
        : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
        .join('/').replace(/\.\*\//g, '(?:.*/)?');
      return { negate, regex: new RegExp(`^${regex}(?:/.*)?$`) };
    });
  return (path) => rules.reduce((excluded, r) => (r.regex.test(path) ? !r.negate : excluded), false);
}

function contextFiles(dir, excluded, out = []) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const path = relative(root, full);
    if (excluded(path)) continue;
    if (statSync(full).isDirectory()) contextFiles(full, excluded, out);
    else out.push({ path, size: statSync(full).size });
  }
  return out;
}

test('.dockerignore keeps node_modules, builds and git out of the build context', () => {
  const excluded = dockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  for (const path of ['api/node_modules/ajv/package.json', 'deploy/tests/node_modules/x',
    'build/thaigraphd', 'build-asan/x', '.git/HEAD', 'graph.db']) {
    assert.ok(excluded(path), `${path} is excluded`);
  }
  for (const path of ['seeds/000_2304adfd9e82273a.txt', 'src/http/server.c', 'meson.build',
    'deploy/container-build.sh', 'api/openapi.yaml']) {
    assert.ok(!excluded(path), `${path} is kept`);
  }
  const files = contextFiles(root, excluded);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  assert.ok(!files.some((f) => f.path.includes('node_modules/')));
  assert.ok(bytes < 20 * 1024 * 1024, `the context is ${(bytes / 1048576).toFixed(1)} MB`);
  console.log(`docker build context: ${files.length} files, ${(bytes / 1048576).toFixed(1)} MB`);
});

test('every build step of the Dockerfile is deploy/container-build.sh', () => {
  const dockerfile = readFileSync(join(root, 'deploy/Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ');
  const runs = dockerfile.split('\n').filter((l) => /^RUN /.test(l));
  assert.equal(runs.length, 2);
  assert.match(runs[0], /^RUN deploy\/container-build\.sh build \/out /);
  assert.match(runs[1], /^RUN \/tmp\/container-build\.sh runtime \/ /);
  const stages = dockerfile.split('\n').filter((l) => /^FROM /.test(l));
  assert.deepEqual(stages, ['FROM debian:12 AS build', 'FROM debian:12-slim']);
  assert.match(dockerfile, /^USER thaigraph$/m, 'the runtime runs as an unprivileged user');
  assert.match(dockerfile, /^COPY --from=build \/out\/ \/$/m);
  assert.doesNotMatch(dockerfile.split('FROM debian:12-slim')[1], /ingest/,
    'the runtime never ingests');
});

test('compose: nginx in front of two replicas sharing one read-only graph, health-gated', () => {
  const compose = parse(readFileSync(join(root, 'deploy/compose.yaml'), 'utf8'), { merge: true });
  const { services } = compose;
  const replicas = ['thaigraphd-1', 'thaigraphd-2'];
  for (const name of replicas) {
    const r = services[name];
    assert.deepEqual(r.volumes, ['graph:/graph:ro']);
    assert.equal(r.read_only, true);
    assert.ok(r.healthcheck && r.healthcheck.test, `${name} has a health check`);
    assert.ok(!r.build, `${name} reuses the image built once`);
    assert.ok(!r.command.includes('ingest'), `${name} never ingests`);
    assert.equal(r.depends_on.graph.condition, 'service_completed_successfully');
  }
  assert.deepEqual(Object.keys(services).filter((s) => services[s].build), ['graph']);
  for (const name of replicas) {
    assert.equal(services.nginx.depends_on[name].condition, 'service_healthy');
  }
  assert.deepEqual(services.nginx.volumes, ['./nginx.conf:/etc/nginx/conf.d/default.conf:ro']);
  // The shipped nginx.conf names exactly these replicas.
  const upstream = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8')
    .match(/upstream thaigraphd \{([^}]*)\}/)[1];
  assert.deepEqual([...upstream.matchAll(/server (\S+):8080/g)].map((m) => m[1]), replicas);
});

test('the embedded Thai font is the npm package\'s file, unchanged', () => {
  for (const weight of [400, 700]) {
    const name = `noto-sans-thai-thai-${weight}-normal.woff2`;
    const shipped = readFileSync(join(root, 'src/http/explorer', name));
    const npm = readFileSync(join(root, 'deploy/tests/node_modules/@fontsource/noto-sans-thai/files', name));
    assert.ok(shipped.equals(npm), `${name} differs from @fontsource/noto-sans-thai`);
  }
});
