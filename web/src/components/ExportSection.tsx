// "Download my data": the export as a JSON file that `headway import-data` reads back.
import { useState } from 'preact/hooks';
import { ApiError, type ApiClient } from '../api';
import { todayIn } from '../dates';
import { sentence } from '../messages';
import { exportFileName } from '../settings-form';

// Offers the text as a file through a temporary <a download>; no data goes into markup.
function offerDownload(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns; let it live a little.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportSection({ api, timezone }: { api: ApiClient; timezone: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    setAnnounce(null);
    try {
      const data = await api.exportData();
      offerDownload(JSON.stringify(data, null, 2) + '\n', exportFileName(todayIn(timezone)));
      setAnnounce('Your data is downloading.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setError(err instanceof ApiError ? sentence(err.message) : 'The export failed. Please try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Your data</h2>
      <p class="section-intro">Everything you have in Headway, as one JSON file.</p>
      {error && <p class="form-error" role="alert">{error}</p>}
      <button type="button" class="button" onClick={download} disabled={busy}>
        {busy ? 'Preparing…' : 'Download my data'}
      </button>
      <p class="form-status" role="status">{announce}</p>
    </section>
  );
}
