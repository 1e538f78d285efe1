import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

export const DATE_TIME_MINUTES: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
};

const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE_TIME_MINUTES, second: '2-digit' };

/** A timestamp in the interface language (not the browser's), to the second unless `options` say otherwise. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime options={DATE_TIME} locales={locale} {...props} />;
};
