import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './catalog.en.ts';
import { type Catalog, vi } from './catalog.vi.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

/** A language the person picked in this browser wins over their account's default. */
const STORAGE_KEY = 'claimwatch.language';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

export function storedLanguage(): Language | undefined {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : undefined;
}

export async function setLanguage(language: Language, options: { remember: boolean }): Promise<void> {
  if (options.remember) window.localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: storedLanguage() ?? 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...languages],
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** The active UI language, as the Intl locale dates and numbers are formatted in. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en' : 'vi-VN';
}
