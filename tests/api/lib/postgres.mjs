// Fresh PostgreSQL databases for the API tests, on the server scripts/run-tests.sh starts
// (HEADWAY_TEST_POSTGRES_URL). Without that server the tests are skipped, or fail when
// HEADWAY_TEST_REQUIRE_POSTGRES=1.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const POSTGRES_URL = process.env.HEADWAY_TEST_POSTGRES_URL ?? '';
export const POSTGRES_REQUIRED = process.env.HEADWAY_TEST_REQUIRE_POSTGRES === '1';

// The skip reason for a PostgreSQL test, or false when it runs (or must run, and then fails).
export const postgresSkip =
  !POSTGRES_URL && !POSTGRES_REQUIRED
    ? 'HEADWAY_TEST_POSTGRES_URL is not set (scripts/run-tests.sh starts a PostgreSQL server and sets it)'
    : false;

// Throws unless a PostgreSQL server was given; call it first in every PostgreSQL test or hook.
export function requirePostgres() {
  if (!POSTGRES_URL) throw new Error('HEADWAY_TEST_REQUIRE_POSTGRES=1 but HEADWAY_TEST_POSTGRES_URL is not set');
}

// The same server and credentials, another database.
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

function psql(sql) {
  const r = spawnSync('psql', [POSTGRES_URL, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run psql: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql failed (${r.status}) on ${sql}: ${r.stderr}`);
  return r.stdout.trim();
}

// Creates an empty database; `headway serve --database <url>` migrates it on start.
// Returns { name, url, drop() }; drop() removes it even while connections are open.
export function createDatabase(prefix = 'headway_api') {
  requirePostgres();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  return {
    name,
    url: withDatabase(POSTGRES_URL, name),
    drop() { psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); },
  };
}
