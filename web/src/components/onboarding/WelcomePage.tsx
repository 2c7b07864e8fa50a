// Onboarding at /welcome: five short steps from values to a first check-in, each saved as the person goes on.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { todayIn } from '../../dates';
import { browserSessionStorage } from '../../drafts';
import { skipOnboarding } from '../../first-run';
import { sentence } from '../../messages';
import type { Me } from '../../types';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { BoundaryStep } from './BoundaryStep';
import { CheckInStep } from './CheckInStep';
import { type CatalogueValue, DRIVERS, loadStart } from './data';
import { FinishStep } from './FinishStep';
import { goalValues } from './goal-step';
import { GoalStep } from './GoalStep';
import { ratingsFromProfile } from './motivation-form';
import { MotivationStep } from './MotivationStep';
import {
  clearProgress, FINISHED, initialProgress, loadProgress, type Progress, saveProgress, STEP_COUNT, STEP_TITLES,
} from './progress';
import {
  ids, logFirstWin, saveBoundaryStep, saveCheckInStep, saveGoalStep, saveMotivationStep, saveValuesStep, type StepErrors,
  type StepOutcome,
} from './save';
import { StepIndicator } from './StepIndicator';
import { ValuesStep } from './ValuesStep';
import './onboarding.css';

interface Props {
  api: ApiClient;
  me: Me;
  account: number;
  onDone: () => void;
}

// The control an error belongs to: the control itself, a rating's first choice, or a group's first control.
function focusControl(id: string): void {
  const own = id === ids.drivers ? `${ids.driver(DRIVERS[0])}-1` : id;
  const el = document.getElementById(own) ?? document.getElementById(`${own}-1`);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
}

export function WelcomePage({ api, me, account, onDone }: Props) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const storage = useMemo(() => browserSessionStorage(), []);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [loadError, setLoadError] = useState('');
  const [catalogue, setCatalogue] = useState<CatalogueValue[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<StepErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [focusError, setFocusError] = useState(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  useEffect(() => {
    setPhase('loading');
    loadStart(api).then(
      (start) => {
        if (!mounted.current) return;
        const fresh = initialProgress({
          account, today, workHours: me.work_hours, catalogue: start.catalogue.map((c) => c.name),
          values: start.values, ratings: ratingsFromProfile(start.profile.drivers),
        });
        setCatalogue(start.catalogue);
        setProgress(loadProgress(storage, fresh) ?? fresh);
        setPhase('ready');
      },
      (err) => {
        if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
        setLoadError(err instanceof ApiError ? sentence(err.message) : '');
        setPhase('error');
      },
    );
  }, [api, account, today, me.work_hours, storage, attempt]);

  // Every change is kept at once (not after paint), so a reload or an interruption comes back to the same place.
  useLayoutEffect(() => {
    if (progress) saveProgress(storage, progress);
  }, [progress, storage]);

  // A new step: its heading takes focus, so keyboard and screen reader users start at its top.
  const step = progress?.step ?? 0;
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    stepHeading.current?.focus();
    stepHeading.current?.scrollIntoView?.({ block: 'start' });
  }, [step]);

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (focusError && first) focusControl(first);
  }, [focusError]);

  const change = useCallback((patch: Partial<Progress>, clear: readonly string[] = []) => {
    setProgress((p) => (p ? { ...p, ...patch } : p));
    if (clear.length) {
      setErrors((e) => {
        if (!clear.some((id) => id in e)) return e;
        const next = { ...e };
        for (const id of clear) delete next[id];
        return next;
      });
    }
    setAnnounce('');
  }, []);

  const setError = useCallback((id: string, message: string | undefined) => {
    setErrors((e) => {
      const next = { ...e };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });
  }, []);

  const goTo = (to: number, patch: Partial<Progress> = {}) => {
    moved.current = true;
    setErrors({});
    setFormError(null);
    setProgress((p) => {
      if (!p) return p;
      const next = { ...p, ...patch, step: to };
      // The goal starts out serving the top value, and never one that is no longer picked.
      if (to === 2) next.goal = { ...next.goal, values: goalValues(next.goal.values, next.picked) };
      return next;
    });
  };

  const run = async (save: (p: Progress) => Promise<StepOutcome>, onOk: (o: Extract<StepOutcome, { ok: true }>) => void) => {
    if (!progress || saving) return;
    setSaving(true);
    setFormError(null);
    setAnnounce('');
    const outcome = await save(progress);
    if (!mounted.current) return;
    setSaving(false);
    if (outcome.ok) {
      onOk(outcome);
      return;
    }
    if (outcome.signedOut) return;  // The app is on its way to sign-in; progress is kept.
    if (outcome.patch) change(outcome.patch);
    setErrors(outcome.errors);
    setFormError(outcome.formError ?? null);
    setFocusError((n) => n + 1);
  };

  const saveFor = (p: Progress): Promise<StepOutcome> => {
    switch (p.step) {
      case 0: return saveValuesStep(api, p);
      case 1: return saveMotivationStep(api, p, today);
      case 2: return saveGoalStep(api, p);
      case 3: return saveBoundaryStep(api, p);
      default: return saveCheckInStep(api, p, today);
    }
  };

  const next = (e: Event) => {
    e.preventDefault();
    void run(saveFor, (o) => goTo(step + 1, o.patch));
  };

  const logWin = (e: Event) => {
    e.preventDefault();
    void run((p) => logFirstWin(api, p, today), (o) => {
      change(o.patch);
      setAnnounce('Win logged.');
      document.getElementById('onb-win-text')?.focus();
    });
  };

  const skip = () => {
    skipOnboarding(account);
    onDone();
  };

  const finish = () => {
    clearProgress(storage);
    onDone();
  };

  const body = () => {
    if (!progress) return null;
    const props = { progress, errors, change };
    switch (progress.step) {
      case 0: return <ValuesStep {...props} catalogue={catalogue} setError={setError} />;
      case 1: return <MotivationStep {...props} />;
      case 2: return <GoalStep {...props} />;
      case 3: return <BoundaryStep {...props} workHours={me.work_hours} />;
      default: return <CheckInStep {...props} today={today} />;
    }
  };

  const finished = progress !== null && progress.step >= FINISHED;
  return (
    <div class="onb">
      <div class="page-title">
        <PageHeading>Welcome to Headway</PageHeading>
      </div>
      {phase === 'loading' && <StatusNote kind="loading">Getting your first steps ready…</StatusNote>}
      {phase === 'error' && (
        <StatusNote kind="error" onRetry={() => setAttempt((n) => n + 1)}>
          The first steps could not be loaded. {loadError}
        </StatusNote>
      )}
      {phase === 'ready' && progress && (
        <>
          <p class="section-intro onb-intro">
            {STEP_COUNT} short steps set Headway up for you, about five minutes in all. Each step is saved when you go
            on, and you can skip the rest at any time.
          </p>
          <StepIndicator step={progress.step} />
          <section class="card onb-step" aria-labelledby="onb-step-title">
            <h2 id="onb-step-title" class="onb-step-title" ref={stepHeading} tabIndex={-1}>
              {finished ? 'You are set up' : STEP_TITLES[progress.step]}
            </h2>
            {finished ? (
              <FinishStep
                progress={progress}
                errors={errors}
                formError={formError}
                saving={saving}
                announce={announce}
                change={change}
                onLog={logWin}
                onDone={finish}
              />
            ) : (
              <form class="form" onSubmit={next} noValidate aria-describedby="onb-step-count">
                {formError && <p class="form-error" role="alert">{formError}</p>}
                {body()}
                <div class="onb-nav">
                  {progress.step > 0 && (
                    <button type="button" class="button button--quiet" onClick={() => goTo(progress.step - 1)} disabled={saving}>
                      Back
                    </button>
                  )}
                  <button type="submit" class="button" disabled={saving}>
                    {saving ? 'Saving…' : progress.step === STEP_COUNT - 1 ? 'Save and finish' : 'Next'}
                  </button>
                  <button type="button" class="button button--quiet onb-skip" onClick={skip} disabled={saving}>
                    Skip for now
                  </button>
                </div>
              </form>
            )}
          </section>
        </>
      )}
    </div>
  );
}
