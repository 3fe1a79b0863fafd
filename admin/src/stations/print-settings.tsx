import { Edit, maxLength, maxValue, minValue, NumberInput, required, SaveButton, SimpleForm, TextInput, Toolbar, usePermissions } from 'react-admin';
import { InputAdornment } from '@mui/material';
import { canEditPrinting } from '../auth/roles';
import { StoreScoped } from '../stores';
import type { Role } from '../types';

const wholeMinutes = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'kassa.print_settings.whole_minutes';

/** Per store: the text at the foot of every customer receipt, and when old jobs wait for staff. Staff read it. */
export const PrintSettingsPage = () => {
  const { permissions } = usePermissions<Role>();
  const editable = canEditPrinting(permissions);
  return (
    <StoreScoped>
      {(storeId) => (
        <Edit
          key={storeId}
          resource="print-settings"
          id={storeId}
          title="kassa.print_settings.title"
          mutationMode="pessimistic"
          redirect={false}
          actions={false}
        >
          <SimpleForm toolbar={editable ? <Toolbar><SaveButton /></Toolbar> : false} sx={{ maxWidth: 640 }}>
            <TextInput
              source="receiptFooter"
              label="kassa.print_settings.receipt_footer"
              helperText="kassa.print_settings.receipt_footer_help"
              multiline
              minRows={3}
              fullWidth
              validate={maxLength(500)}
              readOnly={!editable}
            />
            <NumberInput
              source="holdAfterMinutes"
              label="kassa.print_settings.hold_after"
              helperText="kassa.print_settings.hold_after_help"
              validate={[required(), wholeMinutes, minValue(1), maxValue(1440)]}
              step={5}
              slotProps={{ input: { endAdornment: <InputAdornment position="end">min</InputAdornment> } }}
              readOnly={!editable}
            />
          </SimpleForm>
        </Edit>
      )}
    </StoreScoped>
  );
};
