import { ArrayInput, SimpleFormIterator, TextInput, required, type Validator } from 'react-admin';
import { validateCloses, validateOpens } from './clock';

/** Opening windows `[{ start, end }]` with add and remove buttons; times are store-local `HH:MM`. */
export const WindowsInput = ({ source, label, validate }: { source: string; label: string; validate?: Validator }) => (
  <ArrayInput source={source} label={label} validate={validate}>
    <SimpleFormIterator inline disableReordering disableClear>
      <TextInput
        source="start"
        label="kassa.pickup.opens"
        placeholder="07:00"
        validate={[required(), validateOpens]}
        helperText={false}
        sx={{ width: 120 }}
      />
      <TextInput
        source="end"
        label="kassa.pickup.closes"
        placeholder="19:00"
        validate={[required(), validateCloses]}
        helperText={false}
        sx={{ width: 120 }}
      />
    </SimpleFormIterator>
  </ArrayInput>
);
