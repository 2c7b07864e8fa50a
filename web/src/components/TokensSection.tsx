// Personal API tokens: make one (its secret shows once), see them all, revoke one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import { sentence } from '../messages';
import { validateTokenName } from '../settings-form';
import type { ApiToken, CreatedApiToken, TokenScope } from '../types';
import { useLoad } from '../use-load';
import { FieldError } from './FieldError';
import { NewTokenSecret } from './NewTokenSecret';
import { StatusNote } from './StatusNote';
import { TextField } from './TextField';
import { TokenList } from './TokenList';

export function TokensSection({ api }: { api: ApiClient }) {
  const { data: tokens, failed, retry, set: setTokens } = useLoad(() => api.tokens(), [api]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [scopeError, setScopeError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);

  const fail = (err: unknown, fallback: string) => {
    if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
    if (err instanceof ApiError && err.field === 'name') setNameError(sentence(err.message));
    else if (err instanceof ApiError && err.field === 'scope') setScopeError(sentence(err.message));
    else setFormError(err instanceof ApiError ? sentence(err.message) : fallback);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setFormError(null);
    setScopeError(undefined);
    const problem = validateTokenName(name);
    setNameError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const token = await api.createToken(name.trim(), scope);
      if (!mounted.current) return;
      setCreated(token);
      setTokens((list) => [...(list ?? []), token]);
      setName('');
      setAnnounce(null);
    } catch (err) {
      fail(err, 'Making the token failed. Please try again.');
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    setFormError(null);
    setBusy(true);
    try {
      await api.revokeToken(token.id);
      if (!mounted.current) return;
      setTokens((list) => (list ?? []).map((t) => (t.id === token.id ? { ...t, revoked: true } : t)));
      if (created?.id === token.id) setCreated(null);
      setAnnounce(`Token “${token.name}” revoked.`);
    } catch (err) {
      fail(err, 'Revoking the token failed. Please try again.');
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Personal API tokens</h2>
      <p class="section-intro">Scripts send a token as “Authorization: Bearer …”. A read token can only look.</p>
      <form class="form" onSubmit={submit} noValidate>
        {formError && <p class="form-error" role="alert">{formError}</p>}
        <TextField
          id="token-name"
          label="Token name"
          value={name}
          maxLength={100}
          autocomplete="off"
          onInput={(v) => { setName(v); setNameError(undefined); }}
          error={nameError}
        />
        <div class="win-form-row">
          <div class={scopeError ? 'field field--invalid' : 'field'}>
            <label for="token-scope">Scope</label>
            <select
              id="token-scope"
              name="token-scope"
              value={scope}
              aria-describedby={scopeError ? 'token-scope-error' : undefined}
              onChange={(e) => setScope(e.currentTarget.value as TokenScope)}
            >
              <option value="read">read</option>
              <option value="read-write">read-write</option>
            </select>
            <FieldError id="token-scope-error" message={scopeError} />
          </div>
          <button type="submit" class="button" disabled={busy}>Make token</button>
        </div>
      </form>
      {created && <NewTokenSecret token={created} onDone={() => setCreated(null)} />}
      <p class="form-status" role="status">{announce}</p>
      <h3>Your tokens</h3>
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your tokens could not be loaded.</StatusNote>
      ) : tokens === null ? (
        <StatusNote kind="loading">Loading your tokens…</StatusNote>
      ) : tokens.length === 0 ? (
        <StatusNote kind="empty">You have no tokens.</StatusNote>
      ) : (
        <TokenList tokens={tokens} onRevoke={revoke} busy={busy} />
      )}
    </section>
  );
}
