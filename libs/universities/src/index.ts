export { RegisterUniversityCommand } from './register-university.command.js';
export { UniversitiesModule } from './universities.module.js';
export { RegisterUniversityRequest, type UniversityResponse } from './university.dto.js';
