import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '#libs/events';
import { AddSpecialismHandler } from './add-specialism.js';
import { PractitionerProfile } from './practitioner-profile.entity.js';
import { PractitionersController } from './practitioners.controller.js';
import { Specialism } from './specialism.entity.js';
import { UpdateProfileHandler } from './update-profile.handler.js';

@Module({
  imports: [TypeOrmModule.forFeature([PractitionerProfile, Specialism]), OutboxModule],
  controllers: [PractitionersController],
  providers: [UpdateProfileHandler, AddSpecialismHandler],
})
export class PractitionersModule {}
