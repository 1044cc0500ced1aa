import { Module } from '@nestjs/common';
import { InviteController } from './invite.controller.js';
import { PeopleController } from './people.controller.js';

/** People and their invitations: a lead's partnership's, and everyone's for admins. */
@Module({ controllers: [PeopleController, InviteController] })
export class PeopleModule {}
