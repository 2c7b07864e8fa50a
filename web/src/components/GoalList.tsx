// Goals with their stage, habit strength (0-100) and streaks; each title links to the goal's page.
import type { GoalView } from '../types';
import { STAGE_LABELS } from './goal/labels';
import { Link } from './Link';

export function GoalList({ goals }: { goals: GoalView[] }) {
  return (
    <ul class="goal-list">
      {goals.map((g) => {
        const strength = Math.round(Math.max(0, Math.min(100, g.habit_strength)));
        return (
          <li key={g.id} class="goal">
            <h3 class="goal-title">
              <Link href={`/goals/${g.id}`}>{g.title}</Link>
            </h3>
            <p class="goal-meta">
              <span class="goal-stage">{g.stage ? STAGE_LABELS[g.stage] ?? g.stage : 'Not staged yet'}</span>
              <span class="goal-frequency">{g.frequency}</span>
              {g.values.length > 0 && <span class="goal-values">Serves: {g.values.join(', ')}</span>}
            </p>
            <div class="goal-strength">
              <label for={`goal-strength-${g.id}`}>Habit strength {strength} of 100</label>
              <meter id={`goal-strength-${g.id}`} min={0} max={100} low={34} high={67} optimum={100} value={strength} />
            </div>
            <p class="goal-streak">
              Streak: {g.streak.current} {g.streak.unit} (longest {g.streak.longest})
            </p>
          </li>
        );
      })}
    </ul>
  );
}
