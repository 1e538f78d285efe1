import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-CN', name: '简体中文' },
];

const messages: Record<string, TranslationMessages> = { en, 'zh-CN': zhCN };

/** The browser's language when it is Chinese, otherwise English. */
export const browserLocale = (): string =>
  typeof navigator !== 'undefined' && /^zh\b/i.test(navigator.language ?? '') ? 'zh-CN' : 'en';

const hasKey = (tree: unknown, key: string): boolean =>
  typeof key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree) ===
  'string';

/**
 * Polyglot with one addition: an `errors.<code>` key the translations do not know yet
 * (a code added on the server first) reads as a generic message naming the code, never
 * as the raw key.
 */
const build = (): I18nProvider => {
  const base = polyglotI18nProvider((locale) => messages[locale] ?? en, browserLocale(), LOCALES, {
    allowMissing: true,
  });
  return {
    ...base,
    translate: (key: string, options?: Record<string, unknown>) => {
      if (key.startsWith('errors.') && !hasKey(messages[base.getLocale()] ?? en, key)) {
        return base.translate('errors.unknown', { code: key.slice('errors.'.length) });
      }
      return base.translate(key, options);
    },
  };
};

export const i18nProvider = build();
