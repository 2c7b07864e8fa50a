// Where the person is: "Step 2 of 5" and the five steps, the current one marked.
import { FINISHED, STEP_COUNT, STEP_TITLES } from './progress';

export function StepIndicator({ step }: { step: number }) {
  return (
    <div class="onb-indicator">
      <p class="onb-step-count" id="onb-step-count">
        {step >= FINISHED ? `All ${STEP_COUNT} steps done` : `Step ${step + 1} of ${STEP_COUNT}`}
      </p>
      <ol class="onb-steps" aria-label="Onboarding steps">
        {STEP_TITLES.map((title, i) => {
          const state = i < step ? 'done' : i === step ? 'current' : 'todo';
          return (
            <li key={title} class={`onb-steps-item onb-steps-item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="onb-steps-mark" aria-hidden="true">{state === 'done' ? '✓' : i + 1}</span>
              <span class="onb-steps-title">
                {title}
                {state === 'done' && <span class="visually-hidden"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
