// The week's report, section by section: at a glance, the imported evidence, wins, setbacks
// (kindly), what helped, goals.
import { StatusNote } from '../StatusNote';
import { monthName, shortDay } from '../boundaries/days';
import type { WeeklyReport } from './data';
import { type EvidenceWeek, type ReviewSummary, clockHours, formatMinutes } from './review';

export function GlanceSection({ summary }: { summary: ReviewSummary }) {
  return (
    <section class="card review-card" aria-labelledby="review-glance-title">
      <h2 id="review-glance-title">The week at a glance</h2>
      {summary.checkins === 0 ? (
        <StatusNote kind="empty">No check-ins this week yet. A one-minute check-in on Today fills this in.</StatusNote>
      ) : (
        <dl class="review-facts">
          <div><dt>Check-ins</dt><dd>{summary.checkins} of 7 days</dd></div>
          <div><dt>Worked</dt><dd>{summary.workedText}</dd></div>
          <div><dt>After hours</dt><dd>{summary.afterHoursText}</dd></div>
          <div><dt>Days with progress</dt><dd>{summary.progressDays}</dd></div>
          <div><dt>Stress (1-5)</dt><dd>{summary.stressText}</dd></div>
          <div><dt>Energy (1-5)</dt><dd>{summary.energyText}</dd></div>
        </dl>
      )}
    </section>
  );
}

export function WinsSection({ report }: { report: WeeklyReport }) {
  const wins = [...(report.wins ?? [])].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
  return (
    <section class="card review-card" aria-labelledby="review-wins-title">
      <h2 id="review-wins-title">Wins of the week</h2>
      {wins.length === 0 ? (
        <StatusNote kind="empty">No wins logged this week. Small ones count too: a break taken, a “no” said kindly.</StatusNote>
      ) : (
        <ul class="win-list review-wins">
          {wins.map((w) => (
            <li key={w.id} class="win">
              <time class="win-date" dateTime={w.date}>{shortDay(w.date)}</time>
              <span class="win-text">{w.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SetbacksSection({ summary }: { summary: ReviewSummary }) {
  const none = summary.setbackDays.length === 0 && summary.brokenBoundaries.length === 0;
  return (
    <section class="card review-card" aria-labelledby="review-setbacks-title">
      <h2 id="review-setbacks-title">What got in the way</h2>
      {none ? (
        <StatusNote kind="empty">No setbacks and no broken boundaries this week.</StatusNote>
      ) : (
        <>
          <p class="section-intro">
            Setbacks are part of any change. They show where a plan needs support, and nothing here resets your progress.
          </p>
          {summary.setbackDays.length > 0 && (
            <p>
              You marked {summary.setbackDays.length === 1 ? 'a setback on' : `setbacks on ${summary.setbackDays.length} days:`}{' '}
              {summary.setbackDays.map((d, i) => (
                <span key={d}>
                  {i > 0 && ', '}
                  <time dateTime={d}>{shortDay(d)}</time>
                </span>
              ))}
              .
            </p>
          )}
          {summary.brokenBoundaries.length > 0 && (
            <ul class="review-broken">
              {summary.brokenBoundaries.map((b) => (
                <li key={b.id} class="review-broken-item">
                  <h3 class="review-broken-title">{b.description}</h3>
                  <p class="review-broken-count">Not kept on {b.broken} {b.broken === 1 ? 'day' : 'days'}:</p>
                  <ul class="review-evidence">
                    {b.evidence.map((e, i) => <li key={i}>{e}</li>)}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

export function HelpedSection({ report }: { report: WeeklyReport }) {
  const helped = report.what_helped ?? [];
  return (
    <section class="card review-card" aria-labelledby="review-helped-title">
      <h2 id="review-helped-title">What helped</h2>
      {helped.length === 0 ? (
        <StatusNote kind="empty">Not enough days yet to see what helped. It shows once there are a few weeks of check-ins.</StatusNote>
      ) : (
        <>
          <ul class="review-helped">
            {helped.map((s, i) => <li key={i}>{s}</li>)}
          </ul>
          <p class="field-hint">Patterns in your own data, not proof of cause.</p>
        </>
      )}
    </section>
  );
}

export function GoalsSection({ summary }: { summary: ReviewSummary }) {
  return (
    <section class="card review-card" aria-labelledby="review-goals-title">
      <h2 id="review-goals-title">Goals this week</h2>
      {summary.goals.length === 0 ? (
        <StatusNote kind="empty">You have no goals yet. Write one on the Goals page.</StatusNote>
      ) : (
        <ul class="review-goals">
          {summary.goals.map((g) => (
            <li key={g.id} class="review-goal">
              <div class="review-goal-head">
                <span class="review-goal-title">{g.title}</span>
                <span class="review-goal-count">{g.done} of {g.target} this week{g.met ? ' ✓' : ''}</span>
              </div>
              <progress class="review-goal-bar" max={Math.max(g.target, 1)} value={Math.min(g.done, Math.max(g.target, 1))}
                aria-label={`${g.title}: done ${g.done} of ${g.target} this week`} />
              <p class="review-goal-strength">Habit strength {Math.round(g.strength)}%, {g.changeText}.</p>
            </li>
          ))}
        </ul>
      )}
      {summary.stageChanges.length > 0 && (
        <>
          <h3>Stage changes</h3>
          <ul class="review-stages">
            {summary.stageChanges.map((s, i) => <li key={i}>{s}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

// "Mon 16" of "Mon 16 Nov": the month is left out on a phone, where the week's dates say it.
const dayOnly = (date: string) => shortDay(date).split(' ').slice(0, 2).join(' ');

// What the imported calendar and activity show for the week; hidden when nothing covers it.
export function EvidenceSection({ week }: { week: EvidenceWeek | null }) {
  if (!week) return null;
  const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  return (
    <section class="card review-card review-evidence-card" aria-labelledby="review-evidence-title">
      <h2 id="review-evidence-title">What your calendar and tracker show</h2>
      <p class="section-intro">
        From your imported calendar and activity, on the {days(week.coveredDays)} of this week they cover.
      </p>
      <dl class="review-facts review-evidence-facts">
        <div data-fact="work"><dt>Work time</dt><dd>{formatMinutes(week.work)}</dd></div>
        <div data-fact="after-hours"><dt>After hours</dt><dd>{formatMinutes(week.afterHours)}</dd></div>
        <div data-fact="meetings">
          <dt>Meetings</dt>
          <dd>{formatMinutes(week.meetings)}{week.afterHoursMeetings > 0 ? `, ${formatMinutes(week.afterHoursMeetings)} after hours` : ''}</dd>
        </div>
        <div data-fact="focus">
          <dt>Longest focus block</dt><dd>{week.longestFocus > 0 ? formatMinutes(week.longestFocus) : 'none of an hour'}</dd>
        </div>
        {week.daysPastEnd !== null && (
          <div data-fact="past-end"><dt>Worked past the end of work hours</dt><dd>{days(week.daysPastEnd)}</dd></div>
        )}
      </dl>
      <div class="review-evidence-scroll">
        <table class="review-evidence-days">
          <caption>Each day, in hours and minutes</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Work</th>
              <th scope="col">After hours</th>
              <th scope="col">Meetings</th>
              <th scope="col">Focus</th>
            </tr>
          </thead>
          <tbody>
            {week.days.map((d) => (
              <tr key={d.date} data-date={d.date} data-known={d.known ? 'true' : 'false'}>
                <th scope="row">
                  <time dateTime={d.date}>
                    {dayOnly(d.date)}<span class="review-evidence-month"> {monthName(d.date)}</span>
                  </time>
                </th>
                {d.known ? (
                  <>
                    <td data-col="work">{clockHours(d.work)}</td>
                    <td data-col="after-hours">{clockHours(d.afterHours)}</td>
                    <td data-col="meetings">{clockHours(d.meetings)}</td>
                    <td data-col="focus">{d.focus === null ? '?' : clockHours(d.focus)}</td>
                  </>
                ) : (
                  <td colSpan={4} class="review-evidence-unknown">No evidence</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
