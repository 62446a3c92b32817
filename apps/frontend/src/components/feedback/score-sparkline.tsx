import { formatFeedbackDate, sparklinePoints } from '../../lib/feedback/feedback-format';

const WIDTH = 120;
const HEIGHT = 36;

/**
 * A criterion's scores over time as a small inline SVG (no chart library for
 * one line). Screen readers get the same scores in its accessible name; each
 * point has a tooltip with its date and score.
 */
export function ScoreSparkline({ title, points }: { title: string; points: readonly { date: string; score: number }[] }) {
  const coords = sparklinePoints(
    points.map((point) => point.score),
    WIDTH,
    HEIGHT,
  );
  const label = `${title} over time, oldest first: ${points.map((point) => point.score).join(', ')}`;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      className="shrink-0 overflow-visible text-primary"
      data-testid="score-sparkline"
    >
      {/* The scale's top and bottom (4 and 1), faint. */}
      <line x1={0} x2={WIDTH} y1={4} y2={4} className="stroke-divider" strokeWidth={1} />
      <line x1={0} x2={WIDTH} y1={HEIGHT - 4} y2={HEIGHT - 4} className="stroke-divider" strokeWidth={1} />
      {coords.length > 1 ? (
        <polyline points={coords.map(({ x, y }) => `${x},${y}`).join(' ')} fill="none" stroke="currentColor" strokeWidth={2} strokeLinejoin="round" />
      ) : null}
      {coords.map(({ x, y }, index) => (
        <circle key={index} cx={x} cy={y} r={3} fill="currentColor">
          <title>{`${formatFeedbackDate(points[index].date)}: ${points[index].score}`}</title>
        </circle>
      ))}
    </svg>
  );
}
