// The wins journal: every win in a date range, optionally of one size.
import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { todayIn } from '../dates';
import type { WinSize } from '../types';
import { useLoad } from '../use-load';
import { WIN_SIZES } from '../win-form';
import { type WinsFilter, defaultWinsFilter, filterWins, validateWinsFilter } from '../wins-filter';
import { PageHeading } from './PageHeading';
import { StatusNote } from './StatusNote';
import { TextField } from './TextField';
import { WinList } from './WinList';

export function WinsPage({ api, timezone }: { api: ApiClient; timezone: string }) {
  const initial = useMemo(() => defaultWinsFilter(todayIn(timezone)), [timezone]);
  const [draft, setDraft] = useState<WinsFilter>(initial);
  const [range, setRange] = useState({ from: initial.from, to: initial.to });
  const { data: wins, failed, retry } = useLoad(() => api.wins(range.from, range.to), [api, range]);
  const errors = validateWinsFilter(draft);

  const apply = (e: Event) => {
    e.preventDefault();
    if (Object.keys(errors).length === 0) setRange({ from: draft.from, to: draft.to });
  };

  const shown = wins && filterWins(wins, draft.size);

  return (
    <>
      <div class="page-title">
        <PageHeading>Wins journal</PageHeading>
      </div>
      <section class="card" aria-labelledby="wins-filter-title">
        <h2 id="wins-filter-title">Show wins</h2>
        <form class="form wins-filter" onSubmit={apply} noValidate>
          <TextField id="wins-from" label="From (YYYY-MM-DD)" value={draft.from} onInput={(from) => setDraft({ ...draft, from })}
            error={errors.from} autocomplete="off" />
          <TextField id="wins-to" label="To (YYYY-MM-DD)" value={draft.to} onInput={(to) => setDraft({ ...draft, to })}
            error={errors.to} autocomplete="off" />
          <div class="field">
            <label for="wins-size">Size</label>
            <select id="wins-size" name="wins-size" value={draft.size}
              onChange={(e) => setDraft({ ...draft, size: e.currentTarget.value as WinSize | 'all' })}>
              <option value="all">all sizes</option>
              {WIN_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </div>
          <div class="form-actions">
            <button type="submit" class="button">Show</button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="wins-list-title">
        <h2 id="wins-list-title">Wins from {range.from} to {range.to}</h2>
        {failed ? (
          <StatusNote kind="error" onRetry={retry}>Your wins could not be loaded.</StatusNote>
        ) : shown === null ? (
          <StatusNote kind="loading">Loading your wins…</StatusNote>
        ) : shown.length === 0 ? (
          <StatusNote kind="empty">No wins in this range. Log one on the Today page: small ones count too.</StatusNote>
        ) : (
          <WinList wins={shown} showDate />
        )}
      </section>
    </>
  );
}
