// Step 3: the first goal as WOOP (wish, outcome, obstacle, plan) and the one staging question.
import { FieldError } from '../FieldError';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { BARRIERS, STAGING_ANSWERS } from './data';
import {
  BARRIER_LABELS, FREQUENCY_OPTIONS, type GoalStepField, type GoalStepForm, STAGING_LABELS,
} from './goal-step';
import { ids, type StepProps } from './save';
import { isPicked, togglePick } from './values-sort';

const BARRIER_OPTIONS = [{ value: '', label: 'Not sure yet' }, ...BARRIERS.map((b) => ({ value: b, label: BARRIER_LABELS[b] }))];

export function GoalStep({ progress, errors, change }: StepProps) {
  const g = progress.goal;
  const set = (field: GoalStepField, patch: Partial<GoalStepForm>) => change({ goal: { ...g, ...patch } }, [ids.goal(field)]);
  const err = (field: GoalStepField) => errors[ids.goal(field)];
  const text = (field: 'title' | 'if' | 'then', label: string, hint: string, placeholder: string) => (
    <TextField
      id={ids.goal(field)}
      label={label}
      hint={hint}
      placeholder={placeholder}
      autocomplete="off"
      value={g[field]}
      onInput={(v) => set(field, { [field]: v })}
      error={err(field)}
    />
  );
  const area = (field: 'wish' | 'outcome' | 'obstacle', label: string, hint: string) => (
    <TextAreaField id={ids.goal(field)} label={label} hint={hint} value={g[field]} onInput={(v) => set(field, { [field]: v })} error={err(field)} />
  );

  return (
    <>
      <p class="section-intro">
        One goal is enough to start. Write it as a wish, the best outcome, the obstacle inside you, and a plan for the
        moment the obstacle shows up.
      </p>
      {text('title', 'Goal', 'A few words, e.g. “Leave work on time”.', '')}

      <fieldset class={err('values') ? 'field field--invalid' : 'field'} aria-describedby={err('values') ? `${ids.goal('values')}-error` : undefined}>
        <legend>Which of your values does it serve?</legend>
        <div class="onb-checks" id={ids.goal('values')}>
          {progress.picked.map((name, i) => (
            <div class="field field--check" key={name.toLowerCase()}>
              <input
                id={`onb-goal-value-${i}`}
                type="checkbox"
                checked={isPicked(g.values, name)}
                onChange={() => set('values', { values: togglePick(g.values, name) })}
              />
              <label for={`onb-goal-value-${i}`}>{name}</label>
            </div>
          ))}
        </div>
        <FieldError id={`${ids.goal('values')}-error`} message={err('values')} />
      </fieldset>

      {area('wish', 'Wish', 'What do you want? Make it something you can do.')}
      {area('outcome', 'Outcome', 'What would be the best thing about it?')}
      {area('obstacle', 'Obstacle', 'What in you could stand in the way?')}
      <div class="onb-plan">
        {text('if', 'If… (the moment)', 'When the obstacle shows up.', 'it is 17:30 and I am still at my desk')}
        {text('then', '…then I will', 'What you will do in that moment.', 'save my work and close the laptop')}
      </div>
      <div class="field-row">
        <SelectField
          id={ids.goal('frequency')}
          label="How often"
          value={g.frequency}
          options={FREQUENCY_OPTIONS}
          onChange={(frequency) => set('frequency', { frequency })}
          error={err('frequency')}
        />
        <SelectField
          id={ids.goal('barrier')}
          label="What kind of obstacle is it?"
          value={g.barrier}
          options={BARRIER_OPTIONS}
          onChange={(v) => set('barrier', { barrier: (BARRIERS as readonly string[]).includes(v) ? (v as GoalStepForm['barrier']) : '' })}
          error={err('barrier')}
        />
      </div>

      <fieldset
        class={err('stage_answer') ? 'field field--invalid onb-choices' : 'field onb-choices'}
        aria-describedby={err('stage_answer') ? `${ids.goal('stage_answer')}-error` : `${ids.goal('stage_answer')}-hint`}
      >
        <legend>Where are you with this goal today?</legend>
        <p id={`${ids.goal('stage_answer')}-hint`} class="field-hint">Be honest; every answer is a fine place to start.</p>
        {STAGING_ANSWERS.map((a, i) => (
          <div class="onb-choice" key={a}>
            <input
              type="radio"
              id={i === 0 ? ids.goal('stage_answer') : `${ids.goal('stage_answer')}-${a}`}
              name="onb-goal-stage"
              value={a}
              checked={g.stage_answer === a}
              aria-invalid={err('stage_answer') ? 'true' : undefined}
              onChange={() => set('stage_answer', { stage_answer: a })}
            />
            <label for={i === 0 ? ids.goal('stage_answer') : `${ids.goal('stage_answer')}-${a}`}>{STAGING_LABELS[a]}</label>
          </div>
        ))}
        <FieldError id={`${ids.goal('stage_answer')}-error`} message={err('stage_answer')} />
      </fieldset>
    </>
  );
}
