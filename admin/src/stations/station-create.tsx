import { useState } from 'react';
import { Create, maxLength, required, SimpleForm, TextInput, useRedirect, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import { StoreScoped } from '../stores';
import type { Station, StationToken } from '../types';
import { StationTokenDialog } from './station-token-dialog';

export const stationNameRules = [required(), maxLength(100)];

/** Registers a station at the current store; the API answers its device token this once. */
export const StationCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [created, setCreated] = useState<(Station & StationToken) | null>(null);
  return (
    <StoreScoped>
      {(storeId) => (
        <>
          <Create<Station & StationToken>
            resource="stations"
            transform={(data: Partial<Station>) => ({ storeId, name: data.name?.trim() })}
            mutationOptions={{ onSuccess: (station) => setCreated(station) }}
            redirect={false}
          >
            <SimpleForm sx={{ maxWidth: 640 }}>
              <Typography variant="body2" color="text.secondary">
                {translate('kassa.stations.create_help')}
              </Typography>
              <TextInput source="name" validate={stationNameRules} helperText="kassa.stations.name_help" fullWidth />
            </SimpleForm>
          </Create>
          {created && (
            <StationTokenDialog
              stationName={created.name}
              token={created.token}
              onClose={() => redirect('edit', 'stations', created.id)}
            />
          )}
        </>
      )}
    </StoreScoped>
  );
};
