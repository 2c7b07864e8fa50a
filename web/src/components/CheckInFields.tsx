// The parts of the check-in form that Today's check-in and onboarding's first one show alike: the day
// off and the work times, and the stress and energy ratings.
import type { CheckInField, CheckInForm } from '../checkin-form';
import { CheckboxField } from './CheckboxField';
import { RatingField } from './RatingField';
import { TextField } from './TextField';

interface Props {
  form: CheckInForm;
  fieldId: (field: CheckInField) => string;
  error: (field: CheckInField) => string | undefined;
  update: (patch: Partial<CheckInForm>) => void;
}

export function CheckInHours({ form, fieldId, error, update }: Props) {
  const time = (field: 'start' | 'end', label: string, placeholder: string) => (
    <TextField
      id={fieldId(field)}
      label={label}
      hint="HH:MM, 24-hour"
      placeholder={placeholder}
      inputMode="numeric"
      autocomplete="off"
      value={form[field]}
      disabled={form.off}
      onInput={(v) => update({ [field]: v })}
      error={error(field)}
    />
  );
  return (
    <>
      <CheckboxField id={fieldId('off')} label="Day off (no work today)" checked={form.off} onChange={(off) => update({ off })} error={error('off')} />
      <div class="field-row">
        {time('start', 'Started work', '09:00')}
        {time('end', 'Stopped work', '17:30')}
      </div>
    </>
  );
}

const RATINGS = [
  { field: 'stress', legend: 'Stress', low: 'calm', high: 'very stressed' },
  { field: 'energy', legend: 'Energy', low: 'drained', high: 'full of energy' },
] as const;

export function CheckInRatings({ form, fieldId, error, update }: Props) {
  return (
    <>
      {RATINGS.map(({ field, ...words }) => (
        <RatingField key={field} id={fieldId(field)} {...words} value={form[field]} onChange={(n) => update({ [field]: n })} error={error(field)} />
      ))}
    </>
  );
}

// Minutes of after-hours work or of the longest break: whole minutes in a day.
export function CheckInMinutes({ form, fieldId, error, update, field, label }: Props & { field: 'after_hours' | 'break'; label: string }) {
  return (
    <TextField
      id={fieldId(field)}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      max={1440}
      value={form[field]}
      onInput={(v) => update({ [field]: v })}
      error={error(field)}
    />
  );
}
