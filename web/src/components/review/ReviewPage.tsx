// The weekly review: one ISO week's wins, setbacks met kindly, what helped, goals, and a values
// reflection. Previous and next week move through the weeks, never past this one.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api';
import { todayIn } from '../../dates';
import type { Me } from '../../types';
import { useLoad } from '../../use-load';
import { PageHeading } from '../PageHeading';
import { StatusNote } from '../StatusNote';
import { type Reflection, reflections, weeklyReport } from './data';
import { ReflectionSection } from './ReflectionSection';
import {
  evidenceWeek, isThisWeek, recentReflections, reflectionFor, reflectionsRange, reviewWeek, shiftWeek, summariseWeek, weekName, weekRange,
} from './review';
import { EvidenceSection, GlanceSection, GoalsSection, HelpedSection, SetbacksSection, WinsSection } from './WeekSections';
import './review.css';

// The week in the address (?week=YYYY-MM-DD), so a week can be bookmarked or reloaded.
function weekFromAddress(): string | null {
  return new URLSearchParams(location.search).get('week');
}

export function ReviewPage({ api, me }: { api: ApiClient; me: Me }) {
  const today = useMemo(() => todayIn(me.timezone), [me.timezone]);
  const [monday, setMonday] = useState(() => reviewWeek(today, weekFromAddress()));
  const { data: report, failed: loadError, retry: retryReport } = useLoad(() => weeklyReport(api, monday), [api, monday, today]);
  const { data: list, failed: listError, retry: retryList, set: setList } = useLoad(() => {
    const range = reflectionsRange(monday, today);
    return reflections(api, range.from, range.to);
  }, [api, monday, today]);
  const previous = useRef<HTMLButtonElement>(null);
  const thisWeek = isThisWeek(monday, today);

  // Reaching this week disables "Next week" (and hides "This week"); keep the keyboard's place.
  useEffect(() => {
    if (thisWeek && (document.activeElement === document.body || document.activeElement === null)) previous.current?.focus();
  }, [thisWeek]);

  useEffect(() => {
    const path = thisWeek ? '/review' : `/review?week=${monday}`;
    if (location.pathname === '/review' && location.pathname + location.search !== path) history.replaceState(null, '', path);
  }, [monday, thisWeek]);

  const summary = useMemo(() => (report ? summariseWeek(report) : null), [report]);
  const evidence = useMemo(() => (report ? evidenceWeek(report) : null), [report]);
  const saved = list ? reflectionFor(list, monday) : null;

  const onSaved = (r: Reflection) => {
    setList((l) => [...(l ?? []).filter((x) => x.week !== r.week), r]);
  };

  return (
    <>
      <div class="page-title">
        <PageHeading>Weekly review</PageHeading>
        <p class="page-date">
          {report ? `${weekName(report.week)}: ` : ''}
          <time dateTime={monday}>{weekRange(monday)}</time>
          {thisWeek ? ' (this week)' : ''}
        </p>
      </div>
      <nav class="review-nav" aria-label="Weeks">
        <button ref={previous} type="button" class="button button--quiet" onClick={() => setMonday(shiftWeek(monday, -1, today))}>
          <span aria-hidden="true">‹ </span>Previous week
        </button>
        {!thisWeek && (
          <button type="button" class="button button--quiet" onClick={() => setMonday(reviewWeek(today, today))}>
            This week
          </button>
        )}
        <button type="button" class="button button--quiet" disabled={thisWeek} onClick={() => setMonday(shiftWeek(monday, 1, today))}>
          Next week<span aria-hidden="true"> ›</span>
        </button>
      </nav>
      {loadError ? (
        <StatusNote kind="error" onRetry={() => { retryReport(); retryList(); }}>The review of this week could not be loaded.</StatusNote>
      ) : report === null || summary === null ? (
        <StatusNote kind="loading">Putting the week together…</StatusNote>
      ) : (
        <>
          {!summary.hasData && (
            <div class="card review-empty">
              <StatusNote kind="empty">
                {thisWeek
                  ? 'Nothing recorded this week yet. Check in on Today or log a win, and the review fills in.'
                  : 'Nothing was recorded in this week: no check-ins, wins or broken boundaries.'}
              </StatusNote>
            </div>
          )}
          <div class="columns">
            <div class="column">
              <GlanceSection summary={summary} />
              <EvidenceSection week={evidence} />
              <WinsSection report={report} />
              <SetbacksSection summary={summary} />
              <HelpedSection report={report} />
            </div>
            <div class="column">
              <GoalsSection summary={summary} />
              <ReflectionSection
                api={api}
                monday={monday}
                thisWeek={thisWeek}
                saved={saved}
                recent={list ? recentReflections(list) : null}
                recentError={listError}
                onSaved={onSaved}
              />
            </div>
          </div>
        </>
      )}
    </>
  );
}
