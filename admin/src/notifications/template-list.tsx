import {
  List,
  SelectInput,
  useCreatePath,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Box, Card, LinearProgress, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { canEditNotifications } from '../auth/roles';
import { API_ORDER } from '../data/data-provider';
import type { NotificationKind, NotificationTemplate, Role } from '../types';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, TEMPLATE_LOCALES } from './notification-choices';
import { CustomisedChip } from './template-edit';

const useTemplateFilters = () => {
  const translate = useTranslate();
  const choices = (values: readonly string[], key: string) => values.map((id) => ({ id, name: translate(`${key}.${id}`, { _: id }) }));
  return [
    <SelectInput key="kind" source="kind" choices={choices(NOTIFICATION_KINDS, 'kassa.notifications.kinds')} translateChoice={false} alwaysOn />,
    <SelectInput key="channel" source="channel" choices={choices(NOTIFICATION_CHANNELS, 'kassa.notifications.channels')} translateChoice={false} alwaysOn />,
    <SelectInput key="locale" source="locale" choices={choices(TEMPLATE_LOCALES, 'kassa.locales')} translateChoice={false} alwaysOn />,
  ];
};

/** The kinds in the order customers meet them, any kind the console does not know yet last. */
const byKind = (templates: NotificationTemplate[]): [NotificationKind, NotificationTemplate[]][] => {
  const kinds = [...NOTIFICATION_KINDS, ...templates.map((template) => template.kind).filter((kind) => !NOTIFICATION_KINDS.includes(kind))];
  const channelRank = (template: NotificationTemplate) => NOTIFICATION_CHANNELS.indexOf(template.channel);
  const localeRank = (template: NotificationTemplate) => TEMPLATE_LOCALES.indexOf(template.locale as (typeof TEMPLATE_LOCALES)[number]);
  return [...new Set(kinds)]
    .map((kind): [NotificationKind, NotificationTemplate[]] => [
      kind,
      templates
        .filter((template) => template.kind === kind)
        .sort((a, b) => channelRank(a) - channelRank(b) || localeRank(a) - localeRank(b)),
    ])
    .filter(([, group]) => group.length > 0);
};

/** The first line of an SMS, for the list; e-mails show their subject. */
const summaryOf = (template: NotificationTemplate) => template.subject ?? template.body.split('\n')[0] ?? '';

const TemplateGroups = () => {
  const { data, isPending } = useListContext<NotificationTemplate>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  const groups = byKind(data ?? []);
  if (groups.length === 0) {
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('ra.navigation.no_results')}
      </Typography>
    );
  }
  const type = canEditNotifications(permissions) ? 'edit' : 'show';
  return (
    <Box sx={{ display: 'grid', gap: 2, p: 2 }}>
      {groups.map(([kind, templates]) => {
        const kindName = translate(`kassa.notifications.kinds.${kind}`, { _: kind });
        return (
          <Card key={kind} variant="outlined" component="section" aria-label={kindName}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, px: 2, pt: 1.5 }}>
              {kindName}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
              {translate(`kassa.templates.kind_help.${kind}`, { _: '' })}
            </Typography>
            <Table size="small" aria-label={kindName}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 120 }}>{translate('resources.notification-templates.fields.channel')}</TableCell>
                  <TableCell sx={{ width: 120 }}>{translate('resources.notification-templates.fields.locale')}</TableCell>
                  <TableCell>{translate('kassa.templates.summary')}</TableCell>
                  <TableCell sx={{ width: 160 }}>{translate('resources.notification-templates.fields.customised')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {templates.map((template) => {
                  const path = createPath({ resource: 'notification-templates', id: template.id, type });
                  return (
                    <TableRow key={template.id} hover onClick={() => navigate(path)} sx={{ cursor: 'pointer' }} data-template={template.id}>
                      <TableCell>
                        <Link component={RouterLink} to={path} onClick={(event) => event.stopPropagation()} underline="hover">
                          {translate(`kassa.notifications.channels.${template.channel}`, { _: template.channel })}
                        </Link>
                      </TableCell>
                      <TableCell>{translate(`kassa.locales.${template.locale}`, { _: template.locale })}</TableCell>
                      <TableCell sx={{ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{summaryOf(template)}</TableCell>
                      <TableCell>
                        <CustomisedChip customised={template.customised} />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Card>
        );
      })}
    </Box>
  );
};

/** Every message text, grouped by what it is about, with its channel and language. */
export const TemplateList = () => {
  const filters = useTemplateFilters();
  return (
    <List resource="notification-templates" filters={filters} sort={API_ORDER} perPage={500} pagination={false} actions={false} empty={false}>
      <TemplateGroups />
    </List>
  );
};
