// "What is this?": every page of the demo project explains its figures behind a disclosure that
// works with the keyboard and names its figure for screen readers; each explanation links to its
// term in the glossary, which lists all 25 terms; a Swedish browser gets the explanations in
// Swedish; and open explanations neither overflow nor break the layout on a desktop or a phone,
// light or dark.
// Run: GAPLENS_DIST=/path/to/dist node --test e2e/explain.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, attachRecorder, assertClean, byTestId, screenshot, SCREENSHOT_DIR } from './harness.mjs';

const DEMO = 'demo-hotel';
/** Every topic's slug (src/explain.rs, `Topic::slug`). */
const SLUGS = [
  'perception-gap', 'knowledge-gap', 'standards-gap', 'delivery-gap', 'communication-gap', 'experience-gap',
  'weighted-score', 'top-box', 'nps', 'csat', 'ces', 'confidence-interval', 'finding', 'indicative',
  'too-few-answers', 'effect-size', 'importance', 'importance-performance', 'priorities', 'trend', 'wave',
  'journey-map', 'reliability', 'rank-agreement', 'follow-up',
];
/** Each page of the demo project, the test id that says it has rendered, and explanations it must have. */
const PAGES = [
  {
    page: 'dashboard', ready: 'gap-diagram',
    topics: ['knowledge-gap', 'standards-gap', 'delivery-gap', 'communication-gap', 'perception-gap',
      'experience-gap', 'nps', 'csat', 'ces', 'priorities', 'trend', 'indicative', 'too-few-answers'],
  },
  {
    page: 'analysis', ready: 'analysis-table',
    topics: ['perception-gap', 'confidence-interval', 'weighted-score', 'experience-gap', 'top-box', 'nps',
      'knowledge-gap', 'rank-agreement', 'standards-gap', 'delivery-gap', 'communication-gap', 'priorities',
      'finding', 'indicative', 'too-few-answers', 'reliability', 'importance', 'importance-performance', 'trend',
      'journey-map'],
  },
  { page: 'journey', ready: 'journey-heat-section', topics: ['journey-map'] },
  { page: 'actions', ready: 'explain-follow-up', topics: ['priorities', 'follow-up'] },
  { page: 'data', ready: 'measurement-section', topics: ['delivery-gap'] },
];

async function visit(page, name, ready) {
  await page.goto(new URL(`/#/p/${DEMO}/${name}`, page.url()).href);
  await byTestId(page, ready).first().waitFor();
}

/** Every disclosure on the page: its topic, whether its summary names the figure, and its state. */
async function disclosures(page) {
  return page.locator('details.explain').evaluateAll((all) => all.map((d) => ({
    slug: d.dataset.testid.replace(/^explain-/, ''),
    summary: d.querySelector('summary')?.textContent ?? '',
    title: d.querySelector('.explain-title')?.textContent ?? '',
    open: d.open,
  })));
}

test('every page of the demo explains its figures, and each summary names its figure', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  for (const { page: name, ready, topics } of PAGES) {
    await visit(page, name, ready);
    const found = await disclosures(page);
    assert.ok(found.length > 0, `${name}: has explanations`);
    for (const slug of topics) {
      assert.ok(found.some((d) => d.slug === slug), `${name}: explains ${slug} (found ${found.map((d) => d.slug).join(', ')})`);
    }
    for (const d of found) {
      assert.ok(SLUGS.includes(d.slug), `${name}: ${d.slug} is a known topic`);
      assert.ok(d.title.length > 0 && d.summary.includes('What is this?') && d.summary.includes(d.title),
        `${name}: the summary of ${d.slug} says "What is this?" and names "${d.title}": "${d.summary}"`);
      assert.equal(d.open, false, `${name}: ${d.slug} starts closed`);
    }
  }
  // Each gap of the Dashboard's list has its own explanation.
  await visit(page, 'dashboard', 'gap-diagram');
  for (const [gap, slug] of [['knowledge', 'knowledge-gap'], ['standards', 'standards-gap'], ['delivery', 'delivery-gap'],
    ['communication', 'communication-gap'], ['perception', 'perception-gap']]) {
    assert.equal(await byTestId(page, `gap-item-${gap}`).getByTestId(`explain-${slug}`).count(), 1, `the ${gap} gap is explained`);
  }
  await assertClean(recorder, page);
});

test('an explanation opens and closes with the keyboard, and its link opens the term in the glossary', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'gap-diagram').waitFor();
  const item = byTestId(page, 'gap-item-knowledge');
  const details = item.getByTestId('explain-knowledge-gap');
  const summary = details.locator('summary');
  const body = details.locator('.explain-body');

  // Tab from the gap's own link reaches the disclosure next.
  await item.getByRole('link').first().focus();
  await page.keyboard.press('Tab');
  assert.equal(await summary.evaluate((s) => s === document.activeElement), true, 'Tab reaches "What is this?"');
  assert.match(await summary.textContent(), /What is this\?\s*Knowledge gap \(gap 1\)/, 'the summary names the figure');
  assert.match(await summary.ariaSnapshot(), /Knowledge gap \(gap 1\)/, 'screen readers hear the figure');
  assert.equal(await body.isVisible(), false, 'closed at first');

  await page.keyboard.press('Enter');
  await body.waitFor({ state: 'visible' });
  assert.equal(await details.evaluate((d) => d.open), true, 'Enter opens it');
  const text = await body.innerText();
  for (const part of ['What it measures', 'How to read it', 'Example', "management's estimate of customers' expectation (M)"]) {
    assert.ok(text.includes(part), `the explanation shows "${part}"`);
  }

  await page.keyboard.press('Enter');
  await body.waitFor({ state: 'hidden' });
  assert.equal(await details.evaluate((d) => d.open), false, 'Enter again closes it');

  // Space works as well, and the link leads to the term in the glossary.
  await page.keyboard.press('Space');
  await body.waitFor({ state: 'visible' });
  await body.getByRole('link', { name: 'All terms in the glossary' }).click();
  await page.waitForFunction(() => location.hash === '#/glossary/knowledge-gap');
  const term = byTestId(page, 'term-knowledge-gap');
  await term.waitFor();
  assert.equal((await term.getByRole('heading', { level: 2 }).innerText()).trim(), 'Knowledge gap (gap 1)');
  await page.waitForFunction(() => document.activeElement?.id === 'term-knowledge-gap');
  await assertClean(recorder, page);
});

test('the glossary lists all 25 terms, each with what it measures, how to read it and an example', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  await byTestId(page, 'gap-diagram').waitFor();
  await byTestId(page, 'nav-glossary').click();
  await byTestId(page, 'glossary').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '#/glossary');
  const terms = await byTestId(page, 'glossary').locator('article.glossary-term').evaluateAll((all) => all.map((a) => ({
    id: a.dataset.testid,
    title: a.querySelector('h2')?.textContent ?? '',
    parts: [...a.querySelectorAll('dd')].map((dd) => dd.textContent.trim()),
  })));
  assert.deepEqual(terms.map((term) => term.id).sort(), SLUGS.map((slug) => `term-${slug}`).sort(), 'every topic once');
  for (const term of terms) {
    assert.ok(term.title.length > 0 && term.parts.length === 3 && term.parts.every((p) => p.length > 0), `${term.id} is complete`);
  }
  const titles = terms.map((term) => term.title.toLowerCase());
  assert.deepEqual(titles, [...titles].sort(), 'in alphabetical order');
  assert.equal(await page.locator('.glossary-index a').count(), 25, 'the index links to every term');
  await page.locator('.glossary-index a', { hasText: 'Confidence interval (95 %)' }).click();
  await page.waitForFunction(() => location.hash === '#/glossary/confidence-interval');
  assert.match(await byTestId(page, 'term-confidence-interval').innerText(), /lies between −0\.9 and −0\.4 with 95 % confidence/);
  await assertClean(recorder, page);
});

test('a Swedish browser gets the explanations and the glossary in Swedish', async (t) => {
  const app = await openApp();
  t.after(app.close);
  const context = await app.browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 } });
  const recorder = await attachRecorder(context, app.origin);
  const page = await context.newPage();
  await page.goto(app.url);
  await byTestId(page, 'project-row').first().waitFor();
  await page.goto(new URL(`/#/p/${DEMO}/dashboard`, page.url()).href);
  await byTestId(page, 'gap-diagram').waitFor();

  const details = byTestId(page, 'gap-item-perception').getByTestId('explain-perception-gap');
  const summary = details.locator('summary');
  assert.match(await summary.textContent(), /Vad är det här\?\s*Upplevelsegap \(gap 5\)/);
  await summary.click();
  const text = await details.locator('.explain-body').innerText();
  assert.match(text, /Vad det mäter/);
  assert.match(text, /Hur långt det kunderna upplevde \(P\) ligger under det de förväntade sig \(E\)/);
  assert.match(text, /mellan −0,9 och −0,4/, 'decimal commas in the text');
  assert.doesNotMatch(text, /What it measures|customers/, 'no English left');

  await details.getByRole('link', { name: 'Alla begrepp i ordlistan' }).click();
  await byTestId(page, 'term-perception-gap').waitFor();
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), 'Ordlista');
  assert.equal((await byTestId(page, 'term-perception-gap').getByRole('heading', { level: 2 }).innerText()).trim(), 'Upplevelsegap (gap 5)');
  await assertClean(recorder, page);
});

test('open explanations fit a desktop and a phone, light and dark; one opened and cropped', async (t) => {
  const app = await openApp({ path: `/#/p/${DEMO}/dashboard` });
  t.after(app.close);
  const { page, recorder } = app;
  for (const { page: name, ready } of PAGES.slice(0, 2)) {
    await visit(page, name, ready);
    for (const [size, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      await page.setViewportSize(viewport);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        await page.locator('details.explain').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name} ${size} ${colorScheme}: the page scrolls sideways by ${overflow}px`);
        const outside = await page.locator('details.explain[open] .explain-body').evaluateAll((bodies, width) =>
          bodies.filter((b) => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > width; }).length, viewport.width);
        assert.equal(outside, 0, `${name} ${size} ${colorScheme}: every explanation stays on screen`);
        await screenshot(page, `explain-${name}-${size}-${colorScheme}`);
        await page.locator('details.explain').evaluateAll((all) => all.forEach((d) => { d.open = false; }));
      }
    }
  }

  // The perception gap explained on the Dashboard, desktop, light, cropped to its card (the
  // README's copy comes from scripts/screenshots.mjs).
  await visit(page, 'dashboard', 'gap-diagram');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  const item = byTestId(page, 'gap-item-perception');
  await item.getByTestId('explain-perception-gap').locator('summary').click();
  await item.getByTestId('explain-perception-gap').locator('.explain-body').waitFor();
  await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await item.boundingBox();
  const margin = 16;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, 'explain-desktop-light.png'),
    clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
  });
  await assertClean(recorder, page);
});
