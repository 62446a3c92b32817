/**
 * A drawing of a PeerPrep room (question left, shared editor right, both
 * peers' cursors), built from markup so it follows the colour scheme.
 */
const codeLines: { indent: number; tokens: { text: string; tone: 'kw' | 'fn' | 'plain' | 'str' }[] }[] = [
  { indent: 0, tokens: [{ text: 'def ', tone: 'kw' }, { text: 'two_sum', tone: 'fn' }, { text: '(nums, target):', tone: 'plain' }] },
  { indent: 1, tokens: [{ text: 'seen = {}', tone: 'plain' }] },
  { indent: 1, tokens: [{ text: 'for ', tone: 'kw' }, { text: 'i, n ', tone: 'plain' }, { text: 'in ', tone: 'kw' }, { text: 'enumerate', tone: 'fn' }, { text: '(nums):', tone: 'plain' }] },
  { indent: 2, tokens: [{ text: 'if ', tone: 'kw' }, { text: 'target - n ', tone: 'plain' }, { text: 'in ', tone: 'kw' }, { text: 'seen:', tone: 'plain' }] },
  { indent: 3, tokens: [{ text: 'return ', tone: 'kw' }, { text: '[seen[target - n], i]', tone: 'plain' }] },
  { indent: 2, tokens: [{ text: 'seen[n] = i', tone: 'plain' }] },
];

const toneClass = {
  kw: 'text-primary',
  fn: 'text-secondary',
  str: 'text-secondary',
  plain: 'text-foreground',
} as const;

function Cursor({ name, className }: { name: string; className: string }) {
  return (
    <>
      <span className={`ml-px inline-block h-4 w-0.5 translate-y-0.5 ${className}`} />
      {/* Beside the cursor, not above it, so the tag never hides code. */}
      <span
        className={`ml-1 inline-block rounded px-1.5 py-0.5 align-middle font-sans text-[10px] font-semibold leading-none text-white ${className}`}
      >
        {name}
      </span>
    </>
  );
}

export function RoomPreview() {
  return (
    <div
      role="img"
      aria-label="A PeerPrep room: the question on the left, and on the right a shared code editor where both peers' named cursors are visible."
      className="overflow-hidden rounded-2xl border border-divider bg-paper shadow-xl shadow-primary/10 dark:shadow-black/40"
    >
      <div className="flex items-center gap-2 border-b border-divider px-4 py-2.5">
        <span className="size-2.5 rounded-full bg-rose-400" />
        <span className="size-2.5 rounded-full bg-amber-400" />
        <span className="size-2.5 rounded-full bg-emerald-400" />
        <span className="ml-3 text-xs text-muted">Room · Arrays · Easy</span>
        <span className="ml-auto flex items-center gap-1.5 text-xs text-muted">
          <span className="size-2 rounded-full bg-emerald-500" /> 2 online
        </span>
      </div>
      <div className="grid sm:grid-cols-5">
        <div className="hidden space-y-2.5 border-r border-divider p-4 sm:col-span-2 sm:block">
          <div className="text-sm font-bold text-foreground">Two Sum</div>
          <div className="flex gap-1.5">
            <span className="rounded-full bg-emerald-500/15 px-2 py-0.5 text-[10px] font-semibold text-emerald-700 dark:text-emerald-300">
              Easy
            </span>
            <span className="rounded-full bg-primary/15 px-2 py-0.5 text-[10px] font-semibold text-primary">Arrays</span>
          </div>
          <div className="h-2 w-full rounded bg-foreground/10" />
          <div className="h-2 w-11/12 rounded bg-foreground/10" />
          <div className="h-2 w-4/5 rounded bg-foreground/10" />
          <div className="h-2 w-full rounded bg-foreground/10" />
          <div className="h-2 w-2/3 rounded bg-foreground/10" />
          <div className="mt-4 rounded-lg border border-divider p-2">
            <div className="h-2 w-3/4 rounded bg-foreground/10" />
            <div className="mt-2 h-2 w-1/2 rounded bg-foreground/10" />
          </div>
        </div>
        <div className="bg-background/60 sm:col-span-3 p-4 font-mono text-[12px] leading-6">
          {codeLines.map((line, index) => (
            <div key={index} className="flex whitespace-pre">
              <span className="w-6 shrink-0 select-none text-muted/60">{index + 1}</span>
              <span style={{ paddingLeft: `${line.indent * 2}ch` }}>
                {line.tokens.map((token, tokenIndex) => (
                  <span key={tokenIndex} className={toneClass[token.tone]}>
                    {token.text}
                  </span>
                ))}
                {index === 1 && <Cursor name="Ana" className="bg-rose-600" />}
                {index === 5 && <Cursor name="Ben" className="bg-sky-700" />}
              </span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
