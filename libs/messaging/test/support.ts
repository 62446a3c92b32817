import amqplib from 'amqplib';
import pino from 'pino';

export const silentLogger = pino({ level: 'silent' });

/**
 * Polls until `condition` holds. The limit only turns a hang into a readable
 * failure; no test asserts on how long anything took.
 */
export async function waitFor(
  description: string,
  condition: () => boolean | Promise<boolean>,
  limitMs = 20_000,
): Promise<void> {
  const giveUpAt = Date.now() + limitMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > giveUpAt) throw new Error(`Gave up waiting for: ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function succeeds(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch {
    return false;
  }
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface DeadLetter {
  body: string;
  headers: Record<string, unknown>;
}

/** A plain amqplib connection to look at and poke the broker from outside the library. */
export async function openBrokerProbe(url: string) {
  const connection = await amqplib.connect(url);
  const channel = await connection.createConfirmChannel();
  /** On a channel of its own: a missing queue closes the channel that asked. Undefined when it is missing. */
  async function checkQueue(queue: string) {
    const scratch = await connection.createChannel();
    scratch.on('error', () => undefined);
    try {
      const found = await scratch.checkQueue(queue);
      await scratch.close();
      return found;
    } catch {
      return undefined;
    }
  }
  return {
    channel,
    async queueExists(queue: string): Promise<boolean> {
      return (await checkQueue(queue)) !== undefined;
    },
    /** Consumers on `queue` (0 when it does not exist): a library consumer is on it only once its bindings are. */
    async consumerCount(queue: string): Promise<number> {
      return (await checkQueue(queue))?.consumerCount ?? 0;
    },
    async readyCount(queue: string): Promise<number> {
      return (await channel.checkQueue(queue)).messageCount;
    },
    /** Takes every ready message off `queue`. */
    async drain(queue: string): Promise<DeadLetter[]> {
      const taken: DeadLetter[] = [];
      for (let message = await channel.get(queue, { noAck: true }); message; message = await channel.get(queue, { noAck: true })) {
        taken.push({ body: message.content.toString(), headers: message.properties.headers ?? {} });
      }
      return taken;
    },
    async publishRaw(exchange: string, routingKey: string, body: string | object): Promise<void> {
      const content = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      channel.publish(exchange, routingKey, content, { persistent: true, contentType: 'application/json' });
      await channel.waitForConfirms();
    },
    async close(): Promise<void> {
      await connection.close();
    },
  };
}

export type BrokerProbe = Awaited<ReturnType<typeof openBrokerProbe>>;
