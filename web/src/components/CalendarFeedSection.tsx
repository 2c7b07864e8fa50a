// The calendar feed: a secret link any calendar app can subscribe to, with the protected time
// of the boundaries and a daily check-in reminder. A new link replaces the old one at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import {
  type CreatedFeed, createFeed, feedDate, getFeed, normalizeReminder, revokeFeed, setFeedReminder, stateOf,
  validateReminder,
} from '../feed';
import { sentence } from '../messages';
import { useLoad } from '../use-load';
import { StatusNote } from './StatusNote';
import { TextField } from './TextField';
import './calendar-feed.css';

// The new link, shown this once, with a way to copy it.
function NewFeedLink({ feed, onDone }: { feed: CreatedFeed; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => box.current?.focus(), [feed.token]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied('Link copied.');
    } catch {
      input.current?.select();
      setCopied('Copying was not allowed: the link is selected, copy it with your keyboard.');
    }
  };

  return (
    <div class="notice token-secret" role="status" tabIndex={-1} ref={box} aria-labelledby="feed-link-title">
      <p id="feed-link-title">
        Your calendar link is ready. Copy it now: Headway will not show it again.
      </p>
      <div class="field">
        <label for="feed-url">Calendar link</label>
        <div class="feed-url-row">
          <input id="feed-url" type="text" readOnly value={feed.url} ref={input} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="button" onClick={copy}>Copy</button>
        </div>
      </div>
      <p class="section-intro">
        Subscribe to it in Google Calendar (“From URL”), Apple Calendar (“New Calendar Subscription”) or Outlook
        (“Subscribe from web”). Anyone with the link can see your protected-time blocks, never your notes or
        check-ins.
      </p>
      <p class="form-status" role="status">{copied}</p>
      <button type="button" class="button button--quiet" onClick={onDone}>I have copied it</button>
    </div>
  );
}

export function CalendarFeedSection({ api, timezone }: { api: ApiClient; timezone: string }) {
  const { data: feed, failed, retry, set: setFeed } = useLoad(() => getFeed(api), [api]);
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [reminder, setReminder] = useState('');
  const [reminderError, setReminderError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mounted = useRef(true);

  useEffect(() => () => { mounted.current = false; }, []);
  useEffect(() => { if (feed?.reminder) setReminder(feed.reminder); }, [feed?.reminder]);

  const fail = (err: unknown, fallback: string) => {
    if (!mounted.current || (err instanceof ApiError && err.status === 401)) return;
    if (err instanceof ApiError && err.field === 'reminder') setReminderError(sentence(err.message));
    else setFormError(err instanceof ApiError ? sentence(err.message) : fallback);
  };

  const run = async (action: () => Promise<void>, fallback: string) => {
    setFormError(null);
    setAnnounce(null);
    setBusy(true);
    try {
      await action();
    } catch (err) {
      fail(err, fallback);
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  const make = () => run(async () => {
    const made = await createFeed(api);
    if (!mounted.current) return;
    setCreated(made);
    setFeed(stateOf(made));
    setConfirming(false);
  }, 'Making the calendar link failed. Please try again.');

  const turnOff = () => run(async () => {
    await revokeFeed(api);
    if (!mounted.current) return;
    setCreated(null);
    setConfirming(false);
    setFeed({ exists: false });
    setAnnounce('The calendar feed is off. Its link no longer works.');
  }, 'Turning the feed off failed. Please try again.');

  const saveReminder = (e: Event) => {
    e.preventDefault();
    const problem = validateReminder(reminder);
    setReminderError(problem);
    if (problem) return;
    void run(async () => {
      const next = await setFeedReminder(api, normalizeReminder(reminder) ?? reminder);
      if (!mounted.current) return;
      setFeed(next);
      setAnnounce(`The check-in reminder is at ${next.reminder ?? ''}.`);
    }, 'Saving the reminder failed. Please try again.');
  };

  return (
    <section class="card" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p class="section-intro">
        A private link your calendar app can subscribe to: the time your boundaries protect, and a daily reminder
        to check in.
      </p>
      {formError && <p class="form-error" role="alert">{formError}</p>}
      {failed ? (
        <StatusNote kind="error" onRetry={retry}>Your calendar feed could not be loaded.</StatusNote>
      ) : feed === null ? (
        <StatusNote kind="loading">Loading your calendar feed…</StatusNote>
      ) : !feed.exists ? (
        <button type="button" class="button" onClick={make} disabled={busy}>Create a calendar feed</button>
      ) : (
        <>
          <p class="feed-facts">
            Your feed is on. This link was made on {feedDate(feed.created_at ?? '', timezone)}.
          </p>
          <form class="form" onSubmit={saveReminder} noValidate>
            <div class="win-form-row">
              <TextField
                id="feed-reminder"
                label="Check-in reminder (HH:MM)"
                value={reminder}
                maxLength={5}
                autocomplete="off"
                inputMode="numeric"
                onInput={(v) => { setReminder(v); setReminderError(undefined); }}
                error={reminderError}
              />
              <button type="submit" class="button" disabled={busy}>Save reminder</button>
            </div>
          </form>
          {confirming ? (
            <div class="notice" role="group" aria-labelledby="feed-rotate-title">
              <p id="feed-rotate-title">
                A new link replaces this one: the old link stops working at once, and calendars subscribed to it
                stop updating.
              </p>
              <div class="feed-actions">
                <button type="button" class="button" onClick={make} disabled={busy}>Make a new link</button>
                <button type="button" class="button button--quiet" onClick={() => setConfirming(false)}>Cancel</button>
              </div>
            </div>
          ) : (
            <div class="feed-actions">
              <button type="button" class="button" onClick={() => setConfirming(true)} disabled={busy}>New link…</button>
              <button type="button" class="button button--danger" onClick={turnOff} disabled={busy}>Turn off</button>
            </div>
          )}
        </>
      )}
      {created && <NewFeedLink feed={created} onDone={() => setCreated(null)} />}
      <p class="form-status" role="status">{announce}</p>
    </section>
  );
}
