import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { hashPassword } from '../domain/passwords.js';
import { IdentityConfig } from '../identity.config.js';
import { User } from './user.entity.js';

/** Creates the admin named in the configuration unless a user with that email exists. */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.ADMIN_EMAIL;
    const exists = await this.users.createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email }).getExists();
    if (exists) return;
    // Several API processes may start at once: the unique index on the email lets one of them win.
    const { identifiers } = await this.users
      .createQueryBuilder()
      .insert()
      .values({ email, displayName: 'Administrator', role: 'admin', passwordHash: await hashPassword(this.config.ADMIN_PASSWORD) })
      .orIgnore()
      .execute();
    if (identifiers.length > 0 && identifiers[0]) this.logger.log(`Created the first admin, ${email}`);
  }
}
