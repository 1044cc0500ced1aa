export { CAREER_STAGES, type CareerStage, FORMATS, type Format, PEPS_STAGES, type PepsStage } from './domain/practitioner.js';
export { PractitionerSummary } from './http/practitioner-summary.dto.js';
export { PractitionerProfileRequest } from './http/profile.dto.js';
export { PractitionerProfile } from './persistence/practitioner-profile.entity.js';
export { practitionerSummaries } from './persistence/practitioner-summaries.js';
export { specialismProblems, specialismsFor } from './persistence/specialisms.read.js';
export { PractitionersModule } from './practitioners.module.js';
