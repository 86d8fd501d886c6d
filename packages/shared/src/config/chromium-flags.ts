/**
 * Launch flags for the OS Chromium that work on these machines: headless, no sandbox (it runs as root),
 * and no background connections (the closed network refuses them, many at a time). One list for the
 * crawler's renderer, the digest's PDF printer and the browser tests.
 */
export const CHROMIUM_LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
