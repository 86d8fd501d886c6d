import { intlLocale } from './i18n.ts';

/** Dates, numbers and language names through Intl, in the UI language (vi-VN or en). */

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatScore(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** "vi" → "Tiếng Việt" / "Vietnamese"; an unknown code is shown as is. */
export function formatLanguageName(code: string | null, language: string): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([intlLocale(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
