import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n/i18n.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => void setLanguage(language, { remember: true })}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </fieldset>
  );
}
