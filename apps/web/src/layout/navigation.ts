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
    { href: '/profile', text: 'Your profile' },
    { href: '/alerts', text: 'Email alerts' },
  ],
  academic: [
    { href: '/home', text: 'Home' },
    { href: '/manage/opportunities', text: 'Opportunities' },
    { href: '/alerts', text: 'Email alerts' },
  ],
  partnership_lead: [
    { href: '/home', text: 'Home' },
    { href: '/decisions', text: 'Decisions' },
    { href: '/manage/opportunities', text: 'Opportunities' },
    { href: '/partnership', text: 'Partnership' },
    { href: '/people', text: 'People' },
    { href: '/alerts', text: 'Email alerts' },
  ],
  admin: [
    { href: '/home', text: 'Home' },
    { href: '/admin/universities', text: 'Universities' },
    { href: '/admin/councils', text: 'Councils' },
    { href: '/admin/partnerships', text: 'Partnerships' },
    { href: '/admin/people', text: 'People' },
    { href: '/admin/email-suppressions', text: 'Email suppressions' },
    { href: '/admin/queues/', text: 'Queue dashboard' },
  ],
};

export function navigationFor(role: Role | undefined, currentPath: string): (NavigationItem & { active: boolean })[] {
  if (!role) return [];
  return NAVIGATION[role].map((item) => ({ ...item, active: currentPath === item.href || currentPath.startsWith(`${item.href}/`) }));
}
