// The gaps in a support network as calm cards, most pressing first, with the top barrier in words.
import { StatusNote } from '../StatusNote';
import type { SupportNetwork } from './data';
import { orderGaps, topBarrierText } from './logic';

export function GapsList({ network }: { network: SupportNetwork }) {
  const gaps = orderGaps(network.gaps);
  const barrier = topBarrierText(network.top_barrier);
  return (
    <div class="support-gaps-body">
      {barrier && <p class="support-barrier">{barrier}</p>}
      {gaps.length === 0 ? (
        <StatusNote kind="empty">Your support looks well spread: the kinds of support you need are covered by the people you list.</StatusNote>
      ) : (
        <ul class="support-gap-list">
          {gaps.map((g) => (
            <li key={g.code} class="support-gap" data-code={g.code}>{g.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
