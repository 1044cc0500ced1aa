/**
 * Whether the person `user` (an alias of users) works in partnership `partnershipId` (SQL) now:
 * the same rule as a signed-in caller's partnerships, read at the moment an email is planned.
 */
export const worksInPartnership = (user: string, partnershipId: string) => `
  (${user}.role = 'admin'
   OR EXISTS (SELECT 1 FROM partnership_members membership WHERE membership.partnership_id = ${partnershipId}
                AND (membership.university_id = ${user}.university_id OR membership.council_id = ${user}.council_id))
   OR EXISTS (SELECT 1 FROM partnership_leads leadership WHERE leadership.partnership_id = ${partnershipId} AND leadership.user_id = ${user}.id))`;
