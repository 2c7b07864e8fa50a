// The landing page: today's check-in, wins and boundaries, in the person's own time zone.
import { useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { formatDay, todayIn } from '../dates';
import type { DraftStore } from '../drafts';
import type { Evaluation } from '../types';
import { BoundariesSection } from './BoundariesSection';
import { CheckInSection } from './CheckInSection';
import { PageHeading } from './PageHeading';
import { WinsSection } from './WinsSection';

interface Props {
  api: ApiClient;
  drafts: DraftStore;
  account: number;
  timezone: string;
}

export function TodayPage({ api, drafts, account, timezone }: Props) {
  const date = useMemo(() => todayIn(timezone), [timezone]);
  const restored = useMemo(() => drafts.load(account, date), [drafts, account, date]);
  const [latest, setLatest] = useState<Evaluation[] | null>(null);

  return (
    <>
      <div class="page-title">
        <PageHeading>Today</PageHeading>
        <p class="page-date">
          <time dateTime={date}>{formatDay(date)}</time>
        </p>
      </div>
      <div class="columns columns--main-side">
        <CheckInSection api={api} drafts={drafts} account={account} date={date} draft={restored.checkin} onSaved={setLatest} />
        <div class="today-side">
          <WinsSection api={api} drafts={drafts} account={account} date={date} draft={restored.win} />
          <BoundariesSection api={api} date={date} latest={latest} />
        </div>
      </div>
    </>
  );
}
