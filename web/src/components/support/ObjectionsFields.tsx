// "Likely objections": objection and answer pairs, each labelled; add (at most 12) and remove.
import { FieldError } from '../FieldError';
import { TextAreaField } from '../TextAreaField';
import type { Objection } from './data';
import { MAX_OBJECTIONS, type PlanErrors, addObjection, removeObjection, updateObjection } from './plan-form';

interface Props {
  list: Objection[];
  errors: PlanErrors;
  // The new list, and the error keys the change makes stale.
  onChange: (list: Objection[], staleKeys: string[]) => void;
}

export function ObjectionsFields({ list, errors, onChange }: Props) {
  const listError = errors.objections;
  // Removing a pair shifts the ones after it, so their errors no longer fit.
  const allKeys = () => ['objections', ...Object.keys(errors).filter((k) => k.startsWith('objections.'))];

  const add = () => {
    onChange(addObjection(list), ['objections']);
    setTimeout(() => document.getElementById(`plan-objection-${list.length}`)?.focus(), 0);
  };
  const remove = (i: number) => {
    onChange(removeObjection(list, i), allKeys());
    setTimeout(() => document.getElementById('plan-add-objection')?.focus(), 0);
  };

  return (
    <fieldset class={listError ? 'field field--invalid support-objections' : 'field support-objections'}
      aria-describedby={['plan-objections-hint', listError ? 'plan-objections-error' : ''].filter(Boolean).join(' ')}>
      <legend>Likely objections</legend>
      <p id="plan-objections-hint" class="field-hint">
        What they might say, and how you would answer. Up to {MAX_OBJECTIONS}.
      </p>
      {list.length === 0 && <p class="support-muted">No objections listed. Add the ones you expect.</p>}
      <ol class="support-objection-list">
        {list.map((o, i) => (
          <li key={i} class="support-objection">
            <fieldset class="support-objection-pair">
              <legend>Objection {i + 1}</legend>
              <TextAreaField id={`plan-objection-${i}`} label="They might say" value={o.objection} error={errors[`objections.${i}.objection`]}
                onInput={(objection) => onChange(updateObjection(list, i, { objection }), [`objections.${i}.objection`])} />
              <TextAreaField id={`plan-answer-${i}`} label="Your answer" value={o.answer} rows={3} error={errors[`objections.${i}.answer`]}
                onInput={(answer) => onChange(updateObjection(list, i, { answer }), [`objections.${i}.answer`])} />
              <button type="button" class="button button--quiet" onClick={() => remove(i)}>
                Remove objection {i + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <FieldError id="plan-objections-error" message={listError} />
      <div class="form-actions">
        <button type="button" id="plan-add-objection" class="button button--quiet" onClick={add} disabled={list.length >= MAX_OBJECTIONS}>
          Add an objection
        </button>
        {list.length >= MAX_OBJECTIONS && <p class="field-hint">That is the most a plan holds: {MAX_OBJECTIONS}.</p>}
      </div>
    </fieldset>
  );
}
