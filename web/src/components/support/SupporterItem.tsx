// One person in the network: relation, kinds of support, whether linked; Edit inline, Remove after a confirm.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../../api';
import { sentence } from '../../messages';
import { type Supporter, removeSupporter, updateSupporter } from './data';
import { formFromSupporter, kindLabel, relationLabel } from './logic';
import { SupporterForm } from './SupporterForm';

interface Props {
  api: ApiClient;
  supporter: Supporter;
  onChanged: (message: string) => void;
}

export function SupporterItem({ api, supporter: s, onChanged }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const nameId = `supporter-${s.id}-name`;

  // The confirm step takes focus on its safe choice, so a keyboard user is never left on nothing.
  useEffect(() => {
    if (mode === 'confirm') keepButton.current?.focus();
  }, [mode]);

  const back = () => {
    setMode('view');
    setError(null);
    setTimeout(() => editButton.current?.focus(), 0);
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await removeSupporter(api, s.id);
      onChanged(`${s.name} was removed from your support network.`);
      document.getElementById('support-network-title')?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'Removing them failed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'edit') {
    return (
      <li class="support-person support-person--editing">
        <SupporterForm
          idPrefix={`supporter-${s.id}`}
          heading={`Edit ${s.name}`}
          submitLabel="Save changes"
          initial={formFromSupporter(s)}
          emailHint={s.linked
            ? 'Linked to a Headway account. Leave this empty to keep the link, or enter another e-mail to link to that account instead.'
            : 'If they use Headway, their account e-mail links them. Optional.'}
          onCancel={back}
          onSubmit={async (body) => {
            const saved = await updateSupporter(api, s.id, body);
            back();
            onChanged(`Changes to ${saved.name} are saved.`);
          }}
        />
      </li>
    );
  }

  return (
    <li class="support-person" aria-labelledby={nameId}>
      <p class="support-person-name" id={nameId}>{s.name}</p>
      <p class="support-person-meta">
        {relationLabel(s.relation)}
        {s.linked && <span class="support-linked"> · linked to a Headway account</span>}
      </p>
      <ul class="support-kinds" aria-label={`Support ${s.name} gives`}>
        {s.kinds.map((k) => <li key={k} class="pill pill--accent">{kindLabel(k)}</li>)}
      </ul>
      {mode === 'view' ? (
        <div class="form-actions">
          <button type="button" class="button button--quiet" ref={editButton} onClick={() => setMode('edit')} aria-describedby={nameId}>
            Edit
          </button>
          <button type="button" class="button button--quiet" onClick={() => setMode('confirm')} aria-describedby={nameId}>
            Remove
          </button>
        </div>
      ) : (
        <div class="support-confirm" role="group" aria-label={`Remove ${s.name}`}>
          <p>Remove {s.name} from your support network? This cannot be undone.</p>
          <div class="form-actions">
            <button type="button" class="button button--danger" onClick={remove} disabled={busy}>
              {busy ? 'Removing…' : 'Yes, remove'}
            </button>
            <button type="button" class="button button--quiet" ref={keepButton} onClick={back} disabled={busy}>Keep them</button>
          </div>
        </div>
      )}
      {error && <p class="form-error" role="alert">{error}</p>}
    </li>
  );
}
