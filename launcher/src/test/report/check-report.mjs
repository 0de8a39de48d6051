// Loads a DRAGON run's report.html in headless Chromium and checks what a reader needs: no console errors or
// failed requests, the reward and loss curves drawn as SVG, every audio player able to load its file.
// Usage: node check-report.mjs RUN_DIR REPORT_XML   (check-report.sh installs puppeteer-core and calls this)
import puppeteer from 'puppeteer-core';
import { writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [runDir, xmlPath] = process.argv.slice(2);
const report = resolve(runDir, 'report.html');
const cases = [];
const record = (name, failure) => {
  cases.push({ name, failure });
  console.log(failure ? `FAIL ${name}: ${failure}` : `PASS ${name}`);
};

if (!existsSync(report)) {
  record('report-exists', `${report}: no such file`);
} else {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--allow-file-access-from-files', '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

    const external = await page.evaluate(() => [...document.querySelectorAll('[src],[href]')]
      .map((e) => e.getAttribute('src') || e.getAttribute('href'))
      .filter((u) => /^(https?:)?\/\//.test(u)));
    record('no-external-resources', external.length ? `links out: ${external.join(', ')}` : null);

    for (const id of ['reward-curve', 'loss-curve']) {
      const drawn = await page.evaluate((id) => {
        const svg = document.getElementById(id);
        if (!svg || svg.tagName.toLowerCase() !== 'svg') return 'missing';
        const lines = svg.querySelectorAll('polyline.curve');
        const points = [...lines].reduce((n, l) => n + l.points.numberOfItems, 0);
        const box = svg.getBoundingClientRect();
        if (box.width < 100 || box.height < 100) return `rendered ${box.width}x${box.height}`;
        return points >= 2 ? null : `${lines.length} curve(s) with ${points} point(s)`;
      }, id);
      record(`svg-${id}`, drawn);
    }

    // every audio element must load its file (metadata with a positive duration), none may error
    const audio = await page.evaluate(async () => {
      const players = [...document.querySelectorAll('audio')];
      const results = await Promise.all(players.map((a) => new Promise((done) => {
        const finish = (why) => done({ src: a.getAttribute('src'), why });
        if (a.readyState >= 1) return finish(a.duration > 0 ? null : `duration ${a.duration}`);
        a.addEventListener('loadedmetadata', () => finish(a.duration > 0 ? null : `duration ${a.duration}`), { once: true });
        a.addEventListener('error', () => finish(`error code ${a.error && a.error.code}`), { once: true });
        setTimeout(() => finish(`not loaded after 10 s (readyState ${a.readyState})`), 10000);
        a.load();
      })));
      return results;
    });
    if (audio.length === 0) record('audio-players-present', 'no audio elements');
    else record('audio-players-present', null);
    const broken = audio.filter((a) => a.why);
    record(`audio-players-load (${audio.length})`, broken.length ? broken.map((a) => `${a.src}: ${a.why}`).join('; ') : null);

    const table = await page.evaluate(() => document.querySelectorAll('#metrics-table tr').length);
    record('metrics-table', table >= 2 ? null : `${table} row(s)`);

    await new Promise((r) => setTimeout(r, 200));
    record('no-console-errors', problems.length ? problems.join('; ') : null);
  } finally {
    await browser.close();
  }
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const failed = cases.filter((c) => c.failure).length;
writeFileSync(xmlPath, `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="report" tests="${cases.length}" failures="${failed}">`
  + cases.map((c) => `<testcase classname="report" name="${esc(c.name)}">${c.failure ? `<failure message="${esc(c.failure)}"/>` : ''}</testcase>`).join('')
  + '</testsuite>\n');
console.log(`${cases.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
