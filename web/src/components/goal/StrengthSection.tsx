// Habit strength is the headline; streaks and the all-time count come with it, in words.
import type { GoalDetail } from './data';
import { shortDay } from './chart-data';
import { StrengthChart } from './StrengthChart';

function plural(n: number, unit: 'days' | 'weeks'): string {
  const one = unit === 'days' ? 'day' : 'week';
  return `${n} ${n === 1 ? one : unit}`;
}

export function StrengthSection({ goal }: { goal: GoalDetail }) {
  const strength = Math.round(Math.max(0, Math.min(100, goal.habit_strength)));
  const { current, longest, unit } = goal.streak;
  const trend = goal.strength_trend;
  return (
    <section class="card goal-strength-card" aria-labelledby="goal-strength-title">
      <h2 id="goal-strength-title">Habit strength</h2>
      <p class="goal-strength-now">
        <span class="goal-strength-number">{strength}</span> of 100
      </p>
      <ul class="goal-facts">
        <li>Current streak: {plural(current, unit)}</li>
        <li>Longest streak: {plural(longest, unit)}</li>
        <li class="goal-completions">Done {goal.completions} {goal.completions === 1 ? 'time' : 'times'} in all</li>
      </ul>
      {trend.length >= 2 ? (
        <>
          <StrengthChart trend={trend} />
          <details class="goal-trend-table">
            <summary>Habit strength day by day</summary>
            <div class="goal-table-scroll" tabIndex={0} role="region" aria-label="Habit strength by day">
              <table>
                <caption class="visually-hidden">Habit strength at the end of each day, out of 100</caption>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Strength</th>
                  </tr>
                </thead>
                <tbody>
                  {trend.map((p) => (
                    <tr key={p.date}>
                      <th scope="row"><time dateTime={p.date}>{shortDay(p.date)}</time></th>
                      <td>{Math.round(p.strength)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : (
        <p class="goal-muted goal-chart-empty">The chart fills in as the days go by.</p>
      )}
      <p class="field-hint">
        Strength grows with each repetition and one missed day never resets it. Habits usually take
        2 to 8 months to feel automatic (about 66 days is typical), so be patient with yourself.
      </p>
    </section>
  );
}
