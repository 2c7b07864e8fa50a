// The stage of change: where the goal is, what suits that stage, how it got here, and a new answer.
import type { ApiClient } from '../../api';
import type { GoalDetail } from './data';
import { stageLabel } from './labels';
import { RestageForm } from './RestageForm';
import { StageTimeline } from './StageTimeline';

interface Props {
  api: ApiClient;
  goal: GoalDetail;
  onChange: (goal: GoalDetail) => void;
}

export function StageSection({ api, goal, onChange }: Props) {
  return (
    <section class="card goal-stage-card" aria-labelledby="goal-stage-title">
      <h2 id="goal-stage-title">Stage of change</h2>
      <p class="goal-stage-now">
        Now: <strong class="goal-stage-current">{stageLabel(goal.stage)}</strong>
      </p>
      {goal.guidance && <p class="goal-guidance">{goal.guidance}</p>}
      {!goal.archived && (
        <>
          {(goal.restage_due || goal.stage === null) && (
            <p class="notice goal-restage-due">
              {goal.stage === null
                ? 'This goal has no stage yet. One question places it, so the guidance fits where you are.'
                : 'It has been a month since you last said where you are with this goal. A fresh answer keeps the guidance fitting.'}
            </p>
          )}
          <RestageForm api={api} goal={goal} onChange={onChange} />
        </>
      )}
      <h3>How it has moved</h3>
      <StageTimeline history={goal.stage_history} />
    </section>
  );
}
