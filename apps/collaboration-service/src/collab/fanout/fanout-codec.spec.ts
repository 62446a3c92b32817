import { decodeFanout, encodeFanout, type FanoutMessage } from './fanout-codec';

describe('fan-out codec', () => {
  const messages: FanoutMessage[] = [
    { kind: 'update', update: new Uint8Array([1, 2, 3]) },
    { kind: 'awareness', update: new Uint8Array([9]) },
    { kind: 'sync-request', stateVector: new Uint8Array([0]) },
    { kind: 'closed' },
    { kind: 'left' },
    { kind: 'relay', message: new Uint8Array([100, 2, 123, 125]) },
    { kind: 'call', from: '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44', message: new Uint8Array([102, 2, 123, 125]) },
  ];

  it.each(messages)('round-trips a $kind message with its sender', (message) => {
    expect(decodeFanout(encodeFanout('replica-a', message))).toEqual({ replicaId: 'replica-a', message });
  });

  it('ignores what it cannot read (garbage, or a kind from a newer replica)', () => {
    expect(decodeFanout(new Uint8Array([200]))).toBeNull();
    const unknownKind = Buffer.concat([encodeFanout('r', { kind: 'closed' }).subarray(0, 2), Buffer.from([42])]);
    expect(decodeFanout(unknownKind)).toBeNull();
  });
});
