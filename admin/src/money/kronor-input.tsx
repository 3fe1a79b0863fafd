import { useEffect, useState } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocale, type InputProps, type Validator } from 'react-admin';
import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';
import { formatKronorForInput, parseKronor } from './kronor';

/** Rejects what parseKronor could not read; empty is left to required(). */
const validKronor: Validator = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? 'kassa.money.invalid' : undefined;

const noNegative: Validator = (value: unknown) =>
  typeof value === 'number' && value < 0 ? 'kassa.money.negative' : undefined;

interface KronorInputProps extends Omit<InputProps, 'format' | 'parse'> {
  /** Price changes (modifier options) may lower the price. */
  allowNegative?: boolean;
  fullWidth?: boolean;
  className?: string;
  sx?: SxProps<Theme>;
}

/**
 * Edits an öre amount as kronor text. The text is kept as typed while the form holds öre (NaN
 * while it cannot be read), so "29," does not jump to "29,00" under the cursor.
 */
export const KronorInput = ({ allowNegative = false, fullWidth, className, sx, validate, ...props }: KronorInputProps) => {
  const locale = useLocale();
  const extraRules = [validKronor, ...(allowNegative ? [] : [noNegative])];
  const rules = validate === undefined ? extraRules : [...(Array.isArray(validate) ? validate : [validate]), ...extraRules];
  const { field, fieldState, isRequired, id } = useInput({ ...props, validate: rules });
  const value = field.value as number | null | undefined;
  const [text, setText] = useState(() => (typeof value === 'number' && Number.isInteger(value) ? formatKronorForInput(value, locale) : ''));

  // Follows values set from outside (a loaded record, a form reset), not our own keystrokes:
  // the text is read here but deliberately not a dependency.
  useEffect(() => {
    const current = parseKronor(text);
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (current !== value) setText(formatKronorForInput(value, locale));
    } else if ((value === null || value === undefined) && current !== null) {
      setText('');
    }
  }, [value]);


  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      label={<FieldTitle label={props.label} source={props.source} resource={props.resource} isRequired={isRequired} />}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        field.onChange(parseKronor(event.target.value));
      }}
      onBlur={() => {
        const parsed = parseKronor(text);
        if (typeof parsed === 'number' && Number.isInteger(parsed)) setText(formatKronorForInput(parsed, locale));
        field.onBlur();
      }}
      error={fieldState.invalid}
      helperText={<InputHelperText error={fieldState.error?.message} helperText={props.helperText} />}
      fullWidth={fullWidth}
      size="small"
      margin="dense"
      className={`ra-input ra-input-${props.source} ${className ?? ''}`}
      sx={sx}
      slotProps={{
        input: { endAdornment: <InputAdornment position="end">kr</InputAdornment> },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
      }}
    />
  );
};
