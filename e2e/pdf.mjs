// Reading printed PDFs in the e2e tests with poppler (pdftotext, pdfinfo, pdftoppm), which
// scripts/setup.sh installs: the text, the page count and size, and the pages as images to look at.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './harness.mjs';

/** The PDF's text, in reading order. */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The number of pages. */
export function pdfPages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The first page's size in points ({ width, height }). */
export function pdfSize(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
  return { width: Number(w), height: Number(h) };
}

/** Renders every page of `file` to e2e/screenshots/<stem>-N.png at `dpi`; returns the files. */
export async function pagesAsImages(file, stem, dpi = 60) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const old of await readdir(SCREENSHOT_DIR)) if (old.startsWith(`${stem}-`)) await rm(join(SCREENSHOT_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(SCREENSHOT_DIR, stem)]);
  return (await readdir(SCREENSHOT_DIR)).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'));
}
