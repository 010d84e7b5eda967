// The view switcher: plain links to hash routes (keyboard and screen readers know links), the
// current one marked with aria-current; Left/Right arrows move between them too.
import type { KeyboardEvent } from 'react';
import { ROUTES, routeHash, stepRoute, type Route } from '../../shared/ui/route.js';
import { type Translate } from '../i18n/i18n.js';

export function Nav({ route, go, t }: { route: Route; go: (r: Route) => void; t: Translate }) {
  const onKey = (e: KeyboardEvent<HTMLAnchorElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = stepRoute(route, e.key === 'ArrowRight' ? 1 : -1);
    go(next);
    document.getElementById(`nav-${next}`)?.focus();
  };
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {ROUTES.map((r) => (
          <li key={r}>
            <a id={`nav-${r}`} href={routeHash(r)} aria-current={r === route ? 'page' : undefined} data-testid={`nav-${r}`} onKeyDown={onKey}>
              {t(`nav.${r}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
