import { Text } from '../ui/type';
import { PRESENCE_LABELS, type ParticipantPresence } from '../../lib/rooms/presence';
import type { ConnectionStatus } from '../../lib/rooms/room-session';

const CONNECTION_LABELS: Readonly<Record<ConnectionStatus, string>> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  stopped: 'Disconnected',
};

const STATUS_DOT: Readonly<Record<ParticipantPresence['status'], string>> = {
  online: 'bg-green-600',
  left: 'bg-amber-500',
  notJoined: 'bg-gray-400',
  unknown: 'bg-gray-400',
};

/** Who is here: each participant in their cursor colour, their status, and this tab's own connection. */
export function PresenceList({ rows, connection }: { rows: readonly ParticipantPresence[]; connection: ConnectionStatus }) {
  return (
    <section aria-labelledby="presence-heading" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <Text id="presence-heading" variant="h2" className="text-base font-bold">
          People
        </Text>
        <span role="status" data-testid="connection-status" data-connection={connection} className="text-xs text-muted">
          {CONNECTION_LABELS[connection]}
        </span>
      </div>
      <ul aria-labelledby="presence-heading" data-testid="presence-list" className="m-0 flex list-none flex-col gap-2 p-0">
        {rows.map((row) => (
          <li
            key={row.index}
            data-testid="presence-item"
            data-status={row.status}
            data-self={row.isSelf ? 'true' : 'false'}
            className="flex items-center gap-2 text-sm"
          >
            <span aria-hidden="true" className="h-3 w-3 shrink-0 rounded-full" style={{ backgroundColor: row.color }} />
            <span className="min-w-0 truncate font-semibold">
              {row.participant.displayName}
              {row.isSelf ? ' (you)' : ''}
            </span>
            <span className="ml-auto flex items-center gap-1 whitespace-nowrap text-muted">
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${STATUS_DOT[row.status]}`} />
              {row.isSelf && row.status === 'online' ? 'Online' : PRESENCE_LABELS[row.status]}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
