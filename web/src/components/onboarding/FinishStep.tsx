// The end of onboarding: log a first win, then go to Today.
import type { WinField } from '../../win-form';
import { WinFields } from '../WinFields';
import { ids, type StepProps } from './save';

interface Props extends StepProps {
  formError: string | null;
  saving: boolean;
  announce: string;
  onLog: (e: Event) => void;
  onDone: () => void;
}

export function FinishStep({ progress, errors, formError, saving, announce, change, onLog, onDone }: Props) {
  const w = progress.win;
  return (
    <>
      <p class="section-intro">
        Your values, your first goal, a boundary and today’s check-in are saved. One more thing that helps: notice what
        went well. Small wins count too.
      </p>
      <form class="form onb-win" onSubmit={onLog} noValidate aria-labelledby="onb-win-title">
        <h3 id="onb-win-title" class="onb-subtitle">Log your first win</h3>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <WinFields
          form={w}
          fieldId={ids.win}
          error={(f) => errors[ids.win(f)]}
          update={(patch) => change({ win: { ...w, ...patch } }, Object.keys(patch).map((f) => ids.win(f as WinField)))}
          label="What went well today?"
          saving={saving}
        />
        <p class="form-status" role="status">{announce}</p>
      </form>
      {progress.wins.length > 0 && (
        <>
          <h3 class="onb-subtitle">Your wins so far</h3>
          <ul class="win-list">
            {progress.wins.map((win) => (
              <li class="win" key={win.id}>
                <span class="win-size">{win.size}</span>
                <span class="win-text">{win.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="onb-nav">
        <button type="button" class="button" onClick={onDone}>Go to Today</button>
      </div>
    </>
  );
}
