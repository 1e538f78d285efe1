import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/** Keeps `<html lang>` and the tab title in step with the interface language (CJK text then gets CJK fonts). */
export const DocumentLanguage = () => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    document.title = translate('app.title');
  }, [translate]);
  return null;
};
