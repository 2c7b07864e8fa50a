// The WOOP plan, with the if-then plan first and largest: it is what the person acts on.
import type { GoalDetail } from './data';
import { barrierLabel } from './labels';
import { ifThenSentence } from './plan';

export function PlanSection({ goal }: { goal: GoalDetail }) {
  const plan = ifThenSentence(goal.if, goal.then);
  const rows: [string, string][] = [
    ['Wish', goal.wish],
    ['Best outcome', goal.outcome],
    ['Obstacle', goal.obstacle],
  ];
  return (
    <section class="card goal-plan" aria-labelledby="goal-plan-title">
      <h2 id="goal-plan-title">Your plan</h2>
      {plan ? (
        <p class="goal-ifthen">{plan}</p>
      ) : (
        <p class="section-intro">No if-then plan yet. Pick a moment you will notice and one small thing you will do then.</p>
      )}
      <dl class="goal-woop">
        {rows.map(([term, text]) => (
          <div key={term} class="goal-woop-row">
            <dt>{term}</dt>
            <dd>{text.trim() ? text : <span class="goal-muted">Not written yet</span>}</dd>
          </div>
        ))}
        {goal.barrier && (
          <div class="goal-woop-row">
            <dt>Kind of barrier</dt>
            <dd>{barrierLabel(goal.barrier)}</dd>
          </div>
        )}
        <div class="goal-woop-row">
          <dt>Values it serves</dt>
          <dd>{goal.values.length ? goal.values.join(', ') : <span class="goal-muted">None</span>}</dd>
        </div>
        <div class="goal-woop-row">
          <dt>How often</dt>
          <dd>{goal.frequency}</dd>
        </div>
        {goal.boundary && (
          <div class="goal-woop-row">
            <dt>Linked boundary</dt>
            <dd>{goal.boundary} <span class="goal-muted">(a day it is kept counts as done)</span></dd>
          </div>
        )}
      </dl>
    </section>
  );
}
