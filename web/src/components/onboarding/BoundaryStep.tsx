// Step 4: the first boundary, a rule Headway checks every day against the check-ins.
import { BOUNDARY_TYPES, type BoundaryField, type BoundaryForm } from '../boundaries/boundary-form';
import { BoundaryFields } from '../boundaries/BoundaryFields';
import { FieldError } from '../FieldError';
import { stepFieldLabel, stepTypeTitle, switchType } from './boundary-step';
import { ids, type StepProps } from './save';

interface Props extends StepProps {
  workHours: string;
}

export function BoundaryStep({ progress, errors, workHours, change }: Props) {
  const b = progress.boundary;
  const err = (field: BoundaryField) => errors[ids.boundary(field)];

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
        {BOUNDARY_TYPES.map(({ type, explain }, i) => {
          const id = i === 0 ? ids.boundary('type') : `${ids.boundary('type')}-${type}`;
          return (
            <div class="onb-choice" key={type}>
              <input
                type="radio"
                id={id}
                name="onb-boundary-type"
                value={type}
                checked={b.type === type}
                aria-describedby={`${id}-hint`}
                onChange={() => change({ boundary: switchType(b, type, workHours) }, [ids.boundary('type')])}
              />
              <label for={id}>
                <span class="onb-choice-title">{stepTypeTitle(type)}</span>
                <span id={`${id}-hint`} class="onb-choice-hint">{explain}</span>
              </label>
            </div>
          );
        })}
        <FieldError id={`${ids.boundary('type')}-error`} message={err('type')} />
      </fieldset>

      <BoundaryFields
        form={b}
        fieldId={ids.boundary}
        error={err}
        label={(field) => stepFieldLabel(b.type, field)}
        onInput={(field, v) => change({ boundary: { ...b, [field]: v } as BoundaryForm }, [ids.boundary(field)])}
      />
    </>
  );
}
