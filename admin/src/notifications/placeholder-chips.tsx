import { useTranslate } from 'react-admin';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { NotificationTemplate } from '../types';

const placeholderText = (name: string) => `{{${name}}}`;

/** The order lines: a section repeated per line, with a readable first line inside. */
const ITEMS = 'items';
const itemsBlock = (fields: string[]) => {
  const line = fields.includes('quantity') && fields.includes('name') ? '{{quantity}} × {{name}}' : fields.map(placeholderText).join(' ');
  return `{{#${ITEMS}}}\n${line}\n{{/${ITEMS}}}`;
};

const ChipRow = ({
  caption,
  chips,
  used,
  onInsert,
}: {
  caption: string;
  /** `mark`: what shows the text already uses it (the label by default). */
  chips: { label: string; text: string; mark?: string }[];
  used: string;
  onInsert?: (text: string) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {caption}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 0.5 }}>
        {chips.map(({ label, text, mark }) => (
          <Chip
            key={label}
            size="small"
            label={label}
            variant={used.includes(mark ?? label) ? 'filled' : 'outlined'}
            onClick={onInsert ? () => onInsert(text) : undefined}
            title={onInsert ? translate('kassa.templates.insert', { placeholder: label }) : undefined}
            sx={{ fontFamily: 'monospace' }}
          />
        ))}
      </Box>
    </Box>
  );
};

/**
 * The placeholders the text may use; a click inserts one where the cursor was. `items` inserts the
 * whole section repeated per order line, and the fields of a line have their own row.
 */
export const PlaceholderChips = ({
  template,
  used,
  onInsert,
}: {
  template: Pick<NotificationTemplate, 'placeholders' | 'itemPlaceholders'>;
  used: string;
  onInsert?: (text: string) => void;
}) => {
  const translate = useTranslate();
  const itemFields = template.itemPlaceholders ?? [];
  if (template.placeholders.length === 0) return null;
  const chips = template.placeholders.map((name) =>
    name === ITEMS && itemFields.length > 0
      ? { label: `{{#${ITEMS}}}…{{/${ITEMS}}}`, text: itemsBlock(itemFields), mark: `{{#${ITEMS}}}` }
      : { label: placeholderText(name), text: placeholderText(name) },
  );
  return (
    <Stack spacing={1} role="group" aria-label={translate('kassa.templates.placeholders')}>
      <ChipRow caption={translate(onInsert ? 'kassa.templates.placeholders_help' : 'kassa.templates.placeholders')} chips={chips} used={used} onInsert={onInsert} />
      {itemFields.length > 0 && template.placeholders.includes(ITEMS) && (
        <ChipRow
          caption={translate('kassa.templates.item_placeholders', { section: `{{#${ITEMS}}}…{{/${ITEMS}}}` })}
          chips={itemFields.map((name) => ({ label: placeholderText(name), text: placeholderText(name) }))}
          used={used}
          onInsert={onInsert}
        />
      )}
    </Stack>
  );
};
