// The end of onboarding: log a first win, then go to Today.
import type { WinSize } from '../../types';
import { WIN_SIZES } from '../../win-form';
import { TextField } from '../TextField';
import type { Progress } from './progress';
import { SelectField } from './SelectField';
import { ids, type StepErrors } from './save';

interface Props {
  progress: Progress;
  errors: StepErrors;
  formError: string | null;
  saving: boolean;
  announce: string;
  change: (patch: Partial<Progress>, clear?: readonly string[]) => void;
  onLog: (e: Event) => void;
  onDone: () => void;
}

const SIZE_OPTIONS = WIN_SIZES.map((s) => ({ value: s, label: s }));

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
        <TextField
          id={ids.win('text')}
          label="What went well today?"
          autocomplete="off"
          maxLength={500}
          value={w.text}
          onInput={(text) => change({ win: { ...w, text } }, [ids.win('text')])}
          error={errors[ids.win('text')]}
        />
        <div class="win-form-row">
          <SelectField
            id={ids.win('size')}
            label="Size"
            value={w.size}
            options={SIZE_OPTIONS}
            onChange={(size) => change({ win: { ...w, size: size as WinSize } }, [ids.win('size')])}
            error={errors[ids.win('size')]}
          />
          <button type="submit" class="button" disabled={saving}>{saving ? 'Logging…' : 'Log win'}</button>
        </div>
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
