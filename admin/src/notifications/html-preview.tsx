import { Box, Typography } from '@mui/material';

/**
 * An e-mail's HTML in a sandboxed frame: no scripts, no forms, no same-origin access, so a
 * template can never reach the console's session.
 */
export const HtmlPreview = ({ html, title }: { html: string; title: string }) => (
  <Box role="group" aria-label={title}>
    <Typography variant="caption" color="text.secondary" component="div">
      {title}
    </Typography>
    <Box
      component="iframe"
      title={title}
      sandbox=""
      srcDoc={html}
      className="notification-html"
      sx={{ display: 'block', width: '100%', height: 420, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
    />
  </Box>
);
