import type { Role } from '../session/web-session.js';

export interface NavigationItem {
  href: string;
  text: string;
}

/** The service navigation each role sees; an item is active on its own page and the pages under it. */
const NAVIGATION: Record<Role, NavigationItem[]> = {
  practitioner: [
    { href: '/home', text: 'Home' },
    { href: '/opportunities', text: 'Find opportunities' },
  ],
  academic: [{ href: '/home', text: 'Home' }],
  partnership_lead: [
    { href: '/home', text: 'Home' },
    { href: '/decisions', text: 'Open opportunities' },
  ],
  admin: [{ href: '/home', text: 'Home' }],
};

export function navigationFor(role: Role | undefined, currentPath: string): (NavigationItem & { active: boolean })[] {
  if (!role) return [];
  return NAVIGATION[role].map((item) => ({ ...item, active: currentPath === item.href || currentPath.startsWith(`${item.href}/`) }));
}
