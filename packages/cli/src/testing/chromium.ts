import { type Browser, chromium } from 'playwright-core';

/** The OS Chromium with the flags that work on these machines (no sandbox as root, no background network). */
export async function launchChromium(executablePath = '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
