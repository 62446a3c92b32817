import { footerNav } from '../lib/navigation';
import { Text } from './ui/type';

/** The foot of every page; developer links (the API docs) live here, not in the students' bar. */
export function SiteFooter() {
  return (
    <footer className="border-t border-divider">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-2 px-4 py-8 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <Text variant="body2" className="text-muted">
          PeerPrep · practise technical interviews with a peer, live.
        </Text>
        <nav aria-label="Developers">
          <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
            {footerNav.map((item) => (
              <li key={item.href}>
                {/* Served by the gateway: a plain anchor, a full page load. */}
                <a href={item.href} className="text-sm text-primary underline-offset-4 hover:underline">
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
