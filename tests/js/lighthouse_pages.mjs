// Lighthouse (default mobile profile) on several pages with one Node process
// and one Chromium: the JSON report of each page, written to OUT_DIR/<n>.json
// in the order given, without the full-page screenshot.
//   CHROME_PATH=… node lighthouse_pages.mjs OUT_DIR CATEGORIES CHROME_FLAGS URL...
// CATEGORIES is a comma-separated list; CHROME_FLAGS a space-separated one.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [,, outDir, categories, chromeFlags, ...urls] = process.argv;
const chrome = await chromeLauncher.launch({chromeFlags: chromeFlags.split(' ').filter(Boolean)});
let failed = 0;
try {
  for (const [n, url] of urls.entries()) {
    const result = await lighthouse(url, {
      // No audit of these categories reads the full-page screenshot: leaving it out saves
      // about 1.5 s a page and keeps each report small.
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories.split(','),
      disableFullPageScreenshot: true,
    });
    if (!result || result.lhr.runtimeError) {
      console.error(`${url}: ${result ? result.lhr.runtimeError.message : 'no result'}`);
      failed += 1;
      continue;
    }
    fs.writeFileSync(path.join(outDir, `${n}.json`), result.report);
  }
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);
