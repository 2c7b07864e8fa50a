// Step 2: what drives the person (each driver 1-5) and, if they like, what set the change off.
import { FieldError } from '../FieldError';
import { RatingField } from '../RatingField';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { CATALYST_KINDS, DRIVERS } from './data';
import { CATALYST_LABELS, DRIVER_LABELS, isCatalystKind } from './motivation-form';
import { ids, type StepProps } from './save';

const KIND_OPTIONS = [
  { value: '', label: 'Nothing in particular' },
  ...CATALYST_KINDS.map((k) => ({ value: k, label: CATALYST_LABELS[k] })),
];

export function MotivationStep({ progress, errors, change }: StepProps) {
  const c = progress.catalyst;
  return (
    <>
      <p class="section-intro">
        People change for different reasons. How much does each of these move you? Rate the ones that apply; you can leave
        out any that do not.
      </p>
      <div class={errors[ids.drivers] ? 'onb-drivers field--invalid' : 'onb-drivers'}>
        <FieldError id={`${ids.drivers}-error`} message={errors[ids.drivers]} />
        {DRIVERS.map((d) => (
          <RatingField
            key={d}
            id={ids.driver(d)}
            legend={`${DRIVER_LABELS[d].label}: ${DRIVER_LABELS[d].hint.toLowerCase()}`}
            low="hardly at all"
            high="very strongly"
            value={progress.ratings[d] ?? null}
            onChange={(n) => change({ ratings: { ...progress.ratings, [d]: n } }, [ids.drivers, ids.driver(d)])}
            error={errors[ids.driver(d)]}
          />
        ))}
      </div>

      <h3 class="onb-subtitle">Did something set this off?</h3>
      <p class="field-hint">Optional. A moment that made you want things to change, such as a health scare or a hard month.</p>
      <SelectField
        id={ids.catalyst('kind')}
        label="What happened"
        value={c.kind}
        options={KIND_OPTIONS}
        onChange={(v) => change({ catalyst: { ...c, kind: isCatalystKind(v) ? v : '' } }, [ids.catalyst('kind')])}
        error={errors[ids.catalyst('kind')]}
      />
      {c.kind !== '' && (
        <>
          <TextField
            id={ids.catalyst('date')}
            label="When (YYYY-MM-DD)"
            hint="The day it happened, roughly. Leave it as today if you are not sure."
            value={c.date}
            autocomplete="off"
            onInput={(date) => change({ catalyst: { ...c, date } }, [ids.catalyst('date')])}
            error={errors[ids.catalyst('date')]}
          />
          <TextAreaField
            id={ids.catalyst('note')}
            label="A few words about it (optional)"
            value={c.note}
            onInput={(note) => change({ catalyst: { ...c, note } }, [ids.catalyst('note')])}
            error={errors[ids.catalyst('note')]}
          />
        </>
      )}
    </>
  );
}
