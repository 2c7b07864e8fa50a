// The gentle, non-diagnostic pointer to support when a wellbeing score is in its lowest band.
export function SupportNote({ text, scales }: { text: string; scales: string[] }) {
  return (
    <aside class="assess-support" aria-label="Support">
      <p class="assess-support-title">
        <strong>Looking after yourself</strong>
        <span class="field-hint"> (about {scales.join(', ').toLowerCase()})</span>
      </p>
      <p class="assess-support-text">{text}</p>
    </aside>
  );
}
