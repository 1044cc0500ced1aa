import type { Role } from '#libs/identity';
import type { RegisterCouncilRequest, RegisterUniversityRequest } from '#libs/organisations';

/** Members of real social work teaching partnerships, as their public descriptions list them. */
export const DEMO_UNIVERSITIES: RegisterUniversityRequest[] = [
  { name: 'University of East Anglia', shortName: 'UEA', website: 'https://www.uea.ac.uk' },
  { name: 'University of Suffolk', website: 'https://www.uos.ac.uk' },
  { name: 'University of Lincoln', website: 'https://www.lincoln.ac.uk' },
  { name: 'University of Worcester', website: 'https://www.worcester.ac.uk' },
];

export const DEMO_COUNCILS: RegisterCouncilRequest[] = [
  { name: 'Norfolk County Council', kind: 'county', region: 'east_of_england' },
  { name: 'Suffolk County Council', kind: 'county', region: 'east_of_england' },
  { name: 'Lincolnshire County Council', kind: 'county', region: 'east_midlands' },
  { name: 'North East Lincolnshire Council', kind: 'unitary', region: 'yorkshire_and_the_humber' },
  { name: 'Worcestershire County Council', kind: 'county', region: 'west_midlands' },
];

/** Partnerships modelled on public descriptions of real ones, by their members' names. */
export const DEMO_PARTNERSHIPS: { name: string; description: string; universities: string[]; councils: string[] }[] = [
  {
    name: 'Norfolk and Suffolk Social Work Teaching Partnership',
    description: 'Norfolk and Suffolk county councils with the University of East Anglia and the University of Suffolk.',
    universities: ['University of East Anglia', 'University of Suffolk'],
    councils: ['Norfolk County Council', 'Suffolk County Council'],
  },
  {
    name: 'Greater Lincolnshire Social Work Teaching Partnership',
    description: 'Lincolnshire County Council and North East Lincolnshire Council with the University of Lincoln.',
    universities: ['University of Lincoln'],
    councils: ['Lincolnshire County Council', 'North East Lincolnshire Council'],
  },
  {
    name: 'Worcestershire Social Work Teaching Partnership',
    description: 'Worcestershire County Council with the University of Worcester.',
    universities: ['University of Worcester'],
    councils: ['Worcestershire County Council'],
  },
];

/** For the demo only: every demo person signs in with it. */
export const DEMO_PASSWORD = 'demo-password-2026';

/** One person of each role besides the admin, in the Norfolk and Suffolk partnership. */
export const DEMO_PEOPLE: { email: string; displayName: string; role: Role; organisation?: string }[] = [
  { email: 'lead@norfolk-suffolk.example', displayName: 'Alex Morgan', role: 'partnership_lead' },
  { email: 'academic@uea.example', displayName: 'Dr Priya Shah', role: 'academic', organisation: 'University of East Anglia' },
  { email: 'practitioner@norfolk.example', displayName: 'Sam Taylor', role: 'practitioner', organisation: 'Norfolk County Council' },
];
