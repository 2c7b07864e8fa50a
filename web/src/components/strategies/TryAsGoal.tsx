// The WOOP form, started from a strategy; on saving, the new goal's page opens.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { navigate } from '../../router';
import { GoalCreateForm } from '../GoalCreateForm';
import { type Strategy, type Value, fetchValues } from './data';
import { strategyPrefill } from './filter';

interface Props {
  api: ApiClient;
  strategy: Strategy;
  onCancel: () => void;
}

export function TryAsGoal({ api, strategy, onCancel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [values, setValues] = useState<Value[] | null>(null);

  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    document.getElementById('goal-title')?.focus();
  }, [strategy.id]);

  useEffect(() => {
    let live = true;
    fetchValues(api).then((v) => live && setValues(v), () => live && setValues(null));
    return () => { live = false; };
  }, [api]);

  return (
    <div ref={box} class="strategies-try">
      <p class="notice strategies-try-intro">
        The title and the if-then plan come from “{strategy.title}”. Make them your own, name the values it serves, and save.
        {values && values.length > 0 && <> Your values: {values.map((v) => v.name).join(', ')}.</>}
      </p>
      <GoalCreateForm
        key={strategy.id}
        api={api}
        initial={strategyPrefill(strategy)}
        heading={`Try “${strategy.title}” as a goal`}
        onCancel={onCancel}
        onCreated={(goal) => navigate(`/goals/${goal.id}`)}
      />
    </div>
  );
}
