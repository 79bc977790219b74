// One call per resource against a real daemon serving the seeds (deploy/test.sh starts it):
// the client compiles under --strict against the generated types, and answers carry what the
// types promise. usage: node dist/smoke.js BASE_URL
import { Client, Problem } from './client.js';

const client = new Client(process.argv[2] ?? 'http://127.0.0.1:8080');
let passed = 0;
let failed = 0;

async function check(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
    passed++;
  } catch (error) {
    failed++;
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

const ministry = 'org_f6aa4ffaaeca';

await check('health', async () => {
  const h = await client.get('/healthz');
  expect(h.status === 'ok' && h.documents === 5, 'five documents served');
});
await check('discovery', async () => {
  const d = await client.get('/v1');
  expect(d.routes.some((r) => r.path === '/v1/positions'), '/v1/positions listed');
});
await check('documents', async () => {
  const page = await client.get('/v1/documents', { query: { sort: '-date', limit: 2, facets: 'year' } });
  expect(page.items[0]?.id === '004_6bbdc058e895814a', 'newest first');
  expect(page.next !== null && page.total === 5, 'a next page of five');
  const years = page.facets?.year?.map((f) => f.value) ?? [];
  expect(years.join() === '2011,2017,2020', `years ${years.join()}`);
  const doc = await client.get('/v1/documents/{id}', { path: { id: '001_728345b0fb86cf7d' } });
  expect(doc.mentions.items.length === 20 && doc.mentions.total > 20, 'mentions bounded');
  let seen = 0;
  for await (const mention of client.all('/v1/documents/{id}/mentions', { path: { id: doc.id } })) {
    expect(mention.end > mention.start, 'a span');
    seen++;
  }
  expect(seen === doc.mentions.total, 'every mention once through next');
});
await check('organisations', async () => {
  const found = await client.get('/v1/organisations', { query: { q: 'พม.' } });
  const org = found.items[0];
  expect(org?.id === ministry && org.kind === 'ministry', 'the ministry by its abbreviation');
  const page = await client.get('/v1/organisations/{id}', { path: { id: ministry } });
  expect(page.collaborators.items[0]?.organisation.name === 'สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ', 'the fund collaborates');
});
await check('people', async () => {
  const people = await client.get('/v1/people', { query: { q: 'วิเชียร ชวลิต' } });
  const person = people.items[0];
  expect(person?.positions.items[0]?.title === 'ปลัดกระทรวง', 'his office');
  const page = await client.get('/v1/people/{id}', { path: { id: person?.id ?? '' } });
  expect(page.documents.total === 2, 'two documents');
});
await check('places', async () => {
  const places = await client.get('/v1/places', { query: { q: 'โรงแรม เดอะสุโกศล' } });
  expect(places.items[0]?.kind === 'venue', 'a venue');
});
await check('events', async () => {
  const events = await client.get('/v1/events', { query: { organisation: 'สสส', from: '2015', to: '2015' } });
  const conference = events.items[0];
  expect(conference?.kind === 'conference' && conference.date === '2015-06-30', 'the conference');
  const evidence = await client.get('/v1/events/{id}/evidence', { path: { id: conference?.id ?? '' } });
  expect(evidence.total === 2, 'two reports');
});
await check('collaborations', async () => {
  const pair = await client.get('/v1/collaborations', { query: { a: ministry, b: 'สสส' } });
  expect('b' in pair && pair.total === 3, 'three events together');
  try {
    await client.get('/v1/collaborations', { query: { a: 'องค์กรที่ไม่มีอยู่จริง' } });
    expect(false, 'an unknown name fails');
  } catch (error) {
    expect(error instanceof Problem && error.status === 404, 'a 404 problem');
  }
});
await check('positions', async () => {
  const held = await client.get('/v1/positions', {
    query: { title: 'ปลัดกระทรวง', organisation: 'พม.', on: '2016-01-01' },
  });
  const tenure = held.items[0];
  expect(tenure?.person.name === 'วิเชียร ชวลิต', 'the holder on 2016-01-01');
  expect(tenure?.evidence.map((e) => e.document_id).join() === '001_728345b0fb86cf7d,002_4301d2a2d545386e', 'stated by both articles');
  expect(tenure?.succession.next?.person.name === 'ไมตรี อินทุสุต', 'and his successor');
});
await check('graph', async () => {
  const view = await client.get('/v1/graph', { query: { focus: 'สสส', depth: 1 } });
  expect(view.nodes[0]?.id === 'org_57201d4e8bbb', 'the focus first');
});
await check('search', async () => {
  const hits = await client.get('/v1/search', { query: { q: 'สสส', type: 'all', facets: 'type' } });
  const first = hits.items[0];
  expect(first?.type === 'organisation' && 'name' in first, 'entities named by name');
  const suggestions = await client.get('/v1/search/suggest', { query: { q: 'สส' } });
  expect(suggestions.items[0]?.matched === 'สสส.', 'completes the abbreviation');
});
await check('analyze', async () => {
  const analysis = await client.get('/v1/analyze', { query: { text: 'พม.ร่วมกับ สสส. ๔๐ คน' } });
  expect(analysis.mentions.some((m) => m.value === '40'), 'Thai digits read');
});

console.log(`typescript client: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
