import { Module } from '@nestjs/common';
import { AccountController } from './account.controller.js';
import { InformationController } from './information.controller.js';

/** Account and sign-in, and the service's information pages. */
@Module({ controllers: [AccountController, InformationController] })
export class AccountModule {}
