import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import { KassaMenu } from './kassa-menu';
import { useDocumentLanguage } from './use-document-language';

const KassaAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar>
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 2 }}>
        {translate('kassa.title')}
      </Typography>
      <Box component="span" sx={{ opacity: 0.6, mr: 2 }}>
        |
      </Box>
      <TitlePortal />
    </AppBar>
  );
};

export const KassaLayout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return <Layout appBar={KassaAppBar} menu={KassaMenu}>{children}</Layout>;
};
