import { Module } from '@nestjs/common';
import { ProfileController } from './profile.controller.js';

/** The practitioner's profile. */
@Module({ controllers: [ProfileController] })
export class ProfileModule {}
