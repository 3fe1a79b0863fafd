import { SearchInput, useTranslate, type SearchInputProps } from 'react-admin';

/** The product lists' search box, which also finds SKUs and barcodes, and says so. */
export const ProductSearchInput = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('kassa.products.search')} />;
};
