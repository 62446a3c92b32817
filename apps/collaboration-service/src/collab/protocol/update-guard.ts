import { COLLAB_CLOSE_CODES, languageSchema, roomDocument, ROOM_LIMITS } from '@peerprep/contracts';
import * as Y from 'yjs';

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

/** Why a client may not insert `item` at `target`; undefined when it may. */
function insertRefusal(target: Target, item: Y.Item): string | undefined {
  if (target === 'collected') return undefined;
  if (target === 'nested') return 'a room document holds no nested types';
  if (target === 'missing') return 'the update depends on changes the server does not hold';
  const { content } = item;
  switch (target.root) {
    case roomDocument.code:
      return content instanceof Y.ContentString || content instanceof Y.ContentDeleted ? undefined : 'the code holds text only';
    case roomDocument.meta:
      if (target.key !== roomDocument.metaKeys.language) return `meta.${target.key ?? '?'} is written by the server only`;
      if (content instanceof Y.ContentDeleted) return undefined;
      return content instanceof Y.ContentAny && content.arr.length === 1 && languageSchema.safeParse(content.arr[0]).success
        ? undefined
        : 'meta.language must be a language';
    case roomDocument.chat:
      return 'the chat is written by the server only (send a chat message)';
    default:
      return `a room document has no shared type "${target.root}"`;
  }
}

/**
 * Checks a client's document update against the room's document before it is
 * applied, so a refused update never reaches the document, the other clients,
 * the other replicas or Postgres. A client may write the code (text) and
 * `meta.language`; nothing else: `meta.endedBy` and the chat are the
 * server's, and no other shared type exists. It may delete code and
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
  let inserted = 0;
  let codeInserted = 0;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const known = Y.getState(doc.store, struct.id.client) - struct.id.clock;
    if (known >= struct.length) continue;
    const target = targetOf(struct);
    const refusal = insertRefusal(target, struct);
    if (refusal) return refuse(refusal);
    inserted += 1;
    if (typeof target === 'object' && target.root === roomDocument.code && struct.content instanceof Y.ContentString) {
      codeInserted += struct.length - Math.max(0, known);
    }
  }

  let codeDeleted = 0;
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
        if (target.root === roomDocument.code) {
          if (struct.countable) codeDeleted += Math.min(struct.id.clock + struct.length, end) - Math.max(struct.id.clock, clock);
        } else if (!(target.root === roomDocument.meta && target.key === roomDocument.metaKeys.language)) {
          return refuse(target.root === roomDocument.chat ? 'chat lines are removed by nobody' : `${target.root}.${target.key ?? ''} is written by the server only`);
        }
      }
    }
  }

  if (inserted === 0) return { ok: true };
  const code = doc.getText(roomDocument.code);
  if (codeInserted > 0 && code.length + codeInserted - codeDeleted > limits.codeMaxLength) {
    return tooLarge(`the code may be at most ${limits.codeMaxLength} characters`);
  }
  if (documentBytes + update.byteLength > limits.documentMaxBytes) {
    return tooLarge(`the room's document reached its ${Math.round(limits.documentMaxBytes / 1024 / 1024)} MiB`);
  }
  return { ok: true };
}
