// Step 5: today's first check-in, the short version (the full one is on Today).
import type { CheckInField, CheckInForm } from '../../checkin-form';
import { formatDay } from '../../dates';
import { CheckboxField } from '../CheckboxField';
import { CheckInHours, CheckInMinutes, CheckInRatings } from '../CheckInFields';
import { ids, type StepProps } from './save';

interface Props extends StepProps {
  today: string;
}

export function CheckInStep({ progress, errors, today, change }: Props) {
  const c = progress.checkin;
  const update = (patch: Partial<CheckInForm>) => {
    const fields = Object.keys(patch) as CheckInField[];
    change({ checkin: { ...c, ...patch } }, fields.map(ids.checkin));
  };
  const parts = { form: c, fieldId: ids.checkin, error: (f: CheckInField) => errors[ids.checkin(f)], update };
  return (
    <>
      <p class="section-intro">
        A check-in takes a minute a day; your boundaries are checked against it. This is today’s,{' '}
        <time dateTime={today}>{formatDay(today)}</time>. The times start from your usual work hours; change them if
        today was different.
      </p>
      <CheckInHours {...parts} />
      <CheckInMinutes {...parts} field="break" label="Longest break (minutes, optional)" />
      <CheckInRatings {...parts} />
      <CheckboxField
        id={ids.checkin('progress')}
        label="I made progress on meaningful work"
        checked={c.progress}
        onChange={(progress) => update({ progress })}
        error={errors[ids.checkin('progress')]}
      />
    </>
  );
}
