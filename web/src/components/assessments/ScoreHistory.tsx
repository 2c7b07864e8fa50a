// One scale's scores over time as a chart with its bands shaded, and the same as a table.
import { useMemo } from 'preact/hooks';
import { formatDay } from '../../dates';
import { type ChartBand, LineChart } from '../insights/LineChart';
import { daySeconds } from '../insights/series';
import type { Assessment, Instrument, Scale } from './data';
import { bandLabel, bandRanges, bandsFor, chronological, formatScore } from './logic';

interface Props {
  instrument: Instrument;
  scale: Scale;
  history: Assessment[];
}

export function ScoreHistory({ instrument, scale, history }: Props) {
  const rows = useMemo(() => chronological(history).flatMap((a) => {
    const s = a.scores.find((x) => x.scale === scale.id);
    return s ? [{ date: a.date, id: a.id, score: s.score, band: s.band }] : [];
  }), [history, scale.id]);
  const x = useMemo(() => rows.map((r) => daySeconds(r.date)), [rows]);
  const series = useMemo(() => [{ label: scale.title, values: rows.map((r) => r.score), colour: 'text' as const }], [rows, scale]);
  const bands = useMemo<ChartBand[] | undefined>(() => {
    const b = bandsFor(instrument, scale.id);
    return b ? bandRanges(b) : undefined;
  }, [instrument, scale.id]);
  const splits = bands ? [...new Set([0, ...bands.map((b) => b.min), 100])] : [0, 25, 50, 75, 100];
  const id = `assess-${instrument.id}-${scale.id}`;
  const bandWords = bands?.map((b) => `${b.label} ${b.min}–${b.max}`).join('; ');

  return (
    <figure class="chart-figure assess-history" aria-labelledby={`${id}-title`} data-scale={scale.id}>
      <figcaption>
        <h4 id={`${id}-title`} class="assess-history-title">{scale.title}</h4>
      </figcaption>
      <LineChart
        label={`${scale.title} scores over time, 0 to 100${bandWords ? `, with bands: ${bandWords}` : ''}.`}
        x={x}
        series={series}
        yMin={0}
        yMax={100}
        ySplits={splits}
        {...(bands ? { bands } : {})}
        height={180}
        xPad={0.06}
      />
      <details class="chart-table">
        <summary>{scale.title}: the scores by date</summary>
        <table>
          <caption>{scale.title} scores, 0 to 100</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-date={r.date}>
                <th scope="row"><time dateTime={r.date}>{formatDay(r.date)}</time></th>
                <td>{formatScore(r.score)}</td>
                <td>{bandLabel(instrument, scale.id, r.band)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
