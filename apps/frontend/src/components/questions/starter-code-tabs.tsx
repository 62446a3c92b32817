'use client';

import type { Language, StarterCode } from '@peerprep/contracts';
import { useRef, useState, type KeyboardEvent } from 'react';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { tabKeyTarget } from '../ui/tab-keys';

/**
 * Starter code, one tab per language (read-only here; the room's editor comes
 * later). `languages` (the contracts' LANGUAGES) is passed in by the server page,
 * so that this client module does not import the contracts and zod with them.
 *
 * The tabs are plain buttons in WAI-ARIA's tabs pattern, drawn as MUI's Tabs
 * (the selected one in the primary colour over a 2 px indicator): MUI's Tabs
 * would bring its runtime styling and ripples to a page that has no other use
 * for them. The arrows, Home and End move between them; the list scrolls
 * sideways on a phone, where the five do not fit.
 */
export function StarterCodeTabs({ starterCode, languages }: { starterCode: StarterCode; languages: readonly Language[] }) {
  const [language, setLanguage] = useState<Language>('javascript');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabKeyTarget(event.key, index, languages.length);
    if (target === null) return;
    event.preventDefault();
    setLanguage(languages[target]);
    tabs.current[target]?.focus();
  };

  return (
    <div className="overflow-hidden rounded-xl border border-divider">
      <div role="tablist" aria-label="Starter code language" className="flex overflow-x-auto border-b border-divider">
        {languages.map((lang, index) => {
          const selected = lang === language;
          return (
            <button
              key={lang}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`starter-tab-${lang}`}
              aria-selected={selected}
              aria-controls="starter-code-panel"
              tabIndex={selected ? 0 : -1}
              onClick={() => setLanguage(lang)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`min-h-12 min-w-[5.625rem] shrink-0 cursor-pointer border-0 border-b-2 border-solid bg-transparent px-4 py-3 font-sans text-sm font-semibold leading-tight transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-primary ${
                selected ? 'border-primary text-primary' : 'border-transparent text-muted hover:text-foreground'
              }`}
            >
              {LANGUAGE_LABELS[lang]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="starter-code-panel" aria-labelledby={`starter-tab-${language}`}>
        <pre className="m-0 max-h-[28rem] overflow-auto bg-foreground/5 p-4 font-mono text-sm leading-relaxed">
          <code>{starterCode[language] || '// No starter code for this language yet.'}</code>
        </pre>
      </div>
    </div>
  );
}
