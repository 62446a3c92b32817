import type { ReactNode } from 'react';
import { Text } from '../ui/type';

/** The frame of the signed-in pages: a heading and a readable column (plain elements in the theme's type scale). */
export function AccountPage({ title, intro, wide, children }: { title: string; intro?: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`mx-auto w-full px-4 py-10 sm:px-6 ${wide ? 'max-w-6xl' : 'max-w-2xl'}`}>
      <Text variant="h1" className="text-3xl sm:text-4xl">
        {title}
      </Text>
      {intro ? <Text className="mt-2 text-muted">{intro}</Text> : null}
      <div className="mt-8 flex flex-col gap-6">{children}</div>
    </div>
  );
}
