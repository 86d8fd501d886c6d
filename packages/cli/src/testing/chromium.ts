import { CHROMIUM_LAUNCH_ARGS } from '@claimwatch/shared/config';
import { type Browser, chromium } from 'playwright-core';

/** The OS Chromium with the flags that work on these machines (no sandbox as root, no background network). */
export async function launchChromium(executablePath = '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_LAUNCH_ARGS],
  });
}
