import { useLocale, useRecordContext } from 'react-admin';

interface Named {
  nameSv: string;
  nameEn: string;
}

/** The catalogue keeps names in Swedish and English; the console shows the one in its language. */
export const localizedName = (record: Named | undefined, locale: string): string => {
  if (record === undefined) return '';
  const preferred = locale === 'sv' ? record.nameSv : record.nameEn;
  return preferred || record.nameSv || record.nameEn;
};

export const useLocalizedName = (): ((record: Named | undefined) => string) => {
  const locale = useLocale();
  return (record) => localizedName(record, locale);
};

/** For recordRepresentation and reference fields. */
export const LocalizedName = () => {
  const record = useRecordContext<Named & { id: string }>();
  const name = useLocalizedName();
  return <>{name(record)}</>;
};
