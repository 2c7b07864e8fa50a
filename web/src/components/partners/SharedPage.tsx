// What someone shares with you, read-only: exactly the scopes of their grant (nothing else is
// fetched). Kudos on their wins; comments on their conversation plans. A grant that ended, or was
// never yours, answers 404 and shows a calm note.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { formatDay } from '../../dates';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { stageLabel } from '../goal/labels';
import { Link } from '../Link';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import {
  type Grant, type SharedAssessment, type SharedData, type SharedGoal, type SharedPlan, type SharedWin, type WeekFigures,
  fetchSharedView,
} from './data';
import { KudosForm } from './KudosForm';
import { figure, formatInstant, formatInstantDay, scaleLabel, scopeList } from './labels';
import { PlanCommentForm } from './PlanCommentForm';
import './partners.css';

type View = { kind: 'ok'; grant: Grant; data: SharedData } | { kind: 'ended' };

export function SharedPage({ api, me, id }: { api: ApiClient; me: Me; id: number }) {
  const view = useLoad<View>(async () => {
    try {
      return { kind: 'ok', ...(await fetchSharedView(api, id)) };
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { kind: 'ended' };
      throw err;
    }
  }, [api, id]);
  const [endedNow, setEndedNow] = useState(false);
  const v = endedNow ? { kind: 'ended' as const } : view.data;
  const tz = me.timezone;

  const update = (change: (data: SharedData) => SharedData) =>
    view.set((cur) => (cur && cur.kind === 'ok' ? { ...cur, data: change(cur.data) } : cur));

  return (
    <>
      <div class="page-title">
        <PageHeading>{v?.kind === 'ok' ? `What ${v.grant.owner} shares with you` : 'Shared with you'}</PageHeading>
      </div>
      {view.failed ? (
        <StatusNote kind="error" onRetry={view.retry}>This shared view could not be loaded.</StatusNote>
      ) : v === null ? (
        <StatusNote kind="loading">Loading what was shared with you…</StatusNote>
      ) : v.kind === 'ended' ? (
        <div class="card partners-ended">
          <StatusNote kind="empty">This access has ended or was never yours.</StatusNote>
          <p>
            When someone ends a shared view, or it reaches its end date, it closes quietly. See what is still shared with
            you on <Link href="/partners">Partners</Link>.
          </p>
        </div>
      ) : (
        <>
          <p class="section-intro">
            {v.grant.owner} shares {scopeList(v.grant.scopes)} with you, read-only, until{' '}
            {formatInstantDay(v.grant.expires_at, tz)}. Notes and journal text are never shared. {v.grant.owner} sees a record of what you look at.
          </p>
          <div class="partners-sections">
            {v.data.goals && <GoalsSection goals={v.data.goals} />}
            {v.data.wins && (
              <WinsSection
                api={api}
                grant={v.grant.id}
                wins={v.data.wins}
                timezone={tz}
                onEnded={() => setEndedNow(true)}
                onKudos={(k) => update((d) => ({
                  ...d,
                  wins: (d.wins ?? []).map((w) => (w.id === k.win_id ? { ...w, kudos: [...w.kudos, k] } : w)),
                }))}
              />
            )}
            {v.data['checkin-summary'] && <WeeksSection weeks={v.data['checkin-summary']} />}
            {v.data.assessments && <AssessmentsSection assessments={v.data.assessments} />}
            {v.data['conversation-plans'] && (
              <PlansSection
                api={api}
                grant={v.grant.id}
                plans={v.data['conversation-plans']}
                timezone={tz}
                onEnded={() => setEndedNow(true)}
                onComment={(c) => update((d) => ({
                  ...d,
                  'conversation-plans': (d['conversation-plans'] ?? []).map((p) => (p.id === c.plan_id ? { ...p, comments: [...p.comments, c] } : p)),
                }))}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}

function GoalsSection({ goals }: { goals: SharedGoal[] }) {
  return (
    <section class="card" aria-labelledby="shared-goals-title">
      <h2 id="shared-goals-title">Goals</h2>
      {goals.length === 0 ? (
        <StatusNote kind="empty">No active goals at the moment.</StatusNote>
      ) : (
        <ul class="partners-goals">
          {goals.map((g) => (
            <li key={g.id} class="partners-goal">
              <p class="partners-goal-title">{g.title}</p>
              <p class="partners-muted">
                Stage: {g.stage ? stageLabel(g.stage) : 'not staged yet'} · Habit strength {Math.round(g.habit_strength)}%
              </p>
              <meter min={0} max={100} value={g.habit_strength} aria-label={`Habit strength of “${g.title}”`}>
                {Math.round(g.habit_strength)}%
              </meter>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface WinsProps {
  api: ApiClient;
  grant: number;
  wins: SharedWin[];
  timezone: string;
  onKudos: (k: SharedWin['kudos'][number]) => void;
  onEnded: () => void;
}

function WinsSection({ api, grant, wins, timezone, onKudos, onEnded }: WinsProps) {
  return (
    <section class="card" aria-labelledby="shared-wins-title">
      <h2 id="shared-wins-title">Wins</h2>
      {wins.length === 0 ? (
        <StatusNote kind="empty">No wins in the last 90 days yet.</StatusNote>
      ) : (
        <ul class="partners-wins">
          {wins.map((w) => (
            <li key={w.id} class="partners-win" aria-labelledby={`shared-win-${w.id}`}>
              <p class="partners-win-text" id={`shared-win-${w.id}`}>{w.text}</p>
              <p class="partners-muted">{formatDay(w.date)} · {w.size} win</p>
              {w.kudos.length > 0 && (
                <ul class="partners-kudos" aria-label="Kudos so far">
                  {w.kudos.map((k) => (
                    <li key={k.id}>
                      <span class="partners-kudos-emoji">{k.emoji}</span> {k.from}
                      {k.message && <>: “{k.message}”</>}{' '}
                      <span class="partners-muted">({formatInstant(k.created_at, timezone)})</span>
                    </li>
                  ))}
                </ul>
              )}
              <details class="partners-kudos-details">
                <summary>Send kudos<span class="visually-hidden"> on “{w.text}”</span></summary>
                <KudosForm api={api} grant={grant} win={w} onSent={onKudos} onEnded={onEnded} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WeeksSection({ weeks }: { weeks: WeekFigures[] }) {
  return (
    <section class="card" aria-labelledby="shared-weeks-title">
      <h2 id="shared-weeks-title">Weekly check-in figures</h2>
      <div class="partners-table-wrap" tabIndex={0} role="region" aria-labelledby="shared-weeks-caption">
        <table class="partners-table">
          <caption id="shared-weeks-caption">
            Twelve weeks of check-in figures: averages of stress and energy (1-5) and hours worked; a dash means no
            check-ins that week.
          </caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Check-ins</th>
              <th scope="col">Stress</th>
              <th scope="col">Energy</th>
              <th scope="col">Hours a day</th>
              <th scope="col">After hours (min)</th>
              <th scope="col">Setbacks</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>{w.checkins}</td>
                <td>{figure(w.stress)}</td>
                <td>{figure(w.energy)}</td>
                <td>{figure(w.hours)}</td>
                <td>{w.checkins === 0 ? '–' : w.after_hours_minutes}</td>
                <td>{w.checkins === 0 ? '–' : w.setbacks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AssessmentsSection({ assessments }: { assessments: SharedAssessment[] }) {
  return (
    <section class="card" aria-labelledby="shared-assessments-title">
      <h2 id="shared-assessments-title">Assessment scores</h2>
      {assessments.length === 0 ? (
        <StatusNote kind="empty">No assessments taken yet.</StatusNote>
      ) : (
        <ul class="partners-assessments">
          {[...assessments].reverse().map((a) => (
            <li key={`${a.instrument}-${a.date}`}>
              <h3 class="partners-assessment-title">{a.title}, {formatDay(a.date)}</h3>
              <dl class="partners-scores">
                {a.scores.map((s) => (
                  <div key={s.scale}>
                    <dt>{scaleLabel(s.scale)}</dt>
                    <dd>{Math.round(s.score)} of 100 <span class="pill">{s.band}</span></dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p class="partners-muted">Scores and bands only; the answers themselves are never shared. These are not a diagnosis.</p>
    </section>
  );
}

interface PlansProps {
  api: ApiClient;
  grant: number;
  plans: SharedPlan[];
  timezone: string;
  onComment: (c: SharedPlan['comments'][number]) => void;
  onEnded: () => void;
}

const PLAN_PARTS: [keyof SharedPlan, string][] = [
  ['situation', 'Situation'],
  ['need', 'What I need'],
  ['proposal', 'What I propose'],
  ['trial_period', 'Trial period'],
  ['offer', 'What I offer'],
  ['fallback', 'Fallback'],
];

function PlansSection({ api, grant, plans, timezone, onComment, onEnded }: PlansProps) {
  return (
    <section class="card" aria-labelledby="shared-plans-title">
      <h2 id="shared-plans-title">Conversation plans</h2>
      {plans.length === 0 ? (
        <StatusNote kind="empty">No conversation plans yet.</StatusNote>
      ) : (
        <ul class="partners-plans">
          {plans.map((p) => (
            <li key={p.id} class="partners-plan">
              <h3>{p.title}</h3>
              <dl class="partners-plan-parts">
                {PLAN_PARTS.filter(([k]) => String(p[k] ?? '').trim()).map(([k, label]) => (
                  <div key={k}><dt>{label}</dt><dd>{String(p[k])}</dd></div>
                ))}
                {p.objections.map((o, i) => (
                  <div key={`o${i}`}><dt>If they say “{o.objection}”</dt><dd>{o.answer}</dd></div>
                ))}
              </dl>
              <h4>Comments</h4>
              {p.comments.length === 0 ? (
                <p class="partners-muted">No comments yet.</p>
              ) : (
                <ul class="partners-comments">
                  {p.comments.map((c) => (
                    <li key={c.id}>
                      <p class="partners-comment-text">{c.text}</p>
                      <p class="partners-muted">{c.author}, {formatInstant(c.created_at, timezone)}</p>
                    </li>
                  ))}
                </ul>
              )}
              <PlanCommentForm api={api} grant={grant} plan={p} onSent={onComment} onEnded={onEnded} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
