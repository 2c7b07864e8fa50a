// Step 5: today's first check-in, the short version (the full one is on Today).
import { formatDay } from '../../dates';
import type { CheckInField, CheckInForm } from '../../checkin-form';
import { CheckboxField } from '../CheckboxField';
import { RatingField } from '../RatingField';
import { TextField } from '../TextField';
import type { Progress } from './progress';
import { ids, type StepErrors } from './save';

interface Props {
  progress: Progress;
  errors: StepErrors;
  today: string;
  change: (patch: Partial<Progress>, clear?: readonly string[]) => void;
}

export function CheckInStep({ progress, errors, today, change }: Props) {
  const c = progress.checkin;
  const set = (patch: Partial<CheckInForm>) => {
    const fields = Object.keys(patch) as CheckInField[];
    change({ checkin: { ...c, ...patch } }, fields.map(ids.checkin));
  };
  const err = (f: CheckInField) => errors[ids.checkin(f)];
  return (
    <>
      <p class="section-intro">
        A check-in takes a minute a day; your boundaries are checked against it. This is today’s,{' '}
        <time dateTime={today}>{formatDay(today)}</time>. The times start from your usual work hours; change them if
        today was different.
      </p>
      <CheckboxField id={ids.checkin('off')} label="Day off (no work today)" checked={c.off} onChange={(off) => set({ off })} error={err('off')} />
      <div class="field-row">
        <TextField
          id={ids.checkin('start')}
          label="Started work"
          hint="HH:MM, 24-hour"
          inputMode="numeric"
          autocomplete="off"
          value={c.start}
          disabled={c.off}
          onInput={(start) => set({ start })}
          error={err('start')}
        />
        <TextField
          id={ids.checkin('end')}
          label="Stopped work"
          hint="HH:MM, 24-hour"
          inputMode="numeric"
          autocomplete="off"
          value={c.end}
          disabled={c.off}
          onInput={(end) => set({ end })}
          error={err('end')}
        />
      </div>
      <TextField
        id={ids.checkin('break')}
        label="Longest break (minutes, optional)"
        type="number"
        inputMode="numeric"
        min={0}
        max={1440}
        value={c.break}
        onInput={(v) => set({ break: v })}
        error={err('break')}
      />
      <RatingField id={ids.checkin('stress')} legend="Stress" low="calm" high="very stressed" value={c.stress} onChange={(stress) => set({ stress })} error={err('stress')} />
      <RatingField id={ids.checkin('energy')} legend="Energy" low="drained" high="full of energy" value={c.energy} onChange={(energy) => set({ energy })} error={err('energy')} />
      <CheckboxField
        id={ids.checkin('progress')}
        label="I made progress on meaningful work"
        checked={c.progress}
        onChange={(progress) => set({ progress })}
        error={err('progress')}
      />
    </>
  );
}
