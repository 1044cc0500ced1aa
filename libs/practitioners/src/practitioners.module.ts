import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { AddSpecialismHandler } from './commands/add-specialism/add-specialism.handler.js';
import { UpdateProfileHandler } from './commands/update-profile/update-profile.handler.js';
import { PractitionersController } from './http/practitioners.controller.js';
import { PractitionerProfile } from './persistence/practitioner-profile.entity.js';
import { Specialism } from './persistence/specialism.entity.js';
import { MyProfileHandler } from './queries/my-profile/my-profile.handler.js';
import { SpecialismsHandler } from './queries/specialisms/specialisms.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([PractitionerProfile, Specialism]), OutboxModule],
  controllers: [PractitionersController],
  providers: [UpdateProfileHandler, AddSpecialismHandler, MyProfileHandler, SpecialismsHandler],
})
export class PractitionersModule {}
