import type { ChatMessage } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { chatWithRoundMarkers } from '../../lib/history/attempt-rounds';
import { formatChatTime } from '../../lib/rooms/chat-time';

/** The session's chat, read-only; in a mock interview with a marker where each round's lines begin. */
export function AttemptChat({ chat, selfId }: { chat: readonly ChatMessage[]; selfId: string }) {
  return (
    <section aria-labelledby="transcript-heading" className="flex flex-col gap-2">
      <Text id="transcript-heading" variant="h2" className="text-xl font-bold">
        Chat
      </Text>
      <Surface className="max-h-[60vh] overflow-y-auto rounded-2xl p-4" data-testid="attempt-chat">
        {chat.length === 0 ? (
          <Text as="p" className="text-muted">
            No messages were sent.
          </Text>
        ) : (
          <ol className="m-0 flex list-none flex-col gap-3 p-0">
            {chatWithRoundMarkers(chat).map((entry) =>
              entry.kind === 'round' ? (
                <li key={`round-${entry.round}`} data-testid="chat-round-marker" className="flex items-center gap-3 text-xs font-semibold uppercase tracking-wide text-muted">
                  <span aria-hidden="true" className="h-px flex-1 bg-divider" />
                  Round {entry.round}
                  <span aria-hidden="true" className="h-px flex-1 bg-divider" />
                </li>
              ) : (
                <li key={entry.message.id} data-testid="chat-message" className="flex flex-col">
                  <div className="flex items-baseline gap-2 text-xs">
                    <span className="font-bold">{entry.message.authorId === selfId ? 'You' : entry.message.authorName}</span>
                    <time dateTime={entry.message.sentAt} className="text-muted">
                      {formatChatTime(entry.message.sentAt)}
                    </time>
                  </div>
                  <p data-testid="chat-message-text" className="m-0 whitespace-pre-wrap break-words text-sm">
                    {entry.message.text}
                  </p>
                </li>
              ),
            )}
          </ol>
        )}
      </Surface>
    </section>
  );
}
