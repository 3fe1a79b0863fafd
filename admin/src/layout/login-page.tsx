import { email, LocalesMenuButton, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';
import { Box, Typography } from '@mui/material';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { useDocumentLanguage } from './use-document-language';

const LoginHeading = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', px: 2 }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        {translate('kassa.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('kassa.login.subtitle')}
      </Typography>
    </Box>
  );
};

/** react-admin's login page, signing in with an e-mail address instead of a user name. */
export const LoginPage = () => {
  useDocumentLanguage();
  return (
    <Login avatarIcon={<StorefrontIcon />}>
      <LoginHeading />
      <LoginForm>
        <TextInput
          autoFocus
          source="email"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={[required(), email()]}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
      </LoginForm>
      <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Login>
  );
};
