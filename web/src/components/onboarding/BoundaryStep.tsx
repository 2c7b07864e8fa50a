// Step 4: the first boundary, a rule Headway checks every day against the check-ins.
import { FieldError } from '../FieldError';
import { TextField } from '../TextField';
import { BOUNDARY_KINDS, type BoundaryField, type BoundaryForm, switchType } from './boundary-form';
import { BOUNDARY_TYPES } from './data';
import type { Progress } from './progress';
import { ids, type StepErrors } from './save';

interface Props {
  progress: Progress;
  errors: StepErrors;
  workHours: string;
  change: (patch: Partial<Progress>, clear?: readonly string[]) => void;
}

export function BoundaryStep({ progress, errors, workHours, change }: Props) {
  const b = progress.boundary;
  const params = BOUNDARY_KINDS[b.type].params;
  const set = (field: BoundaryField, patch: Partial<BoundaryForm>) => change({ boundary: { ...b, ...patch } }, [ids.boundary(field)]);
  const err = (field: BoundaryField) => errors[ids.boundary(field)];
  const time = (field: 'from' | 'to' | 'time', label: string) => (
    <TextField
      id={ids.boundary(field)}
      label={label}
      hint="HH:MM, 24-hour"
      inputMode="numeric"
      autocomplete="off"
      value={b[field]}
      onInput={(v) => set(field, { [field]: v })}
      error={err(field)}
    />
  );

  return (
    <>
      <p class="section-intro">
        A boundary is a rule Headway checks for you every day, from your check-ins. Start with one that would make the
        biggest difference; you can add more later.
      </p>
      <fieldset
        class={err('type') ? 'field field--invalid onb-choices' : 'field onb-choices'}
        aria-describedby={err('type') ? `${ids.boundary('type')}-error` : undefined}
      >
        <legend>Which boundary do you want to keep?</legend>
        {BOUNDARY_TYPES.map((t, i) => {
          const id = i === 0 ? ids.boundary('type') : `${ids.boundary('type')}-${t}`;
          return (
            <div class="onb-choice" key={t}>
              <input
                type="radio"
                id={id}
                name="onb-boundary-type"
                value={t}
                checked={b.type === t}
                aria-describedby={`${id}-hint`}
                onChange={() => change({ boundary: switchType(b, t, workHours) }, [ids.boundary('type')])}
              />
              <label for={id}>
                <span class="onb-choice-title">{BOUNDARY_KINDS[t].label}</span>
                <span id={`${id}-hint`} class="onb-choice-hint">{BOUNDARY_KINDS[t].hint}</span>
              </label>
            </div>
          );
        })}
        <FieldError id={`${ids.boundary('type')}-error`} message={err('type')} />
      </fieldset>

      {params.includes('days') && (
        <TextField
          id={ids.boundary('days')}
          label="Days"
          hint="For example Mon-Fri, Sat,Sun or weekdays."
          autocomplete="off"
          value={b.days}
          onInput={(days) => set('days', { days })}
          error={err('days')}
        />
      )}
      {params.includes('from') && (
        <div class="field-row">
          {time('from', b.type === 'meeting-free' ? 'Free from' : 'Work starts')}
          {time('to', b.type === 'meeting-free' ? 'Free until' : 'Work ends')}
        </div>
      )}
      {params.includes('hours') && (
        <TextField
          id={ids.boundary('hours')}
          label="At most this many hours a week"
          hint="Between 1 and 168, e.g. 40 or 37.5."
          inputMode="text"
          autocomplete="off"
          value={b.hours}
          onInput={(hours) => set('hours', { hours })}
          error={err('hours')}
        />
      )}
      {params.includes('minutes') && (
        <TextField
          id={ids.boundary('minutes')}
          label="A break of at least (minutes)"
          hint="Whole minutes between 1 and 480, e.g. 30."
          inputMode="numeric"
          autocomplete="off"
          value={b.minutes}
          onInput={(minutes) => set('minutes', { minutes })}
          error={err('minutes')}
        />
      )}
      {params.includes('time') && time('time', 'No messages after')}
      <TextField
        id={ids.boundary('label')}
        label="Your own words for it (optional)"
        hint="Shown instead of the generated description, e.g. “Evenings are for the kids”."
        autocomplete="off"
        value={b.label}
        onInput={(label) => set('label', { label })}
        error={err('label')}
      />
    </>
  );
}
