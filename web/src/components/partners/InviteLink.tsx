// An invite link, shown this once right after it was made, with a copy button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { inviteUrl } from './labels';

export function InviteLink({ code, onDone }: { code: string; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const url = inviteUrl(location.origin, code);
  useEffect(() => ref.current?.focus(), [code]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div class="notice partners-link" role="status" tabIndex={-1} ref={ref} aria-labelledby="partners-link-title">
      <p id="partners-link-title">
        Your invite link is ready. Send it to the one person it is for: Headway will not show it again, and it works once.
      </p>
      <p class="partners-link-label" id="partners-link-label">Invite link</p>
      <code class="partners-link-value" aria-labelledby="partners-link-label">{url}</code>
      <div class="form-actions">
        <button type="button" class="button" onClick={copy}>Copy link</button>
        <button type="button" class="button button--quiet" onClick={onDone}>I have sent it</button>
        <p class="form-status" aria-live="polite">
          {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Copying did not work here; select the link and copy it.' : ''}
        </p>
      </div>
    </div>
  );
}
