import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import InitColorSchemeScript from '@mui/material/InitColorSchemeScript';
import { AuthProvider } from '../components/auth/auth-provider';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';
import { ColorSchemeSync } from '../theme/color-scheme-sync';
// The theme's CSS variables (generated from the theme, theme-stylesheet.ts), then Tailwind and the site's CSS.
import '../theme/theme-variables.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'PeerPrep · Peer technical-interview practice', template: '%s · PeerPrep' },
  description:
    'Pick a topic and a difficulty, get matched with a peer in real time, and solve one interview question together in a shared editor.',
  applicationName: 'PeerPrep',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1020' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The colour-scheme script changes <html>'s class before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body className="bg-background text-foreground antialiased">
        <InitColorSchemeScript attribute="class" defaultMode="system" />
        <ColorSchemeSync />
        {/* MUI's theme and style cache are not here: the parts that draw MUI bring them (components/mui/mui-scope.tsx). */}
        <AuthProvider>
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-paper px-4 py-2 text-foreground focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
          >
            Skip to content
          </a>
          <div className="flex min-h-screen flex-col">
            <SiteHeader />
            {/* At least a screen tall: the footer starts below the first view, so a page
                whose content arrives after the first paint does not push it (no layout shift). */}
            <main id="main" className="min-h-screen flex-1">
              {children}
            </main>
            <SiteFooter />
          </div>
        </AuthProvider>
      </body>
    </html>
  );
}
