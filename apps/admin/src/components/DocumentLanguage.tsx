import { useEffect, useLayoutEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/** Keeps `<html lang>` and the tab title in step with the interface language (CJK text then gets CJK fonts). */
export const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  // Before paint, so the first Chinese frame already picks Chinese fonts.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return null;
};
