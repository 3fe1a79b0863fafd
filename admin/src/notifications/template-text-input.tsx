import { useCallback, useEffect, useRef, type Ref } from 'react';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';
import { TextField } from '@mui/material';
import type { TemplateTextField } from './use-template-preview';

/** What the form may do to a field from outside it: placeholder chips and "restore default". */
export interface TemplateFieldControl {
  /** Puts text where the cursor is (or over the selection) and leaves the cursor after it. */
  insert: (text: string) => void;
  /** Sets the whole value, as typing would (the form sees the change). */
  replace: (value: string) => void;
}

interface TemplateTextInputProps {
  source: TemplateTextField;
  label: string;
  validate?: Validator | Validator[];
  multiline?: boolean;
  helperText?: string;
  /** The preview's complaint about this field (an unknown placeholder); shown before any other. */
  previewError?: string;
  /** Called when the field takes focus, so placeholder chips know where to insert. */
  onActivate: (source: TemplateTextField) => void;
  /** Hands the form this field's controls (null when the field goes away). */
  registerField: (source: TemplateTextField, control: TemplateFieldControl | null) => void;
}

const assignRef = <T,>(ref: Ref<T> | undefined, value: T) => {
  if (typeof ref === 'function') ref(value);
  else if (ref && typeof ref === 'object') (ref as { current: T }).current = value;
};

/** A subject or body field of a template that placeholder chips can insert into. */
export const TemplateTextInput = ({
  source,
  label,
  validate,
  multiline = false,
  helperText,
  previewError,
  onActivate,
  registerField,
}: TemplateTextInputProps) => {
  const { field, fieldState, isRequired, id } = useInput({ source, validate });
  const element = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const value = typeof field.value === 'string' ? field.value : '';
  // The latest value and onChange for the controls, which the form keeps between renders.
  const current = useRef({ value, onChange: field.onChange });
  current.current = { value, onChange: field.onChange };

  const insert = useCallback((text: string) => {
    const input = element.current;
    const { value: before, onChange } = current.current;
    const start = input?.selectionStart ?? before.length;
    const end = input?.selectionEnd ?? start;
    onChange(`${before.slice(0, start)}${text}${before.slice(end)}`);
    const cursor = start + text.length;
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(cursor, cursor);
    });
  }, []);

  const replace = useCallback((next: string) => current.current.onChange(next), []);

  useEffect(() => {
    registerField(source, { insert, replace });
    return () => registerField(source, null);
  }, [registerField, source, insert, replace]);

  const error = previewError ?? fieldState.error?.message;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={(node: HTMLInputElement | HTMLTextAreaElement | null) => {
        element.current = node;
        assignRef(field.ref, node);
      }}
      label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
      value={value}
      onChange={(event) => field.onChange(event.target.value)}
      onFocus={() => onActivate(source)}
      onBlur={field.onBlur}
      error={error !== undefined}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      multiline={multiline}
      minRows={multiline ? 10 : undefined}
      fullWidth
      margin="dense"
      className={`ra-input ra-input-${source}`}
      slotProps={{ htmlInput: { spellCheck: true } }}
    />
  );
};
