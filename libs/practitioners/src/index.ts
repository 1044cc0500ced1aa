export { CAREER_STAGES, type CareerStage, FORMATS, type Format, PEPS_STAGES, type PepsStage } from './practitioner.js';
export { PractitionerProfileRequest } from './profile.dto.js';
export { PractitionersModule } from './practitioners.module.js';
export { specialismProblems, specialismsFor } from './specialisms.read.js';
export { PractitionerProfile } from './practitioner-profile.entity.js';
export { PractitionerSummary, practitionerSummaries } from './practitioner-summary.js';
