import { CHROMIUM_LAUNCH_ARGS } from '@claimwatch/shared/config';
import { type Browser, chromium } from 'playwright-core';

export type PdfSettings = { chromiumPath: string };

/** The OS Chromium with the flags that work on these machines (no sandbox as root, no background network). */
export function launchOsChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_LAUNCH_ARGS],
  });
}

/** Prints a self-contained HTML page with the OS Chromium (no network: the page has no external resources). */
export async function renderPdf(html: string, settings: PdfSettings): Promise<Buffer> {
  const browser = await launchOsChromium(settings.chromiumPath);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  } finally {
    await browser.close();
  }
}
