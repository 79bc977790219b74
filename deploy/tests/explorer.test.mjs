// issue 13: the explorer page at GET /, driven in Debian's Chromium by playwright-core on the
// seed corpus: search with suggestions and highlighted snippets, the พม.-สสส. collaboration
// timeline with its three events, a document with its mentions highlighted, the keyboard
// alone, and 375 px and 1,440 px wide. Screenshots go to build/explorer/ (BUILDDIR).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { builddir, seedDatabase, startDaemon, stopDaemon, tempdir } from './lib.mjs';

const shots = join(builddir, 'explorer');
const dir = tempdir('explorer');
let daemon;
let browser;

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

before(async () => {
  mkdirSync(shots, { recursive: true });
  daemon = await startDaemon(seedDatabase(dir));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

after(async () => {
  await browser?.close();
  await stopDaemon(daemon);
  rmSync(dir, { recursive: true, force: true });
  console.log(`explorer screenshots: ${shots}`);
});

const WIDTHS = { desktop: { width: 1440, height: 900 }, phone: { width: 375, height: 812 } };

async function open(size, hash = '') {
  const context = await browser.newContext({ viewport: WIDTHS[size], locale: 'th-TH' });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') failures.push(m.text()); });
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
  // Only the daemon may be asked for anything: no CDN, no other host.
  await page.route('**/*', (r) => (r.request().url().startsWith(daemon.url)
    ? r.continue() : (failures.push(`outside request ${r.request().url()}`), r.abort())));
  await page.goto(`${daemon.url}/${hash}`);
  page.failures = failures;
  return page;
}

async function noOverflow(page) {
  const [scroll, client] = await page.evaluate(() =>
    [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `the page is ${scroll} px wide in a ${client} px window`);
}

async function thaiFontUsed(page) {
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => [...document.fonts]
    .filter((f) => f.family.includes('Noto Sans Thai') && f.status === 'loaded').length);
  assert.ok(loaded >= 1, 'the embedded Thai font loaded');
}

const TIMELINE = [
  { date: '2010-11-02', title: 'การลงนามความร่วมมือ' },
  { date: '2011-12-22', title: 'ประชุมหารือผู้บริหารระดับสูง (High Level Meeting)' },
  { date: '2015-06-30', title: 'การประชุม Executive Conference “มิติใหม่…แห่งความร่วมมือ”' },
];

describe('the explorer in Chromium on the seed corpus', () => {
  for (const size of Object.keys(WIDTHS)) {
    test(`search, timeline and document at ${WIDTHS[size].width} px`, async () => {
      const page = await open(size);
      await page.screenshot({ path: join(shots, `home-${size}.png`) });

      // Suggestions while typing, then the search itself with highlighted snippets.
      await page.fill('#q', 'สสส');
      const option = page.locator('#suggestions [role=option]').first();
      await option.waitFor();
      assert.match(await option.innerText(), /สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ/);
      await page.screenshot({ path: join(shots, `suggest-${size}.png`) });
      await page.press('#q', 'Enter');
      await page.locator('.hit').first().waitFor();
      assert.ok(await page.locator('.hit mark').count() > 0, 'snippets highlight the query');
      assert.equal(await page.locator('.hit mark').first().innerText(), 'สสส.');
      await thaiFontUsed(page);
      await noOverflow(page);
      await page.screenshot({ path: join(shots, `search-${size}.png`), fullPage: true });

      // A facet narrows the results to organisations.
      await page.click('.chip:has-text("องค์กร")');
      await page.waitForFunction(() => location.hash.includes('type=organisation'));
      await page.locator('.hit').first().waitFor();
      assert.deepEqual([...new Set(await page.locator('.hit .tag').allInnerTexts())], ['องค์กร']);

      // The organisation: aliases, office holders, collaborators, graph.
      await page.click('.hit a.title:has-text("สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ")');
      await page.locator('h1:has-text("สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ")').waitFor();
      assert.match(await page.locator('main').innerText(), /สสส\./);
      assert.ok(await page.locator('.graph .node').count() > 1, 'a graph around the organisation');
      assert.ok(await page.locator('.holders li').count() >= 1, 'office holders');
      await noOverflow(page);
      await page.screenshot({ path: join(shots, `organisation-${size}.png`), fullPage: true });

      // The พม.-สสส. timeline: three events with their dates on screen, evidence on hover.
      await page.click('li:has-text("กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์") a.tag');
      await page.locator('.timeline .mark').first().waitFor();
      assert.equal(await page.locator('.timeline .mark').count(), 3);
      const rows = await page.locator('.events-list > li').evaluateAll((lis) => lis.map((li) => ({
        date: li.querySelector('time').textContent, title: li.querySelector('a').textContent })));
      assert.deepEqual(rows, TIMELINE);
      for (const { date } of TIMELINE) {
        assert.ok(await page.locator(`.timeline svg text:text-is("${date}")`).isVisible(),
          `${date} is on the axis`);
      }
      await page.screenshot({ path: join(shots, `timeline-axis-${size}.png`) });
      await page.hover('.timeline .mark >> nth=2');
      await page.locator('#tooltip').waitFor({ state: 'visible' });
      assert.match(await page.locator('#tooltip').innerText(), /30 มิ\.ย\. 58/);
      await noOverflow(page);
      await page.screenshot({ path: join(shots, `timeline-${size}.png`), fullPage: true });

      // A document with its mentions highlighted.
      await page.click('.events-list > li >> nth=1 >> a:has-text("ข่าว")');
      await page.locator('.doc-text mark.mention').first().waitFor();
      const orgMentions = await page.locator('.doc-text mark.mention.organisation').allInnerTexts();
      assert.ok(orgMentions.includes('สสส.'), `organisation mentions ${orgMentions.slice(0, 5)}`);
      assert.ok(await page.locator('.doc-text mark.mention.date').count() > 0, 'dates marked');
      // Past the 20 the document page embeds: the rest come from its mentions sub-resource.
      assert.ok(await page.locator('.doc-text mark.mention').count() > 20, 'every page of mentions');
      await noOverflow(page);
      await page.screenshot({ path: join(shots, `document-${size}.png`), fullPage: true });
      assert.deepEqual(page.failures, []);
      await page.context().close();
    });
  }

  test('the keyboard alone reaches an organisation and the evidence of an event', async () => {
    const page = await open('desktop');
    // The home page puts the caret in the search box; Shift+Tab walks back to the skip link.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('สสส');
    await page.locator('#suggestions [role=option]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#q', 'aria-activedescendant'), 'suggestion-0');
    await page.keyboard.press('Enter');
    await page.locator('h1:has-text("สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ")').waitFor();

    await page.goto(`${daemon.url}/#/collaboration?a=${encodeURIComponent('พม.')}&b=${encodeURIComponent('สสส')}`);
    await page.locator('.timeline .mark').first().waitFor();
    await page.locator('.timeline .mark').first().focus();
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    assert.match(await page.locator('#tooltip').innerText(), /2010-11-02/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#tooltip').isVisible(), false);
    await page.screenshot({ path: join(shots, 'keyboard-focus-desktop.png') });
    assert.deepEqual(page.failures, []);
    await page.context().close();
  });

  test('an unknown organisation is a readable message, not a blank page', async () => {
    const page = await open('phone', '#/organisation/org_000000000000');
    await page.locator('.error').first().waitFor();
    assert.match(await page.locator('.error').first().innerText(), /org_000000000000/);
    await page.context().close();
  });
});
