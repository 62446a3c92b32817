import { COLLAB_CLOSE_CODES, interviewRoundDocument, languageSchema, roomDocument, ROOM_LIMITS, type RoundIndex } from '@peerprep/contracts';
import * as Y from 'yjs';
import { writableRound } from '../../documents/room-document';

/** Whether a client's document update may be applied, and when not, how its socket is closed. */
export type UpdateVerdict = { ok: true } | { ok: false; code: number; reason: string };

export interface DocumentLimits {
  /** ROOM_LIMITS.codeMaxLength */
  codeMaxLength: number;
  /** ROOM_LIMITS.documentMaxBytes */
  documentMaxBytes: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  codeMaxLength: ROOM_LIMITS.codeMaxLength,
  documentMaxBytes: ROOM_LIMITS.documentMaxBytes,
};

/**
 * Where a struct lands: a root type and, in a map, its key. `collected`: it
 * lands next to garbage-collected content and is dropped by Yjs itself;
 * `nested`: inside a type inside a root (no room document has one);
 * `missing`: it hangs off a struct the server does not hold.
 */
type Target = { root: string; key: string | null } | 'collected' | 'nested' | 'missing';

const refuse = (reason: string): UpdateVerdict => ({ ok: false, code: COLLAB_CLOSE_CODES.writeRefused, reason });
const tooLarge = (reason: string): UpdateVerdict => ({ ok: false, code: COLLAB_CLOSE_CODES.documentTooLarge, reason });

/** Where a struct the document holds sits. */
function targetOfStored(struct: Y.Item | Y.GC): Target {
  if (!(struct instanceof Y.Item) || struct.parent === null) return 'collected';
  const parent = struct.parent as Y.AbstractType<unknown>;
  if (parent._item !== null) return 'nested';
  return { root: Y.findRootTypeKey(parent), key: struct.parentSub };
}

/** The struct of `doc` holding `id`, or undefined when the document has not seen it. */
function storedStruct(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
  const structs = doc.store.clients.get(id.client);
  return structs?.[Y.findIndexSS(structs, id.clock)];
}

/** The items of an update by client, in clock order, to look up an origin the update itself carries. */
function indexItems(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): (id: Y.ID) => Y.Item | undefined {
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  return (id) => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let [low, high] = [0, list.length - 1];
    while (low <= high) {
      const middle = (low + high) >> 1;
      const item = list[middle];
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  };
}

/**
 * Where each item of an update lands, as Yjs will decide when it integrates
 * it: an item carries its parent only when it has no neighbour, otherwise it
 * takes its left (else right) origin's parent and key. Origins are followed
 * through the update (one chain per run of typed characters, walked without
 * recursion) until one is in the document.
 */
function createTargetResolver(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {
  const inUpdate = indexItems(structs);
  const resolved = new Map<Y.Item, Target>();
  /** Where `item` itself says it is, or the id of the neighbour it takes that from. */
  const ownTarget = (item: Y.Item): Target | Y.ID => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, key: item.parentSub };
    if (parent !== null) return 'nested';
    return item.origin ?? item.rightOrigin ?? 'missing';
  };
  return (item: Y.Item): Target => {
    const chain = new Set<Y.Item>();
    let current = item;
    let target: Target;
    for (;;) {
      const known = resolved.get(current);
      if (known !== undefined) {
        target = known;
        break;
      }
      chain.add(current);
      const own = ownTarget(current);
      if (!(own instanceof Y.ID)) {
        target = own;
        break;
      }
      const stored = storedStruct(doc, own);
      if (stored) {
        target = targetOfStored(stored);
        break;
      }
      const next = inUpdate(own);
      // An origin the update does not carry either, or a loop: nothing Yjs could integrate.
      if (next === undefined || chain.has(next)) {
        target = 'missing';
        break;
      }
      current = next;
    }
    for (const link of chain) resolved.set(link, target);
    return target;
  };
}

/**
 * The round whose code and language a client may write now: `meta.round`
 * of a mock interview (0: none, waiting or over), or null in a pair room,
 * where the room's code and language are always writable and round two's
 * do not exist.
 */
type WritableRound = ReturnType<typeof writableRound>;

/** Which round's text a root is (round one's is the room's own `code`), if any. */
function roundOfText(root: string): RoundIndex | undefined {
  if (root === interviewRoundDocument[1].code) return 1;
  if (root === interviewRoundDocument[2].code) return 2;
  return undefined;
}

/** Which round's language a meta key is (round one's is the room's own `language`), if any. */
function roundOfLanguage(key: string | null): RoundIndex | undefined {
  if (key === interviewRoundDocument[1].language) return 1;
  if (key === interviewRoundDocument[2].language) return 2;
  return undefined;
}

/**
 * Why a client may not write round `index`'s code or language now: round
 * one's (the room's own) always in a pair room; in a mock interview each only
 * while its round is played, so neither is written before its round starts
 * nor after it ended (both stay readable).
 */
function roundRefusal(index: RoundIndex, writable: WritableRound, what: string): string | undefined {
  if (writable === null) return index === 1 ? undefined : `a room document has no ${what} of round two outside a mock interview`;
  if (writable === index) return undefined;
  return `round ${index}'s ${what} is written during round ${index} only`;
}

/** Why a client may not insert `item` at `target`; undefined when it may. */
function insertRefusal(target: Target, item: Y.Item, writable: WritableRound): string | undefined {
  if (target === 'collected') return undefined;
  if (target === 'nested') return 'a room document holds no nested types';
  if (target === 'missing') return 'the update depends on changes the server does not hold';
  const { content } = item;
  const textRound = roundOfText(target.root);
  if (textRound !== undefined) {
    const refusal = roundRefusal(textRound, writable, 'code');
    if (refusal) return refusal;
    return content instanceof Y.ContentString || content instanceof Y.ContentDeleted ? undefined : 'the code holds text only';
  }
  switch (target.root) {
    case roomDocument.meta: {
      const languageRound = roundOfLanguage(target.key);
      if (languageRound === undefined) return `meta.${target.key ?? '?'} is written by the server only`;
      const refusal = roundRefusal(languageRound, writable, 'language');
      if (refusal) return refusal;
      if (content instanceof Y.ContentDeleted) return undefined;
      return content instanceof Y.ContentAny && content.arr.length === 1 && languageSchema.safeParse(content.arr[0]).success
        ? undefined
        : `meta.${target.key} must be a language`;
    }
    case roomDocument.chat:
      return 'the chat is written by the server only (send a chat message)';
    default:
      return `a room document has no shared type "${target.root}"`;
  }
}

/** Why a client may not delete a stored struct at `target`; undefined when it may. */
function deleteRefusal(target: { root: string; key: string | null }, writable: WritableRound): string | undefined {
  const textRound = roundOfText(target.root);
  if (textRound !== undefined) return roundRefusal(textRound, writable, 'code');
  const languageRound = target.root === roomDocument.meta ? roundOfLanguage(target.key) : undefined;
  if (languageRound !== undefined) return roundRefusal(languageRound, writable, 'language');
  return target.root === roomDocument.chat ? 'chat lines are removed by nobody' : `${target.root}.${target.key ?? ''} is written by the server only`;
}

/**
 * Checks a client's document update against the room's document before it is
 * applied, so a refused update never reaches the document, the other clients,
 * the other replicas or Postgres. A client may write the code (text) and
 * `meta.language`; nothing else: `meta.endedBy`, `meta.round` and the chat
 * are the server's, and no other shared type exists. In a mock interview
 * the code and language are the running round's only (`meta.round`: round
 * one's `code` and `language`, round two's `round2Code` and
 * `round2Language`), so neither round's is written before it starts or
 * after it ended. It may delete code and
 * languages it replaces, not chat lines nor `endedBy`. The code may not grow
 * past `codeMaxLength`, nor the document's bytes (`documentBytes`, every
 * update it took since it was loaded) past `documentMaxBytes`; an update
 * that only deletes is always taken.
 *
 * Structs the document already holds are skipped (Yjs skips them too).
 */
export function checkClientUpdate(doc: Y.Doc, update: Uint8Array, documentBytes: number, limits: DocumentLimits = DOCUMENT_LIMITS): UpdateVerdict {
  const { structs, ds } = Y.decodeUpdate(update);
  const targetOf = createTargetResolver(doc, structs);
  const writable = writableRound(doc);
  let inserted = 0;
  // Characters inserted and deleted per text (the room's code, round two's code): each is bounded on its own.
  const codeInserted = new Map<string, number>();
  const codeDeleted = new Map<string, number>();
  const add = (counts: Map<string, number>, root: string, count: number) => counts.set(root, (counts.get(root) ?? 0) + count);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const known = Y.getState(doc.store, struct.id.client) - struct.id.clock;
    if (known >= struct.length) continue;
    const target = targetOf(struct);
    const refusal = insertRefusal(target, struct, writable);
    if (refusal) return refuse(refusal);
    inserted += 1;
    if (typeof target === 'object' && roundOfText(target.root) !== undefined && struct.content instanceof Y.ContentString) {
      add(codeInserted, target.root, struct.length - Math.max(0, known));
    }
  }

  for (const [client, deletions] of ds.clients) {
    const structsOfClient = doc.store.clients.get(client);
    if (!structsOfClient) continue;
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, state);
      if (clock >= end) continue;
      for (let index = Y.findIndexSS(structsOfClient, clock); index < structsOfClient.length; index++) {
        const struct = structsOfClient[index];
        if (struct.id.clock >= end) break;
        if (!(struct instanceof Y.Item) || struct.deleted) continue;
        const target = targetOfStored(struct);
        if (typeof target !== 'object') continue;
        const refusal = deleteRefusal(target, writable);
        if (refusal) return refuse(refusal);
        if (roundOfText(target.root) !== undefined && struct.countable) {
          add(codeDeleted, target.root, Math.min(struct.id.clock + struct.length, end) - Math.max(struct.id.clock, clock));
        }
      }
    }
  }

  if (inserted === 0) return { ok: true };
  for (const [root, count] of codeInserted) {
    if (count > 0 && doc.getText(root).length + count - (codeDeleted.get(root) ?? 0) > limits.codeMaxLength) {
      return tooLarge(`the code may be at most ${limits.codeMaxLength} characters`);
    }
  }
  if (documentBytes + update.byteLength > limits.documentMaxBytes) {
    return tooLarge(`the room's document reached its ${Math.round(limits.documentMaxBytes / 1024 / 1024)} MiB`);
  }
  return { ok: true };
}
