import { Module } from '@nestjs/common';
import { AccountController } from './account.controller.js';
import { InformationController } from './information.controller.js';
import { PasswordResetController } from './password-reset.controller.js';

/** Account and sign-in, forgotten passwords, and the service's information pages. */
@Module({ controllers: [AccountController, PasswordResetController, InformationController] })
export class AccountModule {}
