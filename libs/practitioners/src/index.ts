export { CAREER_STAGES, type CareerStage, FORMATS, type Format, PEPS_STAGES } from './domain/practitioner.js';
export { PractitionerSummary } from './http/practitioner-summary.dto.js';
export { PractitionerProfile } from './persistence/practitioner-profile.entity.js';
export { practitionerSummaries } from './persistence/practitioner-summaries.js';
export { specialismProblems } from './persistence/specialisms.read.js';
export { PractitionersModule } from './practitioners.module.js';
