import type { ReleasedHint } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { SafeMarkdown } from '../questions/safe-markdown';

/**
 * The candidate's hints: those the interviewer released in this round, as
 * they arrive (message 104) or were fetched on connect. Nothing else of the
 * interviewer's material ever reaches this page.
 */
export function HintsPanel({ hints }: { hints: readonly ReleasedHint[] }) {
  return (
    <Surface as="section" aria-labelledby="room-hints-title" data-testid="hints-panel" className="rounded-2xl p-4">
      <h2 id="room-hints-title" className="m-0 text-base font-bold">
        Hints
      </h2>
      {hints.length === 0 ? (
        <p className="m-0 mt-1 text-sm text-muted">None yet: your interviewer may release hints one by one.</p>
      ) : (
        <ol className="m-0 mt-2 flex list-none flex-col gap-2 p-0">
          {hints.map((hint) => (
            <li key={`${hint.round}:${hint.index}`} data-testid="released-hint" className="rounded-xl border border-divider p-3 text-sm">
              <span className="font-semibold">Hint {hint.index + 1}</span>
              <SafeMarkdown>{hint.text}</SafeMarkdown>
            </li>
          ))}
        </ol>
      )}
    </Surface>
  );
}
