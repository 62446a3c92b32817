'use client';

import type { Language, StarterCode } from '@peerprep/contracts';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';

/**
 * Starter code, one tab per language (read-only here; the room's editor comes
 * later). `languages` (the contracts' LANGUAGES) is passed in by the server page,
 * so that this client module does not import the contracts and zod with them.
 */
export function StarterCodeTabs({ starterCode, languages }: { starterCode: StarterCode; languages: readonly Language[] }) {
  const [language, setLanguage] = useState<Language>('javascript');
  return (
    <div className="overflow-hidden rounded-xl border border-divider">
      <Tabs
        value={language}
        onChange={(_event, value: Language) => setLanguage(value)}
        variant="scrollable"
        scrollButtons="auto"
        // On a phone the five languages do not fit: the arrows show there are more.
        allowScrollButtonsMobile
        aria-label="Starter code language"
        className="border-b border-divider"
      >
        {languages.map((lang) => (
          <Tab key={lang} value={lang} label={LANGUAGE_LABELS[lang]} id={`starter-tab-${lang}`} aria-controls="starter-code-panel" />
        ))}
      </Tabs>
      <div role="tabpanel" id="starter-code-panel" aria-labelledby={`starter-tab-${language}`}>
        <pre className="m-0 max-h-[28rem] overflow-auto bg-foreground/5 p-4 font-mono text-sm leading-relaxed">
          <code>{starterCode[language] || '// No starter code for this language yet.'}</code>
        </pre>
      </div>
    </div>
  );
}
