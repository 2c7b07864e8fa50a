// Patterns inside the person's own data: each question, the report's plain sentence, the interval,
// and, when there is no clear pattern yet, why not.
import type { ApiClient } from '../../api';
import { useLoad } from '../../use-load';
import { StatusNote } from '../StatusNote';
import { loadInsights } from './data';
import { unclearText } from './interval';
import { IntervalPlot } from './IntervalPlot';

export function CorrelationsSection({ api }: { api: ApiClient }) {
  const { data: insights, failed, retry } = useLoad(() => loadInsights(api), [api]);

  return (
    <section class="card insights-section" aria-labelledby="insights-patterns-title">
      <h2 id="insights-patterns-title">Patterns in your data</h2>
      <p class="section-intro">
        How things went together in your own check-ins over the last 90 days. A pattern is not proof that one thing
        causes the other, and the bar shows how sure it is: the narrower, the surer.
      </p>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your patterns could not be loaded.</StatusNote>
      ) : insights === null ? (
        <StatusNote kind="loading">Looking for patterns…</StatusNote>
      ) : insights.length === 0 ? (
        <StatusNote kind="empty">No patterns to look at yet. They need at least 14 days of check-ins.</StatusNote>
      ) : (
        <ul class="insights-patterns">
          {insights.map((ins) => {
            const why = unclearText(ins);
            return (
              <li key={ins.id} class="insights-pattern" data-insight={ins.id}>
                <h3 class="insights-pattern-question">{ins.question}</h3>
                <p class={why ? 'pill pill--unknown insights-verdict' : 'pill pill--kept insights-verdict'}>
                  {why ? 'No clear pattern yet' : 'A clear pattern'}
                </p>
                {why && <p class="insights-pattern-why">{why}</p>}
                <p class="insights-pattern-sentence">{ins.sentence}</p>
                <div class="insights-interval-box">
                  <IntervalPlot insight={ins} />
                  <p class="insights-interval-legend" aria-hidden="true">
                    Bar: 95% interval. Dot: rho. Line: 0, no link.
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
