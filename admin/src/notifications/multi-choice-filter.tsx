import { useListContext, useTranslate } from 'react-admin';
import { Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';
import { chosenOf } from './notification-choices';

/**
 * A list filter of several values (kind, channel, status). Like the order list's status filter it
 * sets the list's filter directly, so clearing it never brings an old value back.
 */
export const MultiChoiceFilter = <T extends string>({
  source,
  choices,
  label,
  choiceLabel,
  width = 220,
}: {
  source: string;
  choices: readonly T[];
  label: string;
  /** The translation key of one choice. */
  choiceLabel: (choice: T) => string;
  width?: number;
}) => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const chosen = chosenOf(choices, filterValues[source]);
  const name = (choice: T) => translate(choiceLabel(choice), { _: choice });
  return (
    <TextField
      select
      size="small"
      label={translate(label)}
      value={chosen}
      onChange={(event) => {
        const next = chosenOf(choices, event.target.value);
        const { [source]: _dropped, ...rest } = filterValues;
        setFilters(next.length === 0 ? rest : { ...rest, [source]: next }, displayedFilters);
      }}
      slotProps={{
        select: { multiple: true, renderValue: (value) => chosenOf(choices, value).map(name).join(', ') },
        inputLabel: { shrink: chosen.length > 0 ? true : undefined },
      }}
      sx={{ width }}
    >
      {choices.map((choice) => (
        <MenuItem key={choice} value={choice} dense>
          <Checkbox size="small" checked={chosen.includes(choice)} sx={{ p: 0.5, mr: 1 }} />
          <ListItemText primary={name(choice)} />
        </MenuItem>
      ))}
    </TextField>
  );
};
