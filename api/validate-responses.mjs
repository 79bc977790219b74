// Checks every HTTP response the API tests recorded (tests/support/harness.c, TG_RECORD_DIR)
// against api/openapi.yaml: the route and status must be documented, the content type must be
// the documented one, a JSON body must match the documented schema, and a Link, ETag or
// Cache-Control header must be one the response documents. A response to a path no route
// describes must be a 404 problem; one to a method no route serves, a 405 problem. Then checks
// the spec itself: every example matches its schema, and the routes and parameters the daemon
// lists at GET /v1 are exactly the spec's (issue 12).
//
// usage: node validate-responses.mjs RECORD_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const specUrl = new URL('./openapi.yaml', import.meta.url);
const spec = parse(readFileSync(specUrl, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'thaigraph:openapi', components: spec.components });

const schemaCache = new Map();
function validatorFor(pointer, schema) {
  if (!schemaCache.has(pointer)) {
    // Inline schemas still refer to components, so compile them inside the spec's namespace.
    schemaCache.set(pointer, ajv.compile({ $id: `thaigraph:inline:${schemaCache.size}`,
      ...rewriteRefs(schema) }));
  }
  return schemaCache.get(pointer);
}

function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) =>
      [k, k === '$ref' && v.startsWith('#/') ? `thaigraph:openapi${v}` : rewriteRefs(v)]));
  }
  return node;
}

function resolve(node) {
  while (node && node.$ref) {
    node = node.$ref.slice(2).split('/').reduce((n, key) => n[key], spec);
  }
  return node;
}

const routes = Object.entries(spec.paths).map(([template, item]) => ({
  template,
  item,
  regex: new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
}));

const problemSchema = { $ref: '#/components/schemas/Problem' };

function check(record) {
  // Hostile paths (issue 11: %FF, %00) do not decode; they are matched as sent.
  const rawPath = record.path.split('?')[0];
  let path = rawPath;
  try {
    path = decodeURI(rawPath);
  } catch {
    // keep the raw path
  }
  const mediaType = (record.content_type || '').split(';')[0].trim();
  const route = routes.find((r) => r.regex.test(path));
  const method = record.method.toLowerCase();
  let schema;
  let pointer;
  if (!route) {
    if (record.status !== 404) return `no route describes ${path}, yet it answered ${record.status}`;
    schema = problemSchema;
    pointer = 'problem';
  } else if (method === 'options') {
    return record.status === 204 ? null : `OPTIONS answered ${record.status}`;
  } else if (!['get', 'head'].includes(method) && !route.item[method]) {
    if (![405, 413].includes(record.status)) {
      return `${record.method} answered ${record.status}, not 405`;
    }
    schema = problemSchema;
    pointer = 'problem';
  } else {
    const operation = route.item[method === 'head' ? 'get' : method];
    const response = resolve(operation.responses[String(record.status)]);
    if (!response) return `status ${record.status} is not documented for ${route.template}`;
    if (!response.content) {
      return record.body ? `status ${record.status} should have no body` : null;
    }
    const documented = Object.keys(response.content);
    if (!documented.includes(mediaType)) {
      return `content type ${mediaType} is not one of ${documented.join(', ')}`;
    }
    for (const name of Object.keys(record.headers || {})) {
      if (!Object.keys(response.headers || {}).some((h) => h.toLowerCase() === name.toLowerCase())) {
        return `header ${name} is not documented for ${route.template} ${record.status}`;
      }
    }
    if (method === 'head' || record.body == null) return null;
    schema = response.content[mediaType].schema;
    pointer = `${method} ${route.template} ${record.status} ${mediaType}`;
  }
  // NDJSON is many documents a line each; only JSON proper is parsed whole.
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return null;
  let body;
  try {
    body = JSON.parse(record.body);
  } catch (e) {
    return `body is not JSON: ${e.message}`;
  }
  const validate = validatorFor(pointer, schema);
  if (validate(body)) return null;
  return ajv.errorsText(validate.errors, { dataVar: 'body' });
}

// Every example is a real answer: it must match the schema it illustrates.
function checkExamples() {
  const errors = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, ref] of Object.entries(operation.responses || {})) {
        const content = resolve(ref).content || {};
        for (const [type, media] of Object.entries(content)) {
          if (media.example === undefined) continue;
          const validate = validatorFor(`${method} ${template} ${status} ${type}`, media.schema);
          if (!validate(media.example)) {
            errors.push(`example of ${method} ${template} ${status}: ` +
              ajv.errorsText(validate.errors, { dataVar: 'example' }));
          }
        }
      }
    }
  }
  return errors;
}

// The daemon's own list of routes (GET /v1) against the spec's paths and parameters.
function checkDiscovery(records) {
  const found = records.find((r) => r.path === '/v1' && r.status === 200 && r.body);
  if (!found) return ['no recorded GET /v1 to compare the routes with'];
  const errors = [];
  const listed = new Set();
  for (const route of JSON.parse(found.body).routes) {
    listed.add(route.path);
    const item = spec.paths[route.path];
    if (!item) {
      errors.push(`the daemon serves ${route.path}, which the spec does not describe`);
      continue;
    }
    const documented = (item.get.parameters || [])
      .map((p) => resolve(p)).filter((p) => p.in === 'query').map((p) => p.name).sort();
    const served = [...route.parameters].sort();
    if (documented.join() !== served.join()) {
      errors.push(`${route.path}: the daemon reads ${served.join(', ')}; the spec lists ${documented.join(', ')}`);
    }
  }
  for (const path of Object.keys(spec.paths)) {
    if (!listed.has(path)) errors.push(`the spec describes ${path}, which the daemon does not serve`);
  }
  return errors;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node validate-responses.mjs RECORD_DIR');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const records = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
let failed = 0;
for (const record of records) {
  const error = check(record);
  if (error) {
    failed++;
    console.error(`${record.method} ${record.path} -> ${record.status}: ${error}`);
  }
}
for (const error of [...checkExamples(), ...checkDiscovery(records)]) {
  failed++;
  console.error(`spec: ${error}`);
}
if (files.length === 0) {
  console.error(`no recorded responses in ${dir}`);
  process.exit(1);
}
console.log(`spec: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
