// Settings: profile, password, personal API tokens, the calendar feed, the export and deleting the account.
import type { ApiClient } from '../api';
import type { Me } from '../types';
import { CalendarFeedSection } from './CalendarFeedSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ExportSection } from './ExportSection';
import { PageHeading } from './PageHeading';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { TokensSection } from './TokensSection';

interface Props {
  api: ApiClient;
  me: Me;
  onProfileSaved: (me: Me) => void;
  onDeleted: () => void;
}

export function SettingsPage({ api, me, onProfileSaved, onDeleted }: Props) {
  return (
    <>
      <div class="page-title">
        <PageHeading>Settings</PageHeading>
      </div>
      <div class="columns">
        <ProfileSection api={api} me={me} onSaved={onProfileSaved} />
        <PasswordSection api={api} />
        <TokensSection api={api} />
        <CalendarFeedSection api={api} timezone={me.timezone} />
        <ExportSection api={api} timezone={me.timezone} />
        <DeleteAccountSection api={api} onDeleted={onDeleted} />
      </div>
    </>
  );
}
