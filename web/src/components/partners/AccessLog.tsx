// "Who looked at what": every read a partner or coach made, newest first.
import type { GrantAccess } from './data';
import { accessWhat, formatInstant, scopeLabel } from './labels';

export function AccessLog({ entries, timezone }: { entries: GrantAccess[]; timezone: string }) {
  return (
    <div class="partners-table-wrap" tabIndex={0} role="region" aria-labelledby="partners-log-caption">
      <table class="partners-table partners-log">
        <caption id="partners-log-caption">Reads by the people you share with, newest first (times in {timezone})</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.who}</td>
              <td>{accessWhat(e.scope, e.what)} <span class="partners-muted">({scopeLabel(e.scope)})</span></td>
              <td><time dateTime={e.at}>{formatInstant(e.at, timezone)}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
