import amqplib from 'amqplib';
import { createTestRabbit } from './rabbitmq';

async function exists(connection: amqplib.ChannelModel, check: (channel: amqplib.Channel) => Promise<unknown>) {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  try {
    await check(channel);
    await channel.close();
    return true;
  } catch {
    return false;
  }
}

describe('createTestRabbit', () => {
  it('names the exchange and queues uniquely per call', async () => {
    const [a, b] = await Promise.all([createTestRabbit('same'), createTestRabbit('same')]);
    expect(a.exchange).not.toBe(b.exchange);
    expect(a.queueName('orders')).not.toBe(b.queueName('orders'));
    expect(a.queueName('orders')).toBe(a.queueName('orders'));
    await Promise.all([a.cleanup(), b.cleanup()]);
  });

  it('cleanup deletes the exchange, the queues and their retry, dead-letter and dead-job queues', async () => {
    const rabbit = await createTestRabbit('cleanup');
    const connection = await amqplib.connect(rabbit.url);
    try {
      const channel = await connection.createChannel();
      await channel.assertExchange(rabbit.exchange, 'topic', { durable: true });
      const queue = rabbit.queueName('work');
      const unused = rabbit.queueName('never-declared');
      for (const name of [queue, `${queue}.retry`, `${queue}.dlq`, `${queue}.dead`]) {
        await channel.assertQueue(name, { durable: true });
      }
      await channel.bindQueue(queue, rabbit.exchange, 'some.event');
      await channel.close();

      await rabbit.cleanup();

      expect(await exists(connection, (ch) => ch.checkExchange(rabbit.exchange))).toBe(false);
      for (const name of [queue, `${queue}.retry`, `${queue}.dlq`, `${queue}.dead`, unused]) {
        expect(await exists(connection, (ch) => ch.checkQueue(name))).toBe(false);
      }
    } finally {
      await connection.close();
    }
  });
});
