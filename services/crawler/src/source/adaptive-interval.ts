/**
 * Adaptive polling: a source whose listing shows new items is polled twice as often, one that shows
 * nothing new half again as rarely, between a floor (the configured minimum, or the source's own
 * setting if that is faster) and a ceiling.
 */
export function nextPollInterval(options: {
  currentSeconds: number;
  baseSeconds: number;
  newItems: number;
  minSeconds: number;
  maxSeconds: number;
}): number {
  const floor = Math.min(options.minSeconds, options.baseSeconds);
  const next = options.newItems > 0 ? options.currentSeconds / 2 : options.currentSeconds * 1.5;
  return Math.round(Math.min(options.maxSeconds, Math.max(floor, next)));
}

/** After failures: the interval doubles per consecutive failure, up to the ceiling. */
export function failureBackoffSeconds(intervalSeconds: number, failures: number, maxSeconds: number): number {
  return Math.round(Math.min(maxSeconds, intervalSeconds * 2 ** Math.min(failures, 10)));
}
