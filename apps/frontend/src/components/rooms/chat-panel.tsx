'use client';

import { ROOM_LIMITS, type ChatMessage } from '@peerprep/contracts';
import { Button } from '../ui/button';
import TextField from '@mui/material/TextField';
import { Text } from '../ui/type';
import { useEffect, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
import { CHAT_MESSAGE_MAX_LENGTH, type ChatRefusal } from '../../lib/rooms/chat';
import { formatChatTime } from '../../lib/rooms/chat-time';
import type { ParticipantTextColors } from '../../lib/rooms/participant-colors';

export interface ChatPanelProps {
  messages: readonly ChatMessage[];
  selfId: string;
  /** Name colours per author id (the participant's cursor colour, and its dark-scheme twin). */
  colorOf(authorId: string | null): ParticipantTextColors | undefined;
  disabled: boolean;
  disabledReason?: string;
  onSend(text: string): { ok: true } | { ok: false; reason: ChatRefusal };
}

const REFUSALS = {
  empty: 'Type a message first.',
  tooLong: `Messages are at most ${CHAT_MESSAGE_MAX_LENGTH} characters.`,
  full: `The chat is full (${ROOM_LIMITS.chatMaxMessages} messages).`,
  ended: 'The session has ended.',
  offline: 'Not connected: try again in a moment.',
} as const satisfies Record<ChatRefusal, string>;

/** The author's colours as custom properties: the `dark:` variant picks the scheme's one. */
function authorStyle(colors: ParticipantTextColors | undefined): CSSProperties | undefined {
  return colors ? ({ '--author-light': colors.light, '--author-dark': colors.dark } as CSSProperties) : undefined;
}

/** The room's chat: plain text only, newest at the bottom, Enter sends and Shift+Enter breaks the line. */
export function ChatPanel({ messages, selfId, colorOf, disabled, disabledReason, onSend }: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const logRef = useRef<HTMLDivElement>(null);

  // New messages arrive at the bottom: keep them in view.
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages.length]);

  const send = () => {
    const result = onSend(draft);
    if (result.ok) {
      setDraft('');
      setError(null);
    } else {
      setError(REFUSALS[result.reason]);
    }
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // An IME composing a word uses Enter to commit it, not to send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const nearLimit = draft.length > CHAT_MESSAGE_MAX_LENGTH * 0.9;

  return (
    <section aria-labelledby="chat-heading" className="flex min-h-0 flex-col gap-2">
      <Text id="chat-heading" variant="h2" className="text-base font-bold">
        Chat
      </Text>
      <div
        ref={logRef}
        role="log"
        aria-label="Chat messages"
        data-testid="chat-messages"
        className="h-64 overflow-y-auto rounded-xl border border-divider p-3"
      >
        {messages.length === 0 ? (
          <Text as="p" className="text-sm text-muted">
            No messages yet.
          </Text>
        ) : (
          <ol className="m-0 flex list-none flex-col gap-3 p-0">
            {messages.map((message) => (
              <li key={message.id} data-testid="chat-message" data-author-id={message.authorId ?? ''} className="flex flex-col">
                <div className="flex items-baseline gap-2 text-xs">
                  <span className="font-bold text-[color:var(--author-light,inherit)] dark:text-[color:var(--author-dark,inherit)]" style={authorStyle(colorOf(message.authorId))}>
                    {message.authorId === selfId ? 'You' : message.authorName}
                  </span>
                  <time dateTime={message.sentAt} className="text-muted">
                    {formatChatTime(message.sentAt)}
                  </time>
                </div>
                {/* Plain text: React escapes it, and nothing here interprets Markdown or HTML. */}
                <p data-testid="chat-message-text" className="m-0 whitespace-pre-wrap break-words text-sm">
                  {message.text}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
      <form onSubmit={handleSubmit} className="flex items-start gap-2">
        <TextField
          label="Message"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
          onKeyDown={handleKeyDown}
          disabled={disabled}
          multiline
          maxRows={4}
          size="small"
          fullWidth
          error={error !== null}
          helperText={disabled ? disabledReason : (error ?? (nearLimit ? `${draft.length} / ${CHAT_MESSAGE_MAX_LENGTH}` : 'Enter to send, Shift+Enter for a new line'))}
          slotProps={{
            htmlInput: { maxLength: CHAT_MESSAGE_MAX_LENGTH, 'data-testid': 'chat-input' },
            // Why the box is disabled is worth reading: not in the faint disabled grey.
            formHelperText: disabled ? { className: 'text-muted' } : undefined,
          }}
        />
        <Button type="submit" variant="contained" disabled={disabled} data-testid="chat-send">
          Send
        </Button>
      </form>
    </section>
  );
}
